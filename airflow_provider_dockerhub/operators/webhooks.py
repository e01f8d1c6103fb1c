"""The webhook sink as an Airflow task builds it: its URL masked by Airflow's masker, or read from a connection."""

from __future__ import annotations

from airflow_provider_dockerhub._compat import BaseHook
from airflow_provider_dockerhub.masking import register_secrets
from airflow_provider_dockerhub.pipeline.sinks import Webhook
from airflow_provider_dockerhub.wire import base_url, check_header

__all__ = ["webhook_from_connection", "webhook_sink"]


def webhook_sink(url: str, *, allow_insecure: bool = False) -> Webhook:
    """A webhook to ``url``; a token in its path or query is masked in the task's logs."""
    return Webhook(url, allow_insecure=allow_insecure, register_secrets=register_secrets)


def webhook_from_connection(conn_id: str, *, allow_insecure: bool = False) -> Webhook:
    """A webhook from an Airflow HTTP connection: host (with scheme), port, schema as path, login/password, extra headers."""
    conn = BaseHook.get_connection(conn_id)
    host = base_url(conn.host, conn.schema, conn.port)
    if not host:
        raise ValueError(f"response_webhook_conn_id {conn_id!r}: the connection has no host")
    extra = conn.extra_dejson or {}
    path = extra.pop("endpoint", "") if isinstance(extra, dict) else ""
    headers = {k: str(v) for k, v in extra.items() if isinstance(v, (str, int, float))}
    for name, value in headers.items():
        check_header(name, value)
    auth = (conn.login, conn.password) if conn.login else None
    return Webhook(f"{host.rstrip('/')}/{str(path).lstrip('/')}" if path else host, headers=headers, auth=auth,
                   allow_insecure=allow_insecure, register_secrets=register_secrets)
