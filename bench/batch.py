"""Batches of small clients through `report --all`: warm kernels against fresh ones.

Usage: .venv/bin/python bench/batch.py [--clients 20] [--runs 3] [--workers 2]
Builds a throwaway workspace of N copies of the hand-calculation client, then times, in
fresh processes, a sequential loop of `communitykit report` (the baseline), `report --all
--fresh-kernels` and `report --all` (warm kernels). Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "handcalc"
PERIOD = "2026-11"
CLI = str(Path(sys.executable).with_name("communitykit"))


def build(tmp: Path, clients: int) -> list[str]:
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    names = [f"client{i:03d}" for i in range(clients)]
    env = {**os.environ, "COMMUNITYKIT_HOME": str(tmp)}
    for name in names:
        (tmp / "playbooks" / name).mkdir(parents=True)
        shutil.copyfile(FIXTURE / "playbook.yaml", tmp / "playbooks" / name / "playbook.yaml")
        subprocess.run([CLI, "import", name, str(FIXTURE / "exports")], env=env, check=True,
                       capture_output=True)
    return names


def timed(argv_list: list[list[str]], env: dict[str, str]) -> float:
    started = time.perf_counter()
    for argv in argv_list:
        subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        names = build(tmp, args.clients)
        env = {**os.environ, "COMMUNITYKIT_HOME": str(tmp)}
        every = [CLI, "report", "--all", "--period", PERIOD, "--workers", str(args.workers)]
        cases = {
            "sequential `report` per client": [[CLI, "report", n, "--period", PERIOD]
                                               for n in names],
            "`report --all --fresh-kernels`": [[*every, "--fresh-kernels"]],
            "`report --all` (warm kernels)": [every],
        }
        results = {name: statistics.median(timed(argv, env) for _ in range(args.runs))
                   for name, argv in cases.items()}
    base = results["sequential `report` per client"]
    print(f"{args.clients} clients, {args.workers} workers, median of {args.runs} runs "
          f"on {os.cpu_count()} CPUs")
    print("| run | seconds | per report | ratio to sequential |\n|---|---|---|---|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.1f} | {seconds / args.clients:.2f} | "
              f"{seconds / base:.2f} |")


if __name__ == "__main__":
    main()
