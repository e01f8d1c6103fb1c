"""DockerHubSendOperator: records in, Docker Hub API calls out, one outcome per record."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.exceptions import DockerHubRunError, provider_error
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.masking import register_secrets
from airflow_provider_dockerhub.operators.base import DockerHubRecordsOperator
from airflow_provider_dockerhub.operators.params import (
    Converter,
    check_parameters,
    for_task,
    one_of,
    optional,
    to_bool,
    whole_number,
)
from airflow_provider_dockerhub.pipeline.account import CONFLICT_POLICIES
from airflow_provider_dockerhub.pipeline.grouping import GROUPINGS, GroupingSettings
from airflow_provider_dockerhub.pipeline.render import METHODS
from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
from airflow_provider_dockerhub.pipeline.sinks import Sink, XComResponses
from airflow_provider_dockerhub.pipeline.sources import RecordReader
from airflow_provider_dockerhub.presets.apply import build_settings
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.presets.registry import PRESETS, get_preset
from airflow_provider_dockerhub.wire import parse_headers

if TYPE_CHECKING:
    from airflow.sdk import Context

__all__ = ["DockerHubSendOperator", "stop_report"]


#: The send operator's own parameters with a fixed set of values, checked like the shared ones
#: (``operators.base.RECORDS_CHECKS``) when the DAG is parsed and after rendering.
_preset_name = one_of(p.name for p in PRESETS)


def _preset(value: Any, name: str) -> str | EndpointPreset:
    """A preset given as itself (an endpoint operator's), or the name of one."""
    return value if isinstance(value, EndpointPreset) else _preset_name(value, name)


SEND_CHECKS: dict[str, Converter] = {
    "endpoint_preset": optional(_preset),
    "method": optional(one_of(METHODS, ignore_case=True)),
    "batching": to_bool,
    "batch_size": whole_number(1),
    "grouping": one_of(GROUPINGS),
    "max_batch_bytes": optional(whole_number(3)),
    "api_dry_run": to_bool,
    "preview_limit": whole_number(0),
    "if_exists": one_of(CONFLICT_POLICIES),
    "if_missing": one_of(CONFLICT_POLICIES),
}


def stop_report(result: dict[str, Any]) -> str:
    """How far a run that stopped early got: sent, not sent, and where reading stopped (to resume from)."""
    where = (f"reading stopped after {result['last_read']}; records after it were not read"
             if result["last_read"] else "no record was read")
    return (f"The run stopped at {result['stop_reason']}: of {result['records_read']} records read, "
            f"{result['sent']} were sent ({result['succeeded']} succeeded, {result['failed']} failed) and "
            f"{result['not_sent']} were not sent; {result['rejected'] - result['not_sent']} were rejected before "
            f"sending; {where}.")


class DockerHubSendOperator(DockerHubRecordsOperator):
    """
    Turn each record, or each batch of records, into a call to a Docker Hub write endpoint.

    Records come from ``records`` (a list of dicts, an XComArg, or a JSON string) or are streamed
    from ``records_path``. Every record read ends as succeeded, failed or rejected; the return value
    (XCom ``return_value``) is a summary whose counts add up to the records read. A write that may
    have reached Docker Hub is never repeated: if it got no answer or a 5xx it fails as ``uncertain``
    ("the write may have happened"). Record values are data: Airflow renders a ``records`` string,
    never the values inside a list of records or a file.

    Every parameter with a fixed set of values is checked when the DAG is parsed, and a templated one
    again right after rendering, with the same message naming the parameter and the allowed values. The
    input, outputs, ``on_error`` and ``max_concurrency`` are those of :class:`DockerHubRecordsOperator`, which
    it shares with the sync operator.

    :param endpoint_preset: an endpoint preset or its name (see docs/presets.md), instead of
        ``method``/``endpoint``/``body``: records are checked against it before anything is sent.
    :param method: ``POST`` (default), ``PUT``, ``PATCH`` or ``DELETE`` (any case).
    :param endpoint: URL template rendered per call (not by Airflow) with ``record``, or ``records`` and
        ``group`` in batches, plus the Airflow context. Every inserted value is percent-encoded as one
        path segment. Relative to the connection's host; an absolute URL must be on the same origin.
    :param headers: extra headers, a dict or ``"h1:v1,h2:v2"`` (names and values trimmed, a value may contain ``:``);
        ``Authorization``, ``Host``, ``Content-Length``, ``Transfer-Encoding``, ``Connection`` and control
        characters are refused. (templated)
    :param exclude_attributes: attribute names or dotted paths removed from every record before the
        body is built (the endpoint still sees them). (templated)
    :param body: a Jinja template rendering to JSON (variables as for ``endpoint``, with excluded
        attributes removed), or a callable taking the record (or the list of records in a batch).
        Default: the record, or a JSON array of the batch's records.
    :param batching: False: one call per record. True: records grouped into batches.
    :param batch_size: most records per call (default 100).
    :param grouping: ``sequential``, ``by_attributes`` (needs ``group_by``) or ``by_size`` (needs ``max_batch_bytes``).
    :param group_by: attribute names whose equal values share a batch (``by_attributes``).
    :param max_batch_bytes: the largest JSON body of a batch (``by_size``).
    :param batch_key: wrap a batch as ``{batch_key: [...]}`` instead of a bare array.
    :param dry_run: render every call and send none; log and return a preview and the counts. ``True``/``False``
        or, rendered, the text ``"true"``/``"false"``. (templated)
    :param api_dry_run: for a preset whose API has its own dry run (``bulk_invite``): make the calls with
        the API's dry run, so Docker Hub validates every record and changes nothing.
    :param preview_limit: how many calls a dry run shows.
    :param if_exists: ``fail`` (default) or ``skip``: with ``skip`` a create answered "already exists" (a 409, a
        400 that says so, or a bulk invitee who is already a member) ends ``unchanged``, a kind of success, so a
        rerun does not fail.
    :param if_missing: ``fail`` (default) or ``skip``: with ``skip`` a DELETE answered 404 ends ``unchanged``.
    """

    template_fields: Sequence[str] = (*DockerHubRecordsOperator.template_fields, "headers", "exclude_attributes")
    template_fields_renderers = {**DockerHubRecordsOperator.template_fields_renderers, "headers": "json"}

    def __init__(
        self,
        *,
        # <generated records-parameters> from DockerHubRecordsOperator.__init__ by scripts/gen_docs.py; edit there
        dockerhub_conn_id: str = "dockerhub_default",
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
        # </generated>
        endpoint_preset: str | EndpointPreset | None = None,
        method: str | None = None,
        endpoint: str | None = None,
        headers: Mapping[str, str] | str | None = None,
        exclude_attributes: Sequence[str] | str | None = None,
        body: str | Callable[[Any], Any] | None = None,
        batching: bool = False,
        batch_size: int = 100,
        grouping: str = "sequential",
        group_by: Sequence[str] | str | None = None,
        max_batch_bytes: int | None = None,
        batch_key: str | None = None,
        api_dry_run: bool = False,
        preview_limit: int = 10,
        if_exists: str = "fail",
        if_missing: str = "fail",
        **kwargs: Any,
    ) -> None:
        super().__init__(
            # <generated records-arguments> from DockerHubRecordsOperator.__init__ by scripts/gen_docs.py; edit there
            dockerhub_conn_id=dockerhub_conn_id, records=records, records_path=records_path,
            records_format=records_format, csv_types=csv_types, records_reader=records_reader,
            max_concurrency=max_concurrency, dry_run=dry_run, on_error=on_error, response_check=response_check,
            response_webhook_url=response_webhook_url, response_webhook_conn_id=response_webhook_conn_id,
            response_path=response_path, rejects_path=rejects_path, push_responses=push_responses,
            include_secrets_in_xcom=include_secrets_in_xcom, allow_insecure_webhook=allow_insecure_webhook, sinks=sinks,
            # </generated>
            **kwargs)
        self.endpoint_preset = endpoint_preset
        self.method = method
        self.endpoint = endpoint
        self.headers = headers
        self.exclude_attributes = exclude_attributes
        self.body = body
        self.batching = batching
        self.batch_size = batch_size
        self.grouping = grouping
        self.group_by = group_by
        self.max_batch_bytes = max_batch_bytes
        self.batch_key = batch_key
        self.api_dry_run = api_dry_run
        self.preview_limit = preview_limit
        self.if_exists = if_exists
        self.if_missing = if_missing
        self.check_send_parameters(rendered=False)

    def check_send_parameters(self, *, rendered: bool) -> None:
        """Check and convert the send parameters (``SEND_CHECKS``, and after rendering the shared ones too): when
        the DAG is parsed (a templated value still holding a template is left for later) and right after
        rendering; ValueError names the parameter."""
        if rendered:
            self.check_records_parameters(rendered=True)
        check_parameters(self, SEND_CHECKS, rendered=rendered)
        with for_task(self):
            self._grouping().validate()

    def _grouping(self) -> GroupingSettings:
        group_by = self.group_by.split(",") if isinstance(self.group_by, str) else self.group_by
        return GroupingSettings(
            batching=self.batching, grouping=self.grouping, batch_size=self.batch_size,
            group_by=tuple(g.strip() for g in group_by or ()), max_batch_bytes=self.max_batch_bytes,
            batch_key=self.batch_key)

    # -- hooks for the endpoint presets (operators.endpoints) ---------------------------------------
    def pipeline_settings(self) -> PipelineSettings:
        """The pipeline settings this operator's parameters describe (checked before anything is sent)."""
        self.check_send_parameters(rendered=True)
        if self.endpoint_preset is None and not self.endpoint:
            raise ValueError("give endpoint (a URL template) or endpoint_preset")
        settings = PipelineSettings(
            method=str(self.method or "POST").upper(),
            endpoint=self.endpoint or "",
            headers=parse_headers(self.headers),
            body=self.body,
            exclude_attributes=self.exclude_attributes,
            grouping=self._grouping(),
            max_concurrency=self.max_concurrency,
            dry_run=self.dry_run,
            preview_limit=self.preview_limit,
            on_error=self.on_error,
            if_exists=self.if_exists,
            if_missing=self.if_missing,
            response_check=self.response_check,
        )
        if self.endpoint_preset is not None:
            preset = self.endpoint_preset
            settings = build_settings(settings, preset if isinstance(preset, EndpointPreset) else get_preset(preset),
                                      endpoint=self.endpoint, method=self.method, api_dry_run=self.api_dry_run)
        elif self.api_dry_run:
            raise ValueError("api_dry_run is for endpoint presets whose API has a dry run (bulk_invite)")
        settings.validate()
        return settings

    # -- execution ----------------------------------------------------------------------------------
    def execute(self, context: Context) -> dict[str, Any]:
        settings = self.pipeline_settings()
        self.check_locations()
        items = self.read_input()
        hook = self.get_hook(pool_maxsize=max(settings.max_concurrency, 1))
        if not settings.dry_run:
            hook.auth  # noqa: B018 - a missing or broken connection fails here, once, before anything is read
            self._lineage_base_url = hook.settings.base_url
        sinks, xcom = self.build_sinks()
        pipeline = RecordPipeline(
            settings,
            send=self.written.recording(
                lambda call: hook.request(call.method, call.url, data=call.body, headers=call.headers)),
            sinks=sinks, context=dict(context or {}), log=self.log, preview_url=self._preview_url(hook),
            total=len(self.records) if isinstance(self.records, list) else None, run=self._run_info(context),
            register_secrets=register_secrets)
        ti = context.get("ti") if context else None
        try:
            pipeline.run(items)
        except BaseException:  # a task timeout or a signal: say what was done before it goes up
            self._report(pipeline, hook, xcom, ti, failing=True)
            raise
        finally:
            hook.close()
        result = self._report(pipeline, hook, xcom, ti, failing=False)
        problems = self._problems(result, settings.on_error, pipeline.run_error)
        if problems:
            if ti is not None:
                ti.xcom_push(key="summary", value=result)
            error = provider_error(pipeline.run_error)
            error = error if isinstance(error, DockerHubRunError) else None
            raise (type(error) if error else AirflowException)(" ".join(problems))
        return result

    def _report(self, pipeline: RecordPipeline, hook: DockerHubHook, xcom: XComResponses, ti: Any, *,
                failing: bool) -> dict[str, Any]:
        """The summary as returned, logged, with responses pushed to XCom (and the summary too when failing)."""
        pipeline.summary.retries = hook.retries
        result = {**pipeline.summary.as_dict(), "sink_errors": pipeline.sink_errors}
        if pipeline.settings.dry_run:
            result["preview"] = pipeline.preview
        self._log_result(result, pipeline.preview)
        if result["uncertain"]:
            self.log.warning("%d failed writes may have happened anyway (no answer, or a 5xx after the request "
                             "reached Docker Hub): check them before sending them again", result["uncertain"])
        if ti is not None and self.push_responses != "none":
            ti.xcom_push(key="responses", value=xcom.events)
        if ti is not None and failing:
            ti.xcom_push(key="summary", value=result)
        if xcom.left_out:
            self.log.warning("XCom key 'responses' holds the first %d events; %d more are not in XCom "
                             "(set response_path to keep every response)", len(xcom.events), xcom.left_out)
        return result

    def _log_result(self, result: dict[str, Any], preview: list[dict[str, Any]]) -> None:
        for call in preview:
            self.log.info("Dry run: %s %s body=%s", call["method"], call["url"], call["body"])
        self.log.info(
            "%s %d records: %d succeeded (%d unchanged), %d failed, %d rejected%s in %d calls (%d retries, %.1fs)",
            "Previewed" if result["dry_run"] else "Sent", result["records_read"], result["succeeded"],
            result["unchanged"], result["failed"], result["rejected"],
            f", {result['previewed']} previewed" if result["dry_run"] else "",
            result["calls"], result["retries"], result["elapsed_seconds"])

    @staticmethod
    def _problems(result: dict[str, Any], on_error: str, run_error: BaseException | None) -> list[str]:
        """Why the task fails: a run-level failure, failed or rejected records (unless on_error='continue')."""
        problems = []
        if run_error is not None:
            problems.append(f"{run_error}.")
        if result["stopped_early"]:
            problems.append(stop_report(result))
        elif (result["failed"] or result["rejected"]) and on_error != "continue":
            problems.append(f"{result['failed']} of {result['records_read']} records failed and {result['rejected']} "
                            f"were rejected (on_error={on_error!r}).")
        if problems and (result["failed"] or result["rejected"] - result["not_sent"]):
            firsts = "; ".join(f"{f['location']}: {f['reason']}" for f in result["first_failures"][:3])
            problems.append(f"First: {firsts}")
        if result["uncertain"] and problems:
            problems.append(f"{result['uncertain']} failed writes may have happened anyway (no answer or a 5xx): "
                            f"check them on Docker Hub before sending them again (rejects_path keeps them).")
        if result["sink_errors"] and not result["stopped_early"]:
            problems.append(f"responses or rejects could not all be written ({'; '.join(result['sink_errors'])}); "
                            f"the {result['calls']} calls were made, see XCom key 'summary'.")
        return problems

    @staticmethod
    def _preview_url(hook: DockerHubHook) -> Callable[[str], str]:
        def url(endpoint: str) -> str:
            try:
                return hook.url_for(endpoint)
            except Exception:  # no usable connection in a dry run: show the endpoint as rendered
                return endpoint

        return url
