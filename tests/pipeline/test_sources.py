from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub.pipeline.decode import RecordLimits
from airflow_provider_dockerhub.pipeline.sources import guess_format, read_records


def _summary(items):
    return [(i.index, i.location, i.record, i.error) for i in items]


def test_list_of_dicts_and_non_objects_become_rejected_items():
    items = list(read_records([{"a": 1}, "text", {"b": 2}]))
    assert [i.record for i in items] == [{"a": 1}, None, {"b": 2}]
    assert items[1].error == "expected a JSON object, got str"
    assert [i.index for i in items] == [0, 1, 2]


def test_json_string_and_python_literal_string():
    assert [i.record for i in read_records('[{"a": 1}]')] == [{"a": 1}]
    assert [i.record for i in read_records("[{'a': 1, 'b': None}]")] == [{"a": 1, "b": None}]
    with pytest.raises(ValueError, match="neither JSON nor a Python literal"):
        list(read_records("not json"))


def test_records_must_be_a_list():
    with pytest.raises(TypeError, match="must be a list"):
        list(read_records({"a": 1}))


def test_exactly_one_input():
    with pytest.raises(ValueError, match="exactly one"):
        read_records([{"a": 1}], "x.jsonl")
    with pytest.raises(ValueError, match="exactly one"):
        read_records()


def test_jsonl_with_broken_line_and_blank_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"a": 1}\n{"a": 2\n\n[1, 2]\n{"a": 3}\n')
    items = list(read_records(records_path=str(path)))
    assert [(i.index, i.location, i.record) for i in items] == [
        (0, "line 1", {"a": 1}), (1, "line 2", None), (2, "line 4", None), (3, "line 5", {"a": 3})]
    assert items[1].error.startswith("invalid JSON")
    assert items[2].error == "expected a JSON object, got list"


def test_json_array_streamed_with_a_non_object(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps([{"a": 1.5}, 7, {"b": [1]}]))
    items = list(read_records(records_path=str(path)))
    assert [i.record for i in items] == [{"a": 1.5}, None, {"b": [1]}]
    assert isinstance(items[0].record["a"], float)
    assert items[1].error == "expected a JSON object, got int"


def test_broken_json_array_stops_reading_where_it_breaks(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('[{"a": 1}, {"a": 2}, {"a": ]')
    items = read_records(records_path=str(path))
    assert [next(items).record, next(items).record] == [{"a": 1}, {"a": 2}]
    with pytest.raises(ValueError, match="invalid JSON at item 2, nothing after it can be read"):
        next(items)


@pytest.mark.parametrize(("text", "found"), [('{"a": 1}', "a JSON object"), ('"x"', "a string"), ("", "empty")])
def test_json_file_whose_top_level_is_not_an_array_is_an_error(tmp_path, text, found):
    path = tmp_path / "r.json"
    path.write_text(text)
    with pytest.raises(ValueError, match=found):
        list(read_records(records_path=str(path)))


LIMITS = RecordLimits(max_record_bytes=200, max_depth=5)


@pytest.mark.parametrize("suffix", ["jsonl", "json"])
def test_deep_and_large_records_are_rejected_and_reading_goes_on(tmp_path, suffix):
    deep = "[" * 50 + "]" * 50
    large = json.dumps({"a": "x" * 500})
    wide = json.dumps({"a": [[1], [2], [3], [4], [5], [6]]})  # many brackets, shallow: fine
    records = ['{"n": 1}', '{"d": ' + deep + "}", large, wide, '{"n": 2}']
    path = tmp_path / f"r.{suffix}"
    path.write_text("\n".join(records) if suffix == "jsonl" else "[" + ",".join(records) + "]")
    items = list(read_records(records_path=str(path), limits=LIMITS))
    assert [i.record for i in items] == [{"n": 1}, None, None, json.loads(wide), {"n": 2}]
    assert "max_depth (5)" in items[1].error and "max_record_bytes" in items[2].error


@pytest.mark.parametrize("suffix", ["jsonl", "json"])
def test_a_200_kb_deeply_nested_file_stays_small(tmp_path, suffix):
    import resource

    path = tmp_path / f"bomb.{suffix}"
    bomb = '{"d": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(f'{bomb}\n{{"ok": 1}}\n' if suffix == "jsonl" else f'[{bomb},{{"ok": 1}}]')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_records(records_path=str(path)))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [i.record for i in items] == [None, {"ok": 1}] and "max_depth" in items[0].error
    assert grown_mb < 100


def test_jsonl_bom_nan_surrogates_and_bad_utf8(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"n": 1}\n{"n": NaN}\n{"n": Infinity}\n{"s": "\\ud800"}\n'
                     b'{"s": "\\ud83d\\ude00"}\n{"s": "\xff"}\n')
    items = list(read_records(records_path=str(path)))
    assert items[0].record == {"n": 1} and items[0].encoded == b'{"n": 1}'  # the BOM is not part of the record
    assert "NaN is not valid JSON" in items[1].error and "Infinity is not valid JSON" in items[2].error
    assert "lone surrogate" in items[3].error
    assert items[4].record == {"s": "\U0001F600"}  # a proper pair is fine
    assert items[5].error == "not valid UTF-8 (byte 0xff at offset 7)"


def test_jsonl_line_over_the_limit_is_rejected_without_reading_it_whole(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"n": 1}\n{"big": "' + "x" * 5000 + '"}\n{"n": 2}\n')
    items = list(read_records(records_path=str(path), limits=LIMITS))
    assert [(i.location, i.record) for i in items] == [("line 1", {"n": 1}), ("line 2", None), ("line 3", {"n": 2})]
    assert "max_record_bytes" in items[1].error


def test_csv_bad_utf8_long_lines_and_broken_rows_are_rejected_by_line(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"name,description\nweb,ok\napi,caf\xe9\nlong," + b"x" * 500 + b"\ndb,fine\n")
    items = list(read_records(records_path=str(path), limits=LIMITS))
    assert [(i.location, i.record) for i in items] == [
        ("line 2", {"name": "web", "description": "ok"}), ("line 3", None), ("line 4", None),
        ("line 5", {"name": "db", "description": "fine"})]
    assert items[1].error == "column 'description' is not valid UTF-8"
    assert "max_record_bytes" in items[2].error


def test_csv_json_column_refuses_nan(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('name,meta\na,"{""x"": NaN}"\nb,"{""x"": 1}"\n')
    items = list(read_records(records_path=str(path), csv_types={"meta": "json"}))
    assert "NaN" in items[0].error and items[1].record == {"name": "b", "meta": {"x": 1}}


def test_csv_with_quoted_commas_wrong_rows_and_types(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('name,description,private,stars\n'
                    'web,"A repo, with commas",true,3\n'
                    'api,short\n'
                    'db,"multi\nline",false,x\n'
                    'ui,,no,0\n')
    items = list(read_records(records_path=str(path), csv_types={"private": "bool", "stars": "int"}))
    assert items[0].record == {"name": "web", "description": "A repo, with commas", "private": True, "stars": 3}
    assert items[1].error == "2 values for 4 columns"
    assert items[2].error.startswith("column 'stars'")
    assert items[3].record == {"name": "ui", "description": "", "private": False, "stars": 0}


def test_csv_values_stay_strings_without_csv_types(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,true\n")
    assert [i.record for i in read_records(records_path=str(path))] == [{"a": "1", "b": "true"}]


def test_csv_types_must_name_header_columns(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a\n1\n")
    with pytest.raises(ValueError, match="does not have"):
        list(read_records(records_path=str(path), csv_types={"zz": "int"}))


def test_format_from_extension_or_override(tmp_path):
    assert guess_format("s3://b/x.NDJSON") == "jsonl"
    assert guess_format("x.data", "ndjson") == "jsonl"
    with pytest.raises(ValueError, match="records_format"):
        guess_format("x.data")
    path = tmp_path / "records.txt"
    path.write_text('{"a": 1}\n')
    assert [i.record for i in read_records(records_path=str(path), records_format="jsonl")] == [{"a": 1}]


def test_object_storage_uri(tmp_path, monkeypatch):
    from airflow_provider_dockerhub._compat import ObjectStoragePath

    opened = []
    original = ObjectStoragePath.open
    monkeypatch.setattr(ObjectStoragePath, "open", lambda self, *a, **k: opened.append(str(self)) or original(self, *a, **k))
    (tmp_path / "records.jsonl").write_bytes(b'{"a": 1}\n{"a": 2}\n')
    uri = f"file://{tmp_path}/records.jsonl"
    assert [i.record for i in read_records(records_path=uri)] == [{"a": 1}, {"a": 2}]
    assert opened == [uri]


def test_file_is_read_lazily(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"a": 1}\n' + "broken\n" * 10)
    stream = read_records(records_path=str(path))
    first = next(iter(stream))
    assert first.record == {"a": 1}


def test_csv_with_a_repeated_header_is_an_input_error_naming_the_column(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("name,email,name\nweb,a@example.com,api\n")
    with pytest.raises(ValueError, match=r"names column\(s\) \['name'\] more than once"):
        list(read_records(records_path=str(path)))


def test_a_reader_class_of_the_dag_authors_own_reads_a_format_the_provider_does_not_ship(tmp_path):
    from airflow_provider_dockerhub.pipeline.items import Item
    from airflow_provider_dockerhub.pipeline.sources import RecordReader

    class NamesReader(RecordReader):
        """One repository name per line."""

        format = "names"
        extensions = (".names",)

        def read(self, handle):
            for number, line in enumerate(handle, 1):
                yield Item(number - 1, {"name": line.decode().strip()}, f"line {number}")

    (tmp_path / "repos.txt").write_text("web\napi\n")
    items = list(read_records(records_path=str(tmp_path / "repos.txt"), records_reader=NamesReader))
    assert [(i.record, i.location) for i in items] == [({"name": "web"}, "line 1"), ({"name": "api"}, "line 2")]
    with pytest.raises(ValueError, match="records_reader must be a RecordReader subclass, got <class 'dict'>"):
        list(read_records(records_path=str(tmp_path / "repos.txt"), records_reader=dict))


def test_source_options_are_checked_before_the_file_is_opened(tmp_path):
    from airflow_provider_dockerhub.pipeline.sources import JsonLinesReader, SourceOptions, read_file

    assert isinstance(SourceOptions(format="ndjson").reader_for("x.csv"), JsonLinesReader)
    assert guess_format("x.NDJSON") == "jsonl"
    with pytest.raises(ValueError, match=r"records_format must be one of \('json', 'jsonl', 'csv'\), got 'xml'"):
        read_file(str(tmp_path / "missing.xml"), SourceOptions(format="xml"))
    with pytest.raises(ValueError, match="csv_types values must be one of"):
        read_file(str(tmp_path / "missing.csv"), SourceOptions(csv_types={"a": "date"}))


def test_an_object_storage_uri_is_read_without_airflow(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "airflow.sdk", None)  # as if Airflow were not installed
    (tmp_path / "records.jsonl").write_bytes(b'{"a": 1}\n')
    assert [i.record for i in read_records(records_path=f"file://{tmp_path}/records.jsonl")] == [{"a": 1}]
