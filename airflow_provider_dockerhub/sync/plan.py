"""Planning a sync: desired records against what was read, as a list of actions. A pure function, no HTTP.

The invariants every plan keeps (tested as properties in tests/sync/test_plan.py):

- A delete, revoke or cancel is planned only for an existing resource that no record names, valid or not
  (an identity named by a rejected record is protected), in a scope whose read completed.
- ``mode="create"`` plans nothing destructive; ``upsert`` never deletes, and revokes a token only to
  recapture a secret that is not held; ``mirror`` also deletes what no record names, and the extra
  resources that share a desired identity (for tokens, the one whose secret is held is kept).
- A scope whose read failed gets no write at all: its records end failed, naming the read error.
- Identities are compared as Docker Hub compares them (``ResourceKind.fold`` and ``aliases``), and
  writes to existing resources use the names as Docker Hub spells them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.resources.base import Identity, Record, ResourceKind
from airflow_provider_dockerhub.sync.guard import DeleteGuardError, DeleteLimit

MODES = ("create", "upsert", "mirror")


class Kind(str, Enum):
    """What one action does."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    #: differs, but the API cannot update this kind: the record fails with both values named
    STUCK = "stuck"
    #: the record's scope could not be read: nothing is written for it
    UNREAD = "unread"
    #: a token whose secret is not held: revoked, then created again (its secret is shown only once)
    REVOKE = "revoke"
    DELETE = "delete"
    #: a pending invite withdrawn
    CANCEL = "cancel"


DESTRUCTIVE = (Kind.DELETE, Kind.REVOKE, Kind.CANCEL)


#: One call of an action: the preset and the record it writes.
Write = tuple[EndpointPreset, dict[str, Any]]


@dataclass(frozen=True)
class Action:
    """One planned step on one resource: the calls that do it (most often one; a repository's texts and its
    privacy are two).

    ``item`` is the desired record (None for a delete, which no record asked for); ``reason`` says why a
    destructive action was planned or why a record cannot be written; ``existing`` is what was read.
    """

    kind: Kind
    identity: Identity
    item: Item | None = None
    writes: tuple[Write, ...] = ()
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    reason: str = ""
    #: the resource as read, for actions on one that exists
    existing: Record | None = None

    @property
    def record(self) -> dict[str, Any] | None:
        """The record of the first call."""
        return self.writes[0][1] if self.writes else None

    def describe(self, resource: str) -> str:
        name = "/".join(str(part) for part in self.identity)
        changes = ", ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in self.changes.items())
        detail = "; ".join(filter(None, [changes, self.reason]))
        return f"{self.kind.value} {resource} {name}" + (f" ({detail})" if detail else "")


@dataclass(frozen=True)
class ScopeRead:
    """What one scope's read gave: every resource in it, or the error that stopped the read."""

    items: Sequence[Record] = ()
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Plan:
    """Every action of one sync, in order: revokes, creates, updates, then deletes and cancels."""

    resource: str
    actions: tuple[Action, ...]
    existing: int
    limit: DeleteLimit
    unread: Mapping[Identity, str] = field(default_factory=dict)

    def counts(self) -> Counter[Kind]:
        return Counter(action.kind for action in self.actions)

    def of(self, kind: Kind) -> list[Action]:
        return [action for action in self.actions if action.kind is kind]

    @property
    def destructive(self) -> dict[str, int]:
        """Destructive action kind -> planned count (what the delete guard counts)."""
        counts = self.counts()
        return {kind.value: counts[kind] for kind in DESTRUCTIVE}

    @property
    def refusal(self) -> str | None:
        """The delete guard's refusal of this plan, or None when it may run."""
        try:
            self.limit.check(self.destructive, self.existing, self.resource)
        except DeleteGuardError as exc:
            return str(exc)
        return None

    def describe(self, limit: int = 100) -> str:
        """A readable plan: the counts, then each action that is not ``unchanged``, or unchanged although it
        differs (up to ``limit``)."""
        counts = self.counts()
        head = (f"Plan for {self.resource}: {counts[Kind.CREATE]} to create, {counts[Kind.UPDATE]} to update, "
                f"{counts[Kind.DELETE]} to delete, {counts[Kind.UNCHANGED]} unchanged"
                + (f", {counts[Kind.CANCEL]} invites to cancel" if counts[Kind.CANCEL] else "")
                + (f", {counts[Kind.REVOKE]} to revoke and create again (secret not held)" if counts[Kind.REVOKE] else "")
                + (f", {counts[Kind.STUCK]} differ but cannot be updated" if counts[Kind.STUCK] else "")
                + (f", {counts[Kind.UNREAD]} not planned (scope not read)" if counts[Kind.UNREAD] else "")
                + f" ({self.existing} exist in scope; destructive actions {sum(self.destructive.values())} of "
                  f"max_deletes {self.limit.describe(self.existing)})")
        lines = [a.describe(self.resource) for a in self.actions if a.kind is not Kind.UNCHANGED or a.changes]
        more = [f"... and {len(lines) - limit} more"] if len(lines) > limit else []
        return "\n".join([head, *(f"  {line}" for line in lines[:limit]), *more])


def make_plan(
    kind: ResourceKind,
    desired: Mapping[Identity, Item],
    reads: Mapping[Identity, ScopeRead],
    mode: str,
    limit: DeleteLimit,
    *,
    named: frozenset[Identity] = frozenset(),
    login: str | None = None,
    captured: set[str] | None = None,
) -> Plan:
    """The actions that make what was read what ``desired`` says, in ``mode``.

    :param desired: the valid desired records by identity (records prepared with ``kind.prepare``).
    :param reads: scope -> what its read gave.
    :param named: identities named by records that were rejected; what they name is never removed.
    :param login: the caller; its own membership is never removed.
    :param captured: for kinds whose secret is shown once, the ids whose secret is held (None: not tracked).
    """
    index: dict[Identity, list[Record]] = {}
    for read in reads.values():
        for existing in read.items:
            for alias in kind.aliases(existing):
                index.setdefault(alias, []).append(existing)
    claimed: set[int] = set()
    first: list[Action] = []
    deletes: list[Action] = []
    for identity, item in desired.items():
        error = reads.get(kind.scope_of(identity), ScopeRead(error="its scope was not read")).error
        if error is not None:
            first.append(Action(Kind.UNREAD, identity, item, reason=f"not planned: reading its scope failed: {error}"))
            continue
        matches = _unique(index.get(identity, []))
        claimed.update(id(existing) for existing in matches)
        keep, extras = _choose(kind, matches, captured)
        first += _converge(kind, identity, item, keep, mode, captured)
        if mode == "mirror":
            deletes += [_remove(kind, identity, extra, "a second resource with a desired identity") for extra in extras]
    if mode == "mirror":
        protected = set(desired) | set(named)
        for read in reads.values():
            if not read.complete:
                continue
            for existing in read.items:
                if id(existing) in claimed or kind.protected(existing, login):
                    continue
                if any(alias in protected for alias in kind.aliases(existing)):
                    continue
                deletes.append(_remove(kind, kind.key(existing), existing, "no record names it"))
    actions = sorted(first, key=lambda a: a.kind is not Kind.REVOKE) + deletes
    existing_count = sum(len(read.items) for read in reads.values())
    unread = {scope: read.error for scope, read in reads.items() if read.error is not None}
    return Plan(kind.name, tuple(actions), existing_count, limit, unread)


def _unique(records: list[Record]) -> list[Record]:
    return list({id(record): record for record in records}.values())


def _choose(kind: ResourceKind, matches: list[Record], captured: set[str] | None) -> tuple[Record | None, list[Record]]:
    """The existing resource a desired record is (the one whose secret is held, for tokens) and the extras."""
    if not matches:
        return None, []
    held = [m for m in matches if captured is not None and kind.secret_id(m) in captured]
    keep = held[0] if held else matches[0]
    return keep, [m for m in matches if m is not keep]


def _converge(kind: ResourceKind, identity: Identity, item: Item, existing: Record | None, mode: str,
              captured: set[str] | None) -> list[Action]:
    record = item.fields
    if existing is None:
        if kind.create is None:
            return [Action(Kind.STUCK, identity, item, reason=f"the Docker Hub API cannot create {kind.name}")]
        return [_create(kind, identity, item)]
    wants_active = record.get("is_active", True) not in (False, "false", "False")
    if (kind.secret_once and captured is not None and mode != "create" and wants_active
            and kind.secret_id(existing) not in captured):
        return [_remove(kind, identity, existing, "its secret is not held in response_path", Kind.REVOKE),
                _create(kind, identity, item)]
    changes = kind.differences(record, existing) if mode != "create" else {}
    if not changes:
        return [Action(Kind.UNCHANGED, identity, item)]
    held_back = kind.held_back(existing)
    if held_back:
        return [Action(Kind.UNCHANGED, identity, item, changes=changes, reason=held_back)]
    if kind.update is None:
        return [Action(Kind.STUCK, identity, item, changes=changes,
                       reason=f"the Docker Hub API cannot update {kind.name}")]
    return [updating(kind, identity, item, existing, changes)]


def updating(kind: ResourceKind, identity: Identity, item: Item, existing: Record,
             changes: Mapping[str, tuple[Any, Any]]) -> Action:
    """The update of ``existing`` to ``item``'s record, given what differs."""
    return Action(Kind.UPDATE, identity, item, tuple(kind.update_writes(item.fields, existing, changes)),
                  changes, existing=existing)


def _create(kind: ResourceKind, identity: Identity, item: Item) -> Action:
    assert kind.create is not None
    left = kind.left_by_create(item.fields)
    reason = f"then {', '.join(left)} set by an update: the create cannot carry it" if left else ""
    return Action(Kind.CREATE, identity, item, ((kind.create, kind.create_record(item.fields)),), reason=reason)


def _remove(kind: ResourceKind, identity: Identity, existing: Record, reason: str, as_kind: Kind | None = None) -> Action:
    removal = as_kind or Kind(kind.delete_kind(existing))
    deleter = kind.deleter(existing)
    assert deleter is not None
    return Action(removal, identity, None, ((deleter, kind.delete_record(existing)),), reason=reason,
                  existing=existing)
