"""``[core] hostname_callable`` of the e2e workers: two workers on one machine, told apart by name."""

from __future__ import annotations

import os


def worker_name() -> str:
    """The name the e2e run gave this worker (``E2E_WORKER_NAME``)."""
    return os.environ["E2E_WORKER_NAME"]
