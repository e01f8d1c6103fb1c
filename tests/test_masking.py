"""Secrets reach Airflow's masker in linear time (masking.py)."""

from __future__ import annotations

import secrets
import time

import pytest
from airflow.sdk._shared.secrets_masker import _secrets_masker, redact

from airflow_provider_dockerhub import masking
from airflow_provider_dockerhub.masking import MAX_SECRETS_PER_ANSWER, SecretRegistry

pytestmark = pytest.mark.timeout(60)


def test_tokens_and_other_secrets_are_masked_in_logs():
    registry = SecretRegistry()
    pat, oat = f"dckr_pat_{secrets.token_urlsafe(20)}", f"dckr_oat_{secrets.token_urlsafe(20)}"
    jwt = f"eyJhbGciOiJub25lIn0.eyJleHAiOj{secrets.token_urlsafe(12)}.c2lnbmF0dXJl"
    other = f"plain-password-{secrets.token_hex(6)}"
    assert registry.register([pat, oat, jwt, other, pat]) == 4
    for secret in (pat, oat, jwt, other):
        assert redact(f"token={secret};") == "token=***;"
    assert registry.register([pat, other]) == 0  # known ones cost nothing


def test_2000_new_tokens_one_answer_at_a_time_add_no_pattern_each():
    registry, masker = SecretRegistry(), _secrets_masker()
    registry.register([f"dckr_pat_{secrets.token_urlsafe(20)}"])
    patterns = len(masker.patterns)
    started = time.process_time()
    tokens = [f"dckr_pat_{secrets.token_urlsafe(20)}" for _ in range(2000)]
    for token in tokens:
        registry.register([token])
    assert time.process_time() - started < 1.0
    assert len(masker.patterns) == patterns
    assert redact(f"new {tokens[-1]}") == "new ***"


def test_one_answer_registers_at_most_the_cap_with_one_recompile(caplog, monkeypatch):
    compiled = []
    real_compile = masking.re.compile
    monkeypatch.setattr(masking.re, "compile", lambda pattern: compiled.append(1) or real_compile(pattern))
    hostile = [f"secret-{n}-{secrets.token_hex(8)}" for n in range(3000)]
    started = time.process_time()
    assert SecretRegistry().register(hostile, "the answer to POST /v2/access-tokens") == MAX_SECRETS_PER_ANSWER
    assert time.process_time() - started < 2.0 and len(compiled) == 1
    assert "the answer to POST /v2/access-tokens holds 3000 secret-looking strings; only the first 100" in caplog.text
    assert redact(hostile[0]) == "***"


def test_the_supervisor_gets_one_message_per_answer(monkeypatch):
    from airflow.sdk.execution_time import task_runner

    sent = []
    monkeypatch.setattr(task_runner, "SUPERVISOR_COMMS", type("Comms", (), {"send": lambda self, m: sent.append(m)})(),
                        raising=False)
    batch = [f"dckr_pat_{secrets.token_urlsafe(20)}", f"other-{secrets.token_hex(8)}"]
    SecretRegistry().register(batch)
    assert [message.value for message in sent] == [batch]
