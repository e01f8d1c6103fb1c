"""DockerHubSendOperator against the emulator (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.hooks.ratelimit import RESET_MARGIN
from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateGroupOperator
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from tests.helpers import PASSWORD, FakeTaskInstance, FakeTime

REPOS = "/v2/namespaces/{{ record.namespace }}/repositories"


def repo_records(count: int, namespace: str = "acme") -> list[dict]:
    return [{"namespace": namespace, "name": f"repo-{n}", "is_private": n % 2 == 0} for n in range(count)]


class FakeTimeSend(DockerHubSendOperator):
    """The send operator with a hook on ``fake_time``: its waits advance the fake clock and take no real time."""

    fake_time: FakeTime

    def get_hook(self, *, pool_maxsize: int) -> DockerHubHook:
        return DockerHubHook(self.dockerhub_conn_id, pool_maxsize=pool_maxsize, clock=self.fake_time.time,
                             sleep=self.fake_time.sleep)


@pytest.fixture
def fake_time_hub(monkeypatch):
    """An emulator where alice owns org acme, on a ``FakeTime`` that the operator's hook reads and sleeps on
    too (``FakeTimeSend``): rate-limit waits and retry backoffs advance both clocks at once."""
    fake_time = FakeTime()
    FakeTimeSend.fake_time = fake_time
    with DockerHubEmulator(clock=fake_time) as hub:
        hub.add_user("alice", password=PASSWORD)
        hub.add_org("acme", owners=["alice"])
        monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps({
            "conn_type": "dockerhub", "host": hub.url, "login": "alice", "password": PASSWORD,
            "extra": {"backoff_seconds": 0.01}}))
        yield hub, fake_time


def sent(hub, method: str = "POST", path_part: str = "/repositories") -> list:
    return [r for r in hub.requests if r.method == method and path_part in r.path]


def test_list_input_creates_one_repository_per_record(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(5), endpoint=REPOS))
    assert {k: result[k] for k in ("records_read", "succeeded", "failed", "rejected", "calls")} == {
        "records_read": 5, "succeeded": 5, "failed": 0, "rejected": 0, "calls": 5}
    assert result["status_counts"] == {"201": 5}
    assert sorted(n for ns, n in hub.state.repositories) == [f"repo-{n}" for n in range(5)]
    assert hub.state.repositories[("acme", "repo-0")].is_private is True


def test_json_string_input_like_a_rendered_xcom_pull(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=json.dumps(repo_records(2)), endpoint=REPOS))
    assert result["succeeded"] == 2


def test_jsonl_with_broken_line_rejects_it_and_sends_the_rest(hub, run_op, tmp_path):
    path = tmp_path / "repos.jsonl"
    lines = [json.dumps(r) for r in repo_records(3)]
    path.write_text("\n".join([lines[0], '{"namespace": "acme", "name": ', lines[1], lines[2]]) + "\n")
    rejects = tmp_path / "rejects.jsonl"
    result, _ = run_op(DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS,
                                             rejects_path=str(rejects), on_error="continue"))
    assert (result["records_read"], result["succeeded"], result["rejected"]) == (4, 3, 1)
    [reject] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert (reject["index"], reject["outcome"], reject["location"]) == (1, "rejected", "line 2")
    assert reject["reason"].startswith("invalid JSON")


def test_csv_with_quoted_commas(hub, run_op, tmp_path):
    path = tmp_path / "repos.csv"
    path.write_text('namespace,name,full_description,is_private\nacme,web,"Frontend, React",true\n')
    result, _ = run_op(DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS,
                                             csv_types={"is_private": "bool"}))
    assert result["succeeded"] == 1
    repo = hub.state.repositories[("acme", "web")]
    assert (repo.full_description, repo.is_private) == ("Frontend, React", True)


def test_hostile_values_cannot_change_the_path(hub, run_op):
    records = [{"namespace": "../orgs/acme", "name": "x1"}, {"namespace": "acme?x=1#f", "name": "x2"}]
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS, on_error="continue"))
    assert result["failed"] == 2 and result["status_counts"] == {"404": 2}
    assert [r.path for r in sent(hub)] == ["/v2/namespaces/..%2Forgs%2Facme/repositories",
                                           "/v2/namespaces/acme%3Fx%3D1%23f/repositories"]
    assert all(r.query == {} for r in sent(hub))


def test_missing_url_attribute_rejects_only_that_record(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=[{"name": "nons"}, *repo_records(1)],
                                             endpoint=REPOS, on_error="continue"))
    assert (result["succeeded"], result["rejected"]) == (1, 1)
    assert result["first_failures"][0]["reason"] == "endpoint: missing attribute 'namespace'"


def test_headers_string_and_nested_excludes_reach_the_api(hub, run_op):
    records = [{"namespace": "acme", "name": "web", "meta": {"owner": "x", "keep": 1}, "internal_id": 7}]
    run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS,
                                 headers="X-Request-Source: airflow, X-Trace:a:b",
                                 exclude_attributes=["meta.owner", "internal_id", "absent"]))
    [request] = sent(hub)
    assert request.body == {"namespace": "acme", "name": "web", "meta": {"keep": 1}}
    assert request.headers["X-Request-Source"] == "airflow" and request.headers["X-Trace"] == "a:b"


def test_endpoint_sees_the_airflow_context(hub, run_op):
    records = [{"namespace": "acme", "name": "ctx"}]
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=records,
                                             endpoint="/v2/namespaces/{{ params.namespace }}/repositories"))
    assert result["succeeded"] == 1


def test_sequential_batches_with_a_body_template(hub, run_op):
    records = [{"email": f"user{n}@example.com"} for n in range(5)]
    result, _ = run_op(DockerHubSendOperator(
        task_id="t", records=records, endpoint="/v2/invites/bulk", batching=True, batch_size=2,
        body='{"org": "acme", "role": "member", "invitees": {{ records | map(attribute="email") | list | tojson }}}'))
    assert (result["succeeded"], result["calls"]) == (5, 3)
    assert [len(r.body["invitees"]) for r in sent(hub, path_part="/invites/bulk")] == [2, 2, 1]


def test_by_attributes_batches_share_their_group_values(hub, run_op):
    hub.add_group("acme", "ops")
    records = [{"team": t, "email": f"{t}{n}@example.com"} for n in range(3) for t in ("devs", "ops")]
    result, _ = run_op(DockerHubSendOperator(
        task_id="t", records=records, endpoint="/v2/invites/bulk", batching=True, grouping="by_attributes",
        group_by=["team"], body='{"org": "acme", "team": {{ group.team | tojson }}, '
                                '"invitees": {{ records | map(attribute="email") | list | tojson }}}'))
    assert (result["succeeded"], result["calls"]) == (6, 2)
    bodies = {r.body["team"]: r.body["invitees"] for r in sent(hub, path_part="/invites/bulk")}
    assert bodies == {"devs": [f"devs{n}@example.com" for n in range(3)], "ops": [f"ops{n}@example.com" for n in range(3)]}


def test_by_size_keeps_every_body_under_the_limit(hub, run_op, webhook):
    records = [{"invitee": f"user{n}@example.com", "pad": "x" * (n * 25)} for n in range(12)]
    wrapper = len('{"invitees":[]}')
    too_big = [n for n, r in enumerate(records) if len(json.dumps(r, separators=(",", ":"))) + wrapper > 300]
    result, _ = run_op(DockerHubSendOperator(
        task_id="t", records=records, endpoint="/v2/invites/bulk", batching=True, grouping="by_size",
        max_batch_bytes=300, dry_run=True, preview_limit=100, batch_key="invitees", on_error="continue"))
    bodies = [json.dumps(c["body"], separators=(",", ":")).encode() for c in result["preview"]]
    assert all(len(b) <= 300 for b in bodies) and len(bodies) > 1
    assert sum(len(c["records"]) for c in result["preview"]) + result["rejected"] == 12
    assert too_big and [f["index"] for f in result["first_failures"]] == too_big
    assert "over max_batch_bytes=300" in result["first_failures"][0]["reason"]


def test_concurrency_keeps_every_result(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(120), endpoint=REPOS,
                                             max_concurrency=8))
    assert (result["succeeded"], result["calls"]) == (120, 120)
    assert len(hub.state.repositories) == 120


def test_dry_run_sends_nothing_and_previews_with_the_token_hidden(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(15), endpoint=REPOS,
                                             dry_run=True, headers={"X-A": "1"}))
    assert hub.requests == []
    assert (result["dry_run"], result["previewed"], result["calls"], len(result["preview"])) == (True, 15, 15, 10)
    first = result["preview"][0]
    assert first["url"] == f"{hub.url}/v2/namespaces/acme/repositories"
    assert first["headers"] == {"Content-Type": "application/json", "X-A": "1", "Authorization": "Bearer ***"}
    assert first["body"] == repo_records(1)[0] and first["records"] == [0]


def test_on_error_fail_sends_everything_then_fails(hub, run_op):
    hub.add_repository("acme", "repo-1")
    exists = r"HTTP 400: Repository with this Name and Namespace already exists"  # docs/docker-hub-api.md R2
    with pytest.raises(AirflowException, match=r"1 of 4 records failed.*records\[1\]: " + exists):
        run_op(DockerHubSendOperator(task_id="t", records=repo_records(4), endpoint=REPOS))
    assert len(sent(hub)) == 4


def test_a_validation_error_names_the_field_and_a_taken_group_name_reruns_unchanged(hub, run_op):
    """docs/docker-hub-api.md E4 (field errors under errinfo.fielderrors) and T3 (a taken group name is a 400)."""
    bad = [{"namespace": "acme", "name": "Bad Name"}]
    with pytest.raises(AirflowException, match=r"records\[0\]: HTTP 400: name: "):
        run_op(DockerHubSendOperator(task_id="t", records=bad, endpoint=REPOS))
    groups = [{"org": "acme", "name": "ops"}, {"org": "acme", "name": "qa"}]
    first, _ = run_op(DockerHubCreateGroupOperator(task_id="g", records=groups))
    again, _ = run_op(DockerHubCreateGroupOperator(task_id="g", records=groups))
    assert (first["succeeded"], first["unchanged"]) == (2, 0) and (again["succeeded"], again["unchanged"]) == (2, 2)
    assert [r.status for r in hub.requests if r.method == "POST" and r.path.endswith("/groups")][-2:] == [400, 400]


def test_on_error_fail_fast_stops_and_still_accounts_every_record(hub, run_op, tmp_path):
    hub.add_repository("acme", "repo-2")
    rejects = tmp_path / "rejects.jsonl"
    op = DockerHubSendOperator(task_id="t", records_path=None, records=repo_records(50), endpoint=REPOS,
                               on_error="fail_fast", rejects_path=str(rejects), max_concurrency=2)
    with pytest.raises(AirflowException, match="fail_fast"):
        run_op(op)
    assert len(sent(hub)) < 50
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert lines[0]["index"] == 2 and lines[0]["status"] == 400  # "already exists" (docs/docker-hub-api.md R2)


def test_fail_fast_summary_counts_add_up(hub, run_op):
    hub.add_repository("acme", "repo-2")
    op = DockerHubSendOperator(task_id="t", records=repo_records(30), endpoint=REPOS, on_error="fail_fast")
    ti = FakeTaskInstance()
    with pytest.raises(AirflowException):
        op.execute({"ti": ti})
    summary = ti.xcom["summary"]
    assert summary["succeeded"] + summary["failed"] + summary["rejected"] == summary["records_read"]
    assert summary["succeeded"] == 2 and summary["failed"] == 1


def test_on_error_continue_succeeds_and_counts_tell(hub, run_op):
    hub.add_repository("acme", "repo-0")
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(3), endpoint=REPOS, on_error="continue"))
    assert (result["succeeded"], result["failed"]) == (2, 1)
    assert result["first_failures"][0]["status"] == 400


def test_response_check_marks_records_failed(hub, run_op):
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(2), endpoint=REPOS, on_error="continue",
                                             response_check=lambda r: r.json()["name"] != "repo-1"))
    assert (result["succeeded"], result["failed"]) == (1, 1)


def test_retries_on_injected_429_are_counted(hub, run_op):
    hub.add_fault(status=429, every=2, path="/repositories$", retry_after=0)
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(6), endpoint=REPOS))
    assert result["succeeded"] == 6 and result["status_counts"] == {"201": 6}
    assert result["retries"] == 5  # the 2nd, 4th, ... request answered 429, each retried once


def test_rate_limited_run_waits_and_finishes(fake_time_hub, run_op):
    hub, fake_time = fake_time_hub
    started = fake_time.time()
    hub.set_rate_limit(5, window=1.0)
    result, _ = run_op(FakeTimeSend(task_id="t", records=repo_records(12), endpoint=REPOS, max_concurrency=3))
    assert result["succeeded"] == 12
    assert sum(1 for r in hub.requests if r.status == 429) <= 3
    # 13 calls (the token exchange too) at 5 a window span 3 windows: the run waited for 2 resets at least,
    # each wait at most a window (a Retry-After of 1 s, or to the reset and its margin)
    assert fake_time.time() - started >= 2.0
    assert 0 < max(fake_time.slept) <= 1.0 + RESET_MARGIN


def test_an_epoch_retry_after_is_waited_for_not_taken_as_decades(fake_time_hub, run_op):
    """Catalogue row L2: the live service names the epoch second the wait ends in Retry-After."""
    hub, fake_time = fake_time_hub
    fake_time.advance(0.4)  # the 429 names the next whole second: 0.6 s away
    hub.set_rate_limit(None, retry_after_epoch=True)
    hub.add_fault(status=429, retry_after=0, times=1, path="/repositories$")
    result, _ = run_op(FakeTimeSend(task_id="t", records=repo_records(3), endpoint=REPOS))
    assert (result["succeeded"], result["retries"]) == (3, 1)
    limited = [r for r in hub.requests if r.status == 429]
    assert len(limited) == 1 and limited[0].answered_at is not None
    assert fake_time.slept == [pytest.approx(0.6)]


def test_response_file_and_webhook_receive_every_call_without_the_hub_token(hub, run_op, webhook, tmp_path):
    responses = tmp_path / "responses.jsonl"
    webhook.statuses = [503]  # the webhook retries on its own
    hub.add_repository("acme", "repo-1")
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(3), endpoint=REPOS, on_error="continue",
                                             response_path=str(responses), response_webhook_url=webhook.url))
    events = [json.loads(line) for line in responses.read_text().splitlines()]
    assert [(e["indices"], e["status"], e["ok"]) for e in events] == [([0], 201, True), ([1], 400, False), ([2], 201, True)]
    assert events[0]["request"] == repo_records(1)[0] and events[0]["response"]["name"] == "repo-0"
    assert events[0]["url"] == f"{hub.url}/v2/namespaces/acme/repositories"
    posted = [event for _, body in webhook.received for event in body]
    assert [e["indices"] for e in posted[-3:]] == [[0], [1], [2]]
    assert all("Authorization" not in headers for headers, _ in webhook.received)


def test_token_from_the_api_is_masked_redacted_in_xcom_and_captured_in_files(hub, run_op, tmp_path, log_text):
    responses = tmp_path / "responses.jsonl"
    records = [{"token_label": "ci", "scopes": ["repo:read"]}]
    result, ti = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint="/v2/access-tokens",
                                              push_responses="all", response_path=str(responses)))
    token = json.loads(responses.read_text())["response"]["token"]
    assert token.startswith("dckr_pat_")
    assert ti.xcom["responses"][0]["response"]["token"] == "***"
    assert token not in json.dumps(result) and token not in log_text() and PASSWORD not in log_text()


def test_include_secrets_in_xcom_when_asked(hub, run_op):
    records = [{"token_label": "ci", "scopes": ["repo:read"]}]
    _, ti = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint="/v2/access-tokens",
                                         push_responses="failed"))
    assert ti.xcom["responses"] == []
    _, ti = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint="/v2/access-tokens",
                                         push_responses="all", include_secrets_in_xcom=True))
    assert ti.xcom["responses"][0]["response"]["token"].startswith("dckr_pat_")


def test_delete_calls_send_no_body(hub, run_op):
    hub.add_group("acme", "old")
    result, _ = run_op(DockerHubSendOperator(task_id="t", method="delete", records=[{"org": "acme", "group": "old"}],
                                             endpoint="/v2/orgs/{{ record.org }}/groups/{{ record.group }}"))
    assert result["status_counts"] == {"204": 1} and "old" not in hub.state.orgs["acme"].groups
    assert sent(hub, "DELETE", "/groups/")[0].body is None


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"method": "GET"}, "method must be one of"),
    ({"on_error": "ignore"}, "on_error must be one of"),
    ({"batching": True, "grouping": "by_attributes"}, "needs group_by"),
    ({"push_responses": "some"}, "push_responses must be one of"),
    ({"headers": {"Authorization": "Bearer x"}}, "Authorization"),
    ({"records_path": "x.jsonl"}, "exactly one"),
])
def test_bad_settings_fail_before_anything_is_sent(hub, run_op, kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        run_op(DockerHubSendOperator(task_id="t", records=repo_records(1), endpoint=REPOS, **kwargs))
    assert hub.requests == []


def test_endpoint_is_not_rendered_by_airflow():
    assert "endpoint" not in DockerHubSendOperator.template_fields
    assert "body" not in DockerHubSendOperator.template_fields
    assert {"records", "records_path", "headers"} <= set(DockerHubSendOperator.template_fields)


def test_xcom_responses_are_capped_and_the_cap_is_logged(hub, run_op, log_text, tmp_path):
    from airflow_provider_dockerhub.pipeline import sinks

    responses = tmp_path / "all.jsonl"
    op = DockerHubSendOperator(task_id="t", records=repo_records(5), endpoint=REPOS, push_responses="all",
                               response_path=str(responses))
    original = sinks.XComResponses.__init__
    try:
        sinks.XComResponses.__init__ = lambda self, mode, **kw: original(self, mode, **{**kw, "limit": 3})
        _, ti = run_op(op)
    finally:
        sinks.XComResponses.__init__ = original
    assert len(ti.xcom["responses"]) == 3 and len(responses.read_text().splitlines()) == 5
    assert "2 more are not in XCom" in log_text()


def test_webhook_from_an_airflow_http_connection(hub, run_op, webhook, monkeypatch):
    port = webhook.server_address[1]
    monkeypatch.setenv("AIRFLOW_CONN_RESPONSES_HOOK", json.dumps({
        "conn_type": "http", "host": "127.0.0.1", "port": port, "schema": "http", "login": "capture",
        "password": "hook-pass-123", "extra": {"endpoint": "/hook", "X-Source": "dockerhub"}}))
    run_op(DockerHubSendOperator(task_id="t", records=repo_records(2), endpoint=REPOS,
                                 response_webhook_conn_id="responses_hook"))
    (_, started), (headers, events) = webhook.received
    assert [e["event"] for e in started] == ["run_started"]
    assert [e["indices"] for e in events] == [[0], [1]]
    assert headers["X-Source"] == "dockerhub" and headers["Authorization"].startswith("Basic ")


def test_a_webhook_failing_at_the_end_fails_the_task_clearly(hub, run_op, webhook):
    webhook.statuses = [200] + [400] * 10  # run_started is accepted, the events are not
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=repo_records(3), endpoint=REPOS, response_webhook_url=webhook.url)
    with pytest.raises(AirflowException, match=r"Webhook failed on closing after 3 calls.*HTTP 400") as err:
        op.execute({"ti": ti})
    assert "/hook" not in str(err.value)  # the webhook URL's path is redacted
    assert len(hub.state.repositories) == 3
    summary = ti.xcom["summary"]
    assert summary["succeeded"] == 3 and "Webhook failed" in summary["sink_errors"][0]


def test_tokens_expiring_mid_run_are_refreshed_without_failing_records(monkeypatch, run_op):
    import time

    from airflow_provider_dockerhub.testing.clock import FakeClock
    from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

    class TickingClock(FakeClock):  # every read moves Docker Hub's time on: tokens expire mid-run, no sleep
        def time(self) -> float:
            return self.advance(1)

    # Docker Hub's clock is ahead of the worker's, so only Docker Hub's 401 tells the hook a token expired.
    with DockerHubEmulator(token_lifetime=40, clock=TickingClock(start=time.time() + 3600)) as hub:
        hub.add_user("alice", password=PASSWORD)
        hub.add_org("acme", owners=["alice"])
        monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps(
            {"conn_type": "dockerhub", "host": hub.url, "login": "alice", "password": PASSWORD}))
        result, _ = run_op(DockerHubSendOperator(task_id="t", records=repo_records(24), endpoint=REPOS, max_concurrency=2))
        exchanges = sum(1 for r in hub.requests if r.path == "/v2/auth/token")
        expired = sum(1 for r in hub.requests if r.status == 401)
    assert result["succeeded"] == 24 and len(hub.state.repositories) == 24
    assert expired >= 1 and 2 <= exchanges <= expired + 1  # refreshed on expiry; concurrent 401s share one


def test_scim_bearer_connection_test(monkeypatch):
    from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
    from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

    with DockerHubEmulator() as hub:
        hub.add_org("acme")
        hub.add_scim_token("acme", "scim-token-acme-1")
        for conn_id, token in (("scim_ok", "scim-token-acme-1"), ("scim_bad", "wrong-token-1")):
            monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps(
                {"conn_type": "dockerhub", "host": hub.url, "password": token, "extra": {"auth_type": "bearer"}}))
        assert DockerHubHook("scim_ok").test_connection()[0] is True
        ok, message = DockerHubHook("scim_bad").test_connection()
        assert not ok and "rejected the bearer token" in message
