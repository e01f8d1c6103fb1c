"""
One operator per Docker Hub write endpoint, generated from the preset registry.

Each ``DockerHub<Action>Operator`` is a ``DockerHubSendOperator`` whose method, endpoint, body,
record checks, grouping and response reading come from its preset; it takes every other parameter
of the send operator (records or records_path, exclude_attributes, dry_run, on_error, sinks, ...)::

    DockerHubCreateRepositoryOperator(task_id="create", records_path="/data/repos.jsonl")
"""

from __future__ import annotations

import json
import types
from typing import Any

from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.presets.registry import PRESETS, EndpointPreset

_FIXED = ("endpoint_preset", "endpoint", "method")


def _docstring(preset: EndpointPreset) -> str:
    optional = [a for a in preset.attributes if a not in preset.required_attributes]
    lines = [
        f"{preset.summary}",
        "",
        f"``{preset.method} {preset.path}``, one {'batch of records' if preset.batched else 'record'} per call.",
        "",
        f"Record attributes: required {', '.join(f'``{a}``' for a in preset.required_attributes) or 'none'}; "
        f"optional {', '.join(f'``{a}``' for a in optional) or 'none'}.",
        f"Example record: ``{json.dumps(dict(preset.example))}``.",
        "",
        "Takes every parameter of :class:`DockerHubSendOperator` except ``method``, ``endpoint`` and",
        "``endpoint_preset``.",
    ]
    return "\n".join(lines)


def _make_operator(preset: EndpointPreset) -> type[DockerHubSendOperator]:
    def __init__(self: DockerHubSendOperator, **kwargs: Any) -> None:
        fixed = [key for key in _FIXED if key in kwargs]
        if fixed:
            raise TypeError(f"{preset.operator} sets {', '.join(fixed)} itself")
        DockerHubSendOperator.__init__(self, endpoint_preset=preset.name, **kwargs)

    def body(namespace: dict[str, Any]) -> None:
        namespace.update(__init__=__init__, __doc__=_docstring(preset), __module__=__name__, preset=preset)

    return types.new_class(preset.operator, (DockerHubSendOperator,), exec_body=body)


OPERATORS: dict[str, type[DockerHubSendOperator]] = {preset.operator: _make_operator(preset) for preset in PRESETS}
globals().update(OPERATORS)
__all__ = sorted(OPERATORS)
