"""``python -m airflow_provider_dockerhub.testing``: run the Docker Hub emulator (see ``testing.cli``)."""

from __future__ import annotations

from airflow_provider_dockerhub.testing.cli import main

if __name__ == "__main__":
    main()
