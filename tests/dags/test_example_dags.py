"""Every example DAG runs end to end with ``dag.test()`` (SQLite metadata DB) against the emulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from airflow_provider_dockerhub.testing.dag_runner import airflow_environment, migrate_database, run_dag_file
from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.examples import (
    EXAMPLE_PASSWORD,
    example_connection,
    seed_example_repositories,
    seed_examples,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "example_dags"
DAG_IDS = sorted(p.stem for p in EXAMPLES.glob("dockerhub_*.py"))


@pytest.fixture(scope="session")
def airflow_env(tmp_path_factory) -> dict[str, str]:
    """A fresh AIRFLOW_HOME with a migrated SQLite database and the example DAGs folder."""
    env = airflow_environment(tmp_path_factory.mktemp("airflow_home"), EXAMPLES)
    migrate_database(env)
    return env


def run_example(airflow_env: dict[str, str], dag_id: str, hub: DockerHubEmulator, conf: dict, *,
                logical_date: bool = True) -> tuple[dict, str]:
    env = dict(airflow_env, AIRFLOW_CONN_DOCKERHUB_DEFAULT=example_connection(hub))
    return run_dag_file(env, EXAMPLES / f"{dag_id}.py", dag_id, conf, logical_date=logical_date)


@pytest.fixture
def hub():
    with DockerHubEmulator() as emulator:
        seed_examples(emulator)
        yield emulator


def test_every_example_is_covered():
    assert DAG_IDS == ["dockerhub_manual_configuration", "dockerhub_mapped_repositories", "dockerhub_onboard_members",
                       "dockerhub_provision_repositories", "dockerhub_repository_readmes",
                       "dockerhub_rotate_access_tokens", "dockerhub_tag_retention"]


def test_provision_repositories_converges(airflow_env, hub, tmp_path):
    result, _ = run_example(airflow_env, "dockerhub_provision_repositories", hub, {"output_dir": str(tmp_path)})
    assert result["state"] == "success"
    assert sorted(hub.summary()["repositories"]) == ["acme/api", "acme/docs", "acme/web", "acme/worker"]
    [rejects] = tmp_path.glob("repositories-rejects-*.jsonl")
    outcomes = sorted((r["location"], r["outcome"]) for r in map(json.loads, rejects.read_text().splitlines()))
    assert outcomes == [("line 4", "rejected"), ("line 6", "rejected")]  # checked before anything is sent
    assert all("team" not in r.body and "cost_center" not in r.body for r in hub.requests if r.body)
    hub.clear_requests()
    again, _ = run_example(airflow_env, "dockerhub_provision_repositories", hub, {"output_dir": str(tmp_path)},
                           logical_date=False)  # as the REST API or `airflow dags trigger` start it
    assert again["state"] == "success" and hub.writes() == []


def test_onboard_members_converges(airflow_env, hub, tmp_path):
    result, output = run_example(airflow_env, "dockerhub_onboard_members", hub, {"output_dir": str(tmp_path)})
    assert result["state"] == "success"
    assert "Plan for org_members: 3 to create" in output  # the dry run logged its plan first
    invites = {(i.invitee, i.team, i.role) for i in hub.state.invites.values()}
    assert invites == {("dana@example.com", "frontend", "member"), ("erik@example.com", "backend", "member"),
                       ("frank@example.com", "backend", "editor")}
    groups = hub.state.orgs["acme"].groups
    assert (groups["backend"].members, groups["frontend"].members) == (["bob"], ["carol"])
    [rejects] = tmp_path.glob("member-rejects-*.jsonl")
    assert [json.loads(line)["location"] for line in rejects.read_text().splitlines()] == ["records[5]"]
    hub.clear_requests()
    again, _ = run_example(airflow_env, "dockerhub_onboard_members", hub, {"output_dir": str(tmp_path)},
                           logical_date=False)
    assert again["state"] == "success" and hub.writes() == []


def test_rotate_access_tokens_captures_secrets_only_in_the_response_file(airflow_env, hub, tmp_path):
    old = set(hub.state.pats)
    result, output = run_example(airflow_env, "dockerhub_rotate_access_tokens", hub, {"output_dir": str(tmp_path)})
    assert result["state"] == "success"
    assert not old & set(hub.state.pats), "old tokens are deleted"
    assert sorted(p.token_label.split("-")[1] for p in hub.state.pats.values()) == ["deploy", "read"]
    deactivated = [r for r in hub.requests if r.method == "PATCH" and r.body == {"is_active": False}]
    assert len(deactivated) == 2
    [captured] = tmp_path.glob("new-tokens-*.jsonl")
    secrets = [json.loads(line)["response"]["token"] for line in captured.read_text().splitlines()]
    assert sorted(secrets) == sorted(p.token for p in hub.state.pats.values())
    assert all(secret not in output for secret in secrets) and EXAMPLE_PASSWORD not in output
    tokens = set(hub.state.pats)
    hub.clear_requests()
    again, _ = run_example(airflow_env, "dockerhub_rotate_access_tokens", hub, {"output_dir": str(tmp_path)},
                           logical_date=False)
    assert again["state"] == "success" and set(hub.state.pats) == tokens and hub.writes() == []


def test_manual_configuration_previews_then_sends(airflow_env, hub):
    result, output = run_example(airflow_env, "dockerhub_manual_configuration", hub, {}, logical_date=False)
    assert result["state"] == "success"
    bulk = [r for r in hub.requests if r.path == "/v2/invites/bulk"]
    assert len(bulk) == 3  # frontend x3 in batches of 2, backend x1: only the real run sends
    assert all(r.headers["X-Analytics-Client-Feature"] == "airflow-provider-dockerhub" for r in bulk)
    assert "Dry run: POST" in output
    assert len(hub.state.invites) == 4
    again, _ = run_example(airflow_env, "dockerhub_manual_configuration", hub, {})
    assert again["state"] == "success" and len(hub.state.invites) == 4  # re-inviting the same people


def test_mapped_repositories_fan_out_through_xcom(airflow_env, hub):
    result, _ = run_example(airflow_env, "dockerhub_mapped_repositories", hub, {"count": 25, "chunk_size": 10},
                            logical_date=False)
    assert result["state"] == "success"
    mapped = {k: v for k, v in result["tasks"].items() if k.startswith("create_repositories[")}
    assert mapped == {f"create_repositories[{n}]": "success" for n in range(3)}
    assert len(hub.state.repositories) == 25
    again, _ = run_example(airflow_env, "dockerhub_mapped_repositories", hub, {"count": 25, "chunk_size": 10})
    assert again["state"] == "success" and len(hub.state.repositories) == 25  # 409s end unchanged


def test_repository_readmes_follow_the_folder_and_a_rerun_writes_nothing(airflow_env, hub, tmp_path):
    seed_example_repositories(hub)
    readmes = EXAMPLES / "data" / "readmes"
    result, output = run_example(airflow_env, "dockerhub_repository_readmes", hub, {})
    assert result["state"] == "success"
    for name in ("web", "api"):
        assert hub.state.repositories[("acme", name)].full_description == (readmes / f"{name}.md").read_text()
    assert sorted(hub.writes()) == ["PATCH /v2/repositories/acme/api/", "PATCH /v2/repositories/acme/web/"]
    hub.clear_requests()
    again, output = run_example(airflow_env, "dockerhub_repository_readmes", hub, {}, logical_date=False)
    assert again["state"] == "success" and hub.writes() == []
    assert "acme/web: in line" in output
    folder = tmp_path / "readmes"  # an edited README (read through a file:// URI) is the only write
    folder.mkdir()
    (folder / "web.md").write_text("# web, new\n")
    hub.clear_requests()
    third, _ = run_example(airflow_env, "dockerhub_repository_readmes", hub, {"readme_dir": f"file://{folder}"},
                           logical_date=False)
    assert third["state"] == "success" and hub.writes() == ["PATCH /v2/repositories/acme/web/"]
    assert hub.state.repositories[("acme", "web")].full_description == "# web, new\n"


def test_tag_retention_previews_then_deletes_and_a_rerun_deletes_nothing(airflow_env, hub):
    seed_example_repositories(hub)
    result, output = run_example(airflow_env, "dockerhub_tag_retention", hub, {})
    assert result["state"] == "success"
    assert "Tag retention (dry run: planned): 10 deleted, 16 kept, 0 failed over 2 repositories" in output
    assert output.index("(dry run: planned)") < output.index("Tag retention: 10 deleted")
    gone = ["pr-101", "pr-102", "pr-103", "sha-0a1b2c", "sha-3d4e5f"]
    for name in ("web", "api"):
        assert not set(gone) & set(hub.state.repositories[("acme", name)].tags)
        assert len(hub.state.repositories[("acme", name)].tags) == 8
    assert len(hub.writes()) == 10
    hub.clear_requests()
    again, _ = run_example(airflow_env, "dockerhub_tag_retention", hub, {}, logical_date=False)
    assert again["state"] == "success" and hub.writes() == []
