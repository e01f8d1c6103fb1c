"""The "Docker Hub" extra link: registered with Airflow, pointing to the organization or repository a task wrote to."""

from __future__ import annotations

from airflow_provider_dockerhub.get_provider_info import get_provider_info
from airflow_provider_dockerhub.operators.endpoints import DockerHubCreateGroupOperator
from airflow_provider_dockerhub.operators.links import DockerHubLink, hub_page
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.testing.tasks import run_task


def test_the_docker_hub_link_is_registered_and_points_where_the_task_wrote(hub):
    assert get_provider_info()["extra-links"] == ["airflow_provider_dockerhub.operators.links.DockerHubLink"]
    op = DockerHubSendOperator(task_id="t", records=[{"namespace": "acme", "name": "web"}],
                               endpoint="/v2/namespaces/{{ record.namespace }}/repositories")
    assert any(isinstance(link, DockerHubLink) for link in op.operator_extra_links)
    assert DockerHubLink().get_link(op, ti_key=None) == ""  # nothing written yet
    run_task(op)
    assert DockerHubLink().get_link(op, ti_key=None) == "https://hub.docker.com/orgs/acme"


def test_the_link_of_one_repository_one_org_or_several():  # catalogue row W1
    assert hub_page(["/v2/repositories/acme/web/groups"]) == "https://hub.docker.com/r/acme/web"
    assert hub_page(["/v2/orgs/acme/groups", "/v2/orgs/acme/members/bob"]) == "https://hub.docker.com/orgs/acme"
    assert hub_page(["/v2/repositories/acme/web/groups", "/v2/namespaces/acme/repositories"]) == \
        "https://hub.docker.com/orgs/acme"
    assert hub_page(["/v2/orgs/acme/groups", "/v2/orgs/other/groups"]) is None
    assert hub_page(["/v2/access-tokens"]) is None and hub_page([]) is None


def test_airflow_finds_the_link_class_the_provider_registers():
    from airflow.providers_manager import ProvidersManager

    assert "airflow_provider_dockerhub.operators.links.DockerHubLink" in ProvidersManager().extra_links_class_names
    assert any(isinstance(link, DockerHubLink) for link in DockerHubCreateGroupOperator.operator_extra_links)


def test_a_sync_task_gets_the_link_too(hub):
    from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator

    op = DockerHubSyncOperator(task_id="s", resource="repositories",
                               records=[{"namespace": "acme", "name": "web", "description": "x"}])
    run_task(op)
    assert DockerHubLink().get_link(op, ti_key=None) == "https://hub.docker.com/orgs/acme"
