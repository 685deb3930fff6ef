"""What a report chart costs: each chart kind with the demo's data shapes, drawn and encoded
as the report does (`charts.bars`, `charts.line`, `charts.heatmap` up to the <img> tag), on
fixed margins (the kit now) and on matplotlib's constrained layout (the kit before issue 20).

    .venv/bin/python bench/charts.py [--runs 15] [--language en] [--before dffd3e7]

"Before" is `lib/communitykit/charts.py` as of the commit ``--before`` (read with `git show`,
loaded beside the current module), so both are timed in the same process, interleaved run by
run, after one untimed call of each (fonts loaded). Prints the median wall and CPU seconds
per chart (CPU time moves less with the machine's load), the ratios after / before, whether
the PNG bytes are the same, and the load average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "dffd3e7"  # the last commit whose charts used layout="constrained"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def before_module(commit: str) -> ModuleType:
    """The charts module of ``commit``, importable beside the current one."""
    source = subprocess.run(["git", "show", f"{commit}:lib/communitykit/charts.py"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="charts-before-"))
    path = folder / "charts_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("communitykit._charts_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def demo_charts(charts: ModuleType) -> dict[str, Callable[[], str]]:
    """The demo report's charts (2026-10): posts per channel against plan (3 channels),
    members against the previous period (3 groups), followers over two months with a
    target (61 days, one channel), inbound by weekday and hour (7 x 24)."""
    days = [dt.date(2026, 9, 1) + dt.timedelta(days=d) for d in range(61)]
    grid = {day: [(i * 7 + h * 3) % 9 for h in range(24)] for i, day in enumerate(WEEKDAYS)}
    hours = {day: [i < 5 and 9 <= h < 18 for h in range(24)] for i, day in enumerate(WEEKDAYS)}
    return {
        "bars, plan": lambda: charts.bars(
            ["discord", "instagram", "x"], [9, 19, 30], planned=[8.9, 13.3, 22.1],
            ylabel="posts in the period", title="Posts per channel against plan"),
        "bars, previous": lambda: charts.bars(
            ["active", "new", "returning"], [131, 40, 60], previous=[120, 35, 70],
            ylabel="members", title="Members this period and the previous one"),
        "line": lambda: charts.line(
            {"instagram": (days, [12700.0 + 12 * i for i in range(61)])}, ylabel="followers",
            target=15000, title="Followers, previous and this period"),
        "heatmap": lambda: charts.heatmap(
            grid, hours, title="When members write (inbound messages, local time)",
            xlabel="hour of day (local time); orange outline = business hours",
            scale_label="messages per hour slot"),
    }


def timed(draw: Callable[[], str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of one chart, and its <img> tag."""
    wall, cpu = time.perf_counter(), time.process_time()
    img = draw()
    return time.perf_counter() - wall, time.process_time() - cpu, img


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--language", default="en", choices=("en", "zh"))
    parser.add_argument("--before", default=BEFORE, help="commit of the constrained charts")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "lib"))
    from communitykit import charts
    from communitykit.i18n import use_language

    old = before_module(args.before)
    load = os.getloadavg()
    rows: list[tuple[str, float, float, float, float, bool]] = []
    with use_language(args.language):
        kinds = {"before": demo_charts(old), "after": demo_charts(charts)}
        for name in kinds["after"]:
            imgs = {side: draws[name]() for side, draws in kinds.items()}  # fonts, caches
            runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
            for run in range(args.runs):
                for side in ("before", "after") if run % 2 else ("after", "before"):
                    wall, cpu, imgs[side] = timed(kinds[side][name])
                    runs[side].append((wall, cpu))
            wall_b, wall_a, cpu_b, cpu_a = (statistics.median(t[i] for t in runs[side])
                                            for i in (0, 1) for side in ("before", "after"))
            rows.append((name, wall_b, wall_a, cpu_b, cpu_a, imgs["before"] == imgs["after"]))
    load_after = os.getloadavg()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; load average {load[0]:.2f} before, "
          f"{load_after[0]:.2f} after; {args.runs} runs each, language {args.language}, "
          f"before = {args.before}\n")
    print("| chart | before s | after s | after / before | before CPU s | after CPU s | "
          "after / before (CPU) | same PNG |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, wall_b, wall_a, cpu_b, cpu_a, same in rows:
        print(f"| {name} | {wall_b:.3f} | {wall_a:.3f} | {wall_a / wall_b:.2f} | {cpu_b:.3f} | "
              f"{cpu_a:.3f} | {cpu_a / cpu_b:.2f} | {'yes' if same else 'no'} |")
    wall_b, wall_a, cpu_b, cpu_a = (sum(float(row[i]) for row in rows) for i in (1, 2, 3, 4))
    print(f"| the demo's {len(rows)} charts | {wall_b:.3f} | {wall_a:.3f} | "
          f"{wall_a / wall_b:.2f} | {cpu_b:.3f} | {cpu_a:.3f} | {cpu_a / cpu_b:.2f} | |")


if __name__ == "__main__":
    main()
