"""Interrupted runs lose nothing: SIGKILL an import or a report at named points.

Each point is reached through ``communitykit.faults.checkpoint``: the process writes a
marker file and sleeps; the test then kills its whole process group. The store and the
last good report must be byte for byte what they were, and the next run must succeed.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.store import Store, client_lock

IMPORT_POINTS = ("import:after-parse", "store:before-swap", "store:before-pointer")
REPORT_POINTS = ("report:executing", "report:rendering", "report:before-swap",
                 "report:mid-swap")


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` except staging folders (never read, and
    removed by the next run)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".staging-")
                                   for part in p.relative_to(folder).parts)
    }


def start(ws: Workspace, *argv: str, pause: str | None = None) -> tuple[subprocess.Popen, Path]:
    marker = ws.root / f"paused-{time.monotonic_ns()}"
    scratch = ws.root / "tmp"  # what a killed run leaves in its temporary folder stays here
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "COMMUNITYKIT_HOME": str(ws.root), "TMPDIR": str(scratch)}
    if pause:
        env.update(COMMUNITYKIT_TEST_PAUSE_AT=pause, COMMUNITYKIT_TEST_PAUSE_FILE=str(marker))
    process = subprocess.Popen([sys.executable, "-m", "communitykit.cli", *argv], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    return process, marker


def wait_for(marker: Path, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"ended before its pause point: {process.communicate()}")
        assert time.monotonic() < deadline, "the pause point was never reached"
        time.sleep(0.05)


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def extra_comment(folder: Path) -> Path:
    doc = {"data": [{"id": "17999999999999991", "text": "late comment", "username": "ann",
                     "timestamp": "2026-11-04T15:00:00+0000",
                     "from": {"id": "17850000000000777", "username": "ann"},
                     "media": {"id": "18000000000000001"}}]}
    path = folder / "comments_18000000000000001_late.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_killed_imports_leave_the_store_as_it_was(imported_ws: Workspace) -> None:
    store_dir = imported_ws.store_dir("handcalc")
    before = snapshot(store_dir)
    version = Store(store_dir).version
    extra = extra_comment(imported_ws.root)
    for point in IMPORT_POINTS:
        process, marker = start(imported_ws, "import", "handcalc", str(extra), pause=point)
        wait_for(marker, process)
        kill(process)
        after = snapshot(store_dir)
        if point == "store:before-pointer":  # a complete version, never made live
            orphan = {k for k in after if k not in before}
            assert orphan and all(k.startswith("v") and k > str(version) for k in orphan)
            after = {k: v for k, v in after.items() if k not in orphan}
        assert after == before, point
        assert Store(store_dir).version == version
    process, _ = start(imported_ws, "import", "handcalc", str(extra))
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "kept 1" in out
    assert Store(store_dir).version != version
    assert not list(store_dir.glob(".staging-*"))  # the leftovers were cleaned up


def test_killed_and_dead_reports_keep_the_last_good_one(imported_ws: Workspace, cli) -> None:
    assert cli("report", "handcalc", "--period", "2026-11")[0] == 0
    report = imported_ws.report_dir("handcalc", "2026-11")
    store_dir = imported_ws.store_dir("handcalc")
    before, store_before = snapshot(report), snapshot(store_dir)
    for point in REPORT_POINTS:
        process, marker = start(imported_ws, "report", "handcalc", "--period", "2026-11",
                                pause=point)
        wait_for(marker, process)
        if point == "report:rendering":  # a report holds the lock an import would need
            with pytest.raises(UserError, match="still running"), \
                    client_lock(imported_ws.data_dir("handcalc"), "import", wait_seconds=0.3):
                pass
        kill(process)
        if point == "report:mid-swap":  # the old report is aside, recovered by the next run
            assert snapshot(report.with_name(".old-2026-11")) == before
        else:
            assert snapshot(report) == before, point
        assert snapshot(store_dir) == store_before
    # a kernel that dies mid-run: exit 3 naming the cell, the last good report kept
    notebook = imported_ws.notebooks / "review.ipynb"
    original = notebook.read_bytes()
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("import os\nos._exit(1)"))
    nbformat.write(nb, notebook)
    code, _, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 3 and "(`import os`) stopped the kernel" in err and "Traceback" not in err
    assert snapshot(report) == before
    notebook.write_bytes(original)
    process, _ = start(imported_ws, "report", "handcalc", "--period", "2026-11")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert sorted(snapshot(report)) == sorted(before)
    assert json.loads((report / "metrics.json").read_text())["data_quality"]["rows_read"] == 24
    leftovers = [p.name for p in report.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_two_imports_at_once_wait_for_each_other(imported_ws: Workspace) -> None:
    extra = extra_comment(imported_ws.root)
    first, marker = start(imported_ws, "import", "handcalc", str(extra),
                          pause="import:after-parse")
    wait_for(marker, first)  # holds the client's lock
    with pytest.raises(UserError, match="another import or report for this client"), \
            client_lock(imported_ws.data_dir("handcalc"), "import", wait_seconds=0.3):
        pass
    second, _ = start(imported_ws, "import", "handcalc", str(extra))
    time.sleep(3)
    assert second.poll() is None  # waiting for the lock
    kill(first)  # the kernel releases a dead process's lock
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "kept 1" in out
    # said at once, while waiting: which client, who holds the lock, for how long at most
    assert f"waiting for client 'handcalc': an import (pid {first.pid}) since " in err
    assert "this import waits up to 120 s" in err
    messages = Store(imported_ws.store_dir("handcalc")).load("messages")
    assert (messages["message_id"] == "17999999999999991").sum() == 1


def test_two_reports_at_once_wait_for_each_other(imported_ws: Workspace, cli) -> None:
    assert cli("report", "handcalc", "--period", "2026-11")[0] == 0
    report = imported_ws.report_dir("handcalc", "2026-11")
    metrics_before = (report / "metrics.json").read_bytes()
    first, marker = start(imported_ws, "report", "handcalc", "--period", "2026-11",
                          pause="report:before-swap")
    wait_for(marker, first)  # executed and rendered, holding the client's lock
    staging = sorted(report.parent.glob(".staging-*"))
    assert len(staging) == 1
    second, _ = start(imported_ws, "report", "handcalc", "--period", "2026-11")
    time.sleep(5)
    assert second.poll() is None  # waiting for the lock:
    assert sorted(report.parent.glob(".staging-*")) == staging  # no second staging folder
    assert (report / "metrics.json").read_bytes() == metrics_before
    kill(first)
    _, err = second.communicate(timeout=180)
    assert second.returncode == 0, err
    assert f"waiting for client 'handcalc': a report (pid {first.pid}) since " in err
    assert (report / "metrics.json").read_bytes() == metrics_before  # same inputs, same bytes
    assert not list(report.parent.glob(".staging-*"))
