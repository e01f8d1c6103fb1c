"""Operator parameters checked once, in one way: when the DAG is parsed, and again right after rendering.

A converter takes ``(value, name)`` and returns the value to use, or raises ``ValueError`` with a message
that names the parameter and says what is allowed. ``check_parameters`` applies a table of converters to an
operator: at parse time (``rendered=False``) a templated parameter whose value is still a template (Jinja
text, an XComArg) is left for later; after rendering (``rendered=True``) every one is converted, with the
same message. The sync operator's ``max_deletes`` uses ``sync.guard.DeleteLimit.parse``, which has the same
``(value, name)`` form.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

__all__ = [
    "Converter",
    "check_parameters",
    "choice",
    "for_task",
    "is_unrendered",
    "one_of",
    "optional",
    "to_bool",
    "to_int",
    "whole_number",
]

#: ``(value, parameter name) -> value to use``; ValueError naming the parameter when the value is wrong.
Converter = Callable[[Any, str], Any]

_JINJA_MARKERS = ("{{", "{%", "{#")


def is_unrendered(value: Any) -> bool:
    """True for a value Airflow has still to render: Jinja text or an XComArg-like reference."""
    if isinstance(value, str):
        return any(marker in value for marker in _JINJA_MARKERS)
    return hasattr(value, "resolve") and hasattr(value, "iter_references")  # XComArg and other ResolveMixin values


def to_bool(value: Any, name: str) -> bool:
    """``True``/``False``, or the text ``"true"``/``"false"`` (any case, spaces around ignored); nothing else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"{name} must be True or False (or the text 'true' or 'false'), got {value!r}")


def to_int(value: Any, name: str, *, minimum: int | None = None) -> int:
    """A whole number: an int or its text (``"5"``); floats and booleans are refused, as are values below ``minimum``."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        number = int(value.strip())
    if number is None or (minimum is not None and number < minimum):
        at_least = f" >= {minimum}" if minimum is not None else ""
        raise ValueError(f"{name} must be a whole number{at_least} (an int such as 5, or the text '5'), got {value!r}")
    return number


def whole_number(minimum: int) -> Converter:
    """A converter: ``to_int`` with ``minimum``."""
    return lambda value, name: to_int(value, name, minimum=minimum)


def choice(value: Any, name: str, allowed: Collection[str], *, ignore_case: bool = False) -> str:
    """``value`` when it is one of ``allowed`` (compared without case when ``ignore_case``; then it is returned as
    spelled in ``allowed``); the message lists the allowed values."""
    if isinstance(value, str):
        text = value.strip()
        for option in allowed:
            if text == option or (ignore_case and text.lower() == option.lower()):
                return option
    listed = ", ".join(repr(option) for option in allowed)
    raise ValueError(f"{name} must be one of {listed}{' (any case)' if ignore_case else ''}, got {value!r}")


def one_of(allowed: Iterable[str], *, ignore_case: bool = False) -> Converter:
    """A converter: ``choice`` among ``allowed``."""
    options = tuple(allowed)
    return lambda value, name: choice(value, name, options, ignore_case=ignore_case)


def optional(convert: Converter) -> Converter:
    """A converter that lets ``None`` (the parameter not given) through and converts anything else."""
    return lambda value, name: None if value is None else convert(value, name)


@contextmanager
def for_task(operator: Any) -> Iterator[None]:
    """A ValueError raised inside names the operator and its task: ``DockerHubSendOperator('send'): ...``."""
    prefix = f"{type(operator).__name__}({getattr(operator, 'task_id', None)!r}): "
    try:
        yield
    except ValueError as exc:
        if str(exc).startswith(prefix):
            raise
        raise ValueError(f"{prefix}{exc}") from None


def check_parameters(operator: Any, converters: Mapping[str, Converter], *, rendered: bool) -> None:
    """Convert each parameter of ``operator`` named in ``converters`` in place.

    With ``rendered=False`` (in ``__init__``, when the DAG is parsed) a template field still holding a template is
    skipped; with ``rendered=True`` (after rendering) every one is converted, so the two give the same message.
    The error names the task as well as the parameter (see ``for_task``).
    """
    templated = set(getattr(operator, "template_fields", ()))
    with for_task(operator):
        for name, convert in converters.items():
            value = getattr(operator, name)
            if not rendered and name in templated and is_unrendered(value):
                continue
            setattr(operator, name, convert(value, name))
