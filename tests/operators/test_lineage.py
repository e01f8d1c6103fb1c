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


def test_the_openlineage_provider_extracts_our_lineage_on_success(hub, run_op, tmp_path):
    """The provider's own extractor manager (what its listener calls) finds and reports the operator's lineage."""
    from types import SimpleNamespace

    from airflow.providers.openlineage.extractors.manager import ExtractorManager
    from airflow.utils.state import TaskInstanceState

    path = tmp_path / "repos.jsonl"
    path.write_text(json.dumps({"namespace": "acme", "name": "api"}) + "\n")
    op = DockerHubSendOperator(task_id="t", records_path=str(path),
                               endpoint="/v2/namespaces/{{ record.namespace }}/repositories")
    run_op(op)
    ti = SimpleNamespace(dag_id="d", task_id="t", run_id="r", try_number=1, map_index=-1)
    lineage = ExtractorManager().extract_metadata(dagrun=SimpleNamespace(dag_id="d", run_id="r"), task=op,
                                                  task_instance_state=TaskInstanceState.SUCCESS, task_instance=ti)
    assert [(d.namespace, d.name) for d in lineage.inputs] == [("file", str(path))]
    assert [d.name for d in lineage.outputs] == ["/v2/namespaces/acme/repositories"]
