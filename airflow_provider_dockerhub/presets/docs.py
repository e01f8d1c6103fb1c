"""Generated parts of the documentation: the preset table and the connection extras table (``make docs``)."""

from __future__ import annotations

from pathlib import Path

from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS
from airflow_provider_dockerhub.presets.registry import PRESETS


def preset_table() -> str:
    """A Markdown table: operator, preset name, method, path, required and optional attributes."""
    rows = ["| operator | `endpoint_preset` | method | path | required attributes | optional attributes |",
            "| --- | --- | --- | --- | --- | --- |"]
    for p in PRESETS:
        optional = [a for a in p.attributes if a not in p.required_attributes]
        cells = [f"`{p.operator}`", f"`{p.name}`", p.method, f"`{p.path}`",
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


def write(path: str | Path) -> bool:
    """Regenerate the tables in ``path``; True when the file changed."""
    path = Path(path)
    old = path.read_text(encoding="utf-8")
    new = render_into(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
