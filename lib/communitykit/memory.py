"""Giving freed memory back to the system between the phases of a large report.

Arrow's allocator and the C library's keep the pages of freed objects for later use, so a
phase that builds and drops large frames leaves the process as large as at its peak; the
next phase's peak then adds to it. ``give_back`` returns those pages (a no-op where the C
library cannot)."""

from __future__ import annotations

import ctypes

import pyarrow as pa


def _libc() -> ctypes.CDLL | None:
    """The C library, where it can give freed memory back (glibc's ``malloc_trim``)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def give_back() -> None:
    """Return the memory Arrow and the C library hold freed to the system."""
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
