"""How many cores a report's text analysis may use.

One per core this process may run on, at most ``COMMUNITYKIT_TEXT_WORKERS`` when that is
set (a batch of reports sets it to its share, since its own workers already use every
core; ``1`` keeps the work on one core).
"""

from __future__ import annotations

import os

ENV = "COMMUNITYKIT_TEXT_WORKERS"


def available() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    limit = os.environ.get(ENV, "").strip()
    if limit.isdigit() and int(limit) > 0:
        cores = min(cores, int(limit))
    return max(1, cores)
