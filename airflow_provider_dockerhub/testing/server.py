"""The emulator's HTTP server: reads requests on 127.0.0.1, hands them to the ``HubApp``, writes the answers."""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from airflow_provider_dockerhub.testing.app import Answer, HubApp, Request

__all__ = ["HubServer"]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: HubServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet by design
        return

    def _any(self) -> None:
        self.server.serve_one(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any


class HubServer(ThreadingHTTPServer):
    """A threading HTTP server for ``app``, run in a background thread by ``start`` until ``stop``.

    ``hold_answers`` keeps it from sending answers (requests are still applied) until ``release_answers``.
    """

    daemon_threads = True
    block_on_close = False
    #: The listen backlog: socketserver's 5 made 8 processes x 8 threads see connection resets.
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], app: HubApp) -> None:
        self.app = app
        self._open_sockets: set[socket.socket] = set()
        self._sockets_lock = threading.Lock()
        self._answering = threading.Event()
        self._answering.set()
        self._thread: threading.Thread | None = None
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """``http://host:port``."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Serve in a background daemon thread."""
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"dockerhub-emulator-{self.server_address[1]}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close every open connection."""
        self.shutdown()
        with self._sockets_lock:
            for sock in list(self._open_sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def hold_answers(self) -> None:
        """Send no answer until ``release_answers``."""
        self._answering.clear()

    def release_answers(self) -> None:
        """Send answers again, held ones first."""
        self._answering.set()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._sockets_lock:
            self._open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._sockets_lock:
            self._open_sockets.discard(request)
        super().shutdown_request(request)

    # -- one request --------------------------------------------------------------------------------
    def serve_one(self, handler: _Handler) -> None:
        """Read the request from ``handler``, let the app answer it, and write the answer."""
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        answer, recorded = self.app.handle(Request(handler.command, handler.path, handler.headers, raw, self.url))
        if answer.drop:
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
            return
        self._answering.wait()
        # Stamped before the bytes go out: a client may act on the answer (and a test read the record) before
        # this thread runs again; a write that fails takes the stamp back.
        recorded.answered_at = self.app.clock.time()
        try:
            self._write(handler, answer)
        except OSError:
            recorded.answered_at = None
            raise

    @staticmethod
    def _write(handler: _Handler, answer: Answer) -> None:
        data, content_type = answer.encode()
        handler.send_response(answer.status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if data and handler.command != "HEAD":
            handler.wfile.write(data)
        handler.wfile.flush()
