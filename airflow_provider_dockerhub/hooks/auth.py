"""Bearer tokens for Docker Hub: a static token, or a JWT from ``/v2/auth/token`` cached until near expiry."""

from __future__ import annotations

import base64
import json
import logging
import math
import threading
import time
from collections.abc import Callable

from airflow_provider_dockerhub.masking import register_secrets

#: Docker Hub documents a 10 minute lifetime for ``/v2/auth/token`` JWTs.
DEFAULT_TOKEN_LIFETIME = 600.0
#: Refresh this long before the token's ``exp`` so no call leaves with a token about to expire.
REFRESH_MARGIN = 60.0
#: After a failed exchange, wait this long before exchanging again (the same error is raised meanwhile).
FAILURE_BACKOFF = 60.0

log = logging.getLogger(__name__)


def _claim(token: str, name: str) -> float | None:
    """A numeric claim of a JWT (unverified), or None when it has none or is not a JWT."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        value = float(json.loads(base64.urlsafe_b64decode(payload))[name])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return value if math.isfinite(value) else None


def jwt_expiry(token: str) -> float | None:
    """Return the ``exp`` claim of a JWT (unverified), or None when it has none or is not a JWT."""
    return _claim(token, "exp")


def token_lifetime(token: str, now: float) -> float:
    """Seconds the token may be used from ``now``, by its ``exp``.

    A fresh token whose ``exp`` is already past on this clock (the worker's clock runs ahead of Docker
    Hub's) is still good on Docker Hub's: it is used for its whole lifetime (``exp - iat``, else the
    documented 10 minutes), so it is exchanged again once per expiry, not once per call."""
    expiry = jwt_expiry(token)
    if expiry is None:
        return DEFAULT_TOKEN_LIFETIME
    if expiry > now:
        return expiry - now
    issued = _claim(token, "iat")
    lifetime = expiry - issued if issued is not None and expiry > issued else DEFAULT_TOKEN_LIFETIME
    log.warning("The new Docker Hub token expired %.0f s ago by this worker's clock, which is probably ahead; "
                "using it for its lifetime of %.0f s", now - expiry, lifetime)
    return lifetime


class StaticBearer:
    """A bearer token used as is (``auth_type: bearer``, e.g. a SCIM token); it cannot be refreshed."""

    refreshable = False

    def __init__(self, token: str) -> None:
        register_secrets([token], "the connection")
        self._token = token

    def token(self) -> str:
        """Return the configured token."""
        return self._token

    def invalidate(self, token: str) -> None:
        """Nothing to refresh: a static token stays what it is."""


class ExchangedToken:
    """A JWT obtained by ``exchange()``, shared by all threads; refreshed by one thread at a time.

    A failed exchange is remembered for ``failure_backoff`` seconds: every thread asking meanwhile gets
    the same error without a new exchange, so rejected credentials cost one attempt, not one per record
    (repeated failures can lock an account).
    """

    refreshable = True

    def __init__(
        self,
        exchange: Callable[[], str],
        *,
        refresh_margin: float = REFRESH_MARGIN,
        failure_backoff: float = FAILURE_BACKOFF,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._exchange = exchange
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at = 0.0
        self._failure_backoff = failure_backoff
        self._failure: Exception | None = None
        self._retry_exchange_at = 0.0

    def token(self) -> str:
        """Return a token valid for at least the refresh margin, exchanging a new one when needed."""
        with self._lock:
            now = self._clock()
            if self._token is None or now >= self._refresh_at:
                if self._failure is not None and now < self._retry_exchange_at:
                    raise self._failure
                try:
                    token = self._exchange()
                except Exception as exc:
                    self._failure, self._retry_exchange_at = exc, now + self._failure_backoff
                    raise
                self._failure = None
                register_secrets([token], "the token exchange")
                lifetime = token_lifetime(token, now)
                # Short-lived tokens (tests) refresh at 80 % of their life instead of a fixed margin.
                self._refresh_at = now + max(lifetime - self._refresh_margin, lifetime * 0.8)
                self._token = token
            return self._token

    def invalidate(self, token: str) -> None:
        """Forget ``token`` (the server answered 401), unless another thread already replaced it."""
        with self._lock:
            if self._token == token:
                self._token = None
