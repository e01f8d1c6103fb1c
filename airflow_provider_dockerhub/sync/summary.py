"""What a sync did (or, in a dry run, plans to do): the counts it returns to XCom."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The keys every sync summary has; ``records_read`` = created + updated + unchanged + failed + rejected.
COUNTS = ("records_read", "created", "updated", "deleted", "revoked", "cancelled", "unchanged", "failed", "rejected")


@dataclass
class SyncSummary:
    """Counts of one sync. ``deleted``, ``revoked`` and ``cancelled`` are the destructive actions (the
    guard's count); ``calls`` are writes, ``reads`` list pages and GETs."""

    records_read: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    revoked: int = 0
    cancelled: int = 0
    unchanged: int = 0
    failed: int = 0
    rejected: int = 0
    calls: int = 0
    reads: int = 0
    dry_run: bool = False
    first_failures: list[dict[str, Any]] = field(default_factory=list)
    #: the plan's actions by kind (``create``, ``update``, ``delete``, ``revoke``, ``cancel``, ...)
    planned: dict[str, int] = field(default_factory=dict)
    #: dry run only: the plan as lines (capped), and the delete guard's refusal if it would refuse
    plan: list[str] | None = None
    guard: str | None = None

    def fail(self, location: str, reason: str) -> None:
        self.failed += 1
        self.first_failures.append({"location": location, "reason": reason})

    def line(self) -> str:
        return ", ".join(f"{name} {getattr(self, name)}" for name in COUNTS)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["first_failures"] = data["first_failures"][:10]
        return {k: v for k, v in data.items() if v is not None}
