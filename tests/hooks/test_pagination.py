"""DockerHubHook.paginate and the paginators: every read ends, and every bad answer is a typed error naming the path."""

from __future__ import annotations

import itertools

import pytest

from airflow_provider_dockerhub.exceptions import DockerHubHTTPError, DockerHubReadError
from airflow_provider_dockerhub.hooks.pagination import DataListPaginator, ScimPaginator
from tests.helpers import BASE, TOKEN_URL, make_jwt

TOKENS = f"{BASE}/v2/access-tokens"
pytestmark = pytest.mark.timeout(20)


@pytest.fixture
def mocked(requests_mock):
    requests_mock.post(TOKEN_URL, json={"access_token": make_jwt()})
    return requests_mock


def read(hook, endpoint="/v2/access-tokens", **kwargs):
    return list(hook.paginate(endpoint, **kwargs))


def test_a_next_link_to_itself_ends_the_read(hook, mocked):
    mocked.get(TOKENS, json={"results": [{"id": 1}], "next": f"{TOKENS}?page_size=100"})
    with pytest.raises(DockerHubReadError, match="/v2/access-tokens: .*repeats a page"):
        read(hook)
    assert mocked.call_count <= 3


def test_a_two_page_cycle_ends_the_read(hook, mocked):
    mocked.get(f"{TOKENS}?page=1", json={"results": [{"id": 1}], "next": f"{TOKENS}?page=2"}, complete_qs=False)
    mocked.get(f"{TOKENS}?page=2", json={"results": [{"id": 2}], "next": f"{TOKENS}?page=1"}, complete_qs=False)
    mocked.get(f"{TOKENS}?page_size=100", json={"results": [{"id": 0}], "next": f"{TOKENS}?page=1"}, complete_qs=True)
    with pytest.raises(DockerHubReadError, match="repeats a page"):
        read(hook)
    assert mocked.call_count <= 5


def test_endless_new_pages_end_at_the_ceiling(hook, mocked):
    pages = itertools.count(2)
    mocked.get(TOKENS, json=lambda request, context: {"results": [{"id": 1}] * 10,
                                                      "next": f"{TOKENS}?page={next(pages)}"})
    with pytest.raises(DockerHubReadError, match="ceiling of 100 items"):
        read(hook, max_items=100)
    assert mocked.call_count <= 13


def test_a_page_past_the_announced_count_ends_the_read(hook, mocked):
    mocked.get(f"{TOKENS}?page_size=100", json={"count": 2, "results": [{"id": 1}, {"id": 2}], "next": f"{TOKENS}?page=2"},
               complete_qs=True)
    mocked.get(f"{TOKENS}?page=2", json={"count": 2, "results": [{"id": 3}], "next": None}, complete_qs=True)
    with pytest.raises(DockerHubReadError, match="says 2 items and 3 were read"):
        read(hook, concurrency=1)
    with pytest.raises(DockerHubReadError, match="says 2 items and 3 were read"):
        read(hook, concurrency=4)  # a first page shorter than asked is followed by its link


def test_a_full_first_page_of_a_list_it_ends_is_refused_before_concurrent_reads(hook, mocked):
    mocked.get(f"{TOKENS}?page_size=2", json={"count": 2, "results": [{"id": 1}, {"id": 2}], "next": f"{TOKENS}?page=2"},
               complete_qs=True)
    with pytest.raises(DockerHubReadError, match="the first page holds 2 of 2 items and links to another"):
        list(hook.paginate("/v2/access-tokens", page_size=2, concurrency=4))
    assert mocked.call_count == 2  # token exchange and the first page


def test_a_server_that_caps_the_page_size_is_read_link_by_link(hook, mocked):
    mocked.get(TOKENS, json=numbered_pages(120, 50))  # asked for 100 a page, answers 50
    assert [item["id"] for item in read(hook, concurrency=4)] == list(range(120))
    assert hook.reads == 3


def numbered_pages(total, page_size, short_page=None):
    """A list endpoint of ``total`` items that takes page numbers; ``short_page`` answers one item less."""

    def answer(request, context):
        number = int(request.qs.get("page", ["1"])[0])
        start = (number - 1) * page_size
        items = [{"id": n} for n in range(start, min(start + page_size, total))]
        if number == short_page:
            items = items[1:]
        last = start + page_size >= total
        return {"count": total, "results": items, "next": None if last else f"{TOKENS}?page={number + 1}"}

    return answer


def test_pages_of_a_counted_list_are_fetched_concurrently_and_yielded_in_order(hook, mocked):
    mocked.get(TOKENS, json=numbered_pages(1050, 100))
    assert [item["id"] for item in read(hook, concurrency=4)] == list(range(1050))
    assert hook.reads == 11


def test_a_list_that_changes_during_a_concurrent_read_fails_instead_of_skipping_items(hook, mocked):
    mocked.get(TOKENS, json=numbered_pages(1050, 100, short_page=4))
    with pytest.raises(DockerHubReadError, match="the list changed while it was read \\(page 4 of 11 holds 99 items"):
        read(hook, concurrency=4)


def test_a_count_beyond_the_ceiling_is_refused_on_the_first_page(hook, mocked):
    mocked.get(TOKENS, json={"count": 10**9, "results": [{"id": 1}], "next": f"{TOKENS}?page=2"})
    with pytest.raises(DockerHubReadError, match="says 1000000000 items"):
        read(hook)
    assert mocked.call_count == 2  # token exchange and one page


def test_an_empty_page_that_is_not_the_last_ends_the_read(hook, mocked):
    mocked.get(f"{TOKENS}?page_size=100", json={"results": [], "next": f"{TOKENS}?page=2"}, complete_qs=True)
    with pytest.raises(DockerHubReadError, match="empty page is followed by another"):
        read(hook)


def test_a_page_larger_than_asked_is_refused(hook, mocked):
    mocked.get(TOKENS, json={"results": [{"id": n} for n in range(101)], "next": None})
    with pytest.raises(DockerHubReadError, match="holds 101 items, 100 were asked for"):
        read(hook)


def test_a_redirect_is_never_read_as_a_page(hook, mocked):
    mocked.get(TOKENS, status_code=302, headers={"Location": "https://login.example.test/"},
               json={"results": [{"token_label": "only-in-the-redirect"}], "next": None})
    with pytest.raises(DockerHubReadError, match=r"GET /v2/access-tokens: HTTP 302: a redirect to https://login"):
        read(hook)


@pytest.mark.parametrize("body, problem", [
    ({"results": None}, "'results' to be a JSON list, got NoneType"),
    ({"results": "abc"}, "'results' to be a JSON list, got str"),
    ("just text", "a JSON object with 'results', got str"),
    ({"results": [], "next": 5}, "'next' to be a URL or null"),
    ({"results": [], "count": "many"}, "'count' to be a whole number"),
])
def test_a_list_of_the_wrong_shape_is_a_typed_error(hook, mocked, body, problem):
    mocked.get(TOKENS, json=body)
    with pytest.raises(DockerHubReadError, match=problem) as err:
        read(hook)
    assert err.value.status == 200 and err.value.path == "/v2/access-tokens"


def test_an_html_maintenance_page_is_a_typed_error(hook, mocked):
    mocked.get(TOKENS, text="<html><body>Down for maintenance</body></html>", headers={"Content-Type": "text/html"})
    with pytest.raises(DockerHubReadError, match="expected JSON, got '<html><body>Down for maintenance"):
        read(hook)


def test_a_non_2xx_page_is_an_http_error_with_the_status(hook, mocked):
    mocked.get(TOKENS, status_code=503, json={"detail": "try later"})
    with pytest.raises(DockerHubHTTPError, match="HTTP 503: try later") as err:
        read(hook)
    assert err.value.status == 503


def test_scim_pages_end_when_the_start_index_never_moves(hook, mocked):
    users = f"{BASE}/v2/scim/2.0/Users"
    mocked.get(users, json={"totalResults": 50, "startIndex": 1, "itemsPerPage": 2, "Resources": [{"id": "a"}, {"id": "b"}]})
    with pytest.raises(DockerHubReadError, match="asked for startIndex 3, the page starts at 1"):
        read(hook, "/v2/scim/2.0/Users", paginator=ScimPaginator(), page_size=2)


def test_scim_total_that_is_no_number_is_a_typed_error(hook, mocked):
    mocked.get(f"{BASE}/v2/scim/2.0/Users", json={"totalResults": "many", "Resources": []})
    with pytest.raises(DockerHubReadError, match="'totalResults' to be a whole number"):
        read(hook, "/v2/scim/2.0/Users", paginator=ScimPaginator())


def test_a_data_list_is_one_page(hook, mocked):
    mocked.get(f"{BASE}/v2/orgs/acme/invites", json={"data": [{"id": "i1"}, {"id": "i2"}]})
    assert read(hook, "/v2/orgs/acme/invites", paginator=DataListPaginator()) == [{"id": "i1"}, {"id": "i2"}]


def test_every_page_counts_as_a_read(hook, mocked):
    mocked.get(f"{TOKENS}?page_size=100", json={"results": [{"id": 1}], "next": f"{TOKENS}?page=2"}, complete_qs=True)
    mocked.get(f"{TOKENS}?page=2", json={"results": [{"id": 2}], "next": None}, complete_qs=True)
    assert read(hook) == [{"id": 1}, {"id": 2}] and hook.reads == 2


def test_an_answer_nested_deeper_than_python_reads_is_a_typed_error(hook, mocked):
    mocked.get(TOKENS, text="[" * 100_000 + "]" * 100_000, headers={"Content-Type": "application/json"})
    with pytest.raises(DockerHubReadError, match="expected JSON"):
        read(hook)


def scim_users(total, changed_at=None):
    """A SCIM user list of ``total`` users answering any startIndex/count; one user fewer from ``changed_at`` on."""

    def answer(request, context):
        start, count = int(request.qs.get("startindex", ["1"])[0]), int(request.qs["count"][0])
        size = total - 1 if changed_at is not None and start >= changed_at else total
        users = [{"id": str(n), "userName": f"u{n}@example.com"} for n in range(start, min(start + count, size + 1))]
        return {"totalResults": size, "startIndex": start, "itemsPerPage": len(users), "Resources": users}

    return answer


def test_scim_pages_of_a_counted_list_are_fetched_concurrently_by_start_index(hook, mocked):
    mocked.get(f"{BASE}/v2/scim/2.0/Users", json=scim_users(250))
    users = read(hook, "/v2/scim/2.0/Users", paginator=ScimPaginator(), concurrency=4)
    assert [u["id"] for u in users] == [str(n) for n in range(1, 251)] and hook.reads == 3
    asked = sorted(r.qs.get("startindex", ["1"])[0] for r in mocked.request_history if "scim" in r.url)
    assert asked == ["1", "101", "201"]


def test_a_scim_list_that_shrinks_during_a_concurrent_read_fails(hook, mocked):
    mocked.get(f"{BASE}/v2/scim/2.0/Users", json=scim_users(250, changed_at=101))
    with pytest.raises(DockerHubReadError, match="the list (changed while it was read|says 250 items)"):
        read(hook, "/v2/scim/2.0/Users", paginator=ScimPaginator(), concurrency=4)


def test_a_linked_list_that_ends_before_its_count_fails_instead_of_missing_items(hook, mocked):
    mocked.get(f"{TOKENS}?page_size=100", json={"count": 150, "results": [{"id": 1}] * 50, "next": f"{TOKENS}?page=2"},
               complete_qs=True)
    mocked.get(f"{TOKENS}?page=2", json={"count": 150, "results": [{"id": 2}] * 50, "next": None}, complete_qs=True)
    with pytest.raises(DockerHubReadError, match="the list says 150 items and ended after 100"):
        read(hook, concurrency=4)


def test_a_scim_page_that_lowers_the_total_fails_the_read(hook, mocked):
    mocked.get(f"{BASE}/v2/scim/2.0/Users", json=scim_users(250, changed_at=101))
    with pytest.raises(DockerHubReadError, match="says 250 items and ended after 249"):
        read(hook, "/v2/scim/2.0/Users", paginator=ScimPaginator(), page_size=100, concurrency=1)
