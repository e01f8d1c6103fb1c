"""The official Docker Hub OpenAPI document, resolved into plain JSON schemas per operation.

Used by the emulator to validate request bodies like the real API, and by the contract tests to
check the emulator's responses and the presets' requests against the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).with_name("spec") / "dockerhub-hub-api.openapi.yaml"
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
#: Write routes that authenticate rather than change state; they have no preset.
AUTH_PATHS = frozenset({"/v2/users/login", "/v2/users/2fa-login", "/v2/auth/token"})
_DROPPED_KEYS = {"description", "example", "examples", "deprecated", "x-displayName", "readOnly", "writeOnly"}


@dataclass(frozen=True)
class Operation:
    """One method + path of the document, with resolved schemas."""

    method: str
    path: str
    name: str
    request_content_type: str | None
    request_schema: dict[str, Any] | None
    responses: dict[int, tuple[str | None, dict[str, Any] | None]] = field(repr=False)

    @property
    def success_status(self) -> int:
        """The first 2xx status the document gives."""
        return min(code for code in self.responses if 200 <= code < 300)

    def response_schema(self, status: int) -> dict[str, Any] | None:
        """The JSON schema of the response body for ``status``, if the document has one."""
        return self.responses.get(status, (None, None))[1]


def _normalize(node: Any, spec: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """Inline $refs and turn OpenAPI 3.0 quirks into plain JSON Schema."""
    if isinstance(node, list):
        return [_normalize(item, spec, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            return {}
        target: Any = spec
        for key in ref.removeprefix("#/").split("/"):
            target = target[key]
        return _normalize(target, spec, (*seen, ref))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED_KEYS or key == "nullable":
            continue
        if key == "required" and isinstance(value, bool):
            continue  # property-level `required: true` (not valid OpenAPI): lifted to the parent below
        if key == "properties":
            out[key] = {name: _normalize(prop, spec, seen) for name, prop in value.items()}
            lifted = [name for name, prop in value.items() if isinstance(prop, dict) and prop.get("required") is True]
            if lifted:
                required = node.get("required")
                listed = required if isinstance(required, list) else []
                out["required"] = sorted(set(listed) | set(lifted))
        elif key in ("enum", "default", "required"):
            out.setdefault(key, value)
        else:
            out[key] = _normalize(value, spec, seen)
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else [*out["type"], "null"]
    if out.get("type") == "object" and "items" in out:  # `type: object` with `items` in the error schema
        del out["items"]
    return out


def _content(node: dict[str, Any] | None, spec: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None]:
    node = _normalize(node or {}, spec)
    for content_type, media in (node.get("content") or {}).items():
        return content_type, media.get("schema")
    return None, None


@lru_cache(maxsize=4)
def load_operations(path: str | Path = SPEC_PATH) -> tuple[Operation, ...]:
    """Every operation of the document at ``path``."""
    with open(path, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    operations = []
    for route, item in spec["paths"].items():
        for method, op in item.items():
            if method.upper() not in (*WRITE_METHODS, "GET"):
                continue
            content_type, schema = _content(op.get("requestBody"), spec)
            responses = {int(code): _content(resp, spec) for code, resp in op["responses"].items() if str(code).isdigit()}
            name = op.get("operationId") or op.get("summary") or f"{method} {route}"
            operations.append(Operation(method.upper(), route, name, content_type, schema, responses))
    return tuple(operations)


def write_operations(path: str | Path = SPEC_PATH) -> list[Operation]:
    """The write operations (POST, PUT, PATCH, DELETE), auth routes included."""
    return [op for op in load_operations(path) if op.method in WRITE_METHODS]


def find_operation(method: str, route: str, path: str | Path = SPEC_PATH) -> Operation:
    """The operation for ``method`` on the path template ``route``."""
    for op in load_operations(path):
        if op.method == method.upper() and op.path == route:
            return op
    raise KeyError(f"{method} {route} is not in the Docker Hub OpenAPI document")


def route_pattern(route: str) -> re.Pattern[str]:
    """A regex matching concrete paths of ``route``; path parameters become named groups."""
    escaped = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(route))
    return re.compile(f"^{escaped}/?$")
