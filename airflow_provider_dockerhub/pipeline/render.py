"""Render stage: a batch becomes one HTTP call (method, URL, headers, body).

The endpoint is a Jinja template compiled once per task. Each value it inserts is percent-encoded
as one path segment, so a record value can never change the path: ``../x``, ``a/b``, ``?q`` and
``#f`` stay inside their segment, and ``.`` or ``..`` (in any encoding) are refused. Variables:
``record`` (one-record calls; the first record of a batch), ``records`` and ``group`` (batches),
and the Airflow context (``params``, ``ds``, ...).
"""

from __future__ import annotations

import json
import re
from collections import ChainMap
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any
from urllib.parse import quote

from jinja2 import StrictUndefined, TemplateError, Undefined, UndefinedError
from jinja2.runtime import new_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from airflow_provider_dockerhub.pipeline.items import Batch, PreparedCall
from airflow_provider_dockerhub.pipeline.shape import encode_json
from airflow_provider_dockerhub.wire import is_dot_segment

METHODS = ("POST", "PUT", "PATCH", "DELETE")
BodyBuilder = Callable[[Any], Any]
#: ``body=NO_BODY``: the calls carry no body at all (e.g. a preset's DELETE or resend).
NO_BODY = type("NoBody", (), {"__repr__": lambda self: "NO_BODY"})()


class BodyKind(str, Enum):
    """How a call gets its body."""

    #: no body at all (``NO_BODY``, or a DELETE without one)
    NONE = "none"
    #: a Jinja template rendering to JSON
    TEMPLATE = "template"
    #: built by a function from the record (or the batch's records)
    CALLABLE = "callable"
    #: the record, or the batch as a JSON array
    RECORDS = "records"


def body_kind(method: str, body: Any) -> BodyKind:
    """The one place that decides how a call gets its body (see ``BodyKind``)."""
    if body is NO_BODY or (body is None and method.upper() == "DELETE"):
        return BodyKind.NONE
    if isinstance(body, str):
        return BodyKind.TEMPLATE
    if callable(body):
        return BodyKind.CALLABLE
    if body is not None:
        raise TypeError(f"body must be a Jinja template string or a callable, got {type(body).__name__}")
    return BodyKind.RECORDS


class RenderError(ValueError):
    """A call could not be rendered; its records are rejected with this reason."""


def path_segment(value: Any) -> str:
    """``value`` percent-encoded as exactly one URL path segment."""
    if value is None:
        raise RenderError("a value inserted into the endpoint is null")
    text = value if isinstance(value, str) else str(value)
    if text == "":
        raise RenderError("a value inserted into the endpoint is empty")
    if is_dot_segment(text):
        raise RenderError(f"{text!r} cannot be a path value: it would leave its path segment")
    try:
        return quote(text, safe="")
    except UnicodeEncodeError:
        raise RenderError("a value inserted into the endpoint holds a lone surrogate (not valid Unicode)") from None


def to_json_text(value: Any) -> str:
    """The ``tojson`` filter of body templates: plain JSON (no HTML escaping); undefined values fail by name."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return encode_json(value).decode("utf-8")


class _DictMethod(StrictUndefined):
    """``record.items`` for a record without an ``items`` key: an error wherever it is used as a value (never
    a method's repr in a URL), and the dict's method only when called (``record.get('tag', 'latest')``)."""

    __slots__ = ("_method",)
    unsafe_callable = False  # read by the sandbox and Jinja's context before a call
    alters_data = False
    jinja_pass_arg = None

    def __init__(self, method: Callable[..., Any], obj: Any, name: str) -> None:
        super().__init__(obj=obj, name=name)
        self._method = method

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._method(*args, **kwargs)


class RecordEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, where records are data: ``record.x`` is the record's key ``x``, never a dict method."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):
            try:
                return obj[attribute]
            except (KeyError, TypeError):
                found = super().getattr(obj, attribute)
                if callable(found) and not isinstance(found, Undefined):  # the sandbox's refusals stay as they are
                    return _DictMethod(found, obj, attribute)
                return found
        return super().getattr(obj, attribute)


def _explain(exc: Exception, where: str) -> str:
    message = str(exc)
    missing = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
    if missing:
        return f"{where}: missing attribute {missing.group(1) or missing.group(2)!r}"
    return f"{where}: {message}"


def _has_template(text: str) -> bool:
    return "{{" in text or "{%" in text


class CompiledTemplate:
    """A Jinja template compiled once, rendered per call over fixed globals plus per-call variables.

    ``Template.render`` copies every global (the whole Airflow context) into a new dict on each call;
    here the globals are merged once and each call only layers its own variables on top.
    """

    def __init__(self, environment: ImmutableSandboxedEnvironment, source: str, context: Mapping[str, Any]) -> None:
        self.environment = environment
        self.template = environment.from_string(source)
        self.parent = {**environment.globals, **context}

    def render(self, variables: dict[str, Any]) -> str:
        """Render with ``variables`` over the globals."""
        scope: Any = ChainMap(variables, self.parent)  # jinja2 reads it as a mapping; a ChainMap copies nothing
        context = new_context(self.environment, self.template.name, self.template.blocks, scope, shared=True)
        try:
            return self.environment.concat(self.template.root_render_func(context))
        except Exception:
            self.environment.handle_exception()  # re-raises with the template's line in the traceback
            raise


class RequestRenderer:
    """Renders batches into ``PreparedCall`` objects; templates are compiled once, here."""

    def __init__(
        self,
        method: str,
        endpoint: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: str | BodyBuilder | None = None,
        batch_key: str | None = None,
        batching: bool = False,
        context: Mapping[str, Any] | None = None,
        content_type: str = "application/json",
    ) -> None:
        self.method = method.upper()
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, got {method!r}")
        if not isinstance(endpoint, str) or not endpoint.strip():
            raise ValueError("endpoint must be a non-empty URL template")
        self.batching = batching
        self.batch_key = batch_key
        self.headers = {"Content-Type": content_type, **dict(headers or {})}
        self.body = body
        self.kind = body_kind(self.method, body)
        base = dict(context or {})
        url_env = RecordEnvironment(undefined=StrictUndefined, finalize=path_segment, autoescape=False)
        self._endpoint = CompiledTemplate(url_env, endpoint, base) if _has_template(endpoint) else None
        self._static_endpoint = endpoint
        self._body_template = None
        if self.kind is BodyKind.TEMPLATE:
            body_env = RecordEnvironment(undefined=StrictUndefined, autoescape=False)
            body_env.filters["tojson"] = to_json_text
            assert isinstance(body, str)
            self._body_template = CompiledTemplate(body_env, body, base)

    def _variables(self, batch: Batch, *, shaped: bool) -> dict[str, Any]:
        """Template variables: the records as read (URL) or as shaped, attributes excluded (body)."""
        records = [item.payload if shaped else item.record for item in batch.items]
        if not self.batching:
            return {"record": records[0]}
        return {"record": records[0], "records": records, "group": batch.group or {}}

    def _url(self, batch: Batch) -> str:
        if self._endpoint is None:
            return self._static_endpoint
        try:
            return self._endpoint.render(self._variables(batch, shaped=False))
        except (UndefinedError, RenderError, TemplateError, TypeError) as exc:
            raise RenderError(_explain(exc, "endpoint")) from None

    def _body(self, batch: Batch) -> bytes | None:
        if self.kind is BodyKind.NONE:
            return None
        if self._body_template is not None:
            try:
                text = self._body_template.render(self._variables(batch, shaped=True))
                json.loads(text)
            except (UndefinedError, TemplateError, TypeError) as exc:
                raise RenderError(_explain(exc, "body")) from None
            except ValueError as exc:
                raise RenderError(f"body template did not render to JSON: {exc}") from None
            return text.encode("utf-8")
        if self.kind is BodyKind.CALLABLE:
            payload = [i.payload for i in batch.items] if self.batching else batch.items[0].payload
            assert callable(self.body)
            try:
                built = self.body(payload)
                return None if built is None else encode_json(built)
            except RenderError:
                raise
            except Exception as exc:  # a user callable: any error rejects this call's records
                raise RenderError(f"body callable failed: {type(exc).__name__}: {exc}") from None
        encoded = [item.encoded for item in batch.items if item.encoded is not None]
        assert len(encoded) == len(batch.items)  # the shaping stage encodes every record a call sends as is
        if not self.batching:
            return encoded[0]
        array = b"[" + b",".join(encoded) + b"]"
        if self.batch_key:
            return b'{' + encode_json(self.batch_key) + b":" + array + b"}"
        return array

    def render(self, batch: Batch) -> PreparedCall:
        """One call for ``batch``; RenderError names what is missing or wrong."""
        url = self._url(batch)
        body = self._body(batch)
        headers = self.headers if body is not None else {k: v for k, v in self.headers.items() if k != "Content-Type"}
        return PreparedCall(self.method, url, headers, body, batch.items, batch.group)
