"""Operator parameters: wrong values stop DAG parsing with a message naming the parameter and the allowed
values; templated ones are converted and checked the same way right after rendering."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateRepositoryOperator
from airflow_provider_dockerhub.operators.params import check_parameters, choice, to_bool, to_int
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.sync.guard import DeleteLimit
from airflow_provider_dockerhub.testing.tasks import run_task

REPOS = "/v2/namespaces/{{ record.namespace }}/repositories"
RECORDS = [{"namespace": "acme", "name": "r1", "is_private": True}]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"on_error": "contine"}, "on_error must be one of 'fail', 'fail_fast', 'continue', got 'contine'"),
    ({"method": "GETT"}, "method must be one of 'POST', 'PUT', 'PATCH', 'DELETE' (any case), got 'GETT'"),
    ({"batching": True, "grouping": "bysize"}, "grouping must be one of 'sequential', 'by_attributes', 'by_size'"),
    ({"push_responses": "everything"}, "push_responses must be one of 'none', 'failed', 'all', got 'everything'"),
    ({"batching": True, "batch_size": 0}, "batch_size must be a whole number >= 1"),
    ({"batch_size": 2.5}, "batch_size must be a whole number >= 1 (an int such as 5, or the text '5'), got 2.5"),
    ({"dry_run": "yes"}, "dry_run must be True or False (or the text 'true' or 'false'), got 'yes'"),
    ({"dry_run": 1}, "dry_run must be True or False"),
    ({"if_exists": "ignore"}, "if_exists must be one of 'skip', 'fail'"),
    ({"max_concurrency": "0"}, "max_concurrency must be a whole number >= 1"),
    ({"records_format": "xml"}, "records_format must be one of"),
    ({"csv_types": {"a": "date"}}, "csv_types must map CSV column names to one of"),
    ({"response_webhook_url": "http://hooks.example.com/x"}, "plain http:// to hooks.example.com"),
    ({"response_webhook_url": "ftp://127.0.0.1/x"}, "must be an http:// or https:// URL"),
])
def test_typos_fail_when_the_dag_is_parsed(kwargs, message):
    with pytest.raises(ValueError) as err:
        DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, **kwargs)
    assert message in str(err.value) and "DockerHubSendOperator('t')" in str(err.value)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"on_error": "contine"}, "on_error must be one of"),
    ({"push_responses": "everything"}, "push_responses must be one of"),
    ({"dry_run": "false "}, None),
    ({"max_concurrency": "4"}, None),
])
def test_endpoint_operators_check_the_same_way(kwargs, message):
    if message is None:
        op = DockerHubCreateRepositoryOperator(task_id="t", records=RECORDS, **kwargs)
        assert op.dry_run is False or op.max_concurrency == 4
        return
    with pytest.raises(ValueError, match=message):
        DockerHubCreateRepositoryOperator(task_id="t", records=RECORDS, **kwargs)


def test_templated_values_wait_for_rendering_then_get_the_same_message(hub):
    op = DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, on_error="{{ params.on_error }}",
                               dry_run="{{ params.dry_run }}")
    with pytest.raises(ValueError, match="on_error must be one of 'fail', 'fail_fast', 'continue', got 'contine'"):
        run_task(op, params={"on_error": "contine", "dry_run": "false"})
    assert hub.requests == []


def test_rendered_text_is_converted(hub):
    op = DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, on_error="{{ params.on_error }}",
                               dry_run="{{ params.dry_run }}")
    ti = run_task(op, params={"on_error": "continue", "dry_run": "false"})
    assert op.dry_run is False and op.on_error == "continue"
    assert ti.return_value["succeeded"] == 1 and "r1" in {r.name for r in hub.state.repositories.values()}
    op = DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, dry_run="{{ params.dry_run }}")
    assert run_task(op, params={"dry_run": "True"}).return_value["dry_run"] is True


def test_dry_run_false_text_is_a_real_run(hub):
    ti = run_task(DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, dry_run="false"))
    assert ti.return_value["dry_run"] is False and ti.return_value["succeeded"] == 1


def test_on_error_and_dry_run_are_templated():
    assert {"on_error", "dry_run"} <= set(DockerHubSendOperator.template_fields)
    assert {"on_error", "dry_run"} <= set(DockerHubCreateRepositoryOperator.template_fields)


def test_converters():
    assert to_bool("TRUE", "x") is True and to_bool(" false", "x") is False and to_bool(False, "x") is False
    assert to_int("7", "n") == 7 and to_int(3, "n", minimum=0) == 3
    for bad in (True, 1.0, "1.5", "", None):
        with pytest.raises(ValueError, match="n must be a whole number"):
            to_int(bad, "n")
    assert choice("post", "method", ("POST",), ignore_case=True) == "POST"
    with pytest.raises(ValueError, match=r"mode must be one of 'create', 'upsert', got 'mirorr'"):
        choice("mirorr", "mode", ("create", "upsert"))


def test_check_parameters_takes_the_delete_guard_parser():
    class Op:
        template_fields = ("max_deletes",)
        task_id = "sync"

        def __init__(self, value):
            self.max_deletes = value

    parsed = Op("{{ params.limit }}")
    check_parameters(parsed, {"max_deletes": DeleteLimit.parse}, rendered=False)
    assert parsed.max_deletes == "{{ params.limit }}"
    with pytest.raises(ValueError, match=r"Op\('sync'\): max_deletes must be a whole count"):
        check_parameters(Op(1.0), {"max_deletes": DeleteLimit.parse}, rendered=False)
    rendered = Op("20%")
    check_parameters(rendered, {"max_deletes": DeleteLimit.parse}, rendered=True)
    assert rendered.max_deletes == DeleteLimit(percent=20.0)


def test_an_xcom_arg_in_a_templated_parameter_waits_for_rendering():
    from airflow.sdk import DAG, task

    with DAG(dag_id="d", schedule=None):
        @task
        def policy() -> str:
            return "continue"

        op = DockerHubSendOperator(task_id="t", records=RECORDS, endpoint=REPOS, on_error=policy())
    assert op.on_error is not None and not isinstance(op.on_error, str)


def test_a_reader_class_as_records_reader_reads_the_file_when_the_task_runs(hub, tmp_path):
    """A DAG author's own format: the class is taken when the DAG is parsed and reads the file at run time."""
    from airflow_provider_dockerhub.pipeline.items import Item
    from airflow_provider_dockerhub.pipeline.sources import RecordReader

    class NamesReader(RecordReader):
        format, extensions = "names", (".names",)

        def read(self, handle):
            for number, line in enumerate(handle, 1):
                yield Item(number - 1, {"namespace": "acme", "name": line.decode().strip()}, f"line {number}")

    (tmp_path / "repos.txt").write_text("web\napi\n")
    with pytest.raises(ValueError, match="records_reader must be a subclass of pipeline.sources.RecordReader"):
        DockerHubCreateRepositoryOperator(task_id="t", records_path="x.names", records_reader="names")
    op = DockerHubCreateRepositoryOperator(task_id="t", records_path=str(tmp_path / "repos.txt"),
                                           records_reader=NamesReader, records_format="csv")  # the reader wins
    assert run_task(op).return_value["succeeded"] == 2
    assert {"web", "api"} <= {name for (_, name) in hub.state.repositories}


def test_endpoint_preset_takes_a_preset_of_the_dag_authors_own(hub):
    """A preset object (not only a shipped one's name): its checks reject a record before any call."""
    from airflow_provider_dockerhub.presets.endpoint import EndpointPreset

    describe_group = EndpointPreset(
        "describe_group", "PATCH", "/v2/orgs/{org_name}/groups/{group_name}", "Set a group's description.",
        path_attributes={"org_name": "org", "group_name": "group"}, required=("description",),
        body_fields=("description",))
    op = DockerHubSendOperator(task_id="t", endpoint_preset=describe_group, on_error="continue",
                               records=[{"org": "acme", "group": "devs", "description": "Developers"},
                                        {"org": "acme", "group": "devs"}])
    result = run_task(op).return_value
    assert (result["succeeded"], result["rejected"]) == (1, 1)
    assert "missing required attribute 'description' for describe_group" in str(result["first_failures"])
    assert [(r.method, r.path, r.body) for r in hub.requests if r.method != "POST"] == [
        ("PATCH", "/v2/orgs/acme/groups/devs", {"description": "Developers"})]
    with pytest.raises(ValueError, match="endpoint_preset must be one of 'create_group'"):
        DockerHubSendOperator(task_id="t", endpoint_preset="describe_group", records=[])
