"""OpenLineage: the records file read and the Docker Hub resources written, as the OpenLineage provider sees them."""

from __future__ import annotations

import json

import pytest

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

pytest.importorskip("airflow.providers.openlineage")


def test_send_operator_reports_its_input_file_and_the_paths_it_wrote(hub, run_op, tmp_path):
    path = tmp_path / "repos.jsonl"
    path.write_text("".join(json.dumps({"namespace": ns, "name": "web"}) + "\n" for ns in ("acme", "nobody")))
    op = DockerHubSendOperator(task_id="t", records_path=str(path), on_error="continue",
                               endpoint="/v2/namespaces/{{ record.namespace }}/repositories")
    run_op(op)
    lineage = op.get_openlineage_facets_on_complete(None)
    assert [(d.namespace, d.name) for d in lineage.inputs] == [("file", str(path))]
    host = hub.url.removeprefix("http://")
    assert [(d.namespace, d.name) for d in lineage.outputs] == [  # the failed write is not an output
        (f"dockerhub://{host}", "/v2/namespaces/acme/repositories")]


def test_sync_operator_reports_only_what_it_changed(hub, run_op):
    hub.add_group("acme", "ops", ["bob"])
    op = DockerHubSyncOperator(task_id="s", resource="group_members", mode="mirror",
                               records=[{"org": "acme", "group": "ops", "username": "carol"}])
    run_op(op)
    lineage = op.get_openlineage_facets_on_complete(None)
    assert lineage.inputs == []
    assert sorted(d.name for d in lineage.outputs) == ["/v2/orgs/acme/groups/ops/members",
                                                       "/v2/orgs/acme/groups/ops/members/bob"]


def test_object_storage_inputs_are_named_as_openlineage_names_files():
    from airflow_provider_dockerhub.operators.lineage import file_dataset

    assert file_dataset("s3://bucket/data/repos.jsonl") == ("s3://bucket", "data/repos.jsonl")
    assert file_dataset("/data/repos.jsonl") == ("file", "/data/repos.jsonl")
