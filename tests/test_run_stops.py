"""Every stop is clean, and what travels with a report names no folder of the machine.

SIGTERM (``timeout``, a scheduler) or SIGINT (Ctrl-C) to ``report``, ``report --all`` and
``lab`` ends every process the command started, within seconds, and leaves the last good
report and the store byte for byte as they were. The review notebook is given a cell that
holds a kernel at 100 % of a core in one regular expression (``(a+)+$`` on 40 'a' and a
'b': hours of backtracking without releasing the interpreter), as a hostile text did.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import nbformat
import psutil
import pytest

from communitykit.cli import main
from communitykit.paths import Workspace
from conftest import FIXTURES, make_workspace
from test_interrupted import snapshot

BUSY = ('open(f"busy-{__import__(\'os\').getpid()}", "w").close()\n'
        'import re\nre.match(r"(a+)+$", "a" * 40 + "b")')
STOPPED = "stopped by {}; its kernels and workers were ended"


@pytest.fixture(scope="module")
def reported_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The hand-calculation client imported from files inside the workspace, with its
    2026-11 report rendered; a second client, handcalc2, with the same store."""
    root = tmp_path_factory.mktemp("stops")
    ws = make_workspace(root, "handcalc", FIXTURES / "handcalc" / "playbook.yaml")
    exports = ws.client_dir("handcalc") / "exports"
    shutil.copytree(FIXTURES / "handcalc" / "exports", exports)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMMUNITYKIT_HOME", str(root))
        assert main(["import", "handcalc", str(exports)]) == 0
        assert main(["report", "handcalc", "--period", "2026-11"]) == 0
    shutil.copytree(ws.client_dir("handcalc"), ws.client_dir("handcalc2"))
    shutil.copytree(ws.data_dir("handcalc"), ws.data_dir("handcalc2"))
    yield ws


def test_the_report_folder_names_no_absolute_path(reported_ws: Workspace) -> None:
    report = reported_ws.report_dir("handcalc", "2026-11")
    files = sorted(p.name for p in report.iterdir())
    assert {"report.ipynb", "report.html", "metrics.json"} <= set(files)
    for name in files:  # the folder a team sends to its client
        assert str(reported_ws.root) not in (report / name).read_text(encoding="utf-8"), name
    nb = nbformat.read(report / "report.ipynb", as_version=4)
    record = nb.metadata["papermill"]
    assert record["input_path"] == "notebooks/review.ipynb"
    assert re.fullmatch(r"reports/handcalc/\.staging-2026-11-\w+/report\.ipynb",
                        record["output_path"])
    assert record["parameters"]["workspace"] == "."
    assert re.fullmatch(r"reports/handcalc/\.staging-2026-11-\w+/metrics\.json",
                        record["parameters"]["metrics_path"])


def _busy_notebook(ws: Workspace) -> None:
    """The review notebook spins in its first cell after the parameters."""
    for marker in ws.root.glob("busy-*"):
        marker.unlink()
    path = ws.notebooks / "review.ipynb"
    nb = nbformat.read(path, as_version=4)
    if not any(c.source == BUSY for c in nb.cells):
        nb.cells.insert(2, nbformat.v4.new_code_cell(BUSY))
        nbformat.write(nb, path)


@contextlib.contextmanager
def _started(ws: Workspace, *argv: str) -> Iterator[subprocess.Popen[str]]:
    """The command in its own session; whatever it left is killed on leaving (a failed
    test must not leave a kernel spinning)."""
    env = {**os.environ, "COMMUNITYKIT_HOME": str(ws.root),
           "JUPYTER_RUNTIME_DIR": str(ws.root / "runtime")}
    process = subprocess.Popen([sys.executable, "-m", "communitykit.cli", *argv], env=env,
                               cwd=ws.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    below: list[psutil.Process] = []
    try:
        yield process
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            below = psutil.Process(process.pid).children(recursive=True)
        for leftover in [*below, *_STOPPED_BELOW]:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftover.kill()
        _STOPPED_BELOW.clear()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


_STOPPED_BELOW: list[psutil.Process] = []  # what a stopped command had started


def _kernels(process: subprocess.Popen[str]) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(process.pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


def _wait_busy(ws: Workspace, process: subprocess.Popen[str], kernels: int = 1) -> None:
    deadline = time.monotonic() + 90
    while len(list(ws.root.glob("busy-*"))) < kernels:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the busy cell was never reached"
        time.sleep(0.05)
    time.sleep(0.3)  # inside the regular expression


def _stop(process: subprocess.Popen[str], sig: signal.Signals, group: bool = False,
          ) -> tuple[list[psutil.Process], str]:
    """Send ``sig`` (to the command, or to its process group as Ctrl-C does); assert that
    the command ends with 128 + sig and one line, and that no process it started
    outlives it by more than a few seconds. Returns those processes and stderr."""
    below = psutil.Process(process.pid).children(recursive=True)
    _STOPPED_BELOW.extend(below)
    sent = time.monotonic()
    (os.killpg if group else os.kill)(process.pid, sig)
    _, err = process.communicate(timeout=30)
    took = time.monotonic() - sent
    assert process.returncode == 128 + sig, err
    assert took < 10, took
    assert err.strip().splitlines()[-1] == (
        f"communitykit: {STOPPED.format(sig.name)}, the store and the reports keep "
        "their last complete version")
    assert "Traceback" not in err
    survivors = _survivors(below, seconds=5)
    assert survivors == [], [(p.pid, p.cmdline()) for p in survivors]
    return below, err


def _survivors(processes: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while True:
        alive = [p for p in processes if _running(p)]
        if not alive or time.monotonic() >= deadline:
            return alive
        time.sleep(0.1)


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_stopped_report_ends_its_spinning_kernel(reported_ws: Workspace) -> None:
    ws = reported_ws
    report = ws.report_dir("handcalc", "2026-11")
    before, store = snapshot(report), snapshot(ws.store_dir("handcalc"))
    _busy_notebook(ws)
    with _started(ws, "report", "handcalc", "--period", "2026-11") as process:
        _wait_busy(ws, process)
        kernels = _kernels(process)
        assert len(kernels) == 1 and kernels[0].cpu_percent(interval=0.5) > 20  # spinning
        _stop(process, signal.SIGTERM)  # what `timeout 300 communitykit report` sends
    assert snapshot(report) == before
    assert snapshot(ws.store_dir("handcalc")) == store
    assert [p.name for p in report.parent.iterdir()] == ["2026-11"]  # no staging left


def test_ctrl_c_ends_a_batch_its_workers_and_their_kernels(reported_ws: Workspace) -> None:
    ws = reported_ws
    report = ws.report_dir("handcalc", "2026-11")
    before = snapshot(ws.reports)
    _busy_notebook(ws)
    with _started(ws, "report", "--all", "--period", "2026-11", "--workers", "2") as process:
        _wait_busy(ws, process)
        assert _kernels(process)  # a worker's kernel, spinning
        _stop(process, signal.SIGINT, group=True)  # Ctrl-C at a terminal: the whole group
    assert snapshot(ws.reports) == before  # handcalc's report; no index, no handcalc2
    assert not (ws.reports / "index.html").exists()
    assert [p.name for p in report.parent.iterdir()] == ["2026-11"]


def test_a_stopped_lab_ends_jupyterlab_and_its_kernels(reported_ws: Workspace) -> None:
    with _started(reported_ws, "lab", "--no-browser") as process:
        url = ""
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("open: "):
                url = line.split(" ", 1)[1].strip()
                break
        base, token = url.split("/lab")[0], url.rsplit("token=", 1)[1]
        deadline = time.monotonic() + 60
        kernel = None
        while kernel is None:
            assert process.poll() is None and time.monotonic() < deadline, "lab did not start"
            try:
                request = urllib.request.Request(f"{base}/api/kernels", method="POST",
                                                 data=b'{"name": "python3"}',
                                                 headers={"Authorization": f"token {token}"})
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                    kernel = response.read()
            except OSError:
                time.sleep(0.25)
        while not _kernels(process):
            assert time.monotonic() < deadline, "the kernel never started"
            time.sleep(0.1)
        _stop(process, signal.SIGTERM)


def test_after_a_stop_failures_of_what_the_kernel_left_stay_off_stderr() -> None:
    """A coroutine collected later, a thread failing on the dead kernel and asyncio's log
    print nothing once a stop began, so the stop's line stays the command's last."""
    code = ("import asyncio, logging, threading\n"
            "from communitykit.run.stops import quiet_after_stop\n"
            "quiet_after_stop()\n"
            "class Left:\n"
            "    def __del__(self): raise RuntimeError('Kernel died')\n"
            "Left()\n"
            "t = threading.Thread(target=lambda: 1 / 0); t.start(); t.join()\n"
            "logging.getLogger('asyncio').error('Task exception was never retrieved')\n"
            "print('done')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert (done.stdout, done.stderr) == ("done\n", "")
    loud = subprocess.run([sys.executable, "-c", code.replace("quiet_after_stop()\n", "")],
                          capture_output=True, text=True, timeout=60, check=True)
    assert "Kernel died" in loud.stderr and "ZeroDivisionError" in loud.stderr


def test_a_kernel_orphaned_by_a_killed_worker_is_still_ended() -> None:
    """The command adopts what its children leave (a batch worker killed while its kernel
    starts), so ending its children ends that kernel too."""
    code = ("import os, subprocess, time\n"
            "from communitykit.run import stops\n"
            "stops.adopt_orphans()\n"
            "worker = subprocess.Popen(['bash', '-c', 'sleep 60 & echo $!'],\n"
            "                          stdout=subprocess.PIPE, text=True)\n"
            "orphan = int(worker.stdout.readline()); worker.wait(); time.sleep(0.3)\n"
            "assert orphan in stops.descendants(), 'not adopted'\n"
            "stops.end_children(grace=1)\n"
            "print(stops.is_alive(orphan))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout == "False\n", done.stderr
