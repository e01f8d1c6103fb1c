"""The built wheel stands alone: installed in a fresh virtual environment without the source tree, Airflow
lists the provider with its version, and the emulator's OpenAPI document is inside it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_installs_and_registers_on_its_own(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_dist.py"), "--dist", str(tmp_path / "dist")],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    from airflow_provider_dockerhub import __version__

    assert report["providers_list"] == report["version"] == __version__
    assert report["spec"] and str(ROOT) not in report["file"]
    assert sorted(name.split("-")[-1].split(".")[-1] for name in report["built"]) == ["gz", "whl"]
