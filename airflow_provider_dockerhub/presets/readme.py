"""A repository's texts: ``full_description_path`` read into ``full_description``, and Docker Hub's limits.

``resolve_full_description`` is the one place a README file becomes a record's ``full_description``; the
repository presets call it before checking and sending a record, and the sync can call it before comparing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow_provider_dockerhub.hub import DESCRIPTION_MAX_CHARS, FULL_DESCRIPTION_MAX_BYTES
from airflow_provider_dockerhub.pipeline.storage import open_for_reading

PATH_ATTRIBUTE = "full_description_path"
#: A README is read up to this many bytes (more is refused unread): every read is bounded.
READ_LIMIT = 1_000_000


def read_text(path: str) -> str:
    """The UTF-8 text of a local file or object-storage URI; ValueError names the path and the problem."""
    try:
        with open_for_reading(path) as handle:
            data = handle.read(READ_LIMIT + 1)
    except (OSError, ValueError) as exc:
        raise ValueError(f"{PATH_ATTRIBUTE} {path!r} cannot be read: {type(exc).__name__}: {exc}") from None
    if len(data) > READ_LIMIT:
        raise ValueError(f"{PATH_ATTRIBUTE} {path!r} is larger than {READ_LIMIT:,} bytes; Docker Hub's full "
                         f"description holds at most {FULL_DESCRIPTION_MAX_BYTES:,}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{PATH_ATTRIBUTE} {path!r} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def resolve_full_description(record: Mapping[str, Any]) -> Mapping[str, Any]:
    """``record`` with the text of the file its ``full_description_path`` names as ``full_description``
    (the path attribute is dropped); ``record`` itself when it names no file.

    ValueError when the file cannot be read or the record also gives ``full_description``.
    """
    path = record.get(PATH_ATTRIBUTE)
    if path in (None, ""):
        return record
    if not isinstance(path, str):
        raise ValueError(f"{PATH_ATTRIBUTE} must be a path or URI text, got {type(path).__name__}")
    if record.get("full_description") is not None:
        raise ValueError(f"give full_description or {PATH_ATTRIBUTE}, not both")
    text = read_text(path)
    problem = full_description_problem(text, f"the text of {PATH_ATTRIBUTE} {path!r}")
    if problem:
        raise ValueError(problem)
    resolved = {name: value for name, value in record.items() if name != PATH_ATTRIBUTE}
    resolved["full_description"] = text
    return resolved


def full_description_problem(text: str, what: str = "attribute 'full_description'") -> str | None:
    """Why ``text`` is too long for a full description, or None."""
    size = len(text.encode("utf-8"))
    if size > FULL_DESCRIPTION_MAX_BYTES:
        return (f"{what} is {size:,} bytes (UTF-8); Docker Hub's full description holds at most "
                f"{FULL_DESCRIPTION_MAX_BYTES:,}")
    return None


def text_limits_problem(record: Mapping[str, Any]) -> str | None:
    """Why a repository record's texts exceed Docker Hub's limits (field and length named), or None."""
    description = record.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX_CHARS:
        return (f"attribute 'description' is {len(description):,} characters; Docker Hub's short description "
                f"holds at most {DESCRIPTION_MAX_CHARS}")
    full = record.get("full_description")
    if isinstance(full, str):
        return full_description_problem(full)
    return None
