"""
Keep the READMEs and short descriptions of an organization's repositories in line with files in a folder.

The folder (``readme_dir``, a local path or an object-storage URI) holds one ``<repository>.md`` per
repository (its README, Docker Hub's full description) and ``descriptions.json`` (repository -> short
description). Each day the DAG builds one record per README, reads what Docker Hub holds, and sends the
repository update only for the repositories whose texts differ: a rerun with unchanged files makes no
write. Docker Hub's limits (100 characters, 25,000 bytes) are checked before anything is sent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
from airflow.sdk import DAG, Param, task

from airflow_provider_dockerhub.operators.endpoints import DockerHubUpdateRepositoryOperator

DATA = Path(__file__).parent / "data"

with DAG(
    dag_id="dockerhub_repository_readmes",
    description="Publish repository READMEs and descriptions from a folder, writing only what changed",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    params={
        "readme_dir": Param(str(DATA / "readmes"), type="string",
                            description="folder (local path or object storage URI) of <repository>.md files"),
        "namespace": Param("acme", type="string", description="the organization (or user) owning the repositories"),
    },
    tags=["dockerhub", "example"],
) as dag:

    @task
    def records_from_folder(readme_dir: str, namespace: str) -> list[dict]:
        """One record per ``<repository>.md``: its path as ``full_description_path``, its short description."""
        from airflow_provider_dockerhub._compat import ObjectStoragePath

        folder = ObjectStoragePath(readme_dir) if "://" in readme_dir else Path(readme_dir)
        descriptions_file = folder / "descriptions.json"
        descriptions = json.loads(descriptions_file.read_text()) if descriptions_file.exists() else {}
        records = []
        for readme in sorted(folder.iterdir(), key=lambda p: p.name):
            if readme.name.endswith(".md"):
                name = readme.name.removesuffix(".md")
                record = {"namespace": namespace, "name": name, "full_description_path": str(readme)}
                if name in descriptions:
                    record["description"] = descriptions[name]
                records.append(record)
        unknown = set(descriptions) - {r["name"] for r in records}
        if unknown:
            raise ValueError(f"descriptions.json names repositories without a README: {sorted(unknown)}")
        return records

    @task
    def changed_only(records: list[dict]) -> list[dict]:
        """The records whose README or description differs from what Docker Hub holds (read, never written)."""
        from airflow_provider_dockerhub.hooks.dockerhub import DockerHubHook
        from airflow_provider_dockerhub.presets.readme import resolve_full_description

        hook = DockerHubHook()
        changed = []
        try:
            for record in records:
                wanted = resolve_full_description(record)
                current = hook.get_json(f"/v2/repositories/{record['namespace']}/{record['name']}/")
                differs = [k for k in ("description", "full_description") if k in wanted and wanted[k] != current.get(k)]
                print(f"{record['namespace']}/{record['name']}: {', '.join(differs) + ' differ' if differs else 'in line'}")
                if differs:
                    changed.append(record)  # the update operator reads the file again and checks the limits
        finally:
            hook.close()
        return changed

    DockerHubUpdateRepositoryOperator(
        task_id="update_repositories",
        records=changed_only(records_from_folder("{{ params.readme_dir }}", "{{ params.namespace }}")),
    )
