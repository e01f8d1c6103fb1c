"""DockerHubRecordsOperator: what the send and sync operators share: records in, outputs, outcomes, lineage.

The two are siblings over this base (neither refuses the other's parameters): it owns the input
(``records``, ``records_path``), the outputs opened once per task (``response_path``, ``rejects_path``, the
webhook, XCom and user sinks), ``on_error``, ``dry_run``, ``max_concurrency``, the checks of those parameters at
parse time and after rendering, templating, the "Docker Hub" link and OpenLineage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from airflow_provider_dockerhub._compat import BaseOperator
from airflow_provider_dockerhub.exceptions import DockerHubRunError, DockerHubSinkError
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.operators.lineage import WrittenResources, operator_lineage
from airflow_provider_dockerhub.operators.links import DockerHubLink, hub_page
from airflow_provider_dockerhub.operators.params import (
    Converter,
    check_parameters,
    for_task,
    is_unrendered,
    one_of,
    optional,
    to_bool,
    whole_number,
)
from airflow_provider_dockerhub.operators.webhooks import webhook_from_connection, webhook_sink
from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.runner import ON_ERROR
from airflow_provider_dockerhub.pipeline.sinks import (
    PUSH_RESPONSES,
    EventSink,
    LentSink,
    OutcomeSink,
    RejectsFile,
    ResponseFile,
    Sink,
    XComResponses,
    check_webhook_url,
    close_all,
)
from airflow_provider_dockerhub.pipeline.sources import CSV_CONVERTERS, FORMATS, RecordReader, is_reader_class, read_records
from airflow_provider_dockerhub.pipeline.storage import same_location
from airflow_provider_dockerhub.templating import add_filters

if TYPE_CHECKING:
    from airflow.sdk import Context

__all__ = ["RECORDS_CHECKS", "DockerHubRecordsOperator"]


def _reader_class(value: Any, name: str) -> type[RecordReader]:
    if not is_reader_class(value):
        raise ValueError(f"{name} must be a subclass of pipeline.sources.RecordReader, got {value!r}")
    return value  # type: ignore[no-any-return]


def _csv_types(value: Any, name: str) -> dict[str, str]:
    if isinstance(value, Mapping) and all(isinstance(k, str) and v in CSV_CONVERTERS for k, v in value.items()):
        return dict(value)
    raise ValueError(f"{name} must map CSV column names to one of {', '.join(map(repr, CSV_CONVERTERS))}, got {value!r}")


def _sinks(value: Any, name: str) -> tuple[Sink, ...]:
    sinks = tuple(value or ())
    wrong = [sink for sink in sinks if not isinstance(sink, (EventSink, OutcomeSink))]
    if wrong:
        raise ValueError(f"{name} must be sinks (subclasses of pipeline.sinks.EventSink and/or OutcomeSink), "
                         f"got {wrong[0]!r}")
    return sinks


#: The shared parameters with a fixed set of values: checked when the DAG is parsed and, for a templated one,
#: again right after rendering (``params.check_parameters``).
RECORDS_CHECKS: dict[str, Converter] = {
    "records_format": optional(one_of((*FORMATS, "ndjson"), ignore_case=True)),
    "csv_types": optional(_csv_types),
    "records_reader": optional(_reader_class),
    "max_concurrency": whole_number(1),
    "dry_run": to_bool,
    "on_error": one_of(ON_ERROR),
    "push_responses": one_of(PUSH_RESPONSES),
    "include_secrets_in_xcom": to_bool,
    "allow_insecure_webhook": to_bool,
    "sinks": _sinks,
}


class DockerHubRecordsOperator(BaseOperator):
    """
    The shared base of :class:`~airflow_provider_dockerhub.operators.send.DockerHubSendOperator` and
    :class:`~airflow_provider_dockerhub.operators.sync.DockerHubSyncOperator`.

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated: a
        string only; a list's values are sent as they are)
    :param records_path: a ``.json`` (array), ``.jsonl``/``.ndjson`` or ``.csv`` file: a local path or any
        URI ``ObjectStoragePath`` understands; read as a stream. (templated)
    :param records_format: ``json``, ``jsonl`` or ``csv`` when the extension does not tell. (templated)
    :param csv_types: CSV column -> ``int``, ``float``, ``bool`` or ``json``; other CSV values stay strings.
    :param records_reader: a ``pipeline.sources.RecordReader`` subclass of your own that reads the file
        (a format the provider does not ship); ``records_format`` is then not used.
    :param max_concurrency: calls in flight at once, sharing one session and one rate limiter.
    :param dry_run: send nothing; log and return what would be done. ``True``/``False`` or, rendered, the text
        ``"true"``/``"false"``. (templated)
    :param on_error: ``fail`` (do everything, then fail if any record failed or was rejected),
        ``fail_fast`` (start no call after the first failure) or ``continue`` (succeed; the counts tell).
        A run-level failure (credentials refused, host unreachable, connection missing, input or an
        output failing) stops the run and fails the task whatever this says. (templated)
    :param response_check: callable on each response; False marks that call's records failed.
    :param response_webhook_url: POST every call's event (what was sent, what came back) here, after one
        ``run_started`` event that must be accepted before the first call. (templated)
    :param response_webhook_conn_id: or an Airflow HTTP connection for the webhook.
    :param response_path: append every call's event as a JSON line to this file / URI, written and flushed
        as soon as the answer arrives (so new token secrets survive a crash); made ``0600`` whatever mode it
        had. (templated)
    :param rejects_path: append every failed or rejected record as read, with the body sent and the reason, as a
        JSON line; made ``0600`` whatever mode it had. Neither file may be ``records_path``. (templated)
    :param push_responses: what goes to XCom key ``responses``: ``none``, ``failed`` or ``all`` (the first
        1000 events; ``response_path`` keeps every one).
    :param include_secrets_in_xcom: keep token values of responses in XCom (they are redacted otherwise).
    :param allow_insecure_webhook: allow a plain ``http://`` webhook on a host other than loopback (events carry
        records and new token secrets, sent unencrypted then); refused otherwise.
    :param sinks: your own outputs: ``pipeline.sinks.EventSink`` (``on_event``, one per call) and/or
        ``OutcomeSink`` (``on_outcome``, one per record) objects, with optional ``start`` and ``close``; started
        and closed once per task beside the others.
    """

    template_fields: Sequence[str] = (
        "dockerhub_conn_id",
        "records",
        "records_path",
        "records_format",
        "response_webhook_url",
        "response_path",
        "rejects_path",
        "on_error",
        "dry_run",
    )
    template_fields_renderers = {"records": "json"}
    #: shadows ``BaseOperator.dry_run()`` (a method the task runner never calls) with the contract parameter
    dry_run: bool  # type: ignore[assignment]
    ui_color = "#1d63ed"
    operator_extra_links = (DockerHubLink(),)

    def __init__(
        self,
        *,
        dockerhub_conn_id: str = DockerHubHook.default_conn_name,
        records: Any = None,
        records_path: str | None = None,
        records_format: str | None = None,
        csv_types: Mapping[str, str] | None = None,
        records_reader: type[RecordReader] | None = None,
        max_concurrency: int = 1,
        dry_run: bool | str = False,
        on_error: str = "fail",
        response_check: Callable[[Any], bool] | None = None,
        response_webhook_url: str | None = None,
        response_webhook_conn_id: str | None = None,
        response_path: str | None = None,
        rejects_path: str | None = None,
        push_responses: str = "none",
        include_secrets_in_xcom: bool = False,
        allow_insecure_webhook: bool = False,
        sinks: Sequence[Sink] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.dockerhub_conn_id = dockerhub_conn_id
        self.records = records
        self.records_path = records_path
        self.records_format = records_format
        self.csv_types = csv_types
        self.records_reader = records_reader
        self.max_concurrency = max_concurrency
        self.dry_run = dry_run  # type: ignore[assignment]  # text until rendered, then converted
        self.on_error = on_error
        self.response_check = response_check
        self.response_webhook_url = response_webhook_url
        self.response_webhook_conn_id = response_webhook_conn_id
        self.response_path = response_path
        self.rejects_path = rejects_path
        self.push_responses = push_responses
        self.include_secrets_in_xcom = include_secrets_in_xcom
        self.allow_insecure_webhook = allow_insecure_webhook
        self.sinks = sinks
        self.check_records_parameters(rendered=False)

    def check_records_parameters(self, *, rendered: bool) -> None:
        """Check and convert the shared parameters (``RECORDS_CHECKS``) and the outputs: when the DAG is parsed (a
        templated value still holding a template is left for later) and right after rendering."""
        check_parameters(self, RECORDS_CHECKS, rendered=rendered)
        with for_task(self):
            if self.response_webhook_url and self.response_webhook_conn_id:
                raise ValueError("give response_webhook_url or response_webhook_conn_id, not both")
            if self.response_webhook_url and (rendered or not is_unrendered(self.response_webhook_url)):
                check_webhook_url(str(self.response_webhook_url), allow_insecure=self.allow_insecure_webhook)

    def get_hook(self, *, pool_maxsize: int) -> DockerHubHook:
        """The hook the task calls Docker Hub with; a subclass may build it otherwise (e.g. with a fake ``clock``
        and ``sleep`` in a test)."""
        return DockerHubHook(self.dockerhub_conn_id, pool_maxsize=pool_maxsize)

    # -- input and outputs --------------------------------------------------------------------------
    def read_input(self) -> Iterator[Item]:
        """The records, streamed from ``records`` or ``records_path``."""
        return read_records(self.records, self.records_path, self.records_format, self.csv_types,
                            records_reader=self.records_reader)

    def build_sinks(self) -> tuple[list[Sink], XComResponses]:
        """The outputs the parameters ask for, the user's ``sinks`` last; the XCom one is also returned."""
        xcom = XComResponses(self.push_responses, include_secrets=self.include_secrets_in_xcom)
        sinks: list[Sink] = [xcom] if self.push_responses != "none" else []  # no events built for nothing
        if self.rejects_path:
            sinks.append(RejectsFile(self.rejects_path))
        if self.response_path:
            sinks.append(ResponseFile(self.response_path))
        if self.response_webhook_url:
            sinks.append(webhook_sink(self.response_webhook_url, allow_insecure=self.allow_insecure_webhook))
        elif self.response_webhook_conn_id:
            sinks.append(webhook_from_connection(self.response_webhook_conn_id,
                                                 allow_insecure=self.allow_insecure_webhook))
        return [*sinks, *self.sinks], xcom

    @contextmanager
    def task_sinks(self, context: Context | None) -> Iterator[tuple[list[Sink], XComResponses]]:
        """The outputs, owned by the task: each started once before anything is read (a webhook checks itself)
        and closed once at the end, also when the task fails; the pipelines of the task's phases write to them
        through ``LentSink`` wrappers (yielded), so every file, URI and webhook receives every phase. A sink that
        fails to start raises DockerHubSinkError; one that fails to close, DockerHubRunError."""
        sinks, xcom = self.build_sinks()
        run = self._run_info(context)
        ended = False
        try:
            for sink in sinks:
                try:
                    sink.start(run)
                except Exception as exc:
                    raise DockerHubSinkError(f"{type(sink).__name__} failed before the first call: "
                                             f"{type(exc).__name__}: {exc}") from None
            yield [LentSink(sink) for sink in sinks], xcom
            ended = True
        finally:
            errors = [f"{type(sink).__name__}: {type(exc).__name__}: {exc}" for sink, exc in close_all(sinks)]
            if errors and not ended:  # the task's own error goes up; say what the outputs may have lost
                self.log.error("An output failed on closing after the task failed: %s", "; ".join(errors))
        if errors:
            raise DockerHubRunError(f"{self.task_id}: an output failed on closing: {'; '.join(errors)}")

    def check_locations(self) -> None:
        """Refuse outputs that would write into the input (an endless loop) or into each other."""
        outputs = {"rejects_path": self.rejects_path, "response_path": self.response_path}
        named = {name: str(path) for name, path in outputs.items() if path}
        if self.records_path:
            for name, path in named.items():
                if same_location(path, str(self.records_path)):
                    raise ValueError(f"{name} {path!r} is the input file records_path; give another file")
        if len(named) == 2 and same_location(*named.values()):
            raise ValueError("rejects_path and response_path name the same file; give two files")

    def _run_info(self, context: Context | None) -> dict[str, Any]:
        """Names this task run in the webhook's ``run_started`` event."""
        ti = (context or {}).get("ti")
        return {"dag_id": getattr(ti, "dag_id", None), "task_id": self.task_id, "run_id": getattr(ti, "run_id", None),
                "map_index": getattr(ti, "map_index", -1), "try_number": getattr(ti, "try_number", None)}

    # -- lineage and links --------------------------------------------------------------------------
    @property
    def written(self) -> WrittenResources:
        """The Docker Hub paths this task wrote to (for OpenLineage and the link)."""
        if getattr(self, "_written", None) is None:
            self._written = WrittenResources()
        return self._written

    @property
    def dockerhub_page(self) -> str | None:
        """The Docker Hub page of the organization or repository this task wrote to (its "Docker Hub" link)."""
        return hub_page(self.written.paths)

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        """OpenLineage: the records file read and the Docker Hub resources written (see ``operators.lineage``)."""
        return operator_lineage(self.records_path, getattr(self, "_lineage_base_url", None), self.written)

    # -- rendering ----------------------------------------------------------------------------------
    def render_template_fields(self, context: Context, jinja_env: Any = None) -> None:
        """Render with the provider's filters (``templating.FILTERS``, e.g. ``{{ run_id | safe_filename }}``) added."""
        super().render_template_fields(context, add_filters(jinja_env or self.get_template_env()))

    def render_template(self, content: Any, context: Context, jinja_env: Any = None, seen_oids: Any = None) -> Any:
        """Render templates, except inside literal records: a list or dict of records is data, never a
        template (only a ``records`` string, such as an XCom pull, is rendered)."""
        if content is self.records and isinstance(content, (list, tuple, dict)):
            return content
        return super().render_template(content, context, jinja_env, seen_oids)
