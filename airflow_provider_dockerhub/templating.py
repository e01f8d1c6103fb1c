"""Jinja filters the provider's operators add to the template environment they render with.

``safe_filename`` turns a run id (``manual__2026-12-02T16:41:44.906060+00:00``) or any text into a file name
that is safe on every file system and object store: ``{{ run_id | safe_filename }}``. To use it in other
operators too, give it to the DAG: ``DAG(..., user_defined_filters=FILTERS)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["FILTERS", "add_filters", "safe_filename"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(value: Any, max_length: int = 200) -> str:
    """``value`` as a file name: every run of characters other than letters, digits, ``.``, ``_`` and ``-``
    becomes one ``_`` (so ``:``, ``+``, ``/`` and spaces go), no leading dot, at most ``max_length`` characters."""
    text = _UNSAFE.sub("_", str(value)).lstrip(".")[:max_length]
    return text or "_"


#: The filters, by name, as ``DAG(user_defined_filters=...)`` takes them.
FILTERS: dict[str, Callable[..., Any]] = {"safe_filename": safe_filename}


def add_filters(environment: Any) -> Any:
    """Add ``FILTERS`` to a Jinja environment (a filter of the same name already there wins); returns it."""
    for name, function in FILTERS.items():
        environment.filters.setdefault(name, function)
    return environment
