"""DockerHubTagRetentionOperator: delete the tags of repositories that no retention rule keeps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from airflow_provider_dockerhub._compat import AirflowException, BaseOperator
from airflow_provider_dockerhub.errors import RunError
from airflow_provider_dockerhub.exceptions import DockerHubError, provider_error
from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
from airflow_provider_dockerhub.hub import MAX_PAGE_SIZE
from airflow_provider_dockerhub.masking import register_secrets
from airflow_provider_dockerhub.operators.params import Converter, check_parameters, optional, to_bool, whole_number
from airflow_provider_dockerhub.pipeline.items import Item
from airflow_provider_dockerhub.pipeline.runner import PipelineSettings, RecordPipeline
from airflow_provider_dockerhub.pipeline.sources import read_records
from airflow_provider_dockerhub.presets.apply import build_settings
from airflow_provider_dockerhub.resources.repositories import DELETE_TAG
from airflow_provider_dockerhub.retention import RetentionRules, TagDecision, plan_retention
from airflow_provider_dockerhub.sync.guard import DeleteGuardError, DeleteLimit

if TYPE_CHECKING:
    from airflow.sdk import Context

#: The tag list is read 100 tags a page, Docker Hub's largest page.
PAGE_SIZE = MAX_PAGE_SIZE


def tags_endpoint(namespace: str, repository: str) -> str:
    """The paginated tag list of a repository."""
    return f"/v2/repositories/{namespace}/{repository}/tags"


@dataclass
class RepositoryPlan:
    """One repository's tags as read and the decision for each."""

    namespace: str
    repository: str
    decisions: list[TagDecision] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.namespace}/{self.repository}"

    @property
    def deletes(self) -> list[TagDecision]:
        return [d for d in self.decisions if d.delete]

    def describe(self) -> str:
        lines = [f"Retention plan for {self.name}: {len(self.decisions)} tags, {len(self.deletes)} to delete, "
                 f"{len(self.decisions) - len(self.deletes)} to keep"]
        lines += [f"  {d.action} {d.name}: {d.reason}" for d in self.decisions]
        return "\n".join(lines)


#: Checked when the DAG is parsed and again after rendering, as for the send and sync operators.
RETENTION_CHECKS: dict[str, Converter] = {
    "max_deletes": DeleteLimit.parse,
    "dry_run": to_bool,
    "max_concurrency": whole_number(1),
    "keep_last": optional(whole_number(0)),
    "delete_older_than_days": optional(whole_number(0)),
}
#: Plan lines a dry run puts in XCom (the log has every tag).
PLAN_LINES_IN_XCOM = 200


class DockerHubTagRetentionOperator(BaseOperator):
    """
    Delete the tags of one or more repositories that no retention rule keeps, with the sync's safety: the
    whole tag list of every repository is read first (any read error: nothing is deleted), the plan is
    logged (each tag, and why it goes or stays), ``max_deletes`` is checked for every repository before any
    write, and ``dry_run`` stops there. A tag is kept when any rule keeps it; give at least one rule. A
    rerun deletes nothing more (a tag already gone, 404, counts as deleted).

    :param dockerhub_conn_id: the ``dockerhub`` connection. (templated)
    :param namespace: the repository's namespace (user or organization). (templated)
    :param repository: the repository's name. (templated)
    :param records: instead of ``namespace``/``repository``: records naming repositories by ``namespace`` and
        ``repository``, a list of dicts, an XComArg or a JSON string. (templated)
    :param records_path: or a ``.json``, ``.jsonl`` or ``.csv`` file of such records, local or object storage. (templated)
    :param keep_last: keep the newest N tags by last push. (templated)
    :param keep_patterns: keep tags whose name matches any of these regular expressions (``re.search``;
        write ``^v1$`` for a whole name). (templated)
    :param delete_older_than_days: keep tags pushed or pulled within this many days. (templated)
    :param max_deletes: the most tags one repository may lose in one run: a whole count or a percentage of its
        tags (``"20%"``); a plan over it fails the task before any write. Default 10. (templated)
    :param dry_run: read and plan, delete nothing; the counts are those planned. (templated)
    :param max_concurrency: deletions in flight at once.
    """

    template_fields: Sequence[str] = (
        "dockerhub_conn_id", "namespace", "repository", "records", "records_path", "keep_last", "keep_patterns",
        "delete_older_than_days", "max_deletes", "dry_run",
    )
    template_fields_renderers = {"records": "json"}
    ui_color = "#1d63ed"
    #: shadows ``BaseOperator.dry_run()`` (a method the task runner never calls) with the contract parameter
    dry_run: bool  # type: ignore[assignment]

    def __init__(
        self,
        *,
        dockerhub_conn_id: str = DockerHubHook.default_conn_name,
        namespace: str | None = None,
        repository: str | None = None,
        records: Any = None,
        records_path: str | None = None,
        keep_last: int | str | None = None,
        keep_patterns: Sequence[str] | str | None = None,
        delete_older_than_days: int | str | None = None,
        max_deletes: int | str = 10,
        dry_run: bool | str = False,
        max_concurrency: int = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.dockerhub_conn_id = dockerhub_conn_id
        self.namespace, self.repository = namespace, repository
        self.records, self.records_path = records, records_path
        self.keep_last, self.keep_patterns, self.delete_older_than_days = keep_last, keep_patterns, delete_older_than_days
        self.max_deletes, self.max_concurrency = max_deletes, max_concurrency
        self.dry_run = dry_run  # type: ignore[assignment]  # text until rendered, then converted
        check_parameters(self, RETENTION_CHECKS, rendered=False)

    # -- input ------------------------------------------------------------------------------------------
    def repositories(self) -> list[tuple[str, str]]:
        """The repositories named by the parameters or the records, each once; ValueError names a bad record."""
        by_params = self.namespace is not None or self.repository is not None
        by_records = self.records is not None or self.records_path is not None
        if by_params == by_records:
            raise ValueError("give namespace and repository, or records / records_path naming repositories")
        if by_params:
            if not (self.namespace and self.repository):
                raise ValueError("give both namespace and repository")
            return [(str(self.namespace), str(self.repository))]
        found: dict[tuple[str, str], None] = {}
        for item in read_records(self.records, self.records_path):
            missing = [k for k in ("namespace", "repository") if not (item.record or {}).get(k)]
            if item.error or missing:
                raise ValueError(f"record at {item.location}: {item.error or f'missing attribute {missing[0]!r}'}; "
                                 f"nothing was read or deleted")
            record = item.record or {}
            found[(str(record["namespace"]), str(record["repository"]))] = None
        return list(found)

    # -- reading and planning ---------------------------------------------------------------------------
    def read_tags(self, hook: DockerHubHook, namespace: str, repository: str) -> list[dict[str, Any]]:
        """Every tag of one repository; a read that does not finish fails the task (nothing is deleted)."""
        tags: list[dict[str, Any]] = []
        try:
            for tag in hook.paginate(tags_endpoint(namespace, repository), page_size=PAGE_SIZE):
                if not isinstance(tag, dict) or not tag.get("name"):
                    raise DockerHubError(f"a listed tag has no name: {tag!r}"[:200])
                tags.append(tag)
        except (DockerHubError, ValueError) as exc:
            raise AirflowException(
                f"the tag list of {namespace}/{repository} could not be read completely (stopped after "
                f"{len(tags)} tags): {exc}; nothing was deleted") from exc
        return tags

    def plan(self, hook: DockerHubHook, repositories: list[tuple[str, str]], rules: RetentionRules,
             now: datetime) -> list[RepositoryPlan]:
        """Read every repository's whole tag list, then decide each tag (no write)."""
        plans = []
        for namespace, repository in repositories:
            tags = self.read_tags(hook, namespace, repository)
            plans.append(RepositoryPlan(namespace, repository, plan_retention(tags, rules, now)))
        return plans

    # -- execution --------------------------------------------------------------------------------------
    def execute(self, context: Context) -> dict[str, Any]:
        check_parameters(self, RETENTION_CHECKS, rendered=True)
        rules = RetentionRules.parse(self.keep_last, self.keep_patterns, self.delete_older_than_days)
        limit = DeleteLimit.parse(self.max_deletes)
        dry_run = self.dry_run
        repositories = self.repositories()
        hook = DockerHubHook(self.dockerhub_conn_id, pool_maxsize=max(self.max_concurrency, 1))
        try:
            hook.auth  # noqa: B018 - a missing or broken connection fails here, before anything is read
            self.log.info("Retention rules: %s", rules.describe())
            plans = self.plan(hook, repositories, rules, datetime.now(timezone.utc))
            for plan in plans:
                self.log.info("%s", plan.describe())
            summary = self._summary(plans, dry_run)
            refusals = []
            for plan in plans:  # every repository is checked before the first deletion
                try:
                    limit.check({"tag deletions": len(plan.deletes)}, len(plan.decisions), f"tags of {plan.name}")
                except DeleteGuardError as exc:
                    refusals.append(str(exc))
            if dry_run:  # a dry run always shows the whole plan, and says whether the guard would refuse it
                lines = [line for plan in plans for line in plan.describe().splitlines()]
                summary["plan"] = lines[:PLAN_LINES_IN_XCOM] + (
                    [f"... and {len(lines) - PLAN_LINES_IN_XCOM} more"] if len(lines) > PLAN_LINES_IN_XCOM else [])
                if refusals:
                    summary["guard"] = "; ".join(refusals)
                    self.log.warning("The delete guard would refuse this plan: %s", summary["guard"])
            elif refusals:
                raise DeleteGuardError("; ".join(refusals))
            else:
                self._delete(hook, plans, summary)
        finally:
            hook.close()
        self.log.info("Tag retention%s: %d deleted, %d kept, %d failed over %d repositories",
                      " (dry run: planned)" if dry_run else "", summary["deleted"], summary["kept"],
                      summary["failed"], len(plans))
        if summary["failed"]:
            ti = context.get("ti") if context else None
            if ti is not None:
                ti.xcom_push(key="summary", value=summary)
            firsts = "; ".join(f"{f['location']}: {f['reason']}" for f in summary["first_failures"][:3])
            raise AirflowException(f"{summary['failed']} tag deletions failed. First: {firsts}")
        return summary

    @staticmethod
    def _summary(plans: list[RepositoryPlan], dry_run: bool) -> dict[str, Any]:
        planned = sum(len(p.deletes) for p in plans)
        return {
            "deleted": planned if dry_run else 0, "kept": sum(len(p.decisions) for p in plans) - planned,
            "failed": 0, "dry_run": dry_run, "calls": 0, "first_failures": [],
            "repositories": [{"repository": p.name, "tags": len(p.decisions), "delete": len(p.deletes)}
                             for p in plans],
        }

    def _delete(self, hook: DockerHubHook, plans: list[RepositoryPlan], summary: dict[str, Any]) -> None:
        """Each planned deletion through the ``delete_tag`` preset; a 404 (already gone) counts as deleted."""
        items = [Item(n, {"namespace": p.namespace, "repository": p.repository, "tag": d.name}, f"{p.name}:{d.name}")
                 for n, (p, d) in enumerate((p, d) for p in plans for d in p.deletes)]
        if not items:
            return
        settings = build_settings(
            PipelineSettings(method="DELETE", endpoint="/", max_concurrency=self.max_concurrency, on_error="continue",
                             if_missing="skip"), DELETE_TAG, endpoint=None, method=None)
        pipeline = RecordPipeline(settings, send=lambda call: hook.request(call.method, call.url, headers=call.headers),
                                  log=self.log, total=len(items), register_secrets=register_secrets)
        result = pipeline.run(items)
        summary.update(deleted=result.succeeded, failed=result.failed + result.rejected, calls=result.calls,
                       first_failures=result.first_failures)
        if isinstance(pipeline.run_error, RunError):
            raise provider_error(pipeline.run_error)
