"""
One operator per Docker Hub write endpoint, each a ``class`` statement with its preset as a class attribute.

Generated from ``presets.registry`` by ``make docs`` (``presets/docs.py``); a test fails when this file is
out of date. Each ``DockerHub<Action>Operator`` takes every parameter of ``DockerHubSendOperator`` except
``method``, ``endpoint`` and ``endpoint_preset``::

    DockerHubCreateRepositoryOperator(task_id="create", records_path="/data/repos.jsonl")
"""

from __future__ import annotations

from airflow_provider_dockerhub.operators.endpoint_base import DockerHubEndpointOperator
from airflow_provider_dockerhub.presets.registry import get_preset


class DockerHubCreateAccessTokenOperator(DockerHubEndpointOperator):
    """
    Create a personal access token (the secret is returned once; capture it with response_path or a webhook).

    ``POST /v2/access-tokens``, one record per call.

    Record attributes: required ``token_label``, ``scopes``; optional ``expires_at``.

    Example record::

        {"token_label": "ci-read", "scopes": ["repo:read"]}
    """

    preset = get_preset("create_access_token")


class DockerHubUpdateAccessTokenOperator(DockerHubEndpointOperator):
    """
    Rename a personal access token or activate/deactivate it.

    ``PATCH /v2/access-tokens/{uuid}``, one record per call.

    Record attributes: required ``uuid``; optional ``token_label``, ``is_active``.

    Example record::

        {"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb", "is_active": false}
    """

    preset = get_preset("update_access_token")


class DockerHubDeleteAccessTokenOperator(DockerHubEndpointOperator):
    """
    Delete a personal access token.

    ``DELETE /v2/access-tokens/{uuid}``, one record per call.

    Record attributes: required ``uuid``; optional none.

    Example record::

        {"uuid": "b30bbf97-506c-4ecd-aabc-842f3cb484fb"}
    """

    preset = get_preset("delete_access_token")


class DockerHubUpdateOrgSettingsOperator(DockerHubEndpointOperator):
    """
    Set an organization's restricted-images settings.

    ``PUT /v2/orgs/{name}/settings``, one record per call.

    Record attributes: required ``org``, ``restricted_images``; optional none.

    Example record::

        {"org": "acme", "restricted_images": {"enabled": true, "allow_official_images": true, "allow_verified_publishers": false}}
    """

    preset = get_preset("update_org_settings")


class DockerHubCreateOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Create an organization access token (the secret is returned once).

    ``POST /v2/orgs/{name}/access-tokens``, one record per call.

    Record attributes: required ``org``, ``label``; optional ``description``, ``resources``, ``expires_at``.

    Example record::

        {"org": "acme", "label": "deploy", "resources": [{"type": "TYPE_REPO", "path": "acme/web", "scopes": ["repo-pull"]}]}
    """

    preset = get_preset("create_org_access_token")


class DockerHubUpdateOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Update an organization access token's label, description, resources or active state.

    ``PATCH /v2/orgs/{org_name}/access-tokens/{access_token_id}``, one record per call.

    Record attributes: required ``org``, ``access_token_id``; optional ``label``, ``description``, ``resources``,
    ``is_active``.

    Example record::

        {"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861", "is_active": false}
    """

    preset = get_preset("update_org_access_token")


class DockerHubDeleteOrgAccessTokenOperator(DockerHubEndpointOperator):
    """
    Delete an organization access token.

    ``DELETE /v2/orgs/{org_name}/access-tokens/{access_token_id}``, one record per call.

    Record attributes: required ``org``, ``access_token_id``; optional none.

    Example record::

        {"org": "acme", "access_token_id": "a7a5ef25-8889-43a0-8cc7-f2a94268e861"}
    """

    preset = get_preset("delete_org_access_token")


class DockerHubUpdateImmutableTagsOperator(DockerHubEndpointOperator):
    """
    Turn immutable tags on or off for a repository and set the rules.

    ``PATCH /v2/namespaces/{namespace}/repositories/{repository}/immutabletags``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``immutable_tags``, ``immutable_tags_rules``;
    optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "immutable_tags": true, "immutable_tags_rules": ["v.*"]}
    """

    preset = get_preset("update_immutable_tags")


class DockerHubVerifyImmutableTagsOperator(DockerHubEndpointOperator):
    """
    List the tags an immutable-tag rule would match.

    ``POST /v2/namespaces/{namespace}/repositories/{repository}/immutabletags/verify``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``regex``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "regex": "v1"}
    """

    preset = get_preset("verify_immutable_tags")


class DockerHubCreateRepositoryGroupOperator(DockerHubEndpointOperator):
    """
    Give a group (team) a permission on a repository.

    ``POST /v2/repositories/{namespace}/{repository}/groups``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``group_id``, ``permission``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "group_id": 1, "permission": "write"}
    """

    preset = get_preset("create_repository_group")


class DockerHubCreateRepositoryOperator(DockerHubEndpointOperator):
    """
    Create a repository in a user's or organization's namespace.

    ``POST /v2/namespaces/{namespace}/repositories``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional ``description``, ``full_description``,
    ``registry``, ``is_private``.

    Example record::

        {"namespace": "acme", "name": "web", "description": "Frontend", "is_private": true}
    """

    preset = get_preset("create_repository")


class DockerHubUpdateRepositoryOperator(DockerHubEndpointOperator):
    """
    Set a repository's short description and full description (README); ``full_description_path`` names a file or
    object-storage URI whose text is sent as the full description.

    ``PATCH /v2/repositories/{namespace}/{name}/``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional ``description``, ``full_description``,
    ``full_description_path``.

    Example record::

        {"namespace": "acme", "name": "web", "description": "Frontend", "full_description": "# web\n\nThe frontend."}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.
    """

    preset = get_preset("update_repository")


class DockerHubSetRepositoryPrivacyOperator(DockerHubEndpointOperator):
    """
    Make a repository private or public.

    ``POST /v2/repositories/{namespace}/{name}/privacy``, one record per call.

    Record attributes: required ``namespace``, ``name``, ``is_private``; optional none.

    Example record::

        {"namespace": "acme", "name": "web", "is_private": true}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/terraform-provider-docker
    internal/hubclient/client_repository.go call it.
    """

    preset = get_preset("set_repository_privacy")


class DockerHubDeleteRepositoryOperator(DockerHubEndpointOperator):
    """
    Delete a repository with all its tags and images (this cannot be undone).

    ``DELETE /v2/repositories/{namespace}/{name}/``, one record per call.

    Record attributes: required ``namespace``, ``name``; optional none.

    Example record::

        {"namespace": "acme", "name": "old-app"}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/hub-tool pkg/hub/repositories.go,
    pkg/hub/tags.go; docker/terraform-provider-docker internal/hubclient/client_repository.go call it.
    """

    preset = get_preset("delete_repository")


class DockerHubDeleteTagOperator(DockerHubEndpointOperator):
    """
    Delete a tag of a repository.

    ``DELETE /v2/repositories/{namespace}/{repository}/tags/{tag}/``, one record per call.

    Record attributes: required ``namespace``, ``repository``, ``tag``; optional none.

    Example record::

        {"namespace": "acme", "repository": "web", "tag": "pr-123"}

    Not in Docker Hub's OpenAPI document: the live endpoint, as docker/hub-tool pkg/hub/repositories.go,
    pkg/hub/tags.go call it.
    """

    preset = get_preset("delete_tag")


class DockerHubUpdateOrgMemberRoleOperator(DockerHubEndpointOperator):
    """
    Change an organization member's role: owner, editor, member or a custom role's name.

    ``PUT /v2/orgs/{org_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``username``, ``role``; optional none.

    Example record::

        {"org": "acme", "username": "bob", "role": "editor"}
    """

    preset = get_preset("update_org_member_role")


class DockerHubRemoveOrgMemberOperator(DockerHubEndpointOperator):
    """
    Remove a member from an organization.

    ``DELETE /v2/orgs/{org_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``username``; optional none.

    Example record::

        {"org": "acme", "username": "bob"}
    """

    preset = get_preset("remove_org_member")


class DockerHubCreateGroupOperator(DockerHubEndpointOperator):
    """
    Create a group (team) in an organization.

    ``POST /v2/orgs/{org_name}/groups``, one record per call.

    Record attributes: required ``org``, ``name``; optional ``description``.

    Example record::

        {"org": "acme", "name": "ops", "description": "Operations"}
    """

    preset = get_preset("create_group")


class DockerHubUpdateGroupOperator(DockerHubEndpointOperator):
    """
    Replace a group's name and description.

    ``PUT /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``name``; optional ``description``.

    Example record::

        {"org": "acme", "group_name": "devs", "name": "developers"}
    """

    preset = get_preset("update_group")


class DockerHubPatchGroupOperator(DockerHubEndpointOperator):
    """
    Change some of a group's details.

    ``PATCH /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``; optional ``name``, ``description``.

    Example record::

        {"org": "acme", "group_name": "devs", "description": "Developers"}
    """

    preset = get_preset("patch_group")


class DockerHubDeleteGroupOperator(DockerHubEndpointOperator):
    """
    Delete a group.

    ``DELETE /v2/orgs/{org_name}/groups/{group_name}``, one record per call.

    Record attributes: required ``org``, ``group_name``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs"}
    """

    preset = get_preset("delete_group")


class DockerHubAddGroupMemberOperator(DockerHubEndpointOperator):
    """
    Add an organization member to a group.

    ``POST /v2/orgs/{org_name}/groups/{group_name}/members``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``member``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs", "member": "carol"}
    """

    preset = get_preset("add_group_member")


class DockerHubRemoveGroupMemberOperator(DockerHubEndpointOperator):
    """
    Remove a user from a group.

    ``DELETE /v2/orgs/{org_name}/groups/{group_name}/members/{username}``, one record per call.

    Record attributes: required ``org``, ``group_name``, ``username``; optional none.

    Example record::

        {"org": "acme", "group_name": "devs", "username": "bob"}
    """

    preset = get_preset("remove_group_member")


class DockerHubCancelInviteOperator(DockerHubEndpointOperator):
    """
    Cancel a pending invite.

    ``DELETE /v2/invites/{id}``, one record per call.

    Record attributes: required ``invite_id``; optional none.

    Example record::

        {"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"}
    """

    preset = get_preset("cancel_invite")


class DockerHubResendInviteOperator(DockerHubEndpointOperator):
    """
    Resend a pending invite.

    ``PATCH /v2/invites/{id}/resend``, one record per call.

    Record attributes: required ``invite_id``; optional none.

    Example record::

        {"invite_id": "e36eca69-4cc8-4f17-9845-ae8c2b832691"}
    """

    preset = get_preset("resend_invite")


class DockerHubBulkInviteOperator(DockerHubEndpointOperator):
    """
    Invite people (Docker IDs or emails) to an organization and team; one record per invitee, grouped by org, team
    and role into bulk calls; each invitee's status becomes its record's outcome.

    ``POST /v2/invites/bulk``, one batch of records per call.

    Record attributes: required ``invitee``, ``org``; optional ``team``, ``role``.

    Example record::

        {"invitee": "dana@example.com", "org": "acme", "team": "devs", "role": "member"}

    ``api_dry_run=True`` asks Docker Hub to validate the calls without changing anything.
    """

    preset = get_preset("bulk_invite")


class DockerHubCreateScimUserOperator(DockerHubEndpointOperator):
    """
    Provision a user through SCIM (connection with auth_type bearer and the SCIM token).

    ``POST /v2/scim/2.0/Users``, one record per call.

    Record attributes: required ``userName``; optional ``schemas``, ``name``, ``givenName``, ``familyName``.

    Example record::

        {"userName": "jane@example.com", "givenName": "Jane", "familyName": "Doe"}
    """

    preset = get_preset("create_scim_user")


class DockerHubUpdateScimUserOperator(DockerHubEndpointOperator):
    """
    Update a SCIM user's name or activate/deactivate it (active; a record without it keeps the user active).

    ``PUT /v2/scim/2.0/Users/{id}``, one record per call.

    Record attributes: required ``user_id``, ``userName``; optional ``schemas``, ``name``, ``givenName``,
    ``familyName``, ``active``, ``enabled``.

    Example record::

        {"user_id": "d9bd4e6e-0c6a-4a3e-a2f2-b5d1a4b6b3c8", "userName": "jane@example.com", "givenName": "Jane", "active": false}
    """

    preset = get_preset("update_scim_user")


__all__ = [
    "DockerHubAddGroupMemberOperator",
    "DockerHubBulkInviteOperator",
    "DockerHubCancelInviteOperator",
    "DockerHubCreateAccessTokenOperator",
    "DockerHubCreateGroupOperator",
    "DockerHubCreateOrgAccessTokenOperator",
    "DockerHubCreateRepositoryGroupOperator",
    "DockerHubCreateRepositoryOperator",
    "DockerHubCreateScimUserOperator",
    "DockerHubDeleteAccessTokenOperator",
    "DockerHubDeleteGroupOperator",
    "DockerHubDeleteOrgAccessTokenOperator",
    "DockerHubDeleteRepositoryOperator",
    "DockerHubDeleteTagOperator",
    "DockerHubPatchGroupOperator",
    "DockerHubRemoveGroupMemberOperator",
    "DockerHubRemoveOrgMemberOperator",
    "DockerHubResendInviteOperator",
    "DockerHubSetRepositoryPrivacyOperator",
    "DockerHubUpdateAccessTokenOperator",
    "DockerHubUpdateGroupOperator",
    "DockerHubUpdateImmutableTagsOperator",
    "DockerHubUpdateOrgAccessTokenOperator",
    "DockerHubUpdateOrgMemberRoleOperator",
    "DockerHubUpdateOrgSettingsOperator",
    "DockerHubUpdateRepositoryOperator",
    "DockerHubUpdateScimUserOperator",
    "DockerHubVerifyImmutableTagsOperator",
]
