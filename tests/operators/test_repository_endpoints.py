"""Repository update (README files and Docker Hub's limits), privacy, repository and tag deletion, the tag list."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.operators.endpoints import (
    DockerHubCreateRepositoryOperator,
    DockerHubDeleteRepositoryOperator,
    DockerHubDeleteTagOperator,
    DockerHubSetRepositoryPrivacyOperator,
    DockerHubUpdateRepositoryOperator,
)
from airflow_provider_dockerhub.presets.readme import resolve_full_description

README = "# web\n\nThe frontend, with ünïcödé.\n"


@pytest.fixture
def web(hub):
    hub.add_repository("acme", "web", description="old", full_description="old readme")
    return hub.state.repositories[("acme", "web")]


def _update(run_op, records, **kwargs):
    return run_op(DockerHubUpdateRepositoryOperator(task_id="readme", records=records, on_error="continue", **kwargs))[0]


@pytest.mark.parametrize("uri", [False, True], ids=["local path", "file:// URI"])
def test_readme_file_is_sent_as_the_full_description(hub, web, run_op, tmp_path, uri):
    path = tmp_path / "web.md"
    path.write_text(README, encoding="utf-8")
    location = f"file://{path}" if uri else str(path)
    result = _update(run_op, [{"namespace": "acme", "name": "web", "description": "Frontend",
                               "full_description_path": location}])
    assert (result["succeeded"], result["rejected"]) == (1, 0)
    assert (web.description, web.full_description) == ("Frontend", README)
    [patch] = [r for r in hub.requests if r.method == "PATCH"]
    assert patch.path == "/v2/repositories/acme/web/"
    assert patch.body == {"description": "Frontend", "full_description": README}  # the path is not sent


def test_create_repository_reads_the_readme_file_too(hub, run_op, tmp_path):
    (tmp_path / "api.md").write_text("# api\n")
    op = DockerHubCreateRepositoryOperator(task_id="c", records=[
        {"namespace": "acme", "name": "api", "full_description_path": str(tmp_path / "api.md")}])
    assert run_op(op)[0]["succeeded"] == 1
    assert hub.state.repositories[("acme", "api")].full_description == "# api\n"


@pytest.mark.parametrize(("record", "reason"), [
    ({"description": "x" * 101}, "attribute 'description' is 101 characters; Docker Hub's short description holds "
                                 "at most 100"),
    ({"full_description": "é" * 12_501}, "attribute 'full_description' is 25,002 bytes (UTF-8); Docker Hub's full "
                                         "description holds at most 25,000"),
    ({"full_description_path": "{big}"}, "the text of full_description_path '{big}' is 25,001 bytes (UTF-8)"),
    ({"full_description_path": "{missing}"}, "full_description_path '{missing}' cannot be read: FileNotFoundError"),
    ({"full_description_path": "{big}", "full_description": "x"}, "give full_description or full_description_path"),
])
def test_r11_limits_and_unreadable_files_reject_the_record_before_anything_is_sent(hub, web, run_op, tmp_path,
                                                                                     record, reason):
    big = tmp_path / "big.md"
    big.write_text("x" * 25_001)
    paths = {"big": str(big), "missing": str(tmp_path / "missing.md")}
    record = {k: v.format(**paths) if k.endswith("_path") else v for k, v in record.items()}
    ok = {"namespace": "acme", "name": "web", "description": "fine"}
    result = _update(run_op, [ok, {"namespace": "acme", "name": "web", **record}])
    assert (result["succeeded"], result["rejected"], result["records_read"]) == (1, 1, 2)
    [failure] = result["first_failures"]
    assert failure["location"] == "records[1]" and failure["reason"].startswith(reason.format(**paths))
    assert len(hub.writes()) == 1 and web.full_description == "old readme"


def test_resolve_full_description_is_reusable_and_leaves_other_records_alone(tmp_path):
    record = {"namespace": "acme", "name": "web"}
    assert resolve_full_description(record) is record
    (tmp_path / "r.md").write_text("text")
    resolved = resolve_full_description({**record, "full_description_path": str(tmp_path / "r.md")})
    assert resolved == {**record, "full_description": "text"}


def test_privacy_is_set_and_checked(hub, web, run_op):  # catalogue row R8
    op = DockerHubSetRepositoryPrivacyOperator(task_id="p", records=[
        {"namespace": "acme", "name": "web", "is_private": True},
        {"namespace": "acme", "name": "web", "is_private": "yes"}], on_error="continue")
    result = run_op(op)[0]
    assert (result["succeeded"], result["rejected"]) == (1, 1)
    assert web.is_private is True
    assert [r.body for r in hub.requests if r.method == "POST" and r.path.endswith("/privacy")] == [{"is_private": True}]


def test_deletes_are_rerun_safe(hub, web, run_op):  # catalogue rows R7, R10
    hub.add_repository("acme", "old")
    hub.state.add_tag("acme", "web", "pr-1")
    tags = DockerHubDeleteTagOperator(task_id="t", records=[{"namespace": "acme", "repository": "web", "tag": "pr-1"}])
    repos = DockerHubDeleteRepositoryOperator(task_id="r", records=[{"namespace": "acme", "name": "old"}])
    first = [run_op(tags)[0], run_op(repos)[0]]
    assert [(r["succeeded"], r["unchanged"]) for r in first] == [(1, 0), (1, 0)]
    assert "pr-1" not in web.tags and ("acme", "old") not in hub.state.repositories
    again = [run_op(tags)[0], run_op(repos)[0]]
    assert [(r["succeeded"], r["unchanged"]) for r in again] == [(1, 1), (1, 1)]  # 404: already gone


def test_delete_of_a_missing_tag_fails_when_asked_to(hub, web, run_op):
    op = DockerHubDeleteTagOperator(task_id="t", records=[{"namespace": "acme", "repository": "web", "tag": "x"}],
                                    if_missing="fail")
    with pytest.raises(AirflowException, match="1 of 1 records failed"):
        run_op(op)


@pytest.mark.parametrize("path", ["/v2/repositories/acme/web/tags", "/v2/namespaces/acme/repositories/web/tags"])
def test_tag_list_pages_carry_the_times_and_link_to_the_next_page(hub, web, path):  # catalogue row R9
    for n in range(250):
        hub.state.add_tag("acme", "web", f"t{n:03}", pushed=f"2026-01-01T00:{n // 60:02}:{n % 60:02}Z",
                          pulled="2026-02-01T00:00:00Z" if n % 2 else None)
    hook = DockerHubHook()
    try:
        first = hook.get_json(path, {"page_size": 100})
        items = list(hook.paginate(path, page_size=100))
    finally:
        hook.close()
    assert first["count"] == 250 and first["next"].endswith("page=2&page_size=100") and first["previous"] is None
    assert set(first["results"][0]) >= {"name", "last_updated", "tag_last_pushed", "tag_last_pulled"}
    assert len(items) == 250 and len({t["name"] for t in items}) == 250
    assert items[0]["name"] == "t249"  # newest push first
    lists = [r for r in hub.requests if r.method == "GET" and r.path.rstrip("/").endswith("/tags")]
    assert len(lists) == 1 + 3 and all(r.query.get("page_size") == "100" for r in lists)
