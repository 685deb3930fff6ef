"""Clean stops: SIGINT or SIGTERM ends a command's kernels and workers, then the command.

A report's kernel runs in its own session (jupyter_client starts it so), so a signal to
the command never reaches it, and a kernel stuck in C code (a long regular expression
holds the interpreter) cannot notice that its parent is gone. Inside ``handled()`` a
signal therefore ends every process below this one first (SIGTERM, then SIGKILL after
``GRACE`` seconds), then raises ``Stopped`` so that the command unwinds through its
``finally`` blocks: staging folders are removed, locks released, and every write the kit
makes is an atomic rename, so the store and the last good report stay as they were.
A watchdog ends the process after ``WATCHDOG`` seconds should unwinding hang.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE = 3.0  # seconds a process gets to end after SIGTERM, before SIGKILL
WATCHDOG = 20.0  # seconds unwinding may take before the process ends without it
PROC = Path("/proc")
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


class Stopped(KeyboardInterrupt):
    """The command was asked to stop by a signal; its children are already ended."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal's number (130 SIGINT, 143 SIGTERM)."""
        return 128 + self.signum

    @property
    def message(self) -> str:
        name = signal.Signals(self.signum).name
        return (f"stopped by {name}; its kernels and workers were ended, the store and "
                "the reports keep their last complete version")


class _State:
    stopping: int | None = None
    watchdog: threading.Timer | None = None


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Inside, SIGINT and SIGTERM end this process's children and raise ``Stopped``.

    The previous handlers come back on leaving (the command line may run in-process).
    Outside the main thread, signals cannot be handled: nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    adopt_orphans()
    install()
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if _State.watchdog is not None:
            _State.watchdog.cancel()
        _State.stopping, _State.watchdog = None, None


def adopt_orphans() -> None:
    """Make this process the parent of any process below it whose own parent ends (Linux's
    child subreaper, ``prctl(PR_SET_CHILD_SUBREAPER)``), so that ``end_children`` still
    finds a kernel whose batch worker was killed while starting it; elsewhere, or when the
    call is refused, nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def install() -> None:
    """Handle SIGINT and SIGTERM in this process (a batch worker) from now on."""
    for sig in SIGNALS:
        signal.signal(sig, _on_signal)


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    if _State.stopping is not None:
        return  # already stopping: the first signal's stop is bounded by GRACE and WATCHDOG
    _State.stopping = signum
    _State.watchdog = threading.Timer(WATCHDOG, _force_exit, (signum,))
    _State.watchdog.daemon = True
    _State.watchdog.start()
    end_children()
    quiet_after_stop()
    raise Stopped(signum)


def quiet_after_stop() -> None:
    """Keep what the ended kernel leaves behind off stderr, so the stop's one line is the
    command's last: a coroutine or task of the notebook client that is collected later
    (``sys.unraisablehook``, asyncio's log) or a thread that fails on the dead kernel
    (``threading.excepthook``) would otherwise print a traceback of an expected death.
    The process is ending: the hooks stay for its rest."""
    sys.unraisablehook = _ignore
    threading.excepthook = _ignore
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)


def _ignore(_args: object) -> None:
    """Drop an expected failure (see ``quiet_after_stop``)."""


def _force_exit(signum: int) -> None:
    """Unwinding hung: end the children at once and leave without it."""
    end_children(grace=0)
    print(f"communitykit: {Stopped(signum).message}", file=sys.stderr, flush=True)
    os._exit(128 + signum)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while inside (a swap of two renames must not be
    cut in half); a signal that came meanwhile is handled on leaving."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


# ---- the processes below this one -------------------------------------------------------
def end_children(grace: float = GRACE) -> None:
    """End every process below this one: SIGTERM, then SIGKILL what is left after
    ``grace`` seconds. A process that ignores SIGTERM (multiprocessing's resource
    tracker) is left to end by itself, as it does once this process is gone."""
    pids = descendants()
    for pid in pids:
        send_signal(pid, signal.SIGTERM)
    waiting = [pid for pid in pids if not _ignores_sigterm(pid)]
    deadline = time.monotonic() + grace
    while waiting and time.monotonic() < deadline:
        time.sleep(0.02)
        waiting = [pid for pid in waiting if is_alive(pid)]
    for pid in waiting:
        send_signal(pid, signal.SIGKILL)
    for pid in waiting:
        is_alive(pid)  # reap our own children


def descendants(root: int | None = None) -> list[int]:
    """Every process below ``root`` (default: this process), parents before children."""
    parents = _parents()
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found: list[int] = []
    queue = [os.getpid() if root is None else root]
    while queue:
        kids = children.get(queue.pop(0), [])
        found.extend(kids)
        queue.extend(kids)
    return found


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process (from /proc, else from ``ps``)."""
    if not (PROC / "self" / "stat").exists():
        return _parents_from_ps()
    parents = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            # "pid (name) state ppid ...": the name may hold spaces and parentheses
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _parents_from_ps() -> dict[int, int]:
    try:
        listing = subprocess.run(["ps", "-A", "-o", "pid=,ppid="], capture_output=True,
                                 text=True, check=False, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    pairs = (line.split() for line in listing.splitlines())
    return {int(p[0]): int(p[1]) for p in pairs if len(p) == 2 and p[0].isdigit()}


def send_signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(OSError):  # already gone, or not ours to signal
        os.kill(pid, sig)


def is_alive(pid: int) -> bool:
    """False once ``pid`` has ended (a child of ours is reaped; a zombie counts as ended)."""
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _ignores_sigterm(pid: int) -> bool:
    """Whether ``pid`` ignores SIGTERM (Linux only; elsewhere assumed not)."""
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False
