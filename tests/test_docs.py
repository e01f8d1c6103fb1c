"""Every Python snippet in README.md and docs/ runs; generated tables are current."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from airflow_provider_dockerhub.testing.emulator import DockerHubEmulator
from airflow_provider_dockerhub.testing.examples import example_connection, seed_examples
from tests.helpers import gen_docs

render_into = gen_docs().render_into

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
SNIPPETS = [(page, n, code) for page in PAGES for n, code in enumerate(FENCE.findall(page.read_text()))]


def test_docs_have_snippets_and_pages_exist():
    assert len(SNIPPETS) >= 10
    for page in PAGES:
        for link in re.findall(r"\]\(([\w./-]+\.md)\)", page.read_text()):
            assert (page.parent / link).exists(), f"{page.name} links to missing {link}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_generated_tables_are_current(page):
    text = page.read_text()
    assert render_into(text) == text, "run `make docs`"


@pytest.mark.parametrize(("page", "number", "code"), SNIPPETS, ids=[f"{p.name}#{n}" for p, n, _ in SNIPPETS])
def test_snippet_runs(page, number, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if "def test_" in code:  # a pytest example: run it with pytest, using the fixtures the package ships
        target = tmp_path / f"test_snippet_{number}.py"
        target.write_text(code)
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(target)],
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout[-2000:]
        return
    saved = dict(os.environ)
    try:
        with DockerHubEmulator() as hub:
            seed_examples(hub)
            os.environ["AIRFLOW_CONN_DOCKERHUB_DEFAULT"] = example_connection(hub)
            exec(compile(code, f"{page.name}#{number}", "exec"), {"__name__": "__snippet__"})
    finally:
        os.environ.clear()
        os.environ.update(saved)
