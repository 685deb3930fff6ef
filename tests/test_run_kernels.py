"""The kernels: a new client is ready at once, and a warm kernel stays usable and empty
between reports (dead or stuck, it is replaced)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from communitykit.run.kernels import PromptKernelClient, QuietKernelManager, WarmKernel


def test_a_new_kernel_client_is_ready_without_waiting_for_silence(tmp_path: Path) -> None:
    from jupyter_core.utils import run_sync

    km = QuietKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(tmp_path))
    try:
        client = km.client()
        assert isinstance(client, PromptKernelClient)
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=60)
        reply = run_sync(client.execute_interactive)("print(6 * 7)", timeout=30,
                                                     output_hook=lambda _m: None)
        assert reply["content"]["status"] == "ok"  # IOPub was live: the reply came
        client.stop_channels()
        run_sync(km.shutdown_kernel)(now=True)
        dead = km.client()
        dead.start_channels()
        with pytest.raises(RuntimeError, match="died|respond"):
            run_sync(dead.wait_for_ready)(timeout=3)
        dead.stop_channels()
    finally:
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)


def _run_in(km: Any, code: str, wait: bool = True) -> str:
    """Run ``code`` in the kernel through a client of the test's own; its status."""
    client = km.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=30)
        if not wait:
            client.execute(code)
            time.sleep(0.5)  # the request reaches the kernel before the client goes
            return "sent"
        return str(client.execute_interactive(code, timeout=30)["content"]["status"])
    finally:
        client.stop_channels()


def test_a_warm_kernel_that_dies_is_replaced(tmp_path: Path) -> None:
    from jupyter_core.utils import run_sync

    WarmKernel.start(tmp_path)
    try:
        km = WarmKernel.ready()
        assert km is not None
        assert _run_in(km, "left_over = 1") == "ok"
        os.kill(km.provisioner.pid, signal.SIGKILL)  # dies between two reports
        deadline = time.monotonic() + 30
        while run_sync(km.is_alive)() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert WarmKernel.ready() is km
        assert run_sync(km.is_alive)()
        assert _run_in(km, "assert 'left_over' not in dir()") == "ok"
        assert _run_in(km, "left_over = 2") == "ok"
        WarmKernel.ready()  # the namespace is emptied before each report
        assert _run_in(km, "assert 'left_over' not in dir()") == "ok"
        assert _run_in(km, "left_over = 3") == "ok"
        WarmKernel.reset_soon()  # after a report: the reset runs while the page renders
        assert WarmKernel.ready() is km
        assert _run_in(km, "assert 'left_over' not in dir()") == "ok"
    finally:
        WarmKernel.stop()
    assert WarmKernel.manager is None and WarmKernel.client is None


def test_a_head_start_kernel_has_the_imports_done_and_an_empty_namespace(
        tmp_path: Path) -> None:
    """One report from the command line: the kernel starts, and imports the review
    module, while the report is prepared; it is stopped when the report is done."""
    from jupyter_core.utils import run_sync

    with WarmKernel.head_start(tmp_path):
        km = WarmKernel.ready()  # waits for the imports sent at the start
        assert km is not None
        assert _run_in(km, "import sys; "
                           "assert 'communitykit.report.review' in sys.modules, 'late'; "
                           "assert not [n for n in dir() if 'communitykit' in n], dir()") == "ok"
    assert WarmKernel.manager is None and WarmKernel.client is None
    assert not run_sync(km.is_alive)()


def test_a_warm_kernel_stuck_in_a_cell_is_replaced(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell still running (after a timeout) keeps the reset waiting: the kernel is
    replaced once RESET_TIMEOUT passes, and the next report finds it empty."""
    monkeypatch.setattr(WarmKernel, "RESET_TIMEOUT", 1)
    WarmKernel.start(tmp_path)
    try:
        km = WarmKernel.ready()
        assert km is not None
        pid = km.provisioner.pid
        assert _run_in(km, "left_over = 1; import time; time.sleep(120)", wait=False) == "sent"
        started = time.monotonic()
        assert WarmKernel.ready() is km
        assert time.monotonic() - started < 30
        assert km.provisioner.pid != pid  # a new kernel process
        assert _run_in(km, "assert 'left_over' not in dir()") == "ok"
    finally:
        WarmKernel.stop()
