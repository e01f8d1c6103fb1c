"""Where the provider writes records and secrets: private files, a webhook checked before the first write,
no secrets over plain HTTP, and the rejects file holding each record as read."""

from __future__ import annotations

import json
import os
import stat

import pytest

from airflow_provider_dockerhub.exceptions import DockerHubSinkError
from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateAccessTokenOperator
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.pipeline.sinks import Webhook
from airflow_provider_dockerhub.testing.tasks import RecordingTaskInstance, run_task

REPOS = "/v2/namespaces/{{ record.namespace }}/repositories"


def repo_records(count: int) -> list[dict]:
    return [{"namespace": "acme", "name": f"repo-{n}"} for n in range(count)]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_existing_world_readable_files_are_made_private(hub, tmp_path):
    responses, rejects = tmp_path / "responses.jsonl", tmp_path / "rejects.jsonl"
    for path in (responses, rejects):
        path.write_text("")
        os.chmod(path, 0o644)
    run_task(DockerHubCreateAccessTokenOperator(
        task_id="t", records=[{"token_label": "ci", "scopes": ["repo:read"]}, {"token_label": "bad"}],
        on_error="continue", response_path=str(responses), rejects_path=str(rejects)))
    assert mode(responses) == 0o600 and mode(rejects) == 0o600
    assert json.loads(responses.read_text())["response"]["token"].startswith("dckr_pat_")
    assert json.loads(rejects.read_text())["record"] == {"token_label": "bad"}


def test_a_file_that_cannot_be_made_private_is_refused(hub, tmp_path, monkeypatch):
    responses = tmp_path / "responses.jsonl"
    responses.write_text("")
    os.chmod(responses, 0o644)

    def refuse(fd, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", refuse)
    with pytest.raises(PermissionError, match=r"has mode 0644 and cannot be made private \(0600\)"):
        run_task(DockerHubSendOperator(task_id="t", records=repo_records(1), endpoint=REPOS,
                                       response_path=str(responses)))
    assert hub.requests == []


def test_an_unreachable_webhook_stops_the_task_before_any_write(hub, unused_port_url):
    ti = RecordingTaskInstance()
    with pytest.raises(DockerHubSinkError, match="Webhook failed before the first call"):
        run_task(DockerHubSendOperator(task_id="t", records=repo_records(40), endpoint=REPOS,
                                       response_webhook_url=unused_port_url), ti=ti)
    assert hub.state.repositories == {} and not [r for r in hub.requests if r.method == "POST"]
    assert ti.xcom["summary"]["records_read"] == 0


def test_the_webhook_first_gets_a_run_started_event(hub, webhook):
    run_task(DockerHubSendOperator(task_id="create", records=repo_records(2), endpoint=REPOS,
                                   response_webhook_url=webhook.url), run_id="scheduled__2026-01-01T00:00:00+00:00")
    (_, started), (_, events) = webhook.received
    assert started == [{"event": "run_started", "dag_id": "test_dag", "task_id": "create",
                        "run_id": "scheduled__2026-01-01T00:00:00+00:00", "map_index": -1, "try_number": 1,
                        "dry_run": False}]
    assert [e["indices"] for e in events] == [[0], [1]]


def test_a_webhook_failing_mid_run_stops_new_writes(hub, webhook):
    webhook.statuses = [200] + [400] * 20  # run_started accepted, then every event refused
    ti = RecordingTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=repo_records(40), endpoint=REPOS, response_webhook_url=webhook.url)
    op_sinks = op.build_sinks

    def sinks_flushing_every_event():
        sinks, xcom = op_sinks()
        for sink in sinks:
            if isinstance(sink, Webhook):
                sink.flush_seconds = 0
        return sinks, xcom

    op.build_sinks = sinks_flushing_every_event
    with pytest.raises(DockerHubSinkError, match="Webhook failed after 1 calls"):
        run_task(op, ti=ti)
    assert len(hub.state.repositories) == 1
    summary = ti.xcom["summary"]
    assert summary["records_read"] == summary["succeeded"] + summary["failed"] + summary["rejected"]


def test_secrets_are_not_sent_over_plain_http_unless_allowed(hub, webhook):
    insecure = webhook.url.replace("127.0.0.1", "localhost.example.test")
    with pytest.raises(ValueError, match="allow_insecure_webhook=True"):
        DockerHubCreateAccessTokenOperator(task_id="t", records=[], response_webhook_url=insecure)
    templated = DockerHubCreateAccessTokenOperator(task_id="t", records=[{"token_label": "a", "scopes": ["repo:read"]}],
                                                   response_webhook_url="{{ params.url }}")
    with pytest.raises(ValueError, match="plain http:// to localhost.example.test"):
        run_task(templated, params={"url": insecure})
    assert not [r for r in hub.requests if r.method == "POST"]
    allowed = DockerHubCreateAccessTokenOperator(task_id="t", records=[], response_webhook_url=insecure,
                                                 allow_insecure_webhook=True)
    assert allowed.allow_insecure_webhook is True


def test_rejects_hold_the_record_as_read_and_the_body_sent(hub, tmp_path):
    hub.add_repository("acme", "taken")
    rejects = tmp_path / "rejects.jsonl"
    records = [{"namespace": "acme", "name": "taken", "description": "x"}, {"namespace": "acme"}]
    run_task(DockerHubSendOperator(task_id="t", endpoint_preset="create_repository", records=records,
                                   exclude_attributes=["description"], rejects_path=str(rejects), on_error="continue"))
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [line["record"] for line in lines] == records  # no defaults added
    assert lines[0]["status"] == 400 and lines[0]["body"] == {"name": "taken", "namespace": "acme"}
    assert lines[1]["outcome"] == "rejected" and lines[1]["body"] is None


def test_safe_filename_filter_in_a_templated_path(hub, tmp_path):
    op = DockerHubSendOperator(task_id="t", records=repo_records(1), endpoint=REPOS,
                               response_path=str(tmp_path / "responses-{{ run_id | safe_filename }}.jsonl"))
    run_task(op, run_id="manual__2026-12-02T16:41:44.906060+00:00")
    assert [p.name for p in tmp_path.iterdir()] == ["responses-manual__2026-12-02T16_41_44.906060_00_00.jsonl"]


def test_rejects_do_not_carry_the_defaults_a_preset_fills_in(hub, tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    records = [{"org": "acme", "invitee": "not an invitee!"}, {"org": "acme", "invitee": "dana@example.com"}]
    run_task(DockerHubSendOperator(task_id="t", endpoint_preset="bulk_invite", records=records,
                                   rejects_path=str(rejects), on_error="continue"))
    (line,) = [json.loads(text) for text in rejects.read_text().splitlines()]
    assert line["record"] == records[0] and "team" not in line["record"]
