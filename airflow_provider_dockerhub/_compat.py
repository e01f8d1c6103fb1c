"""Imports that moved between Airflow versions, resolved once (``airflow.sdk`` first)."""

from __future__ import annotations

try:  # Airflow 3.x
    from airflow.sdk import BaseHook, BaseOperator, ObjectStoragePath
except ImportError:  # pragma: no cover - Airflow 2.x
    from airflow.hooks.base import BaseHook  # type: ignore[no-redef]
    from airflow.io.path import ObjectStoragePath  # type: ignore[no-redef]
    from airflow.models import BaseOperator  # type: ignore[no-redef]

try:  # Airflow 3.1+
    from airflow.sdk.log import mask_secret
except ImportError:  # pragma: no cover - older layouts
    try:
        from airflow.sdk.execution_time.secrets_masker import mask_secret  # type: ignore[no-redef]
    except ImportError:
        from airflow.utils.log.secrets_masker import mask_secret  # type: ignore[no-redef]

try:
    from airflow.sdk.exceptions import AirflowException
except ImportError:  # pragma: no cover - Airflow 2.x
    from airflow.exceptions import AirflowException  # type: ignore[no-redef]

__all__ = ["AirflowException", "BaseHook", "BaseOperator", "ObjectStoragePath", "mask_secret"]
