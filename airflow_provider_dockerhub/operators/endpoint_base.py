"""The base of the endpoint operators: a send operator whose preset is a class attribute."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.pipeline.sinks import Sink
from airflow_provider_dockerhub.pipeline.sources import RecordReader
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset

__all__ = ["ENDPOINT_DEFAULTS", "FIXED_PARAMETERS", "DockerHubEndpointOperator"]

#: The send operator's parameters an endpoint operator sets itself (from its preset).
FIXED_PARAMETERS = ("endpoint_preset", "endpoint", "method")
#: The send operator's defaults an endpoint operator changes: a rerun of a create or a delete succeeds.
ENDPOINT_DEFAULTS = {"if_exists": "skip", "if_missing": "skip"}


class DockerHubEndpointOperator(DockerHubSendOperator):
    """
    One Docker Hub write endpoint: method, path, body, record checks, grouping and response reading come
    from ``preset``. Every other parameter of :class:`DockerHubSendOperator` is accepted, and listed here;
    a create answered "already exists" and a delete answered "already gone" end ``unchanged`` by default.

    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    """

    preset: ClassVar[EndpointPreset]

    def __init__(
        self,
        *,
        # <generated send-parameters> from DockerHubSendOperator.__init__ by scripts/gen_docs.py; edit there
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
        if_exists: str = "skip",
        if_missing: str = "skip",
        # </generated>
        **kwargs: Any,
    ) -> None:
        fixed = [key for key in FIXED_PARAMETERS if key in kwargs]
        if fixed:
            raise TypeError(f"{type(self).__name__} sets {', '.join(fixed)} itself")
        super().__init__(
            endpoint_preset=self.preset,
            # <generated send-arguments> from DockerHubSendOperator.__init__ by scripts/gen_docs.py; edit there
            dockerhub_conn_id=dockerhub_conn_id, records=records, records_path=records_path,
            records_format=records_format, csv_types=csv_types, records_reader=records_reader,
            max_concurrency=max_concurrency, dry_run=dry_run, on_error=on_error, response_check=response_check,
            response_webhook_url=response_webhook_url, response_webhook_conn_id=response_webhook_conn_id,
            response_path=response_path, rejects_path=rejects_path, push_responses=push_responses,
            include_secrets_in_xcom=include_secrets_in_xcom, allow_insecure_webhook=allow_insecure_webhook, sinks=sinks,
            headers=headers, exclude_attributes=exclude_attributes, body=body, batching=batching, batch_size=batch_size,
            grouping=grouping, group_by=group_by, max_batch_bytes=max_batch_bytes, batch_key=batch_key,
            api_dry_run=api_dry_run, preview_limit=preview_limit, if_exists=if_exists, if_missing=if_missing,
            # </generated>
            **kwargs)
