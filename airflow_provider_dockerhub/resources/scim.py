"""Users provisioned through SCIM 2.0 (a separate bearer token)."""

from __future__ import annotations

from typing import Any, ClassVar

from airflow_provider_dockerhub.hooks.pagination import ScimPaginator
from airflow_provider_dockerhub.presets.registry import EndpointPreset, get_preset
from airflow_provider_dockerhub.resources.base import Record, ResourceKind, only

_USER_ATTRIBUTES = ("userName", "givenName", "familyName", "name", "schemas")


class ScimUsers(ResourceKind):
    name = "scim_users"
    summary = "Users provisioned through SCIM."
    identity = ("userName",)
    list_path = "/v2/scim/2.0/Users"
    get_path = "/v2/scim/2.0/Users/{id}"
    paginator = ScimPaginator()
    compared = ("active",)
    create: ClassVar[EndpointPreset | None] = get_preset("create_scim_user")
    update: ClassVar[EndpointPreset | None] = get_preset("update_scim_user")

    def create_record(self, desired: Record) -> dict[str, Any]:
        return only(desired, *_USER_ATTRIBUTES)

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"user_id": existing["id"], "enabled": desired["active"], **only(desired, *_USER_ATTRIBUTES)}
