"""
DockerHubEmulator: a local, stateful Docker Hub API server for tests, demos and users' own DAG tests.

It serves every write operation of the official OpenAPI document (plus the reads needed to look at
the state), validates request bodies against that document, issues expiring JWTs, answers with
``X-RateLimit-*`` headers and 429 + ``Retry-After`` when a configurable budget runs out, and can
inject faults deterministically. Use it as a context manager::

    with DockerHubEmulator() as hub:
        hub.add_user("alice", password="secret")
        hub.add_org("acme", owners=["alice"])
        ...  # point a dockerhub connection at hub.url

or run it from the command line::

    python -m airflow_provider_dockerhub.testing.emulator --port 7070 --account demo:dckr_pat_demo
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from jsonschema.exceptions import best_match

from airflow_provider_dockerhub.testing.faults import Fault, FaultPlan
from airflow_provider_dockerhub.testing.routes import ROUTES, Call, Route
from airflow_provider_dockerhub.testing.state import ApiError, HubState

__all__ = ["DEFAULT_PORT", "DockerHubEmulator", "RecordedRequest", "main"]

SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
#: The command line's port: not 8080, which Airflow's API server listens on.
DEFAULT_PORT = 7070


@dataclass
class RecordedRequest:
    """One request as the emulator saw it; the bearer token is hidden.

    ``response`` is the body answered (secrets included: the emulator is for tests) and ``answered_at``
    the ``time.time()`` when its last byte was handed to the socket (None: no answer was sent).
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int = 0
    principal: str | None = None
    response: Any = field(default=None, repr=False)
    received_at: float = 0.0
    answered_at: float | None = None


@dataclass
class _RateWindow:
    limit: int | None
    window: float
    start: float = 0.0
    used: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, now: float) -> tuple[bool, dict[str, str], float]:
        """Count one request; return (allowed, headers, seconds until reset)."""
        if self.limit is None:
            return True, {}, 0.0
        with self.lock:
            start = math.floor(now / self.window) * self.window  # windows aligned like wall-clock minutes
            if start != self.start:
                self.start, self.used = start, 0
            reset = start + self.window
            allowed = self.used < self.limit
            if allowed:
                self.used += 1
            headers = {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Remaining": str(self.limit - self.used),
                       "X-RateLimit-Reset": str(int(reset)) if reset == int(reset) else f"{reset:.3f}"}
            return allowed, headers, reset - now


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet by design
        return

    def _any(self) -> None:
        self.server.emulator._serve(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    #: The listen backlog: socketserver's 5 made 8 processes x 8 threads see connection resets.
    request_queue_size = 1024
    emulator: DockerHubEmulator

    def __init__(self, address: tuple[str, int], emulator: DockerHubEmulator) -> None:
        self.emulator = emulator
        self.open_sockets: set[socket.socket] = set()
        self.sockets_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request, client_address):  # type: ignore[override]
        with self.sockets_lock:
            self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):  # type: ignore[override]
        with self.sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)


class DockerHubEmulator:
    """
    A Docker Hub API on 127.0.0.1, in a background thread.

    :param port: port to listen on; 0 picks a free one (see ``url``).
    :param token_lifetime: seconds a JWT from ``/v2/auth/token`` stays valid (Docker Hub: 600).
    :param rate_limit: requests allowed per window (default: practically unlimited), or None for no
        limit and no ``X-RateLimit-*`` headers.
    :param rate_window: the window in seconds (Docker Hub: 60); windows align to multiples of it.
    :param seed: seed of the fault generator, so a run with faults is repeatable.
    :param record: keep every request in ``requests`` for assertions.
    :param plain_text_429: answer 429 like Docker Hub's anti-abuse layer (plain text body).
    :param retry_after_epoch: send ``Retry-After`` of a 429 as the epoch second it ends, as the live API
        has been seen to (catalogue row L2), instead of a number of seconds.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: float = 600.0,
        rate_limit: int | None = 100_000,
        rate_window: float = 60.0,
        seed: int = 0,
        record: bool = True,
        plain_text_429: bool = False,
        retry_after_epoch: bool = False,
    ) -> None:
        self.state = HubState(token_lifetime)
        self.faults = FaultPlan(seed)
        self.record = record
        self.plain_text_429 = plain_text_429
        self.retry_after_epoch = retry_after_epoch
        self.requests: list[RecordedRequest] = []
        self._requests_lock = threading.Lock()
        self._rate = _RateWindow(rate_limit, rate_window)
        self._routes = [(route, route.pattern, route.request_validator()) for route in ROUTES]
        self._answering = threading.Event()
        self._answering.set()
        self._server = _Server((host, port), self)
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """Base URL to use as the connection's host."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        """The port listened on."""
        return self._server.server_address[1]

    def start(self) -> DockerHubEmulator:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"dockerhub-emulator-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection."""
        self._server.shutdown()
        with self._server.sockets_lock:
            for sock in list(self._server.open_sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> DockerHubEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- seeding and inspection (delegated to the state) ---------------------------------------------
    def add_user(self, username: str, password: str | None = None, **kwargs: Any):
        """Create a user; see ``HubState.add_user``."""
        return self.state.add_user(username, password, **kwargs)

    def add_personal_access_token(self, username: str, token: str | None = None, **kwargs: Any):
        """Give a user a PAT; see ``HubState.add_personal_access_token``."""
        return self.state.add_personal_access_token(username, token, **kwargs)

    def add_org(self, name: str, **kwargs: Any):
        """Create an organization; see ``HubState.add_org``."""
        return self.state.add_org(name, **kwargs)

    def add_group(self, org: str, name: str, members: list[str] | tuple[str, ...] = ()):
        """Create a group in an organization."""
        return self.state.add_group(org, name, members)

    def add_org_access_token(self, org: str, token: str | None = None, **kwargs: Any):
        """Give an organization an access token."""
        return self.state.add_org_access_token(org, token, **kwargs)

    def add_scim_token(self, org: str, token: str) -> None:
        """Accept a static SCIM bearer token for an organization."""
        self.state.add_scim_token(org, token)

    def add_repository(self, namespace: str, name: str, **fields: Any):
        """Create a repository directly."""
        return self.state.add_repository(namespace, name, **fields)

    def add_tag(self, namespace: str, repository: str, name: str, **times: Any):
        """Give a repository a tag (``pushed=``, ``pulled=``: datetimes or API texts); see ``HubState.add_tag``."""
        return self.state.add_tag(namespace, repository, name, **times)

    def add_fault(self, **kwargs: Any) -> Fault:
        """Inject a fault; see ``Fault`` for the arguments."""
        return self.faults.add(Fault(**kwargs))

    def hold_answers(self) -> None:
        """Keep answering nothing (requests are still applied) until ``release_answers``: a test can then
        tell exactly which answers a client had received, e.g. before killing it."""
        self._answering.clear()

    def release_answers(self) -> None:
        """Answer again, held answers first."""
        self._answering.set()

    def set_rate_limit(self, limit: int | None, window: float = 60.0) -> None:
        """Change the rate limit (None for none)."""
        self._rate = _RateWindow(limit, window)

    def writes(self, since: int = 0) -> list[str]:
        """``METHOD path`` of the recorded calls that change something (not reads, not the token
        exchange), from the ``since``-th recorded request on: a rerun that converged has none."""
        with self._requests_lock:
            recorded = self.requests[since:]
        return [f"{r.method} {r.path}" for r in recorded if r.method != "GET" and r.path != "/v2/auth/token"]

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._requests_lock:
            self.requests.clear()

    def summary(self) -> dict[str, Any]:
        """A count of what is in the emulated Hub, for humans and demos."""
        s = self.state
        with s.lock:
            return {
                "repositories": sorted(f"{ns}/{name}" for ns, name in s.repositories),
                "personal_access_tokens": {"active": sum(p.is_active for p in s.pats.values()),
                                           "inactive": sum(not p.is_active for p in s.pats.values())},
                "org_access_tokens": sum(len(o.access_tokens) for o in s.orgs.values()),
                "members": {o.name: dict(sorted(o.members.items())) for o in s.orgs.values()},
                "groups": {o.name: {g.name: list(g.members) for g in o.groups.values()} for o in s.orgs.values()},
                "pending_invites": sorted(f"{i.invitee} -> {i.org}/{i.team or '-'} ({i.role})" for i in s.invites.values()),
                "scim_users": sorted(u.user_name for u in s.scim_users.values()),
                "requests_served": len(self.requests),
            }

    # -- serving ------------------------------------------------------------------------------------
    def _match(self, method: str, path: str) -> tuple[Route, dict[str, str], Any]:
        allowed = False
        for route, pattern, validator in self._routes:
            found = pattern.match(path)
            if found:
                if route.method == method:
                    return route, {k: unquote(v) for k, v in found.groupdict().items()}, validator
                allowed = True
        raise ApiError(405 if allowed else 404, f"{method} {path}: {'method not allowed' if allowed else 'not found'}")

    def _serve(self, handler: _Handler) -> None:
        method = handler.command
        parts = urlsplit(handler.path)
        path, query = parts.path, dict(parse_qsl(parts.query))
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        headers = {k: ("Bearer ***" if k.lower() == "authorization" else v) for k, v in handler.headers.items()}
        recorded = RecordedRequest(method, path, query, headers, None, received_at=time.time())
        extra_headers: dict[str, str] = {}
        scim = path.startswith("/v2/scim/")
        fault = self.faults.draw(method, path)
        try:
            if fault and not fault.after_write and self._apply_fault(handler, fault, recorded):
                return
            allowed, extra_headers, until_reset = self._rate.take(time.time())
            if not allowed:
                extra_headers["Retry-After"] = (  # live: the same epoch second as X-RateLimit-Reset (L2)
                    str(math.ceil(float(extra_headers["X-RateLimit-Reset"]))) if self.retry_after_epoch
                    else str(max(math.ceil(until_reset), 1)))
                raise ApiError(429, "Rate limit exceeded")
            route, params, validator = self._match(method, path)
            scim = route.scim
            body = self._parse_body(raw, recorded)
            principal = None
            if route.auth:
                principal = self._principal(handler.headers.get("Authorization", ""))
                recorded.principal = principal.name
            if validator is not None:
                if body is None:
                    body = {}
                error = best_match(validator.iter_errors(body))
                if error is not None:
                    raise ApiError(400, error.message, _error_field(error))
            with self.state.lock:
                status, payload = route.handler(self.state, Call(params, query, body, principal, f"{self.url}{path}"))
            if fault and fault.after_write and self._apply_fault(handler, fault, recorded):
                return
        except ApiError as err:
            status, payload = err.status, self._error_body(err, scim)
        except Exception as exc:  # a bug or a state the seed made impossible: an answer, not a dropped connection
            status, payload = 500, self._error_body(ApiError(500, f"emulator error: {type(exc).__name__}: {exc}"), scim)
        self._respond(handler, status, payload, extra_headers, recorded, scim)

    def _principal(self, authorization: str):
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "authentication required")
        return self.state.authenticate(token.strip())

    @staticmethod
    def _parse_body(raw: bytes, recorded: RecordedRequest) -> Any:
        if not raw:
            return None
        try:
            recorded.body = json.loads(raw)
        except ValueError:
            raise ApiError(400, "request body is not valid JSON") from None
        return recorded.body

    def _retry_after(self, seconds: float) -> str:
        """``Retry-After`` for a wait of ``seconds``: the seconds, or the epoch second it ends (L2)."""
        if self.retry_after_epoch:
            return str(math.ceil(time.time() + seconds))
        return f"{seconds:g}"

    def _error_body(self, err: ApiError, scim: bool) -> Any:
        if err.status == 429 and self.plain_text_429:
            return "Too Many Requests (HAP429).\n"
        if err.body is not None:
            return err.body
        if scim:
            return {"schemas": [SCIM_ERROR_SCHEMA], "status": str(err.status), "detail": err.detail}
        errinfo = {"field": err.field_name} if err.field_name else {}
        return {"errinfo": errinfo, "detail": err.detail, "message": err.detail}

    def _apply_fault(self, handler: _Handler, fault: Fault, recorded: RecordedRequest) -> bool:
        """Delay, drop or answer per ``fault``; True when the request has been dealt with."""
        if fault.delay:
            time.sleep(fault.delay)
        if fault.drop:
            recorded.status = -1
            self._remember(recorded)
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
            return True
        if fault.status is None:
            return False
        extra = {"Retry-After": self._retry_after(fault.retry_after)} if fault.status == 429 else {}
        self._respond(handler, fault.status, {"detail": f"injected fault {fault.status}", "message": "fault"},
                      extra, recorded, False)
        return True

    def _respond(self, handler: _Handler, status: int, payload: Any, headers: dict[str, str],
                 recorded: RecordedRequest, scim: bool) -> None:
        if payload is None:
            data, content_type = b"", None
        elif isinstance(payload, str):
            data, content_type = payload.encode(), "text/plain; charset=utf-8"
        else:
            data = json.dumps(payload).encode()
            content_type = "application/scim+json" if scim else "application/json"
        recorded.status, recorded.response = status, payload
        self._remember(recorded)  # before answering, so a client that got its answer finds the record
        self._answering.wait()
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if data and handler.command != "HEAD":
            handler.wfile.write(data)
        handler.wfile.flush()
        recorded.answered_at = time.time()

    def _remember(self, recorded: RecordedRequest) -> None:
        if self.record:
            with self._requests_lock:
                self.requests.append(recorded)


def _error_field(error: Any) -> str | None:
    """The dotted name of the field a validation error is about (the missing one for ``required``)."""
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        path += missing[:1]
    return ".".join(path) or None


def _parse_pair(text: str, what: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name or not value:
        raise argparse.ArgumentTypeError(f"{what} must look like NAME:VALUE, got {text!r}")
    return name, value


def main(argv: list[str] | None = None) -> None:
    """Run the emulator from the command line until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m airflow_provider_dockerhub.testing.emulator",
                                     description="A local, stateful Docker Hub API for tests and demos.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"default {DEFAULT_PORT} (not 8080, which Airflow's API server uses)")
    parser.add_argument("--account", action="append", default=[], metavar="USER:SECRET",
                        help="a user; a secret starting with dckr_pat_ is a PAT, anything else a password")
    parser.add_argument("--org", action="append", default=[], metavar="ORG:OWNER[,OWNER]")
    parser.add_argument("--org-token", action="append", default=[], metavar="ORG:dckr_oat_...")
    parser.add_argument("--scim-token", action="append", default=[], metavar="ORG:TOKEN")
    parser.add_argument("--token-lifetime", type=float, default=600.0)
    parser.add_argument("--rate-limit", default=None, metavar="N/SECONDS", help="e.g. 180/60")
    parser.add_argument("--examples", action="store_true",
                        help="seed the accounts the example DAGs expect (alice owns org acme)")
    parser.add_argument("--seed-file", metavar="FILE.json|FILE.yaml",
                        help="seed users, tokens, orgs (members, groups, org tokens), repositories from a file "
                             "(see testing/seed.py and docs/emulator.md)")
    args = parser.parse_args(argv)
    limit, window = (None, 60.0)
    if args.rate_limit:
        count, _, seconds = args.rate_limit.partition("/")
        limit, window = int(count), float(seconds or 60)
    try:
        emulator = DockerHubEmulator(host=args.host, port=args.port, token_lifetime=args.token_lifetime,
                                     rate_limit=limit, rate_window=window)
    except OSError as exc:
        parser.exit(2, f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc} "
                       f"(is something else using the port? pick another with --port)\n")
    if args.examples:
        from airflow_provider_dockerhub.testing.examples import example_connection, seed_examples

        seed_examples(emulator)
    if args.seed_file:
        from airflow_provider_dockerhub.testing.seed import load_seed_file, seed_hub

        try:
            seed_hub(emulator, load_seed_file(args.seed_file))
        except (OSError, ValueError, KeyError) as exc:  # the process ends: its socket is closed with it
            parser.exit(2, f"--seed-file {args.seed_file}: {exc}\n")
    for spec in args.account:
        user, secret = _parse_pair(spec, "--account")
        if secret.startswith("dckr_pat_"):
            emulator.add_user(user)
            emulator.add_personal_access_token(user, secret)
        else:
            emulator.add_user(user, password=secret)
    for spec in args.org:
        org, owners = _parse_pair(spec, "--org")
        emulator.add_org(org, owners=owners.split(","))
    for spec in args.org_token:
        emulator.add_org_access_token(*_parse_pair(spec, "--org-token"))
    for spec in args.scim_token:
        emulator.add_scim_token(*_parse_pair(spec, "--scim-token"))
    emulator.start()
    print(f"Docker Hub emulator listening on {emulator.url} (Ctrl-C to stop)", flush=True)
    if args.examples:
        print(f"export AIRFLOW_CONN_DOCKERHUB_DEFAULT='{example_connection(emulator)}'", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        emulator.stop()


if __name__ == "__main__":
    main()
