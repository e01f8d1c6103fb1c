"""Seed a whole emulated Docker Hub from one JSON or YAML document (``--seed-file`` of the emulator CLI).

The document has up to five lists; every key but the names is optional::

    users:          [{username, password, email, full_name}]
    tokens:         [{username, token, scopes, label}]        # personal access tokens (dckr_pat_...)
    orgs:           [{name, owners, members: {user: role}, groups: [{name, members}],
                      access_tokens: [{token, label, resources}], scim_token}]
    repositories:   [{namespace, name, is_private, description, full_description, immutable_tags}]

Users named as owners or members of an organization are created if the ``users`` list lacks them. A wrong
document is refused with an error naming the entry and the key (``orgs[0].groups[1]: missing 'name'``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["SEED_KEYS", "load_seed_file", "seed_hub"]

#: The allowed keys: top level and per kind of entry (the first is the required one).
SEED_KEYS: dict[str, tuple[str, ...]] = {
    "users": ("username", "password", "email", "full_name"),
    "tokens": ("username", "token", "scopes", "label"),
    "orgs": ("name", "owners", "members", "groups", "access_tokens", "scim_token"),
    "groups": ("name", "members"),
    "access_tokens": ("token", "label", "resources"),
    "repositories": ("namespace", "name", "is_private", "description", "full_description", "immutable_tags"),
}
_TOP = ("users", "tokens", "orgs", "repositories")


def load_seed_file(path: str | Path) -> dict[str, Any]:
    """The document in ``path``: JSON (``.json``) or YAML (``.yaml``/``.yml``, needs PyYAML)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise ValueError(f"{path}: reading YAML needs PyYAML (pip install pyyaml), or give a .json file") from None
        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: the seed document must be a mapping with {', '.join(_TOP)}")
    return dict(data)


def _entries(data: Mapping[str, Any], key: str, where: str) -> list[tuple[str, dict[str, Any]]]:
    """The entries of list ``key``, each checked: a mapping with the required key and no unknown one."""
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"{where}{key} must be a list")
    required, allowed = SEED_KEYS[key][0], set(SEED_KEYS[key])
    entries = []
    for n, entry in enumerate(value):
        at = f"{where}{key}[{n}]"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{at} must be a mapping")
        if required not in entry:
            raise ValueError(f"{at}: missing {required!r}")
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise ValueError(f"{at}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
        entries.append((at, dict(entry)))
    return entries


def seed_hub(hub: Any, data: Mapping[str, Any]) -> None:
    """Create what ``data`` describes in ``hub`` (a ``DockerHubEmulator`` or its ``HubState``)."""
    unknown = sorted(set(data) - set(_TOP))
    if unknown:
        raise ValueError(f"unknown seed key(s) {unknown}; allowed: {list(_TOP)}")
    for _, user in _entries(data, "users", ""):
        hub.add_user(user["username"], user.get("password"), email=user.get("email"),
                     full_name=user.get("full_name", ""))
    for _, token in _entries(data, "tokens", ""):
        options = {k: token[k] for k in ("scopes", "label") if k in token}
        hub.add_personal_access_token(token["username"], token.get("token"), **options)
    for at, org in _entries(data, "orgs", ""):
        hub.add_org(org["name"], owners=list(org.get("owners") or []), members=dict(org.get("members") or {}))
        for _, group in _entries(org, "groups", f"{at}."):
            hub.add_group(org["name"], group["name"], list(group.get("members") or []))
        for _, oat in _entries(org, "access_tokens", f"{at}."):
            hub.add_org_access_token(org["name"], oat.get("token"),
                                     **{k: oat[k] for k in ("label", "resources") if k in oat})
        if org.get("scim_token"):
            hub.add_scim_token(org["name"], org["scim_token"])
    for _, repo in _entries(data, "repositories", ""):
        hub.add_repository(repo.pop("namespace"), repo.pop("name"), **repo)
