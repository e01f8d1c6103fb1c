"""Source stage: read records from a list, a JSON string, or a JSON / JSON Lines / CSV file, as a stream.

A record that cannot be read (a broken line, a value that is not an object, a CSV row with the
wrong number of values) becomes an ``Item`` with ``error`` set: it is counted and rejected, not
skipped, and the records after it are still read.
"""

from __future__ import annotations

import ast
import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

import ijson

from airflow_provider_dockerhub.pipeline.decode import (
    BOM,
    DEFAULT_LIMITS,
    RecordError,
    RecordLimits,
    build_from_events,
    decode_json_line,
    has_lone_surrogate,
)
from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.storage import open_for_reading
from airflow_provider_dockerhub.wire import parse_bool

FORMATS = ("json", "jsonl", "csv")
_EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _to_bool(text: str) -> bool:
    return parse_bool(text, "the value")


def _to_json(text: str) -> Any:
    return decode_json_line(text.encode("utf-8"))


#: Converters for CSV columns named in ``csv_types``; every other CSV value stays a string.
CSV_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _to_bool,
    "json": _to_json,
}


def guess_format(path: str, records_format: str | None = None) -> str:
    """The format named by ``records_format``, else by the file's extension."""
    if records_format:
        fmt = records_format.lower().lstrip(".")
        fmt = "jsonl" if fmt == "ndjson" else fmt
        if fmt not in FORMATS:
            raise ValueError(f"records_format must be one of {FORMATS}, got {records_format!r}")
        return fmt
    lowered = path.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return fmt
    raise ValueError(f"cannot tell the format of {path!r} from its extension; set records_format to one of {FORMATS}")


def _item(index: int, value: Any, location: str) -> Item:
    if isinstance(value, Mapping):
        return Item(index, dict(value), location)
    return Item(index, None, location, f"expected a JSON object, got {type(value).__name__}")


def iter_values(records: Any) -> Iterator[Item]:
    """Items from in-memory records: a list (or any iterable) of dicts, or a JSON string of a list."""
    if isinstance(records, (str, bytes)):
        try:
            records = json.loads(records)
        except ValueError as exc:
            try:  # a Python literal, as `{{ ti.xcom_pull(...) }}` renders a list without native rendering
                records = ast.literal_eval(records if isinstance(records, str) else records.decode())
            except (ValueError, SyntaxError):
                raise ValueError(f"records is a string but neither JSON nor a Python literal: {exc}") from None
    if isinstance(records, Mapping) or not isinstance(records, Iterable):
        raise TypeError(f"records must be a list of objects (or a JSON string of one), got {type(records).__name__}")
    for index, value in enumerate(records):
        yield _item(index, value, f"records[{index}]")


class _BoundedLines:
    """Lines of a binary or text file; a line over ``limit`` bytes (characters) is read to its end without
    being kept, raises ``_LineTooLong`` once, and reading goes on after it (an iterator object, not a
    generator, so it survives raising: the csv reader pulls lines through it)."""

    def __init__(self, handle: IO[Any], limit: int) -> None:
        self.readline, self.limit, self.number = handle.readline, limit, 0

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> Any:
        line = self.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit:
            newline = b"\n" if isinstance(line, bytes) else "\n"
            if not line.endswith(newline):
                while line and not line.endswith(newline):
                    line = self.readline(1 << 16)
                raise _LineTooLong
        return line


class _LineTooLong(Exception):
    pass


def _jsonl(handle: IO[bytes], limits: RecordLimits) -> Iterator[Item]:
    index = 0
    lines = _BoundedLines(handle, limits.max_record_bytes)
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except _LineTooLong:
            yield Item(index, None, f"line {lines.number}", limits.too_large(limits.max_record_bytes + 1))
            index += 1
            continue
        location = f"line {lines.number}"
        if lines.number == 1 and line.startswith(BOM):
            line = line[len(BOM):]
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        try:
            value = decode_json_line(line, limits)
        except RecordError as exc:
            yield Item(index, None, location, str(exc))
        else:
            item = _item(index, value, location)
            if item.error is None:
                item.encoded = line.strip()  # valid JSON already: sent as is unless attributes are excluded
            yield item
        index += 1


_TOP_LEVEL = {"start_map": "a JSON object", "string": "a string", "number": "a number", "boolean": "a boolean",
              "null": "null"}


def _json_array(handle: IO[bytes], limits: RecordLimits) -> Iterator[Item]:
    """Items of a top-level JSON array, built from parser events so that nesting and size stay bounded."""
    events = ijson.basic_parse(handle, use_float=True)
    index = 0
    try:
        first = next(events, None)
    except ijson.IncompleteJSONError:
        first = None
    try:
        if first is None:
            raise ValueError("the file is empty; expected a JSON array of records")
        if first[0] != "start_array":
            raise ValueError(f"the top level is {_TOP_LEVEL.get(first[0], first[0])}, expected an array of records")
        for event in events:
            if event[0] == "end_array":
                return
            location = f"item {index}"
            try:
                value = build_from_events(event, events, limits)
            except RecordError as exc:
                yield Item(index, None, location, str(exc))
            else:
                yield _item(index, value, location)
            index += 1
    except ijson.JSONError as exc:
        raise ValueError(f"invalid JSON at item {index}, nothing after it can be read ({exc})") from None


def _csv(handle: IO[bytes], csv_types: Mapping[str, str], limits: RecordLimits) -> Iterator[Item]:
    # Undecodable bytes become lone surrogates, so the row that holds them is rejected by line number.
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="")
    lines = _BoundedLines(text, limits.max_record_bytes)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except (csv.Error, _LineTooLong) as exc:
        raise ValueError(f"the CSV header cannot be read: {exc or 'it is over max_record_bytes'}") from None
    if header is None:
        return
    if has_lone_surrogate("".join(header)):
        raise ValueError("the CSV header is not valid UTF-8")
    repeated = sorted(column for column, count in Counter(header).items() if count > 1)
    if repeated:
        raise ValueError(f"the CSV header names column(s) {repeated} more than once; each column needs its own name")
    unknown = sorted(set(csv_types) - set(header))
    if unknown:
        raise ValueError(f"csv_types names column(s) {unknown} that the CSV header {header} does not have")
    converters = {column: CSV_CONVERTERS[kind] for column, kind in csv_types.items()}
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LineTooLong:
            yield Item(index, None, f"line {lines.number}", limits.too_large(limits.max_record_bytes + 1))
            index += 1
            continue
        except csv.Error as exc:
            yield Item(index, None, f"line {lines.number}", f"invalid CSV ({exc})")
            index += 1
            continue
        yield _csv_item(index, f"line {lines.number}", header, row, converters)
        index += 1


def _csv_item(index: int, location: str, header: list[str], row: list[str],
              converters: Mapping[str, Callable[[str], Any]]) -> Item:
    if len(row) != len(header):
        return Item(index, None, location, f"{len(row)} values for {len(header)} columns")
    record: dict[str, Any] = dict(zip(header, row, strict=True))
    bad = [column for column, value in record.items() if has_lone_surrogate(value)]
    if bad:
        return Item(index, None, location, f"column {bad[0]!r} is not valid UTF-8")
    try:
        for column, convert in converters.items():
            record[column] = convert(record[column])
    except (ValueError, RecordError) as exc:
        return Item(index, None, location, f"column {column!r}: {exc}")
    return Item(index, record, location)


def iter_file(path: str, records_format: str | None = None, csv_types: Mapping[str, str] | None = None,
              limits: RecordLimits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Items streamed from a local file or any URI ``ObjectStoragePath`` understands (settings checked now)."""
    fmt = guess_format(path, records_format)
    csv_types = dict(csv_types or {})
    bad = {c: k for c, k in csv_types.items() if k not in CSV_CONVERTERS}
    if bad:
        raise ValueError(f"csv_types values must be one of {sorted(CSV_CONVERTERS)}, got {bad}")
    return _stream_file(path, fmt, csv_types, limits)


def _stream_file(path: str, fmt: str, csv_types: dict[str, str], limits: RecordLimits) -> Iterator[Item]:
    with open_for_reading(path) as handle:
        if fmt == "jsonl":
            yield from _jsonl(handle, limits)
        elif fmt == "json":
            yield from _json_array(handle, limits)
        else:
            yield from _csv(handle, csv_types, limits)


def read_records(
    records: Any = None,
    records_path: str | None = None,
    records_format: str | None = None,
    csv_types: Mapping[str, str] | None = None,
    limits: RecordLimits = DEFAULT_LIMITS,
) -> Iterator[Item]:
    """Items from exactly one of ``records`` and ``records_path``."""
    if (records is None) == (records_path is None):
        raise ValueError("give exactly one of records and records_path")
    if records_path is not None:
        return iter_file(str(records_path), records_format, csv_types, limits)
    return iter_values(records)
