"""How the kit scales: import and report of synthetic clients, against the floor.

    .venv/bin/python bench/scale.py [--runs 3] [--sizes 100k,1m,5m] [--batches 20,50] [--quick]

One run builds a temporary workspace (never committed) with the demo client and synthetic
clients (``bench/synth.py``: N messages over the reported month and the previous one,
imported from generic CSV files), then measures, each in a fresh process from the command
line (no report folder, a new kernel):

- the floor: a trivial one-cell notebook through the kit's own execute and render path;
- the demo report (October 2026), its cache removed;
- per size: ``communitykit import`` of the exports into an empty store (the import analyses
  the texts), and ``communitykit report`` of the month right after it (the client's cache
  as the import left it, ``data/<client>/cache``), and again with the cache removed (every
  text of the window analysed, as after a change of the analysers);
- batches of small clients: a sequential loop of ``communitykit report`` (the baseline),
  and ``communitykit report --all`` when the command line has it.

Prints medians of ``--runs`` runs, the peak resident memory of the largest process
(``ru_maxrss`` of the waited-for children, kernel included) and each median as a ratio to
the floor; writes ``bench/results/scale-<stamp>.json`` and ``.md``, and the table with the
machine and the floor into docs/performance.md (``docs_block``; ``--no-docs`` skips it).
``--quick`` is a smoke run (one tiny client, one run) that keeps the script from rotting; it
writes no docs unless ``--docs`` names a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import docs_block
import floor
import synth

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CLI = str(Path(PYTHON).with_name("communitykit"))
RESULTS = ROOT / "bench" / "results"
SMALL_CLIENT = 3_000  # messages of each client in a batch

FLOOR = floor.SCRIPT

# Runs a command, then prints its wall time and the peak RSS of the largest process.
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - started
if done.returncode:
    sys.stderr.write(done.stdout[-2000:] + done.stderr[-4000:])
    sys.exit(done.returncode)
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def label(size: int) -> str:
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size // 1_000}k" \
        if size % 1_000 == 0 else str(size)


class Bench:
    """A temporary workspace and the measurements taken in it."""

    def __init__(self, workspace: Path, runs: int) -> None:
        self.ws = workspace
        self.runs = runs
        self.env = {**os.environ, "COMMUNITYKIT_HOME": str(workspace)}
        self.results: dict[str, dict[str, object]] = {}
        self.loads: list[float] = []  # 1-minute load average before each measurement

    def measure(self, argv: list[str], env: dict[str, str] | None = None
                ) -> tuple[float, float]:
        """Wall seconds and peak MiB of one fresh run of ``argv`` (``env``: variables to
        set for it)."""
        self.loads.append(os.getloadavg()[0])
        out = subprocess.run([PYTHON, "-c", MEASURE, *argv], capture_output=True, text=True,
                             cwd=self.ws, env={**self.env, **(env or {})})
        if out.returncode:
            raise SystemExit(f"failed: {' '.join(argv)}\n{out.stderr}")
        wall, rss_kib = out.stdout.split()
        return float(wall), int(rss_kib) / 1024

    def record(self, name: str, samples: list[tuple[float, float]], **extra: object) -> None:
        walls = [s[0] for s in samples]
        self.results[name] = {
            "median_s": round(statistics.median(walls), 3),
            "samples_s": [round(w, 3) for w in walls],
            "peak_mib": round(max(s[1] for s in samples), 1),
            **extra,
        }
        print(f"  {name}: {self.results[name]['median_s']:.2f} s, "
              f"{self.results[name]['peak_mib']:.0f} MiB", flush=True)

    def repeat(self, name: str, argv: list[str], before: object = None) -> None:
        samples = []
        for _ in range(self.runs):
            if callable(before):
                before()
            samples.append(self.measure(argv))
        self.record(name, samples)

    def clean_reports(self, client: str) -> None:
        shutil.rmtree(self.ws / "reports" / client, ignore_errors=True)

    def clean_store(self, client: str) -> None:
        shutil.rmtree(self.ws / "data" / client, ignore_errors=True)

    def clean_memo(self, client: str) -> None:
        """Forget the text annotations kept by earlier reports (``listening.memo``)."""
        shutil.rmtree(self.ws / "data" / client / "cache", ignore_errors=True)

    def cold(self, client: str) -> None:
        self.clean_reports(client)
        self.clean_memo(client)

    def report_argv(self, client: str) -> list[str]:
        return [CLI, "report", client, "--period", synth.PERIOD]

    def floor(self) -> None:
        self.repeat("floor: trivial notebook, execute + HTML", [PYTHON, "-c", FLOOR])

    def demo(self) -> None:
        folder = self.ws / "playbooks" / "demo"
        shutil.copytree(ROOT / "playbooks" / "demo", folder,
                        ignore=shutil.ignore_patterns("exports"))
        subprocess.run([CLI, "demo"], cwd=self.ws, env=self.env, check=True,
                       capture_output=True)
        self.repeat("demo report (2026-10)", self.report_argv("demo"),
                    lambda: self.cold("demo"))

    def size(self, size: int, cache_removed: bool = True) -> None:
        client = f"scale-{label(size).lower()}"
        synth.add_client(self.ws, client, size)
        exports = str(self.ws / "playbooks" / client / "exports")
        self.repeat(f"import {label(size)} messages", [CLI, "import", client, exports],
                    lambda: self.clean_store(client))
        self.repeat(f"report {label(size)} messages, after the import",
                    self.report_argv(client), lambda: self.clean_reports(client))
        if cache_removed:
            self.repeat(f"report {label(size)} messages, cache removed (every text analysed)",
                        self.report_argv(client), lambda: self.cold(client))

    def batch(self, count: int) -> None:
        clients = [f"batch-{i:02d}" for i in range(count)]
        for number, client in enumerate(clients):
            if not (self.ws / "data" / client).exists():
                synth.add_client(self.ws, client, SMALL_CLIENT, seed=100 + number)
                subprocess.run([CLI, "import", client], cwd=self.ws, env=self.env,
                               check=True, capture_output=True)
        loop = "; ".join(f"{CLI} report {c} --period {synth.PERIOD} >/dev/null || exit 1"
                         for c in clients)
        self.repeat(f"batch of {count}: sequential `report` loop", ["bash", "-c", loop],
                    lambda: [self.cold(c) for c in clients])
        if has_report_all():
            self.repeat(f"batch of {count}: `report --all`",
                        [CLI, "report", "--all", "--period", synth.PERIOD],
                        lambda: [self.cold(c) for c in clients])
        else:
            self.results[f"batch of {count}: `report --all`"] = {
                "note": "skipped: this communitykit has no `report --all` yet"}
            print(f"  batch of {count}: `report --all` skipped (not in this communitykit)")


def has_report_all() -> bool:
    helptext = subprocess.run([CLI, "report", "--help"], capture_output=True, text=True).stdout
    return "--all" in helptext


def table(results: dict[str, dict[str, object]], floor: float) -> str:
    lines = ["| measurement | median s | × floor | peak MiB | runs (s) |",
             "|---|---:|---:|---:|---|"]
    for name, r in results.items():
        if "median_s" not in r:
            lines.append(f"| {name} | – | – | – | {r.get('note', '')} |")
            continue
        median = float(r["median_s"])  # type: ignore[arg-type]
        samples = ", ".join(f"{s:.2f}" for s in r["samples_s"])  # type: ignore[attr-defined]
        lines.append(f"| {name} | {median:.2f} | {median / floor:.2f} | "
                     f"{float(r['peak_mib']):.0f} | {samples} |")  # type: ignore[arg-type]
    return "\n".join(lines)


def add_docs_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-docs", action="store_true",
                        help="do not write the results into docs/performance.md")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the Markdown file to write the results into "
                             "(default docs/performance.md; none with --quick)")


def write_docs(args: argparse.Namespace, script: str, markdown: str, stamp: str) -> None:
    """The results block of ``script`` in the docs (see ``add_docs_options``)."""
    target = None if args.no_docs else args.docs or (None if args.quick else docs_block.DOCS)
    if target is None:
        return
    command = " ".join(["bench/" + script, *sys.argv[1:]])
    when = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%d %H:%M UTC")
    docs_block.write_block(script, f"`{command}`, {when}.\n\n{markdown}", target)
    print(f"docs: {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="100k,1m,5m", help="comma-separated, e.g. 100k,1m")
    parser.add_argument("--batches", default="20,50", help="clients per batch; '' for none")
    parser.add_argument("--batch-runs", type=int, default=1, help="runs of each batch")
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--no-cache-removed", action="store_true",
                        help="skip the reports with the client's cache removed")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: one run of a 500-message client, no demo, no batch")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    add_docs_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.sizes, args.batches, args.no_demo = 1, "500", "", True
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    batches = [int(b) for b in args.batches.split(",") if b.strip()]

    workspace = Path(tempfile.mkdtemp(prefix="communitykit-scale-"))
    batches_ws = workspace
    synth.make_workspace(workspace)
    bench = Bench(workspace, args.runs)
    batch_bench = Bench(batches_ws, 1 if args.quick else args.batch_runs)
    print(f"workspace: {workspace}", flush=True)
    try:
        bench.floor()
        if not args.no_demo:
            bench.demo()
        for size in sizes:
            bench.size(size, cache_removed=not args.no_cache_removed)
        # Batches get a workspace of their own: ``report --all`` renders every client.
        batches_ws = Path(tempfile.mkdtemp(prefix="communitykit-batches-"))
        synth.make_workspace(batches_ws)
        batch_bench = Bench(batches_ws, 1 if args.quick else args.batch_runs)
        batch_bench.results = bench.results
        for count in batches:
            batch_bench.batch(count)
    finally:
        if not args.keep:
            shutil.rmtree(workspace, ignore_errors=True)
            shutil.rmtree(batches_ws, ignore_errors=True)

    floor = float(next(iter(bench.results.values()))["median_s"])  # type: ignore[arg-type]
    about = docs_block.machine()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    about_run = (docs_block.machine_line(about, bench.loads + batch_bench.loads)
                 + f" Medians of {args.runs} runs; floor {floor:.2f} s.")
    markdown = textwrap.fill(about_run, 92) + "\n\n" + table(bench.results, floor) + "\n"
    print("\n" + markdown)
    args.out.mkdir(parents=True, exist_ok=True)
    document = {"machine": about, "runs": args.runs, "when": stamp, "results": bench.results,
                "load_average": bench.loads + batch_bench.loads}
    (args.out / f"scale-{stamp}.json").write_text(json.dumps(document, indent=1))
    (args.out / f"scale-{stamp}.md").write_text(markdown)
    print(f"results: {args.out / f'scale-{stamp}.json'}")
    write_docs(args, "scale.py", markdown, stamp)


if __name__ == "__main__":
    main()
