"""The engine stands without Airflow: every module of ``pipeline/`` (and the ``transport/`` it sends webhooks
with) imports in an interpreter where Airflow cannot be imported, and a pipeline runs there end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import airflow_provider_dockerhub

PACKAGE = Path(airflow_provider_dockerhub.__file__).parent
#: Modules the engine must never load: Airflow itself and the provider's Airflow side.
FORBIDDEN = ("airflow", "airflow_provider_dockerhub.hooks", "airflow_provider_dockerhub.operators",
             "airflow_provider_dockerhub._compat", "airflow_provider_dockerhub.exceptions",
             "airflow_provider_dockerhub.masking")

SCRIPT = textwrap.dedent('''
    import importlib, json, pkgutil, sys

    FORBIDDEN = {forbidden!r}

    class Blocker:
        """Refuses Airflow and the provider's Airflow side, as if they were not installed."""
        def find_spec(self, name, path=None, target=None):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                raise ModuleNotFoundError(f"blocked: {{name}}", name=name)
            return None

    sys.meta_path.insert(0, Blocker())

    import airflow_provider_dockerhub.pipeline as pipeline
    import airflow_provider_dockerhub.transport as transport
    imported = []
    for package in (pipeline, transport):
        for module in pkgutil.iter_modules(package.__path__):
            imported.append(importlib.import_module(f"{{package.__name__}}.{{module.name}}").__name__)

    import requests
    from airflow_provider_dockerhub.pipeline.items import Status
    from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
    from airflow_provider_dockerhub.pipeline.sinks import EventSink, OutcomeSink, RejectsFile
    from airflow_provider_dockerhub.pipeline.sources import read_records

    def send(call):
        response = requests.Response()
        response.status_code = 409 if call.url.endswith("/taken") else 201
        response._content = json.dumps({{"name": call.url.rsplit("/", 1)[-1], "token": "dckr_pat_new_secret_1"}}).encode()
        response.headers["Content-Type"] = "application/json"
        return response

    class Calls(EventSink):
        def __init__(self):
            self.events, self.started, self.closed = [], None, False
        def start(self, run):
            self.started = dict(run)
        def on_event(self, event):
            self.events.append((event["method"], event["status"]))
        def close(self):
            self.closed = True

    class Statuses(OutcomeSink):
        def __init__(self):
            self.seen = []
        def on_outcome(self, outcome):
            self.seen.append((outcome.item.location, outcome.status.value))

    masked = []
    calls, statuses = Calls(), Statuses()
    settings = PipelineSettings(method="POST", endpoint="/v2/x/{{{{ record.name }}}}", on_error="continue")
    pipeline = RecordPipeline(settings, send=send, sinks=[calls, statuses, RejectsFile(sys.argv[2])],
                              run={{"task_id": "t"}}, register_secrets=lambda secrets, where: masked.extend(secrets))
    summary = pipeline.run(read_records(records_path=sys.argv[1]))
    print(json.dumps({{
        "imported": imported,
        "loaded": sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)),
        "counts": [summary.records_read, summary.succeeded, summary.failed, summary.rejected],
        "events": calls.events, "started": calls.started, "closed": calls.closed, "outcomes": statuses.seen,
        "masked": masked, "run_error": repr(pipeline.run_error),
    }}))
''').format(forbidden=FORBIDDEN)


@pytest.mark.timeout(120)
def test_every_pipeline_module_imports_and_a_pipeline_runs_with_airflow_blocked(tmp_path):
    records = tmp_path / "repos.jsonl"
    records.write_text('{"name": "web"}\n{"name": "taken"}\nnot json\n{"name": "api"}\n')
    rejects = tmp_path / "rejects.jsonl"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(records), str(rejects)], capture_output=True, text=True,
                          env=env, timeout=100, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)

    modules = {f"airflow_provider_dockerhub.{folder}.{path.stem}" for folder in ("pipeline", "transport")
               for path in (PACKAGE / folder).glob("*.py") if path.stem != "__init__"}
    assert set(result["imported"]) == modules
    assert result["loaded"] == []
    assert result["counts"] == [4, 2, 1, 1]
    assert result["events"] == [["POST", 201], ["POST", 409], ["POST", 201]]
    assert result["started"] == {"task_id": "t", "dry_run": False} and result["closed"]
    assert result["outcomes"] == [["line 1", "succeeded"], ["line 2", "failed"], ["line 3", "rejected"],
                                  ["line 4", "succeeded"]]
    assert set(result["masked"]) == {"dckr_pat_new_secret_1"}  # each answer's secrets went to the masker
    assert result["run_error"] == "None"
    rejected = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(r["location"], r["outcome"]) for r in rejected] == [("line 2", "failed"), ("line 3", "rejected")]
