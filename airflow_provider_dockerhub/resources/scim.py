"""Users provisioned through SCIM 2.0 (a separate bearer token)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hooks.pagination import ScimPaginator
from airflow_provider_dockerhub.presets.registry import CREATE_SCIM_USER, UPDATE_SCIM_USER
from airflow_provider_dockerhub.resources.base import GetJson, Paginate, Record, ResourceKind, only

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
        """Users with their ``name.givenName``/``name.familyName`` also flat, as records write them."""
        users = super().read(paginate, get_json, scope)
        return [{**user, **only(_name(user), *_NAME_PARTS)} for user in users]

    def create_record(self, desired: Record) -> dict[str, Any]:
        return only(desired, *_USER_ATTRIBUTES)

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        """The live PUT replaces the user: ``userName`` as Docker Hub has it, ``active`` always (omitted means
        false: docs/docker-hub-api.md S1), and the name parts the record gives or the user has."""
        return {"user_id": existing["id"], **only(existing, *_NAME_PARTS), **only(desired, *_USER_ATTRIBUTES),
                "userName": existing["userName"], "active": desired.get("active", existing.get("active", True))}
