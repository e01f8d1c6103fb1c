"""PostgreSQL (the metadata database) and Redis (the Celery broker), from the distribution's packages."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from e2e.processes import DeploymentError, Processes, free_port, port_open


@dataclass(frozen=True)
class Service:
    """A started server: what it is called and the URL clients use."""

    name: str
    url: str


def postgres_bin_dir() -> Path:
    """The newest installed PostgreSQL server's ``bin`` folder (Debian puts it under /usr/lib/postgresql)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise DeploymentError("no PostgreSQL server in /usr/lib/postgresql/*/bin; run e2e/install-packages.sh")
    return Path(found[-1]).parent


def server_user() -> str | None:
    """PostgreSQL refuses to run as root: run it as ``postgres`` then; as ourselves otherwise."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise DeploymentError("running as root, and there is no 'postgres' user to run PostgreSQL as") from exc
    return "postgres"


def start_postgres(processes: Processes, timeout: float = 60) -> Service:
    """A fresh PostgreSQL cluster on a free port, with database and user ``airflow``.

    Its folder is a new temporary one (removed when the processes stop): the ``postgres`` user must be
    able to reach it, which a checkout under ``/root`` would not allow."""
    bin_dir, user = postgres_bin_dir(), server_user()
    data = Path(tempfile.mkdtemp(prefix="dockerhub-e2e-pg-"))
    processes.scratch.append(data)
    if user:
        shutil.chown(data, user)
    initdb = subprocess.run([str(bin_dir / "initdb"), "-D", str(data / "data"), "-U", "airflow", "-A", "trust",
                             "-E", "UTF8", "--no-sync"], user=user, capture_output=True, text=True, timeout=120)
    if initdb.returncode:
        raise DeploymentError(f"initdb failed:\n{initdb.stdout}{initdb.stderr}")
    port = free_port()
    server = processes.start("postgres", [str(bin_dir / "postgres"), "-D", str(data / "data"), "-p", str(port),
                                          "-k", str(data), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                                          "-c", "max_connections=200"], dict(os.environ), user=user)
    processes.wait_until(server, lambda: port_open(port), f"PostgreSQL listening on port {port}", timeout)
    created = subprocess.run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "airflow", "airflow"],
                             capture_output=True, text=True, timeout=60)
    if created.returncode:
        raise DeploymentError(f"createdb failed: {created.stderr.strip()}")
    return Service("PostgreSQL", f"postgresql+psycopg2://airflow@127.0.0.1:{port}/airflow")


def start_redis(processes: Processes, timeout: float = 30) -> Service:
    """Redis on a free port, nothing persisted."""
    redis = shutil.which("redis-server")
    if not redis:
        raise DeploymentError("redis-server is not installed; run e2e/install-packages.sh")
    port = free_port()
    server = processes.start("redis", [redis, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                       "--appendonly", "no", "--daemonize", "no"], dict(os.environ))
    processes.wait_until(server, lambda: port_open(port), f"Redis listening on port {port}", timeout)
    return Service("Redis", f"redis://127.0.0.1:{port}/0")
