"""The emulator's repository routes that the OpenAPI document lacks but Docker Hub serves (and clients use).

Update (``PATCH``), privacy (``POST .../privacy``) and delete of a repository under ``/v2/repositories/``, the
paginated tag list and tag deletion. Their shapes follow docker/hub-tool (``pkg/hub/repositories.go``,
``pkg/hub/tags.go``) and docker/terraform-provider-docker (``internal/hubclient/client_repository.go``);
docs/docker-hub-api.md lists them with their sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from airflow_provider_dockerhub.testing.state import ApiError, HubState

if TYPE_CHECKING:
    from airflow_provider_dockerhub.testing.routes import Call, Route

#: Docker Hub's limits on a repository's texts (OpenAPI ``repo_creation_request``: 100 and 25,000).
DESCRIPTION_MAX = 100
FULL_DESCRIPTION_MAX = 25_000
#: The tag list's page size: 10 by default, at most 100 (the OpenAPI document's ``ListRepositoryTags``).
TAGS_PAGE_SIZE, TAGS_PAGE_SIZE_MAX = 10, 100


def _repository(state: HubState, call: Call, scope: str):
    repo = state.repository(call.params["namespace"], call.params["repository"])
    state.require_repo_write(call.principal, repo.namespace, scope)
    return repo


def update_repository(state: HubState, call: Call) -> tuple[int, Any]:
    """``PATCH /v2/repositories/{namespace}/{name}/``: the short and the full description."""
    body = call.body or {}
    repo = _repository(state, call, "repo:admin")
    for name, limit in (("description", DESCRIPTION_MAX), ("full_description", FULL_DESCRIPTION_MAX)):
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise ApiError(400, f"{name} must be a string", name)
        if value is not None and len(value) > limit:
            raise ApiError(400, f"Ensure this field has no more than {limit} characters.", name)
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


def get_repository(state: HubState, call: Call) -> tuple[int, Any]:
    """``GET /v2/repositories/{namespace}/{name}/``."""
    return 200, state.repository(call.params["namespace"], call.params["repository"]).to_api()


def list_tags(state: HubState, call: Call) -> tuple[int, Any]:
    """The tags, newest push first, in pages whose ``next`` is a link carrying the whole query."""
    repo = state.repository(call.params["namespace"], call.params["repository"])
    try:
        page = max(int(call.query.get("page", 1)), 1)
        size = min(max(int(call.query.get("page_size", TAGS_PAGE_SIZE)), 1), TAGS_PAGE_SIZE_MAX)
    except ValueError:
        raise ApiError(400, "page and page_size must be numbers") from None
    tags = sorted(repo.tags.values(), key=lambda t: (t.tag_last_pushed or "", t.name), reverse=True)
    start = (page - 1) * size
    path = f"/v2/repositories/{repo.namespace}/{repo.name}/tags"

    def link(number: int) -> str:
        return f"{path}?{urlencode({'page': number, 'page_size': size})}"

    return 200, {"count": len(tags), "next": link(page + 1) if start + size < len(tags) else None,
                 "previous": link(page - 1) if page > 1 else None,
                 "results": [t.to_api() for t in tags[start:start + size]]}


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


def repository_routes(route: type[Route]) -> tuple[Route, ...]:
    """The routes of this module (built by ``routes.py``, which owns the ``Route`` class)."""
    repo = "/v2/repositories/{namespace}/{repository}"
    tag = f"{repo}/tags/{{tag}}"
    return (
        route("GET", repo, get_repository, validate=False),
        route("PATCH", repo, update_repository, validate=False),
        route("DELETE", repo, delete_repository, validate=False),
        route("POST", f"{repo}/privacy", set_repository_privacy, validate=False),
        route("GET", f"{repo}/tags", list_tags, validate=False),
        route("GET", "/v2/namespaces/{namespace}/repositories/{repository}/tags", list_tags, validate=False),
        route("GET", tag, get_tag, validate=False),
        route("DELETE", tag, delete_tag, validate=False),
    )
