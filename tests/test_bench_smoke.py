"""The benchmark script stays runnable (small sizes; its numbers are not asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_quick_run_reports_every_benchmark():
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert {row["id"] for row in rows} == {"B1 c=1", "B1 c=8", "B2", "B3 tasks", "B3 run", "B4", "B5", "B6", "B7",
                                             "B8", "B9", "B10", "B11", "B12", "B13"}
    assert all(row["ours"] is not None and row["measure"] is not None for row in rows)


def test_b13_retention_reads_pages_of_100_and_deletes_each_tag_that_goes_once():
    """B13 at 1,000 tags, in this process: 10 list calls and exactly one DELETE per tag that goes."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from retention_bench import b13, expected_deletes
    finally:
        sys.path.remove(str(ROOT / "bench"))
    row = b13(1000)
    assert row["met"], row
    assert f"(10 list calls, {expected_deletes(1000)} deletes for {expected_deletes(1000)} tags that go)" in row["what"]
