"""Shape stage: drop excluded attributes and encode each record to JSON once.

JSON conversion of values the standard encoder does not know:

==================  ==============================================
datetime, date      ISO 8601 text (``isoformat()``)
time                ISO 8601 text
Decimal             an int when whole, else a float
UUID, Path          text
set, frozenset      a list, sorted when the values can be sorted
bytes, bytearray    base64 text
Enum                its value
==================  ==============================================

Anything else rejects the record with the type named.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import json
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from airflow_provider_dockerhub.pipeline.decode import DEFAULT_LIMITS, RecordLimits
from airflow_provider_dockerhub.pipeline.items import Item


def json_default(value: Any) -> Any:
    """Convert one value the JSON encoder does not know (see the module docstring)."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (uuid.UUID, PurePath)):
        return str(value)
    if isinstance(value, (set, frozenset)):
        try:
            return sorted(value)
        except TypeError:
            return list(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"a value of type {type(value).__name__} cannot be sent as JSON")


_ENCODER = json.JSONEncoder(default=json_default, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON of ``value``; ValueError for NaN/Infinity and lone surrogates, RecursionError for
    nesting deeper than Python's stack."""
    return _ENCODER.encode(value).encode("utf-8")


def _encoding_problem(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "record is nested too deeply to be encoded as JSON"
    if isinstance(exc, UnicodeEncodeError):
        return "a string holds a lone surrogate (\\ud800-\\udfff), which is not valid Unicode"
    if "Out of range float" in str(exc):
        return "a number is NaN or Infinity, which JSON cannot carry"
    return str(exc)


def parse_paths(attributes: Iterable[str] | str | None) -> list[tuple[str, ...]]:
    """``["a", "b.c"]`` (or ``"a,b.c"``) as split dotted paths."""
    if attributes is None:
        return []
    if isinstance(attributes, str):
        attributes = [a for a in attributes.split(",")]
    paths = [tuple(part.strip() for part in a.split(".")) for a in attributes if a and a.strip()]
    for path in paths:
        if any(not part for part in path):
            raise ValueError(f"exclude_attributes: {'.'.join(path)!r} has an empty part")
    return paths


def _without(record: Any, path: tuple[str, ...]) -> Any:
    """``record`` without ``path``; a list on the way has the rest of the path removed from each of its items."""
    if isinstance(record, list):
        return [_without(inner, path) for inner in record]
    if not isinstance(record, dict) or path[0] not in record:
        return record
    copy = dict(record)
    if len(path) == 1:
        del copy[path[0]]
    else:
        copy[path[0]] = _without(copy[path[0]], path[1:])
    return copy


def exclude(record: dict[str, Any], paths: list[tuple[str, ...]]) -> dict[str, Any]:
    """A copy of ``record`` without ``paths`` (absent ones are fine); the original is not changed.

    A path reaches into lists: ``owners.email`` removes ``email`` from each item of ``owners``."""
    for path in paths:
        record = _without(record, path)
    return record


class Shaper:
    """Sets ``payload`` and ``encoded`` on each item; an unencodable record gets ``error``."""

    def __init__(self, exclude_attributes: Iterable[str] | str | None = None, *, encode: bool = True,
                 limits: RecordLimits = DEFAULT_LIMITS, defaults: Mapping[str, Any] | None = None) -> None:
        self.paths = parse_paths(exclude_attributes)
        self.encode = encode
        self.limits = limits
        self.defaults = dict(defaults or {})

    def fill_defaults(self, item: Item) -> Item:
        """Give the record the default values of the attributes it lacks (a new dict; the input is not changed)."""
        if self.defaults and any(name not in item.fields for name in self.defaults):
            if item.original is None:
                item.original = item.record
            item.record = {**self.defaults, **item.fields}
            item.encoded = None  # the line's text is no longer the record
        return item

    def shape(self, item: Item) -> Item:
        """Shape one item in place and return it (a JSON Lines record with nothing excluded keeps its text)."""
        if not self.paths:
            item.payload = item.record
            if item.encoded is not None:
                return item
        else:
            item.payload = exclude(item.fields, self.paths)
            item.encoded = None
        if self.encode:
            try:
                item.encoded = encode_json(item.payload)
            except (TypeError, ValueError, RecursionError) as exc:
                item.error = _encoding_problem(exc)
                return item
            if len(item.encoded) > self.limits.max_record_bytes:
                item.error = self.limits.too_large(len(item.encoded))
        return item
