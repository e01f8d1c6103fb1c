"""OpenLineage for the send and sync operators: what a task read and which Docker Hub resources it wrote.

Naming: the input is the ``records_path`` file (namespace ``file`` and its absolute path, or
``scheme://bucket`` and the key for object storage, as OpenLineage names files); each output is one
Docker Hub API path a successful write went to, in namespace ``dockerhub://<host>`` (for example
``dockerhub://hub.docker.com`` and ``/v2/namespaces/acme/repositories``). Needs the optional
``apache-airflow-providers-openlineage``; without it nothing is reported and nothing is imported.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from airflow_provider_dockerhub.wire import host_of

#: At most this many distinct output paths are kept for one task (a lineage event is no inventory).
MAX_OUTPUTS = 1000


class WrittenResources:
    """Collects, thread-safely, the API paths that successful writes went to."""

    def __init__(self) -> None:
        self.paths: dict[str, None] = {}
        self._lock = threading.Lock()

    def recording(self, send: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """``send`` that remembers the path of every call answered 2xx."""

        def send_and_record(call: Any) -> Any:
            response = send(call)
            if 200 <= getattr(response, "status_code", 0) < 300 and len(self.paths) < MAX_OUTPUTS:
                with self._lock:
                    self.paths[urlsplit(call.url).path] = None
            return response

        return send_and_record


def file_dataset(path: str) -> tuple[str, str]:
    """OpenLineage's (namespace, name) of a local path or an object-storage URI."""
    if "://" in path:
        scheme, _, rest = path.partition("://")
        bucket, _, key = rest.partition("/")
        return f"{scheme}://{bucket.rpartition('@')[2]}", key or "/"
    return "file", os.path.abspath(path)


def operator_lineage(records_path: str | None, base_url: str | None, written: WrittenResources) -> Any:
    """The ``OperatorLineage`` of one task run."""
    from airflow.providers.common.compat.openlineage.facet import Dataset
    from airflow.providers.openlineage.extractors import OperatorLineage

    inputs = [Dataset(*file_dataset(str(records_path)))] if records_path else []
    host = host_of(base_url or "https://hub.docker.com")  # never the user info, should a host carry one
    outputs = [Dataset(namespace=f"dockerhub://{host}", name=path) for path in written.paths]
    return OperatorLineage(inputs=inputs, outputs=outputs)
