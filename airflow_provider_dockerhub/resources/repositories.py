"""Repositories and the settings that hang off one repository."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.presets.readme import resolve_full_description
from airflow_provider_dockerhub.presets.registry import (
    CREATE_REPOSITORY,
    CREATE_REPOSITORY_GROUP,
    DELETE_REPOSITORY,
    DELETE_REPOSITORY_GROUP,
    DELETE_TAG,
    SET_REPOSITORY_PRIVACY,
    UPDATE_IMMUTABLE_TAGS,
    UPDATE_REPOSITORY,
    UPDATE_REPOSITORY_GROUP,
    VERIFY_IMMUTABLE_TAGS,
    EndpointPreset,
)
from airflow_provider_dockerhub.resources.base import GetJson, Record, ResourceKind, only

_TEXTS = ("description", "full_description")


class Repositories(ResourceKind):
    """Repositories. The list does not carry ``full_description``: a record that names it (or a README file in
    ``full_description_path``) costs one GET of its repository. Texts go in one PATCH, privacy in its own call.
    Deleting a repository deletes its images, so mirror needs an explicit ``max_deletes``."""

    name = "repositories"
    notes = ("Texts by PATCH (R6), privacy by its own call (R8); a README file in `full_description_path` is "
             "compared as text; mirror deletes a repository with its images (R7), so it needs an explicit "
             "`max_deletes`.")
    summary = "Repositories of a user or organization namespace."
    identity = ("namespace", "name")
    scope = ("namespace",)
    docker_ids = frozenset({"namespace", "name"})
    list_path = "/v2/namespaces/{namespace}/repositories"
    get_path = "/v2/namespaces/{namespace}/repositories/{name}"
    detail_path = "/v2/repositories/{namespace}/{name}/"
    detail_fields = ("full_description",)
    compared = ("description", "full_description", "is_private")
    create = CREATE_REPOSITORY
    update = UPDATE_REPOSITORY
    delete = DELETE_REPOSITORY
    privacy = SET_REPOSITORY_PRIVACY
    actions = (privacy, DELETE_TAG)
    explicit_delete_limit = True

    def prepare(self, record: Record) -> dict[str, Any]:
        return dict(resolve_full_description(record))

    def view(self, name: str, value: Any) -> Any:
        if name == "is_private":
            return bool(value)
        return value or ""  # texts compare exactly; Docker Hub answers "" for a text never set

    def update_writes(self, desired: Record, existing: Record,
                      changes: Mapping[str, tuple[Any, Any]]) -> list[tuple[EndpointPreset, dict[str, Any]]]:
        where = {"namespace": existing["namespace"], "name": existing["name"]}
        writes = []
        if any(name in changes for name in _TEXTS):
            assert self.update is not None
            writes.append((self.update, {**where, **only(desired, *_TEXTS)}))
        if "is_private" in changes:
            writes.append((self.privacy, {**where, "is_private": bool(desired["is_private"])}))
        return writes

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return {"namespace": existing["namespace"], "name": existing["name"]}


class ImmutableTags(ResourceKind):
    name = "immutable_tags"
    summary = "A repository's immutable-tag settings."
    identity = ("namespace", "repository")
    scope = ("namespace", "repository")
    docker_ids = frozenset({"namespace", "repository"})
    get_path = "/v2/namespaces/{namespace}/repositories/{repository}"
    update = UPDATE_IMMUTABLE_TAGS
    actions = (VERIFY_IMMUTABLE_TAGS,)
    syncable = False


class RepositoryGroups(ResourceKind):
    """A group's permission on a repository. The API lists no grants, so each grant a record names is read
    with its own GET (404: none); without a list, mirror is not possible (docs/docker-hub-api.md G2-G4)."""

    name = "repository_groups"
    notes = "The API lists no grants, so mirror is not possible."
    summary = "A group's permission on a repository."
    identity = ("namespace", "repository", "group_id")
    scope = ("namespace", "repository")
    docker_ids = frozenset({"namespace", "repository"})
    get_path = "/v2/repositories/{namespace}/{repository}/groups/{group_id}/"
    compared = ("permission",)
    create = CREATE_REPOSITORY_GROUP
    update = UPDATE_REPOSITORY_GROUP
    delete = DELETE_REPOSITORY_GROUP

    read_by_record = True

    @staticmethod
    def fold(value: Any) -> Any:
        return str(value).casefold()  # a group id from a CSV is text, from the API a number

    def read_named(self, get_json: GetJson, scope: Mapping[str, Any], records: list[Record]) -> list[dict[str, Any]]:
        """The grants the records name, one GET each; a grant that does not exist answers 404."""
        found = []
        for record in records:
            path = self.path(self.get_path or "", {**scope, "group_id": record["group_id"]})
            grant = get_json(path, missing_ok=True)
            if grant is not None:
                found.append(self.checked(path, {**grant, **scope, "group_id": record["group_id"]}))
        return found

    def create_record(self, desired: Record) -> dict[str, Any]:
        return super().create_record(only(desired, "namespace", "repository", "group_id", "permission"))

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        return {**only(existing, "namespace", "repository", "group_id"), "permission": desired["permission"]}

    def delete_record(self, existing: Record) -> dict[str, Any]:
        return only(existing, "namespace", "repository", "group_id")
