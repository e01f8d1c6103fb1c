"""The Docker Hub resource kinds, one class each (see ``resources.base.ResourceKind``).

Every concrete ``ResourceKind`` subclass defined in a module of this package is a kind (found here, so adding
a kind is adding its class); they are listed module by module, in the order each module defines them.
"""

from __future__ import annotations

import importlib
import pkgutil

from airflow_provider_dockerhub.presets.endpoint import by_name, named
from airflow_provider_dockerhub.resources.base import Identity, ResourceKind

__all__ = ["RESOURCES", "SYNCABLE", "Identity", "ResourceKind", "get_resource"]


def _defined_kinds() -> tuple[ResourceKind, ...]:
    """One instance of each kind class this package's modules define (subclasses made elsewhere are not kinds;
    modules named ``_...`` are skipped)."""
    kinds: list[ResourceKind] = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        kinds += [value() for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, ResourceKind) and value.__module__ == module.__name__
                  and "name" in vars(value)]
    return tuple(kinds)


_BY_NAME = by_name(_defined_kinds(), "resource kind")  # two kinds of one name refuse to import
RESOURCES: tuple[ResourceKind, ...] = tuple(_BY_NAME.values())
#: The kinds ``DockerHubSyncOperator`` takes.
SYNCABLE = {kind.name: kind for kind in RESOURCES if kind.syncable}


def get_resource(name: str, *, syncable: bool = False) -> ResourceKind:
    """The resource kind called ``name`` (among those the sync takes, with ``syncable``); KeyError lists them."""
    kind: ResourceKind = named(SYNCABLE if syncable else _BY_NAME, name, "resource")
    return kind
