"""Group stage: turn a stream of items into batches (one call each).

Algorithms (our own names):

* ``single``: one item per call (``batching=False``).
* ``sequential``: input order, at most ``batch_size`` items per call.
* ``by_attributes``: items with equal ``group_by`` values share a call; the values are the batch's
  ``group``. A group is sent when it is full, the rest when the input ends. At most
  ``max_open_groups`` (default 1000) groups are held at once: a new group beyond that sends the
  oldest open one first, so memory holds at most ``max_open_groups x batch_size`` items.
* ``by_size``: input order, packed while the JSON body stays within ``max_batch_bytes`` (and at most
  ``batch_size`` items); an item alone larger than the limit is rejected with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from airflow_provider_dockerhub.pipeline.items import Batch, Item

GROUPINGS = ("sequential", "by_attributes", "by_size")
_MISSING = object()


@dataclass(frozen=True)
class GroupingSettings:
    """What the grouping stage needs; ``validate`` reports a missing setting before anything is sent."""

    batching: bool = False
    grouping: str = "sequential"
    batch_size: int = 100
    group_by: tuple[str, ...] = ()
    max_batch_bytes: int | None = None
    batch_key: str | None = None
    max_open_groups: int = 1000

    def validate(self) -> None:
        """Raise ValueError naming the setting that is missing, wrong, or contradicts ``batching``."""
        if not self.batching:
            given = [name for name, value in (("grouping", self.grouping != "sequential"), ("group_by", self.group_by),
                                              ("max_batch_bytes", self.max_batch_bytes), ("batch_key", self.batch_key))
                     if value]
            if given:
                raise ValueError(f"{', '.join(given)} only apply to batches: set batching=True (one call per record "
                                 f"otherwise)")
            return
        if self.grouping not in GROUPINGS:
            raise ValueError(f"grouping must be one of {GROUPINGS}, got {self.grouping!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {self.batch_size!r}")
        if self.grouping == "by_attributes" and not self.group_by:
            raise ValueError("grouping='by_attributes' needs group_by (the attribute names to group on)")
        if not isinstance(self.max_open_groups, int) or self.max_open_groups < 1:
            raise ValueError(f"max_open_groups must be a positive integer, got {self.max_open_groups!r}")
        if self.grouping == "by_size" and (not self.max_batch_bytes or self.max_batch_bytes < 3):
            raise ValueError("grouping='by_size' needs max_batch_bytes (a positive number of bytes)")


def single(items: Iterable[Item]) -> Iterator[Batch]:
    """One batch per item."""
    for item in items:
        yield Batch([item])


def sequential(items: Iterable[Item], batch_size: int) -> Iterator[Batch]:
    """Batches of ``batch_size`` in input order."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield Batch(batch)
            batch = []
    if batch:
        yield Batch(batch)


def group_values(record: dict[str, Any], keys: Sequence[str]) -> tuple[Any, ...]:
    """The record's values for ``keys`` (dotted paths allowed); KeyError names a missing one."""
    values = []
    for key in keys:
        value: Any = record
        for part in key.split("."):
            value = value.get(part, _MISSING) if isinstance(value, dict) else _MISSING
            if value is _MISSING:
                raise KeyError(key)
        values.append(value)
    return tuple(values)


def _hashable(values: tuple[Any, ...]) -> Any:
    try:
        hash(values)
        return values
    except TypeError:
        return repr(values)


def by_attributes(
    items: Iterable[Item], keys: Sequence[str], batch_size: int, reject: Callable[[Item, str], None],
    max_open_groups: int = 1000,
) -> Iterator[Batch]:
    """Batches of items sharing ``keys`` values; an item missing a key is rejected; beyond
    ``max_open_groups`` open groups the oldest is sent first."""
    open_groups: dict[Any, tuple[tuple[Any, ...], list[Item]]] = {}
    for item in items:
        try:
            values = group_values(item.fields, keys)
        except KeyError as exc:
            reject(item, f"missing group_by attribute {exc.args[0]!r}")
            continue
        key = _hashable(values)
        entry = open_groups.get(key)
        if entry is None:
            if len(open_groups) >= max_open_groups:
                oldest = next(iter(open_groups))
                oldest_values, oldest_items = open_groups.pop(oldest)
                yield Batch(oldest_items, dict(zip(keys, oldest_values, strict=True)))
            entry = open_groups[key] = (values, [])
        entry[1].append(item)
        if len(entry[1]) >= batch_size:
            del open_groups[key]
            yield Batch(entry[1], dict(zip(keys, values, strict=True)))
    for values, batch in open_groups.values():
        yield Batch(batch, dict(zip(keys, values, strict=True)))


def by_size(
    items: Iterable[Item],
    max_bytes: int,
    batch_size: int,
    reject: Callable[[Item, str], None],
    overhead: int = 2,
) -> Iterator[Batch]:
    """Batches whose JSON array body (``overhead`` bytes of brackets/wrapper) stays within ``max_bytes``."""
    batch: list[Item] = []
    size = overhead
    for item in items:
        length = len(item.encoded or b"")
        if overhead + length > max_bytes:
            reject(item, f"record is {length} bytes as JSON, over max_batch_bytes={max_bytes}")
            continue
        added = length + (1 if batch else 0)  # the comma between records
        if batch and (size + added > max_bytes or len(batch) >= batch_size):
            yield Batch(batch)
            batch, size, added = [], overhead, length
        batch.append(item)
        size += added
    if batch:
        yield Batch(batch)


def make_batches(items: Iterable[Item], settings: GroupingSettings, reject: Callable[[Item, str], None]) -> Iterator[Batch]:
    """Apply the configured algorithm."""
    if not settings.batching:
        return single(items)
    if settings.grouping == "by_attributes":
        return by_attributes(items, settings.group_by, settings.batch_size, reject, settings.max_open_groups)
    if settings.grouping == "by_size":
        overhead = 2 + (len(settings.batch_key.encode()) + 5 if settings.batch_key else 0)  # {"key":[...]}
        assert settings.max_batch_bytes is not None  # GroupingSettings.validate requires it for by_size
        return by_size(items, settings.max_batch_bytes, settings.batch_size, reject, overhead)
    return sequential(items, settings.batch_size)
