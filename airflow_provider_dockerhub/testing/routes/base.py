"""What every route module shares: the parsed request (``Call``), the ``Route``, the ``Router`` that finds a
request's route, and ``list_page``, the paginated list every ``page``/``page_size`` list answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlencode

from airflow_provider_dockerhub.hub import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from airflow_provider_dockerhub.testing.openapi import find_operation, route_pattern
from airflow_provider_dockerhub.testing.state import ApiError, HubState, Principal

__all__ = ["Call", "Handler", "Route", "Router", "list_page"]


@dataclass
class Call:
    """One parsed request as a handler sees it."""

    params: dict[str, str]
    query: dict[str, str]
    body: Any
    principal: Principal | None
    url: str = ""  #: the request's absolute URL without its query (page links are absolute, P2)

    @property
    def caller(self) -> Principal:
        """Who the bearer token speaks for (every route but the logins authenticates first)."""
        if self.principal is None:
            raise ApiError(401, "authentication required")
        return self.principal


Handler = Callable[[HubState, Call], tuple[int, Any]]


@dataclass(frozen=True)
class Route:
    """A method + path template served by ``handler``; ``auth`` is False for the login routes."""

    method: str
    path: str
    handler: Handler
    auth: bool = True
    validate: bool = True

    @property
    def pattern(self) -> re.Pattern[str]:
        return route_pattern(self.path)

    @property
    def scim(self) -> bool:
        return self.path.startswith("/v2/scim/")

    def request_validator(self) -> Any:
        """A jsonschema validator for this operation's request body, or None."""
        if not self.validate or self.method == "GET":
            return None
        schema = find_operation(self.method, self.path).request_schema
        if schema is None:
            return None
        from jsonschema import Draft7Validator

        return Draft7Validator(schema)


class Router:
    """Finds the route of a request: 404 for an unknown path, 405 for a known path with another method."""

    def __init__(self, routes: tuple[Route, ...]) -> None:
        self._routes = [(route, route.pattern, route.request_validator()) for route in routes]

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str], Any]:
        """The route, its path parameters (decoded) and its body validator (None: no check)."""
        allowed = False
        for route, pattern, validator in self._routes:
            found = pattern.match(path)
            if found:
                if route.method == method:
                    return route, {k: unquote(v) for k, v in found.groupdict().items()}, validator
                allowed = True
        raise ApiError(405 if allowed else 404, f"{method} {path}: {'method not allowed' if allowed else 'not found'}")


def list_page(call: Call, items: list[Any], *, total_key: str = "count",
              render: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """One page of ``items``: absolute ``next``/``previous`` links that keep ``page_size`` (P2); a page past
    the end of a list is 404 (P3). ``render`` turns only the page's items into their API form."""
    query = call.query
    try:
        page = max(int(query.get("page", 1)), 1)
        size = min(max(int(query.get("page_size", DEFAULT_PAGE_SIZE)), 1), MAX_PAGE_SIZE)
    except ValueError:
        raise ApiError(400, "page and page_size must be numbers") from None
    start = (page - 1) * size
    if page > 1 and start >= len(items):
        raise ApiError(404, f"page {page} is past the end of the list")

    def link(number: int) -> str:
        # the query's own order, with page first when it had none
        params: dict[str, Any] = dict(query) if "page" in query else {"page": number, **query}
        params.update(page=number, page_size=size)
        return f"{call.url}?{urlencode(params)}"

    shown = items[start:start + size]
    return {total_key: len(items), "next": None if start + size >= len(items) else link(page + 1),
            "previous": None if page == 1 else link(page - 1),
            "results": [render(item) for item in shown] if render else shown}
