"""Repositories: create, read, list, update, privacy, delete, immutable tags, group (team) grants and tags.

The OpenAPI document has create, read, list and immutable tags; the rest are routes Docker Hub serves and
clients use although the document lacks them (docs/docker-hub-api.md lists them with their sources).
"""

from __future__ import annotations

import re
from typing import Any

from airflow_provider_dockerhub.hub import DESCRIPTION_MAX_CHARS, FULL_DESCRIPTION_MAX_BYTES, REPO_PERMISSIONS
from airflow_provider_dockerhub.testing.routes.base import Call, Route, list_page
from airflow_provider_dockerhub.testing.state import ApiError, Group, HubState, Repository


def _repository(state: HubState, call: Call, scope: str) -> Repository:
    """The repository the path names, once the caller may change it with ``scope``; 404 when unknown."""
    repo = state.repository(call.params["namespace"], call.params["repository"])
    state.require_repo_write(call.caller, repo.namespace, scope)
    return repo


def _check_texts(body: dict[str, Any]) -> None:
    """R11: ``description`` at most 100 characters, ``full_description`` at most 25,000 bytes in UTF-8 (not
    characters, which the document's maxLength counts); 400 naming the field."""
    for name in ("description", "full_description"):
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise ApiError(400, f"{name} must be a string", name)
    description, full = body.get("description"), body.get("full_description")
    if description is not None and len(description) > DESCRIPTION_MAX_CHARS:
        raise ApiError(400, f"Ensure this field has no more than {DESCRIPTION_MAX_CHARS} characters.", "description")
    if full is not None and len(full.encode("utf-8")) > FULL_DESCRIPTION_MAX_BYTES:
        raise ApiError(400, f"Ensure this field has no more than {FULL_DESCRIPTION_MAX_BYTES} bytes (UTF-8).",
                       "full_description")


def create_repository(state: HubState, call: Call) -> tuple[int, Any]:
    namespace = call.params["namespace"]
    if call.body["namespace"] != namespace:
        raise ApiError(400, "namespace in the body does not match the path", "namespace")
    state.require_repo_write(call.caller, namespace, "repo:admin")  # C7: creating needs Read, Write and Delete
    _check_texts(call.body)  # R11: the document's maxLength let through a text over the limit in bytes
    if (namespace, call.body["name"]) in state.repositories:  # R2: a 400 with Django's __all__, not a 409
        message = "Repository with this Name and Namespace already exists."
        raise ApiError(400, message, body={"__all__": [message]})
    repo = state.add_repository(
        namespace, call.body["name"], is_private=call.body.get("is_private", False),
        description=call.body.get("description", ""), full_description=call.body.get("full_description", ""),
        registry=call.body.get("registry", "docker.io"), created_by=call.caller.name)
    return 201, repo.to_api()


def get_repository(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, state.repository(call.params["namespace"], call.params["repository"]).to_api()


def list_repositories(state: HubState, call: Call) -> tuple[int, Any]:
    namespace = call.params["namespace"]  # an unknown namespace is an empty list, not a 404 (R4)
    repos = [r for (ns, _), r in sorted(state.repositories.items()) if ns == namespace]
    return 200, list_page(call, repos, render=lambda repo: repo.to_api(list_item=True))


def update_immutable_tags(state: HubState, call: Call) -> tuple[int, Any]:
    repo = _repository(state, call, "repo:admin")
    for rule in call.body["immutable_tags_rules"]:
        try:
            re.compile(rule)
        except re.error:
            raise ApiError(400, f"invalid immutable tag rule {rule!r}", "immutable_tags_rules") from None
    repo.immutable_tags = call.body["immutable_tags"]
    repo.immutable_tags_rules = list(call.body["immutable_tags_rules"])
    return 200, repo.to_api()


def verify_immutable_tags(state: HubState, call: Call) -> tuple[int, Any]:
    _repository(state, call, "repo:read")
    return 200, {"tags": []}


# -- repository group (team) grants: create (G1), read (G2), update (G3), delete (G4) ----------------
def _grant_target(state: HubState, call: Call, group_id: Any) -> tuple[Repository, Group]:
    """The repository and the group a grant call names; a PAT needs ``repo:admin`` and an editor or owner
    (C7), the organization's own access token may too."""
    repo = _repository(state, call, "repo:admin")
    org = state.org(repo.namespace)
    group = next((g for g in org.groups.values() if str(g.id) == str(group_id)), None)
    if group is None:
        raise ApiError(404, f"group id {group_id} not found in {org.name!r}")
    return repo, group


def _grant_api(repo: Repository, group: Group) -> dict[str, Any]:
    return {"group_name": group.name, "permission": repo.group_permissions[group.id], "group_id": group.id}


def _permission(body: Any) -> str:
    permission = (body or {}).get("permission")
    if permission not in REPO_PERMISSIONS:
        raise ApiError(400, f"invalid permission {permission!r}; one of {list(REPO_PERMISSIONS)}", "permission")
    return str(permission)


def create_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _grant_target(state, call, call.body["group_id"])
    repo.group_permissions[group.id] = call.body["permission"]
    return 200, _grant_api(repo, group)


def _existing_grant(state: HubState, call: Call) -> tuple[Repository, Group]:
    repo, group = _grant_target(state, call, call.params["group_id"])
    if group.id not in repo.group_permissions:
        raise ApiError(404, f"group {group.name!r} has no permission on {repo.namespace}/{repo.name}")
    return repo, group


def get_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    return 200, _grant_api(*_existing_grant(state, call))


def update_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _existing_grant(state, call)
    repo.group_permissions[group.id] = _permission(call.body)
    return 200, _grant_api(repo, group)


def delete_repository_group(state: HubState, call: Call) -> tuple[int, Any]:
    repo, group = _existing_grant(state, call)
    del repo.group_permissions[group.id]
    return 204, None


# -- live routes the OpenAPI document lacks (docs/docker-hub-api.md R6-R12) -------------------------------
# Their shapes follow docker/hub-tool (pkg/hub/repositories.go, pkg/hub/tags.go) and
# docker/terraform-provider-docker (internal/hubclient/client_repository.go).
def update_repository(state: HubState, call: Call) -> tuple[int, Any]:
    """``PATCH /v2/repositories/{namespace}/{name}/``: the short and the full description."""
    body = call.body or {}
    repo = _repository(state, call, "repo:admin")
    _check_texts(body)
    for name in ("description", "full_description"):
        if body.get(name) is not None:
            setattr(repo, name, body[name])
    return 200, repo.to_api()


def set_repository_privacy(state: HubState, call: Call) -> tuple[int, Any]:
    """``POST /v2/repositories/{namespace}/{name}/privacy`` with ``{"is_private": bool}``."""
    body = call.body or {}
    if not isinstance(body.get("is_private"), bool):
        raise ApiError(400, "is_private must be true or false", "is_private")
    repo = _repository(state, call, "repo:admin")
    repo.is_private = body["is_private"]
    return 200, repo.to_api()


def delete_repository(state: HubState, call: Call) -> tuple[int, Any]:
    """``DELETE /v2/repositories/{namespace}/{name}/``: the repository and its tags; 404 when already gone."""
    repo = _repository(state, call, "repo:admin")
    del state.repositories[(repo.namespace, repo.name)]
    return 202, None


def list_tags(state: HubState, call: Call) -> tuple[int, Any]:
    """The tags, newest push first, in pages like every list (P1-P3)."""
    repo = state.repository(call.params["namespace"], call.params["repository"])
    tags = sorted(repo.tags.values(), key=lambda t: (t.tag_last_pushed or "", t.name), reverse=True)
    return 200, list_page(call, tags, render=lambda tag: tag.to_api())


def get_tag(state: HubState, call: Call) -> tuple[int, Any]:
    """``GET /v2/repositories/{namespace}/{name}/tags/{tag}/``."""
    repo = state.repository(call.params["namespace"], call.params["repository"])
    tag = repo.tags.get(call.params["tag"])
    if tag is None:
        raise ApiError(404, f"tag {call.params['tag']!r} not found in {repo.namespace}/{repo.name}")
    return 200, tag.to_api()


def delete_tag(state: HubState, call: Call) -> tuple[int, Any]:
    """``DELETE /v2/repositories/{namespace}/{name}/tags/{tag}/``; 404 when the tag is already gone."""
    repo = _repository(state, call, "repo:admin")
    if repo.tags.pop(call.params["tag"], None) is None:
        raise ApiError(404, f"tag {call.params['tag']!r} not found in {repo.namespace}/{repo.name}")
    return 204, None


NS_REPO = "/v2/namespaces/{namespace}/repositories/{repository}"
REPO = "/v2/repositories/{namespace}/{repository}"
GRANT = f"{REPO}/groups/{{group_id}}"
TAG = f"{REPO}/tags/{{tag}}"

ROUTES: tuple[Route, ...] = (
    Route("POST", "/v2/namespaces/{namespace}/repositories", create_repository),
    Route("GET", "/v2/namespaces/{namespace}/repositories", list_repositories),
    Route("GET", NS_REPO, get_repository),
    Route("PATCH", f"{NS_REPO}/immutabletags", update_immutable_tags),
    Route("POST", f"{NS_REPO}/immutabletags/verify", verify_immutable_tags),
    Route("POST", f"{REPO}/groups", create_repository_group),
    Route("GET", GRANT, get_repository_group),
    Route("PATCH", GRANT, update_repository_group, validate=False),  # not in the document (G3)
    Route("DELETE", GRANT, delete_repository_group, validate=False),  # not in the document (G4)
    # not in the document: checked by the handlers (R6-R12)
    Route("GET", REPO, get_repository, validate=False),
    Route("PATCH", REPO, update_repository, validate=False),
    Route("DELETE", REPO, delete_repository, validate=False),
    Route("POST", f"{REPO}/privacy", set_repository_privacy, validate=False),
    Route("GET", f"{REPO}/tags", list_tags, validate=False),
    Route("GET", f"{NS_REPO}/tags", list_tags, validate=False),
    Route("GET", TAG, get_tag, validate=False),
    Route("DELETE", TAG, delete_tag, validate=False),
)
