"""Parsing the dockerhub connection (hooks/settings.py)."""

from __future__ import annotations

import pytest

from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from tests.helpers import SECRET


def test_settings_repr_hides_secret(hook):
    assert SECRET not in repr(hook.settings)

def test_unknown_extra_is_a_clear_error(hub_conn):
    hook = DockerHubHook(hub_conn(timout=5))
    with pytest.raises(ValueError, match="unknown extra field.*timout"):
        _ = hook.settings

def test_host_without_scheme_and_default_host(hub_conn):
    assert DockerHubHook(hub_conn("a", host="hub.docker.com")).settings.base_url == "https://hub.docker.com"
    assert DockerHubHook(hub_conn("b", host=None)).settings.base_url == "https://hub.docker.com"

def test_environment_proxies_are_resolved_once_for_the_hub_origin(hub_conn, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = DockerHubHook(hub_conn()).session
    assert session.proxies.get("https") == "http://proxy.internal:3128"
    assert session.trust_env is False  # not looked up again on every request
    monkeypatch.setenv("NO_PROXY", "hub.example.test")
    assert "https" not in DockerHubHook(hub_conn("other")).session.proxies

def test_connection_extra_proxies_win_over_the_environment(hub_conn, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://env-proxy:3128")
    hook = DockerHubHook(hub_conn(proxies='{"https": "http://extra-proxy:8080"}'))
    assert hook.session.proxies["https"] == "http://extra-proxy:8080"
