"""B11: creating many access tokens, with the secrets masker on and off, side by side in one run.

Each side runs in a fresh process (the masker keeps what it learned for the life of a process) against
one emulator in its own process, so the CPU measured is the client's alone: the token operator creating
``count`` tokens, whose answers each hold a new secret.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
PASSWORD = "bench-password-1"
#: B11's target: masking may at most double the CPU of creating the tokens.
B11_MAX_RATIO = 2.0


class Emulator:
    """The emulator in a child process, with user ``bench``."""

    def __enter__(self) -> Emulator:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "airflow_provider_dockerhub.testing.emulator", "--port", "0",
             "--account", f"bench:{PASSWORD}"], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "listening on " not in line:
            self.proc.kill()
            raise RuntimeError(f"the emulator did not start: {line!r}")
        self.url = line.split("listening on ", 1)[1].split()[0]
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def create_tokens(url: str, count: int, masking: str) -> dict[str, Any]:
    """In this process: create ``count`` tokens with the token operator; the CPU seconds it took.

    :param masking: ``on`` (the provider's registry), ``off`` (nothing registered), or ``airflow``
        (each secret through Airflow's ``mask_secret``, one by one: the control).
    """
    import time

    os.environ["AIRFLOW_CONN_B11"] = json.dumps(
        {"conn_type": "dockerhub", "host": url, "login": "bench", "password": PASSWORD})
    from airflow_provider_dockerhub import masking as masking_module
    from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateAccessTokenOperator

    if masking == "off":
        masking_module._registry.register = lambda secrets, where="": 0
    elif masking == "airflow":
        from airflow_provider_dockerhub._compat import mask_secret

        masking_module._registry.register = lambda secrets, where="": [mask_secret(s) for s in secrets]
    records = [{"token_label": f"b11-{masking}-{n}", "scopes": ["repo:read"]} for n in range(count)]
    op = DockerHubCreateAccessTokenOperator(task_id="b11", dockerhub_conn_id="b11", records=records)
    started = time.process_time()
    summary = op.execute({})
    cpu = time.process_time() - started
    if summary["succeeded"] != count:
        raise RuntimeError(f"B11 created {summary['succeeded']} of {count} tokens: {summary}")
    return {"cpu": cpu, "patterns": len(getattr(_masker(), "patterns", ()))}


def _masker() -> Any:
    from airflow.sdk._shared.secrets_masker import _secrets_masker

    return _secrets_masker()


def _child(url: str, count: int, masking: str) -> dict[str, Any]:
    code = ("import json, sys; sys.path.insert(0, %r); import masking_bench; "
            "print('B11', json.dumps(masking_bench.create_tokens(%r, %d, %r)))") % (str(BENCH), url, count, masking)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ).stdout
    return json.loads([x for x in out.splitlines() if x.startswith("B11 ")][-1][4:])


def b11(count: int, control: int) -> dict[str, Any]:
    """Masking on against masking off, each the least disturbed of two runs; the control registers ``control``
    tokens one by one through Airflow's ``mask_secret``, against masking off at that size."""
    with Emulator() as hub:
        off = min((_child(hub.url, count, "off") for _ in range(2)), key=lambda r: r["cpu"])
        on = min((_child(hub.url, count, "on") for _ in range(2)), key=lambda r: r["cpu"])
        control_off = _child(hub.url, control, "off")
        control_airflow = _child(hub.url, control, "airflow")
    ratio = on["cpu"] / off["cpu"]
    return {"id": "B11", "what": f"CPU of creating {count:,} access tokens, secrets masker on vs off",
            "ours": round(on["cpu"], 2), "baseline": round(off["cpu"], 2), "unit": "CPU s",
            "baseline_name": "masking off", "measure": round(ratio, 2),
            "target": f"<= {B11_MAX_RATIO} x baseline", "met": ratio <= B11_MAX_RATIO, "masker_patterns": on["patterns"],
            "control": {"count": control, "airflow_cpu": round(control_airflow["cpu"], 2),
                        "off_cpu": round(control_off["cpu"], 2),
                        "measure": round(control_airflow["cpu"] / control_off["cpu"], 2)}}
