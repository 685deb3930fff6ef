"""Where the time and memory of one report go, against the floor of a trivial notebook.

Run from the workspace after `bash scripts/setup.sh` (the demo must be imported), or name
another workspace (e.g. one kept by ``bench/long_store.py --keep``):

    .venv/bin/python bench/report_phases.py [--runs 5] [--client demo --period 2026-10]
                                            [--workspace PATH]

Prints medians of several runs, in fresh processes where the phase starts one, and each
figure as a ratio to the floor measured in the same run: a trivial one-cell notebook
through the kit's own execute and render path (papermill, then nbconvert), started from
a fresh Python process as the command line is. Beside each phase, the peak resident memory
of its process once the phase is done (``ru_maxrss``, the largest of the process and its
waited-for children: the kernel, the text analysis workers), the largest over the runs.
Phases marked "in process" follow one another in one fresh process, so their peak is
the process's high-water mark after that phase.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import floor

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

# Prints "<phase>\t<seconds>\t<peak KiB>" for a phase that has just ended.
MARK = """
import resource, time
def mark(name, started, now=None):
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    now = now or time.perf_counter()
    print(f"{name}\\t{now - started}\\t{peak}", flush=True)
    return now
"""

FLOOR = (MARK + "started = time.perf_counter()\n" + floor.SCRIPT
         + "mark('floor: trivial notebook, execute + HTML (fresh process)', started)\n")

COMMAND = MARK + """
import subprocess, sys
started = time.perf_counter()
subprocess.run(sys.argv[1:], capture_output=True, check=True)
mark("report from the command line (wall)", started)
"""

KERNEL = MARK + """
from jupyter_client.manager import start_new_kernel
started = time.perf_counter()
km, kc = start_new_kernel(kernel_name="python3")
ready = time.perf_counter()
kc.stop_channels(); km.shutdown_kernel(now=True)
mark("kernel start", started, ready)
"""

DATASET = MARK + """
import sys
from communitykit.paths import Workspace
handle = Workspace.find().client(sys.argv[1])
started = time.perf_counter()
handle.dataset()
mark("store read + dataset (fresh process, package imported)", started)
"""

REVIEW = MARK + """
import sys
started = first = time.perf_counter()
from communitykit.report.review import Review
started = mark("  in process: import package", started)
review = Review.open(sys.argv[1], sys.argv[2])
started = mark("  in process: Review.open (store read, dataset, figures)", started)
review.metrics_document()
mark("  in process: metrics.json document", started)
mark("import package + load store + metrics (fresh process)", first)
started = time.perf_counter()
for name in ("title", "summary", "goals", "responsiveness", "presence", "health", "listening",
             "rules", "voices", "reach", "appendix"):
    str(getattr(review, name)())
mark("sections: tables and charts", started)
"""

HTML = MARK + """
import sys
from pathlib import Path
from communitykit.run.publish import to_html
started = time.perf_counter()
to_html(Path(sys.argv[1]), "bench", "now")
mark("HTML rendering (nbconvert)", started)
"""


def marks(workspace: Path, code: str, *args: str) -> list[tuple[str, float, float]]:
    """Run ``code`` in a fresh process; its phases as (name, seconds, peak MiB)."""
    env = {**os.environ, "COMMUNITYKIT_HOME": str(workspace)}
    out = subprocess.run([PYTHON, "-c", code, *args], capture_output=True, text=True,
                         check=True, cwd=workspace, env=env)
    rows = [line.split("\t") for line in out.stdout.splitlines() if line.count("\t") == 2]
    return [(name, float(seconds), int(kib) / 1024) for name, seconds, kib in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--client", default="demo")
    parser.add_argument("--period", default="2026-10")
    parser.add_argument("--workspace", type=Path, default=ROOT)
    args = parser.parse_args()
    ws = args.workspace.resolve()
    cli = str(Path(PYTHON).with_name("communitykit"))
    report = ws / "reports" / args.client / args.period / "report.ipynb"
    scripts = [
        (FLOOR,), (COMMAND, cli, "report", args.client, "--period", args.period), (KERNEL,),
        (DATASET, args.client), (REVIEW, args.client, args.period), (HTML, str(report)),
    ]
    samples: dict[str, list[tuple[float, float]]] = {}
    for code, *argv in scripts:
        for _ in range(args.runs):
            for name, seconds, peak in marks(ws, code, *argv):
                samples.setdefault(name, []).append((seconds, peak))
    results = {name: {"median_s": round(statistics.median(s[0] for s in runs), 3),
                      "samples_s": [round(s[0], 3) for s in runs],
                      "peak_mib": round(max(s[1] for s in runs), 1)}
               for name, runs in samples.items()}
    floor_s = float(next(iter(results.values()))["median_s"])  # type: ignore[arg-type]
    width = max(len(n) for n in results)
    print(f"{'phase':<{width}}  median s  x floor  peak MiB")
    for name, r in results.items():
        median = float(r["median_s"])  # type: ignore[arg-type]
        print(f"{name:<{width}}  {median:8.2f}  {median / floor_s:7.2f}  "
              f"{float(r['peak_mib']):8.0f}")  # type: ignore[arg-type]
    out = Path(tempfile.gettempdir()) / "communitykit-report-phases.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"results: {out}")


if __name__ == "__main__":
    main()
