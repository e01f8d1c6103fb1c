"""The record pipeline: source -> shape -> group -> render -> deliver -> account -> sinks.

``RecordPipeline.run`` streams items through the stages. Every item read is tracked until it has
an outcome, so the counts always add up: an item still held by a stage when the run stops early
(``on_error='fail_fast'``, a run-level failure, an interruption) is rejected as not sent, with the
reason, instead of vanishing; the summary says where reading stopped (``last_read``).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

from airflow_provider_dockerhub.errors import RunError, SinkError
from airflow_provider_dockerhub.pipeline.account import (
    CONFLICT_POLICIES,
    SUCCEEDED,
    UNCHANGED,
    ResponseReader,
    Summary,
    account_delivery,
    delivery_event,
    read_whole_call,
    reject,
    response_secrets,
)
from airflow_provider_dockerhub.pipeline.deliver import Deliverer, Delivery
from airflow_provider_dockerhub.pipeline.grouping import GroupingSettings, make_batches
from airflow_provider_dockerhub.pipeline.items import Item, Outcome, PreparedCall
from airflow_provider_dockerhub.pipeline.render import BodyKind, RenderError, RequestRenderer, body_kind
from airflow_provider_dockerhub.pipeline.shape import Shaper
from airflow_provider_dockerhub.pipeline.sinks import EventSink, OutcomeSink, Sink, close_all


class Log(Protocol):
    """What the pipeline logs through: a stdlib logger, or Airflow's task logger (``self.log``)."""

    def info(self, msg: str, /, *args: Any) -> Any: ...

    def warning(self, msg: str, /, *args: Any) -> Any: ...

    def error(self, msg: str, /, *args: Any) -> Any: ...

ON_ERROR = ("fail", "fail_fast", "continue")
S = TypeVar("S", bound=Sink)
RecordCheck = Callable[[Mapping[str, Any]], "str | None"]
RecordPrepare = Callable[[Mapping[str, Any]], Mapping[str, Any]]
#: Registers secrets (new tokens in answers) with a log masker: ``register(secrets, where)``.
RegisterSecrets = Callable[[list[str], str], object]


def no_masking(secrets: list[str], where: str) -> None:
    """The default ``register_secrets``: no masker (an Airflow task passes ``masking.register_secrets``)."""


@dataclass(frozen=True)
class PipelineSettings:
    """Everything the pipeline needs besides the input, the transport and the sinks; built once, never edited.

    :param body: a Jinja template, a callable, ``NO_BODY`` (calls without a body), or None (the records).
    :param record_defaults: attribute values filled into each record that lacks them (a shaping step).
    :param record_prepare: turns a record (defaults filled in) into the one to check and send, e.g. reads a
        file it names; an OSError or ValueError rejects that record with its message.
    :param record_check: a pure function saying why a record (defaults filled in) cannot be sent, or None.
    :param response_reader: turns one response into the outcomes of its call's records.
    """

    method: str
    endpoint: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    exclude_attributes: Any = None
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    max_concurrency: int = 1
    dry_run: bool = False
    preview_limit: int = 10
    on_error: str = "fail"
    response_check: Callable[[Any], bool] | None = None
    response_reader: ResponseReader = read_whole_call
    content_type: str = "application/json"
    record_defaults: Mapping[str, Any] = field(default_factory=dict)
    record_check: RecordCheck | None = None
    record_prepare: RecordPrepare | None = None
    if_exists: str = "fail"
    if_missing: str = "fail"
    progress_seconds: float = 10.0

    @property
    def body_kind(self) -> BodyKind:
        """How calls get their body (see ``render.body_kind``)."""
        return body_kind(self.method, self.body)

    def validate(self) -> None:
        """Raise ValueError for settings that are wrong before anything is read or sent."""
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {ON_ERROR}, got {self.on_error!r}")
        for name in ("if_exists", "if_missing"):
            if getattr(self, name) not in CONFLICT_POLICIES:
                raise ValueError(f"{name} must be one of {CONFLICT_POLICIES}, got {getattr(self, name)!r}")
        if self.response_check is not None and not callable(self.response_check):
            raise TypeError("response_check must be a callable taking the response")
        self.grouping.validate()


class Progress:
    """Logs progress at most every ``interval`` seconds: records done, calls, failures, rate, ETA."""

    def __init__(self, log: Log, total: int | None, interval: float) -> None:
        self.log, self.total, self.interval = log, total, interval
        self.started = self.last = time.monotonic()

    def update(self, summary: Summary) -> None:
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        done = summary.accounted
        rate = done / max(now - self.started, 1e-9)
        if self.total:
            eta = f"{(self.total - done) / rate:.0f}s" if rate else "unknown"
            self.log.info("Progress: %d of %d records, %d calls, %d failed, %d rejected, %.0f records/s, ETA %s",
                          done, self.total, summary.calls, summary.failed, summary.rejected, rate, eta)
        else:
            self.log.info("Progress: %d records, %d calls, %d failed, %d rejected, %.0f records/s",
                          done, summary.calls, summary.failed, summary.rejected, rate)


class RecordPipeline:
    """
    Runs the stages over ``items``.

    A problem with one record (it cannot be read, shaped, rendered or encoded) rejects that record and
    the run goes on. A problem with the run (credentials refused, host unreachable, the input cannot be
    read further, a sink fails) stops it: no new call starts, calls in flight finish and are accounted,
    every record read but not sent is rejected as not sent, and ``run_error`` holds the cause.

    :param send: sends one prepared call and returns the response (the hook); unused in a dry run.
    :param sinks: ``EventSink``s receive every call's event, ``OutcomeSink``s every record's outcome (a sink may be
        both); each is started before the first call and closed at the end.
    :param context: Airflow context for the endpoint and body templates.
    :param preview_url: turns a rendered endpoint into the full URL shown in a dry-run preview.
    :param run: names the task run (dag_id, task_id, run_id, ...) for the sinks' ``start``.
    :param register_secrets: called with the secrets of each answer (new tokens) before any sink or log sees
        them, so a masker hides them in logs (Airflow's, through ``masking.register_secrets``).
    """

    def __init__(
        self,
        settings: PipelineSettings,
        *,
        send: Callable[[PreparedCall], Any] | None,
        sinks: Iterable[Sink] = (),
        context: dict[str, Any] | None = None,
        log: Log | None = None,
        preview_url: Callable[[str], str] = str,
        total: int | None = None,
        run: Mapping[str, Any] | None = None,
        register_secrets: RegisterSecrets = no_masking,
    ) -> None:
        settings.validate()
        self.run_info = {**dict(run or {}), "dry_run": settings.dry_run}
        self.settings = settings
        self.sinks = list(sinks)
        for sink in self.sinks:
            if not isinstance(sink, (EventSink, OutcomeSink)):
                raise TypeError(f"{type(sink).__name__} is not a sink: subclass EventSink (on_event) or OutcomeSink "
                                f"(on_outcome), or both")
        self._event_sinks: list[EventSink] = [sink for sink in self.sinks if isinstance(sink, EventSink)]
        self._outcome_sinks: list[OutcomeSink] = [sink for sink in self.sinks if isinstance(sink, OutcomeSink)]
        self.register_secrets = register_secrets
        self._sinks_lock = threading.Lock()
        self.sink_errors: list[str] = []
        self.log = log or logging.getLogger(__name__)
        self.preview_url = preview_url
        self.summary = Summary(dry_run=settings.dry_run)
        self.preview: list[dict[str, Any]] = []
        self.run_error: BaseException | None = None
        self._pending: dict[int, Item] = {}
        self._answered: dict[int, Delivery] = {}  # answered on a worker thread, not yet counted in order
        self._reader = settings.response_reader
        self._fail_fast = settings.on_error == "fail_fast"
        g = settings.grouping
        encode = settings.body_kind is BodyKind.RECORDS or (g.batching and g.grouping == "by_size")
        self.shaper = Shaper(settings.exclude_attributes, encode=encode, defaults=settings.record_defaults)
        self.renderer = RequestRenderer(
            settings.method, settings.endpoint, headers=settings.headers, body=settings.body, batch_key=g.batch_key,
            batching=g.batching, context=context, content_type=settings.content_type)
        self.deliverer = Deliverer(send or self._no_send, settings.max_concurrency, after_send=self._after_send)
        self.progress = Progress(self.log, total, settings.progress_seconds)

    @staticmethod
    def _no_send(call: PreparedCall) -> Any:
        raise RuntimeError("no transport configured")

    # -- stopping -----------------------------------------------------------------------------------
    def stop(self, reason: str, error: BaseException | None = None) -> None:
        """Start no new call; the first reason given is the one reported."""
        if self.summary.stop_reason is None:
            self.summary.stop_reason = reason
            if error is not None:
                self.run_error = error
        self.deliverer.stop()

    # -- accounting ---------------------------------------------------------------------------------
    def _finish(self, outcome: Outcome) -> None:
        self._pending.pop(outcome.item.index, None)
        self.summary.count(outcome)
        if self._outcome_sinks:
            self._notify(self._outcome_sinks, lambda sink: sink.on_outcome(outcome))
        if outcome.status is not SUCCEEDED and outcome.status is not UNCHANGED:
            if self.summary.failed + self.summary.rejected - self.summary.not_sent <= 10:
                self.log.warning("Record at %s %s: %s", outcome.item.location, outcome.status, outcome.reason)
            if self._fail_fast:
                self.stop("the first failure (on_error='fail_fast')")

    def _notify(self, sinks: list[S], action: Callable[[S], None]) -> None:
        """Apply ``action`` to each sink; a sink that fails stops the run (what it would record would be lost)."""
        for sink in list(sinks):
            try:
                action(sink)
            except Exception as exc:
                self._sink_failed(sink, exc)

    def _start_sinks(self) -> None:
        """Each sink's ``start`` before anything is read: one that fails (a webhook that does not answer) stops the
        run before the first write."""
        for sink in list(self.sinks):
            try:
                sink.start(self.run_info)
            except Exception as exc:
                self._sink_failed(sink, exc, "before the first call")

    def _sink_failed(self, sink: Sink, exc: Exception, when: str | None = None) -> None:
        when = when or f"after {self.summary.calls + len(self._answered)} calls"  # answered ones not yet counted too
        message = f"{type(sink).__name__} failed {when}: {type(exc).__name__}: {exc}"
        self.log.error("%s; the run stops, no new call is made", message)
        self.sink_errors.append(message)
        self.sinks = [s for s in self.sinks if s is not sink]
        self._event_sinks = [s for s in self._event_sinks if s is not sink]
        self._outcome_sinks = [s for s in self._outcome_sinks if s is not sink]
        self.stop(f"an output failed ({message})", SinkError(message))

    def _reject(self, item: Item, reason: str) -> None:
        self._finish(reject(item, reason))

    def reject_unsent(self, item: Item, reason: str) -> None:
        """Account a record some other stage refused (it counts as read and rejected, and reaches the sinks)."""
        self.summary.records_read += 1
        self._reject(item, reason)

    def _not_sent(self, item: Item) -> None:
        self.summary.not_sent += 1
        self._finish(reject(item, f"not sent: the run stopped at {self.summary.stop_reason or 'an interruption'}"))

    # -- stages -------------------------------------------------------------------------------------
    def _read(self, items: Iterable[Item]) -> Iterator[Item]:
        """The input, read until it ends or the run stops; an error of the input itself stops the run,
        a problem with one record rejects that record."""
        iterator = iter(items)
        summary, deliverer, pending = self.summary, self.deliverer, self._pending
        while not deliverer.stopped:
            try:
                item = next(iterator)
            except StopIteration:
                return
            except Exception as exc:
                where = f"after {summary.last_read}" if summary.last_read else "before the first record"
                self.stop(f"an input error {where}", RunError(
                    f"reading the records stopped {where}: {type(exc).__name__}: {exc}"))
                return
            summary.last_read = item.location
            summary.records_read += 1
            pending[item.index] = item
            if item.error:
                self._reject(item, item.error)
                continue
            try:
                if self.shaper.defaults:
                    self.shaper.fill_defaults(item)
                if self.settings.record_prepare is not None and not self._prepare(item):
                    continue
                if self.settings.record_check is not None:
                    problem = self.settings.record_check(item.fields)
                    if problem:
                        self._reject(item, problem)
                        continue
                self.shaper.shape(item)
            except Exception as exc:  # one record's problem stays that record's
                item.error = f"{type(exc).__name__}: {exc}"
            if item.error:
                self._reject(item, item.error)
                continue
            yield item

    def _prepare(self, item: Item) -> bool:
        """Apply ``record_prepare``; False (the record rejected) when it refuses the record."""
        try:
            assert self.settings.record_prepare is not None
            prepared = self.settings.record_prepare(item.fields)
        except (OSError, ValueError) as exc:
            self._reject(item, str(exc))
            return False
        if prepared is not item.record:
            item.record, item.encoded = dict(prepared), None  # the line's text is no longer the record
        return True

    def _calls(self, items: Iterable[Item]) -> Iterator[PreparedCall]:
        for batch in make_batches(self._read(items), self.settings.grouping, self._reject):
            try:
                call = self.renderer.render(batch)
            except RenderError as exc:
                reason = str(exc)
            except Exception as exc:  # e.g. a value that cannot be encoded into the URL
                reason = f"{type(exc).__name__}: {exc}"
            else:
                if not self.settings.grouping.batching:
                    call.items[0].body = call.body
                yield call
                continue
            for item in batch.items:
                self._reject(item, reason)

    def _preview(self, calls: Iterator[PreparedCall]) -> None:
        for call in calls:
            if len(self.preview) < self.settings.preview_limit:
                self.preview.append({
                    "method": call.method, "url": self.preview_url(call.url),
                    "headers": {**call.headers, "Authorization": "Bearer ***"},
                    "body": json.loads(call.body) if call.body else None, "records": call.indices,
                })
            self.summary.calls += 1
            for item in call.items:
                self._pending.pop(item.index, None)
                self.summary.previewed += 1
            self.progress.update(self.summary)

    def _after_send(self, delivery: Delivery) -> None:
        """On the sending thread, as soon as the answer is in: outcomes, responses written, stop decided."""
        s = self.settings
        outcomes = delivery.outcomes = account_delivery(delivery, self._reader, s.response_check, s.if_exists,
                                                        s.if_missing)
        secrets = response_secrets(delivery.response)
        if secrets:
            self.register_secrets(secrets, f"the answer to {delivery.call.method} {urlsplit(delivery.call.url).path}")
        self._answered[id(delivery.call)] = delivery  # dict writes are atomic: no lock needed
        if self._event_sinks:
            with self._sinks_lock:
                event = delivery_event(delivery, outcomes)
                self._notify(self._event_sinks, lambda sink: sink.on_event(event))
        if isinstance(delivery.error, RunError):
            self.stop(f"a run-level failure ({type(delivery.error).__name__})", delivery.error)
        elif self._fail_fast and not all(o.status.ok for o in outcomes):
            self.stop("the first failure (on_error='fail_fast')")

    def _count(self, delivery: Delivery) -> None:
        """Count an answered call's outcomes, in input order."""
        del self._answered[id(delivery.call)]
        summary = self.summary
        summary.calls += 1
        summary.status_counts[delivery.response.status_code if delivery.response is not None else "error"] += 1
        for outcome in delivery.outcomes:
            self._finish(outcome)
        self.progress.update(summary)

    def _deliver(self, calls: Iterator[PreparedCall]) -> None:
        deliveries = self.deliverer.run(calls)
        try:
            for delivery in deliveries:
                if not delivery.skipped:
                    self._count(delivery)
        finally:
            deliveries.close()  # waits for calls in flight
            for delivery in list(self._answered.values()):  # answered while the run was interrupted: counted
                self._count(delivery)

    def run(self, items: Iterable[Item]) -> Summary:
        """Run every stage over ``items`` and return the summary (sinks are closed).

        A run-level failure does not raise: it is in ``run_error`` and the summary's ``stop_reason``.
        An interruption (a task timeout, a signal) is raised after every record read is accounted.
        """
        try:
            self._start_sinks()
            calls = self._calls(items)
            if self.settings.dry_run:
                self._preview(calls)
            else:
                self._deliver(calls)
        except BaseException as exc:
            self.stop(f"an interruption ({type(exc).__name__})")
            raise
        finally:
            for item in list(self._pending.values()):
                self._not_sent(item)
            self.summary.elapsed_seconds = time.monotonic() - self.summary.started
            self._close_sinks()
        return self.summary

    def _close_sinks(self) -> None:
        for sink, exc in close_all(self.sinks):
            message = f"{type(sink).__name__} failed on closing after {self.summary.calls} calls: " \
                      f"{type(exc).__name__}: {exc}"
            self.log.error("%s", message)
            self.sink_errors.append(message)
            self.run_error = self.run_error or SinkError(message)
