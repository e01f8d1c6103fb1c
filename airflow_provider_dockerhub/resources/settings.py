"""An organization's settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.resources.base import GetJson, Paginate, Record, ResourceKind

UPDATE_ORG_SETTINGS = EndpointPreset(
    "update_org_settings", "PUT", "/v2/orgs/{name}/settings",
    "Set an organization's restricted-images settings.",
    path_attributes={"name": "org"}, required=("restricted_images",), body_fields=("restricted_images",),
    example={"org": "acme", "restricted_images": {"enabled": True, "allow_official_images": True,
                                                  "allow_verified_publishers": False}})


class OrgSettings(ResourceKind):
    """One settings object per organization, read with a GET; it always exists, so it is only updated."""

    name = "org_settings"
    notes = "Always exists: only updated."
    summary = "An organization's settings (restricted images)."
    identity = ("org",)
    scope = ("org",)
    docker_ids = frozenset({"org"})
    get_path = "/v2/orgs/{org}/settings"
    compared = ("restricted_images",)
    update = UPDATE_ORG_SETTINGS

    def read(self, paginate: Paginate, get_json: GetJson, scope: Mapping[str, Any]) -> list[dict[str, Any]]:
        assert self.get_path is not None
        path = self.path(self.get_path, scope)
        body = get_json(path)
        return [self.checked(path, {**body, **scope} if isinstance(body, dict) else body)]

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {"org": existing["org"], "restricted_images": desired["restricted_images"]}
