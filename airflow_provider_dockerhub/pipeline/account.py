"""Account stage: turn each delivery into one outcome per record, and keep the run's counts.

Response readers decide what a response means for the records of its call:

* ``read_whole_call`` (default): 2xx means every record of the call succeeded, anything else means
  every record failed with the status and the API's short reason (``detail`` / ``message``).
* ``read_bulk_invites``: ``/v2/invites/bulk`` answers 202 with a status per invitee; ``invited``
  succeeds, any other status (``existing_org_member``, ``invalid_email_or_docker_id``, ...) fails
  with that status as the reason.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from airflow_provider_dockerhub.pipeline.deliver import Delivery
from airflow_provider_dockerhub.pipeline.items import Conflict, Item, Outcome, PreparedCall, Status
from airflow_provider_dockerhub.wire import error_detail, write_may_have_happened

SUCCEEDED, UNCHANGED, FAILED, REJECTED = Status.SUCCEEDED, Status.UNCHANGED, Status.FAILED, Status.REJECTED
#: Bulk-invite statuses that mean the invitee is already where the record wants them.
EXISTING_INVITEE_STATUSES = frozenset({"existing_org_member", "already_invited", "existing_invite"})
CONFLICT_POLICIES = ("skip", "fail")
#: Appended to the reason of a failed write that may have been applied anyway.
MAY_HAVE_HAPPENED = "the write may have happened: check Docker Hub before sending this record again"
#: Keys whose string values are secrets wherever they appear in a response.
SECRET_KEYS = frozenset({"token", "access_token", "secret", "password", "login_2fa_token"})
REDACTED = "***"
_SECRET_MARKERS = tuple(f'"{key}"'.encode() for key in SECRET_KEYS)

ResponseReader = Callable[[PreparedCall, Any], list[Outcome]]
#: How Docker Hub words "already exists" in a 400 (catalogue rows R2, T3: "already exists", "already taken").
ALREADY_EXISTS = re.compile(r"already (?:exists|taken)", re.IGNORECASE)


def response_body(response: Any) -> Any:
    """The response body as JSON when it is JSON, else as text (None when empty)."""
    if not response.content:
        return None
    try:
        return response.json()
    except (ValueError, RecursionError):
        return response.text


def failed_call(call: PreparedCall, response: Any, reason: str) -> list[Outcome]:
    """Every record of the call failed; a write answered by a 5xx (or not at all) may have happened anyway."""
    status = getattr(response, "status_code", None)
    uncertain = write_may_have_happened(status, getattr(response, "headers", None))
    if uncertain:
        reason = f"{reason}; {MAY_HAVE_HAPPENED}"
    return [Outcome(item, FAILED, status, reason, uncertain) for item in call.items]


def conflict_of(method: str, status: int, detail: str) -> Conflict | None:
    """``exists`` when a create found what it asks for already there, ``missing`` when a delete found it already
    gone, else None. Every form docs/docker-hub-api.md lists (E2, E3): a 409 to a POST (SCIM users), a 400 whose
    reason says it already exists or is taken (repositories: ``{"__all__": ["... already exists."]}``, R2; groups,
    T3; a field error, E4), a 404 to a DELETE."""
    if method == "DELETE" and status == 404:
        return "missing"
    if method == "POST" and (status == 409 or (status == 400 and ALREADY_EXISTS.search(detail))):
        return "exists"
    return None


def read_whole_call(call: PreparedCall, response: Any) -> list[Outcome]:
    """All records of the call share the response's verdict; "already exists" and "already gone" are conflicts."""
    status = response.status_code
    if 200 <= status < 300:
        return [Outcome(item, SUCCEEDED, status) for item in call.items]
    detail = error_detail(response)
    outcomes = failed_call(call, response, f"HTTP {status}: {detail}")
    conflict = conflict_of(call.method, status, detail)
    if conflict:
        for outcome in outcomes:
            outcome.conflict = conflict
    return outcomes


def read_bulk_invites(call: PreparedCall, response: Any) -> list[Outcome]:
    """Each invitee's status in the 202 answer of ``/v2/invites/bulk`` decides its record."""
    if not 200 <= response.status_code < 300:
        return read_whole_call(call, response)
    body = response_body(response)
    results = body.get("invitees") if isinstance(body, dict) else None
    if isinstance(results, dict):  # the OpenAPI document nests the list one level deeper
        results = results.get("invitees")
    if not isinstance(results, list):
        return failed_call(call, response, unexpected_shape(call, response, 'an object with an "invitees" list'))
    statuses = {r["invitee"]: r.get("status") for r in results
                if isinstance(r, dict) and isinstance(r.get("invitee"), str)}
    outcomes = []
    for item in call.items:
        invitee = item.fields.get("invitee")
        status = statuses.get(invitee) if isinstance(invitee, str) else None
        if status == "invited":
            outcomes.append(Outcome(item, SUCCEEDED, response.status_code))
        elif status in EXISTING_INVITEE_STATUSES:
            outcomes.append(Outcome(item, FAILED, response.status_code, status, conflict="exists"))
        else:
            outcomes.append(Outcome(item, FAILED, response.status_code, status or "invitee missing from the response"))
    return outcomes


def unexpected_shape(call: PreparedCall, response: Any, expected: str) -> str:
    """The reason given when an answer's JSON is not of the shape a reader needs: path, status, what was expected."""
    return f"{call.method} {urlsplit(call.url).path} answered HTTP {response.status_code} with a body that is not " \
           f"{expected}"


def find_secrets(value: Any) -> list[str]:
    """String values under secret-looking keys, anywhere in ``value``."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in SECRET_KEYS and isinstance(inner, str) and inner:
                found.append(inner)
            else:
                found.extend(find_secrets(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(find_secrets(inner))
    return found


def response_secrets(response: Any) -> list[str]:
    """The secrets in a response's JSON body; a byte scan skips parsing the bodies that cannot hold one."""
    content = getattr(response, "content", None)
    if not content or not any(marker in content for marker in _SECRET_MARKERS):
        return []
    try:
        return find_secrets(response_body(response))
    except RecursionError:  # nested deeper than Python's stack: no secret of Docker Hub's lives there
        return []


def redact_secrets(value: Any) -> Any:
    """A copy of ``value`` with secret-looking keys' values replaced by ``***``."""
    if isinstance(value, dict):
        return {k: REDACTED if k in SECRET_KEYS and isinstance(v, str) and v else redact_secrets(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [redact_secrets(v) for v in value]
    return value


def delivery_event(delivery: Delivery, outcomes: list[Outcome]) -> dict[str, Any]:
    """What a response sink receives for one call: what was sent, what came back, per-record results."""
    call, response = delivery.call, delivery.response
    return {
        "indices": call.indices,
        "method": call.method,
        "url": getattr(response, "url", None) or call.url,
        "status": getattr(response, "status_code", None),
        "ok": all(o.status.ok for o in outcomes),
        "request": json.loads(call.body) if call.body else None,
        "response": response_body(response) if response is not None else None,
        "error": None if delivery.error is None else f"{type(delivery.error).__name__}: {delivery.error}",
        "outcomes": [{"index": o.item.index, "status": o.status.value, "reason": o.reason} for o in outcomes],
    }


@dataclass
class Summary:
    """The counts of one run; ``succeeded + failed + rejected (+ previewed)`` equals ``records_read``."""

    dry_run: bool = False
    records_read: int = 0
    succeeded: int = 0
    unchanged: int = 0
    failed: int = 0
    rejected: int = 0
    previewed: int = 0
    uncertain: int = 0
    not_sent: int = 0
    last_read: str | None = None
    stop_reason: str | None = None
    calls: int = 0
    retries: int = 0
    status_counts: Counter[int | str] = field(default_factory=Counter)
    first_failures: list[dict[str, Any]] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    elapsed_seconds: float = 0.0

    @property
    def accounted(self) -> int:
        return self.succeeded + self.failed + self.rejected + self.previewed

    def count(self, outcome: Outcome, keep_failures: int = 10) -> None:
        """Add one record's outcome."""
        status = outcome.status
        if status is SUCCEEDED:
            self.succeeded += 1
            return
        if status is UNCHANGED:
            self.succeeded += 1
            self.unchanged += 1
            return
        if outcome.status == FAILED:
            self.failed += 1
            self.uncertain += outcome.uncertain
        else:
            self.rejected += 1
        if len(self.first_failures) < keep_failures:
            self.first_failures.append({"index": outcome.item.index, "location": outcome.item.location,
                                        "outcome": outcome.status.value, "status": outcome.http_status,
                                        "reason": outcome.reason})

    def as_dict(self) -> dict[str, Any]:
        """The JSON-serializable summary returned to XCom."""
        return {
            "records_read": self.records_read, "succeeded": self.succeeded, "unchanged": self.unchanged,
            "failed": self.failed,
            "rejected": self.rejected, "previewed": self.previewed, "uncertain": self.uncertain,
            "sent": self.succeeded + self.failed, "not_sent": self.not_sent, "stopped_early": self.stop_reason is not None,
            "stop_reason": self.stop_reason, "last_read": self.last_read, "calls": self.calls, "retries": self.retries,
            "status_counts": {str(k): v for k, v in sorted(self.status_counts.items(), key=lambda kv: str(kv[0]))},
            "elapsed_seconds": round(self.elapsed_seconds, 3), "dry_run": self.dry_run,
            "first_failures": self.first_failures,
        }


def settle_conflicts(outcomes: list[Outcome], if_exists: str, if_missing: str) -> list[Outcome]:
    """With ``skip``, a record that failed because what it asks for is already so ends ``unchanged``."""
    skip: dict[Conflict, bool] = {"exists": if_exists == "skip", "missing": if_missing == "skip"}
    for index, outcome in enumerate(outcomes):
        if outcome.conflict and skip[outcome.conflict]:
            reason = "already exists" if outcome.conflict == "exists" else "already gone"
            outcomes[index] = Outcome(outcome.item, UNCHANGED, outcome.http_status, reason)
    return outcomes


def account_delivery(
    delivery: Delivery, reader: ResponseReader, response_check: Callable[[Any], bool] | None,
    if_exists: str = "fail", if_missing: str = "fail",
) -> list[Outcome]:
    """One outcome per record of the delivered call."""
    call, response = delivery.call, delivery.response
    if delivery.error is not None:
        reason = f"{type(delivery.error).__name__}: {delivery.error}"
        if getattr(delivery.error, "may_have_reached", False):
            return failed_call(call, None, reason)
        return [Outcome(item, FAILED, None, reason) for item in call.items]
    try:
        outcomes = reader(call, response)
    except Exception as exc:  # a reader meeting a shape it does not know fails the call's records, by name
        expected = f"readable by {getattr(reader, '__name__', 'the response reader')} ({type(exc).__name__}: {exc})"
        return failed_call(call, response, unexpected_shape(call, response, expected))
    if if_exists == "skip" or if_missing == "skip":
        outcomes = settle_conflicts(outcomes, if_exists, if_missing)
    if response_check is not None and any(o.status is SUCCEEDED for o in outcomes):
        try:
            passed = bool(response_check(response))
            reason = "response_check returned False"
        except Exception as exc:  # a user callable; its error fails the call's records
            passed, reason = False, f"response_check raised {type(exc).__name__}: {exc}"
        if not passed:
            outcomes = [Outcome(o.item, FAILED, response.status_code, reason) for o in outcomes]
    return outcomes


def reject(item: Item, reason: str) -> Outcome:
    """The outcome of a record that was not sent."""
    return Outcome(item, REJECTED, None, reason)
