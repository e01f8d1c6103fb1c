"""The emulator's modules: each imports alone, none imports another in a cycle, both command lines work,
and every time it reads comes from its clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from airflow_provider_dockerhub.testing.clock import FakeClock
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

PACKAGE = "airflow_provider_dockerhub.testing"
ROOT = Path(__file__).resolve().parents[2] / "airflow_provider_dockerhub" / "testing"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(_module_name(path) for path in ROOT.rglob("*.py") if path.name != "__main__.py")


def _imports_at_load(path: Path) -> set[str]:
    """The modules of the package that ``path`` imports when it is loaded (top level, not under TYPE_CHECKING
    or ``if __name__ == "__main__"``)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith(PACKAGE))
    return found & set(MODULES)


def test_the_emulator_is_made_of_modules():
    assert {"app", "server", "state", "clock", "faults", "ratelimit", "recording", "cli", "emulator",
            "routes.auth", "routes.tokens", "routes.orgs", "routes.repositories", "routes.scim"} <= {
        name.removeprefix(f"{PACKAGE}.") for name in MODULES}


def test_no_import_cycle_inside_testing():
    graph = {_module_name(path): _imports_at_load(path) for path in ROOT.rglob("*.py") if path.name != "__main__.py"}
    for name in graph:  # a package imports its submodules; a submodule importing its package is no cycle
        graph[name] = {dep for dep in graph[name] if dep != name and not name.startswith(f"{dep}.")}

    def cycle_from(start: str, node: str, seen: tuple[str, ...]) -> tuple[str, ...] | None:
        for dep in sorted(graph.get(node, ())):
            if dep == start:
                return (*seen, dep)
            if dep not in seen:
                found = cycle_from(start, dep, (*seen, dep))
                if found:
                    return found
        return None

    cycles = [found for name in graph if (found := cycle_from(name, name, (name,)))]
    assert cycles == []


@pytest.mark.timeout(300)
@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    proc = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("entry", [PACKAGE, f"{PACKAGE}.emulator"])
def test_both_command_lines(entry):
    proc = subprocess.run([sys.executable, "-m", entry, "--help"], capture_output=True, text=True, timeout=100)
    assert proc.returncode == 0 and "--seed-file" in proc.stdout, proc.stderr[-2000:]


def test_timestamps_and_expiry_come_from_the_clock():
    clock = FakeClock(start=1_767_225_600)  # 2026-01-01T00:00:00Z
    with DockerHubEmulator(clock=clock, token_lifetime=60) as hub:
        hub.add_user("alice", password="pw-alice-1")
        hub.add_org("acme", owners=["alice"])
        token = requests.post(f"{hub.url}/v2/auth/token", json={"identifier": "alice", "secret": "pw-alice-1"},
                              timeout=5).json()["access_token"]
        clock.advance(30)
        created = requests.post(f"{hub.url}/v2/namespaces/acme/repositories", json={"namespace": "acme", "name": "web"},
                                headers={"Authorization": f"Bearer {token}"}, timeout=5)
        assert created.json()["date_registered"] == "2026-01-01T00:00:30Z"
        assert hub.add_tag("acme", "web", "latest").tag_last_pushed == "2026-01-01T00:00:30Z"
        assert (hub.requests[-1].received_at, hub.requests[-1].answered_at) == (1_767_225_630, 1_767_225_630)
        clock.advance(30)
        expired = requests.get(f"{hub.url}/v2/namespaces/acme/repositories",
                               headers={"Authorization": f"Bearer {token}"}, timeout=5)
        assert expired.status_code == 401 and "expired" in expired.json()["detail"]


def test_a_fake_clock_only_moves_forward():
    clock = FakeClock(start=100)
    assert clock.advance(5) == 105 and clock.time() == 105
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="forward"):
        clock.set(50)
