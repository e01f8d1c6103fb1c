from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from decimal import Decimal

import pytest

from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.shape import Shaper, encode_json, exclude, parse_paths


def test_exclude_top_level_and_nested_without_touching_the_original():
    record = {"name": "r", "owner": {"email": "e", "id": 1}, "secret": "s"}
    shaped = exclude(record, parse_paths(["secret", "owner.email", "absent", "owner.absent.deeper"]))
    assert shaped == {"name": "r", "owner": {"id": 1}}
    assert record == {"name": "r", "owner": {"email": "e", "id": 1}, "secret": "s"}


def test_exclude_accepts_a_comma_string_and_refuses_empty_parts():
    assert parse_paths("a, b.c") == [("a",), ("b", "c")]
    with pytest.raises(ValueError, match="empty part"):
        parse_paths(["a..b"])


class Color(enum.Enum):
    RED = "red"


def test_json_conversion_of_common_python_values():
    value = {"when": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc), "day": dt.date(2026, 1, 2),
             "whole": Decimal("3"), "part": Decimal("2.5"), "id": uuid.UUID(int=1), "tags": {"b", "a"},
             "raw": b"\x00\x01", "color": Color.RED, "text": "é"}
    assert json.loads(encode_json(value)) == {
        "when": "2026-01-02T03:04:05+00:00", "day": "2026-01-02", "whole": 3, "part": 2.5,
        "id": "00000000-0000-0000-0000-000000000001", "tags": ["a", "b"], "raw": "AAE=", "color": "red", "text": "é"}


def test_unencodable_record_gets_an_error_naming_the_type():
    item = Shaper().shape(Item(4, {"x": object()}, "line 5"))
    assert item.error == "a value of type object cannot be sent as JSON"


def test_shaper_sets_payload_and_encodes_once():
    item = Shaper(["b"]).shape(Item(0, {"a": 1, "b": 2}, "records[0]"))
    assert item.payload == {"a": 1} and item.encoded == b'{"a":1}' and item.error is None


def test_exclude_reaches_into_lists():
    record = {"name": "devs", "owners": [{"user": "bob", "email": "b@example.com"}, {"user": "eve"}, "carol"],
              "meta": {"contacts": [{"email": "x@example.com", "role": "a"}]}}
    shaped = exclude(record, parse_paths("owners.email,meta.contacts.email"))
    assert shaped["owners"] == [{"user": "bob"}, {"user": "eve"}, "carol"]
    assert shaped["meta"]["contacts"] == [{"role": "a"}]
    assert record["owners"][0]["email"] == "b@example.com"  # the original is not changed
