"""Repositories and the settings that hang off one repository."""

from __future__ import annotations

from typing import Any, ClassVar

from airflow_provider_dockerhub.presets.registry import EndpointPreset, get_preset
from airflow_provider_dockerhub.resources.base import Record, ResourceKind, only


class Repositories(ResourceKind):
    name = "repositories"
    summary = "Repositories of a user or organization namespace."
    identity = ("namespace", "name")
    scope = ("namespace",)
    docker_ids = frozenset({"namespace", "name"})
    list_path = "/v2/namespaces/{namespace}/repositories"
    get_path = "/v2/namespaces/{namespace}/repositories/{name}"
    compared = ("description", "full_description", "is_private")
    create: ClassVar[EndpointPreset | None] = get_preset("create_repository")


class ImmutableTags(ResourceKind):
    name = "immutable_tags"
    summary = "A repository's immutable-tag settings."
    identity = ("namespace", "repository")
    scope = ("namespace", "repository")
    docker_ids = frozenset({"namespace", "repository"})
    get_path = "/v2/namespaces/{namespace}/repositories/{repository}"
    update: ClassVar[EndpointPreset | None] = get_preset("update_immutable_tags")
    actions = (get_preset("verify_immutable_tags"),)


class RepositoryGroups(ResourceKind):
    """A group's permission on a repository; the API has no list, so every grant is sent (an existing one
    ends unchanged)."""

    name = "repository_groups"
    summary = "A group's permission on a repository."
    identity = ("namespace", "repository", "group_id")
    scope = ("namespace", "repository")
    docker_ids = frozenset({"namespace", "repository"})
    create: ClassVar[EndpointPreset | None] = get_preset("create_repository_group")

    def create_record(self, desired: Record) -> dict[str, Any]:
        return super().create_record(only(desired, "namespace", "repository", "group_id", "permission"))
