"""DockerHubSyncOperator: records as the desired state of one resource kind; read, plan, close the difference."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.operators.send import DockerHubSendOperator
from airflow_provider_dockerhub.pipeline.items import Item, Outcome, Status
from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
from airflow_provider_dockerhub.pipeline.sinks import Sink
from airflow_provider_dockerhub.pipeline.sources import read_records
from airflow_provider_dockerhub.pipeline.storage import is_uri
from airflow_provider_dockerhub.presets.apply import build_settings
from airflow_provider_dockerhub.sync.adapters import Identity, get_adapter
from airflow_provider_dockerhub.sync.plan import (
    CREATE,
    DELETE,
    MODES,
    REVOKE,
    STUCK,
    UNCHANGED,
    UPDATE,
    Action,
    Plan,
    check_deletes,
    make_plan,
)

if TYPE_CHECKING:
    from airflow.sdk import Context

_NOT_FOR_SYNC = ("endpoint_preset", "method", "endpoint", "body", "batching", "batch_size", "grouping", "group_by",
                 "max_batch_bytes", "batch_key", "if_exists", "if_missing", "api_dry_run")
COUNTS = ("records_read", "created", "updated", "deleted", "unchanged", "failed", "rejected")


class DockerHubSyncOperator(DockerHubSendOperator):
    """
    Make one kind of Docker Hub resource match the records: read what exists, plan, and make only the calls
    that close the difference, so every run (a rerun, a retry after a crash) converges.

    Takes the input options (``records``, ``records_path``, ...), sinks (``rejects_path``, ``response_path``,
    webhook, ``push_responses``), ``max_concurrency`` and ``on_error`` of :class:`DockerHubSendOperator`.

    :param resource: ``repositories``, ``groups``, ``group_members``, ``org_members``, ``access_tokens``,
        ``org_access_tokens``, ``scim_users``, ``repository_groups`` or ``org_settings``.
    :param mode: ``create`` (create what is missing), ``upsert`` (default: also update what differs, where
        the API can) or ``mirror`` (also delete what exists in scope and is not in the records).
    :param scope: extra scopes to read (and, in mirror mode, empty), as dicts of the scope attributes,
        e.g. ``[{"org": "acme", "group": "ops"}]``; the records' own scopes are always read.
    :param max_deletes: mirror refuses to run, before any write, when the plan deletes more than this: a
        count (int) or a fraction of what exists in scope (float). Default 10.
    :param allow_empty: let mirror run with no records at all (which deletes everything in ``scope``).
    :param dry_run: read and plan, write nothing; the plan is logged and its counts returned.
    """

    def __init__(self, *, resource: str, mode: str = "upsert", scope: Sequence[Mapping[str, Any]] | None = None,
                 max_deletes: int | float = 10, allow_empty: bool = False, **kwargs: Any) -> None:
        given = [name for name in _NOT_FOR_SYNC if name in kwargs]
        if given:
            raise TypeError(f"DockerHubSyncOperator decides {', '.join(given)} itself from the resource")
        super().__init__(**kwargs)
        self.adapter = get_adapter(resource)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        problem = self.adapter.unsupported(mode)
        if problem:
            raise ValueError(problem)
        if isinstance(max_deletes, bool) or not isinstance(max_deletes, (int, float)) or max_deletes < 0 or (
                isinstance(max_deletes, float) and max_deletes > 1):
            raise ValueError(f"max_deletes must be a count (int >= 0) or a fraction (float 0..1), got {max_deletes!r}")
        self.resource, self.mode, self.scope = resource, mode, list(scope or [])
        self.max_deletes, self.allow_empty = max_deletes, allow_empty

    # -- reading and planning -----------------------------------------------------------------------
    def desired(self, items: Iterable[Item], summary: dict[str, Any],
                reject: Callable[[Item, str], None]) -> dict[Identity, Item]:
        """The desired records by identity; unreadable, incomplete and duplicate records are rejected."""
        wanted: dict[Identity, Item] = {}
        create = self.adapter.resource.create
        for item in items:
            summary["records_read"] += 1
            if item.error:
                reject(item, item.error)
                continue
            item.record = self.adapter.prepare(item.record)
            try:
                identity = self.adapter.identity(item.record)
            except KeyError as exc:
                names = ", ".join(self.adapter.resource.identity)
                reject(item, f"missing attribute {exc.args[0]!r} (a {self.resource} record is named by {names})")
                continue
            if identity in wanted:
                reject(item, f"duplicate of {wanted[identity].location}: both name {'/'.join(map(str, identity))}")
                continue
            problem = create.check({**create.defaults, **self.adapter.create(item.record)}) if create else None
            if problem:
                reject(item, problem)
                continue
            wanted[identity] = item
        return wanted

    def scopes(self, desired: Iterable[Identity]) -> list[Identity]:
        """Every scope to read: the records' own, then the ``scope`` parameter's."""
        names = self.adapter.resource.scope
        found = dict.fromkeys(self.adapter.scope(identity) for identity in desired)
        for extra in self.scope:
            try:
                found.setdefault(self.adapter.scope_of(extra))
            except KeyError as exc:
                raise ValueError(f"scope {dict(extra)} lacks {exc.args[0]!r}; a {self.resource} scope is "
                                 f"{list(names)}") from None
        return list(found) or ([()] if not names else [])

    def captured(self) -> set[Identity] | None:
        """For tokens with a ``response_path``: the identities whose secret the file holds (None otherwise)."""
        if self.adapter.captured is None or not self.response_path or is_uri(str(self.response_path)):
            return None
        path = Path(str(self.response_path))
        if not path.exists():
            return set()
        events = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:
                continue  # a line cut short by a crash holds no usable secret
        return self.adapter.captured(events)

    def read_current(self, hook: DockerHubHook, scopes: list[Identity]) -> dict[Identity, dict[str, Any]]:
        current: dict[Identity, dict[str, Any]] = {}
        for scope in scopes:
            current.update(self.adapter.read(hook.paginate, hook.get_json, scope))
        return current

    # -- execution ----------------------------------------------------------------------------------
    def execute(self, context: Context) -> dict[str, Any]:
        self.check_locations()
        hook = DockerHubHook(self.dockerhub_conn_id, pool_maxsize=max(self.max_concurrency, 1))
        hook.auth  # noqa: B018 - a missing or broken connection fails here, before anything is read
        self._lineage_base_url = hook.settings.base_url
        summary: dict[str, Any] = dict.fromkeys(COUNTS, 0) | {"revoked": 0, "calls": 0, "reads": 0, "first_failures": []}
        sinks, xcom = self.build_sinks()
        rejects = RecordPipeline(self._settings(None), send=None, sinks=sinks, log=self.log)
        items = read_records(self.records, self.records_path, self.records_format, self.csv_types)
        desired = self.desired(items, summary, rejects.reject_unsent)
        rejects.run(())
        summary["rejected"] = rejects.summary.rejected
        summary["first_failures"] += rejects.summary.first_failures
        if self.mode == "mirror" and not desired and not self.allow_empty:
            raise ValueError("mirror with no records would delete everything in scope; set allow_empty=True to do it")
        reads = _count_calls(hook)
        plan = make_plan(self.adapter, desired, self.read_current(hook, self.scopes(desired)), self.mode,
                         hook.settings.identifier, self.captured())
        summary["reads"] = reads()
        if self.mode == "mirror":
            check_deletes(plan, self.max_deletes)
        self.log.info("%s", plan.describe())
        for action in plan.of(REVOKE):
            self.log.warning("%s: its secret is not in response_path, so it is revoked and created again",
                             action.describe(self.resource).removeprefix("revoke "))
        if self.dry_run:
            counts = plan.counts()
            summary.update(created=counts[CREATE], updated=counts[UPDATE], deleted=counts[DELETE], revoked=counts[REVOKE],
                           unchanged=counts[UNCHANGED], failed=counts[STUCK], dry_run=True,
                           plan=plan.describe().splitlines())
            return summary
        try:
            self._apply(plan, hook, summary, xcom.events)
        finally:
            hook.close()
        summary["dry_run"] = False
        ti = context.get("ti") if context else None
        if ti is not None and self.push_responses != "none":
            ti.xcom_push(key="responses", value=xcom.events)
        self.log.info("Sync of %s: %s", self.resource, ", ".join(f"{k} {summary[k]}" for k in COUNTS))
        if (summary["failed"] or summary["rejected"]) and self.on_error != "continue":
            if ti is not None:
                ti.xcom_push(key="summary", value=summary)
            firsts = "; ".join(f"{f['location']}: {f['reason']}" for f in summary["first_failures"][:3])
            raise AirflowException(f"sync of {self.resource}: {summary['failed']} failed and {summary['rejected']} "
                                   f"were rejected (on_error={self.on_error!r}). First: {firsts}")
        return summary

    def _settings(self, action_preset: Any) -> PipelineSettings:
        base = PipelineSettings(method="POST", endpoint="/", max_concurrency=self.max_concurrency,
                                on_error=self.on_error, if_exists="skip", if_missing="skip",
                                response_check=self.response_check)
        if action_preset is None:
            return base
        return build_settings(base, action_preset, endpoint=None, method=None)

    def _apply(self, plan: Plan, hook: DockerHubHook, summary: dict[str, Any], events: list) -> None:
        """Run the writes, revokes then creates then updates then deletes, each through the record pipeline.

        A create answered "already exists" lost a race with another writer: in upsert and mirror mode its
        resource is read again and updated when it differs from the record.
        """
        for action in plan.of(STUCK):
            summary["failed"] += 1
            changes = ", ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in action.changes.items())
            summary["first_failures"].append({"location": action.item.location, "reason": (
                f"differs from Docker Hub ({changes}) and the API cannot update {self.resource}")})
        summary["unchanged"] += len(plan.of(UNCHANGED))
        raced: list[Action] = []
        for kind, counted in ((REVOKE, "revoked"), (CREATE, "created"), (UPDATE, "updated"), (DELETE, "deleted")):
            actions = plan.of(kind) + (self._after_races(raced, hook) if kind == UPDATE else [])
            for preset_actions in _by_preset(actions).values():
                result, unchanged = self._write(preset_actions, hook, events)
                done = result.succeeded - (result.unchanged if kind == CREATE else 0)
                summary[counted] += done
                summary["unchanged"] += result.succeeded - done
                for key in ("failed", "rejected", "calls"):
                    summary[key] += getattr(result, key)
                summary["first_failures"] += result.first_failures
                if kind == CREATE:
                    raced += [a for a in preset_actions if a.item and a.item.location in unchanged]
                if result.failed and self.on_error == "fail_fast":
                    return

    def _write(self, actions: list[Action], hook: DockerHubHook, events: list) -> tuple[Any, set[str]]:
        """Send one preset's actions; the pipeline's summary and the locations that ended unchanged."""
        sinks, xcom = self.build_sinks()
        unchanged = _Unchanged()
        batch = [Item(a.item.index if a.item else n, a.record, a.item.location if a.item else a.describe(self.resource))
                 for n, a in enumerate(actions)]
        send = self.written.recording(
            lambda call: hook.request(call.method, call.url, data=call.body, headers=call.headers))
        pipeline = RecordPipeline(self._settings(actions[0].preset), send=send, sinks=[*sinks, unchanged], log=self.log)
        result = pipeline.run(batch)
        events += xcom.events
        if pipeline.run_error is not None:
            raise pipeline.run_error
        return result, unchanged.locations

    def _after_races(self, raced: list[Action], hook: DockerHubHook) -> list[Action]:
        """Updates for resources created by someone else meanwhile (read again), where they differ."""
        if not raced or self.mode == "create" or self.adapter.update is None:
            return []
        current = self.read_current(hook, list(dict.fromkeys(self.adapter.scope(a.identity) for a in raced)))
        updates = []
        for action in raced:
            existing = current.get(action.identity)
            changes = self.adapter.differences(action.item.record, existing) if existing else {}
            if changes and self.adapter.updatable(existing):
                self.log.info("%s was created meanwhile by someone else; it differs, so it is updated",
                              action.describe(self.resource).removeprefix("create "))
                updates.append(Action(UPDATE, action.identity, action.item, self.adapter.resource.update,
                                      self.adapter.update(action.item.record, existing), changes))
        return updates


class _Unchanged(Sink):
    """The locations of records that ended unchanged (a create answered "already exists")."""

    wants_events = False

    def __init__(self) -> None:
        self.locations: set[str] = set()

    def on_outcome(self, outcome: Outcome) -> None:
        if outcome.status is Status.UNCHANGED:
            self.locations.add(outcome.item.location)


def _by_preset(actions: list[Action]) -> dict[str, list[Action]]:
    grouped: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        grouped[action.preset.name].append(action)
    return grouped


def _count_calls(hook: DockerHubHook) -> Callable[[], int]:
    """Count the hook's reads from now on (``paginate`` reads each page through ``get_json``)."""
    calls = [0]
    read = hook.get_json

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return read(*args, **kwargs)

    hook.get_json = counted  # type: ignore[method-assign]
    return lambda: calls[0]
