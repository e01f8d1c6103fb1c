"""Decoding one record safely: bounded nesting and size, strict JSON (no NaN/Infinity, no lone surrogates).

The limits keep memory flat whatever a file holds: a record over them is rejected with the reason,
and reading goes on with the next one.

=====================  =========  ==============================================================
limit                  default    a record over it
=====================  =========  ==============================================================
``max_record_bytes``   1 MiB      JSON Lines line, CSV row, ``.json`` array item, or shaped record
``max_depth``          64         objects and arrays nested deeper than this
=====================  =========  ==============================================================
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RecordLimits:
    """How large and how deeply nested one record may be."""

    max_record_bytes: int = 1 << 20
    max_depth: int = 64

    def too_large(self, size: int) -> str:
        return f"record is over max_record_bytes ({size:,} > {self.max_record_bytes:,} bytes)"

    def too_deep(self) -> str:
        return f"record is nested deeper than max_depth ({self.max_depth})"


DEFAULT_LIMITS = RecordLimits()


class RecordError(ValueError):
    """One record cannot be used; the message says why."""


def _refuse_constant(name: str) -> Any:
    raise RecordError(f"{name} is not valid JSON (NaN and Infinity cannot be sent)")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a surrogate code point that no UTF-8 encoder accepts."""
    return _SURROGATE.search(text) is not None


def decode_json_line(line: bytes, limits: RecordLimits = DEFAULT_LIMITS) -> Any:
    """One JSON value from one line; RecordError (a ValueError) says what is wrong with it."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte {line[exc.start]:#04x} at offset {exc.start})") from None
    # Brackets bound the depth from above: only a line with many of them needs the exact count.
    if line.count(b"[") + line.count(b"{") > limits.max_depth and _bracket_depth(text) > limits.max_depth:
        raise RecordError(limits.too_deep())
    try:
        value = _DECODER.decode(text)
    except ValueError as exc:  # the decoder's own RecordError (a number too long) says what is wrong already
        raise exc if isinstance(exc, RecordError) else RecordError(f"invalid JSON ({exc})") from None
    if "\\u" in text and _has_lone_surrogate_value(value):
        raise RecordError("a string holds a lone surrogate (\\ud800-\\udfff), which is not valid Unicode")
    return value


def _bracket_depth(text: str) -> int:
    """The nesting depth of JSON text, counting brackets outside strings."""
    depth = deepest = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _has_lone_surrogate_value(value: Any) -> bool:
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            if has_lone_surrogate(current):
                return True
        elif isinstance(current, dict):
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return False


def build_from_events(first: tuple[str, Any], events: Iterator[tuple[str, Any]], limits: RecordLimits) -> Any:
    """One value from ijson ``basic_parse`` events, starting at ``first``; stays within ``limits``.

    A value over the limits is consumed to its end (so reading can go on) and RecordError is raised.
    """
    event, value = first
    if event not in ("start_map", "start_array"):
        return value
    root: Any = {} if event == "start_map" else []
    stack: list[Any] = [root]
    keys: list[Any] = [None]
    size, problem, depth = 2, None, 1
    for event, value in events:
        if event in ("end_map", "end_array"):
            depth -= 1
            if problem is None:
                stack.pop()
                keys.pop()
            if depth == 0:
                if problem:
                    raise RecordError(problem)
                return root
            continue
        opening = event in ("start_map", "start_array")
        if opening:
            depth += 1
            if problem is None and depth > limits.max_depth:
                problem = limits.too_deep()
        if problem is not None:
            continue
        if event == "map_key":
            keys[-1] = value
            size += len(value) + 4
            continue
        item = ({} if event == "start_map" else []) if opening else value
        size += len(value) + 2 if isinstance(value, str) else 8
        parent = stack[-1]
        if isinstance(parent, list):
            parent.append(item)
        else:
            parent[keys[-1]] = item
        if opening:
            stack.append(item)
            keys.append(None)
        if size > limits.max_record_bytes:
            problem = limits.too_large(size)
    raise RecordError("the file ended inside a record")
