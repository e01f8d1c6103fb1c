"""Repositories and the settings that hang off one repository."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hub import REPO_PERMISSIONS
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.presets.readme import PATH_ATTRIBUTE, resolve_full_description, text_limits_problem
from airflow_provider_dockerhub.resources.base import GetJson, Record, ResourceKind, only

#: Docker Hub's rule for a repository name; what can be an invitee at all (a Docker ID or an email address).
REPOSITORY_NAME = r"[a-z0-9]+(?:[._-][a-z0-9]+)*"

_REPO = {"namespace": "namespace", "repository": "repository"}

#: The live repository endpoints under ``/v2/repositories/`` (not in the OpenAPI document).
_LIVE_REPO = {"namespace": "namespace", "name": "name"}

_LIVE_REPO_PATH = "/v2/repositories/{namespace}/{name}/"

_HUB_TOOL = "docker/hub-tool pkg/hub/repositories.go, pkg/hub/tags.go"

_TERRAFORM = "docker/terraform-provider-docker internal/hubclient/client_repository.go"

#: One group's permission on a repository (docs/docker-hub-api.md G2-G4).
_GRANT = {**_REPO, "group_id": "group_id"}

_GRANT_PATH = "/v2/repositories/{namespace}/{repository}/groups/{group_id}/"


def repository_update_problem(record: Mapping[str, Any]) -> str | None:
    """A repository update changes something (a text, or a README file), within Docker Hub's limits."""
    if all(record.get(name) is None for name in ("description", "full_description")):
        return f"update_repository needs description, full_description or {PATH_ATTRIBUTE}"
    return text_limits_problem(record)


CREATE_REPOSITORY = EndpointPreset(
    "create_repository", "POST", "/v2/namespaces/{namespace}/repositories",
    "Create a repository in a user's or organization's namespace.",
    path_attributes={"namespace": "namespace"}, required=("name",),
    body_fields=("name", "namespace", "description", "full_description", "registry", "is_private"),
    patterns={"name": REPOSITORY_NAME},
    example={"namespace": "acme", "name": "web", "description": "Frontend", "is_private": True},
    prepare=resolve_full_description, extra_check=text_limits_problem)

UPDATE_REPOSITORY = EndpointPreset(
    "update_repository", "PATCH", _LIVE_REPO_PATH,
    f"Set a repository's short description and full description (README); ``{PATH_ATTRIBUTE}`` names a file "
    "or object-storage URI whose text is sent as the full description.",
    path_attributes=_LIVE_REPO, body_fields=("description", "full_description", PATH_ATTRIBUTE),
    example={"namespace": "acme", "name": "web", "description": "Frontend",
             "full_description": "# web\n\nThe frontend."}, source=_TERRAFORM,
    prepare=resolve_full_description, extra_check=repository_update_problem)

SET_REPOSITORY_PRIVACY = EndpointPreset(
    "set_repository_privacy", "POST", _LIVE_REPO_PATH + "privacy",
    "Make a repository private or public.", path_attributes=_LIVE_REPO, required=("is_private",),
    body_fields=("is_private",), enums={"is_private": (True, False)},
    example={"namespace": "acme", "name": "web", "is_private": True}, source=_TERRAFORM)

DELETE_REPOSITORY = EndpointPreset(
    "delete_repository", "DELETE", _LIVE_REPO_PATH,
    "Delete a repository with all its tags and images (this cannot be undone).", path_attributes=_LIVE_REPO,
    body_builder=None, example={"namespace": "acme", "name": "old-app"}, source=f"{_HUB_TOOL}; {_TERRAFORM}")

DELETE_TAG = EndpointPreset(
    "delete_tag", "DELETE", "/v2/repositories/{namespace}/{repository}/tags/{tag}/",
    "Delete a tag of a repository.", path_attributes={**_REPO, "tag": "tag"}, body_builder=None,
    example={"namespace": "acme", "repository": "web", "tag": "pr-123"}, source=_HUB_TOOL)

UPDATE_IMMUTABLE_TAGS = EndpointPreset(
    "update_immutable_tags", "PATCH", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags",
    "Turn immutable tags on or off for a repository and set the rules.",
    path_attributes=_REPO, required=("immutable_tags", "immutable_tags_rules"),
    body_fields=("immutable_tags", "immutable_tags_rules"),
    example={"namespace": "acme", "repository": "web", "immutable_tags": True, "immutable_tags_rules": ["v.*"]})

VERIFY_IMMUTABLE_TAGS = EndpointPreset(
    "verify_immutable_tags", "POST", "/v2/namespaces/{namespace}/repositories/{repository}/immutabletags/verify",
    "List the tags an immutable-tag rule would match.",
    path_attributes=_REPO, required=("regex",), body_fields=("regex",),
    example={"namespace": "acme", "repository": "web", "regex": "v1"})

CREATE_REPOSITORY_GROUP = EndpointPreset(
    "create_repository_group", "POST",
    "/v2/repositories/{namespace}/{repository}/groups", "Give a group (team) a permission on a repository.",
    path_attributes=_REPO, required=("group_id", "permission"),
    body_fields=("group_id", "permission"), enums={"permission": REPO_PERMISSIONS},
    example={"namespace": "acme", "repository": "web", "group_id": 1, "permission": "write"})

UPDATE_REPOSITORY_GROUP = EndpointPreset(
    "update_repository_group", "PATCH", _GRANT_PATH,
    "Change a group's (team's) permission on a repository.", path_attributes=_GRANT, required=("permission",),
    body_fields=("permission",), enums={"permission": REPO_PERMISSIONS},
    example={"namespace": "acme", "repository": "web", "group_id": 1, "permission": "read"}, source=_TERRAFORM)

DELETE_REPOSITORY_GROUP = EndpointPreset(
    "delete_repository_group", "DELETE", _GRANT_PATH,
    "Take a group's (team's) permission on a repository away.", path_attributes=_GRANT, body_builder=None,
    example={"namespace": "acme", "repository": "web", "group_id": 1}, source=_TERRAFORM)

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
