"""Regenerate the generated files from the code (``make docs``): the tables in docs/ (presets, connection extras,
one parameter table per operator), ``operators/endpoints.py`` and the operators' signature regions (the shared
parameters written out in each public operator's ``__init__``, so IDEs and type checkers see every one). Tests import
this file to check all are current.

    python scripts/gen_docs.py
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from airflow_provider_dockerhub.hooks.settings import EXTRA_FIELDS
from airflow_provider_dockerhub.operators.base import DockerHubRecordsOperator
from airflow_provider_dockerhub.operators.endpoint_base import ENDPOINT_DEFAULTS, FIXED_PARAMETERS, DockerHubEndpointOperator
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.operators.sync import DockerHubSyncOperator
from airflow_provider_dockerhub.presets.registry import PRESETS, EndpointPreset
from airflow_provider_dockerhub.resources import RESOURCES, SYNCABLE, ResourceKind

ROOT = Path(__file__).resolve().parents[1]


def preset_table() -> str:
    """A Markdown table: operator, preset name, method, path, required and optional attributes."""
    rows = ["| operator | `endpoint_preset` | method | path | required attributes | optional attributes |",
            "| --- | --- | --- | --- | --- | --- |"]
    for p in PRESETS:
        optional = [a for a in p.attributes if a not in p.required_attributes]
        path = f"`{p.path}`" if p.documented else f"`{p.path}` (live only)"
        cells = [f"`{p.operator_name}`", f"`{p.name}`", p.method, path,
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


_PARAM = re.compile(r"^:param (\w+):\s*(.*)$")


def param_docs(cls: type) -> dict[str, str]:
    """The ``:param name: text`` entries of ``cls``'s docstring and its bases' (the class's own win), one line each."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        current = None
        for line in inspect.cleandoc(klass.__dict__.get("__doc__") or "").splitlines():
            match = _PARAM.match(line)
            if match:
                current = match.group(1)
                docs[current] = match.group(2)
            elif current and line.startswith(" ") and line.strip():
                docs[current] += " " + line.strip()
            else:
                current = None
    return docs


def parameters(cls: type) -> list[inspect.Parameter]:
    """The keyword parameters ``cls.__init__`` names (not ``**kwargs``, which go to Airflow's BaseOperator)."""
    return [p for p in inspect.signature(cls.__init__).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY]


def _default(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return "required"
    return f"`{value!r}`"


def parameter_table(cls: type) -> str:
    """A Markdown table of ``cls``'s parameters: name, default, templated or not, meaning (from the docstring)."""
    docs, templated = param_docs(cls), set(getattr(cls, "template_fields", ()))
    rows = ["| parameter | default | templated | meaning |", "| --- | --- | --- | --- |"]
    for p in parameters(cls):
        meaning = docs.get(p.name, "-").replace(" (templated)", "").replace("(templated: ", "(")
        meaning = meaning.replace("|", "\\|").replace("``", "`")
        rows.append(f"| `{p.name}` | {_default(p.default)} | {'yes' if p.name in templated else 'no'} | {meaning} |")
    return "\n".join(rows)


#: The operators that get a parameter table (``<!-- params-NAME:begin -->`` markers); every generated endpoint
#: operator takes the parameters of ``DockerHubEndpointOperator``.
def _reads(kind: ResourceKind) -> str:
    if kind.read_by_record:
        return f"one GET per record (`{kind.get_path}`)"
    if not kind.listable:
        return f"one GET per scope (`{kind.get_path}`)"
    extra = (f", plus one GET per record that names {', '.join(f'`{f}`' for f in kind.detail_fields)}"
             if kind.detail_fields else "")
    return f"the list `{kind.list_path}`{extra}"


def resource_table() -> str:
    """A Markdown table of the kinds the sync takes, from their classes (``resources/``)."""
    rows = ["| resource | identity | compared | scope | writes (presets) | modes | reads | notes |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for kind in SYNCABLE.values():
        modes = ["create" if kind.create else None, "upsert" if kind.update else None,
                 None if kind.mirror_problem() else "mirror"]
        writes = ", ".join(f"`{p.name}`" for p in kind.writes if p is not kind.delete or not kind.mirror_problem())
        cells = [f"`{kind.name}`", ", ".join(f"`{a}`" for a in kind.identity),
                 ", ".join(f"`{a}`" for a in kind.compared) or "-", ", ".join(f"`{a}`" for a in kind.scope) or "the caller",
                 writes, ", ".join(m for m in modes if m) or "-", _reads(kind), kind.notes or "-"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


PARAMETER_TABLES = (DockerHubSendOperator, DockerHubEndpointOperator, DockerHubSyncOperator)

TABLES = {"preset-table": preset_table, "extras-table": extras_table, "resource-table": resource_table,
          **{f"params-{cls.__name__}": (lambda cls=cls: parameter_table(cls)) for cls in PARAMETER_TABLES}}


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
One operator per Docker Hub write endpoint, each a ``class`` statement with its preset constant as a class attribute.

Generated from the presets of ``resources/`` by ``make docs`` (``scripts/gen_docs.py``); a test fails when this
file is out of date. Each ``DockerHub<Action>Operator`` takes every parameter of ``DockerHubSendOperator`` except
``method``, ``endpoint`` and ``endpoint_preset`` (see ``DockerHubEndpointOperator`` and its docstring)::

    DockerHubCreateRepositoryOperator(task_id="create", records_path="/data/repos.jsonl")
"""

from __future__ import annotations

from airflow_provider_dockerhub.operators.endpoint_base import DockerHubEndpointOperator
{imports}
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
    lines.append("")
    for name, text in _endpoint_param_docs().items():
        lines += textwrap.wrap(f":param {name}: {text}", 110, subsequent_indent="    ")
    return lines


def _endpoint_param_docs() -> dict[str, str]:
    """The ``:param`` text of each parameter an endpoint operator takes, in signature order."""
    docs = param_docs(DockerHubEndpointOperator)
    return {p.name: docs[p.name] for p in parameters(DockerHubEndpointOperator)}


def _home(preset: EndpointPreset) -> str:
    """The module of ``resources/`` that defines ``preset`` as a constant named after it."""
    for kind in RESOURCES:
        module = sys.modules[type(kind).__module__]
        if getattr(module, preset.name.upper(), None) is preset:
            return module.__name__
    raise LookupError(f"no module of resources/ defines {preset.name.upper()}")


def endpoints_module() -> str:
    """The source of ``operators/endpoints.py``: one short class per preset."""
    homes = {preset.name: _home(preset) for preset in PRESETS}
    modules = sorted(set(homes.values()))
    parts = [ENDPOINTS_HEADER.format(imports="from airflow_provider_dockerhub.resources import "
                                     + ", ".join(module.rsplit(".", 1)[1] for module in modules))]
    for preset in PRESETS:
        doc = "\n".join(f"    {line}".rstrip() for line in _operator_docstring(preset))
        parts.append(f'''

class {preset.operator_name}(DockerHubEndpointOperator):
    """
{doc}
    """

    preset = {homes[preset.name].rsplit(".", 1)[1]}.{preset.name.upper()}
''')
    names = ",\n".join(f'    "{name}"' for name in sorted(p.operator_name for p in PRESETS))
    parts.append(f"\n\n__all__ = [\n{names},\n]\n")
    return "".join(parts)


ENDPOINTS_MODULE = ROOT / "airflow_provider_dockerhub" / "operators" / "endpoints.py"


def rewrite(path: Path, render: Callable[[str], str]) -> bool:
    """Write ``render(current text)`` to ``path`` (``""`` when it does not exist yet); True when it changed."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = render(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


def write_endpoints_module(path: Path = ENDPOINTS_MODULE) -> bool:
    """Regenerate ``operators/endpoints.py``; True when it changed."""
    return rewrite(path, lambda _: endpoints_module())


# -- signature regions ----------------------------------------------------------------------------------
#: Operator modules with regions ``# <generated NAME>`` ... ``# </generated>`` that this script writes.
OPERATORS = ROOT / "airflow_provider_dockerhub" / "operators"
SIGNATURE_FILES = (OPERATORS / "send.py", OPERATORS / "sync.py", OPERATORS / "endpoint_base.py")
_REGION = re.compile(r"^( *)# <generated ([\w-]+)>[^\n]*\n.*?^ *# </generated>\n", re.S | re.M)


def _own(cls: type, base: type) -> list[inspect.Parameter]:
    """The keyword parameters ``cls.__init__`` declares itself (not those written out from ``base``)."""
    inherited = {p.name for p in parameters(base)}
    return [p for p in parameters(cls) if p.name not in inherited]


def _region_parameters(name: str) -> list[inspect.Parameter]:
    shared = parameters(DockerHubRecordsOperator)
    if name.startswith("records-"):
        return shared
    send = [p for p in [*shared, *_own(DockerHubSendOperator, DockerHubRecordsOperator)] if p.name not in FIXED_PARAMETERS]
    return [p.replace(default=ENDPOINT_DEFAULTS[p.name]) if p.name in ENDPOINT_DEFAULTS else p for p in send]


def _literal(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def signature_region(name: str, indent: str) -> str:
    """The lines of region ``name``: ``records-parameters`` / ``send-parameters`` declare the parameters (as
    ``DockerHubRecordsOperator``, or ``DockerHubSendOperator`` less what an endpoint operator fixes), the
    ``-arguments`` regions pass them on to ``super().__init__``."""
    params = _region_parameters(name)
    if name.endswith("-parameters"):
        lines = [f"{p.name}: {p.annotation}" + ("" if p.default is p.empty else f" = {_literal(p.default)}") + ","
                 for p in params]
    else:
        lines = textwrap.wrap(" ".join(f"{p.name}={p.name}," for p in params), 120 - len(indent))
    source = "DockerHubRecordsOperator" if name.startswith("records-") else "DockerHubSendOperator"
    head = f"{indent}# <generated {name}> from {source}.__init__ by scripts/gen_docs.py; edit there\n"
    return head + "".join(f"{indent}{line}\n" for line in lines) + f"{indent}# </generated>\n"


def render_signatures(text: str) -> str:
    """``text`` (an operator module) with each signature region rewritten from the current signatures."""
    return _REGION.sub(lambda m: signature_region(m.group(2), m.group(1)), text)


def write_signatures() -> list[Path]:
    """Rewrite the signature regions; the files that changed."""
    return [path for path in SIGNATURE_FILES if rewrite(path, render_signatures)]


def write(path: str | Path) -> bool:
    """Regenerate the tables in ``path``; True when the file changed."""
    return rewrite(Path(path), render_into)


def main() -> None:
    changed = write_signatures()
    for path in SIGNATURE_FILES:
        print(f"{path.name} signatures: {'updated' if path in changed else 'current'}")
    if changed:  # the tables and endpoints.py read the signatures: generate them from the new code
        subprocess.run([sys.executable, __file__], check=True)
        return
    for target in sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")]):
        print(f"{target.name}: {'updated' if write(target) else 'current'}")
    print(f"{ENDPOINTS_MODULE.name}: {'updated' if write_endpoints_module() else 'current'}")


if __name__ == "__main__":
    main()
