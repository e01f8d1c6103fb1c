"""Where records are read from and responses written to: a local path or any ``ObjectStoragePath`` URI."""

from __future__ import annotations

from pathlib import Path
from typing import IO


def is_uri(path: str) -> bool:
    """True for ``scheme://...`` locations, which go through Airflow's ObjectStoragePath."""
    return "://" in path


def open_for_reading(path: str) -> IO[bytes]:
    """Open ``path`` for binary reading."""
    if is_uri(path):
        from airflow_provider_dockerhub._compat import ObjectStoragePath

        return ObjectStoragePath(path).open("rb")
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def open_for_appending(path: str) -> IO[bytes]:
    """Open ``path`` to add lines: appended locally (folders made as needed); a URI's object is written whole."""
    if is_uri(path):
        from airflow_provider_dockerhub._compat import ObjectStoragePath

        return ObjectStoragePath(path).open("wb")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "ab")  # noqa: SIM115 - the caller closes it
