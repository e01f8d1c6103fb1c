"""Regenerate the preset table in docs/presets.md from the registry."""

from __future__ import annotations

from pathlib import Path

from airflow_provider_dockerhub.presets.docs import write

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "presets.md"
    print(f"{target}: {'updated' if write(target) else 'already current'}")
