"""Caches that hold one client's data, and how to drop them between clients.

A warm kernel renders report after report; emptying its namespace (``%reset``) does not
reach module-level caches, so the last client's frames and texts would stay in memory
(and in reach) while the next client renders. Each such cache registers its ``clear``
here, and ``clear`` is called with every namespace reset (``run.kernels.RESET_CODE``).
"""

from __future__ import annotations

from collections.abc import Callable

_CLEARS: list[Callable[[], None]] = []


def holds_client_data(clear_fn: Callable[[], None]) -> Callable[[], None]:
    """Register ``clear_fn`` (a cache's ``clear``) to run between clients."""
    _CLEARS.append(clear_fn)
    return clear_fn


def clear() -> None:
    """Drop every registered cache."""
    for clear_fn in _CLEARS:
        clear_fn()
