"""Regenerate the generated tables in docs/ (presets, connection extras) from the code."""

from __future__ import annotations

from pathlib import Path

from airflow_provider_dockerhub.presets.docs import write

if __name__ == "__main__":
    for target in sorted((Path(__file__).resolve().parents[1] / "docs").glob("*.md")):
        print(f"{target.name}: {'updated' if write(target) else 'current'}")
