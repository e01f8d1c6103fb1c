"""DockerHubTagRetentionOperator against the emulator: rules, plan before writes, dry run, guard, partial lists."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.operators.retention import DockerHubTagRetentionOperator
from airflow_provider_dockerhub.sync.guard import DeleteGuardError
from tests.helpers import PASSWORD


def ago(days: float) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days)


@pytest.fixture
def web(hub):
    """acme/web with 8 tags: 3 releases, 3 pull-request builds, main and latest."""
    hub.add_repository("acme", "web")
    for name, pushed, pulled in [("v1.0.0", 400, None), ("v1.1.0", 300, 3), ("v1.2.0", 100, None), ("pr-1", 60, None),
                                 ("pr-2", 50, None), ("pr-3", 20, None), ("main", 2, 1), ("latest", 1, 0.5)]:
        hub.state.add_tag("acme", "web", name, pushed=ago(pushed), pulled=ago(pulled) if pulled else None)
    return hub.state.repositories[("acme", "web")]


def retention(**kwargs) -> DockerHubTagRetentionOperator:
    return DockerHubTagRetentionOperator(task_id="retention", **{"namespace": "acme", "repository": "web", **kwargs})


def tag_deletes(hub) -> list[str]:
    return sorted(w.split("/tags/")[1].strip("/") for w in hub.writes() if "/tags/" in w)


@pytest.mark.parametrize(("rules", "gone"), [
    ({"keep_last": 5}, ["v1.0.0", "v1.1.0", "v1.2.0"]),
    ({"keep_patterns": [r"^v\d", "^latest$"]}, ["main", "pr-1", "pr-2", "pr-3"]),
    ({"delete_older_than_days": 30}, ["pr-1", "pr-2", "v1.0.0", "v1.2.0"]),
    ({"keep_last": 2, "keep_patterns": [r"^v1\.2"], "delete_older_than_days": 30}, ["pr-1", "pr-2", "v1.0.0"]),
])
def test_each_rule_alone_and_combined(hub, web, run_op, rules, gone):
    result = run_op(retention(**rules))[0]
    assert tag_deletes(hub) == gone and sorted(set(
        ["v1.0.0", "v1.1.0", "v1.2.0", "pr-1", "pr-2", "pr-3", "main", "latest"]) - set(web.tags)) == gone
    assert (result["deleted"], result["kept"], result["failed"], result["dry_run"]) == (len(gone), 8 - len(gone), 0,
                                                                                       False)
    hub.clear_requests()
    again = run_op(retention(**rules))[0]  # a rerun deletes nothing more
    assert hub.writes() == [] and (again["deleted"], again["kept"]) == (0, 8 - len(gone))


def test_the_plan_is_logged_before_any_write_and_the_list_is_read_in_pages_of_100(hub, web, run_op, log_text):
    run_op(retention(keep_last=7))
    text = log_text()
    assert "Retention plan for acme/web: 8 tags, 1 to delete, 7 to keep" in text
    assert "delete v1.0.0: not among the newest 7 (#8)" in text and "keep latest: one of the newest 7 (#1)" in text
    assert PASSWORD not in text
    reads = [r for r in hub.requests if r.method == "GET" and r.path.endswith("/tags")]
    assert [r.query for r in reads] == [{"page_size": "100"}]
    write = next(n for n, r in enumerate(hub.requests) if r.method == "DELETE")
    assert write > hub.requests.index(reads[-1])


def test_dry_run_counts_the_plan_and_deletes_nothing(hub, web, run_op):
    result = run_op(retention(keep_last=5, dry_run=True))[0]
    assert (result["deleted"], result["kept"], result["dry_run"]) == (3, 5, True)
    assert hub.writes() == [] and len(web.tags) == 8


def test_guard_refuses_before_any_write(hub, web, run_op):
    with pytest.raises(DeleteGuardError, match=r"destroys 6 tags of acme/web \(6 tag deletions\), more than "
                                               r"max_deletes \(5\); nothing was changed"):
        run_op(retention(keep_last=2, max_deletes=5))
    with pytest.raises(DeleteGuardError, match=r"max_deletes \(50% of 8 = 4\)"):
        run_op(retention(keep_last=2, max_deletes="50%"))
    assert hub.writes() == [] and len(web.tags) == 8
    assert run_op(retention(keep_last=2, max_deletes="75%"))[0]["deleted"] == 6


def test_default_max_deletes_is_small(hub, web, run_op):
    for n in range(20):
        hub.state.add_tag("acme", "web", f"build-{n}", pushed=ago(200 + n))
    with pytest.raises(DeleteGuardError, match=r"more than max_deletes \(10\)"):
        run_op(retention(keep_last=3))
    assert hub.writes() == []


def test_a_failing_page_means_no_deletion(hub, web, run_op):
    for n in range(150):
        hub.state.add_tag("acme", "web", f"build-{n}", pushed=ago(500 + n))
    hub.add_fault(path="/v2/repositories/acme/web/tags", method="GET", status=403, every=2)  # the second page
    with pytest.raises(AirflowException, match=r"tag list of acme/web could not be read completely \(stopped after "
                                               r"100 tags\).*nothing was deleted"):
        run_op(retention(keep_last=1, max_deletes=1000))
    assert hub.writes() == [] and len(web.tags) == 158


def test_a_missing_repository_fails_clearly_before_other_repositories_lose_tags(hub, web, run_op):
    op = DockerHubTagRetentionOperator(task_id="r", records=[{"namespace": "acme", "repository": "web"},
                                                             {"namespace": "acme", "repository": "gone"}], keep_last=1)
    with pytest.raises(AirflowException, match="tag list of acme/gone could not be read completely.*404"):
        run_op(op)
    assert hub.writes() == []


def test_records_name_repositories_and_a_bad_record_is_named(hub, web, run_op):
    hub.add_repository("acme", "api")
    hub.state.add_tag("acme", "api", "old", pushed=ago(90))
    records = [{"namespace": "acme", "repository": "web"}, {"namespace": "acme", "repository": "api"},
               {"namespace": "acme", "repository": "web"}]
    result = run_op(DockerHubTagRetentionOperator(task_id="r", records=records, delete_older_than_days=30))[0]
    assert [r["repository"] for r in result["repositories"]] == ["acme/web", "acme/api"]
    assert result["deleted"] == 5 and "old" not in hub.state.repositories[("acme", "api")].tags
    with pytest.raises(ValueError, match="record at records\\[1\\]: missing attribute 'repository'"):
        run_op(DockerHubTagRetentionOperator(task_id="r", records=[records[0], {"namespace": "acme"}], keep_last=1))


def test_a_tag_deleted_meanwhile_counts_as_deleted(hub, web, run_op, monkeypatch):
    op = retention(keep_last=7)
    plan = op.plan

    def plan_then_someone_deletes(*args):
        plans = plan(*args)
        del web.tags["v1.0.0"]
        return plans

    monkeypatch.setattr(op, "plan", plan_then_someone_deletes)
    result = run_op(op)[0]
    assert (result["deleted"], result["failed"]) == (1, 0)


def test_a_failed_deletion_fails_the_task_with_the_tag_named(hub, web, run_op):
    hub.add_fault(path="/v2/repositories/acme/web/tags/v1.0.0/", method="DELETE", status=403, times=1)
    with pytest.raises(AirflowException, match="1 tag deletions failed. First: acme/web:v1.0.0"):
        run_op(retention(keep_last=6))
    assert "v1.1.0" not in web.tags and "v1.0.0" in web.tags


def test_rules_and_limits_are_checked_before_the_connection_is_used(run_op):
    with pytest.raises(ValueError, match="give at least one rule"):
        run_op(retention())
    with pytest.raises(ValueError, match="max_deletes must be a whole count"):
        retention(keep_last=1, max_deletes=1.5)  # when the DAG is parsed
    with pytest.raises(ValueError, match="dry_run must be True or False"):
        retention(keep_last=1, dry_run="perhaps")
    with pytest.raises(ValueError, match="give namespace and repository, or records"):
        run_op(DockerHubTagRetentionOperator(task_id="r", keep_last=1))


def test_templated_fields():
    assert {"namespace", "repository", "records", "records_path", "keep_last", "keep_patterns",
            "delete_older_than_days", "max_deletes", "dry_run"} <= set(DockerHubTagRetentionOperator.template_fields)


def test_a_dry_run_shows_the_whole_plan_even_past_the_guard(hub, web, run_op):
    from airflow_provider_dockerhub.testing.tasks import run_task

    result = run_task(retention(keep_last="{{ params.keep }}", max_deletes="{{ params.limit }}",
                                dry_run="{{ params.dry }}"), params={"keep": "2", "limit": "1", "dry": "true"}).return_value
    assert result["dry_run"] is True and result["deleted"] == 6 and hub.writes() == []
    assert "destroys 6 tags of acme/web (6 tag deletions), more than max_deletes (1)" in result["guard"]
    assert result["plan"][0].startswith("Retention plan for acme/web: 8 tags, 6 to delete")
