"""Tag retention as a pure function: a repository's tags + the rules + the time -> which tags go and why.

A tag is kept when any rule keeps it; every other tag is deleted:

- ``keep_last``: the newest N by last push (``tag_last_pushed``, else ``last_updated``) are kept;
- ``keep_patterns``: a tag whose name matches one of these regular expressions (``re.search``; anchor with
  ``^...$`` for a whole-name match) is kept;
- ``delete_older_than_days``: a tag pushed or pulled within this many days is kept.

A tag whose push time is unknown (or unreadable) is always kept: nothing is deleted on doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

DELETE, KEEP = "delete", "keep"


def _whole_number(value: Any, name: str) -> int | None:
    """An int >= 0 (or its text, as a template renders it), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")


@dataclass(frozen=True)
class RetentionRules:
    """The rules, checked: at least one is set (no rule at all would delete every tag)."""

    keep_last: int | None = None
    keep_patterns: tuple[re.Pattern[str], ...] = ()
    delete_older_than_days: int | None = None

    @classmethod
    def parse(cls, keep_last: Any = None, keep_patterns: Sequence[str] | str | None = None,
              delete_older_than_days: Any = None) -> RetentionRules:
        """The rules from operator parameters; ValueError names the parameter that is wrong."""
        patterns = [keep_patterns] if isinstance(keep_patterns, str) else list(keep_patterns or ())
        compiled = []
        for pattern in patterns:
            if not isinstance(pattern, str):
                raise ValueError(f"keep_patterns must be regular expressions (text), got {pattern!r}")
            try:
                compiled.append(re.compile(pattern))
            except re.error as exc:
                raise ValueError(f"keep_patterns: {pattern!r} is not a regular expression: {exc}") from None
        rules = cls(_whole_number(keep_last, "keep_last"), tuple(compiled),
                    _whole_number(delete_older_than_days, "delete_older_than_days"))
        if rules.keep_last is None and not rules.keep_patterns and rules.delete_older_than_days is None:
            raise ValueError("give at least one rule (keep_last, keep_patterns or delete_older_than_days): "
                             "with none, every tag would be deleted")
        return rules

    def describe(self) -> str:
        parts = []
        if self.keep_last is not None:
            parts.append(f"keep the newest {self.keep_last}")
        if self.keep_patterns:
            parts.append(f"keep names matching {[p.pattern for p in self.keep_patterns]}")
        if self.delete_older_than_days is not None:
            parts.append(f"keep what was pushed or pulled within {self.delete_older_than_days} days")
        return "; ".join(parts)


@dataclass(frozen=True)
class TagDecision:
    """What happens to one tag, and why."""

    name: str
    action: str  # DELETE or KEEP
    reason: str

    @property
    def delete(self) -> bool:
        return self.action == DELETE


def parse_time(value: Any) -> datetime | None:
    """An API time (``2021-01-05T21:06:53.506400Z``) as an aware datetime; None when absent or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def pushed_at(tag: Mapping[str, Any]) -> datetime | None:
    """When the tag was last pushed: ``tag_last_pushed``, else ``last_updated``."""
    return parse_time(tag.get("tag_last_pushed")) or parse_time(tag.get("last_updated"))


def _age(now: datetime, then: datetime) -> str:
    days = (now - then) / timedelta(days=1)
    return f"{days:.0f} days ago" if days >= 1 else "less than a day ago"


def plan_retention(tags: Iterable[Mapping[str, Any]], rules: RetentionRules, now: datetime) -> list[TagDecision]:
    """One decision per tag (newest push first): kept with the first rule that keeps it, or deleted with
    why no rule keeps it. Pure: no I/O, ``now`` is given."""
    by_name: dict[str, Mapping[str, Any]] = {}
    for tag in tags:
        by_name.setdefault(str(tag["name"]), tag)  # a tag listed twice (pages shifted meanwhile) is one tag
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    ordered = sorted(by_name.items(), key=lambda kv: (pushed_at(kv[1]) or oldest, kv[0]), reverse=True)
    cutoff = None if rules.delete_older_than_days is None else now - timedelta(days=rules.delete_older_than_days)
    decisions = []
    for rank, (name, tag) in enumerate(ordered, start=1):
        pushed, pulled = pushed_at(tag), parse_time(tag.get("tag_last_pulled"))
        keep, why_not = None, []
        if pushed is None:
            keep = "its push time is unknown"
        if keep is None and rules.keep_last is not None:
            if rank <= rules.keep_last:
                keep = f"one of the newest {rules.keep_last} (#{rank})"
            else:
                why_not.append(f"not among the newest {rules.keep_last} (#{rank})")
        if keep is None and rules.keep_patterns:
            match = next((p.pattern for p in rules.keep_patterns if p.search(name)), None)
            if match is not None:
                keep = f"matches {match!r}"
            else:
                why_not.append("matches no keep pattern")
        if keep is None and cutoff is not None:
            recent = [(what, when) for what, when in (("pushed", pushed), ("pulled", pulled))
                      if when is not None and when >= cutoff]
            if recent:
                keep = f"{recent[0][0]} {_age(now, recent[0][1])} (within {rules.delete_older_than_days} days)"
            else:
                seen = (f"pushed {_age(now, pushed)}" if pushed else "push time unknown") + (
                    f", pulled {_age(now, pulled)}" if pulled else ", never pulled")
                why_not.append(f"{seen} (not within {rules.delete_older_than_days} days)")
        if keep is not None:
            decisions.append(TagDecision(name, KEEP, keep))
        else:
            decisions.append(TagDecision(name, DELETE, "; ".join(why_not)))
    return decisions
