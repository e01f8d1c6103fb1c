from __future__ import annotations

import logging

import requests

from airflow_provider_dockerhub.pipeline import runner
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


def test_secrets_in_responses_are_registered_with_the_masker(monkeypatch):
    masked: list[str] = []
    monkeypatch.setattr(runner, "register_secrets", lambda secrets, where: masked.extend(secrets))
    body = b'{"uuid": "u1", "token": "dckr_pat_fresh_secret", "nested": {"access_token": "jwt-value"}}'
    settings = PipelineSettings(method="POST", endpoint="/v2/access-tokens")
    RecordPipeline(settings, send=lambda call: ok_response(body)).run(read_records([{"token_label": "x"}]))
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
