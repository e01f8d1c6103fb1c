"""The emulator CLI seeds a whole Hub from a JSON or YAML file: users, tokens, orgs with members, groups and
org tokens, repositories; a wrong file is refused naming the entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
import requests

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.seed import load_seed_file, seed_hub

YAML = """
users:
  - {username: alice, password: alice-password-1, full_name: Alice Admin}
  - {username: dave}
tokens:
  - {username: alice, token: dckr_pat_seeded_alice_1, scopes: ["repo:admin"], label: ci}
orgs:
  - name: acme
    owners: [alice]
    members: {bob: member, carol: editor}
    groups:
      - {name: devs, members: [bob, carol]}
      - {name: ops}
    access_tokens:
      - {token: dckr_oat_seeded_acme_1, label: automation}
    scim_token: acme-scim-token
repositories:
  - {namespace: acme, name: web, is_private: true, description: the web app}
  - {namespace: acme, name: api}
"""


def test_a_yaml_file_seeds_every_kind(tmp_path):
    path = tmp_path / "hub.yaml"
    path.write_text(YAML)
    with DockerHubEmulator() as hub:
        seed_hub(hub, load_seed_file(path))
        state = hub.state
        assert {"alice", "bob", "carol", "dave"} <= set(state.users)
        assert state.orgs["acme"].members == {"alice": "owner", "bob": "member", "carol": "editor"}
        assert state.orgs["acme"].groups["devs"].members == ["bob", "carol"] and "ops" in state.orgs["acme"].groups
        assert [t.token for t in state.orgs["acme"].access_tokens.values()] == ["dckr_oat_seeded_acme_1"]
        assert [p.token for p in state.pats.values()] == ["dckr_pat_seeded_alice_1"]
        assert state.repositories[("acme", "web")].is_private and ("acme", "api") in state.repositories
        assert state.scim_tokens["acme-scim-token"] == "acme"


def test_the_same_document_as_json(tmp_path):
    import yaml

    path = tmp_path / "hub.json"
    path.write_text(json.dumps(yaml.safe_load(YAML)))
    with DockerHubEmulator() as hub:
        seed_hub(hub, load_seed_file(path))
        assert len(hub.state.repositories) == 2


@pytest.mark.parametrize(("document", "message"), [
    ({"orgs": [{"name": "acme", "groups": [{"members": ["bob"]}]}]}, r"orgs\[0\]\.groups\[0\]: missing 'name'"),
    ({"repositories": [{"namespace": "acme", "name": "x", "private": True}]},
     r"repositories\[0\]: unknown key\(s\) \[.private.\]"),
    ({"teams": []}, r"unknown seed key\(s\) \['teams'\]"),
    ({"users": {"alice": {}}}, "users must be a list"),
])
def test_a_wrong_document_names_the_entry(document, message):
    with DockerHubEmulator() as hub, pytest.raises(ValueError, match=message):
        seed_hub(hub, document)


@pytest.mark.timeout(60)
def test_the_cli_serves_the_seeded_hub(tmp_path):
    import socket

    path = tmp_path / "hub.yaml"
    path.write_text(YAML)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "airflow_provider_dockerhub.testing.emulator", "--port", str(port),
                             "--seed-file", str(path)], stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        assert "listening on" in proc.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        token = requests.post(f"{url}/v2/auth/token", json={"identifier": "alice", "secret": "alice-password-1"},
                              timeout=10).json()["access_token"]
        groups = requests.get(f"{url}/v2/orgs/acme/groups", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert {g["name"] for g in groups.json()["results"]} == {"devs", "ops"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    bad = tmp_path / "bad.json"
    bad.write_text('{"orgs": [{"owners": ["alice"]}]}')
    started = time.monotonic()
    failed = subprocess.run([sys.executable, "-m", "airflow_provider_dockerhub.testing", "--port", "0",
                             "--seed-file", str(bad)], capture_output=True, text=True, timeout=60)
    assert failed.returncode == 2 and "orgs[0]: missing 'name'" in failed.stderr and time.monotonic() - started < 60
