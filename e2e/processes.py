"""Long-running processes of the deployment: started in their own process group, waited for, stopped by PID."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class DeploymentError(RuntimeError):
    """Something the deployment needs did not start or did not answer in time; the message says what."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def log_tail(path: Path, lines: int = 15) -> str:
    """The last ``lines`` lines of a log file, indented, for an error message."""
    if not path.exists():
        return "    (no log)"
    return "\n".join("    " + line for line in path.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Process:
    """One started program: its name, its ``Popen`` and the file its output goes to."""

    name: str
    popen: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def group_alive(self) -> bool:
        """Whether any process of its group (its children included) still runs; zombies do not count."""
        return bool(group_members(self.pid))


def group_members(pgid: int) -> list[int]:
    """PIDs of the live (not zombie) processes in process group ``pgid``, read from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


@dataclass
class Processes:
    """Everything the deployment started, stopped in reverse order by process group."""

    log_dir: Path
    started: list[Process] = field(default_factory=list)
    scratch: list[Path] = field(default_factory=list)  # folders removed once everything has stopped

    def start(self, name: str, argv: list[str], env: dict[str, str], *, user: str | None = None) -> Process:
        """Start ``argv`` in a new session (so its children can be stopped with it), output to ``<name>.log``."""
        log = self.log_dir / f"{name}.log"
        with log.open("ab") as handle:
            popen = subprocess.Popen(argv, env=env, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True, user=user, cwd=self.log_dir)
        process = Process(name, popen, log)
        self.started.append(process)
        return process

    def wait_until(self, process: Process, ready: Callable[[], bool], what: str, timeout: float) -> float:
        """Wait until ``ready()``; fail fast when ``process`` exits. Returns the seconds waited."""
        started = time.monotonic()
        while not ready():
            self.check_running(f"before {process.name} got {what}")
            if time.monotonic() - started > timeout:
                raise DeploymentError(f"{process.name} did not get {what} within {timeout:.0f} s; "
                                      f"last lines of {process.log}:\n{log_tail(process.log)}")
            time.sleep(0.5)
        return time.monotonic() - started

    def check_running(self, when: str = "") -> None:
        """Raise if a started process has exited on its own."""
        for process in self.started:
            if not process.alive():
                raise DeploymentError(f"{process.name} (pid {process.pid}) exited with code {process.popen.returncode} "
                                      f"{when}; "
                                      f"last lines of {process.log}:\n{log_tail(process.log)}")

    def stop_all(self, grace: float = 20.0) -> list[str]:
        """SIGINT each process group (SIGTERM for those that ignore it), then SIGKILL what outlives ``grace``.

        Returns the names of the groups that had to be killed; when this returns, none of them runs.
        """
        for process in reversed(self.started):
            self._signal(process, signal.SIGINT)
        deadline = time.monotonic() + grace
        for process in reversed(self.started):
            self._wait_group(process, deadline)
            if process.group_alive():
                self._signal(process, signal.SIGTERM)
        deadline = time.monotonic() + grace / 2
        killed = []
        for process in reversed(self.started):
            self._wait_group(process, deadline)
            if process.group_alive():
                killed.append(process.name)
                self._signal(process, signal.SIGKILL)
                self._wait_group(process, time.monotonic() + 5)
        left = [p.name for p in self.started if p.group_alive()]
        if left:
            raise DeploymentError(f"still running after SIGKILL: {', '.join(left)}")
        for folder in self.scratch:
            shutil.rmtree(folder, ignore_errors=True)
        return killed

    @staticmethod
    def _signal(process: Process, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)

    @staticmethod
    def _wait_group(process: Process, deadline: float) -> None:
        while process.group_alive() and time.monotonic() < deadline:
            process.popen.poll()  # reap the leader so the group can empty
            time.sleep(0.2)
