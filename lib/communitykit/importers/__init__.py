"""Importers: one module per platform (or per export family), on a small base.

``base`` holds the contract (:class:`Importer`, :class:`ImportResult`,
:class:`ImportAccount`); ``csv_base`` the base a CSV export's importer fills; ``rows``,
``dates``, ``values``, ``json_docs``, ``sheets`` and ``messages`` the shared readers;
``registry`` every format in its declared order; ``detection`` which format reads a file.
See ``docs/extending.md`` to add one.
"""

from __future__ import annotations

from . import account_check
from .account import ImportAccount
from .base import Importer, ImportResult, SourceContext
from .detection import detect, skeleton, skeleton_head
from .registry import REGISTRY

__all__ = ["REGISTRY", "ImportAccount", "ImportResult", "Importer", "SourceContext",
           "account_check", "detect", "skeleton", "skeleton_head"]
