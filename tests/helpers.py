"""Small helpers shared by the tests."""

from __future__ import annotations

import base64
import json
import time

from airflow_provider_dockerhub.testing.clock import FakeClock


def make_jwt(exp_in: float = 600.0, **claims: object) -> str:
    """An unsigned JWT-shaped token with an ``exp`` claim, like /v2/auth/token returns."""

    def part(obj: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none'})}.{part({'exp': time.time() + exp_in, **claims})}.sig"


BASE = "https://hub.example.test"
SECRET = "dckr_pat_S3cr3tValue42"
TOKEN_URL = f"{BASE}/v2/auth/token"
REPOS_URL = f"{BASE}/v2/namespaces/alice/repositories"
#: alice's password in the emulator-backed tests.
PASSWORD = "alice-password-1"


class FakeTime(FakeClock):
    """A fake clock whose ``sleep`` advances it at once and records the seconds asked for, in ``slept``.

    Give a hook ``clock=fake.time, sleep=fake.sleep`` (and an emulator ``clock=fake``): its waits then take
    no real time, and a test asserts them from ``slept``. The start is an epoch second, as live resets name.
    """

    def __init__(self, start: float = 1_746_136_930.0) -> None:
        super().__init__(start)
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(seconds)


class FakeTaskInstance:
    """Collects xcom_push calls like a task instance would."""

    def __init__(self) -> None:
        self.xcom: dict[str, object] = {}

    def xcom_push(self, key: str, value: object) -> None:
        self.xcom[key] = json.loads(json.dumps(value))  # what XCom would store


def add_mixed_faults(hub, path: str) -> None:
    """10 % of the writes to ``path`` go wrong: answered 5xx or dropped after the write was applied,
    refused (503, dropped) before it, or rate limited (429, retried)."""
    hub.add_fault(status=502, rate=0.03, after_write=True, method="POST", path=path)
    hub.add_fault(drop=True, rate=0.01, after_write=True, method="POST", path=path)
    hub.add_fault(status=503, rate=0.02, method="POST", path=path)
    hub.add_fault(drop=True, rate=0.01, method="POST", path=path)
    hub.add_fault(status=429, rate=0.03, retry_after=0, method="POST", path=path)


def gen_docs():
    """``scripts/gen_docs.py`` (the generator of docs tables and ``operators/endpoints.py``) as a module."""
    import importlib.util
    import sys
    from pathlib import Path

    if "gen_docs" not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "scripts" / "gen_docs.py"
        spec = importlib.util.spec_from_file_location("gen_docs", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["gen_docs"] = module
        spec.loader.exec_module(module)
    return sys.modules["gen_docs"]
