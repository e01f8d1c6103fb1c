"""The preset table of the documentation, generated from the registry (``make docs`` writes it)."""

from __future__ import annotations

from pathlib import Path

from airflow_provider_dockerhub.presets.registry import PRESETS

BEGIN, END = "<!-- preset-table:begin -->", "<!-- preset-table:end -->"


def preset_table() -> str:
    """A Markdown table: operator, preset name, method, path, required and optional attributes."""
    rows = ["| operator | `endpoint_preset` | method | path | required attributes | optional attributes |",
            "| --- | --- | --- | --- | --- | --- |"]
    for p in PRESETS:
        optional = [a for a in p.attributes if a not in p.required]
        cells = [f"`{p.operator}`", f"`{p.name}`", p.method, f"`{p.path}`",
                 ", ".join(f"`{a}`" for a in p.required) or "-", ", ".join(f"`{a}`" for a in optional) or "-"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def render_into(text: str) -> str:
    """``text`` with the part between the table markers replaced by the current table."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{preset_table()}\n{END}{tail}"


def write(path: str | Path) -> bool:
    """Regenerate the table in ``path``; True when the file changed."""
    path = Path(path)
    old = path.read_text(encoding="utf-8")
    new = render_into(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
