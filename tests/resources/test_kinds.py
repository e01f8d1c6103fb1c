"""The resource kinds match the presets and the official document."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest

from airflow_provider_dockerhub.presets.registry import PRESETS
from airflow_provider_dockerhub.resources import RESOURCES, get_resource
from airflow_provider_dockerhub.testing.live_differences import LIVE_DIFFERENCES, ROUTE
from airflow_provider_dockerhub.testing.openapi import load_operations
from tests.testing.world import OFFICIAL_SPEC


def test_every_preset_is_the_write_of_exactly_one_resource():
    writes = Counter(preset.name for resource in RESOURCES for preset in resource.writes)
    assert writes == Counter(preset.name for preset in PRESETS)


def _shape(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path)


DOCUMENT_READS = {_shape(op.path) for op in load_operations(OFFICIAL_SPEC) if op.method == "GET"}
#: Reads the document lacks and the live service has (docs/docker-hub-api.md, testing/live_differences.py).
LIVE_READS = {_shape(d.path).rstrip("/") for d in LIVE_DIFFERENCES if d.method == "GET" and d.part == ROUTE}


@pytest.mark.parametrize("resource", [r for r in RESOURCES if r.list_path or r.get_path or r.detail_path],
                         ids=lambda r: r.name)
def test_reads_are_get_operations_of_the_document_or_listed_live_routes(resource):
    for path in filter(None, [resource.list_path, resource.get_path, resource.detail_path]):
        assert _shape(path).rstrip("/") in DOCUMENT_READS | LIVE_READS, path


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.name)
def test_identity_starts_with_the_scope(resource):
    assert resource.identity[:len(resource.scope)] == resource.scope


def test_unknown_resource_names_the_known_ones():
    with pytest.raises(KeyError, match="known: .*repositories"):
        get_resource("repos")


def test_a_kind_class_in_a_new_module_of_the_package_is_found_without_listing_it(tmp_path, monkeypatch):
    """Adding a resource kind is adding its class: a module dropped into resources/ brings its kinds, and
    subclasses made elsewhere (a DAG's, a test's) are not kinds."""
    import sys

    from airflow_provider_dockerhub import resources

    (tmp_path / "widgets.py").write_text(
        "from airflow_provider_dockerhub.resources.base import ResourceKind\n"
        "from airflow_provider_dockerhub.resources.groups import Groups\n\n\n"
        "class Widgets(ResourceKind):\n    name = 'widgets'\n    summary = 'Widgets.'\n    identity = ('id',)\n\n\n"
        "class NotAKind(Groups):\n    pass\n")
    monkeypatch.setattr(resources, "__path__", [*resources.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "airflow_provider_dockerhub.resources.widgets", raising=False)
    found = [kind.name for kind in resources._defined_kinds()]
    assert found == [kind.name for kind in RESOURCES] + ["widgets"]
    sys.modules.pop("airflow_provider_dockerhub.resources.widgets", None)


def test_two_kinds_or_presets_of_one_name_refuse_to_be_listed():
    from airflow_provider_dockerhub.presets.endpoint import by_name
    from airflow_provider_dockerhub.resources.groups import Groups

    class OtherGroups(Groups):
        """Another class that calls itself groups: it would hide the first."""

    assert list(by_name(RESOURCES, "resource kind")) == [kind.name for kind in RESOURCES]
    with pytest.raises(ImportError, match="two resource kinds are named 'groups'"):
        by_name([*RESOURCES, OtherGroups()], "resource kind")
    renamed = dataclasses.replace(PRESETS[-1], name=PRESETS[0].name)
    with pytest.raises(ImportError, match=f"two endpoint presets are named '{PRESETS[0].name}'"):
        by_name([*PRESETS, renamed], "endpoint preset")
