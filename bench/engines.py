"""Which engine should compute the report's figures: pandas, DuckDB, Polars or Arrow, measured.

    .venv/bin/python bench/engines.py [--sizes 100k,1m,5m] [--runs 5] [--months 2] [--quick]

Per size, a synthetic client (``bench/synth.py``) is imported with the kit into a temporary
workspace, so the data is the kit's real store (messages cut by month). Then, each in a
fresh process:

- ``kit``: ``Dataset.from_store`` and the kit's own ``health.compute`` and
  ``responsiveness.compute`` for 2026-10, as a report does today (``--kit-runs`` runs). Its
  first run also writes the prepared message columns (``PREPARED``) as the store does, one
  Parquet file per UTC month, so every engine reads the same files: the bench measures the
  figure engine, not the preparation (roles, rules, first answers);
- ``pandas``, ``duckdb``, ``polars``, ``arrow``: the same figures over those files
  (``engine_figures``), ``--runs`` runs each, read and computed every run.

Every engine's figures must equal the kit's (hours rounded by the kit's rule); the bench
stops otherwise. Printed and written to ``bench/results/engines-<stamp>.md`` and ``.json``:
median wall time, the peak resident set of the process and its growth over the imports
(``ru_maxrss``), and the import time of each engine in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import engine_figures

# The workers import only their engine: the driver's modules (synth, scale) import pandas.
PYTHON = sys.executable
PERIOD = "2026-10"  # synth.PERIOD, the reported month

HERE = Path(__file__).resolve().parent
PREPARED = ["platform", "author_id", "created_at", "is_member", "excluded", "parent_id",
            "message_id", "inbound", "team_answer_at", "is_team"]
ENGINES = ["kit", *engine_figures.ENGINES]
HOURS = ("median_h", "p90_h", "mean_h")


def rss_mib() -> float:
    """The process's peak resident set so far (MiB): ``VmHWM``, which starts anew at exec,
    where ``ru_maxrss`` keeps the peak of the process that forked it (the driver's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- workers (each in a fresh process) -----------------------------------------------------
def period_bounds(tz: Any) -> dict[str, Any]:
    from communitykit import periods

    period = periods.parse(PERIOD)
    start, end = period.utc_bounds(tz)
    previous_start, _ = period.previous().utc_bounds(tz)
    return {"start": start, "end": end, "previous_start": previous_start}


def kit_worker(args: argparse.Namespace) -> dict[str, Any]:
    from communitykit import partitions
    from communitykit.dataset import Dataset
    from communitykit.metrics import health, responsiveness
    from communitykit.paths import Workspace

    imported = rss_mib()
    client = Workspace(args.workspace).client(args.client)
    playbook = client.playbook
    b = period_bounds(playbook.tz)
    walls: list[float] = []
    builds: list[float] = []
    for run in range(args.runs):
        started = time.perf_counter()
        data = Dataset.from_store(client.store, playbook)
        built = time.perf_counter()
        h = health.compute(data, b["start"], b["end"], b["previous_start"])
        r = responsiveness.compute(data, b["start"], b["end"], b["previous_start"])
        walls.append(time.perf_counter() - built)
        builds.append(built - started)
        if run == 0:
            figures = kit_figures(h, r)
            if args.prepare:
                partitions.write(data.messages[PREPARED], Path(args.prepare))
        del data
    return {"figures": figures, "walls": walls, "builds": builds, "rss_imported": imported,
            "rss_peak": rss_mib(), "bounds": {k: v.isoformat() for k, v in b.items()}}


def kit_figures(h: Any, r: Any) -> dict[str, Any]:
    """The kit's figures in the engines' shape (hours already rounded by the kit)."""
    if r.channels_without_team or r.answered != r.answered_by_team:
        raise SystemExit("the synthetic client has a channel without the team: the "
                         "engines' subset does not cover that rule")

    def hours(row: dict[str, Any]) -> dict[str, Any]:
        return {f"{x}_h": row[f"first_response_calendar_{x}_hours"]
                for x in ("median", "p90", "mean")}

    rows = {p: {"inbound": v["inbound"], "answered": v["answered"], **hours(v)}
            for p, v in r.by_platform.items()}
    threaded = rows[engine_figures.THREADED]
    return {
        "health": {"active_members": h.active_members, "new_members": h.new_members,
                   "returning_members": h.returning_members,
                   "previous_active_members": h.previous_active_members,
                   "by_platform": dict(h.by_platform)},
        "responsiveness": {"inbound": r.inbound, "answered": r.answered, **hours(vars(r))},
        "by_platform": rows,
        "thread": {"answered": threaded["answered"], **{k: threaded[k] for k in HOURS}},
    }


def engine_worker(args: argparse.Namespace) -> dict[str, Any]:
    exec(engine_figures.IMPORTS[args.worker])  # the engine's own imports, counted apart
    imported = rss_mib()
    b = {k: dt.datetime.fromisoformat(v) for k, v in json.loads(args.bounds).items()}
    compute = engine_figures.ENGINES[args.worker]
    walls = []
    for _ in range(args.runs):
        started = time.perf_counter()
        figures = compute(Path(args.prepare), b)
        walls.append(time.perf_counter() - started)
    return {"figures": figures, "walls": walls, "rss_imported": imported, "rss_peak": rss_mib()}


# ---- the driver -----------------------------------------------------------------------------
def run_worker(argv: list[str]) -> dict[str, Any]:
    out = subprocess.run([PYTHON, str(HERE / "engines.py"), *argv], capture_output=True,
                         text=True)
    if out.returncode:
        raise SystemExit(f"worker failed: {argv}\n{out.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def rounded_figures(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` with every hour figure rounded by the kit's rule (``metrics.stats``)."""
    from communitykit.metrics.stats import rounded

    def fix(row: dict[str, Any]) -> dict[str, Any]:
        return {k: (None if v is None else rounded(v, 2)) if k in HOURS else v
                for k, v in row.items()}

    return {"health": raw["health"], "responsiveness": fix(raw["responsiveness"]),
            "by_platform": {p: fix(v) for p, v in sorted(raw["by_platform"].items())},
            "thread": fix(raw["thread"])}


def import_seconds(runs: int) -> dict[str, float]:
    """Median wall time of a fresh ``python -c "<imports>"`` less that of ``python -c pass``."""
    def timed(code: str) -> float:
        walls = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([PYTHON, "-c", code], check=True)
            walls.append(time.perf_counter() - started)
        return statistics.median(walls)

    bare = timed("pass")
    return {name: round(timed(code) - bare, 3) for name, code in
            engine_figures.IMPORTS.items()} | {"python -c pass": round(bare, 3)}


# The kit's import of the exports into the store (the command line's, less the text
# annotations it adds at import: the figures here read none).
IMPORT = """
import sys
from pathlib import Path
from communitykit.ingest import import_exports
from communitykit.paths import Workspace
client = Workspace(Path(sys.argv[1])).client(sys.argv[2])
with client.lock("import"):
    import_exports(client.store, client.playbook, [client.folder / "exports"], None, str)
"""


def measure_size(size: int, args: argparse.Namespace, loads: list[float]) -> dict[str, Any]:
    """Import a synthetic client of ``size`` messages, then run the kit once (it writes the
    prepared files) and every engine in ``args.rounds`` interleaved rounds."""
    import synth
    from scale import label

    workspace = Path(tempfile.mkdtemp(prefix="communitykit-engines-"))
    client = f"engines-{label(size).lower()}"
    prepared = workspace / "prepared" / "messages"
    try:
        synth.make_workspace(workspace)
        synth.add_client(workspace, client, size, months=args.months)
        subprocess.run([PYTHON, "-c", IMPORT, str(workspace), client], check=True,
                       capture_output=True)
        results: dict[str, Any] = {}
        for round_ in range(args.rounds):
            for engine in ENGINES:
                if engine not in args.engines or (engine == "kit" and round_):
                    continue
                loads.append(os.getloadavg()[0])
                if engine == "kit":
                    argv = ["--worker", "kit", "--workspace", str(workspace), "--client",
                            client, "--prepare", str(prepared), "--runs", str(args.kit_runs)]
                else:
                    argv = ["--worker", engine, "--prepare", str(prepared), "--runs",
                            str(args.runs), "--bounds", json.dumps(results["kit"]["bounds"])]
                result = run_worker(argv)
                held = results.setdefault(engine, result)
                if held is not result:  # a later round: its runs join the first's
                    held["walls"] += result["walls"]
                    held["rss_peak"] = max(held["rss_peak"], result["rss_peak"])
                    held["rss_imported"] = max(held["rss_imported"], result["rss_imported"])
                    if rounded_figures(result["figures"]) != rounded_figures(held["figures"]):
                        raise SystemExit(f"{engine} gave other figures in round {round_ + 1}")
                print(f"  {label(size)} {engine}: "
                      f"{statistics.median(result['walls']):.3f} s, "
                      f"{result['rss_peak']:.0f} MiB", flush=True)
        stored = sum(p.stat().st_size for p in prepared.glob("*.parquet"))
        results["prepared_mib"] = round(stored / 2**20, 1)
        return results
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def check(results: dict[str, Any]) -> dict[str, Any]:
    """Each engine's figures against the kit's (stops on a difference); the largest raw
    difference in hours against pandas, before rounding."""
    reference = results["kit"]["figures"]
    differences: dict[str, Any] = {}
    for engine in engine_figures.ENGINES:
        if engine not in results:
            continue
        got = rounded_figures(results[engine]["figures"])
        if got != reference:
            raise SystemExit(f"{engine} differs from the kit:\n{json.dumps(got, indent=1)}\n"
                             f"kit:\n{json.dumps(reference, indent=1)}")
        if "pandas" in results:
            differences[engine] = raw_difference(results["pandas"]["figures"],
                                                 results[engine]["figures"])
    return differences


def raw_difference(a: dict[str, Any], b: dict[str, Any]) -> float:
    rows_a = [a["responsiveness"], a["thread"], *a["by_platform"].values()]
    rows_b = [b["responsiveness"], b["thread"], *[b["by_platform"][p] for p in a["by_platform"]]]
    return max((abs(x[k] - y[k]) for x, y in zip(rows_a, rows_b, strict=True) for k in HOURS
                if x[k] is not None), default=0.0)


def table(by_size: dict[str, dict[str, Any]], imports: dict[str, float]) -> str:
    lines = ["| size | engine | figures: median s | × pandas | first run s | runs (s) | "
             "peak MiB | MiB over imports | import s |",
             "|---|---|---:|---:|---:|---|---:|---:|---:|"]
    for size, results in by_size.items():
        base = statistics.median(results["pandas"]["walls"]) if "pandas" in results else None
        for engine in ENGINES:
            if engine not in results:
                continue
            r = results[engine]
            median = statistics.median(r["walls"])
            ratio = f"{median / base:.2f}" if base else "–"
            name = engine
            if engine == "kit":
                name = (f"kit (sections; `Dataset.from_store` "
                        f"{statistics.median(r['builds']):.2f} s)")
            lines.append(f"| {size} | {name} | {median:.3f} | {ratio} | {r['walls'][0]:.3f} | "
                         f"{', '.join(f'{w:.2f}' for w in r['walls'])} | "
                         f"{r['rss_peak']:.0f} | {r['rss_peak'] - r['rss_imported']:.0f} | "
                         f"{imports.get(engine, float('nan')):.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1m")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kit-runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1,
                        help="interleaved rounds of the engines (each of --runs runs)")
    parser.add_argument("--months", type=int, default=2, help="months of history per client")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--quick", action="store_true", help="one run of a 2,000-message client")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    # Worker options (internal).
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--workspace", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    parser.add_argument("--bounds", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker = kit_worker if args.worker == "kit" else engine_worker
        print(json.dumps(worker(args), default=str))
        return
    import docs_block
    import synth
    from scale import label, parse_size

    assert synth.PERIOD == PERIOD
    if args.quick:
        args.sizes, args.runs, args.kit_runs, args.rounds = "2000", 1, 1, 1
    args.engines = [e for e in args.engines.split(",") if e]
    if "kit" not in args.engines:
        args.engines.insert(0, "kit")  # the reference, and the writer of the prepared files

    loads: list[float] = []
    by_size: dict[str, dict[str, Any]] = {}
    differences: dict[str, Any] = {}
    for size in (parse_size(s) for s in args.sizes.split(",") if s.strip()):
        results = measure_size(size, args, loads)
        differences[label(size)] = check(results)
        by_size[label(size)] = results
    imports = import_seconds(max(args.runs, 3))

    about = docs_block.machine()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    sizes_note = ", ".join(f"{s}: {r['prepared_mib']} MiB prepared Parquet"
                           for s, r in by_size.items())
    markdown = (docs_block.machine_line(about, loads)
                + f" Medians of {args.runs * args.rounds} runs ({args.rounds} interleaved "
                f"rounds of {args.runs} in one process; the kit: {args.kit_runs}); import times "
                f"over `python -c pass` ({imports['python -c pass']:.2f} s). {sizes_note}. "
                "Every engine's figures equal the kit's (largest raw hour difference against "
                f"pandas before rounding: {max_difference(differences):.1e} h).\n\n"
                + table(by_size, imports) + "\n")
    print("\n" + markdown)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"engines-{stamp}.md").write_text(markdown)
    document = {"machine": about, "when": stamp, "runs": args.runs, "imports_s": imports,
                "differences_h": differences, "load_average": loads,
                "results": {s: {e: {k: v for k, v in r.items() if k != "figures"}
                                if isinstance(r, dict) else r for e, r in res.items()}
                            for s, res in by_size.items()},
                "figures": {s: res["kit"]["figures"] for s, res in by_size.items()}}
    (args.out / f"engines-{stamp}.json").write_text(json.dumps(document, indent=1))
    print(f"results: {args.out / f'engines-{stamp}.md'}")


def max_difference(differences: dict[str, Any]) -> float:
    return max((v for d in differences.values() for v in d.values()), default=0.0)


if __name__ == "__main__":
    main()
