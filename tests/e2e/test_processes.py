"""The e2e run's process handling: what it starts is stopped by PID, children and stubborn ones included."""

from __future__ import annotations

import os
import sys

import pytest

from e2e.processes import DeploymentError, Processes, group_members

# Ignores SIGINT and SIGTERM, and starts a child that ignores them too: only SIGKILL ends the group.
STUBBORN = """
import signal, subprocess, sys, time
for sig in (signal.SIGINT, signal.SIGTERM):
    signal.signal(sig, signal.SIG_IGN)
if len(sys.argv) == 1:
    subprocess.Popen([sys.executable, __file__, "child"])
print("ready", flush=True)
time.sleep(600)
"""


def test_stop_all_leaves_no_process_of_any_group_running(tmp_path):
    script = tmp_path / "stubborn.py"
    script.write_text(STUBBORN)
    processes = Processes(tmp_path)
    polite = processes.start("polite", [sys.executable, "-c", "import time; time.sleep(600)"], dict(os.environ))
    stubborn = processes.start("stubborn", [sys.executable, str(script)], dict(os.environ))
    processes.wait_until(stubborn, lambda: len(group_members(stubborn.pid)) == 2, "its child", timeout=30)
    scratch = tmp_path / "database"
    scratch.mkdir()
    processes.scratch.append(scratch)

    killed = processes.stop_all(grace=1.0)

    assert killed == ["stubborn"]  # the polite one ended on SIGINT
    assert group_members(stubborn.pid) == [] and group_members(polite.pid) == []
    assert not scratch.exists()  # removed once nothing could still write to it


def test_a_process_that_exits_while_waited_for_is_named_with_its_log(tmp_path):
    processes = Processes(tmp_path)
    broken = processes.start("broken", [sys.executable, "-c", "import sys; print('no database'); sys.exit(3)"],
                             dict(os.environ))
    with pytest.raises(DeploymentError, match=r"(?s)broken \(pid \d+\) exited with code 3.*no database"):
        processes.wait_until(broken, lambda: False, "ready", timeout=30)


def test_waiting_is_bounded_and_says_what_did_not_happen(tmp_path):
    processes = Processes(tmp_path)
    slow = processes.start("slow", [sys.executable, "-c", "import time; time.sleep(600)"], dict(os.environ))
    try:
        with pytest.raises(DeploymentError, match="slow did not get its port within 1 s"):
            processes.wait_until(slow, lambda: False, "its port", timeout=1)
    finally:
        processes.stop_all(grace=1.0)
