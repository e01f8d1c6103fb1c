"""A small HTTP server on 127.0.0.1 that answers as a broken proxy or a hostile API would.

Each answer is a list of ``(bytes, pause_after)`` pieces written to the socket as given, so a test
can trickle headers or a body, send any header value, or send a gzip bomb.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Pieces = list[tuple[bytes, float]]


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def answer(status: int = 200, body: bytes = b"{}", headers: dict[str, str] | None = None) -> Pieces:
    """A whole answer in one piece."""
    head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
    head += "Content-Type: application/json\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    return [(head.encode() + b"\r\n" + body, 0.0)]


def exchange_then(token: str, status: int, body: bytes = b"{}") -> Callable[[Request], Pieces]:
    """A responder that issues ``token`` at ``/v2/auth/token`` and answers every other call ``status`` ``body``."""
    def respond(request: Request) -> Pieces:
        if request.path == "/v2/auth/token":
            return answer(200, json.dumps({"access_token": token}).encode())
        return answer(status, body)

    return respond


def trickle(data: bytes, step: int, pause: float) -> Pieces:
    """``data`` sent ``step`` bytes at a time, ``pause`` seconds apart."""
    return [(data[i:i + step], pause) for i in range(0, len(data), step)]


def gzip_bomb(decoded_bytes: int) -> Pieces:
    """A small gzip answer that decodes to ``decoded_bytes`` zeros."""
    body = gzip.compress(b"\0" * decoded_bytes, compresslevel=9)
    head = (f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nContent-Encoding: gzip\r\n"
            "Content-Type: application/json\r\nConnection: close\r\n\r\n")
    return [(head.encode() + body, 0.0)]


@dataclass
class HostileServer:
    """Answers each request with ``respond(request)``; ``requests`` holds what it received."""

    respond: Callable[[Request], Pieces]
    requests: list[Request] = field(default_factory=list)

    def __enter__(self) -> HostileServer:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(1)  # only a safety net: __exit__ wakes the accept at once
        self._stop = threading.Event()
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):  # a connection of our own ends the waiting accept now
            socket.create_connection(self._sock.getsockname(), timeout=1).close()
        self._thread.join(5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            if self._stop.is_set():  # the wake-up connection from __exit__
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
            length = int(headers.get("Content-Length", "0"))
            while len(body) < length:
                body += conn.recv(65536)
            request = Request(method, path, headers, body)
            self.requests.append(request)
            for piece, pause in self.respond(request):
                if self._stop.is_set():
                    return
                conn.sendall(piece)
                if pause:
                    time.sleep(pause)
        except OSError:
            pass  # the client hung up: that is what the tests want to see
        finally:
            conn.close()
