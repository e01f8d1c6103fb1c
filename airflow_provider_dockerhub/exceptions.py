"""Errors raised by the Docker Hub provider. None of them ever carries a secret."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TypeVar, overload

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.errors import AnswerTooLargeError, NotSentError, RunError, SinkError, WaitTooLongError

__all__ = [
    "DockerHubAuthError",
    "DockerHubConnectionError",
    "DockerHubError",
    "DockerHubHTTPError",
    "DockerHubRequestError",
    "DockerHubRunError",
    "DockerHubSinkError",
    "DockerHubUnreachableError",
    "provider_error",
    "provider_errors",
]


class DockerHubError(AirflowException):
    """Base class of every error this provider raises."""


class DockerHubRunError(DockerHubError, RunError):
    """A failure of the whole run, not of one record: it stops sending at once, whatever ``on_error`` says."""


class DockerHubWaitTooLongError(DockerHubRunError, WaitTooLongError):
    """Docker Hub (or a proxy) asked for a wait longer than the connection's ``max_wait``."""


class DockerHubAuthError(DockerHubRunError):
    """Docker Hub refused the credentials, or a fresh token was still refused."""


class DockerHubConnectionError(DockerHubError):
    """A call got no usable answer.

    :param may_have_reached: the request may have reached the server (it was sent, then the connection
        broke or timed out), so a write may have been applied.
    """

    def __init__(self, message: str, *, may_have_reached: bool = True) -> None:
        super().__init__(message)
        self.may_have_reached = may_have_reached


class DockerHubUnreachableError(DockerHubConnectionError, DockerHubRunError):
    """The host could not be reached at all (refused, DNS, connect timeout) after the retries."""

    def __init__(self, message: str) -> None:
        super().__init__(message, may_have_reached=False)


class DockerHubAnswerTooLargeError(DockerHubConnectionError, AnswerTooLargeError):
    """An answer grew past ``max_answer_bytes`` (after decompression) while it was read; the rest was not read."""


class DockerHubNotSentError(DockerHubError, NotSentError):
    """The run stopped while this call waited to start (rate limit, token): it was not sent at all."""


class DockerHubHTTPError(DockerHubError):
    """Docker Hub answered a read (``get_json``, ``paginate``) with a status that is not 2xx."""

    def __init__(self, method: str, url: str, status: int, detail: str) -> None:
        super().__init__(f"{method} {url}: HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


class DockerHubReadError(DockerHubHTTPError):
    """A read got an answer that cannot be used as data: a redirect, a body that is not the expected JSON
    shape, or a list whose pages do not end properly. Names the path, the status and what was wrong."""

    def __init__(self, path: str, status: int, problem: str) -> None:
        super().__init__("GET", path, status, problem)
        self.path = path


class DockerHubRequestError(DockerHubError, ValueError):
    """A request was refused before sending: foreign origin, forbidden header, bad method."""


class DockerHubSinkError(DockerHubRunError, SinkError):
    """A response, reject or webhook output failed: the run stops so that nothing more goes unrecorded."""


#: Each engine error (``errors.py``) and its provider twin, the most specific first.
_TWINS: tuple[tuple[type[Exception], type[DockerHubError]], ...] = (
    (SinkError, DockerHubSinkError),
    (WaitTooLongError, DockerHubWaitTooLongError),
    (RunError, DockerHubRunError),
    (NotSentError, DockerHubNotSentError),
    (AnswerTooLargeError, DockerHubAnswerTooLargeError),
)
E = TypeVar("E", bound=BaseException)


@overload
def provider_error(exc: None) -> None: ...


@overload
def provider_error(exc: E) -> E | DockerHubError: ...


def provider_error(exc: E | None) -> E | DockerHubError | None:
    """``exc`` as the provider raises it: an engine error (``errors.py``) becomes its ``DockerHub*Error`` twin
    (same message, ``except DockerHubRunError`` catches it); anything else is returned as it is."""
    if exc is None or isinstance(exc, DockerHubError):
        return exc
    for engine, provider in _TWINS:
        if isinstance(exc, engine):
            twin = provider(str(exc))
            twin.__cause__, twin.__suppress_context__ = exc.__cause__, exc.__suppress_context__
            return twin.with_traceback(exc.__traceback__)
    return exc


@contextlib.contextmanager
def provider_errors() -> Iterator[None]:
    """Raise an engine error of the block as its provider twin (see ``provider_error``)."""
    try:
        yield
    except (RunError, NotSentError, AnswerTooLargeError) as exc:
        twin = provider_error(exc)
        if twin is exc:
            raise
        raise twin from exc.__cause__
