"""The engine's errors, free of Airflow: what ``pipeline/`` and ``transport/`` raise and catch.

The provider's public errors (``exceptions.py``, built on ``AirflowException``) subclass these, so the
engine catches both; ``exceptions.provider_error`` turns an engine error into its provider twin where an
Airflow task raises it.
"""

from __future__ import annotations

__all__ = ["AnswerTooLargeError", "NotSentError", "RunError", "SinkError", "WaitTooLongError"]


class RunError(Exception):
    """A failure of the whole run, not of one record: it stops sending at once, whatever ``on_error`` says."""


class SinkError(RunError):
    """A response, reject or webhook output failed: the run stops so that nothing more goes unrecorded."""


class WaitTooLongError(RunError):
    """The server (or a proxy) asked for a wait longer than the allowed ``max_wait``."""


class NotSentError(Exception):
    """The run stopped while this call waited to start (rate limit, token): it was not sent at all."""


class AnswerTooLargeError(Exception):
    """An answer grew past its cap (after decompression) while it was read; the rest was not read.

    The request was sent, so a write may have been applied (``may_have_reached``)."""

    may_have_reached = True
