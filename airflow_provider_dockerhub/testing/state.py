"""The emulator's in-memory Docker Hub: accounts, repositories, tokens, members, groups, invites, SCIM."""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from airflow_provider_dockerhub.hub import OAT_PREFIX, ORG_ROLES, PAT_PREFIX, PAT_SCOPES, TOKEN_LIFETIME
from airflow_provider_dockerhub.testing.clock import Clock, api_time

#: A higher PAT scope implies the lower ones of its group.
_SCOPE_RANK = {scope: rank for rank, scope in enumerate(reversed(PAT_SCOPES))}

#: The organization scopes of an organization access token that catalogue row C3 is about, each Edit scope with
#: the Read scope it includes (values as docs.docker.com ``security/access-tokens/reference`` lists them).
OAT_EDIT_INCLUDES_READ = {"scope-member-edit": "scope-member-read", "scope-invite-edit": "scope-invite-read",
                          "scope-group-edit": "scope-group-read"}
#: What a seeded organization access token may do when no ``resources`` are given: all of C3.
DEFAULT_OAT_ORG_SCOPES = tuple(OAT_EDIT_INCLUDES_READ)
#: How the live service refuses a token without the scope a call needs: ``{"message": "insufficient scope",
#: "errinfo": {}}`` (docker/hub-feedback#2224, which shows no status code; the emulator answers 403).
INSUFFICIENT_SCOPE = "insufficient scope"


def _api_time(value: datetime | str | None) -> str | None:
    """A datetime or an ISO text as the API writes times; None stays None."""
    return value if value is None or isinstance(value, str) else api_time(value)


class ApiError(Exception):
    """An error answer: status code and the API's ``detail``; ``body`` answers a body of another shape."""

    def __init__(self, status: int, detail: str, field_name: str | None = None, *, body: Any = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.field_name = field_name
        self.body = body


@dataclass(frozen=True)
class Principal:
    """Who a bearer token speaks for."""

    kind: str  # password | pat | oat | scim
    name: str  # username, or organization for oat/scim
    scopes: frozenset[str] = frozenset()

    @property
    def is_user(self) -> bool:
        return self.kind in ("password", "pat")


@dataclass
class PersonalAccessToken:
    uuid: str
    token: str
    owner: str
    token_label: str
    scopes: list[str]
    expires_at: str | None = None
    is_active: bool = True
    created_at: str = field(kw_only=True)

    def to_api(self, *, with_token: bool = False) -> dict[str, Any]:
        data = {
            "uuid": self.uuid, "client_id": "HUB", "creator_ip": "127.0.0.1", "creator_ua": "emulator",
            "created_at": self.created_at, "last_used": None, "generated_by": "manual",
            "is_active": self.is_active, "token": self.token if with_token else "",
            "token_label": self.token_label, "scopes": list(self.scopes),
        }
        if self.expires_at:
            data["expires_at"] = self.expires_at
        return data


@dataclass
class User:
    username: str
    password: str | None
    email: str
    full_name: str = ""
    two_factor_code: str | None = field(default=None, repr=False)
    date_joined: str = field(kw_only=True)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id, "company": "", "date_joined": self.date_joined, "full_name": self.full_name,
            "gravatar_email": "", "gravatar_url": "", "location": "", "profile_url": "",
            "type": "User", "username": self.username, "email": self.email,
        }


@dataclass
class OrgAccessToken:
    id: str
    token: str
    org: str
    label: str
    created_by: str
    description: str = ""
    resources: list[dict[str, Any]] = field(default_factory=list)
    expires_at: str | None = None
    is_active: bool = True
    created_at: str = field(kw_only=True)

    def to_api(self, *, with_token: bool = False, with_resources: bool = True) -> dict[str, Any]:
        """A list item without ``with_resources`` (no resources, no description: O1); else the single
        token, which carries both (O2)."""
        data = {
            "id": self.id, "label": self.label, "created_by": self.created_by, "is_active": self.is_active,
            "created_at": self.created_at, "expires_at": self.expires_at, "last_used_at": None,
        }
        if with_resources:
            data["resources"] = [dict(r) for r in self.resources]
            data["description"] = self.description
        if with_token:
            data["token"] = self.token
        return data

    def org_scopes(self) -> frozenset[str]:
        """The scopes its ``TYPE_ORG`` resources grant, each Edit scope with the Read scope it includes (C3)."""
        granted: set[str] = set()
        for resource in self.resources:
            if isinstance(resource, dict) and resource.get("type") == "TYPE_ORG":
                granted.update(scope for scope in resource.get("scopes") or () if isinstance(scope, str))
        return frozenset(granted | {OAT_EDIT_INCLUDES_READ[s] for s in granted if s in OAT_EDIT_INCLUDES_READ})


@dataclass
class Group:
    id: int
    name: str
    description: str = ""
    members: list[str] = field(default_factory=list)
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))

    def to_api(self) -> dict[str, Any]:
        return {"id": self.id, "uuid": self.uuid, "name": self.name, "description": self.description,
                "member_count": len(self.members)}  # the list carries description too (T1)


@dataclass
class Invite:
    id: str
    inviter_username: str
    invitee: str
    org: str
    team: str
    role: str
    created_at: str = field(kw_only=True)

    def to_api(self) -> dict[str, Any]:
        return {"id": self.id, "inviter_username": self.inviter_username, "invitee": self.invitee,
                "org": self.org, "team": self.team, "role": self.role, "created_at": self.created_at}  # M5


@dataclass
class Org:
    name: str
    members: dict[str, str] = field(default_factory=dict)  # username -> role (core in lower case, or custom)
    custom_roles: set[str] = field(default_factory=set)  # names of the organization's custom roles (M2, M3)
    groups: dict[str, Group] = field(default_factory=dict)
    access_tokens: dict[str, OrgAccessToken] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=lambda: {
        "restricted_images": {"enabled": False, "allow_official_images": True, "allow_verified_publishers": True}})


@dataclass
class Tag:
    """One tag of a repository, with the times Docker Hub reports in its tag list."""

    name: str
    tag_last_pushed: str | None
    tag_last_pulled: str | None = None
    digest: str = ""
    full_size: int = 0

    def to_api(self) -> dict[str, Any]:
        return {
            "name": self.name, "last_updated": self.tag_last_pushed, "tag_last_pushed": self.tag_last_pushed,
            "tag_last_pulled": self.tag_last_pulled, "tag_status": "active", "full_size": self.full_size,
            "digest": self.digest, "v2": True, "media_type": "application/vnd.oci.image.index.v1+json",
            "content_type": "image", "images": [], "last_updater_username": "",
        }


@dataclass
class Repository:
    namespace: str
    name: str
    is_private: bool = False
    description: str = ""
    full_description: str = ""
    registry: str = "docker.io"
    immutable_tags: bool = False
    immutable_tags_rules: list[str] = field(default_factory=list)
    group_permissions: dict[int, str] = field(default_factory=dict)
    created_by: str = ""
    tags: dict[str, Tag] = field(default_factory=dict)
    date_registered: str = field(kw_only=True)

    def to_api(self, *, list_item: bool = False) -> dict[str, Any]:
        """The single repository; ``list_item`` drops ``full_description``, which lists do not carry (R3)."""
        data = {
            "user": self.created_by, "name": self.name, "namespace": self.namespace, "repository_type": "image",
            "status": 1, "status_description": "active", "description": self.description,
            "is_private": self.is_private, "is_automated": False, "star_count": 0, "pull_count": 0,
            "last_updated": self.date_registered, "last_modified": self.date_registered,
            "date_registered": self.date_registered, "collaborator_count": 0, "affiliation": "",
            "hub_user": self.created_by, "has_starred": False, "full_description": self.full_description,
            "permissions": {"read": True, "write": True, "admin": True}, "media_types": [], "content_types": [],
            "categories": [], "immutable_tags_settings": {"enabled": self.immutable_tags,
                                                          "rules": list(self.immutable_tags_rules)},
            "storage_size": 0,
        }
        if list_item:
            del data["full_description"]
        return data


@dataclass
class ScimUser:
    id: str
    org: str
    user_name: str
    given_name: str = ""
    family_name: str = ""
    active: bool = True
    created: str = field(kw_only=True)
    last_modified: str = field(kw_only=True)

    def to_api(self) -> dict[str, Any]:
        return {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": self.id, "userName": self.user_name,
            "name": {"givenName": self.given_name, "familyName": self.family_name},
            "displayName": f"{self.given_name} {self.family_name}".strip() or self.user_name,
            "active": self.active, "emails": [{"value": self.user_name, "display": self.user_name, "primary": True}],
            "groups": [], "meta": {"resourceType": "User", "location": f"/v2/scim/2.0/Users/{self.id}",
                                   "created": self.created, "lastModified": self.last_modified},
        }


def check_docker_id(name: str) -> None:
    """Docker IDs (users and organizations) are lower case (N1)."""
    if name != name.lower():
        raise ValueError(f"Docker IDs are lower case (catalogue row N1): {name!r}")


def role_as_listed(role: str) -> str:
    """How the member list writes a stored role: core roles capitalised, custom roles by name (M2)."""
    return role.capitalize() if role in ORG_ROLES else role


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class HubState:
    """Everything the emulated Docker Hub knows; one lock guards all changes. Times come from ``clock``
    (token expiry, the timestamps of what is created), so a test can move them with a ``FakeClock``."""

    def __init__(self, token_lifetime: float = TOKEN_LIFETIME, clock: Clock | None = None) -> None:
        self.lock = threading.RLock()
        self.clock = clock or Clock()
        self.token_lifetime = token_lifetime
        self.users: dict[str, User] = {}
        self.pats: dict[str, PersonalAccessToken] = {}
        self.orgs: dict[str, Org] = {}
        self.repositories: dict[tuple[str, str], Repository] = {}
        self.invites: dict[str, Invite] = {}
        self.scim_tokens: dict[str, str] = {}  # token -> org
        self.scim_users: dict[str, ScimUser] = {}
        self._jwts: dict[str, tuple[Principal, float]] = {}
        self._secrets: set[str] = set()  # every secret ever known, deleted tokens' included
        self.pending_2fa: dict[str, str] = {}  # login_2fa_token -> username
        self._group_ids = itertools.count(1)

    def now_iso(self) -> str:
        """The clock's current time as the API writes it."""
        return self.clock.now_iso()

    def _new_user(self, username: str, password: str | None = None, email: str | None = None, full_name: str = "",
                  two_factor_code: str | None = None) -> User:
        return User(username, password, email or f"{username}@example.com", full_name, two_factor_code,
                    date_joined=self.now_iso())

    # -- seeding ------------------------------------------------------------------------------------
    def add_user(self, username: str, password: str | None = None, *, email: str | None = None,
                 full_name: str = "", two_factor_code: str | None = None) -> User:
        """Create a user account; with ``two_factor_code`` the deprecated login asks for that code.

        Docker IDs are lower case (catalogue row N1): a name with capitals is refused here, so tests meet
        case the way the live service does (paths are case-sensitive, N2)."""
        check_docker_id(username)
        with self.lock:
            user = self._new_user(username, password, email, full_name, two_factor_code)
            self._secrets.update(filter(None, [password]))
            self.users[username] = user
            return user

    def add_personal_access_token(
        self, username: str, token: str | None = None, *, scopes: list[str] | tuple[str, ...] = ("repo:admin",),
        label: str = "seeded",
    ) -> PersonalAccessToken:
        """Give ``username`` a PAT (``dckr_pat_...``)."""
        with self.lock:
            pat = PersonalAccessToken(str(uuid.uuid4()), token or f"{PAT_PREFIX}{secrets.token_urlsafe(20)}",
                                      username, label, list(scopes), created_at=self.now_iso())
            self.pats[pat.uuid] = pat
            self._secrets.add(pat.token)
            return pat

    def add_org(self, name: str, *, owners: list[str] | tuple[str, ...] = (), members: dict[str, str] | None = None,
                custom_roles: list[str] | tuple[str, ...] = ()) -> Org:
        """Create an organization with owners (and other members by role: ``owner``, ``editor``, ``member`` or
        the name of one of its ``custom_roles``)."""
        check_docker_id(name)
        with self.lock:
            org = self.orgs.setdefault(name, Org(name))
            org.custom_roles.update(custom_roles)
            for owner in owners:
                org.members[owner] = "owner"
            for username, role in (members or {}).items():
                org.members[username] = role if role in org.custom_roles else role.lower()
            for username in org.members:
                if username not in self.users:
                    self.users[username] = self._new_user(username)
            return org

    def add_group(self, org: str, name: str, members: list[str] | tuple[str, ...] = ()) -> Group:
        """Create a group (team) in ``org``."""
        with self.lock:
            group = Group(next(self._group_ids), name, members=list(members))
            self.orgs[org].groups[name] = group
            return group

    def add_org_access_token(self, org: str, token: str | None = None, *, label: str = "seeded",
                             resources: list[dict[str, Any]] | None = None, created_by: str = "seed",
                             description: str = "", expires_at: str | None = None) -> OrgAccessToken:
        """Give ``org`` an organization access token (``dckr_oat_...``); without ``resources``, the member, invite
        and group Edit scopes on ``org`` (everything catalogue row C3 lets an OAT do). A token given ``resources``
        may do only what their ``TYPE_ORG`` scopes grant (``scope-member-read``, ``scope-group-edit``, ...)."""
        if resources is None:
            resources = [{"type": "TYPE_ORG", "path": org, "scopes": list(DEFAULT_OAT_ORG_SCOPES)}]
        with self.lock:
            oat = OrgAccessToken(str(uuid.uuid4()), token or f"{OAT_PREFIX}{secrets.token_urlsafe(20)}", org, label,
                                 created_by, description, resources, expires_at, created_at=self.now_iso())
            self.orgs[org].access_tokens[oat.id] = oat
            self._secrets.add(oat.token)
            return oat

    def add_scim_token(self, org: str, token: str) -> None:
        """Accept ``token`` as the SCIM bearer token of ``org``."""
        with self.lock:
            self.scim_tokens[token] = org
            self._secrets.add(token)

    def add_repository(self, namespace: str, name: str, **fields: Any) -> Repository:
        """Create a repository directly."""
        with self.lock:
            repo = Repository(namespace, name, **{"date_registered": self.now_iso(), **fields})
            self.repositories[(namespace, name)] = repo
            return repo

    def add_tag(self, namespace: str, repository: str, name: str, *, pushed: datetime | str | None = None,
                pulled: datetime | str | None = None) -> Tag:
        """Give an existing repository a tag pushed (default: now) and last pulled (default: never) at these times."""
        with self.lock:
            tag = Tag(name, _api_time(pushed) or self.now_iso(), _api_time(pulled),
                      digest=f"sha256:{uuid.uuid5(uuid.NAMESPACE_URL, f'{namespace}/{repository}:{name}').hex * 2}")
            self.repository(namespace, repository).tags[name] = tag
            return tag

    def add_invite(self, org: str, invitee: str, *, inviter: str, team: str = "", role: str = "member",
                   invite_id: str | None = None, dry_run: bool = False) -> Invite:
        """Invite ``invitee`` (a Docker ID or an email address) to ``org`` (and ``team``); ``dry_run`` only
        makes the invite's answer."""
        invite = Invite(invite_id or str(uuid.uuid4()), inviter, invitee, org, team, role, created_at=self.now_iso())
        if not dry_run:
            with self.lock:
                self.invites[invite.id] = invite
        return invite

    def add_scim_user(self, org: str, user_name: str, given_name: str = "", family_name: str = "", *,
                      user_id: str | None = None) -> ScimUser:
        """Provision a SCIM user in ``org``."""
        now = self.now_iso()
        user = ScimUser(user_id or str(uuid.uuid4()), org, user_name, given_name, family_name, created=now,
                        last_modified=now)
        with self.lock:
            self.scim_users[user.id] = user
        return user

    # -- authentication -----------------------------------------------------------------------------
    def issue_jwt(self, principal: Principal, lifetime: float | None = None) -> str:
        """A JWT-shaped token with an ``exp`` claim, remembered for later calls."""
        expires = self.clock.time() + (self.token_lifetime if lifetime is None else lifetime)
        claims = {"sub": principal.name, "kind": principal.kind, "exp": expires, "jti": secrets.token_hex(8)}
        token = ".".join([_b64(b'{"alg":"HS256","typ":"JWT"}'), _b64(json.dumps(claims).encode()),
                          _b64(secrets.token_bytes(16))])
        with self.lock:
            self._jwts[token] = (principal, expires)
            self._secrets.add(token)
        return token

    def secrets(self) -> set[str]:
        """Every secret this Hub has known: passwords, access tokens (deleted ones too), SCIM tokens and
        the JWTs it issued. Tests scan logs and outputs for them."""
        with self.lock:
            return set(self._secrets)

    def login(self, identifier: str, secret: str) -> Principal | None:
        """Check an identifier + secret (password, PAT or OAT); None when wrong."""
        with self.lock:
            user = self.users.get(identifier)
            if user is not None:
                if user.password is not None and secrets.compare_digest(user.password, secret):
                    return Principal("password", identifier)
                for pat in self.pats.values():
                    if pat.owner == identifier and pat.is_active and secrets.compare_digest(pat.token, secret):
                        return Principal("pat", identifier, frozenset(pat.scopes))
            org = self.orgs.get(identifier)
            if org is not None:
                for oat in org.access_tokens.values():
                    if oat.is_active and secrets.compare_digest(oat.token, secret):
                        return Principal("oat", identifier, oat.org_scopes())
        return None

    def authenticate(self, bearer: str) -> Principal:
        """The principal of a bearer token; 401 when unknown or expired."""
        with self.lock:
            if bearer in self.scim_tokens:
                return Principal("scim", self.scim_tokens[bearer])
            entry = self._jwts.get(bearer)
        if entry is None:
            raise ApiError(401, "authentication required: invalid token")
        principal, expires = entry
        if self.clock.time() >= expires:
            raise ApiError(401, "authentication required: token expired")
        return principal

    # -- authorization ------------------------------------------------------------------------------
    def org(self, name: str) -> Org:
        """The organization ``name``; 404 when unknown."""
        org = self.orgs.get(name)
        if org is None:
            raise ApiError(404, f"organization {name!r} not found")
        return org

    def require_user(self, principal: Principal) -> User:
        """A call that only a user (not an organization token) may make."""
        if not principal.is_user:
            raise ApiError(403, "this endpoint needs a user token")
        return self.users[principal.name]

    def require_password_login(self, principal: Principal) -> User:
        """Managing PATs needs a token from a password login, as on Docker Hub."""
        user = self.require_user(principal)
        if principal.kind == "pat":
            raise ApiError(403, "token issued from personal access token is not allowed to manage access tokens")
        return user

    def require_org_owner(self, principal: Principal, org_name: str, *, oat_scope: str | None = None,
                          pat: bool = False) -> Org:
        """Organization administration: an owner's password login (C2); where ``oat_scope`` names the scope the
        route needs, an access token of that organization that has it (C3: else 403 "insufficient scope"; no
        ``oat_scope``: no OAT at all, as for org access tokens, C4, and image access settings, C5); a PAT only
        where ``pat`` (image access settings, C5), with the ``repo:admin`` scope."""
        org = self.org(org_name)
        if principal.kind == "oat":
            if oat_scope is None:
                raise ApiError(403, "organization access tokens cannot be used for this endpoint")
            if principal.name != org_name:
                raise ApiError(403, f"organization access token of {principal.name!r} cannot administer {org_name!r}")
            if oat_scope not in principal.scopes:
                raise ApiError(403, f"{INSUFFICIENT_SCOPE}: the organization access token lacks {oat_scope}",
                               body={"message": INSUFFICIENT_SCOPE, "errinfo": {}})
            return org
        if principal.kind == "pat":
            if not pat:
                raise ApiError(403, "token issued from personal access token is not allowed to administer organizations")
            if "repo:admin" not in principal.scopes:
                raise ApiError(403, "personal access token lacks the repo:admin scope")
        if principal.is_user and org.members.get(principal.name) == "owner":
            return org
        raise ApiError(403, f"only an owner of {org_name!r} may do this")

    def role_name(self, org: Org, role: str) -> str:
        """A role as a write names it (``owner``, ``editor``, ``member``, any case, or a custom role's name),
        as stored; 400 naming the field for any other (M3)."""
        if role in org.custom_roles:
            return role
        if isinstance(role, str) and role.lower() in ORG_ROLES:
            return role.lower()
        raise ApiError(400, f"invalid role {role!r}; one of {[*ORG_ROLES, *sorted(org.custom_roles)]}", "role")

    def require_repo_write(self, principal: Principal, namespace: str, scope: str = "repo:write") -> None:
        """Repository changes: the namespace's own user, an org owner/editor, or the org's access token."""
        if principal.kind == "oat":
            if principal.name == namespace:
                return
            raise ApiError(403, f"organization access token of {principal.name!r} cannot write to {namespace!r}")
        if not principal.is_user:
            raise ApiError(403, "this endpoint needs a user or organization token")
        if principal.kind == "pat" and max((_SCOPE_RANK.get(s, -1) for s in principal.scopes), default=-1) < _SCOPE_RANK[scope]:
            raise ApiError(403, f"personal access token lacks the {scope} scope")
        if principal.name == namespace:
            return
        org = self.orgs.get(namespace)
        if org is None:
            raise ApiError(404, f"namespace {namespace!r} not found")
        if org.members.get(principal.name) not in ("owner", "editor"):
            raise ApiError(403, f"{principal.name!r} may not write to repositories of {namespace!r}")

    def repository(self, namespace: str, name: str) -> Repository:
        """The repository; 404 when unknown."""
        repo = self.repositories.get((namespace, name))
        if repo is None:
            raise ApiError(404, f"repository {namespace}/{name} not found")
        return repo
