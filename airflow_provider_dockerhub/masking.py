"""Secrets registered with Airflow's masker at a cost that grows linearly with their number.

Airflow's ``mask_secret`` recompiles one regular expression of every secret known so far for each new
secret, so registering n secrets one by one costs O(n^2) (2000 new tokens: minutes of CPU). Here:

* Docker Hub's token shapes (``dckr_pat_...``, ``dckr_oat_...``, JWTs) are masked by one pattern each,
  added once per process: a new token of these shapes costs nothing more in this process.
* Any other secret of one answer is added in one batch, with one recompile, and at most
  ``MAX_SECRETS_PER_ANSWER`` of them (a hostile answer holding thousands of ``"token"`` strings
  is cut there, with a warning).
* Under a task supervisor, every new secret of the batch is also sent to it in one message, as
  ``mask_secret`` does.

Without Airflow's masker internals (another Airflow version), each secret goes through ``mask_secret``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from typing import Any, cast

from airflow_provider_dockerhub._compat import mask_secret
from airflow_provider_dockerhub.hub import OAT_PREFIX, PAT_PREFIX

#: At most this many new secrets of one answer are registered.
MAX_SECRETS_PER_ANSWER = 100
#: Docker Hub's token shapes, masked by pattern: personal and organization access tokens, and JWTs.
TOKEN_PATTERNS = (
    rf"(?:{PAT_PREFIX}|{OAT_PREFIX})[A-Za-z0-9_\-]{{8,}}",
    r"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*",
)
_TOKEN = re.compile("|".join(f"(?:{p})" for p in TOKEN_PATTERNS))

log = logging.getLogger(__name__)


def _local_masker() -> Any:
    """Airflow's in-process masker, or None when its internals are not where this provider expects them."""
    try:
        from airflow.sdk._shared.secrets_masker import _secrets_masker
    except ImportError:
        return None
    masker = _secrets_masker()
    return masker if isinstance(getattr(masker, "patterns", None), set) and hasattr(masker, "replacer") else None


def _tell_supervisor(secrets: list[str]) -> None:
    """Send the secrets to the task supervisor (which masks the task's logs) in one message, if there is one."""
    try:
        from airflow.sdk.execution_time import task_runner
        from airflow.sdk.execution_time.comms import MaskSecret
    except ImportError:
        return
    comms = getattr(task_runner, "SUPERVISOR_COMMS", None)
    if comms is not None:
        try:
            comms.send(MaskSecret(value=cast(Any, secrets), name=None))
        except Exception:  # as mask_secret does: masking must never fail the call it protects
            log.debug("Could not send %d secrets to the supervisor", len(secrets))


class SecretRegistry:
    """Registers secrets once each; one per process (``register_secrets``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: set[str] = set()
        self._patterns_added = False

    def register(self, secrets: Iterable[str], where: str = "an answer") -> int:
        """Register the new ones among ``secrets`` (at most ``MAX_SECRETS_PER_ANSWER``); return how many."""
        with self._lock:
            new = list(dict.fromkeys(s for s in secrets if isinstance(s, str) and s and s not in self._known))
            if not new:
                return 0
            if len(new) > MAX_SECRETS_PER_ANSWER:
                log.warning("%s holds %d secret-looking strings; only the first %d are registered with the "
                            "secrets masker", where, len(new), MAX_SECRETS_PER_ANSWER)
                new = new[:MAX_SECRETS_PER_ANSWER]
            self._known.update(new)
            masker = _local_masker()
            if masker is None:
                for secret in new:
                    mask_secret(secret)
                return len(new)
            self._add_locally(masker, [s for s in new if not _TOKEN.fullmatch(s)])
            _tell_supervisor(new)
            return len(new)

    def _add_locally(self, masker: Any, secrets: list[str]) -> None:
        """Add the token patterns (once) and ``secrets`` to the local masker with one recompile."""
        minimum = getattr(masker, "min_length_to_mask", 5)
        patterns = set() if self._patterns_added else {f"(?:{p})" for p in TOKEN_PATTERNS}
        adapt = getattr(masker, "_adaptations", lambda secret: (secret,))
        for secret in secrets:
            patterns.update(re.escape(s) for s in adapt(secret) if s and len(s) >= minimum and s.lower() != "airflow")
        patterns -= masker.patterns
        if not patterns:
            return
        masker.patterns.update(patterns)
        masker.replacer = re.compile("|".join(sorted(masker.patterns, key=len, reverse=True)))
        self._patterns_added = True


_registry = SecretRegistry()


def register_secrets(secrets: Iterable[str], where: str = "an answer") -> int:
    """Mask ``secrets`` in logs from now on (see the module docstring); return how many were new."""
    return _registry.register(secrets, where)
