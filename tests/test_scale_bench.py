"""The scale bench runs end to end on a tiny client (timings are not checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_scale_bench_quick_run_writes_results(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scale.py"), "--quick", "--out", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    (result,) = tmp_path.glob("scale-*.json")
    document = json.loads(result.read_text())
    names = list(document["results"])
    assert names[0].startswith("floor")
    assert {"import 500 messages", "report 500 messages"} <= set(names)
    assert all(r["median_s"] > 0 and r["peak_mib"] > 0 for r in document["results"].values())
    assert document["machine"]["nproc"] >= 1
    assert "| measurement |" in next(tmp_path.glob("scale-*.md")).read_text()
