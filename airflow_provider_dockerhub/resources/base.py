"""ResourceKind: one kind of Docker Hub resource, described once (the model is Terraform's resource interface).

A kind owns its identity and how Docker Hub compares it, its scope, how to read every resource of
one scope (path and paginator), which fields are compared, and the records its create, update and
delete presets write. The sync plans with it, the endpoint operators are its presets, and the docs
tables are generated from it. Adding a kind means adding one subclass (plus its emulator routes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

from airflow_provider_dockerhub.exceptions import DockerHubReadError
from airflow_provider_dockerhub.hooks.pagination import NextLinkPaginator, Paginator
from airflow_provider_dockerhub.hub import MAX_PAGE_SIZE
from airflow_provider_dockerhub.pipeline.account import SECRET_KEYS
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset

Record = Mapping[str, Any]
#: The values that name one resource, scope first, as Docker Hub compares them (see ``ResourceKind.fold``).
Identity = tuple[Any, ...]
#: ``paginate(path, paginator=..., page_size=...)`` and ``get_json(path)`` of a hook.
Paginate = Callable[..., Iterable[Any]]
#: ``get_json(path, missing_ok=False)`` of a hook (``missing_ok``: None for a 404).
GetJson = Callable[..., Any]


class ResourceKind:
    """One kind of Docker Hub resource. Subclasses set the class attributes and override what differs.

    :cvar identity: record attributes that name one resource, scope first.
    :cvar scope: record attributes naming the container the resources live in (empty: the account).
    :cvar docker_ids: identity attributes that are Docker IDs (user, org, repository names): Docker Hub
        keeps them in lower case, so a create writes them in lower case.
    :cvar list_path: path template (``{attribute}`` of the scope) that lists one scope, if the API can.
    :cvar paginator: how that list pages.
    :cvar compared: desired attributes compared with what exists; a difference is an update.
    :cvar create, update, delete: the presets that write one resource.
    :cvar actions: other presets on this kind that are not part of its desired state.
    :cvar secret_once: the API shows the resource's secret only when it creates it (tokens).
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    identity: ClassVar[tuple[str, ...]]
    scope: ClassVar[tuple[str, ...]] = ()
    docker_ids: ClassVar[frozenset[str]] = frozenset()
    list_path: ClassVar[str | None] = None
    get_path: ClassVar[str | None] = None
    paginator: ClassVar[Paginator] = NextLinkPaginator()
    page_size: ClassVar[int] = MAX_PAGE_SIZE
    compared: ClassVar[tuple[str, ...]] = ()
    create: ClassVar[EndpointPreset | None] = None
    update: ClassVar[EndpointPreset | None] = None
    delete: ClassVar[EndpointPreset | None] = None
    actions: ClassVar[tuple[EndpointPreset, ...]] = ()
    secret_once: ClassVar[bool] = False
    #: what a DAG author should know about syncing this kind (docs/sync.md's table), with catalogue row ids
    notes: ClassVar[str] = ""
    #: compared fields the list leaves out, and the path of the GET of one resource that has them
    detail_fields: ClassVar[tuple[str, ...]] = ()
    detail_path: ClassVar[str | None] = None
    #: the API cannot list this kind: ``read_named`` reads each resource a record names, one GET each
    read_by_record: ClassVar[bool] = False
    #: whether ``DockerHubSyncOperator`` can keep this kind as records say (it can read it and write it)
    syncable: ClassVar[bool] = True
    #: deleting one loses data that cannot be made again (a repository's images): mirror needs ``max_deletes``
    explicit_delete_limit: ClassVar[bool] = False

    @property
    def writes(self) -> tuple[EndpointPreset, ...]:
        """Every preset that writes this kind of resource."""
        return tuple(p for p in (self.create, self.update, self.delete, *self.actions) if p is not None)

    # -- identity -----------------------------------------------------------------------------------
    @staticmethod
    def fold(value: Any) -> Any:
        """How Docker Hub compares a name: Docker IDs are lower case and every name here is matched without
        regard to case (a record's ``Deploy`` names the ``deploy`` that exists; see docs/sync.md)."""
        return value.casefold() if isinstance(value, str) else value

    def prepare(self, record: Record) -> dict[str, Any]:
        """A desired record in this kind's attribute names (e.g. an org member named by ``email``)."""
        return dict(record)

    def key(self, record: Record) -> Identity:
        """The identity a record names; KeyError names the first missing attribute."""
        return self._values(record, self.identity)

    def scope_key(self, record: Record) -> Identity:
        """The scope a record (or a ``scope`` parameter entry) names; KeyError names a missing attribute."""
        return self._values(record, self.scope)

    def scope_of(self, identity: Identity) -> Identity:
        return identity[:len(self.scope)]

    def aliases(self, existing: Record) -> tuple[Identity, ...]:
        """Every identity that names an existing resource (a member: username and email)."""
        return (self.key(existing),)

    def _values(self, record: Record, names: tuple[str, ...]) -> Identity:
        missing = [name for name in names if record.get(name) in (None, "")]
        if missing:
            raise KeyError(missing[0])
        return tuple(self.fold(record[name]) for name in names)

    # -- reading ------------------------------------------------------------------------------------
    @property
    def listable(self) -> bool:
        return self.list_path is not None

    def path(self, template: str, values: Mapping[str, Any]) -> str:
        """``template`` with each ``{attribute}`` filled from ``values``, each one percent-encoded path segment."""
        from airflow_provider_dockerhub.pipeline.render import path_segment

        names = re.findall(r"\{(\w+)\}", template)
        return template.format(**{name: path_segment(str(values[name])) for name in names})

    def read(self, paginate: Paginate, get_json: GetJson, scope: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Every resource of one scope, each carrying the scope's attributes (what its writes need).

        ``scope`` holds the attributes as Docker Hub spells them. Items that are not objects or lack
        the identity raise DockerHubReadError: a list that cannot be trusted is never planned from.
        """
        assert self.list_path is not None
        path = self.path(self.list_path, scope)
        items = paginate(path, paginator=self.paginator, page_size=self.page_size)
        return [self.checked(path, {**item, **scope} if isinstance(item, dict) else item) for item in items]

    def read_named(self, get_json: GetJson, scope: Mapping[str, Any], records: list[Record]) -> list[dict[str, Any]]:
        """For a kind the API cannot list: the resources ``records`` name in one scope."""
        raise NotImplementedError(f"{self.name} is read with its list")

    def checked(self, path: str, item: Any) -> dict[str, Any]:
        """An item read from ``path``, refused unless it is an object that carries the identity."""
        if not isinstance(item, dict):
            raise DockerHubReadError(path, 200, f"expected each item to be a JSON object, got {type(item).__name__}")
        try:
            self.key(item)
        except KeyError as exc:
            raise DockerHubReadError(path, 200, f"an item has no {exc.args[0]!r}, which names a {self.name}") from None
        return item

    def needs_detail(self, desired: Record, existing: Record) -> bool:
        """Whether ``desired`` compares a field the list left out of ``existing`` (one GET reads it)."""
        return self.detail_path is not None and any(
            name in desired and name not in existing for name in self.detail_fields)

    def detail(self, get_json: GetJson, existing: Record) -> dict[str, Any]:
        """``existing`` with the fields of the GET of it."""
        assert self.detail_path is not None
        path = self.path(self.detail_path, existing)
        body = get_json(path)
        if not isinstance(body, dict):
            raise DockerHubReadError(path, 200, f"expected a JSON object, got {type(body).__name__}")
        return {**existing, **{name: body.get(name) for name in self.detail_fields}}

    def seen(self, item: dict[str, Any]) -> dict[str, Any]:
        """An item as this kind compares it (default: as the API gives it)."""
        return item

    def created(self, desired: Record, answer: Any) -> dict[str, Any] | None:
        """The resource a create's ``answer`` describes, with ``desired``'s scope; None when it does not name it."""
        if not isinstance(answer, dict):
            return None
        shown = {name: value for name, value in answer.items() if name not in SECRET_KEYS}  # kept out of the plan
        existing = self.seen({**shown, **self.spelled(desired, self.scope)})
        try:
            return existing if self.key(existing) == self.key(desired) else None
        except KeyError:
            return None

    # -- comparing ----------------------------------------------------------------------------------
    def view(self, name: str, value: Any) -> Any:
        """How a compared value is seen before comparing (default: as it is; texts compare exactly)."""
        return value

    def differences(self, desired: Record, existing: Record) -> dict[str, tuple[Any, Any]]:
        """Compared attributes the record names whose value differs: name -> (existing, desired)."""
        return {name: (existing.get(name), desired[name]) for name in self.compared
                if name in desired and self.view(name, desired[name]) != self.view(name, existing.get(name))}

    def held_back(self, existing: Record) -> str:
        """Why an existing resource that differs is not updated now, or ``""`` when it can be."""
        return ""

    def protected(self, existing: Record, login: str | None) -> bool:
        """True for an existing resource mirror never deletes (e.g. the caller's own membership)."""
        return False

    def secret_id(self, existing: Record) -> str | None:
        """For a kind whose secret is shown once: the id a captured secret is filed under."""
        return None

    def captured(self, events: Iterable[Mapping[str, Any]]) -> set[str]:
        """The ids of the resources whose secret the response events hold."""
        return set()

    # -- writing ------------------------------------------------------------------------------------
    def spelled(self, record: Record, names: Iterable[str] | None = None) -> dict[str, Any]:
        """``record``'s attributes ``names`` (default: all) as Docker Hub spells them: Docker IDs in lower case."""
        return {name: (record[name].lower() if name in self.docker_ids and isinstance(record[name], str)
                       else record[name]) for name in (record if names is None else names)}

    def create_record(self, desired: Record) -> dict[str, Any]:
        """The record the create preset writes; Docker IDs in lower case."""
        return self.spelled(desired)

    def left_by_create(self, desired: Record) -> tuple[str, ...]:
        """Compared attributes ``desired`` names that its create cannot carry (e.g. a token's ``is_active``): an
        update right after the create sets them, planned from the create's answer (none for a kind without one)."""
        if self.update is None:
            return ()
        sent = self.create_record(desired)
        return tuple(name for name in self.compared if name in desired and name not in sent)

    def update_record(self, desired: Record, existing: Record) -> dict[str, Any]:
        """The record the update preset writes; names as Docker Hub spells them (from ``existing``)."""
        raise NotImplementedError(f"{self.name} cannot be updated")

    def update_writes(self, desired: Record, existing: Record,
                      changes: Mapping[str, tuple[Any, Any]]) -> list[tuple[EndpointPreset, dict[str, Any]]]:
        """The calls that update ``existing`` where ``changes`` says it differs (default: one update)."""
        assert self.update is not None
        return [(self.update, self.update_record(desired, existing))]

    def delete_record(self, existing: Record) -> dict[str, Any]:
        """The record the delete preset writes for ``existing``."""
        raise NotImplementedError(f"{self.name} cannot be deleted")

    def deleter(self, existing: Record) -> EndpointPreset | None:
        """The preset that removes ``existing``."""
        return self.delete

    def delete_kind(self, existing: Record) -> str:
        """What removing ``existing`` is called in plans and counts (``delete``, ``cancel``)."""
        return "delete"

    def mirror_problem(self) -> str | None:
        """Why mirror cannot be done for this kind, or None."""
        if self.delete is None:
            return f"mode 'mirror' is not possible for {self.name}: the Docker Hub API has no delete"
        if not self.listable:
            return f"mode 'mirror' is not possible for {self.name}: the Docker Hub API cannot list what exists"
        return None

    def __repr__(self) -> str:
        return f"<resource kind {self.name}>"


def only(record: Record, *names: str) -> dict[str, Any]:
    """The record's ``names`` that it has."""
    return {name: record[name] for name in names if name in record}
