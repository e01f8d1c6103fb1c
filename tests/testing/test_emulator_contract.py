"""The emulator against the official Docker Hub OpenAPI document."""

from __future__ import annotations

import hashlib

import pytest
import requests
from jsonschema import Draft7Validator

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.live_differences import RESPONSE, differences
from airflow_provider_dockerhub.testing.openapi import SPEC_PATH, write_operations
from airflow_provider_dockerhub.testing.routes import ROUTES
from tests.testing.world import OFFICIAL_SPEC, World, sample_calls, seed

WRITE_OPS = write_operations(OFFICIAL_SPEC)
OP_IDS = [f"{op.method} {op.path}" for op in WRITE_OPS]
#: The sha256 of the official document (docs/docker-hub-api.md names its source), as bundled.
OFFICIAL_SHA256 = "13855546562c7ea757f40409da8ab3f42dcfbff6c70d68a418202df1a7f34e8d"


@pytest.fixture
def world():
    with DockerHubEmulator() as hub:
        yield seed(hub)


def _login_2fa_sample(world: World) -> tuple[str, dict]:
    world.hub.add_user("mfa", password="mfa-password-1", two_factor_code="123456")
    first = requests.post(f"{world.hub.url}/v2/users/login", json={"username": "mfa", "password": "mfa-password-1"},
                          timeout=5)
    assert first.status_code == 401 and first.json()["login_2fa_token"]
    return "/v2/users/2fa-login", {"login_2fa_token": first.json()["login_2fa_token"], "code": "123456"}


def _sample(world: World, method: str, path: str) -> tuple[str, dict | None]:
    if path == "/v2/users/2fa-login":
        return _login_2fa_sample(world)
    return sample_calls(world)[(method, path)]


def test_bundled_document_is_the_official_one():
    assert hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest() == OFFICIAL_SHA256


def test_every_write_operation_of_the_document_is_served():
    served = {(route.method, route.path) for route in ROUTES}
    missing = [name for op, name in zip(WRITE_OPS, OP_IDS, strict=True) if (op.method, op.path) not in served]
    assert not missing
    assert len(WRITE_OPS) == 27


@pytest.mark.parametrize("op", WRITE_OPS, ids=OP_IDS)
def test_successful_response_matches_the_document(world, op):
    path, body = _sample(world, op.method, op.path)
    response = world.call(op.method, path, body, scim=op.path.startswith("/v2/scim/")) if op.path not in (
        "/v2/auth/token", "/v2/users/login", "/v2/users/2fa-login") else requests.post(
        f"{world.hub.url}{path}", json=body, timeout=5)

    assert response.status_code == op.success_status, response.text
    schema = op.response_schema(response.status_code)
    if schema is None:
        assert response.content in (b"", b"null")
    else:
        body = response.json()
        # Where the live service answers otherwise (test_emulator_live shows that shape), only the listed
        # difference is taken out: every other field is still checked against the document.
        for live in differences(op.method, op.path, RESPONSE):
            body = _as_documented(live.row, body, world)
        errors = sorted(Draft7Validator(schema).iter_errors(body), key=str)
        assert not errors, errors[0].message
        content_type = op.responses[response.status_code][0]
        assert response.headers["Content-Type"] == content_type


@pytest.mark.parametrize("op", [op for op in WRITE_OPS if op.request_schema and op.request_schema.get("required")],
                         ids=lambda op: f"{op.method} {op.path}")
def test_body_missing_a_required_field_is_rejected_with_the_field_named(world, op):
    path, body = _sample(world, op.method, op.path)
    missing = op.request_schema["required"][0]
    body = {k: v for k, v in (body or {}).items() if k != missing}
    scim = op.path.startswith("/v2/scim/")
    if op.path in ("/v2/auth/token", "/v2/users/login", "/v2/users/2fa-login"):
        response = requests.post(f"{world.hub.url}{path}", json=body, timeout=5)
    else:
        response = world.call(op.method, path, body, scim=scim)

    assert response.status_code == 400
    error = response.json()
    if scim:
        assert error["status"] == "400" and missing in error["detail"]
    else:
        assert missing in error["errinfo"]["fielderrors"][missing]  # catalogue row E4


def test_enum_violation_is_a_400(world):
    response = world.call("PUT", "/v2/orgs/acme/members/bob", {"role": "admin"})
    assert response.status_code == 400 and list(response.json()["errinfo"]["fielderrors"]) == ["role"]


def _list_reads():
    """The document's GET operation behind every list the resource model (and so the sync) reads."""
    import re

    from airflow_provider_dockerhub.resources import RESOURCES
    from airflow_provider_dockerhub.testing.openapi import load_operations

    def shape(path: str) -> str:
        return re.sub(r"\{\w+\}", "{}", path)

    reads = {shape(op.path): op for op in load_operations(OFFICIAL_SPEC) if op.method == "GET"}
    return [(resource.name, resource.list_path, reads[shape(resource.list_path)])
            for resource in RESOURCES if resource.list_path]


SCOPE = {"namespace": "acme", "org": "acme", "group": "devs"}


@pytest.mark.parametrize(("resource", "path", "op"), _list_reads(), ids=lambda value: getattr(value, "path", value))
def test_every_list_the_sync_reads_answers_in_the_documents_shape(world, resource, path, op):
    concrete = path.format(**SCOPE)
    response = world.call("GET", concrete, scim=path.startswith("/v2/scim/"))
    assert response.status_code == 200, response.text
    schema = op.response_schema(200)
    assert schema is not None, f"the document gives no schema for GET {op.path}"
    body = response.json()
    for live in differences("GET", op.path, RESPONSE):  # role values and invite fields the document lacks
        body = _as_documented(live.row, body, world)
    # Two slips of the document, where Docker Hub's own answers are what the emulator follows: the member list's
    # page is wrapped in an array, and page links are typed as strings although the last page's are null.
    if schema.get("type") == "array" and "results" in schema.get("items", {}).get("properties", {}):
        schema = schema["items"]
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if not (k in ("next", "previous") and v is None)}
    errors = sorted(Draft7Validator(schema).iter_errors(body), key=lambda e: e.path)
    assert not errors, errors[0].message


def _as_documented(row: str, body, world: World):
    """``body`` with a listed live difference (``row``) taken out, so the rest is checked against the document.

    Only that difference: a member's role the document's enum lacks becomes a documented one only when it is
    one the live service reads back (``Editor``, or a custom role of the organization); anything else, such as a
    core role in lower case, still fails the check."""
    if row == "M1":  # one page object, not an array of them: the list test reads the document's item schema
        return body
    if row == "M2":  # Editor and custom role names: the document's enum has Owner, Member, Invitee only
        live_roles = {"Editor", *world.hub.state.orgs["acme"].custom_roles}

        def member(m):
            return {**m, "role": "Member"} if m.get("role") in live_roles else m

        return {**body, "results": [member(m) for m in body["results"]]} if "results" in body else member(body)
    if row == "M5":  # invites carry role
        return {**body, "data": [{k: v for k, v in i.items() if k != "role"} for i in body["data"]]}
    if row == "M6":  # a flat {"invitees": [...]}: the document nests the list as {"invitees": {"invitees": [...]}}
        assert isinstance(body.get("invitees"), list), body
        return {**body, "invitees": {"invitees": body["invitees"]}}
    raise AssertionError(f"catalogue row {row} is listed as a response difference; say here how to take it out")
