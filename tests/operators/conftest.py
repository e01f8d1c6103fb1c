from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from tests.helpers import PASSWORD, FakeTaskInstance


@pytest.fixture
def hub(dockerhub_emulator: DockerHubEmulator, dockerhub_connection) -> DockerHubEmulator:
    """The shipped fixtures: an emulator where alice (password) owns org acme with members bob and carol
    and group devs, and ``dockerhub_default`` pointing at it."""
    dockerhub_emulator.add_user("alice", password=PASSWORD)
    dockerhub_emulator.add_user("bob")
    dockerhub_emulator.add_user("carol")
    dockerhub_emulator.add_org("acme", owners=["alice"], members={"bob": "member", "carol": "member"})
    dockerhub_emulator.add_group("acme", "devs")
    dockerhub_connection("alice", PASSWORD)
    return dockerhub_emulator


@pytest.fixture
def run_op():
    """Execute an operator with a fake task instance; returns (result or exception, ti)."""

    def run(operator):
        ti = FakeTaskInstance()
        return operator.execute({"ti": ti, "params": {"namespace": "acme"}, "ds": "2026-11-29"}), ti

    return run


class _Capture(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        return

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), json.loads(body)))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def webhook():
    """A tiny webhook receiver on 127.0.0.1; ``.received`` holds (headers, body) pairs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    server.received, server.statuses = [], []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def unused_port_url() -> str:
    """A webhook URL on 127.0.0.1 where nothing listens (connections are refused)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


@pytest.fixture
def scim_hub(dockerhub_emulator: DockerHubEmulator, monkeypatch: pytest.MonkeyPatch) -> DockerHubEmulator:
    """An emulator whose org acme has a SCIM token, and ``dockerhub_default`` sending it as the bearer token."""
    dockerhub_emulator.add_org("acme")
    dockerhub_emulator.add_scim_token("acme", "scim-token-123")
    monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps(
        {"conn_type": "dockerhub", "host": dockerhub_emulator.url, "password": "scim-token-123",
         "extra": {"auth_type": "bearer"}}))
    return dockerhub_emulator
