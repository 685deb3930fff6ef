"""The shipped model files (``assets/*.tsv``) and the SHA-256 their module pins.

A model module holds ``DIGEST``, the hash of its file: ``read_checked`` refuses a file
that does not match (a half-copied install, or a retrain without its module), and the
training scripts write both with ``write_with_digest``, so the kept annotations, keyed by
the module's source, start afresh whenever a model changes.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

DIGEST_LINE = re.compile(r'^DIGEST = "[0-9a-f]{64}"$', re.MULTILINE)


def read_checked(asset: str, digest: str, script: str) -> bytes:
    """The bytes of ``assets/<asset>``, refused unless their SHA-256 is ``digest``."""
    data = resources.files("communitykit").joinpath("assets", asset).read_bytes()
    found = hashlib.sha256(data).hexdigest()
    if found != digest:
        raise RuntimeError(f"communitykit/assets/{asset} has SHA-256 {found}, expected "
                           f"{digest}: reinstall communitykit or rerun {script}, which "
                           "updates both")
    return data


def write_with_digest(data: bytes, model: Path, shipped: Path, module: Path) -> str:
    """Write ``data`` to ``model``; when ``model`` is the ``shipped`` file, also write its
    digest into ``module``'s ``DIGEST`` line. Returns the digest."""
    digest = hashlib.sha256(data).hexdigest()
    model.write_bytes(data)
    if model.resolve() != shipped.resolve():
        return digest
    source = module.read_text(encoding="utf-8")
    updated, found = DIGEST_LINE.subn(f'DIGEST = "{digest}"', source)
    if found != 1:
        raise SystemExit(f"{module}: no DIGEST line to update")
    module.write_text(updated, encoding="utf-8")
    return digest
