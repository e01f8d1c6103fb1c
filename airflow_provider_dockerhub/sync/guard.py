"""The delete guard: how many destructive actions one run may take, and the refusal when a plan takes more.

``max_deletes`` is a whole count (``5``, ``"5"``) or a percentage of what exists in scope (``"20%"``).
A float is refused: ``1.0`` reads as "one" to some and "100%" to others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")
_COUNT = re.compile(r"\s*\d+\s*")


class DeleteGuardError(ValueError):
    """A plan destroys more than ``max_deletes`` allows; raised before any write."""


@dataclass(frozen=True)
class DeleteLimit:
    """At most ``count`` destructive actions, or at most ``percent`` % of what exists in scope."""

    count: int | None = None
    percent: float | None = None

    @classmethod
    def parse(cls, value: object, name: str = "max_deletes") -> DeleteLimit:
        """``value`` as a limit: an int >= 0, its text, or text such as ``"20%"``; ValueError says how to write one."""
        if isinstance(value, DeleteLimit):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return cls(count=value)
        if isinstance(value, str):
            if _COUNT.fullmatch(value):
                return cls(count=int(value))
            percent = _PERCENT.fullmatch(value)
            if percent and float(percent.group(1)) <= 100:
                return cls(percent=float(percent.group(1)))
        raise ValueError(f"{name} must be a whole count (an int >= 0 such as 5, or the text '5') or a percentage of "
                         f"what exists in scope (text such as '20%'), got {value!r}")

    def allowed(self, existing: int) -> int:
        """How many destructive actions are allowed when ``existing`` resources exist in scope."""
        if self.count is not None:
            return self.count
        return int((self.percent or 0) * existing // 100)

    def describe(self, existing: int) -> str:
        if self.count is not None:
            return str(self.count)
        return f"{self.percent:g}% of {existing} = {self.allowed(existing)}"

    def check(self, planned: Mapping[str, int], existing: int, resource: str) -> None:
        """Refuse ``planned`` (destructive action kind -> count) when its total passes the limit."""
        total = sum(planned.values())
        if total > self.allowed(existing):
            kinds = ", ".join(f"{count} {kind}" for kind, count in planned.items() if count)
            raise DeleteGuardError(
                f"the plan destroys {total} {resource} ({kinds}), more than max_deletes ({self.describe(existing)}); "
                f"nothing was changed. Check the records, or raise max_deletes if this is intended")
