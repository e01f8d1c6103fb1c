"""The Docker Hub resource model: each resource kind described once, as data.

A resource kind has an identity (the record attributes that name one resource), a scope (the
attributes of the container it lives in), the read operations of the official document (list with its
pagination shape, get) and its write operations, which are the endpoint presets. The sync operator
reads and plans with this model; the endpoint operators are its write operations one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from airflow_provider_dockerhub.presets.registry import EndpointPreset, get_preset, named

#: Pagination shapes of the document's list endpoints (``DockerHubHook.paginate`` reads all three).
PAGE, DATA, SCIM = "page", "data", "scim"


@dataclass(frozen=True)
class ListEndpoint:
    """A list operation: its path template (``{attribute}`` of the scope), pagination shape and largest page."""

    path: str
    pagination: str = PAGE
    max_page_size: int = 100


@dataclass(frozen=True)
class Resource:
    """One kind of Docker Hub resource.

    :param identity: record attributes that name one resource, scope first.
    :param scope: record attributes naming the container the resource lives in (empty: the account).
    :param list: how to read every resource in one scope, if the API can.
    :param get: path template to read one resource, if the API can.
    :param create: the preset that creates one; ``update`` and ``delete`` likewise.
    :param actions: other write operations on it that are not part of its desired state.
    """

    name: str
    summary: str
    identity: tuple[str, ...]
    scope: tuple[str, ...] = ()
    list: ListEndpoint | None = None
    get: str | None = None
    create: EndpointPreset | None = None
    update: EndpointPreset | None = None
    delete: EndpointPreset | None = None
    actions: tuple[EndpointPreset, ...] = field(default=())

    @property
    def writes(self) -> tuple[EndpointPreset, ...]:
        """Every preset that writes this kind of resource."""
        return tuple(p for p in (self.create, self.update, self.delete, *self.actions) if p is not None)


RESOURCES: tuple[Resource, ...] = (
    Resource(
        "repositories", "Repositories of a user or organization namespace.", ("namespace", "name"), ("namespace",),
        ListEndpoint("/v2/namespaces/{namespace}/repositories"), "/v2/namespaces/{namespace}/repositories/{name}",
        create=get_preset("create_repository")),
    Resource(
        "immutable_tags", "A repository's immutable-tag settings.", ("namespace", "repository"),
        ("namespace", "repository"), get="/v2/namespaces/{namespace}/repositories/{repository}",
        update=get_preset("update_immutable_tags"), actions=(get_preset("verify_immutable_tags"),)),
    Resource(
        "repository_groups", "A group's permission on a repository.", ("namespace", "repository", "group_id"),
        ("namespace", "repository"), create=get_preset("create_repository_group")),
    Resource(
        "groups", "Groups (teams) of an organization.", ("org", "name"), ("org",),
        ListEndpoint("/v2/orgs/{org}/groups"), "/v2/orgs/{org}/groups/{name}",
        create=get_preset("create_group"), update=get_preset("patch_group"), delete=get_preset("delete_group"),
        actions=(get_preset("update_group"),)),
    Resource(
        "group_members", "Members of an organization's group.", ("org", "group", "username"), ("org", "group"),
        ListEndpoint("/v2/orgs/{org}/groups/{group}/members"),
        create=get_preset("add_group_member"), delete=get_preset("remove_group_member")),
    Resource(
        "org_members", "Members of an organization, pending invites included.", ("org", "username"), ("org",),
        ListEndpoint("/v2/orgs/{org}/members"), create=get_preset("bulk_invite"),
        update=get_preset("update_org_member_role"), delete=get_preset("remove_org_member"),
        actions=(get_preset("cancel_invite"), get_preset("resend_invite"))),
    Resource(
        "org_invites", "Pending invites of an organization.", ("org", "invitee"), ("org",),
        ListEndpoint("/v2/orgs/{org}/invites", DATA)),
    Resource(
        "access_tokens", "Personal access tokens of the authenticated user.", ("token_label",), (),
        ListEndpoint("/v2/access-tokens"), "/v2/access-tokens/{uuid}",
        create=get_preset("create_access_token"), update=get_preset("update_access_token"),
        delete=get_preset("delete_access_token")),
    Resource(
        "org_access_tokens", "Organization access tokens.", ("org", "label"), ("org",),
        ListEndpoint("/v2/orgs/{org}/access-tokens"), "/v2/orgs/{org}/access-tokens/{access_token_id}",
        create=get_preset("create_org_access_token"), update=get_preset("update_org_access_token"),
        delete=get_preset("delete_org_access_token")),
    Resource(
        "scim_users", "Users provisioned through SCIM.", ("userName",), (),
        ListEndpoint("/v2/scim/2.0/Users", SCIM), "/v2/scim/2.0/Users/{id}",
        create=get_preset("create_scim_user"), update=get_preset("update_scim_user")),
    Resource(
        "org_settings", "An organization's settings (restricted images).", ("org",), ("org",),
        get="/v2/orgs/{org}/settings", update=get_preset("update_org_settings")),
)

_BY_NAME = {resource.name: resource for resource in RESOURCES}


def get_resource(name: str) -> Resource:
    """The resource kind called ``name``; KeyError lists the known ones."""
    return named(_BY_NAME, name, "resource")
