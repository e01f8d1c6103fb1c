"""Every endpoint preset, by name: the writes of the resource kinds in ``resources/``, each defined there as a
module constant beside its kind (``resources.repositories.CREATE_REPOSITORY``)."""

from __future__ import annotations

from airflow_provider_dockerhub.presets.endpoint import EndpointPreset, by_name, named
from airflow_provider_dockerhub.resources import RESOURCES

__all__ = ["PRESETS", "EndpointPreset", "get_preset"]


def _every_write() -> list[EndpointPreset]:
    presets: list[EndpointPreset] = []
    for kind in RESOURCES:
        presets += [preset for preset in kind.writes if all(preset is not seen for seen in presets)]
    return presets


_BY_NAME = by_name(_every_write(), "endpoint preset")
#: Every preset, in the order of the docs table: each kind's create, update, delete and other writes.
PRESETS = tuple(_BY_NAME.values())


def get_preset(name: str) -> EndpointPreset:
    """The preset called ``name``; KeyError lists the known ones."""
    preset: EndpointPreset = named(_BY_NAME, name, "endpoint_preset")
    return preset


def __getattr__(name: str) -> EndpointPreset:
    """``registry.CREATE_REPOSITORY``: a preset by its constant's name, wherever its resource kind defines it."""
    preset = _BY_NAME.get(name.lower()) if name.isupper() else None
    if preset is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return preset
