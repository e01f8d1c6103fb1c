"""Testing tools shipped with the provider: the Docker Hub emulator (``testing.emulator.DockerHubEmulator``), its
pytest fixtures (``testing.pytest_plugin``), ``run_task`` (``testing.tasks``) and ``dag_runner``.

``python -m airflow_provider_dockerhub.testing`` runs the emulator (see docs/emulator.md). This package imports
nothing itself, so each module can be imported alone.
"""
