"""Paginators: how one list endpoint pages, and the bounded loop that reads every page.

A paginator reads one page body and says which items it holds and where the next page is; the
resource kind chooses its paginator (never guessed from the URL). ``read_pages`` ends every read:
a ``next`` that repeats, a start index that does not move, a page past the ``count`` the first page
gave, an empty page that is not the last, more items than asked for, or more pages or items than
the ceiling each end the read with :class:`DockerHubReadError` naming the path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from airflow_provider_dockerhub.exceptions import DockerHubReadError

#: Most items one read may return (a parameter of ``DockerHubHook.paginate``).
MAX_ITEMS = 100_000

Query = dict[str, Any]
#: GETs one page: ``fetch(url, query) -> decoded JSON body`` (non-2xx and non-JSON already refused).
Fetch = Callable[[str, Query], Any]


@dataclass(frozen=True)
class Page:
    """The items of one page, how many exist in all (when the page says), and the next page (None: last)."""

    items: list[Any]
    total: int | None = None
    next: tuple[str, Query] | None = None


class Paginator:
    """One pagination shape. Subclasses say how to ask for the first page and how to read a page."""

    size_param = "page_size"

    def first(self, url: str, page_size: int, params: Mapping[str, Any]) -> tuple[str, Query]:
        return url, {self.size_param: page_size, **params}

    def read(self, body: Any, url: str, query: Query) -> Page:  # pragma: no cover - abstract
        raise NotImplementedError

    def numbered(self, url: str, query: Query, number: int) -> tuple[str, Query] | None:
        """Page ``number`` (1-based) asked for directly, when the endpoint takes page numbers; else None."""
        return None


def _fail(url: str, problem: str, status: int = 200) -> DockerHubReadError:
    return DockerHubReadError(urlsplit(url).path, status, problem)


def _whole(body: Mapping[str, Any], key: str, url: str) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(url, f"expected {key!r} to be a whole number, got {value!r}")
    return value


def _items(body: Mapping[str, Any], key: str, url: str) -> list[Any]:
    items = body.get(key)
    if not isinstance(items, list):
        raise _fail(url, f"expected {key!r} to be a JSON list, got {type(items).__name__}")
    return items


class NextLinkPaginator(Paginator):
    """Docker Hub's ``{"count": n, "next": url, "results": [...]}`` pages (``next`` absolute or relative)."""

    def read(self, body: Any, url: str, query: Query) -> Page:
        if not isinstance(body, dict):
            raise _fail(url, f"expected a JSON object with 'results', got {type(body).__name__}")
        following = body.get("next")
        if following is not None and not isinstance(following, str):
            raise _fail(url, f"expected 'next' to be a URL or null, got {following!r}")
        found = urljoin(url, following) if following else None
        return Page(_items(body, "results", url), _whole(body, "count", url), (found, {}) if found else None)

    def numbered(self, url: str, query: Query, number: int) -> tuple[str, Query] | None:
        return url, {**query, "page": number}


class DataListPaginator(Paginator):
    """One page: ``{"data": [...]}`` or a bare JSON list (the invite list)."""

    def read(self, body: Any, url: str, query: Query) -> Page:
        if isinstance(body, list):
            return Page(body)
        if not isinstance(body, dict):
            raise _fail(url, f"expected a JSON object with 'data', got {type(body).__name__}")
        return Page(_items(body, "data", url))


class ScimPaginator(Paginator):
    """SCIM 2.0 list responses: ``Resources``, 1-based ``startIndex``, ``totalResults``; asks ``count`` per page."""

    size_param = "count"

    def read(self, body: Any, url: str, query: Query) -> Page:
        if not isinstance(body, dict):
            raise _fail(url, f"expected a SCIM ListResponse object, got {type(body).__name__}")
        items = _items(body, "Resources", url) if "Resources" in body else _items(body, "resources", url)
        total = _whole(body, "totalResults", url)
        if total is None:
            raise _fail(url, "expected 'totalResults' in a SCIM ListResponse")
        asked = int(query.get("startIndex", 1))
        start = _whole(body, "startIndex", url) or asked
        if start != asked:
            raise _fail(url, f"asked for startIndex {asked}, the page starts at {start}")
        following = start + len(items)
        if following > total:
            return Page(items, total)
        return Page(items, total, (url, {**query, "startIndex": following}))

    def numbered(self, url: str, query: Query, number: int) -> tuple[str, Query] | None:
        return url, {**query, "startIndex": 1 + (number - 1) * int(query[self.size_param])}


def read_pages(fetch: Fetch, url: str, paginator: Paginator, *, page_size: int, params: Mapping[str, Any] | None = None,
               max_items: int = MAX_ITEMS, concurrency: int = 1) -> Iterator[Any]:
    """Yield every item of a list, page by page; every way a list can fail to end raises DockerHubReadError.

    With ``concurrency`` > 1, a full first page that gives the ``count`` of a list whose endpoint takes page
    numbers (or SCIM start indexes) has the remaining pages fetched ``concurrency`` at a time (yielded in
    order); each of those pages but the last must then be full and the last must end the list, or the list
    changed while it was read and the read fails. A first page shorter than asked (a server that caps the
    page size) is followed link by link.
    """
    page_url, query = paginator.first(url, page_size, dict(params or {}))
    first = _checked(paginator.read(fetch(page_url, query), page_url, query), page_url, page_size, None, 0, max_items)
    yield from first.items
    if first.next is None:
        return
    if (concurrency > 1 and first.total is not None and len(first.items) == page_size
            and paginator.numbered(page_url, query, 2) is not None):
        yield from _read_numbered(fetch, paginator, page_url, query, first, page_size, max_items, concurrency)
        return
    yield from _read_linked(fetch, paginator, page_url, query, first, page_size, max_items)


def _checked(page: Page, url: str, page_size: int, total: int | None, read: int, max_items: int) -> Page:
    """``page`` after the checks every page passes; ``read`` counts the items before it."""
    if len(page.items) > page_size:
        raise _fail(url, f"a page holds {len(page.items)} items, {page_size} were asked for")
    total = page.total if total is None else total
    read += len(page.items)
    if total is not None and (total > max_items or read > total):
        raise _fail(url, f"the list says {total} items and {read} were read; the ceiling is {max_items}")
    if read > max_items:
        raise _fail(url, f"the list passes the ceiling of {max_items} items (max_items)")
    if page.next is not None and not page.items:
        raise _fail(url, f"an empty page is followed by another after {read} items")
    return page


def _read_linked(fetch: Fetch, paginator: Paginator, url: str, query: Query, page: Page, page_size: int,
                 max_items: int) -> Iterator[Any]:
    """The pages after ``page``, one at a time, following each page's link to the next."""
    seen = {f"{url}?{sorted(query.items())}"}
    read, total = len(page.items), page.total
    while page.next is not None:
        url, query = page.next
        key = f"{url}?{sorted(query.items())}"
        if key in seen:
            raise _fail(url, f"the list repeats a page after {read} items (its next link leads back)")
        seen.add(key)
        page = _checked(paginator.read(fetch(url, query), url, query), url, page_size, total, read, max_items)
        total = page.total if total is None else total
        read += len(page.items)
        yield from page.items
    if total is not None and read != total:
        raise _fail(url, f"the list says {total} items and ended after {read}")


def _read_numbered(fetch: Fetch, paginator: Paginator, url: str, query: Query, first: Page, page_size: int,
                   max_items: int, concurrency: int) -> Iterator[Any]:
    """Pages 2..n of a list of known size, ``concurrency`` at a time, in order."""
    total = first.total or 0
    pages = math.ceil(total / page_size)
    asked = [paginator.numbered(url, query, number) for number in range(2, pages + 1)]

    def get(target: tuple[str, Query] | None) -> tuple[str, Page]:
        assert target is not None
        return target[0], paginator.read(fetch(*target), *target)

    if pages < 2:
        raise _fail(url, f"the first page holds {len(first.items)} of {total} items and links to another")
    read = len(first.items)
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="dockerhub-page")
    try:
        for number, (page_url, page) in enumerate(pool.map(get, asked), start=2):
            page = _checked(page, page_url, page_size, total, read, max_items)
            read += len(page.items)
            last = number == pages
            if (not last and len(page.items) != page_size) or (last and (page.next is not None or read != total)):
                raise _fail(page_url, f"the list changed while it was read (page {number} of {pages} holds "
                                      f"{len(page.items)} items, {read} of {total} read)")
            yield from page.items
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
