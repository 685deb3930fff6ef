"""Named pause points for the interrupted-run tests; a no-op unless asked for.

With ``COMMUNITYKIT_TEST_PAUSE_AT=<point>`` set, ``checkpoint(<point>)`` writes the
file named by ``COMMUNITYKIT_TEST_PAUSE_FILE`` (its content is the point's name) and
then sleeps, so a test can SIGKILL the process at that exact point. Points:
``import:after-parse``, ``store:before-swap``, ``store:before-pointer``,
``report:executing`` (inside the kernel), ``report:rendering``, ``report:before-swap``,
``report:mid-swap`` (old report moved aside, new one not yet in).
The sleep ends early when the parent process dies (a kernel orphaned by a kill).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_AT = "COMMUNITYKIT_TEST_PAUSE_AT"
PAUSE_FILE = "COMMUNITYKIT_TEST_PAUSE_FILE"
PAUSE_SECONDS = 120


def checkpoint(name: str) -> None:
    """Pause at ``name`` when the environment asks for it; otherwise return at once."""
    if os.environ.get(PAUSE_AT) != name:
        return
    parent = os.getppid()
    marker = os.environ.get(PAUSE_FILE)
    if marker:
        Path(marker).write_text(name, encoding="utf-8")
    deadline = time.monotonic() + PAUSE_SECONDS
    while time.monotonic() < deadline:
        if os.getppid() != parent:
            os._exit(1)  # orphaned: whoever ran us was killed
        time.sleep(0.05)
