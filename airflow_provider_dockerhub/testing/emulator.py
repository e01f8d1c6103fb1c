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

or run it from the command line (``testing/cli.py``)::

    python -m airflow_provider_dockerhub.testing --port 7070 --account demo:dckr_pat_demo

This class only puts the parts together: ``state`` (what the Hub knows), ``app`` (routes, auth, validation,
faults, rate window, recording), ``server`` (HTTP) and ``clock`` (every time read; a ``FakeClock`` in tests).
"""

from __future__ import annotations

from typing import Any

from airflow_provider_dockerhub.hub import RATE_WINDOW, TOKEN_LIFETIME
from airflow_provider_dockerhub.testing.app import HubApp
from airflow_provider_dockerhub.testing.clock import Clock, FakeClock
from airflow_provider_dockerhub.testing.faults import Fault, FaultPlan
from airflow_provider_dockerhub.testing.ratelimit import RateWindow
from airflow_provider_dockerhub.testing.recording import RecordedRequest, Recorder
from airflow_provider_dockerhub.testing.server import HubServer
from airflow_provider_dockerhub.testing.state import (
    Group,
    HubState,
    Org,
    OrgAccessToken,
    PersonalAccessToken,
    Repository,
    Tag,
    User,
)

__all__ = ["Clock", "DockerHubEmulator", "FakeClock", "RecordedRequest"]


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
    :param clock: where every time comes from (token expiry, rate windows, ``Retry-After``, timestamps);
        default the real clock. Pass a ``FakeClock`` and ``advance`` it instead of sleeping.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: float = TOKEN_LIFETIME,
        rate_limit: int | None = 100_000,
        rate_window: float = RATE_WINDOW,
        seed: int = 0,
        record: bool = True,
        plain_text_429: bool = False,
        retry_after_epoch: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or Clock()
        self.state = HubState(token_lifetime, self.clock)
        self.faults = FaultPlan(seed)
        self._recorder = Recorder(record)
        self.app = HubApp(self.state, self.faults, RateWindow(rate_limit, rate_window), self._recorder,
                          clock=self.clock, plain_text_429=plain_text_429, retry_after_epoch=retry_after_epoch)
        self._server = HubServer((host, port), self.app)

    # -- lifecycle ----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """Base URL to use as the connection's host."""
        return self._server.url

    @property
    def port(self) -> int:
        """The port listened on."""
        return self._server.server_address[1]

    def start(self) -> DockerHubEmulator:
        """Serve in a background thread."""
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection."""
        self._server.stop()

    def __enter__(self) -> DockerHubEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- seeding (delegated to the state) -------------------------------------------------------------
    def add_user(self, username: str, password: str | None = None, **kwargs: Any) -> User:
        """Create a user; see ``HubState.add_user``."""
        return self.state.add_user(username, password, **kwargs)

    def add_personal_access_token(self, username: str, token: str | None = None, **kwargs: Any) -> PersonalAccessToken:
        """Give a user a PAT; see ``HubState.add_personal_access_token``."""
        return self.state.add_personal_access_token(username, token, **kwargs)

    def add_org(self, name: str, **kwargs: Any) -> Org:
        """Create an organization; see ``HubState.add_org``."""
        return self.state.add_org(name, **kwargs)

    def add_group(self, org: str, name: str, members: list[str] | tuple[str, ...] = ()) -> Group:
        """Create a group in an organization."""
        return self.state.add_group(org, name, members)

    def add_org_access_token(self, org: str, token: str | None = None, **kwargs: Any) -> OrgAccessToken:
        """Give an organization an access token."""
        return self.state.add_org_access_token(org, token, **kwargs)

    def add_scim_token(self, org: str, token: str) -> None:
        """Accept a static SCIM bearer token for an organization."""
        self.state.add_scim_token(org, token)

    def add_repository(self, namespace: str, name: str, **fields: Any) -> Repository:
        """Create a repository directly."""
        return self.state.add_repository(namespace, name, **fields)

    def add_tag(self, namespace: str, repository: str, name: str, **times: Any) -> Tag:
        """Give a repository a tag (``pushed=``, ``pulled=``: datetimes or API texts); see ``HubState.add_tag``."""
        return self.state.add_tag(namespace, repository, name, **times)

    # -- behaviour ----------------------------------------------------------------------------------
    def add_fault(self, **kwargs: Any) -> Fault:
        """Inject a fault; see ``Fault`` for the arguments."""
        return self.faults.add(Fault(**kwargs))

    def set_rate_limit(self, limit: int | None, window: float = RATE_WINDOW, *,
                       retry_after_epoch: bool | None = None) -> None:
        """Change the rate limit (None for none); ``retry_after_epoch`` as in the constructor (None: unchanged)."""
        self.app.rate = RateWindow(limit, window)
        if retry_after_epoch is not None:
            self.app.retry_after_epoch = retry_after_epoch

    def hold_answers(self) -> None:
        """Keep answering nothing (requests are still applied) until ``release_answers``: a test can then
        tell exactly which answers a client had received, e.g. before killing it."""
        self._server.hold_answers()

    def release_answers(self) -> None:
        """Answer again, held answers first."""
        self._server.release_answers()

    # -- inspection ---------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        """The recorded requests, in arrival order (with ``record=True``)."""
        return self._recorder.requests

    def writes(self, since: int = 0) -> list[str]:
        """``METHOD path`` of the recorded calls that change something (not reads, not the token
        exchange), from the ``since``-th recorded request on: a rerun that converged has none."""
        return self._recorder.writes(since)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self._recorder.clear()

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


if __name__ == "__main__":  # python -m airflow_provider_dockerhub.testing.emulator: the same command line
    from airflow_provider_dockerhub.testing.cli import main

    main()
