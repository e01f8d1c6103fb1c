"""Connections that cannot leak: no password in the host, no credential but the bearer token on the wire."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.exceptions import DockerHubRequestError
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.operators.lineage import WrittenResources, file_dataset, operator_lineage
from tests.helpers import SECRET, make_jwt
from tests.hostile_server import HostileServer, exchange_then

pytestmark = pytest.mark.timeout(30)
HOST_PASSWORD = "h0st-pa55word-xyz"


@pytest.mark.parametrize("host", [f"https://bob:{HOST_PASSWORD}@hub.example.test",
                                  f"bob:{HOST_PASSWORD}@hub.example.test:8443"])
def test_a_host_with_user_info_is_refused_without_showing_the_password(hub_conn, host):
    hook = DockerHubHook(hub_conn(host=host))
    with pytest.raises(ValueError, match=r"contains user info") as err:
        hook.prepare()
    assert HOST_PASSWORD not in str(err.value) and "bob" not in str(err.value)
    assert "hub.example.test" in str(err.value)


def test_an_unknown_extra_error_does_not_show_a_password_in_the_host(hub_conn):
    hook = DockerHubHook(hub_conn(host="https://hub.example.test/api", timout=5))
    with pytest.raises(ValueError, match="unknown extra") as err:
        hook.prepare()
    assert "https://hub.example.test" in str(err.value)


@pytest.mark.parametrize("secret", [f"{SECRET}\n", f"{SECRET}\r\nX-Evil: 1", f"\0{SECRET}", f"{SECRET}\t"])
def test_a_secret_with_control_characters_is_refused_when_the_connection_is_read(hub_conn, secret):
    with pytest.raises(ValueError, match=r"the password of the dockerhub connection .* contains a control "
                                         r"character") as err:
        DockerHubHook(hub_conn(password=secret)).prepare()
    assert SECRET not in str(err.value)


def test_a_url_with_user_info_is_never_called(hook):
    with pytest.raises(DockerHubRequestError, match="user info on hub.example.test") as err:
        hook.url_for(f"https://bob:{HOST_PASSWORD}@hub.example.test/v2/repositories")
    assert HOST_PASSWORD not in str(err.value)


def test_no_request_carries_a_credential_but_the_bearer_token(hub_conn, tmp_path, monkeypatch):
    # a ~/.netrc entry for the host would make requests send Basic auth if the environment were trusted
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login netrc-user password {HOST_PASSWORD}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(netrc))
    token = make_jwt()
    with HostileServer(exchange_then(token, 201)) as server:
        hook = DockerHubHook(hub_conn("leak", host=server.url))
        hook.request("POST", "/v2/repositories", json={"name": "web"})
        hook.request("GET", "/v2/repositories")
    exchange, *calls = server.requests
    assert "Authorization" not in exchange.headers
    assert [call.headers["Authorization"] for call in calls] == [f"Bearer {token}"] * 2


def test_lineage_names_the_host_without_user_info():
    pytest.importorskip("airflow.providers.openlineage")
    written = WrittenResources()
    written.paths["/v2/repositories"] = None
    lineage = operator_lineage(None, f"https://bob:{HOST_PASSWORD}@hub.example.test:8443", written)
    assert [d.namespace for d in lineage.outputs] == ["dockerhub://hub.example.test:8443"]
    assert file_dataset(f"s3://key:{HOST_PASSWORD}@bucket/records.jsonl") == ("s3://bucket", "records.jsonl")
