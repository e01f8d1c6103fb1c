from __future__ import annotations

import logging

import pytest
import requests

from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
from airflow_provider_dockerhub.pipeline.sources import read_records


def ok_response(body: bytes = b"") -> requests.Response:
    response = requests.Response()
    response.status_code, response._content = 201, body
    response.headers["Content-Type"] = "application/json"
    return response


def test_progress_is_logged_with_counts_rate_and_eta(caplog):
    settings = PipelineSettings(method="POST", endpoint="/x", progress_seconds=0.0)
    log = logging.getLogger("test.progress")
    with caplog.at_level(logging.INFO, logger="test.progress"):
        RecordPipeline(settings, send=lambda call: ok_response(), log=log, total=3).run(read_records([{}, {}, {}]))
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Progress")]
    assert lines and lines[-1].startswith("Progress: 3 of 3 records, 3 calls, 0 failed, 0 rejected")
    assert "records/s, ETA" in lines[0]


def test_secrets_in_responses_are_registered_with_the_masker():
    masked: list[str] = []
    body = b'{"uuid": "u1", "token": "dckr_pat_fresh_secret", "nested": {"access_token": "jwt-value"}}'
    settings = PipelineSettings(method="POST", endpoint="/v2/access-tokens")
    RecordPipeline(settings, send=lambda call: ok_response(body),
                   register_secrets=lambda secrets, where: masked.extend(secrets)).run(read_records([{"token_label": "x"}]))
    assert masked == ["dckr_pat_fresh_secret", "jwt-value"]


def test_counts_add_up_with_every_kind_of_outcome():
    def send(call):
        response = ok_response()
        response.status_code = 409 if call.url.endswith("/dup") else 201
        return response

    records = [{"n": "a"}, {"n": "dup"}, "not an object", {"missing": 1}, {"n": "b"}]
    settings = PipelineSettings(method="POST", endpoint="/x/{{ record.n }}", on_error="continue")
    summary = RecordPipeline(settings, send=send).run(read_records(records))
    assert (summary.records_read, summary.succeeded, summary.failed, summary.rejected) == (5, 2, 1, 2)
    assert summary.accounted == summary.records_read


def test_a_sink_is_an_event_sink_an_outcome_sink_or_both_and_nothing_else_is_taken():
    from airflow_provider_dockerhub.pipeline.sinks import EventSink, OutcomeSink

    class Both(EventSink, OutcomeSink):
        def __init__(self):
            self.events, self.outcomes = [], []

        def on_event(self, event):
            self.events.append(event["status"])

        def on_outcome(self, outcome):
            self.outcomes.append(outcome.status.value)

    class Duck:  # has the methods but says nothing: refused rather than silently ignored
        def on_event(self, event): ...

    settings = PipelineSettings(method="POST", endpoint="/x")
    both = Both()
    RecordPipeline(settings, send=lambda call: ok_response(), sinks=[both]).run(read_records([{}, "bad"]))
    assert both.events == [201] and both.outcomes == ["succeeded", "rejected"]
    with pytest.raises(TypeError, match="Duck is not a sink: subclass EventSink"):
        RecordPipeline(settings, send=lambda call: ok_response(), sinks=[Duck()])


def test_a_failing_sink_stops_the_run_with_an_engine_error_that_operators_raise_as_the_provider_s():
    from airflow_provider_dockerhub.errors import RunError, SinkError
    from airflow_provider_dockerhub.exceptions import DockerHubRunError, DockerHubSinkError, provider_error
    from airflow_provider_dockerhub.pipeline.sinks import OutcomeSink

    class Full(OutcomeSink):
        def on_outcome(self, outcome):
            raise OSError("disk full")

    settings = PipelineSettings(method="POST", endpoint="/x")
    pipeline = RecordPipeline(settings, send=lambda call: ok_response(), sinks=[Full()])
    summary = pipeline.run(read_records([{}, {}, {}]))
    assert type(pipeline.run_error) is SinkError and "Full failed after 1 calls: OSError: disk full" in str(
        pipeline.run_error)
    assert summary.calls == 1 and summary.accounted == summary.records_read  # reading stopped; nothing lost
    raised = provider_error(pipeline.run_error)
    assert isinstance(raised, DockerHubSinkError) and isinstance(raised, DockerHubRunError)
    assert isinstance(raised, SinkError) and isinstance(raised, RunError) and str(raised) == str(pipeline.run_error)
    assert provider_error(raised) is raised and provider_error(None) is None
