"""The hardened write path, against the emulator: faults, bad records and run-level failures are
contained, counted and told, and no write that may have happened is repeated."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import time
from collections import Counter

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.exceptions import DockerHubAuthError, DockerHubUnreachableError
from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateAccessTokenOperator
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from tests.helpers import PASSWORD, FakeTaskInstance, add_mixed_faults

REPOS = "/v2/namespaces/{{ record.namespace }}/repositories"


def token_records(count: int, prefix: str = "ci") -> list[dict]:
    return [{"token_label": f"{prefix}-{n}", "scopes": ["repo:read"]} for n in range(count)]


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def labels_on_hub(hub) -> Counter:
    return Counter(pat.token_label for pat in hub.state.pats.values())


def assert_counts_add_up(result: dict) -> None:
    assert result["records_read"] == result["succeeded"] + result["failed"] + result["rejected"]


# -- 1. never repeat a write that may have happened ---------------------------------------------------
@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_token_answered_5xx_after_the_write_is_not_created_twice(hub, run_op, tmp_path, status):
    hub.add_fault(status=status, every=3, after_write=True, method="POST", path="^/v2/access-tokens$")
    rejects = tmp_path / "rejects.jsonl"
    result, _ = run_op(DockerHubCreateAccessTokenOperator(
        task_id="t", records=token_records(30), rejects_path=str(rejects), on_error="continue"))
    assert labels_on_hub(hub) == Counter({f"ci-{n}": 1 for n in range(30)})  # each once, none twice
    assert (result["succeeded"], result["failed"], result["uncertain"], result["retries"]) == (20, 10, 10, 0)
    failed = lines(rejects)
    assert all(r["may_have_happened"] and "the write may have happened" in r["reason"] for r in failed)


def test_a_read_timeout_on_a_write_is_not_repeated(hub, run_op, monkeypatch):
    conn = json.loads(os.environ["AIRFLOW_CONN_DOCKERHUB_DEFAULT"])
    conn["extra"]["timeout"] = 0.3
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps(conn))
    hub.add_fault(delay=1.0, after_write=True, times=1, method="POST", path="^/v2/access-tokens$")
    result, _ = run_op(DockerHubCreateAccessTokenOperator(task_id="t", records=token_records(3), on_error="continue"))
    assert labels_on_hub(hub) == Counter({"ci-0": 1, "ci-1": 1, "ci-2": 1})
    assert (result["succeeded"], result["uncertain"]) == (2, 1)
    assert "ReadTimeout" in result["first_failures"][0]["reason"]


def test_mixed_faults_on_2000_records_leave_only_uncertain_records_unsure(hub, run_op, tmp_path):
    """Every record has one outcome, and only records reported as "may have happened" can differ from
    what Docker Hub holds."""
    add_mixed_faults(hub, "/repositories$")
    rejects = tmp_path / "rejects.jsonl"
    records = [{"namespace": "acme", "name": f"r{n}"} for n in range(2000)]
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS, max_concurrency=8,
                                             on_error="continue", rejects_path=str(rejects)))
    assert_counts_add_up(result)
    assert result["records_read"] == 2000 and result["rejected"] == 0 and result["retries"] > 0
    failed = {r["record"]["name"]: r for r in lines(rejects)}
    assert len(failed) == result["failed"] and result["uncertain"] == result["failed"] > 100
    assert "409" not in result["status_counts"]  # no write was repeated
    on_hub = {name for _, name in hub.state.repositories}
    for record in records:
        name = record["name"]
        assert name in on_hub or failed[name]["may_have_happened"], name
        assert name not in failed or failed[name]["may_have_happened"], name
    assert len(on_hub & set(failed)) > 0  # some of the unsure writes did happen (after_write)


def test_mixed_faults_never_create_a_token_twice_and_capture_every_secret(hub, run_op, tmp_path):
    add_mixed_faults(hub, "^/v2/access-tokens$")
    responses = tmp_path / "responses.jsonl"
    result, _ = run_op(DockerHubCreateAccessTokenOperator(
        task_id="t", records=token_records(300), max_concurrency=8, on_error="continue", response_path=str(responses)))
    assert_counts_add_up(result)
    on_hub = labels_on_hub(hub)
    assert max(on_hub.values()) == 1 and result["uncertain"] == result["failed"] > 0
    assert sum(on_hub.values()) >= result["succeeded"]
    captured = {e["response"]["token"] for e in lines(responses) if e["status"] == 201}
    assert len(captured) == result["succeeded"]


# -- 2. per-record problems stay per record; run-level failures stop once ------------------------------
def test_bad_records_are_rejected_by_location_and_the_run_goes_on(hub, run_op, tmp_path):
    path = tmp_path / "repos.jsonl"
    deep = '{"namespace": "acme", "name": "deep", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    path.write_text("\n".join([
        '{"namespace": "acme", "name": "one"}', deep, '{"namespace": "acme", "name": "nan", "n": NaN}',
        '{"namespace": "acme", "name": "two"}', '{"namespace": "\\udc80", "name": "lone"}',
        '{"namespace": "..", "name": "dots"}', '{"namespace": "acme", "name": "three"}']) + "\n")
    rejects = tmp_path / "rejects.jsonl"
    result, _ = run_op(DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS,
                                             rejects_path=str(rejects), on_error="continue"))
    assert (result["records_read"], result["succeeded"], result["rejected"]) == (7, 3, 4)
    reasons = {r["location"]: r["reason"] for r in lines(rejects)}
    assert "max_depth" in reasons["line 2"] and "NaN" in reasons["line 3"]
    assert "lone surrogate" in reasons["line 5"] and "cannot be a path value" in reasons["line 6"]
    assert sorted(n for _, n in hub.state.repositories) == ["one", "three", "two"]
    assert not [r for r in hub.requests if "/.." in r.path or r.path.endswith("/.")]


def test_bad_utf8_in_a_csv_rejects_that_row(hub, run_op, tmp_path):
    path = tmp_path / "repos.csv"
    path.write_bytes(b"namespace,name\nacme,one\nacme,caf\xe9\nacme,two\n")
    result, _ = run_op(DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS, on_error="continue"))
    assert (result["succeeded"], result["rejected"]) == (2, 1)
    assert result["first_failures"][0]["location"] == "line 3"


def test_rejected_credentials_cost_one_token_exchange_not_one_per_record(hub, run_op, monkeypatch):
    conn = json.loads(os.environ["AIRFLOW_CONN_DOCKERHUB_DEFAULT"])
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps({**conn, "password": "wrong"}))
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": f"r{n}"} for n in range(300)],
                               endpoint=REPOS, max_concurrency=8, on_error="continue")
    with pytest.raises(DockerHubAuthError, match="rejected the credentials of 'alice'") as err:
        op.execute({"ti": ti})
    assert len([r for r in hub.requests if r.path == "/v2/auth/token"]) == 1
    summary = ti.xcom["summary"]
    assert_counts_add_up(summary)
    assert summary["records_read"] < 300 and summary["succeeded"] == 0 and summary["stopped_early"]
    assert f"reading stopped after {summary['last_read']}" in str(err.value)
    assert "wrong" not in str(err.value)


def test_an_unreachable_host_stops_the_run_after_one_round_of_retries(run_op, monkeypatch):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps({
        "conn_type": "dockerhub", "host": f"http://127.0.0.1:{port}", "login": "alice", "password": PASSWORD,
        "extra": {"backoff_seconds": 0.01, "max_retries": 2}}))
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": f"r{n}"} for n in range(2000)],
                               endpoint=REPOS, on_error="continue")
    with pytest.raises(DockerHubUnreachableError, match=f"could not connect to http://127.0.0.1:{port}"):
        op.execute({"ti": ti})
    summary = ti.xcom["summary"]
    assert_counts_add_up(summary)
    assert summary["failed"] == 1 and summary["uncertain"] == 0 and summary["not_sent"] == summary["rejected"]
    assert summary["elapsed_seconds"] < 5


def test_a_missing_connection_fails_once_before_reading(run_op, tmp_path):
    path = tmp_path / "repos.jsonl"
    path.write_text('{"namespace": "acme", "name": "x"}\n')
    op = DockerHubSendOperator(task_id="t", dockerhub_conn_id="nowhere", records_path=str(path), endpoint=REPOS)
    with pytest.raises(Exception, match="nowhere") as err:
        run_op(op)
    assert "records" not in str(err.value)  # one error about the connection, not one per record


# -- 3. honest counts when a run stops early ------------------------------------------------------------
@pytest.mark.parametrize("concurrency", [1, 8])
def test_fail_fast_starts_no_call_after_the_failure_and_says_where_to_resume(hub, concurrency, tmp_path):
    path = tmp_path / "repos.jsonl"
    rows = [{"namespace": "acme" if n != 40 else "nobody", "name": f"r{n}"} for n in range(250)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    hub.add_fault(delay=0.05, method="POST", path="/repositories$")
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS, on_error="fail_fast",
                               max_concurrency=concurrency)
    with pytest.raises(AirflowException, match=r"The run stopped at the first failure") as err:
        op.execute({"ti": ti})
    summary = ti.xcom["summary"]
    assert_counts_add_up(summary)
    creates = [r for r in hub.requests if r.method == "POST" and r.path.endswith("/repositories")]
    failure = next(r for r in creates if "/nobody/" in r.path)
    # Every answer takes 50 ms, so a call still being started 100 ms after the failure's answer was started
    # after the failure was known (0.1.0 kept sending its queue of 4 x concurrency calls for 200 ms).
    assert not [r for r in creates if r.received_at > failure.answered_at + 0.1]
    assert summary["sent"] == len(creates) and summary["failed"] == 1
    assert summary["records_read"] < 250 and summary["last_read"] == f"line {summary['records_read']}"
    assert f"reading stopped after {summary['last_read']}" in str(err.value)
    assert f"{summary['not_sent']} were not sent" in str(err.value)


def test_fail_fast_sends_none_of_the_calls_waiting_for_the_rate_limiter(hub, dockerhub_connection):
    # 8 threads, one call start every 0.25 s, every record fails: when the first answer is in, the other
    # threads wait in the rate limiter with their call; none of those calls may go out, and none may sit
    # out its wait before giving up.
    dockerhub_connection("alice", PASSWORD, max_requests_per_second=4)
    rows = [{"namespace": "nobody", "name": f"r{n}"} for n in range(12)]
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=rows, endpoint=REPOS, on_error="fail_fast", max_concurrency=8)
    started = time.monotonic()
    with pytest.raises(AirflowException, match=r"The run stopped at the first failure"):
        op.execute({"ti": ti})
    assert time.monotonic() - started < 1.5  # 12 calls at 4 a second would take 3 s
    creates = [r for r in hub.requests if r.method == "POST" and r.path.endswith("/repositories")]
    assert len(creates) == 1
    summary = ti.xcom["summary"]
    assert_counts_add_up(summary)
    assert summary["sent"] == summary["failed"] == 1 and summary["not_sent"] == summary["records_read"] - 1


# -- 4. secrets survive a crash -------------------------------------------------------------------------
def test_response_and_rejects_files_are_private_and_written_as_calls_return(hub, run_op, tmp_path):
    responses, rejects = tmp_path / "out" / "responses.jsonl", tmp_path / "out" / "rejects.jsonl"
    run_op(DockerHubCreateAccessTokenOperator(task_id="t", records=token_records(2) + [{"token_label": "x"}],
                                              response_path=str(responses), rejects_path=str(rejects),
                                              on_error="continue"))
    for path in (responses, rejects):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    tokens = {pat.token for pat in hub.state.pats.values() if pat.token_label.startswith("ci-")}
    assert {e["response"]["token"] for e in lines(responses)} == tokens


def test_a_task_timeout_keeps_every_secret_and_pushes_the_summary(hub, tmp_path):
    from airflow.sdk.exceptions import AirflowTaskTimeout

    hub.add_fault(delay=0.05, method="POST", path="^/v2/access-tokens$")
    responses = tmp_path / "responses.jsonl"
    ti = FakeTaskInstance()
    op = DockerHubCreateAccessTokenOperator(task_id="t", records=token_records(500), max_concurrency=4,
                                            response_path=str(responses))

    def timeout(signum, frame):
        raise AirflowTaskTimeout("Timeout, PID: 1")  # what Airflow's execution_timeout raises

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.setitimer(signal.ITIMER_REAL, 0.8)
    try:
        with pytest.raises(AirflowTaskTimeout):
            op.execute({"ti": ti})
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    created = {pat.token for pat in hub.state.pats.values() if pat.token_label.startswith("ci-")}
    assert 0 < len(created) < 500
    assert {e["response"]["token"] for e in lines(responses)} == created
    summary = ti.xcom["summary"]
    assert_counts_add_up(summary)
    assert summary["succeeded"] == len(created) and summary["stopped_early"]


# -- 5. outputs must not be the input ---------------------------------------------------------------------
def test_outputs_that_name_the_input_are_refused(hub, run_op, tmp_path):
    path = tmp_path / "repos.jsonl"
    path.write_text('{"namespace": "acme", "name": "x"}\n')
    for output in ("rejects_path", "response_path"):
        with pytest.raises(ValueError, match=f"{output} .* is the input file"):
            run_op(DockerHubSendOperator(task_id="t", records_path=str(path), endpoint=REPOS, **{output: str(path)}))
    assert path.read_text() == '{"namespace": "acme", "name": "x"}\n' and not hub.state.repositories


# -- 6. what the server receives is what was rendered ------------------------------------------------
def test_the_server_receives_each_path_segment_exactly_as_encoded(hub, run_op):
    values = ["a.b", "...", ".x", "a%2Eb", "%2E%2Ex", "~u", "a;b", "é"]
    run_op(DockerHubSendOperator(task_id="t", records=[{"namespace": v, "name": "n"} for v in values],
                                 endpoint=REPOS, on_error="continue"))
    received = [r.path for r in hub.requests if r.method == "POST" and r.path.endswith("/repositories")]
    assert received == ["/v2/namespaces/a.b/repositories", "/v2/namespaces/.../repositories",
                        "/v2/namespaces/.x/repositories", "/v2/namespaces/a%252Eb/repositories",
                        "/v2/namespaces/%252E%252Ex/repositories", "/v2/namespaces/~u/repositories",
                        "/v2/namespaces/a%3Bb/repositories", "/v2/namespaces/%C3%A9/repositories"]


# -- 7. records are data --------------------------------------------------------------------------------
def test_literal_records_are_not_rendered_but_a_records_string_is():
    context = {"ds": "2026-11-29", "params": {}}
    literal = DockerHubSendOperator(task_id="a", records=[{"description": "{{ ds }}"}], endpoint=REPOS)
    literal.render_template_fields(context)
    assert literal.records == [{"description": "{{ ds }}"}]
    pulled = DockerHubSendOperator(task_id="b", records='[{"description": "{{ ds }}"}]', endpoint=REPOS)
    pulled.render_template_fields(context)
    assert json.loads(pulled.records) == [{"description": "2026-11-29"}]


# -- 8. headers and webhook URLs ----------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [{"Host": "evil"}, {"Content-Length": "1"}, {"Transfer-Encoding": "chunked"},
                                     {"Connection": "close"}, {"X-A": "a\x00b"}, {"X-A": "a\rb"}, "Authorization:x"])
def test_framing_and_control_headers_are_refused_before_anything_is_sent(hub, run_op, headers):
    op = DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": "x"}], endpoint=REPOS, headers=headers)
    with pytest.raises(ValueError, match="header"):
        run_op(op)
    assert not hub.requests


def test_a_webhook_url_secret_stays_out_of_logs_errors_and_xcom(hub, webhook, log_text, caplog):
    caplog.set_level("INFO")  # the task log's level (urllib3's DEBUG lines show any client's URLs)
    webhook.statuses = [403] * 10
    url = webhook.url + "/T0KEN-in-path?key=s3cr3t-query"
    ti = FakeTaskInstance()
    op = DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": "x"}], endpoint=REPOS,
                               response_webhook_url=url)
    with pytest.raises(AirflowException) as err:
        op.execute({"ti": ti})
    shown = str(err.value) + json.dumps(ti.xcom) + log_text()
    assert "/***" in str(err.value)
    assert "T0KEN-in-path" not in shown and "s3cr3t-query" not in shown


# -- reruns converge: already-exists and already-gone end unchanged ------------------------------------
def test_a_rerun_of_create_presets_succeeds_with_everything_unchanged(hub, run_op):
    from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateRepositoryOperator

    records = [{"namespace": "acme", "name": f"r{n}"} for n in range(3)]
    first, _ = run_op(DockerHubCreateRepositoryOperator(task_id="t", records=records))
    second, _ = run_op(DockerHubCreateRepositoryOperator(task_id="t", records=records))
    assert (first["succeeded"], first["unchanged"]) == (3, 0)
    assert (second["succeeded"], second["unchanged"], second["failed"]) == (3, 3, 0)
    with pytest.raises(AirflowException, match="3 of 3 records failed"):
        run_op(DockerHubCreateRepositoryOperator(task_id="t", records=records, if_exists="fail"))


def test_send_operator_fails_on_already_exists_unless_asked_to_skip(hub, run_op):
    records = [{"namespace": "acme", "name": "web"}]
    run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS))
    with pytest.raises(AirflowException, match="HTTP 400: Repository with this Name and Namespace already exists"):
        run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS))
    result, _ = run_op(DockerHubSendOperator(task_id="t", records=records, endpoint=REPOS, if_exists="skip"))
    assert (result["succeeded"], result["unchanged"]) == (1, 1)


def test_a_rerun_of_delete_presets_finds_them_already_gone(hub, run_op):
    from airflow_provider_dockerhub.operators.endpoints import DockerHubRemoveOrgMemberOperator

    records = [{"org": "acme", "username": "bob"}]
    first, _ = run_op(DockerHubRemoveOrgMemberOperator(task_id="t", records=records))
    second, _ = run_op(DockerHubRemoveOrgMemberOperator(task_id="t", records=records))
    assert (first["unchanged"], second["unchanged"], second["succeeded"]) == (0, 1, 1)
    with pytest.raises(AirflowException, match="HTTP 404"):
        run_op(DockerHubRemoveOrgMemberOperator(task_id="t", records=records, if_missing="fail"))


def test_a_bulk_invite_of_existing_members_ends_unchanged(hub, run_op):
    from airflow_provider_dockerhub.operators.endpoints import DockerHubBulkInviteOperator

    result, _ = run_op(DockerHubBulkInviteOperator(task_id="t", records=[
        {"invitee": "bob", "org": "acme"}, {"invitee": "new@example.com", "org": "acme"}]))
    assert (result["succeeded"], result["unchanged"], result["failed"]) == (2, 1, 0)


def test_conflict_policies_are_checked(hub, run_op):
    with pytest.raises(ValueError, match="if_exists must be one of"):
        run_op(DockerHubSendOperator(task_id="t", records=[], endpoint=REPOS, if_exists="ignore"))


def test_an_output_that_cannot_be_opened_stops_the_task_before_any_call(hub, run_op, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        run_op(DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": "x"}], endpoint=REPOS,
                                     response_path=str(blocker / "responses.jsonl")))
    assert not [r for r in hub.requests if r.method == "POST" and r.path.endswith("/repositories")]
