"""Build the sdist and wheel, check them with twine, and prove the wheel stands alone.

    python scripts/check_dist.py [--keep DIR]

The wheel is installed with Apache Airflow into a fresh virtual environment outside the source tree;
there ``airflow providers list`` and ``get_provider_info`` must show the provider with its version,
and the emulator's OpenAPI document must be inside the installed package. The wheel must carry LICENSE,
NOTICE and the ``py.typed`` marker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AIRFLOW_VERSION = os.environ.get("AIRFLOW_VERSION", "3.3.2")
PROBE = """
import json, importlib.resources as resources
import airflow_provider_dockerhub as package
from airflow_provider_dockerhub.get_provider_info import get_provider_info
spec = resources.files("airflow_provider_dockerhub.testing") / "spec" / "dockerhub-hub-api.openapi.yaml"
print(json.dumps({"file": package.__file__, "version": package.__version__,
                  "info_versions": get_provider_info()["versions"], "spec": spec.is_file()}))
"""


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return proc


def build(out: Path) -> list[Path]:
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools reuses build/lib: a deleted module would ship
    run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)])
    built = sorted(out.iterdir())
    run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)])
    return built


def wheel_content_problems(wheel: Path) -> list[str]:
    """What the wheel lacks of LICENSE, NOTICE (in its ``.dist-info``) and the ``py.typed`` marker, and package
    files it carries that the source tree does not have (left over from an earlier build: resources/ would
    find a stale module as a resource kind)."""
    names = zipfile.ZipFile(wheel).namelist()
    problems = [f"no {name} in the wheel" for name in ("LICENSE", "NOTICE")
                if not any(".dist-info/" in entry and entry.rsplit("/", 1)[-1] == name for entry in names)]
    if "airflow_provider_dockerhub/py.typed" not in names:
        problems.append("no airflow_provider_dockerhub/py.typed in the wheel")
    problems += [f"{name} is in the wheel, not in the source tree" for name in names
                 if name.startswith("airflow_provider_dockerhub/") and not (ROOT / name).exists()]
    return problems


def check_wheel(wheel: Path, work: Path) -> dict:
    """Install ``wheel`` in a fresh venv under ``work`` and return what the installed provider says."""
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", f"{wheel}", f"apache-airflow=={AIRFLOW_VERSION}"], cwd=work)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW") and k != "PYTHONPATH"}
    env.update(AIRFLOW_HOME=str(work / "airflow"), AIRFLOW__CORE__LOAD_EXAMPLES="False")
    probe = json.loads(run([str(python), "-c", PROBE], cwd=work, env=env).stdout.strip().splitlines()[-1])
    listed = run([str(venv / "bin" / "airflow"), "providers", "list", "--output", "json"], cwd=work, env=env).stdout
    providers = {p["package_name"]: p["version"] for p in _json_array(listed)}
    return {**probe, "providers_list": providers.get("airflow-provider-dockerhub")}


def _json_array(output: str) -> list[dict]:
    """The JSON array in a command's output, past any log lines before it (which may hold brackets too)."""
    decoder = json.JSONDecoder()
    for start in (i for i, char in enumerate(output) if char == "["):
        try:
            value, _ = decoder.raw_decode(output, start)
        except ValueError:
            continue
        if isinstance(value, list) and all(isinstance(item, dict) for item in value) and value:
            return value
    raise SystemExit(f"airflow providers list printed no JSON list:\n{output[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the sdist and wheel are written")
    args = parser.parse_args(argv)
    out = Path(args.dist)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("airflow_provider_dockerhub-*"):
        old.unlink()
    built = build(out)
    [wheel] = [p for p in built if p.suffix == ".whl"]
    missing = wheel_content_problems(wheel)
    if missing:
        raise SystemExit("the wheel is incomplete: " + "; ".join(missing))
    with tempfile.TemporaryDirectory() as tmp:
        report = check_wheel(wheel, Path(tmp))
    print(json.dumps({"built": [p.name for p in built], **report}))
    problems = []
    if str(ROOT) in report["file"]:
        problems.append(f"imported from the source tree ({report['file']})")
    if not report["spec"]:
        problems.append("the OpenAPI document is not in the wheel")
    if report["providers_list"] != report["version"] or report["info_versions"] != [report["version"]]:
        problems.append(f"airflow providers list shows {report['providers_list']!r}, the package {report['version']!r}")
    if problems:
        raise SystemExit("the wheel does not stand alone: " + "; ".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
