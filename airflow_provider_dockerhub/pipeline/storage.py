"""Where records are read from and responses written to: a local path or any ``ObjectStoragePath`` URI.

A URI is opened with Airflow's ``ObjectStoragePath`` when Airflow is installed (its connections give the
credentials: ``s3://aws_default@bucket/key``), else with ``upath.UPath`` (universal_pathlib over fsspec, which
``ObjectStoragePath`` is built on). Nothing of Airflow is imported until a URI is opened.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any, cast

__all__ = ["PRIVATE_FILE_MODE", "is_uri", "make_private", "object_path", "open_for_appending", "open_for_reading",
           "same_location"]

#: Files the provider writes can hold secrets (new tokens, records): only their owner may read them.
PRIVATE_FILE_MODE = 0o600


def is_uri(path: str) -> bool:
    """True for ``scheme://...`` locations, which go through ``object_path``."""
    return "://" in path


def object_path(uri: str) -> Any:
    """``uri`` as a path object that opens it: Airflow's ``ObjectStoragePath`` if Airflow is there, else ``UPath``."""
    try:
        from airflow.sdk import ObjectStoragePath
    except ImportError:
        try:
            from upath import UPath
        except ImportError:
            raise ValueError(f"{uri.split('://')[0]}:// locations need Apache Airflow or universal_pathlib "
                             f"(pip install universal_pathlib)") from None
        return UPath(uri)
    return ObjectStoragePath(uri)


def open_for_reading(path: str) -> IO[bytes]:
    """Open ``path`` for binary reading."""
    if is_uri(path):
        handle = object_path(path).open("rb")
        # readline(limit) is how readers bound a line's size; fsspec's files do not take a limit.
        return cast(IO[bytes], handle if isinstance(handle, io.BufferedIOBase) else io.BufferedReader(handle))
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def open_for_appending(path: str) -> IO[bytes]:
    """Open ``path`` to add lines: appended locally (folders made as needed); a URI's object is written whole."""
    if is_uri(path):
        return cast(IO[bytes], object_path(path).open("wb"))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        make_private(descriptor, path)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "ab")


def make_private(descriptor: int, path: str) -> None:
    """Give the open file ``PRIVATE_FILE_MODE`` whatever mode it had (an existing file may be readable by others);
    PermissionError says why when that is not possible (e.g. the file belongs to another user)."""
    mode = os.fstat(descriptor).st_mode & 0o777
    if mode == PRIVATE_FILE_MODE:
        return
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise PermissionError(
            f"{path!r} has mode {mode:04o} and cannot be made private (0600): {exc.strerror}; the provider writes "
            f"records and token secrets there, so it refuses to write to a file others may read") from None


def same_location(first: str, second: str) -> bool:
    """True when two paths or URIs name the same file (local paths compared after resolving links)."""
    if is_uri(first) or is_uri(second):
        return first.rstrip("/") == second.rstrip("/")
    return os.path.realpath(first) == os.path.realpath(second)
