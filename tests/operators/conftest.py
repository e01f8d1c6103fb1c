from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator

PASSWORD = "alice-password-1"


class FakeTaskInstance:
    """Collects xcom_push calls like a task instance would."""

    def __init__(self) -> None:
        self.xcom: dict[str, object] = {}

    def xcom_push(self, key: str, value: object) -> None:
        self.xcom[key] = json.loads(json.dumps(value))  # what XCom would store


@pytest.fixture
def hub(monkeypatch):
    """An emulator where alice (password) owns org acme with members bob and carol and group devs."""
    with DockerHubEmulator() as emulator:
        emulator.add_user("alice", password=PASSWORD)
        emulator.add_user("bob")
        emulator.add_user("carol")
        emulator.add_org("acme", owners=["alice"], members={"bob": "member", "carol": "member"})
        emulator.add_group("acme", "devs")
        conn = {"conn_type": "dockerhub", "host": emulator.url, "login": "alice", "password": PASSWORD,
                "extra": {"backoff_seconds": 0.01}}
        monkeypatch.setenv("AIRFLOW_CONN_DOCKERHUB_DEFAULT", json.dumps(conn))
        yield emulator


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
