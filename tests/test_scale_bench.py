"""The scale and long-store benches run end to end on tiny clients (timings are not
checked)."""

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
    assert {"import 500 messages", "report 500 messages, after the import",
            "report 500 messages, cache removed (every text analysed)"} <= set(names)
    assert all(r["median_s"] > 0 and r["peak_mib"] > 0 for r in document["results"].values())
    assert document["machine"]["nproc"] >= 1
    assert "| measurement |" in next(tmp_path.glob("scale-*.md")).read_text()
    assert "Machine:" in next(tmp_path.glob("scale-*.md")).read_text()


def test_long_store_bench_quick_run_writes_results_and_docs(tmp_path: Path) -> None:
    docs = tmp_path / "performance.md"
    docs.write_text("# Performance\n\nHand-written.\n")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "long_store.py"), "--quick", "--out", str(tmp_path),
         "--docs", str(docs)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    (result,) = tmp_path.glob("long-store-*.json")
    document = json.loads(result.read_text())
    stores = document["stores"]
    assert [s["months"] for s in stores] == [2, 3]
    assert [s["messages"] for s in stores] == [600, 900]
    assert all(s["report_s"] > 0 and s["floor_s"] > 0 and s["report_peak_mib"] > 0
               and 0 < s["messages_in_month"] < 400 for s in stores)
    text = docs.read_text()
    assert text.startswith("# Performance\n\nHand-written.\n")
    block = text[text.index("<!-- BEGIN bench/long_store.py -->"):]
    assert "| months in store |" in block and "<!-- END bench/long_store.py -->" in block
    assert "Machine:" in block and "floor" in block
