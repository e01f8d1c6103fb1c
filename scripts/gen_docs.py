"""Regenerate the generated files from the code: the tables in docs/ and operators/endpoints.py."""

from __future__ import annotations

from pathlib import Path

from airflow_provider_dockerhub.presets.docs import ENDPOINTS_MODULE, write, write_endpoints_module

if __name__ == "__main__":
    for target in sorted((Path(__file__).resolve().parents[1] / "docs").glob("*.md")):
        print(f"{target.name}: {'updated' if write(target) else 'current'}")
    print(f"{ENDPOINTS_MODULE.name}: {'updated' if write_endpoints_module() else 'current'}")
