"""Apache Airflow provider that turns dataset records into Docker Hub API calls."""

from __future__ import annotations

import re
from importlib import metadata

__all__ = ["MINIMUM_AIRFLOW_VERSION", "AirflowVersionError", "__version__", "check_airflow_version"]

__version__ = "0.2.0"

#: The oldest Apache Airflow this provider runs on (the Task SDK of Airflow 3).
MINIMUM_AIRFLOW_VERSION = "3.0.0"


class AirflowVersionError(ImportError):
    """The installed Apache Airflow is older than the provider supports."""


def _release(version: str) -> tuple[int, ...]:
    """``"3.0.0rc1"`` -> ``(3, 0, 0)``: the numeric release part of a version."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def installed_airflow_version() -> str | None:
    """The installed Apache Airflow's version, read from package metadata (Airflow is not imported); None when
    it is not installed (the emulator and its CLI work without it)."""
    for distribution in ("apache-airflow-core", "apache-airflow"):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return None


def check_airflow_version(installed: str | None) -> None:
    """Raise ``AirflowVersionError`` (an ImportError) naming both versions when ``installed`` is too old."""
    if installed is not None and _release(installed) < _release(MINIMUM_AIRFLOW_VERSION):
        raise AirflowVersionError(
            f"airflow-provider-dockerhub {__version__} needs Apache Airflow {MINIMUM_AIRFLOW_VERSION} or later, but "
            f"Apache Airflow {installed} is installed: upgrade Airflow (pip install 'apache-airflow>=3.0,<4'), or "
            f"uninstall this provider")


check_airflow_version(installed_airflow_version())
