"""The base of the endpoint operators: a send operator whose preset is a class attribute."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.presets.registry import EndpointPreset

_FIXED = ("endpoint_preset", "endpoint", "method")


class DockerHubEndpointOperator(DockerHubSendOperator):
    """
    One Docker Hub write endpoint: method, path, body, record checks, grouping and response reading come
    from ``preset``. Every other parameter of :class:`DockerHubSendOperator` is accepted; the common ones
    are typed here.

    :param records: a list of dicts, an XComArg, or a JSON string of a list of objects. (templated)
    :param records_path: a ``.json``, ``.jsonl``/``.ndjson`` or ``.csv`` file, local or object storage. (templated)
    :param exclude_attributes: attributes (dotted paths) removed before the body is built. (templated)
    :param max_concurrency: calls in flight at once.
    :param dry_run: render every call and send none.
    :param on_error: ``fail``, ``fail_fast`` or ``continue``.
    :param if_exists: ``skip`` (default): a create answered "already exists" ends ``unchanged``; ``fail``.
    :param if_missing: ``skip`` (default): a delete answered "already gone" (404) ends ``unchanged``; ``fail``.
    :param rejects_path: where failed and rejected records go, one JSON line each. (templated)
    :param response_path: where every call's event goes, one JSON line each (token secrets too). (templated)
    """

    preset: ClassVar[EndpointPreset]

    def __init__(
        self,
        *,
        records: Any = None,
        records_path: str | None = None,
        records_format: str | None = None,
        csv_types: Mapping[str, str] | None = None,
        exclude_attributes: Sequence[str] | str | None = None,
        max_concurrency: int = 1,
        dry_run: bool = False,
        on_error: str = "fail",
        if_exists: str = "skip",
        if_missing: str = "skip",
        response_check: Callable[[Any], bool] | None = None,
        rejects_path: str | None = None,
        response_path: str | None = None,
        **kwargs: Any,
    ) -> None:
        fixed = [key for key in _FIXED if key in kwargs]
        if fixed:
            raise TypeError(f"{type(self).__name__} sets {', '.join(fixed)} itself")
        super().__init__(
            endpoint_preset=self.preset.name, records=records, records_path=records_path, records_format=records_format,
            csv_types=csv_types, exclude_attributes=exclude_attributes, max_concurrency=max_concurrency, dry_run=dry_run,
            on_error=on_error, if_exists=if_exists, if_missing=if_missing, response_check=response_check,
            rejects_path=rejects_path, response_path=response_path, **kwargs)
