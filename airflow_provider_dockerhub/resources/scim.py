"""Users provisioned through SCIM 2.0 (a separate bearer token)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hooks.pagination import ScimPaginator
from airflow_provider_dockerhub.hub import SCIM_CONTENT_TYPE, SCIM_USER_SCHEMA
from airflow_provider_dockerhub.presets.endpoint import BOOLEAN, EndpointPreset, fields_body
from airflow_provider_dockerhub.resources.base import GetJson, Paginate, Record, ResourceKind, only


def scim_user_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """SCIM user body; flat ``givenName``/``familyName`` attributes (CSV-friendly) go under ``name``."""
    body = fields_body(record, fields, None)
    body.setdefault("schemas", [SCIM_USER_SCHEMA])
    name = dict(body.get("name") or {})
    for part in ("givenName", "familyName"):
        if body.get(part) is not None:
            name[part] = body.pop(part)
    if name:
        body["name"] = name
    return body


def scim_update_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """The live SCIM PUT body (docs/docker-hub-api.md S1): ``userName``, the name, and always ``active``, which
    the service takes as false when omitted. A record without ``active`` keeps the user active; the
    document's ``enabled`` is read as ``active`` and not sent."""
    body = scim_user_body(record, fields, dry_run_field)
    enabled = body.pop("enabled", True)
    body["active"] = record.get("active", enabled)
    return body


CREATE_SCIM_USER = EndpointPreset(
    "create_scim_user", "POST", "/v2/scim/2.0/Users",
    "Provision a user through SCIM (connection with auth_type bearer and the SCIM token).",
    required=("userName",), body_fields=("schemas", "userName", "name", "givenName", "familyName"),
    content_type=SCIM_CONTENT_TYPE,
    body_builder=scim_user_body, example={"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"})

UPDATE_SCIM_USER = EndpointPreset(
    "update_scim_user", "PUT", "/v2/scim/2.0/Users/{id}",
    "Update a SCIM user's name or activate/deactivate it (active; a record without it keeps the user active).",
    path_attributes={"id": "user_id"}, required=("userName",),
    body_fields=("schemas", "userName", "name", "givenName", "familyName", "active", "enabled"),
    content_type=SCIM_CONTENT_TYPE, body_builder=scim_update_body, enums={"active": BOOLEAN, "enabled": BOOLEAN},
    example={"user_id": "d9bd4e6e-0c6a-4a3e-a2f2-b5d1a4b6b3c8", "userName": "jane@example.com",
             "givenName": "Jane", "active": False})

_USER_ATTRIBUTES = ("userName", "givenName", "familyName", "name", "schemas")
_NAME_PARTS = ("givenName", "familyName")


def _name(user: Record) -> Record:
    name = user.get("name")
    return name if isinstance(name, dict) else {}


class ScimUsers(ResourceKind):
    name = "scim_users"
    notes = ("The update replaces the user: `userName` and `active` are always sent, so an update never "
             "deactivates by omission (S1).")
    summary = "Users provisioned through SCIM."
    identity = ("userName",)
    list_path = "/v2/scim/2.0/Users"
    get_path = "/v2/scim/2.0/Users/{id}"
    paginator = ScimPaginator()
    compared = ("active", "givenName", "familyName")
    create = CREATE_SCIM_USER
    update = UPDATE_SCIM_USER

    def prepare(self, record: Record) -> dict[str, Any]:
        """Names given nested, as SCIM writes them (``name.givenName``), are compared flat too."""
        return {**only(_name(record), *_NAME_PARTS), **record}

    def read(self, paginate: Paginate, get_json: GetJson, scope: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [self.seen(user) for user in super().read(paginate, get_json, scope)]

    def seen(self, item: dict[str, Any]) -> dict[str, Any]:
        """A user with its ``name.givenName``/``name.familyName`` also flat, as records write them."""
        return {**item, **only(_name(item), *_NAME_PARTS)}

    def create_record(self, desired: Record) -> dict[str, Any]:
        return only(desired, *_USER_ATTRIBUTES)

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        """The live PUT replaces the user: ``userName`` as Docker Hub has it, ``active`` always (omitted means
        false: docs/docker-hub-api.md S1), and the name parts the record gives or the user has."""
        return {"user_id": existing["id"], **only(existing, *_NAME_PARTS), **only(desired, *_USER_ATTRIBUTES),
                "userName": existing["userName"], "active": desired.get("active", existing.get("active", True))}
