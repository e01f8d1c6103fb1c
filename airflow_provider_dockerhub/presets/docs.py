"""Generated files: the preset and connection extras tables in docs/, and ``operators/endpoints.py`` (``make docs``)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS
from airflow_provider_dockerhub.presets.registry import PRESETS, EndpointPreset


def preset_table() -> str:
    """A Markdown table: operator, preset name, method, path, required and optional attributes."""
    rows = ["| operator | `endpoint_preset` | method | path | required attributes | optional attributes |",
            "| --- | --- | --- | --- | --- | --- |"]
    for p in PRESETS:
        optional = [a for a in p.attributes if a not in p.required_attributes]
        path = f"`{p.path}`" if p.documented else f"`{p.path}` (live only)"
        cells = [f"`{p.operator}`", f"`{p.name}`", p.method, path,
                 ", ".join(f"`{a}`" for a in p.required_attributes) or "-", ", ".join(f"`{a}`" for a in optional) or "-"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def extras_table() -> str:
    """A Markdown table of the connection extras: name, default, meaning."""
    rows = ["| extra | default | meaning |", "| --- | --- | --- |"]
    for f in EXTRA_FIELDS:
        default = "none" if f.default is None else f"`{f.default}`"
        rows.append(f"| `{f.name}` | {default} | {f.description} |")
    return "\n".join(rows)


TABLES = {"preset-table": preset_table, "extras-table": extras_table}


def render_into(text: str) -> str:
    """``text`` with the part between each table's markers replaced by the current table."""
    for name, make in TABLES.items():
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin not in text:
            continue
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = f"{head}{begin}\n{make()}\n{end}{tail}"
    return text


ENDPOINTS_HEADER = '''"""
One operator per Docker Hub write endpoint, each a ``class`` statement with its preset as a class attribute.

Generated from ``presets.registry`` by ``make docs`` (``presets/docs.py``); a test fails when this file is
out of date. Each ``DockerHub<Action>Operator`` takes every parameter of ``DockerHubSendOperator`` except
``method``, ``endpoint`` and ``endpoint_preset``::

    DockerHubCreateRepositoryOperator(task_id="create", records_path="/data/repos.jsonl")
"""

from __future__ import annotations

from airflow_provider_dockerhub.operators.endpoint_base import DockerHubEndpointOperator
from airflow_provider_dockerhub.presets.registry import get_preset
'''


def _operator_docstring(preset: EndpointPreset) -> list[str]:
    optional = [a for a in preset.attributes if a not in preset.required_attributes]
    unit = "batch of records" if preset.batched else "record"
    attributes = (f"Record attributes: required {', '.join(f'``{a}``' for a in preset.required_attributes) or 'none'}; "
                  f"optional {', '.join(f'``{a}``' for a in optional) or 'none'}.")
    lines = [*textwrap.wrap(preset.summary, 110), "", f"``{preset.method} {preset.path}``, one {unit} per call.", "",
             *textwrap.wrap(attributes, 110), "", "Example record::", "", f"    {json.dumps(dict(preset.example))}"]
    if not preset.documented:
        lines += ["", *textwrap.wrap(f"Not in Docker Hub's OpenAPI document: the live endpoint, as {preset.source} "
                                     "call it.", 110)]
    if preset.api_dry_run:
        lines += ["", "``api_dry_run=True`` asks Docker Hub to validate the calls without changing anything."]
    return lines


def endpoints_module() -> str:
    """The source of ``operators/endpoints.py``: one short class per preset."""
    parts = [ENDPOINTS_HEADER]
    for preset in PRESETS:
        doc = "\n".join(f"    {line}".rstrip() for line in _operator_docstring(preset))
        parts.append(f'''

class {preset.operator}(DockerHubEndpointOperator):
    """
{doc}
    """

    preset = get_preset("{preset.name}")
''')
    names = ",\n".join(f'    "{p.operator}"' for p in sorted(PRESETS, key=lambda p: p.operator))
    parts.append(f"\n\n__all__ = [\n{names},\n]\n")
    return "".join(parts)


ENDPOINTS_MODULE = Path(__file__).resolve().parents[1] / "operators" / "endpoints.py"


def write_endpoints_module(path: Path = ENDPOINTS_MODULE) -> bool:
    """Regenerate ``operators/endpoints.py``; True when it changed."""
    new = endpoints_module()
    changed = not path.exists() or path.read_text(encoding="utf-8") != new
    if changed:
        path.write_text(new, encoding="utf-8")
    return changed


def write(path: str | Path) -> bool:
    """Regenerate the tables in ``path``; True when the file changed."""
    path = Path(path)
    old = path.read_text(encoding="utf-8")
    new = render_into(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
