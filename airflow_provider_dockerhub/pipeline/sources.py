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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

import ijson

from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.storage import open_for_reading

FORMATS = ("json", "jsonl", "csv")
_EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _to_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes", "y", "t"):
        return True
    if lowered in ("false", "0", "no", "n", "f", ""):
        return False
    raise ValueError(f"{text!r} is not a boolean")


#: Converters for CSV columns named in ``csv_types``; every other CSV value stays a string.
CSV_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _to_bool,
    "json": json.loads,
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


def _jsonl(handle: IO[bytes]) -> Iterator[Item]:
    index = 0
    for line_number, line in enumerate(handle, start=1):
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        location = f"line {line_number}"
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield Item(index, None, location, f"invalid JSON ({exc})")
        else:
            item = _item(index, value, location)
            if item.error is None:
                item.encoded = line.strip()  # valid JSON already: sent as is unless attributes are excluded
            yield item
        index += 1


def _json_array(handle: IO[bytes]) -> Iterator[Item]:
    index = 0
    try:
        for value in ijson.items(handle, "item", use_float=True):
            yield _item(index, value, f"item {index}")
            index += 1
    except ijson.JSONError as exc:
        location = f"item {index}"
        yield Item(index, None, location, f"invalid JSON, reading stopped here ({exc})")


def _csv(handle: IO[bytes], csv_types: Mapping[str, str]) -> Iterator[Item]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    header = next(reader, None)
    if header is None:
        return
    unknown = sorted(set(csv_types) - set(header))
    if unknown:
        raise ValueError(f"csv_types names column(s) {unknown} that the CSV header {header} does not have")
    converters = {column: CSV_CONVERTERS[kind] for column, kind in csv_types.items()}
    for index, row in enumerate(reader):
        location = f"line {reader.line_num}"
        if len(row) != len(header):
            yield Item(index, None, location, f"{len(row)} values for {len(header)} columns")
            continue
        record: dict[str, Any] = dict(zip(header, row, strict=True))
        try:
            for column, convert in converters.items():
                record[column] = convert(record[column])
        except ValueError as exc:
            yield Item(index, None, location, f"column {column!r}: {exc}")
            continue
        yield Item(index, record, location)


def iter_file(path: str, records_format: str | None = None, csv_types: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Items streamed from a local file or any URI ``ObjectStoragePath`` understands (settings checked now)."""
    fmt = guess_format(path, records_format)
    csv_types = dict(csv_types or {})
    bad = {c: k for c, k in csv_types.items() if k not in CSV_CONVERTERS}
    if bad:
        raise ValueError(f"csv_types values must be one of {sorted(CSV_CONVERTERS)}, got {bad}")
    return _stream_file(path, fmt, csv_types)


def _stream_file(path: str, fmt: str, csv_types: dict[str, str]) -> Iterator[Item]:
    with open_for_reading(path) as handle:
        if fmt == "jsonl":
            yield from _jsonl(handle)
        elif fmt == "json":
            yield from _json_array(handle)
        else:
            yield from _csv(handle, csv_types)


def read_records(
    records: Any = None,
    records_path: str | None = None,
    records_format: str | None = None,
    csv_types: Mapping[str, str] | None = None,
) -> Iterator[Item]:
    """Items from exactly one of ``records`` and ``records_path``."""
    if (records is None) == (records_path is None):
        raise ValueError("give exactly one of records and records_path")
    if records_path is not None:
        return iter_file(str(records_path), records_format, csv_types)
    return iter_values(records)
