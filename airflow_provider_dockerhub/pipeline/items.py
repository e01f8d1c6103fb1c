"""The units that flow through the record pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

#: Why a failed record's wish may already be true: it ``exists`` (a create) or is ``missing`` (a delete).
Conflict = Literal["exists", "missing"]


@dataclass(slots=True)
class Item:
    """
    One record read from the input.

    :param index: 0-based position in the input (every record read has one, broken ones too).
    :param record: the record as read; None when it could not be parsed.
    :param location: where it came from, e.g. ``line 12`` (files) or ``records[3]``.
    :param error: why it cannot be sent (set by the reader or a later check); None when fine.
    :param payload: the record as it will be sent (attributes excluded), set by the shaping stage.
    :param encoded: ``payload`` as JSON bytes, encoded once and reused for batching and sending.
    :param original: the record as read when a stage replaced ``record`` (defaults filled in); else None.
    :param body: the body of this record's call when the call carries this record alone; else None.
    """

    index: int
    record: dict[str, Any] | None
    location: str
    error: str | None = None
    payload: Any = None
    encoded: bytes | None = None
    original: dict[str, Any] | None = None
    body: bytes | None = None

    @property
    def as_read(self) -> dict[str, Any] | None:
        """The record exactly as read from the input."""
        return self.original if self.original is not None else self.record

    @property
    def fields(self) -> dict[str, Any]:
        """The record of an item that was read whole (every stage after reading sees only those)."""
        assert self.record is not None, f"{self.location} was not read"
        return self.record


@dataclass(slots=True)
class Batch:
    """Items sent together in one call; ``group`` holds the ``group_by`` values of ``by_attributes``."""

    items: list[Item]
    group: dict[str, Any] | None = None


@dataclass(slots=True)
class PreparedCall:
    """One rendered HTTP call and the items it carries."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None
    items: list[Item]
    group: dict[str, Any] | None = None

    @property
    def indices(self) -> list[int]:
        return [item.index for item in self.items]


class Status(str, Enum):
    """What happened to one record; its value is what summaries and files show."""

    SUCCEEDED = "succeeded"
    UNCHANGED = "unchanged"  # a success: what the record asks for was already so (409 exists, 404 gone)
    FAILED = "failed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return self.value

    @property
    def ok(self) -> bool:
        """True for the two kinds of success."""
        return self is _SUCCEEDED or self is _UNCHANGED


_SUCCEEDED, _UNCHANGED = Status.SUCCEEDED, Status.UNCHANGED


@dataclass(slots=True)
class Outcome:
    """What happened to one record: ``succeeded``, ``failed`` or ``rejected``.

    :param uncertain: the record failed, but its write may have been applied (no answer, or a 5xx
        after the request reached the server): check Docker Hub before sending it again.
    :param conflict: ``exists`` (409, or an invitee already a member) or ``missing`` (404 on DELETE): the
        failure may mean the record's wish is already true (see ``if_exists``/``if_missing``).
    """

    item: Item
    status: Status
    http_status: int | None = None
    reason: str | None = None
    uncertain: bool = False
    conflict: Conflict | None = None
