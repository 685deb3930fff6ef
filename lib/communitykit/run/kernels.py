"""The kernels a notebook runs on: a fresh one per run, or a warm one kept by a worker.

``QuietKernelManager`` starts a kernel that keeps its own noise to itself; its clients are
``PromptKernelClient``. ``WarmKernel`` keeps one kernel running across the reports of a
batch worker (or of one command, started early: ``head_start``), reset between reports.

Pinned (``tests/test_run_pinned.py``): ``PromptKernelClient`` overrides jupyter_client's
public ``wait_for_ready`` to leave out its final wait for 0.2 s of IOPub silence (0.2 s a
report). The override uses public API only (the channels, ``kernel_info``, ``is_alive`` and
``Session.adapt_version``); the test fails when jupyter_client's own wait stops ending with
that silence (the override is then not worth keeping) or when the protocol adaptation it
repeats changes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty
from typing import Any

# isort: off
from . import lean_imports  # noqa: F401 (must precede nbformat and jupyter_client)
# isort: on
from jupyter_client import protocol_version_info
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Type

# How long a new client waits for IOPub to deliver before asking the kernel again: a
# subscription usually goes live within milliseconds.
IOPUB_CHECK = 0.05
# Between reports: the namespace emptied, and the module caches that hold a client's data
RESET_CODE = "%reset -f\n__import__('communitykit.caches').caches.clear()"


class PromptKernelClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel answers.

    jupyter_client's ``wait_for_ready`` ends by waiting until IOPub has been silent for
    0.2 s, to drop earlier messages; nbclient matches every message to its own request,
    so this wait only delays each report. The rest is kept: ask for kernel_info until
    it is answered and IOPub delivers (its subscription is live), stop if the kernel
    dies or the time runs out."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=IOPUB_CHECK)
                    self.adapt_protocol(reply)
                    return
            except Empty:
                pass
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    def adapt_protocol(self, reply: dict[str, Any]) -> None:
        """What jupyter_client does with a kernel_info reply: speak the kernel's message
        protocol when its major version differs from this client's."""
        major = int(reply["content"]["protocol_version"].split(".")[0])
        if major != protocol_version_info[0]:
            self.session.adapt_version = major


class QuietKernelManager(AsyncKernelManager):
    """A kernel that keeps its start-up warnings (e.g. about TCP transport) and the noise of
    being stopped (after a timeout) to itself: failures reach the user as ReportFailed.
    Its clients are ``PromptKernelClient``."""

    client_factory = Type(PromptKernelClient, klass=AsyncKernelClient)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*super().format_kernel_cmd(extra_arguments), "--IPKernelApp.log_level=CRITICAL"]


class WarmKernel:
    """One kernel kept running across the reports of a batch worker.

    Imports and the kernel start are paid once per worker instead of once per report.
    The namespace is reset after each report, while the worker renders its HTML, and
    ``ready`` waits for that reset before the next one (through one client kept
    connected to the shell channel only). A kernel that died, or that does not finish
    its reset in time (a cell still running after a timeout), is replaced.
    """

    manager: QuietKernelManager | None = None
    client: Any = None
    pending: str | None = None  # the message id of a reset (or imports) not yet answered
    RESET_TIMEOUT = 60

    @classmethod
    def start(cls, cwd: Path) -> None:
        import multiprocessing.util

        from jupyter_core.utils import run_sync

        cls.manager = QuietKernelManager(kernel_name="python3")
        run_sync(cls.manager.start_kernel)(cwd=str(cwd))
        # pool workers leave through os._exit: atexit would not run, Finalize does
        multiprocessing.util.Finalize(None, cls.stop, exitpriority=10)

    @classmethod
    def stop(cls) -> None:
        from jupyter_core.utils import run_sync

        cls._disconnect()
        if cls.manager is not None and cls.manager.has_kernel:
            run_sync(cls.manager.shutdown_kernel)(now=True)
        cls.manager = None

    @classmethod
    def _disconnect(cls) -> None:
        if cls.client is not None:
            cls.client.stop_channels()
        cls.client = None
        cls.pending = None

    @classmethod
    @contextlib.contextmanager
    def head_start(cls, cwd: Path) -> Iterator[None]:
        """A kernel for the reports run inside, started now with its imports begun, so
        that they overlap with the report's preparation here (two cores work instead of
        one); stopped on leaving. Inside another head start, the outer kernel serves."""
        if cls.manager is not None:
            yield
            return
        cls.start(cwd)
        try:
            cls._send("__import__('communitykit.report.review')")  # binds no name
            yield
        finally:
            cls.stop()

    @classmethod
    def reset_soon(cls) -> None:
        """Start emptying the namespace; ``ready`` collects the answer."""
        cls._send(RESET_CODE)

    @classmethod
    def _send(cls, code: str) -> None:
        """Run ``code`` quietly unless something sent is still unanswered."""
        if cls.manager is None:
            return
        if cls.client is None:
            # the shell channel alone: the reports' outputs never reach this client
            cls.client = cls.manager.blocking_client()
            cls.client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        if cls.pending is None:
            cls.pending = cls.client.execute(code, silent=True, store_history=False)

    @classmethod
    def ready(cls) -> QuietKernelManager | None:
        """The kernel with an empty namespace, or None when no warm kernel is in use."""
        from jupyter_core.utils import run_sync

        km = cls.manager
        if km is None:
            return None
        if not run_sync(km.is_alive)():
            cls.restart()
            return km
        cls.reset_soon()
        try:
            while cls.client.get_shell_msg(timeout=cls.RESET_TIMEOUT)[
                    "parent_header"].get("msg_id") != cls.pending:
                pass
        except Empty:
            cls.restart()
        cls.pending = None
        return km

    @classmethod
    def restart(cls) -> None:
        """Replace the kernel (dead, or stuck in a cell): a fresh kernel is empty."""
        from jupyter_core.utils import run_sync

        cls._disconnect()
        if cls.manager is not None:
            run_sync(cls.manager.restart_kernel)(now=True)
