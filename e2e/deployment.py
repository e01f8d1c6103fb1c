"""An Airflow 3 deployment on one machine: CeleryExecutor with two workers, API server, scheduler, DAG processor,
triggerer, PostgreSQL and Redis, configured as a platform team would configure a real one."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet

from e2e.processes import DeploymentError, Processes, free_port
from e2e.rest import AirflowClient
from e2e.services import start_postgres, start_redis

WORKERS = ("e2e-worker-1", "e2e-worker-2")
WORKER_CONCURRENCY = 2
ADMIN = "admin"
LINEAGE_EVENTS = "openlineage-events.jsonl"  # in AIRFLOW_HOME, written by the OpenLineage file transport


@dataclass
class Deployment:
    """The running deployment: its folders, environment, API server URL and processes."""

    home: Path
    env: dict[str, str]
    api_url: str
    admin_password: str
    processes: Processes

    def client(self) -> AirflowClient:
        return AirflowClient.login(self.api_url, ADMIN, self.admin_password)

    def lineage_events(self) -> Path:
        """Where the OpenLineage provider's file transport appends the events the tasks emitted."""
        return self.home / LINEAGE_EVENTS


def airflow_env(home: Path, dags: Path, api_port: int, database: str, broker: str) -> tuple[dict[str, str], str]:
    """Every component's environment (no ``AIRFLOW_*`` of the caller's) and the admin's password."""
    password = secrets.token_urlsafe(16)
    passwords = home / "passwords.json"
    passwords.write_text(json.dumps({ADMIN: password}))
    passwords.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    api_url = f"http://127.0.0.1:{api_port}"
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{api_url}/execution/",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__CORE__TEST_CONNECTION": "Enabled",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN}:admin",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": database,
        "AIRFLOW__CELERY__BROKER_URL": broker,
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + database,
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": str(WORKER_CONCURRENCY),
        "AIRFLOW__API__BASE_URL": api_url,
        "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(64),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        # Only what is triggered runs: the schedules would otherwise add runs of their own on unpausing.
        "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
        # OpenLineage through the provider's own listener, events appended to a file (one JSON per line)
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "e2e",
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps({"type": "file", "append": True,
                                                       "log_file_path": str(home / LINEAGE_EVENTS)}),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH")])),
    })
    return env, password


def airflow(*args: str) -> list[str]:
    return [sys.executable, "-m", "airflow", *args]


def start(work: Path, dags: Path, timeout: float = 180) -> Deployment:
    """Start every component and wait until the API server answers and both workers are ready."""
    processes = Processes(work / "logs")
    processes.log_dir.mkdir(parents=True)
    home = work / "airflow-home"
    home.mkdir()
    try:
        database = start_postgres(processes)
        broker = start_redis(processes)
        api_port = free_port()
        env, password = airflow_env(home, dags, api_port, database.url, broker.url)
        migrate = subprocess.run(airflow("db", "migrate"), env=env, capture_output=True, text=True, timeout=600)
        (processes.log_dir / "db-migrate.log").write_text(migrate.stdout + migrate.stderr)
        if migrate.returncode:
            raise DeploymentError(f"airflow db migrate failed; see {processes.log_dir / 'db-migrate.log'}")
        api = processes.start("api-server", airflow("api-server", "--host", "127.0.0.1", "--port", str(api_port),
                                                    "--workers", "2"), env)
        for component in ("scheduler", "dag-processor", "triggerer"):
            processes.start(component, airflow(component), env)
        workers = []
        for name in WORKERS:
            worker_env = dict(env, E2E_WORKER_NAME=name,
                              AIRFLOW__CORE__HOSTNAME_CALLABLE="e2e.worker_name.worker_name",
                              AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=str(free_port()))
            workers.append(processes.start(name, airflow("celery", "worker", "--celery-hostname", f"{name}@%h",
                                                         "--concurrency", str(WORKER_CONCURRENCY)), worker_env))
        deployment = Deployment(home, env, f"http://127.0.0.1:{api_port}", password, processes)
        processes.wait_until(api, lambda: AirflowClient.healthy(deployment.api_url), "a healthy /api/v2/monitor/health",
                             timeout)
        for worker in workers:
            processes.wait_until(worker, lambda w=worker: " ready." in w.log.read_text(errors="replace"),
                                 "Celery's 'ready'", timeout)
        return deployment
    except BaseException:
        processes.stop_all()
        raise
