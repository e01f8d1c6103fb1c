"""Planning a sync: the desired records against what exists, as a list of actions (a pure function)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.presets.registry import EndpointPreset
from airflow_provider_dockerhub.sync.adapters import Identity, SyncAdapter

MODES = ("create", "upsert", "mirror")
CREATE, UPDATE, DELETE, UNCHANGED, STUCK = "create", "update", "delete", "unchanged", "stuck"
#: A token whose secret was never captured: revoked, then created again (its secret is only shown once).
REVOKE = "revoke"


@dataclass(frozen=True)
class Action:
    """One planned step: what to do to one resource, the preset that does it and the record it writes.

    ``stuck``: the resource differs but the API cannot update it; ``item`` is the desired record (None
    for a delete, which no record asked for).
    """

    kind: str
    identity: Identity
    item: Item | None = None
    preset: EndpointPreset | None = None
    record: dict[str, Any] | None = None
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)

    def describe(self, resource: str) -> str:
        name = "/".join(str(part) for part in self.identity)
        changes = ", ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in self.changes.items())
        return f"{self.kind} {resource} {name}" + (f" ({changes})" if changes else "")


@dataclass(frozen=True)
class Plan:
    """Every action of one sync, desired records first, deletes last."""

    resource: str
    actions: tuple[Action, ...]
    existing: int

    def counts(self) -> Counter:
        return Counter(action.kind for action in self.actions)

    def of(self, kind: str) -> list[Action]:
        return [action for action in self.actions if action.kind == kind]

    def describe(self, limit: int = 100) -> str:
        """A readable plan: the counts, then each write (up to ``limit``)."""
        counts = self.counts()
        head = (f"Plan for {self.resource}: {counts[CREATE]} to create, {counts[UPDATE]} to update, "
                f"{counts[DELETE]} to delete, {counts[UNCHANGED]} unchanged"
                + (f", {counts[REVOKE]} to revoke and create again (secret not captured)" if counts[REVOKE] else "")
                + (f", {counts[STUCK]} differ but cannot be updated" if counts[STUCK] else "")
                + f" ({self.existing} exist in scope)")
        writes = [a.describe(self.resource) for a in self.actions if a.kind != UNCHANGED]
        more = [f"... and {len(writes) - limit} more"] if len(writes) > limit else []
        return "\n".join([head, *(f"  {line}" for line in writes[:limit]), *more])


def make_plan(
    adapter: SyncAdapter,
    desired: Mapping[Identity, Item],
    current: Mapping[Identity, Mapping[str, Any]],
    mode: str,
    login: str | None = None,
    captured: set[Identity] | None = None,
) -> Plan:
    """The actions that make ``current`` what ``desired`` says, in ``mode``; ``login`` is never deleted.

    ``captured``: for resources whose secret is shown once, the identities whose secret was captured;
    an existing one that was not is revoked and created again.
    """
    resource = adapter.resource
    actions = []
    for identity, item in desired.items():
        existing = current.get(identity)
        if existing is not None and captured is not None and identity not in captured:
            actions.append(Action(REVOKE, identity, None, adapter.deleter(existing), adapter.delete(existing)))
            existing = None
        if existing is None:
            actions.append(Action(CREATE, identity, item, resource.create, adapter.create(item.record)))
            continue
        changes = adapter.differences(item.record, existing) if mode != "create" else {}
        if not changes or not adapter.updatable(existing):
            actions.append(Action(UNCHANGED, identity, item))
        elif adapter.update is None:
            actions.append(Action(STUCK, identity, item, changes=changes))
        else:
            actions.append(Action(UPDATE, identity, item, resource.update, adapter.update(item.record, existing), changes))
    if mode == "mirror":
        for identity, existing in current.items():
            if identity not in desired and not adapter.protected(existing, login):
                actions.append(Action(DELETE, identity, None, adapter.deleter(existing), adapter.delete(existing)))
    return Plan(resource.name, tuple(actions), len(current))


def check_deletes(plan: Plan, max_deletes: int | float) -> None:
    """Refuse, before any write, a plan that deletes more than ``max_deletes`` (a count, or a fraction of
    what exists in scope)."""
    planned = plan.counts()[DELETE]
    allowed = max_deletes if isinstance(max_deletes, int) else int(max_deletes * plan.existing)
    if planned > allowed:
        limit = f"{max_deletes}" if isinstance(max_deletes, int) else f"{max_deletes:.0%} of {plan.existing} = {allowed}"
        raise ValueError(f"the plan deletes {planned} {plan.resource}, more than max_deletes ({limit}); nothing was "
                         f"changed. Check the records, or raise max_deletes if this is intended")
