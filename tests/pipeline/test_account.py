from __future__ import annotations

import requests

from airflow_provider_dockerhub.pipeline.account import (
    account_delivery,
    find_secrets,
    read_bulk_invites,
    read_whole_call,
    redact_secrets,
)
from airflow_provider_dockerhub.pipeline.deliver import Delivery
from airflow_provider_dockerhub.pipeline.items import Item, PreparedCall


def response(status, body=b"", content_type="application/json"):
    r = requests.Response()
    r.status_code, r._content = status, body
    r.headers["Content-Type"] = content_type
    return r


def call(*records):
    return PreparedCall("POST", "/x", {}, b"{}", [Item(i, r, f"records[{i}]") for i, r in enumerate(records)])


def test_whole_call_verdicts():
    ok = read_whole_call(call({}, {}), response(201))
    assert [(o.status, o.http_status) for o in ok] == [("succeeded", 201)] * 2
    bad = read_whole_call(call({}), response(409, b'{"detail": "already exists"}'))
    assert [(o.status, o.reason) for o in bad] == [("failed", "HTTP 409: already exists")]
    # catalogue row L3: the anti-abuse layer answers 429 in plain text
    plain = read_whole_call(call({}), response(429, b"Too Many Requests (HAP429).\n", "text/plain"))
    assert plain[0].reason == "HTTP 429: Too Many Requests (HAP429)."


def test_bulk_invite_statuses_become_record_outcomes_in_both_shapes():
    records = ({"invitee": "a@x.io"}, {"invitee": "bob"}, {"invitee": "??"}, {"invitee": "lost@x.io"})
    nested = b'{"invitees": {"invitees": [{"invitee": "a@x.io", "status": "invited"}, ' \
             b'{"invitee": "bob", "status": "existing_org_member"}, ' \
             b'{"invitee": "??", "status": "invalid_email_or_docker_id"}]}}'
    flat = nested.replace(b'{"invitees": {"invitees": ', b'{"invitees": ').rstrip(b"}") + b"}"
    for body in (nested, flat):
        outcomes = read_bulk_invites(call(*records), response(202, body))
        assert [(o.status, o.reason) for o in outcomes] == [
            ("succeeded", None), ("failed", "existing_org_member"), ("failed", "invalid_email_or_docker_id"),
            ("failed", "invitee missing from the response")]


def test_response_check_false_or_raising_fails_the_call():
    delivered = Delivery(call({}), response(200, b'{"ok": false}'))
    outcomes = account_delivery(delivered, read_whole_call, lambda r: r.json()["ok"])
    assert [(o.status, o.reason) for o in outcomes] == [("failed", "response_check returned False")]
    outcomes = account_delivery(delivered, read_whole_call, lambda r: r.json()["missing"])
    assert outcomes[0].reason == "response_check raised KeyError: 'missing'"


def test_transport_errors_fail_every_record_of_the_call():
    outcomes = account_delivery(Delivery(call({}, {}), error=ConnectionError("refused")), read_whole_call, None)
    assert [(o.status, o.reason) for o in outcomes] == [("failed", "ConnectionError: refused")] * 2


def test_secrets_found_and_redacted_anywhere():
    body = {"token": "dckr_pat_x", "items": [{"access_token": "jwt"}, {"token": ""}], "name": "n"}
    assert find_secrets(body) == ["dckr_pat_x", "jwt"]
    assert redact_secrets(body) == {"token": "***", "items": [{"access_token": "***"}, {"token": ""}], "name": "n"}


def test_every_already_exists_and_not_found_form_of_the_catalogue_settles_unchanged():
    """docs/docker-hub-api.md E2, E3: 409 to a POST, 400 {"__all__": [...already exists.]} (R2), 400 with a detail
    or a field error that says so (T3, E4), 404 to a DELETE; any other 400 stays a failure."""
    forms = [
        ("POST", response(409, b'{"detail": "user already exists"}'), "already exists"),
        ("POST", response(400, b'{"__all__": ["Repository with this Name and Namespace already exists."]}'),
         "already exists"),
        ("POST", response(400, b'{"errinfo": {}, "detail": "Group name already exists", "message": "x"}'),
         "already exists"),
        ("POST", response(400, b'{"errinfo": {}, "message": "team name \'devs\' was already taken"}'), "already exists"),
        ("POST", response(400, b'{"message": "httperror 400: request had 1 validation error", '
                               b'"errinfo": {"fielderrors": {"name": "already exists"}}}'), "already exists"),
        ("DELETE", response(404, b'{"detail": "not found"}'), "already gone"),
    ]
    for method, answer, reason in forms:
        prepared = PreparedCall(method, "/x", {}, b"{}", [Item(0, {}, "records[0]")])
        outcome = account_delivery(Delivery(prepared, answer, None), read_whole_call, None, "skip", "skip")[0]
        assert (outcome.status, outcome.reason) == ("unchanged", reason), answer.content
    other = account_delivery(Delivery(call({}), response(400, b'{"__all__": ["Name is too long."]}'), None),
                             read_whole_call, None, "skip", "skip")[0]
    assert other.status == "failed" and other.reason == "HTTP 400: Name is too long."
def test_hostile_bulk_invite_answers_fail_the_records_naming_path_status_and_shape():
    records = ({"invitee": "a@x.io"}, {"invitee": ["not", "hashable"]})
    for body in (b"[1, 2]", b'{"invitees": "all good"}', b'{"invitees": 7}', b"<html>proxy</html>"):
        outcomes = read_bulk_invites(call(*records), response(202, body))
        assert [o.status for o in outcomes] == ["failed", "failed"]
        assert outcomes[0].reason == 'POST /x answered HTTP 202 with a body that is not an object with an "invitees" list'
    odd = b'{"invitees": [{"invitee": ["x"], "status": "invited"}, {"invitee": "a@x.io", "status": "invited"}, 5]}'
    assert [o.status for o in read_bulk_invites(call(*records), response(202, odd))] == ["succeeded", "failed"]


def test_a_reader_that_raises_fails_the_call_by_name():
    def fragile(call, response):
        return [response.json()["results"][0]]

    outcomes = account_delivery(Delivery(call({}), response(200, b"[]")), fragile, None)
    assert outcomes[0].status == "failed"
    assert outcomes[0].reason.startswith("POST /x answered HTTP 200 with a body that is not readable by fragile "
                                         "(TypeError: list indices must be integers or slices, not str)")
