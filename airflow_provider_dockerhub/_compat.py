"""Airflow names the provider uses, imported from one place (the Task SDK of Airflow 3)."""

from __future__ import annotations

from airflow.sdk import BaseHook, BaseOperator, BaseOperatorLink, ObjectStoragePath
from airflow.sdk.exceptions import AirflowException
from airflow.sdk.log import mask_secret

__all__ = ["AirflowException", "BaseHook", "BaseOperator", "BaseOperatorLink", "ObjectStoragePath", "mask_secret"]
