"""The bench's own block in docs/performance.md: a results table between markers.

Each script writes between ``<!-- BEGIN bench/<script> -->`` and ``<!-- END bench/<script>
-->`` under the heading of issue 20 and its subsection "Measured by the bench" (both made
when missing); the hand-written text around the markers is kept.
"""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "performance.md"
HEADING = "## Issue 20: reports that cost what the period costs"
SUBSECTION = "### Measured by the bench"
INTRO = ("The blocks below are written by the bench scripts named in their markers (`--no-docs` "
         "skips it); edit\nthe text around them, not inside.")


def markers(script: str) -> tuple[str, str]:
    return f"<!-- BEGIN bench/{script} -->", f"<!-- END bench/{script} -->"


def _end_of_section(lines: list[str], start: int, levels: tuple[str, ...]) -> int:
    """Index of the first heading of one of ``levels`` after line ``start`` (or the end),
    outside fenced code, with trailing blank lines left before it."""
    fenced = False
    end = len(lines)
    for index in range(start + 1, len(lines)):
        if lines[index].startswith("```"):
            fenced = not fenced
        elif not fenced and lines[index].startswith(levels):
            end = index
            break
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def replace_block(text: str, script: str, body: str) -> str:
    """``text`` with the block of ``script`` holding ``body``: replaced in place when its
    markers are there, else added at the end of the subsection (made when missing)."""
    begin, end = markers(script)
    block = [begin, *body.strip("\n").splitlines(), end]
    lines = text.splitlines()
    if begin in lines and end in lines[lines.index(begin):]:
        first = lines.index(begin)
        last = lines.index(end, first)
        return "\n".join(lines[:first] + block + lines[last + 1:]) + "\n"
    if HEADING not in lines:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", "", HEADING, ""]
    heading = lines.index(HEADING)
    section_end = _end_of_section(lines, heading, ("# ", "## "))
    if SUBSECTION not in lines[heading:section_end]:
        lines[section_end:section_end] = ["", SUBSECTION, "", INTRO]
        section_end += 4
    subsection = lines.index(SUBSECTION, heading)
    insert = _end_of_section(lines, subsection, ("# ", "## ", "### "))
    lines[insert:insert] = ["", *block]
    return "\n".join(lines).strip("\n") + "\n"


def write_block(script: str, body: str, path: Path = DOCS) -> None:
    """Write the block of ``script`` into the Markdown file at ``path``."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_block(text, script, body), encoding="utf-8")


def machine() -> dict[str, object]:
    """The machine a run measures: CPU model and count, memory, Python, platform."""
    cpu = "unknown"
    info = Path("/proc/cpuinfo")
    if info.exists():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"nproc": os.cpu_count(), "ram_gib": round(ram, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform()}


def code_version() -> str:
    """The code measured: the checkout's commit (noting local changes to the library), or
    the tree named by ``PYTHONPATH`` when one is set (e.g. an older commit's export)."""
    if os.environ.get("PYTHONPATH"):
        return f"the library on PYTHONPATH={os.environ['PYTHONPATH']}"

    def git(*args: str) -> str:
        done = subprocess.run(["git", "--no-optional-locks", *args], capture_output=True,
                              text=True, cwd=ROOT)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = "commit " + (git("rev-parse", "--short", "HEAD") or "unknown")
    if git("status", "--porcelain", "--untracked-files=no", "--", "lib", "notebooks"):
        commit += " with local changes to lib/ or notebooks/"
    return commit


def machine_line(about: dict[str, object], loads: list[float]) -> str:
    """One sentence: machine, load average during the run, Python and code."""
    load = (f"load average (1 min) {min(loads):.1f} to {max(loads):.1f} during the run"
            if loads else "load average not sampled")
    return (f"Machine: {about['cpu']}, {about['nproc']} cores, {about['ram_gib']} GiB RAM, "
            f"{load}; Python {about['python']}; {code_version()}.")
