"""The Docker Hub resource kinds, one class each (see ``resources.base.ResourceKind``).

Every concrete ``ResourceKind`` subclass defined in a module of this package is a kind (found here, so adding
a kind is adding its class); they are listed module by module, in the order each module defines them.
"""

from __future__ import annotations

import importlib
import pkgutil

from airflow_provider_dockerhub.presets.endpoint import named
from airflow_provider_dockerhub.resources.base import Identity, ResourceKind

__all__ = ["RESOURCES", "SYNCABLE", "Identity", "ResourceKind", "get_resource"]


def _defined_kinds() -> tuple[ResourceKind, ...]:
    """One instance of each kind class this package's modules define (subclasses made elsewhere are not kinds;
    modules named ``_...`` are skipped). Two kinds of one name raise: one would hide the other."""
    kinds: list[ResourceKind] = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        kinds += [value() for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, ResourceKind) and value.__module__ == module.__name__
                  and "name" in vars(value)]
    names = [kind.name for kind in kinds]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ImportError(f"resource kinds named more than once in {__name__}: {twice}")
    return tuple(kinds)


RESOURCES: tuple[ResourceKind, ...] = _defined_kinds()
_BY_NAME = {kind.name: kind for kind in RESOURCES}
#: The kinds ``DockerHubSyncOperator`` takes.
SYNCABLE = {kind.name: kind for kind in RESOURCES if kind.syncable}


def get_resource(name: str, *, syncable: bool = False) -> ResourceKind:
    """The resource kind called ``name`` (among those the sync takes, with ``syncable``); KeyError lists them."""
    kind: ResourceKind = named(SYNCABLE if syncable else _BY_NAME, name, "resource")
    return kind
