from __future__ import annotations

from airflow_provider_dockerhub.pipeline.sinks import JsonLinesWriter
from airflow_provider_dockerhub.pipeline.storage import open_for_reading


def test_local_files_are_appended_and_folders_made(tmp_path):
    path = tmp_path / "new" / "dir" / "out.jsonl"
    for value in ({"a": 1}, {"b": 2}):
        writer = JsonLinesWriter(str(path))
        writer.write(value)
        writer.close()
    assert path.read_text() == '{"a":1}\n{"b":2}\n'


def test_uris_go_through_object_storage_both_ways(tmp_path):
    uri = f"file://{tmp_path}/responses.jsonl"
    writer = JsonLinesWriter(uri)
    writer.write({"status": 201})
    writer.close()
    with open_for_reading(uri) as handle:
        assert handle.read() == b'{"status":201}\n'
