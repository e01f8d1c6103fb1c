"""The Docker Hub resource kinds, one class each (see ``resources.base.ResourceKind``)."""

from __future__ import annotations

from airflow_provider_dockerhub.presets.registry import named
from airflow_provider_dockerhub.resources.base import Identity, ResourceKind
from airflow_provider_dockerhub.resources.organizations import GroupMembers, Groups, OrgInvites, OrgMembers, OrgSettings
from airflow_provider_dockerhub.resources.repositories import ImmutableTags, Repositories, RepositoryGroups
from airflow_provider_dockerhub.resources.scim import ScimUsers
from airflow_provider_dockerhub.resources.tokens import AccessTokens, OrgAccessTokens

__all__ = ["RESOURCES", "SYNCABLE", "Identity", "ResourceKind", "get_resource"]

RESOURCES: tuple[ResourceKind, ...] = (
    Repositories(), ImmutableTags(), RepositoryGroups(), Groups(), GroupMembers(), OrgMembers(), OrgInvites(),
    AccessTokens(), OrgAccessTokens(), ScimUsers(), OrgSettings(),
)

_BY_NAME = {kind.name: kind for kind in RESOURCES}
#: The kinds ``DockerHubSyncOperator`` takes.
SYNCABLE = {kind.name: kind for kind in RESOURCES if kind.syncable}


def get_resource(name: str, *, syncable: bool = False) -> ResourceKind:
    """The resource kind called ``name`` (among those the sync takes, with ``syncable``); KeyError lists them."""
    kind: ResourceKind = named(SYNCABLE if syncable else _BY_NAME, name, "resource")
    return kind
