"""Does a report's time grow with the store's length? One month reported from longer stores.

    .venv/bin/python bench/long_store.py [--per-month 50k] [--months 2,6,12,24] [--runs 3]
                                         [--quick] [--no-docs]

For each length, a synthetic client (``bench/synth.py``) holds ``--per-month`` messages a
month over that many months, ending with the reported month (October 2026), so the month
reported is about the same size in every store; only the history before it grows. Each
client is imported once (timed; the import analyses the texts and keeps each month's facts),
then its last month is reported cold from the command line (a fresh process, no report
folder, a new kernel; the client's cache as the import left it), ``--runs`` times, each run
after a run of the floor (``bench/floor.py``), so every store's ratio is to the floor
measured beside it. ``--baseline LIB`` also reports each store with the library folder
``LIB`` (e.g. an older commit's ``lib``, from ``git archive``) on ``PYTHONPATH``, right after
the current library in each run. Prints medians, the peak resident memory of the largest
process and the ratios to the floor and to the shortest store; writes
``bench/results/long-store-<stamp>.json`` and ``.md`` and the table into
docs/performance.md (``--no-docs`` skips it). ``--quick`` is a smoke run (tiny clients, one
run, no docs unless ``--docs`` names a file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import tempfile
import textwrap
from pathlib import Path

import docs_block
import pandas as pd
import scale
import synth


def month_messages(exports: Path) -> int:
    """Messages of the client's exports in the reported month (``synth.PERIOD``)."""
    start = synth.first_instant(1).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    end = synth.LAST.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    total = 0
    for name in ("ig_comments.csv", "discord_messages.csv"):
        times = pd.read_csv(exports / name, usecols=["time"], dtype=str)["time"]
        total += int(((times >= start) & (times < end)).sum())
    return total


def measure_store(bench: scale.Bench, months: int, per_month: int,
                  baseline: Path | None = None) -> dict[str, object]:
    """Import a client of ``months`` months, then report its last month with the floor."""
    client = f"long-{months}m"
    size = per_month * months
    synth.add_client(bench.ws, client, size, months=months)
    exports = bench.ws / "playbooks" / client / "exports"
    in_month = month_messages(exports)
    print(f"{months} months: {size} messages, {in_month} in {synth.PERIOD}", flush=True)
    imported = bench.measure([scale.CLI, "import", client, str(exports)])
    floors, reports, before = [], [], []
    for _ in range(bench.runs):
        floors.append(bench.measure([scale.PYTHON, "-c", scale.FLOOR]))
        bench.clean_reports(client)
        reports.append(bench.measure(bench.report_argv(client)))
        if baseline is not None:
            bench.clean_reports(client)
            before.append(bench.measure(bench.report_argv(client), {"PYTHONPATH": str(baseline)}))
    walls = [r[0] for r in reports]
    result: dict[str, object] = {
        "months": months, "messages": size, "messages_in_month": in_month,
        "import_s": round(imported[0], 3), "import_peak_mib": round(imported[1], 1),
        "report_s": round(statistics.median(walls), 3),
        "report_samples_s": [round(w, 3) for w in walls],
        "report_peak_mib": round(max(r[1] for r in reports), 1),
        "floor_s": round(statistics.median(f[0] for f in floors), 3),
        "floor_samples_s": [round(f[0], 3) for f in floors],
    }
    if before:
        result.update({
            "baseline_s": round(statistics.median(b[0] for b in before), 3),
            "baseline_samples_s": [round(b[0], 3) for b in before],
            "baseline_peak_mib": round(max(b[1] for b in before), 1)})
    print(f"  import {imported[0]:.2f} s, report {result['report_s']:.2f} s "
          f"(floor {result['floor_s']:.2f} s), {result['report_peak_mib']:.0f} MiB", flush=True)
    return result


def table(rows: list[dict[str, object]]) -> str:
    """The Markdown table: ratios to the floor beside each store and to the first store."""
    first = rows[0]
    first_ratio = float(first["report_s"]) / float(first["floor_s"])  # type: ignore[arg-type]
    compared = "baseline_s" in first
    lines = [f"| months in store | messages (in {synth.PERIOD}) | import s | import MiB "
             f"| report s (runs) | floor s | report / floor | × {first['months']} months "
             "| report peak MiB |" + (" baseline s (runs) | report / baseline | baseline peak "
                                     "MiB |" if compared else ""),
             "|---:|---:|---:|---:|---|---:|---:|---:|---:|" + ("---|---:|---:|" if compared
                                                               else "")]
    for r in rows:
        ratio = float(r["report_s"]) / float(r["floor_s"])  # type: ignore[arg-type]
        runs = ", ".join(f"{s:.2f}" for s in r["report_samples_s"])  # type: ignore[attr-defined]
        lines.append(
            f"| {r['months']} | {r['messages']:,} ({r['messages_in_month']:,}) "
            f"| {r['import_s']:.2f} | {r['import_peak_mib']:.0f} "
            f"| {r['report_s']:.2f} ({runs}) | {r['floor_s']:.2f} | {ratio:.2f} "
            f"| {ratio / first_ratio:.2f} | {r['report_peak_mib']:.0f} |"
            + (_baseline_cells(r) if compared else ""))
    return "\n".join(lines)


def _baseline_cells(r: dict[str, object]) -> str:
    runs = ", ".join(f"{s:.2f}" for s in r["baseline_samples_s"])  # type: ignore[attr-defined]
    ratio = float(r["report_s"]) / float(r["baseline_s"])  # type: ignore[arg-type]
    return f" {r['baseline_s']:.2f} ({runs}) | {ratio:.2f} | {r['baseline_peak_mib']:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-month", default="50k", help="messages a month, e.g. 50k, 1m")
    parser.add_argument("--months", default="2,6,12,24", help="store lengths, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 300 messages a month, stores of 2 and 3 months, 1 run")
    parser.add_argument("--out", type=Path, default=scale.RESULTS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    parser.add_argument("--baseline", type=Path, help="a library folder to report with too "
                        "(on PYTHONPATH), e.g. an older commit's lib from git archive")
    scale.add_docs_options(parser)
    args = parser.parse_args()
    if args.quick:
        args.per_month, args.months, args.runs = "300", "2,3", 1
    per_month = scale.parse_size(args.per_month)
    lengths = sorted(int(m) for m in args.months.split(",") if m.strip())

    workspace = Path(tempfile.mkdtemp(prefix="communitykit-long-store-"))
    synth.make_workspace(workspace)
    bench = scale.Bench(workspace, args.runs)
    print(f"workspace: {workspace}", flush=True)
    try:
        rows = [measure_store(bench, months, per_month, args.baseline) for months in lengths]
    finally:
        if not args.keep:
            shutil.rmtree(workspace, ignore_errors=True)

    about = docs_block.machine()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    floors = [f for r in rows for f in r["floor_samples_s"]]  # type: ignore[attr-defined]
    runs = "one run" if args.runs == 1 else f"medians of {args.runs} runs"
    about_run = (docs_block.machine_line(about, bench.loads)
                 + f" {per_month:,} messages a month; the report of {synth.PERIOD}, cold, "
                 f"{runs}, each after a run of the floor (median {statistics.median(floors):.2f}"
                 " s over the run); import one run."
                 + (f" Baseline: the library at {args.baseline}, reported right after the "
                    "current one in each run." if args.baseline else ""))
    markdown = textwrap.fill(about_run, 92) + "\n\n" + table(rows) + "\n"
    print("\n" + markdown)
    args.out.mkdir(parents=True, exist_ok=True)
    document = {"machine": about, "runs": args.runs, "per_month": per_month, "when": stamp,
                "load_average": bench.loads, "stores": rows}
    (args.out / f"long-store-{stamp}.json").write_text(json.dumps(document, indent=1))
    (args.out / f"long-store-{stamp}.md").write_text(markdown)
    print(f"results: {args.out / f'long-store-{stamp}.json'}")
    scale.write_docs(args, "long_store.py", markdown, stamp)


if __name__ == "__main__":
    main()
