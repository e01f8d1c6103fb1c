"""Packaged like an official provider: license files, typing marker, bounded dependencies, a clear error on an
Airflow too old, ``__all__`` in public modules (the extra link: tests/operators/test_links.py)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from airflow_provider_dockerhub import AirflowVersionError, check_airflow_version

ROOT = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib")  # Python 3.11+
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_license_notice_and_typing_marker_are_shipped():
    assert "Apache License" in (ROOT / "LICENSE").read_text() and "END OF TERMS AND CONDITIONS" in (ROOT / "LICENSE").read_text()
    assert (ROOT / "NOTICE").read_text().startswith("airflow-provider-dockerhub")
    assert PYPROJECT["license-files"] == ["LICENSE", "NOTICE"]
    assert (ROOT / "airflow_provider_dockerhub" / "py.typed").exists()


def test_metadata_like_an_official_provider():
    classifiers = PYPROJECT["classifiers"]
    for prefix in ("Development Status ::", "Environment ::", "Intended Audience ::", "Topic ::",
                   "Programming Language :: Python :: 3.10", "Programming Language :: Python :: 3.13"):
        assert any(c.startswith(prefix) for c in classifiers), prefix
    assert PYPROJECT["keywords"] and PYPROJECT["authors"]
    for requirement in PYPROJECT["dependencies"]:
        assert "<" in requirement, f"{requirement} has no upper bound"
    assert "apache-airflow>=3.0,<4" in PYPROJECT["dependencies"] and "requests>=2.31,<3" in PYPROJECT["dependencies"]


def test_an_airflow_too_old_is_a_clear_import_error():
    check_airflow_version("3.0.0") or check_airflow_version("3.3.2") or check_airflow_version(None)
    with pytest.raises(ImportError, match=r"needs Apache Airflow 3.0.0 or later, but Apache Airflow 2.10.5 is installed"):
        check_airflow_version("2.10.5")
    assert issubclass(AirflowVersionError, ImportError)
    probe = ("import importlib.metadata as m\n"
             "real = m.version\n"
             "m.version = lambda name: '2.10.5' if name.startswith('apache-airflow') else real(name)\n"
             "import airflow_provider_dockerhub\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1 and "AirflowVersionError: airflow-provider-dockerhub" in proc.stderr


PUBLIC_MODULES = [
    "airflow_provider_dockerhub", "airflow_provider_dockerhub.exceptions", "airflow_provider_dockerhub.templating",
    "airflow_provider_dockerhub.get_provider_info", "airflow_provider_dockerhub.hooks.dockerhub",
    "airflow_provider_dockerhub.operators.send", "airflow_provider_dockerhub.operators.endpoints",
    "airflow_provider_dockerhub.operators.endpoint_base", "airflow_provider_dockerhub.operators.params",
    "airflow_provider_dockerhub.operators.links", "airflow_provider_dockerhub.pipeline.sinks",
    "airflow_provider_dockerhub.pipeline.storage", "airflow_provider_dockerhub.testing.emulator",
    "airflow_provider_dockerhub.testing.tasks", "airflow_provider_dockerhub.testing.dag_runner",
    "airflow_provider_dockerhub.errors", "airflow_provider_dockerhub.pipeline.sources",
    "airflow_provider_dockerhub.operators.webhooks", "airflow_provider_dockerhub.transport.retry",
]


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_modules_declare_all(name):
    module = importlib.import_module(name)
    assert module.__all__ and all(hasattr(module, attribute) for attribute in module.__all__)


def test_the_wheel_content_check_wants_license_and_typing_marker(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        check_dist = importlib.import_module("check_dist")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    wheel = tmp_path / "airflow_provider_dockerhub-0.2.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("airflow_provider_dockerhub/__init__.py", "")
    assert check_dist.wheel_content_problems(wheel) == [
        "no LICENSE in the wheel", "no NOTICE in the wheel", "no airflow_provider_dockerhub/py.typed in the wheel"]
    with zipfile.ZipFile(wheel, "a") as archive:
        archive.writestr("airflow_provider_dockerhub-0.2.0.dist-info/licenses/LICENSE", "Apache License")
        archive.writestr("airflow_provider_dockerhub-0.2.0.dist-info/licenses/NOTICE", "notice")
        archive.writestr("airflow_provider_dockerhub/py.typed", "")
    assert check_dist.wheel_content_problems(wheel) == []
    with zipfile.ZipFile(wheel, "a") as archive:  # a module deleted from the source, left in build/lib
        archive.writestr("airflow_provider_dockerhub/resources/organizations.py", "")
    assert check_dist.wheel_content_problems(wheel) == [
        "airflow_provider_dockerhub/resources/organizations.py is in the wheel, not in the source tree"]
