"""DockerHubSyncOperator: records as the desired state of one resource kind; read, plan, close the difference."""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from airflow_provider_dockerhub._compat import AirflowException
from airflow_provider_dockerhub.exceptions import DockerHubError, DockerHubRunError, provider_error
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.masking import register_secrets
from airflow_provider_dockerhub.operators.base import DockerHubRecordsOperator
from airflow_provider_dockerhub.operators.params import (
    Converter,
    check_parameters,
    for_task,
    is_unrendered,
    one_of,
    optional,
    to_bool,
)
from airflow_provider_dockerhub.pipeline.items import Item, Outcome, Status
from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
from airflow_provider_dockerhub.pipeline.sinks import EventSink, OutcomeSink, Sink
from airflow_provider_dockerhub.pipeline.sources import RecordReader
from airflow_provider_dockerhub.pipeline.storage import is_uri
from airflow_provider_dockerhub.presets.apply import build_settings
from airflow_provider_dockerhub.presets.endpoint import EndpointPreset
from airflow_provider_dockerhub.resources import Identity, ResourceKind, get_resource
from airflow_provider_dockerhub.resources.base import Record
from airflow_provider_dockerhub.sync.guard import DeleteGuardError, DeleteLimit
from airflow_provider_dockerhub.sync.plan import (
    MODES,
    Action,
    Kind,
    Plan,
    ScopeRead,
    make_plan,
    updating,
)
from airflow_provider_dockerhub.sync.summary import SyncSummary

if TYPE_CHECKING:
    from airflow.sdk import Context

#: Planned action kind -> the summary count it adds to when it is done.
_DONE = {Kind.REVOKE: "revoked", Kind.CREATE: "created", Kind.UPDATE: "updated", Kind.DELETE: "deleted",
         Kind.CANCEL: "cancelled"}
DEFAULT_MAX_DELETES = 10
#: List pages read at once (the writes keep to ``max_concurrency``).
READ_CONCURRENCY = 4
#: Plan lines a dry run puts in XCom (the log has up to ``Plan.describe``'s limit).
PLAN_LINES_IN_XCOM = 200


#: The sync's own parameters, checked when the DAG is parsed and again after rendering (``operators.params``).
SYNC_CHECKS: dict[str, Converter] = {
    "mode": one_of(MODES),
    "max_deletes": optional(DeleteLimit.parse),
    "allow_empty": to_bool,
}


def _kind(resource: str | ResourceKind) -> ResourceKind:
    """The resource kind ``resource`` names (or is); ValueError lists the names the sync takes."""
    if isinstance(resource, ResourceKind):
        if not resource.syncable:
            raise ValueError(f"resource {resource.name!r} is not one the sync can keep as records say")
        return resource
    try:  # anything else (a dict, a list) is not a name: it gets the same message, not a TypeError
        return get_resource(resource if isinstance(resource, str) else repr(resource), syncable=True)
    except KeyError as exc:
        raise ValueError(f"resource must be one of {exc.args[0].split('known: ')[1]}, got {resource!r}") from None


class DockerHubSyncOperator(DockerHubRecordsOperator):
    """
    Make one kind of Docker Hub resource match the records: read what exists, plan, and make only the calls
    that close the difference, so every run (a rerun, a retry after a crash) converges.

    A sibling of :class:`DockerHubSendOperator`: the input (``records``, ``records_path``, ...), the outputs
    (``rejects_path``, ``response_path``, webhook, ``push_responses``, ``sinks``), ``max_concurrency`` and
    ``on_error`` are those of :class:`DockerHubRecordsOperator`; the calls follow from the resource. The outputs are
    opened once per task and receive every phase (revokes, creates, updates, deletes).
    Nothing that a record names is ever removed, even when the record itself is rejected; nothing is removed
    in a scope whose read did not complete; every destructive action (delete, revoke, cancelled invite)
    counts against ``max_deletes``. See docs/sync.md.

    Errors: ``sync.guard.DeleteGuardError`` when the plan destroys more than ``max_deletes`` (raised before any
    write; a dry run returns the plan with the refusal under ``guard`` instead); a scope whose read fails
    (``DockerHubHTTPError``, or ``DockerHubReadError`` for a redirect, a wrong shape or pages that do not end)
    gets no write, its records fail naming the read, and the task fails after the other scopes are done;
    refused credentials or an unreachable host fail the run at once. See docs/errors.md.

    :param resource: the kind of resource the records describe: the name of a kind the sync takes (the
        table in docs/sync.md, ``resources.SYNCABLE``; the error for an unknown name lists them) or a
        ``resources.ResourceKind`` instance, e.g. a subclass of one that reads differently.
    :param mode: ``create`` (create what is missing; never destroys), ``upsert`` (default: also update what
        differs, and revoke and recreate a token whose secret is not held) or ``mirror`` (also delete what
        exists in scope and no record names). (templated)
    :param scope: extra scopes to read (and, in mirror mode, empty), as dicts of the scope attributes,
        e.g. ``[{"org": "acme", "group": "ops"}]``; the records' own scopes are always read.
    :param max_deletes: the delete guard: the run refuses, before any write, a plan with more destructive
        actions than this, a whole count (``5`` or ``"5"``) or a percentage of what exists in scope
        (``"20%"``). Default 10. (templated)
    :param allow_empty: let mirror run with no records at all (which deletes everything in ``scope``).
    :param dry_run: read and plan, write nothing; the whole plan is logged and returned under ``plan``,
        with ``guard`` saying whether the delete guard would refuse it. (templated)
    """

    template_fields: Sequence[str] = (*DockerHubRecordsOperator.template_fields, "mode", "max_deletes")

    def __init__(
        self,
        *,
        resource: str | ResourceKind,
        mode: str = "upsert",
        scope: Sequence[Mapping[str, Any]] | None = None,
        max_deletes: int | str | None = None,
        allow_empty: bool = False,
        # <generated records-parameters> from DockerHubRecordsOperator.__init__ by scripts/gen_docs.py; edit there
        dockerhub_conn_id: str = "dockerhub_default",
        records: Any = None,
        records_path: str | None = None,
        records_format: str | None = None,
        csv_types: Mapping[str, str] | None = None,
        records_reader: type[RecordReader] | None = None,
        max_concurrency: int = 1,
        dry_run: bool | str = False,
        on_error: str = "fail",
        response_check: Callable[[Any], bool] | None = None,
        response_webhook_url: str | None = None,
        response_webhook_conn_id: str | None = None,
        response_path: str | None = None,
        rejects_path: str | None = None,
        push_responses: str = "none",
        include_secrets_in_xcom: bool = False,
        allow_insecure_webhook: bool = False,
        sinks: Sequence[Sink] = (),
        # </generated>
        **kwargs: Any,
    ) -> None:
        super().__init__(
            # <generated records-arguments> from DockerHubRecordsOperator.__init__ by scripts/gen_docs.py; edit there
            dockerhub_conn_id=dockerhub_conn_id, records=records, records_path=records_path,
            records_format=records_format, csv_types=csv_types, records_reader=records_reader,
            max_concurrency=max_concurrency, dry_run=dry_run, on_error=on_error, response_check=response_check,
            response_webhook_url=response_webhook_url, response_webhook_conn_id=response_webhook_conn_id,
            response_path=response_path, rejects_path=rejects_path, push_responses=push_responses,
            include_secrets_in_xcom=include_secrets_in_xcom, allow_insecure_webhook=allow_insecure_webhook, sinks=sinks,
            # </generated>
            **kwargs)
        self.kind: ResourceKind = _kind(resource)
        self.resource, self.mode, self.scope = self.kind.name, mode, list(scope or [])
        self.max_deletes, self.allow_empty = max_deletes, allow_empty
        self.check_settings(parsing=True)

    # -- settings -----------------------------------------------------------------------------------
    def check_settings(self, *, parsing: bool = False) -> None:
        """Check and convert ``mode``, ``max_deletes`` and ``allow_empty`` (and, after rendering, the send operator's
        parameters): at parse time unless templated, and again after rendering, with the same messages."""
        if not parsing:
            self.check_records_parameters(rendered=True)
        check_parameters(self, SYNC_CHECKS, rendered=not parsing)
        if is_unrendered(self.mode):
            return
        with for_task(self):
            problem = self.kind.mirror_problem() if self.mode == "mirror" else None
            if problem:
                raise ValueError(problem)
            if self.mode == "mirror" and self.max_deletes is None and self.kind.explicit_delete_limit:
                raise ValueError(f"mirror of {self.resource} deletes what the records do not name, and a deleted "
                                 f"{self.resource} cannot be brought back: set max_deletes explicitly (a count or '20%')")

    @property
    def limit(self) -> DeleteLimit:
        return DeleteLimit.parse(DEFAULT_MAX_DELETES if self.max_deletes is None else self.max_deletes)

    # -- reading and planning -----------------------------------------------------------------------
    def desired(self, items: Iterable[Item], summary: SyncSummary,
                reject: Any) -> tuple[dict[Identity, Item], dict[Identity, dict[str, Any]]]:
        """The valid desired records by identity, and every identity any record names with its attributes.

        Unreadable, incomplete, invalid and duplicate records are rejected; an invalid record that names an
        identity still protects it.
        """
        wanted: dict[Identity, Item] = {}
        named: dict[Identity, dict[str, Any]] = {}
        kind = self.kind
        for item in items:
            summary.records_read += 1
            if item.error:
                reject(item, item.error)
                continue
            raw = item.record or {}
            try:
                item.record = kind.prepare(raw)
                identity = kind.key(item.record)
            except KeyError as exc:
                names = ", ".join(kind.identity)
                reject(item, f"missing attribute {exc.args[0]!r} (a {self.resource} record is named by {names})")
                continue
            except ValueError as exc:  # e.g. a README file that cannot be read
                with contextlib.suppress(KeyError):
                    named.setdefault(kind.key(raw), dict(raw))
                reject(item, f"{exc}; what it names is kept as it is")
                continue
            if identity in wanted:
                reject(item, f"duplicate of {wanted[identity].location}: both name {'/'.join(map(str, identity))}")
                continue
            named.setdefault(identity, item.record)
            create = kind.create
            problem = create.check({**create.defaults, **kind.create_record(item.record)}) if create else None
            if problem:
                reject(item, f"{problem}; what it names is kept as it is")
                continue
            wanted[identity] = item
        return wanted, named

    def scopes(self, named: Mapping[Identity, Mapping[str, Any]]) -> dict[Identity, dict[str, Any]]:
        """Every scope to read, as Docker Hub spells it: the records' own, then the ``scope`` parameter's."""
        kind = self.kind
        found: dict[Identity, dict[str, Any]] = {}
        for identity, record in named.items():
            found.setdefault(kind.scope_of(identity), self._spelled(record))
        for extra in self.scope:
            try:
                found.setdefault(kind.scope_key(extra), self._spelled(extra))
            except KeyError as exc:
                raise ValueError(f"scope {dict(extra)} lacks {exc.args[0]!r}; a {self.resource} scope is "
                                 f"{list(kind.scope)}") from None
        return found or ({(): {}} if not kind.scope else {})

    def _spelled(self, record: Mapping[str, Any]) -> dict[str, Any]:
        return self.kind.spelled(record, self.kind.scope)

    def read(self, hook: DockerHubHook, scopes: Mapping[Identity, Mapping[str, Any]],
             named: Mapping[Identity, Mapping[str, Any]]) -> dict[Identity, ScopeRead]:
        """What exists in each scope; a scope whose read fails is marked so (no delete is planned in it).

        A kind the API cannot list is read one GET per record that ``named`` holds in the scope.
        """
        kind = self.kind
        reads: dict[Identity, ScopeRead] = {}
        for key, spelled in scopes.items():
            if kind.read_by_record:
                records = [record for identity, record in named.items() if kind.scope_of(identity) == key]
                reads[key] = self._scope_read(spelled, kind.read_named, hook.get_json, spelled, records)
            else:
                reads[key] = self._scope_read(spelled, kind.read, hook.paginate, hook.get_json, spelled)
        return reads

    def _scope_read(self, where: object, read: Callable[..., Sequence[Record]], *args: Any) -> ScopeRead:
        """What ``read(*args)`` returns, or the scope marked unread when it fails (a run-level error still stops the
        run)."""
        try:
            return ScopeRead(read(*args))
        except DockerHubRunError:
            raise
        except DockerHubError as exc:
            self.log.error("Reading %s in %s failed: %s; nothing is planned there", self.resource, where, exc)
            return ScopeRead(error=str(exc))

    def read_details(self, hook: DockerHubHook, reads: dict[Identity, ScopeRead], desired: Mapping[Identity, Item]) -> None:
        """One GET for each existing resource whose record compares a field its list leaves out; a GET that
        fails marks its scope unread (nothing is planned from a partial read)."""
        kind = self.kind
        for key, read in list(reads.items()):
            if not read.complete or not kind.detail_fields:
                continue
            reads[key] = self._scope_read(key, self._with_details, hook, read.items, desired)

    def _with_details(self, hook: DockerHubHook, items: Sequence[Record], desired: Mapping[Identity, Item]) -> list[Record]:
        """``items``, each read again with one GET where its record compares a field the list leaves out."""
        kind = self.kind
        detailed = []
        for existing in items:
            wishes = [desired[a].fields for a in kind.aliases(existing) if a in desired]
            needed = wishes and kind.needs_detail(wishes[0], existing)
            detailed.append(kind.detail(hook.get_json, existing) if needed else existing)
        return detailed

    def captured(self) -> set[str] | None:
        """For tokens with a local ``response_path``: the ids whose secret the file holds (None otherwise)."""
        if not self.kind.secret_once or not self.response_path or is_uri(str(self.response_path)):
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
        return self.kind.captured(events)

    # -- execution ----------------------------------------------------------------------------------
    def execute(self, context: Context) -> dict[str, Any]:
        self.check_settings()
        self.check_locations()
        hook = self.get_hook(pool_maxsize=max(self.max_concurrency, READ_CONCURRENCY))
        summary = SyncSummary(dry_run=self.dry_run)
        try:  # the session is closed however the task ends, a sink failing to start included
            hook.auth  # noqa: B018 - a missing or broken connection fails here, before anything is read
            self._lineage_base_url = hook.settings.base_url
            captured = self.captured()
            with self.task_sinks(context) as (sinks, xcom):
                self._run(hook, summary, sinks, captured)
        finally:
            hook.close()
        ti = context.get("ti") if context else None
        if ti is not None and self.push_responses != "none" and not self.dry_run:
            ti.xcom_push(key="responses", value=xcom.events)
        result = summary.to_dict()
        self.log.info("Sync of %s: %s", self.resource, summary.line())
        if summary.dry_run:
            return result
        if (summary.failed or summary.rejected) and self.on_error != "continue":
            if ti is not None:
                ti.xcom_push(key="summary", value=result)
            firsts = "; ".join(f"{f['location']}: {f['reason']}" for f in summary.first_failures[:3])
            raise AirflowException(f"sync of {self.resource}: {summary.failed} failed and {summary.rejected} "
                                   f"were rejected (on_error={self.on_error!r}). First: {firsts}")
        return result

    def _run(self, hook: DockerHubHook, summary: SyncSummary, sinks: list[Sink], captured: set[str] | None) -> None:
        rejects = RecordPipeline(self._settings(None), send=None, sinks=sinks, log=self.log)
        items = self.read_input()
        desired, named = self.desired(items, summary, rejects.reject_unsent)
        rejects.run(())
        summary.rejected = rejects.summary.rejected
        summary.first_failures += rejects.summary.first_failures
        if rejects.run_error is not None:
            raise provider_error(rejects.run_error)
        if self.mode == "mirror" and not named and not self.allow_empty:
            raise ValueError("mirror with no records would delete everything in scope; set allow_empty=True to do it")
        before = hook.reads
        reads = self.read(hook, self.scopes(named), named)
        self.read_details(hook, reads, desired)
        plan = make_plan(self.kind, desired, reads, self.mode, self.limit, named=frozenset(named),
                         login=hook.settings.identifier, captured=captured)
        summary.reads = hook.reads - before
        summary.planned = {kind.value: count for kind, count in sorted(plan.counts().items())}
        self.log.info("%s", plan.describe())
        refusal = plan.refusal
        if self.dry_run:
            self._count_plan(plan, summary)
            summary.plan = plan.describe(PLAN_LINES_IN_XCOM).splitlines()
            summary.guard = refusal
            if refusal:
                self.log.warning("The delete guard would refuse this plan: %s", refusal)
            return
        if refusal:
            raise DeleteGuardError(refusal)
        self._apply(plan, hook, summary, sinks)
        for scope, error in plan.unread.items():
            if not any(a.kind is Kind.UNREAD for a in plan.actions if self.kind.scope_of(a.identity) == scope):
                summary.fail("/".join(map(str, scope)) or self.resource, f"reading it failed, nothing was deleted: {error}")

    @staticmethod
    def _count_plan(plan: Plan, summary: SyncSummary) -> None:
        counts = plan.counts()
        for kind, name in _DONE.items():
            setattr(summary, name, counts[kind])
        summary.unchanged = counts[Kind.UNCHANGED]
        summary.failed = counts[Kind.STUCK] + counts[Kind.UNREAD]

    def _settings(self, preset: EndpointPreset | None) -> PipelineSettings:
        base = PipelineSettings(method="POST", endpoint="/", max_concurrency=self.max_concurrency,
                                on_error=self.on_error, if_exists="skip", if_missing="skip",
                                response_check=self.response_check)
        return base if preset is None else build_settings(base, preset, endpoint=None, method=None)

    def _apply(self, plan: Plan, hook: DockerHubHook, summary: SyncSummary, sinks: list[Sink]) -> None:
        """Run the writes, revokes then creates then updates then deletes, each through the record pipeline.

        An action ends as its calls did: failed or rejected if one was, unchanged if all were (a create answered
        "already exists", a delete answered "not found"), else done. A create answered "already exists" lost a
        race with another writer: in upsert and mirror mode its resource is read again and updated if it differs.
        """
        for action in plan.actions:
            if action.kind in (Kind.STUCK, Kind.UNREAD) and action.item is not None:
                summary.fail(action.item.location, action.describe(self.resource).split(" (", 1)[-1].rstrip(")"))
        summary.unchanged += len(plan.of(Kind.UNCHANGED))
        raced: list[Action] = []
        settling: list[Action] = []
        #: a follow-up update (after a lost race, or setting what a create could not carry) -> the count its
        #: record is already in: the record is counted once, by how it ends
        counted_as: dict[int, str] = {}
        unrevoked: set[Identity] = set()  # a token whose revoke failed is not made a second time
        phases = (Kind.REVOKE, Kind.CREATE, Kind.UPDATE, Kind.DELETE, Kind.CANCEL)
        for number, kind in enumerate(phases):
            actions = plan.of(kind)
            if kind is Kind.CREATE and unrevoked:
                for action in [a for a in actions if a.identity in unrevoked and a.item is not None]:
                    assert action.item is not None
                    summary.fail(action.item.location, "not created: revoking the token of that name whose secret "
                                                       "is not held failed, so a second one is not made")
                actions = [a for a in actions if a.identity not in unrevoked]
            if kind is Kind.UPDATE:
                after_races = self._after_races(raced, hook)
                counted_as = {**{id(a): "created" for a in settling}, **{id(a): "unchanged" for a in after_races}}
                actions = actions + settling + after_races
            # a create's answer is kept only where a follow-up update may be planned from it (_settle)
            keep = kind is Kind.CREATE and any(a.item and self.kind.left_by_create(a.item.fields) for a in actions)
            outcomes, answers = self._write(actions, hook, sinks, summary, keep_answers=keep)
            failed = False
            for action, ended, answer in zip(actions, outcomes, answers, strict=True):
                before = counted_as.get(id(action))
                if before is not None:
                    setattr(summary, before, getattr(summary, before) - 1)
                worst = next((o for o in ended if o.status in (Status.FAILED, Status.REJECTED)), None)
                if worst is not None:
                    failed = True
                    counted = "failed" if worst.status is Status.FAILED else "rejected"
                    setattr(summary, counted, getattr(summary, counted) + 1)
                    summary.first_failures.append({"location": worst.item.location, "reason": worst.reason})
                    unrevoked |= {action.identity} if kind is Kind.REVOKE else set()
                elif all(o.status is Status.UNCHANGED for o in ended):
                    kept = "created" if before == "created" else "unchanged"
                    setattr(summary, kept, getattr(summary, kept) + 1)
                    raced += [action] if kind is Kind.CREATE else []
                else:
                    done = "created" if before == "created" else _DONE[kind]
                    setattr(summary, done, getattr(summary, done) + 1)
                    settling += self._settle(action, answer) if kind is Kind.CREATE else []
            if failed and self.on_error == "fail_fast":
                later = [a for k in phases[number + 1:] for a in plan.of(k)]
                self._not_sent(later, settling if kind is Kind.CREATE else [], summary)
                return

    @staticmethod
    def _not_sent(later: list[Action], settling: list[Action], summary: SyncSummary) -> None:
        """The records fail_fast stopped before their writes: rejected as not sent (a created one whose follow-up
        update was not sent too), so every record read is still counted once."""
        reason = "not sent: the run stopped at the first failure (on_error='fail_fast')"
        summary.created -= len(settling)
        for action in [*later, *settling]:
            if action.item is not None:  # a delete has no record
                summary.rejected += 1
                summary.first_failures.append({"location": action.item.location, "reason": reason})

    def _write(self, actions: list[Action], hook: DockerHubHook, sinks: list[Sink], summary: SyncSummary, *,
               keep_answers: bool = False) -> tuple[list[list[Outcome]], list[Any]]:
        """Send every call of ``actions``, one pipeline per preset; the outcomes of each action's calls, and with
        ``keep_answers`` the answer to each action's first call (else None)."""
        by_preset: dict[str, list[tuple[int, Item]]] = defaultdict(list)
        presets: dict[str, EndpointPreset] = {}
        for number, action in enumerate(actions):
            location = action.item.location if action.item else f"{action.describe(self.resource)} #{number + 1}"
            for preset, record in action.writes:
                index = action.item.index if action.item else number
                by_preset[preset.name].append((number, Item(index, record, location)))
                presets[preset.name] = preset
        outcomes: list[list[Outcome]] = [[] for _ in actions]
        answers: list[Any] = [None for _ in actions]
        send = self.written.recording(
            lambda call: hook.request(call.method, call.url, data=call.body, headers=call.headers))
        for name, calls in by_preset.items():
            owner = {id(item): number for number, item in calls}
            collected, kept = _Outcomes(), _Answers()
            pipeline = RecordPipeline(self._settings(presets[name]), send=send, log=self.log,
                                      sinks=[*sinks, collected, *([kept] if keep_answers else [])],
                                      register_secrets=register_secrets)
            summary.calls += pipeline.run([item for _, item in calls]).calls
            for outcome in collected.outcomes:
                number = owner[id(outcome.item)]
                outcomes[number].append(outcome)
                if answers[number] is None:
                    answers[number] = kept.answers.get(outcome.item.index)
            if pipeline.run_error is not None:
                raise provider_error(pipeline.run_error)
        return outcomes, answers

    def _settle(self, action: Action, answer: Any) -> list[Action]:
        """The update that sets what a create could not carry (``ResourceKind.left_by_create``), planned from the
        create's answer, so the resource ends as its record says in this run; none when nothing differs."""
        kind, item = self.kind, action.item
        left = kind.left_by_create(item.fields) if item is not None else ()
        if not left:
            return []
        assert item is not None
        created = kind.created(item.fields, answer)
        if created is None:
            self.log.warning("%s: the create's answer does not show the resource, so %s is set by the next run",
                             action.describe(self.resource).split(" (", 1)[0], ", ".join(left))
            return []
        changes = {name: change for name, change in kind.differences(item.fields, created).items() if name in left}
        return [updating(kind, action.identity, item, created, changes)] if changes else []

    def _after_races(self, raced: list[Action], hook: DockerHubHook) -> list[Action]:
        """Updates for resources created by someone else meanwhile (read again), where they differ."""
        kind = self.kind
        if not raced or self.mode == "create" or kind.update is None:
            return []
        scopes = {kind.scope_of(a.identity): self._spelled(a.item.fields) for a in raced if a.item}
        named = {a.identity: a.item.fields for a in raced if a.item}
        reads = self.read(hook, scopes, named)
        self.read_details(hook, reads, {a.identity: a.item for a in raced if a.item})  # as the first read did
        index = {alias: existing for read in reads.values() for existing in read.items
                 for alias in kind.aliases(existing)}
        updates = []
        for action in raced:
            assert action.item is not None
            existing = index.get(action.identity)
            changes = kind.differences(action.item.fields, existing) if existing else {}
            if existing and changes and not kind.held_back(existing):
                self.log.info("%s was created meanwhile by someone else; it differs, so it is updated",
                              action.describe(self.resource).removeprefix("create "))
                updates.append(updating(kind, action.identity, action.item, existing, changes))
        return updates


class _Outcomes(OutcomeSink):
    """Every outcome of one pipeline, to be told back to the actions they belong to."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []

    def on_outcome(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)


class _Answers(EventSink):
    """The answer to each record's call in one pipeline, by record index."""

    def __init__(self) -> None:
        self.answers: dict[int, Any] = {}

    def on_event(self, event: dict[str, Any]) -> None:
        for index in event["indices"]:
            self.answers[index] = event["response"]
