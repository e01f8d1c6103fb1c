"""The retention plan as a pure function: tags + rules + now -> decisions, without HTTP."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from airflow_provider_dockerhub.retention import RetentionRules, plan_retention

NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)


def tag(name: str, pushed_days: float | None, pulled_days: float | None = None, *, field: str = "tag_last_pushed"):
    def at(days):
        return None if days is None else (NOW - timedelta(days=days)).isoformat().replace("+00:00", "Z")

    return {"name": name, field: at(pushed_days), "tag_last_pulled": at(pulled_days)}


TAGS = [tag("v1.0.0", 300), tag("v1.1.0", 200, pulled_days=2), tag("pr-7", 90), tag("pr-8", 40), tag("main", 5),
        tag("latest", 1)]


def deleted(tags, **rules) -> list[str]:
    return sorted(d.name for d in plan_retention(tags, RetentionRules.parse(**rules), NOW) if d.delete)


def test_keep_last_keeps_the_newest_pushes():
    assert deleted(TAGS, keep_last=2) == ["pr-7", "pr-8", "v1.0.0", "v1.1.0"]
    assert deleted(TAGS, keep_last=0) == sorted(t["name"] for t in TAGS)
    assert deleted(TAGS, keep_last=10) == []


def test_keep_patterns_keep_matching_names():
    assert deleted(TAGS, keep_patterns=[r"^v\d+\.\d+\.\d+$", "^latest$"]) == ["main", "pr-7", "pr-8"]
    assert deleted(TAGS, keep_patterns="^v") == ["latest", "main", "pr-7", "pr-8"]  # one pattern as text


def test_delete_older_than_days_keeps_recent_pushes_and_pulls():
    assert deleted(TAGS, delete_older_than_days=30) == ["pr-7", "pr-8", "v1.0.0"]  # v1.1.0 was pulled 2 days ago


def test_rules_combine_a_tag_any_rule_keeps_stays():
    assert deleted(TAGS, keep_last=1, keep_patterns=["^v"], delete_older_than_days=60) == ["pr-7"]


def test_each_decision_says_why():
    decisions = {d.name: d for d in plan_retention(TAGS, RetentionRules.parse(keep_last=1, keep_patterns=["^v1\\.0"],
                                                                              delete_older_than_days=30), NOW)}
    assert decisions["latest"].reason == "one of the newest 1 (#1)"
    assert decisions["v1.0.0"].reason == "matches '^v1\\\\.0'"
    assert decisions["v1.1.0"].reason == "pulled 2 days ago (within 30 days)"
    assert decisions["pr-7"].reason == ("not among the newest 1 (#4); matches no keep pattern; pushed 90 days ago, "
                                        "never pulled (not within 30 days)")
    assert [d.name for d in decisions.values()][:2] == ["latest", "main"]  # newest push first


def test_last_updated_stands_in_for_a_missing_push_time_and_unknown_times_keep_the_tag():
    tags = [tag("old", 100, field="last_updated"), {"name": "mystery"}, {"name": "garbled", "tag_last_pushed": "?"}]
    decisions = {d.name: d for d in plan_retention(tags, RetentionRules.parse(delete_older_than_days=7), NOW)}
    assert decisions["old"].delete
    assert not decisions["mystery"].delete and decisions["mystery"].reason == "its push time is unknown"
    assert not decisions["garbled"].delete


def test_a_tag_listed_twice_is_planned_once():
    assert len(plan_retention([tag("a", 50), tag("a", 50)], RetentionRules.parse(keep_last=0), NOW)) == 1


def test_planning_again_after_the_deletions_deletes_nothing_more():
    rules = RetentionRules.parse(keep_last=2, keep_patterns=["^v1.0"], delete_older_than_days=30)
    kept_names = {d.name for d in plan_retention(TAGS, rules, NOW) if not d.delete}
    kept = [t for t in TAGS if t["name"] in kept_names]
    assert kept and not any(d.delete for d in plan_retention(kept, rules, NOW))


@pytest.mark.parametrize(("rules", "message"), [
    ({}, "give at least one rule"),
    ({"keep_last": -1}, "keep_last must be a whole number"),
    ({"keep_last": True}, "keep_last must be a whole number"),
    ({"delete_older_than_days": "soon"}, "delete_older_than_days must be a whole number"),
    ({"keep_patterns": ["("]}, "keep_patterns: '(' is not a regular expression"),
])
def test_bad_rules_are_refused_with_the_parameter_named(rules, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        RetentionRules.parse(**rules)


def test_rules_from_templates_are_text():
    assert RetentionRules.parse(keep_last="3", delete_older_than_days="14") == RetentionRules(3, (), 14)
