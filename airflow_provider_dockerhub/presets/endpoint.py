"""EndpointPreset: one Docker Hub write endpoint described as data.

Each preset says which method and path to call, which record attributes fill the path, which go
in the body, which are required and which values an attribute may take. Each is a module constant named
after it (``CREATE_ACCESS_TOKEN``), defined beside the resource kind it writes (``resources/``);
``presets.registry`` lists them all, ``operators.endpoints`` turns each into a ``DockerHub<Action>Operator``,
and ``DockerHubSendOperator(endpoint_preset=...)`` reaches them by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from airflow_provider_dockerhub.pipeline.account import ResponseReader, read_whole_call

#: A JSON boolean: a CSV "false" string would be read by Docker Hub as true.
BOOLEAN = (True, False)

BodyBuilder = Callable[[Any, tuple[str, ...], "str | None"], Any]
RecordPrepare = Callable[[Mapping[str, Any]], Mapping[str, Any]]
RecordCheck = Callable[[Mapping[str, Any]], "str | None"]

#: Record attributes that hold a Docker ID (a user or an organization): lower case on Docker Hub, and paths are
#: case-sensitive, so a capital would only earn a 404 (docs/docker-hub-api.md N1, N2).
DOCKER_ID_ATTRIBUTES = ("org", "namespace", "username", "member")


def fields_body(record: dict[str, Any], fields: tuple[str, ...], dry_run_field: str | None) -> dict[str, Any]:
    """The record's ``fields`` that it has (path-only attributes stay out of the body)."""
    return {name: record[name] for name in fields if name in record}


@dataclass(frozen=True)
class EndpointPreset:
    """
    One Docker Hub write endpoint as data.

    :param name: registry key, e.g. ``create_repository``; it names the generated operator (``operator_name``).
    :param method: HTTP method.
    :param path: the OpenAPI path template, e.g. ``/v2/orgs/{org_name}/members/{username}``.
    :param summary: one line for the docs.
    :param path_attributes: path parameter -> record attribute that fills it.
    :param required: body attributes that must be present (path attributes always are, see ``required_attributes``).
    :param body_fields: attributes copied into the body (when present); path-only attributes are not.
    :param enums: attribute -> allowed values (for a list, every item is checked).
    :param patterns: attribute -> a regular expression its text must match (Docker Hub's own rules).
    :param defaults: attribute values filled in when a record lacks them.
    :param content_type: request content type.
    :param body_builder: builds the body from the shaped record (or the batch's records) and the body
        fields; None for calls without a body.
    :param group_by: attributes whose records share one call; set for natively batched endpoints.
    :param response_reader: turns a response into per-record outcomes.
    :param api_dry_run: the body field that asks the API itself for a dry run, if it has one.
    :param example: a sample record, used in the docs and the tests.
    :param prepare: turns a record into the record to check and send (e.g. reads the file it names); a
        ValueError rejects the record with its message.
    :param extra_check: a further check after the attribute checks (e.g. Docker Hub's length limits).
    :param source: for an endpoint the OpenAPI document lacks, the public code that shows the live one.
    """

    name: str
    method: str
    path: str
    summary: str
    path_attributes: Mapping[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    enums: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    patterns: Mapping[str, str] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    content_type: str = "application/json"
    body_builder: BodyBuilder | None = field(default=fields_body, repr=False)
    group_by: tuple[str, ...] = ()
    response_reader: ResponseReader = field(default=read_whole_call, repr=False)
    api_dry_run: str | None = None
    example: Mapping[str, Any] = field(default_factory=dict)
    prepare: RecordPrepare | None = field(default=None, repr=False)
    extra_check: RecordCheck | None = field(default=None, repr=False)
    source: str | None = None

    @property
    def operator_name(self) -> str:
        """The generated operator's class name: ``create_access_token`` -> ``DockerHubCreateAccessTokenOperator``."""
        return "DockerHub" + "".join(word.capitalize() for word in self.name.split("_")) + "Operator"

    @property
    def documented(self) -> bool:
        """True when the endpoint is in Docker Hub's OpenAPI document (``source`` is None)."""
        return self.source is None

    @property
    def batched(self) -> bool:
        """True for natively batched endpoints (many records per call)."""
        return bool(self.group_by)

    @property
    def required_attributes(self) -> tuple[str, ...]:
        """Every attribute a record must have: the path ones, then the required body ones."""
        return tuple(dict.fromkeys([*self.path_attributes.values(), *self.required]))

    @property
    def attributes(self) -> tuple[str, ...]:
        """Every record attribute the preset reads, path ones first."""
        seen = dict.fromkeys([*self.required_attributes, *self.body_fields, *self.group_by])
        return tuple(seen)

    def endpoint_template(self) -> str:
        """The path as the send operator's endpoint template (each value encoded as one segment)."""
        return re.sub(r"\{(\w+)\}", lambda m: '{{ record["%s"] }}' % self.path_attributes[m.group(1)], self.path)

    def check(self, record: Mapping[str, Any]) -> str | None:
        """Why ``record`` (defaults already filled in) cannot be sent: a missing attribute or a value outside
        an enum; None when it can. It does not change the record."""
        missing = [name for name in self.required_attributes if record.get(name) in (None, "")]
        if missing:
            return f"missing required attribute {missing[0]!r} for {self.name}"
        for name, allowed in self.enums.items():
            value = record.get(name)
            values = value if isinstance(value, list) else [value]
            bad = [v for v in values if v is not None and v not in allowed]
            if bad:
                return f"attribute {name!r} is {bad[0]!r}; {self.name} accepts one of {list(allowed)}"
        for name, pattern in self.patterns.items():
            value = record.get(name)
            if isinstance(value, str) and not re.fullmatch(pattern, value):
                return f"attribute {name!r} is {value!r}, which Docker Hub does not accept (must match {pattern})"
        for name in DOCKER_ID_ATTRIBUTES:
            value = record.get(name) if name in self.attributes else None
            if isinstance(value, str) and value != value.lower():
                return f"attribute {name!r} is {value!r}; Docker IDs are lower case ({value.lower()!r})"
        return self.extra_check(record) if self.extra_check is not None else None

    def body(self, api_dry_run: bool = False) -> Callable[[Any], Any] | None:
        """The body callable for the send operator, or None for calls without a body.

        ``api_dry_run`` asks the API itself to validate without changing anything (a call is made)."""
        if api_dry_run and self.api_dry_run is None:
            raise ValueError(f"{self.name} has no API dry run; use dry_run=True to preview without sending")
        if self.body_builder is None:
            return None
        builder, fields, dry_run_field = self.body_builder, self.body_fields, self.api_dry_run if api_dry_run else None
        return lambda payload: builder(payload, fields, dry_run_field)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=_Named)


def by_name(items: Iterable[NamedT], what: str) -> dict[str, NamedT]:
    """``{item.name: item}`` in order; ImportError when two share a name (one would hide the other)."""
    table: dict[str, NamedT] = {}
    for item in items:
        if item.name in table:
            raise ImportError(f"two {what}s are named {item.name!r}")
        table[item.name] = item
    return table


def named(table: Mapping[str, Any], name: str, what: str) -> Any:
    """``table[name]``; a KeyError that lists the known names."""
    try:
        return table[name]
    except KeyError:
        raise KeyError(f"unknown {what} {name!r}; known: {sorted(table)}") from None
