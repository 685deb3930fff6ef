"""Where the time of one report goes, against the floor of a trivial notebook.

Run from the workspace after `bash scripts/setup.sh` (the demo must be imported):

    .venv/bin/python bench/report_phases.py [--runs 5] [--client demo --period 2026-10]

Prints medians of several runs, in fresh processes where the phase starts one, and each
figure as a ratio to the floor measured in the same run: a trivial one-cell notebook
through the kit's own execute and render path (papermill, then nbconvert), started from
a fresh Python process as the command line is.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import floor

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

FLOOR = ("import time\nstarted = time.perf_counter()\n" + floor.SCRIPT
         + "print(time.perf_counter() - started)\n")

KERNEL = """
import time
from jupyter_client.manager import start_new_kernel
started = time.perf_counter()
km, kc = start_new_kernel(kernel_name="python3")
ready = time.perf_counter() - started
kc.stop_channels(); km.shutdown_kernel(now=True)
print(ready)
"""

METRICS = """
import sys, time
started = time.perf_counter()
from communitykit.report.review import Review
review = Review.open(sys.argv[1], sys.argv[2])
review.metrics_document()
print(time.perf_counter() - started)
"""

SECTIONS = """
import sys, time
from communitykit.report.review import Review
review = Review.open(sys.argv[1], sys.argv[2])
started = time.perf_counter()
for name in ("title", "summary", "goals", "responsiveness", "presence", "health", "reach",
             "appendix"):
    str(getattr(review, name)())
print(time.perf_counter() - started)
"""

HTML = """
import sys, time
from pathlib import Path
from communitykit.run.publish import to_html
started = time.perf_counter()
to_html(Path(sys.argv[1]), "bench", "now")
print(time.perf_counter() - started)
"""


def timed_python(code: str, *args: str) -> float:
    out = subprocess.run([PYTHON, "-c", code, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def timed_command(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--client", default="demo")
    parser.add_argument("--period", default="2026-10")
    args = parser.parse_args()
    cli = str(Path(PYTHON).with_name("communitykit"))
    report = ROOT / "reports" / args.client / args.period / "report.ipynb"
    phases = {
        "floor: trivial notebook, execute + HTML (fresh process)": lambda: timed_python(FLOOR),
        "report from the command line (wall)": lambda: timed_command(
            [cli, "report", args.client, "--period", args.period]),
        "kernel start": lambda: timed_python(KERNEL),
        "import package + load store + metrics (fresh process)": lambda: timed_python(
            METRICS, args.client, args.period),
        "sections: tables and charts": lambda: timed_python(SECTIONS, args.client, args.period),
        "HTML rendering (nbconvert)": lambda: timed_python(HTML, str(report)),
    }
    results = {}
    for name, run in phases.items():
        samples = [run() for _ in range(args.runs)]
        results[name] = {"median_s": round(statistics.median(samples), 3),
                         "samples_s": [round(s, 3) for s in samples]}
    floor = results[next(iter(phases))]["median_s"]
    width = max(len(n) for n in results)
    print(f"{'phase':<{width}}  median s  x floor")
    for name, r in results.items():
        print(f"{name:<{width}}  {r['median_s']:8.2f}  {r['median_s'] / floor:7.2f}")
    out = Path(tempfile.gettempdir()) / "communitykit-report-phases.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"results: {out}")


if __name__ == "__main__":
    main()
