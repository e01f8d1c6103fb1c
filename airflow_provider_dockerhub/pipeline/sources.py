"""Source stage: read records from a list, a JSON string, or a JSON / JSON Lines / CSV file, as a stream.

Each file format has one ``RecordReader`` class (``READERS``), given the ``SourceOptions`` of the read.

A record that cannot be read (a broken line, a value that is not an object, a CSV row with the
wrong number of values) becomes an ``Item`` with ``error`` set: it is counted and rejected, not
skipped, and the records after it are still read.
"""

from __future__ import annotations

import ast
import csv
import io
import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, ClassVar, TypeVar

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

__all__ = ["CSV_CONVERTERS", "FORMATS", "READERS", "CsvReader", "JsonArrayReader", "JsonLinesReader", "RecordReader",
           "SourceOptions", "guess_format", "is_reader_class", "iter_values", "read_file", "read_records"]


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


@dataclass(frozen=True)
class SourceOptions:
    """How a records file is read, in one object: its format (None: from the file's extension), or the caller's
    own ``reader`` class (which wins), the CSV column types (``CSV_CONVERTERS`` names; other CSV values stay
    strings) and the size and nesting limits."""

    format: str | None = None
    csv_types: Mapping[str, str] = field(default_factory=dict)
    limits: RecordLimits = DEFAULT_LIMITS
    reader: type[RecordReader] | None = None

    def validate(self) -> None:
        """Raise ValueError for options no reader can follow (checked before the file is opened)."""
        if self.reader is not None and not is_reader_class(self.reader):
            raise ValueError(f"records_reader must be a RecordReader subclass, got {self.reader!r}")
        if self.format is not None and self.reader is None:
            format_named(self.format)
        bad = {c: k for c, k in self.csv_types.items() if k not in CSV_CONVERTERS}
        if bad:
            raise ValueError(f"csv_types values must be one of {sorted(CSV_CONVERTERS)}, got {bad}")

    def reader_for(self, path: str) -> RecordReader:
        """The reader of ``path``'s format: ``format`` if set, else the one whose extension the path has."""
        if self.reader is not None:
            return self.reader(self)
        return READERS[format_named(self.format) if self.format else format_of(path)](self)


class RecordReader(ABC):
    """Reads one input format: every record of an open binary file as an ``Item``, streamed.

    A record that cannot be read becomes an ``Item`` with ``error`` (counted and rejected, and reading goes on);
    a problem with the whole file (its top level, its header) raises ValueError. A DAG author reads a format of
    their own by passing a subclass as ``records_reader``; a format the provider ships subclasses this, sets
    ``format`` and ``extensions``, and is listed in ``READERS``.
    """

    #: The ``records_format`` value that selects this reader.
    format: ClassVar[str]
    #: File name endings that select it when no format is given (the first is the usual one).
    extensions: ClassVar[tuple[str, ...]]

    def __init__(self, options: SourceOptions) -> None:
        self.options = options
        self.limits = options.limits

    @abstractmethod
    def read(self, handle: IO[bytes]) -> Iterator[Item]:
        """The records of ``handle``, in order, each with its location (``line 3``, ``item 2``)."""


class JsonLinesReader(RecordReader):
    """One JSON object per line; blank lines are skipped, a line over ``max_record_bytes`` is rejected unread."""

    format = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def read(self, handle: IO[bytes]) -> Iterator[Item]:
        limits, index = self.limits, 0
        lines = _BoundedLines(handle, limits.max_record_bytes)
        for location, line, problem in _by_line(lines, lines, limits):
            if problem is not None:
                yield Item(index, None, location, problem)
                index += 1
                continue
            assert line is not None
            if location == "line 1" and line.startswith(BOM):
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


class JsonArrayReader(RecordReader):
    """A top-level JSON array of objects, built from parser events so that nesting and size stay bounded."""

    format = "json"
    extensions = (".json",)

    def read(self, handle: IO[bytes]) -> Iterator[Item]:
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
                    value = build_from_events(event, events, self.limits)
                except RecordError as exc:
                    yield Item(index, None, location, str(exc))
                else:
                    yield _item(index, value, location)
                index += 1
        except ijson.JSONError as exc:
            raise ValueError(f"invalid JSON at item {index}, nothing after it can be read ({exc})") from None


class CsvReader(RecordReader):
    """A CSV file with a header row (UTF-8, a BOM allowed); ``csv_types`` converts the columns it names."""

    format = "csv"
    extensions = (".csv",)

    def read(self, handle: IO[bytes]) -> Iterator[Item]:
        limits, csv_types = self.limits, self.options.csv_types
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
        for index, (location, row, problem) in enumerate(_by_line(reader, lines, limits)):
            if problem is not None or row is None:
                yield Item(index, None, location, problem)
            else:
                yield _csv_item(index, location, header, row, converters)


T = TypeVar("T")


def _by_line(entries: Iterator[T], lines: _BoundedLines, limits: RecordLimits) -> Iterator[tuple[str, T | None, str | None]]:
    """Each entry read from ``lines`` with its location, or the reason it cannot be read: a line over
    ``max_record_bytes`` (skipped unread) or a CSV row the parser refuses."""
    while True:
        try:
            entry = next(entries)
        except StopIteration:
            return
        except _LineTooLong:
            yield f"line {lines.number}", None, limits.too_large(limits.max_record_bytes + 1)
        except csv.Error as exc:
            yield f"line {lines.number}", None, f"invalid CSV ({exc})"
        else:
            yield f"line {lines.number}", entry, None


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


#: The reader of each ``records_format``.
READERS: dict[str, type[RecordReader]] = {reader.format: reader for reader in (JsonArrayReader, JsonLinesReader,
                                                                                CsvReader)}
FORMATS = tuple(READERS)


def is_reader_class(value: object) -> bool:
    """True for a ``RecordReader`` subclass (a caller's own reader, ``records_reader``)."""
    return isinstance(value, type) and issubclass(value, RecordReader)


def format_named(records_format: str) -> str:
    """The format ``records_format`` names (a format or one of its extensions, e.g. ``ndjson``); ValueError if none."""
    name = records_format.lower().lstrip(".")
    if name in READERS:
        return name
    for fmt, reader in READERS.items():
        if f".{name}" in reader.extensions:
            return fmt
    raise ValueError(f"records_format must be one of {FORMATS}, got {records_format!r}")


def format_of(path: str) -> str:
    """The format of ``path`` by its extension; ValueError when no reader has it."""
    lowered = path.lower()
    for fmt, reader in READERS.items():
        if lowered.endswith(reader.extensions):
            return fmt
    raise ValueError(f"cannot tell the format of {path!r} from its extension; set records_format to one of {FORMATS}")


def guess_format(path: str, records_format: str | None = None) -> str:
    """The format named by ``records_format``, else by the file's extension."""
    return format_named(records_format) if records_format else format_of(path)


def read_file(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Item]:  # noqa: B008 (frozen)
    """Items streamed from a local file or any URI ``ObjectStoragePath`` understands (options checked now)."""
    options.validate()
    reader = options.reader_for(path)
    return _stream(path, reader)


def _stream(path: str, reader: RecordReader) -> Iterator[Item]:
    with open_for_reading(path) as handle:
        yield from reader.read(handle)


def read_records(
    records: Any = None,
    records_path: str | None = None,
    records_format: str | None = None,
    csv_types: Mapping[str, str] | None = None,
    limits: RecordLimits = DEFAULT_LIMITS,
    records_reader: type[RecordReader] | None = None,
) -> Iterator[Item]:
    """Items from exactly one of ``records`` and ``records_path`` (read as ``SourceOptions`` of the other arguments
    say)."""
    if (records is None) == (records_path is None):
        raise ValueError("give exactly one of records and records_path")
    if records_path is not None:
        return read_file(str(records_path), SourceOptions(records_format, dict(csv_types or {}), limits,
                                                               records_reader))
    return iter_values(records)
