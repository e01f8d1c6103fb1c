"""The sync as a DAG author meets it: templated settings, the whole plan in a dry run, outputs that see every phase."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator
from airflow_provider_dockerhub.pipeline.sinks import EventSink, OutcomeSink
from airflow_provider_dockerhub.sync.guard import DeleteGuardError
from airflow_provider_dockerhub.testing.tasks import run_task

pytestmark = pytest.mark.timeout(60)


def members(*names):
    return [{"org": "acme", "group": "ops", "username": name} for name in names]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"mode": "replace"}, "mode must be one of 'create', 'upsert', 'mirror', got 'replace'"),
    ({"max_deletes": 1.0}, "max_deletes must be a whole count"),
    ({"max_deletes": "2.0"}, "max_deletes must be a whole count"),
    ({"dry_run": "false-ish"}, "dry_run must be True or False"),
    ({"on_error": "contine"}, "on_error must be one of"),
])
def test_bad_settings_fail_when_the_dag_is_parsed_and_the_same_after_rendering(kwargs, message):
    with pytest.raises(ValueError, match=message):
        DockerHubSyncOperator(task_id="s", resource="group_members", records=[], **kwargs)
    templated = {name: "{{ params.value }}" for name in kwargs}
    op = DockerHubSyncOperator(task_id="s", resource="group_members", records=members("bob"), **templated)
    with pytest.raises(ValueError, match=message):
        run_task(op, params={"value": next(iter(kwargs.values()))})


def test_templated_settings_are_converted_after_rendering(hub, run_op):
    hub.add_group("acme", "ops", ["bob", "carol"])
    op = DockerHubSyncOperator(task_id="s", resource="group_members", records=members("bob"),
                               mode="{{ params.mode }}", max_deletes="{{ params.max_deletes }}",
                               dry_run="{{ params.dry_run }}")
    ti = run_task(op, params={"mode": "mirror", "max_deletes": "1", "dry_run": "false"})
    assert ti.return_value["deleted"] == 1 and ti.return_value["dry_run"] is False
    assert hub.state.orgs["acme"].groups["ops"].members == ["bob"]


def test_a_dry_run_shows_the_whole_plan_even_when_the_guard_would_refuse_it(hub, log_text):
    hub.add_user("dave")
    hub.add_group("acme", "ops", ["bob", "carol", "dave"])
    op = DockerHubSyncOperator(task_id="s", resource="group_members", mode="mirror", records=members("erin"),
                               max_deletes="50%", dry_run=True)
    result = run_task(op).return_value
    assert result["guard"].startswith("the plan destroys 3 group_members (3 delete), more than max_deletes "
                                      "(50% of 3 = 1)")
    assert result["plan"][1:] == ["  create group_members acme/ops/erin",
                                  "  delete group_members acme/ops/bob (no record names it)",
                                  "  delete group_members acme/ops/carol (no record names it)",
                                  "  delete group_members acme/ops/dave (no record names it)"]
    assert "The delete guard would refuse this plan" in log_text() and hub.writes() == []
    with pytest.raises(DeleteGuardError):
        run_task(DockerHubSyncOperator(task_id="s", resource="group_members", mode="mirror", records=members("erin"),
                                       max_deletes="50%"))
    assert "Plan for group_members" in log_text() and hub.writes() == []


def test_every_phase_reaches_an_object_storage_response_file(hub, tmp_path):
    """Creates, then updates, then deletes: one file:// object receives the events of all three phases."""
    hub.add_group("acme", "old")
    hub.add_group("acme", "ops")
    target = tmp_path / "responses.jsonl"
    records = [{"org": "acme", "name": "ops", "description": "On call"}, {"org": "acme", "name": "web"}]
    run_task(DockerHubSyncOperator(task_id="s", resource="groups", mode="mirror", records=records,
                                   response_path=f"file://{target}", rejects_path=f"file://{tmp_path / 'rejects.jsonl'}"))
    methods = sorted(json.loads(line)["method"] for line in target.read_text().splitlines())
    assert methods == ["DELETE", "DELETE", "PATCH", "POST"]  # old and the fixture's devs


class _Webhook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - the handler's API
        self.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        return


def test_the_webhook_hears_run_started_once_before_the_first_write(hub):
    _Webhook.received = []
    server = HTTPServer(("127.0.0.1", 0), _Webhook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        hub.add_group("acme", "old")
        run_task(DockerHubSyncOperator(task_id="s", resource="groups", mode="mirror", records=[{"org": "acme",
                                                                                                  "name": "web"}],
                                       response_webhook_url=f"http://127.0.0.1:{server.server_port}/hook"))
    finally:
        server.shutdown()
    events = [event for batch in _Webhook.received for event in batch]
    assert [e.get("event") for e in events].count("run_started") == 1 and events[0]["event"] == "run_started"
    assert sorted(e["method"] for e in events[1:]) == ["DELETE", "DELETE", "POST"]


class _Collecting(EventSink, OutcomeSink):
    """A user's own output: the two sink interfaces, nothing else."""

    def __init__(self):
        self.started, self.events, self.outcomes, self.closed = [], [], [], 0

    def start(self, run):
        self.started.append(run)

    def on_event(self, event):
        self.events.append(event)

    def on_outcome(self, outcome):
        self.outcomes.append(outcome.status.value)

    def close(self):
        self.closed += 1


def test_a_user_sink_sees_every_phase_of_a_sync_and_a_send(hub):
    from airflow_provider_dockerhub.operators.send import DockerHubSendOperator

    hub.add_group("acme", "old")
    mine = _Collecting()
    run_task(DockerHubSyncOperator(task_id="s", resource="groups", mode="mirror", sinks=[mine],
                                   records=[{"org": "acme", "name": "web"}]))
    assert len(mine.started) == 1 and mine.closed == 1
    assert sorted(e["method"] for e in mine.events) == ["DELETE", "DELETE", "POST"]
    theirs = _Collecting()
    run_task(DockerHubSendOperator(task_id="t", endpoint="/v2/namespaces/acme/repositories", sinks=[theirs],
                                   records=[{"name": "api", "namespace": "acme"}]))
    assert [e["status"] for e in theirs.events] == [201] and theirs.outcomes == ["succeeded"] and theirs.closed == 1


def test_something_that_is_no_sink_is_refused_when_the_dag_is_parsed():
    with pytest.raises(ValueError, match="sinks must be sinks"):
        DockerHubSyncOperator(task_id="s", resource="groups", records=[], sinks=["not a sink"])


def test_a_sink_that_fails_to_close_fails_the_sync_after_every_other_sink_is_closed(hub):
    from airflow_provider_dockerhub.exceptions import DockerHubRunError

    class BrokenClose(_Collecting):
        def close(self):
            super().close()
            raise OSError("disk full")

    broken, other = BrokenClose(), _Collecting()
    with pytest.raises(DockerHubRunError, match="an output failed on closing: BrokenClose: OSError: disk full"):
        run_task(DockerHubSyncOperator(task_id="s", resource="groups", sinks=[broken, other],
                                       records=[{"org": "acme", "name": "web"}]))
    assert (broken.closed, other.closed, len(other.started)) == (1, 1, 1)
    assert [e["method"] for e in other.events] == ["POST"] and "web" in hub.state.orgs["acme"].groups


def test_the_session_is_closed_when_a_sink_fails_to_start(hub):
    from airflow_provider_dockerhub.exceptions import DockerHubSinkError
    from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook

    closed = []

    class ClosingHook(DockerHubHook):
        def close(self):
            closed.append(True)
            super().close()

    class Sync(DockerHubSyncOperator):
        def get_hook(self, *, pool_maxsize):
            return ClosingHook(self.dockerhub_conn_id, pool_maxsize=pool_maxsize)

    class NoStart(_Collecting):
        def start(self, run):
            raise OSError("bucket gone")

    with pytest.raises(DockerHubSinkError, match="NoStart failed before the first call: OSError: bucket gone"):
        run_task(Sync(task_id="s", resource="groups", sinks=[NoStart()], records=[{"org": "acme", "name": "web"}]))
    assert closed == [True] and "web" not in hub.state.orgs["acme"].groups
