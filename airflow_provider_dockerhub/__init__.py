"""Apache Airflow provider that turns dataset records into Docker Hub API calls."""

from __future__ import annotations

__version__ = "0.2.0"
