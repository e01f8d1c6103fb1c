"""How each resource kind is read, compared and written by ``DockerHubSyncOperator``.

An adapter turns a desired record into its identity and scope, reads what exists in one scope with
``DockerHubHook.paginate`` (one pass per scope, largest pages), says which fields differ, and shapes
the records the endpoint presets write. Which modes a resource supports follows from which writes
its ``Resource`` has: no update preset, no update; no delete preset, no mirror.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from airflow_provider_dockerhub.presets.registry import EndpointPreset, get_preset
from airflow_provider_dockerhub.presets.resources import Resource, get_resource

Record = Mapping[str, Any]
Identity = tuple[Any, ...]
#: Reads what exists in one scope: ``read(paginate, get_json, scope_values) -> {identity: current}``.
Reader = Callable[[Callable[..., Iterator[Any]], Callable[..., Any], Identity], dict[Identity, dict[str, Any]]]


@dataclass(frozen=True)
class SyncAdapter:
    """One resource kind, as the sync operator sees it.

    :param compared: desired attributes compared with what exists (a difference means an update).
    :param create: the preset record that creates a desired resource.
    :param update: the preset record that updates a resource to the desired one.
    :param delete: the preset record that deletes an existing resource.
    :param protected: True for an existing resource mirror must never delete (given the caller's login).
    :param prepare: turns a desired record into the adapter's attribute names (e.g. ``email`` as ``username``).
    :param delete_preset: the preset that deletes one existing resource (default: the resource's delete).
    :param updatable: whether an existing resource can be updated at all (a pending invite cannot).
    :param compare_as: attribute -> how to view a value before comparing (default: strings ignore case).
    :param captured: for a resource whose secret is shown once, the identities a response file holds a
        secret for (read from the JSON lines the send and sync operators write), else None.
    """

    resource: Resource
    read: Reader
    compared: tuple[str, ...] = ()
    create: Callable[[Record], dict[str, Any]] = dict
    update: Callable[[Record, Record], dict[str, Any]] | None = None
    delete: Callable[[Record], dict[str, Any]] | None = None
    protected: Callable[[Record, str | None], bool] = field(default=lambda current, login: False)
    prepare: Callable[[Record], dict[str, Any]] = dict
    delete_preset: Callable[[Record], EndpointPreset | None] | None = None
    updatable: Callable[[Record], bool] = field(default=lambda current: True)
    compare_as: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    captured: Callable[[Iterable[Mapping[str, Any]]], set[Identity]] | None = None

    def deleter(self, current: Record) -> EndpointPreset | None:
        """The preset that deletes ``current``."""
        return self.delete_preset(current) if self.delete_preset else self.resource.delete

    def identity(self, record: Record) -> Identity:
        """The values that name the resource; KeyError names a missing attribute."""
        return _values(record, self.resource.identity)

    def scope_of(self, record: Record) -> Identity:
        """The values that name the scope a record (or a ``scope`` parameter entry) names."""
        return _values(record, self.resource.scope)

    def scope(self, identity: Identity) -> Identity:
        return identity[:len(self.resource.scope)]

    def differences(self, desired: Record, current: Record) -> dict[str, tuple[Any, Any]]:
        """Compared attributes whose desired value differs from the current one: name -> (current, desired)."""
        seen = {name: self.compare_as.get(name, _normal) for name in self.compared if name in desired}
        return {name: (current.get(name), desired[name]) for name, view in seen.items()
                if view(desired[name]) != view(current.get(name))}

    def unsupported(self, mode: str) -> str | None:
        """Why ``mode`` cannot be done for this resource, or None when it can."""
        if mode == "mirror" and not (self.delete and self.resource.list):
            why = "has no delete" if not self.delete else "cannot list what exists"
            return f"mode 'mirror' is not possible for {self.resource.name}: the Docker Hub API {why}"
        return None


def _values(record: Record, names: tuple[str, ...]) -> Identity:
    missing = [name for name in names if record.get(name) in (None, "")]
    if missing:
        raise KeyError(missing[0])
    return tuple(_normal(record[name]) for name in names)


def _normal(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _by(items: Iterator[Any], *keys: Callable[[dict[str, Any]], Any]) -> dict[Identity, dict[str, Any]]:
    return {tuple(_normal(key(item)) for key in keys): item for item in items}


def _path(template: str, scope: Identity) -> str:
    from airflow_provider_dockerhub.pipeline.render import path_segment

    names = [part.split("}")[0] for part in template.split("{")[1:]]
    return template.format(**{name: path_segment(value) for name, value in zip(names, scope, strict=False)})


def _listed(resource: str, *keys: Callable[[dict[str, Any]], Any]) -> Reader:
    """A reader over the resource's list endpoint; identities are the scope values plus ``keys`` of each item,
    and each item carries its scope attributes (what a delete needs)."""
    kind = get_resource(resource)
    endpoint = kind.list

    def read(paginate, get_json, scope: Identity) -> dict[Identity, dict[str, Any]]:
        items = paginate(_path(endpoint.path, scope), page_size=endpoint.max_page_size)
        named = dict(zip(kind.scope, scope, strict=True))
        return {(*scope, *identity): {**item, **named} for identity, item in _by(items, *keys).items()}

    return read


def _read_org_members(paginate, get_json, scope: Identity) -> dict[Identity, dict[str, Any]]:
    """Members and pending invites: a pending invite counts as present (it is never sent twice)."""
    org = scope[0]
    found = {(org, _normal(m["username"])): {**m, "org": org, "role": str(m.get("role", "")).lower(), "pending": False}
             for m in paginate(_path("/v2/orgs/{org}/members", scope))}
    for invite in paginate(_path("/v2/orgs/{org}/invites", scope)):
        found.setdefault((org, _normal(invite["invitee"])),
                         {**invite, "org": org, "username": invite["invitee"], "pending": True})
    return found


def _read_org_settings(paginate, get_json, scope: Identity) -> dict[Identity, dict[str, Any]]:
    return {scope: {**(get_json(_path("/v2/orgs/{org}/settings", scope)) or {}), "org": scope[0]}}


def _captured_pats(events: Iterable[Mapping[str, Any]]) -> set[Identity]:
    return {(_normal(e["response"]["token_label"]),) for e in _token_events(events, "token_label")}


def _captured_oats(events: Iterable[Mapping[str, Any]]) -> set[Identity]:
    found = set()
    for event in _token_events(events, "label"):
        org = re.search(r"/v2/orgs/([^/]+)/access-tokens", str(event.get("url")))
        if org:
            found.add((_normal(org.group(1)), _normal(event["response"]["label"])))
    return found


def _token_events(events: Iterable[Mapping[str, Any]], label: str) -> Iterator[Mapping[str, Any]]:
    for event in events:
        response = event.get("response")
        if isinstance(response, dict) and response.get("token") and response.get(label):
            yield event


def _scim_user_record(desired: Record) -> dict[str, Any]:
    return {k: v for k, v in desired.items() if k in ("userName", "givenName", "familyName", "name", "schemas")}


ADAPTERS: dict[str, SyncAdapter] = {adapter.resource.name: adapter for adapter in (
    SyncAdapter(get_resource("repositories"), _listed("repositories", lambda r: r["name"]),
                compared=("description", "full_description", "is_private")),
    SyncAdapter(get_resource("groups"), _listed("groups", lambda g: g["name"]), compared=("description",),
                create=lambda d: {"org": d["org"], "name": d["name"], **_only(d, "description")},
                update=lambda d, c: {"org": d["org"], "group_name": d["name"], **_only(d, "description")},
                delete=lambda c: {"org": c["org"], "group_name": c["name"]}),
    SyncAdapter(get_resource("group_members"), _listed("group_members", lambda u: u["username"]),
                create=lambda d: {"org": d["org"], "group_name": d["group"], "member": d["username"]},
                delete=lambda c: {"org": c["org"], "group_name": c["group"], "username": c["username"]}),
    SyncAdapter(get_resource("org_members"), _read_org_members, compared=("role",),
                create=lambda d: {"org": d["org"], "invitee": d["username"], "role": d.get("role") or "member",
                                  "team": d.get("team")},
                update=lambda d, c: {"org": d["org"], "username": d["username"], "role": d["role"]},
                delete=lambda c: {"invite_id": c["id"]} if c["pending"] else {"org": c["org"], "username": c["username"]},
                protected=lambda c, login: bool(login) and _normal(c.get("username")) == _normal(login),
                prepare=lambda d: {**d, "username": d.get("username") or d.get("email")},
                delete_preset=lambda c: get_preset("cancel_invite") if c["pending"] else get_preset("remove_org_member"),
                updatable=lambda c: not c["pending"],
                # the member list says Owner or Member only: an editor is listed as a member
                compare_as={"role": lambda role: "owner" if _normal(role) == "owner" else "member"}),
    SyncAdapter(get_resource("access_tokens"), _listed("access_tokens", lambda t: t["token_label"]),
                compared=("is_active",),
                create=lambda d: {k: v for k, v in d.items() if k in ("token_label", "scopes", "expires_at")},
                update=lambda d, c: {"uuid": c["uuid"], "is_active": d["is_active"]},
                delete=lambda c: {"uuid": c["uuid"]}, captured=_captured_pats),
    SyncAdapter(get_resource("org_access_tokens"), _listed("org_access_tokens", lambda t: t["label"]),
                compared=("description", "is_active"),
                create=lambda d: {k: v for k, v in d.items() if k in ("org", "label", "description", "resources",
                                                                      "expires_at")},
                update=lambda d, c: {"org": d["org"], "access_token_id": c["id"],
                                     **_only(d, "description", "is_active")},
                delete=lambda c: {"org": c["org"], "access_token_id": c["id"]}, captured=_captured_oats),
    SyncAdapter(get_resource("scim_users"), _listed("scim_users", lambda u: u["userName"]), compared=("active",),
                create=_scim_user_record,
                update=lambda d, c: {"user_id": c["id"], "enabled": d["active"], **_scim_user_record(d)}),
    SyncAdapter(get_resource("org_settings"), _read_org_settings, compared=("restricted_images",),
                create=lambda d: {"org": d["org"], "restricted_images": d["restricted_images"]},
                update=lambda d, c: {"org": d["org"], "restricted_images": d["restricted_images"]}),
    SyncAdapter(get_resource("repository_groups"), lambda paginate, get_json, scope: {},
                create=lambda d: {k: v for k, v in d.items() if k in ("namespace", "repository", "group_id",
                                                                      "permission")}),
)}


def _only(record: Record, *names: str) -> dict[str, Any]:
    return {name: record[name] for name in names if name in record}


def get_adapter(resource: str) -> SyncAdapter:
    """The adapter of ``resource``; ValueError lists the known ones."""
    try:
        return ADAPTERS[resource]
    except KeyError:
        raise ValueError(f"resource must be one of {sorted(ADAPTERS)}, got {resource!r}") from None
