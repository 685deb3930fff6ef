"""Which importer reads a file: ``detect`` sniffs its opening (``head_text``) against the
registry, in its declared order; when nothing claims it and a value there is long (a pasted
comment in the first record hides the keys and columns after it), it sniffs again a
skeleton of a longer opening (``skeleton_head``): the same text with every value cut to its
first ``KEPT_CHARS`` characters.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ImportFailed
from .base import NUL_MESSAGE, Importer, head_text
from .refusals import refusal
from .registry import REGISTRY, first_claimant

HEAD_CHARS = 4096  # the skeleton head is as long as a plain head
KEPT_CHARS = 256  # of a longer string or field, what the skeleton head keeps
SKELETON_BYTES = (1 << 16, 1 << 20, 1 << 24)  # openings read in turn, 16 MiB at most
# A JSON string (to its closing quote, or to the end of what was read), else other text.
JSON_PIECE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[^"]+', re.S)
# A quoted CSV field ("" is a quote inside), else other text.
CSV_PIECE = re.compile(r'"[^"]*(?:""[^"]*)*"?|[^"]+')
# An unquoted CSV field longer than KEPT_CHARS (tried only where a field starts).
LONG_FIELD = re.compile(r'(?<![^,;\t\r\n])([^,;\t\r\n"]{' + str(KEPT_CHARS)
                        + r'})[^,;\t\r\n"]+')


def detect(path: Path, forced: str | None = None) -> Importer:
    """The importer for ``path``: ``forced`` by name, else the first whose sniff matches."""
    if forced:
        if forced not in REGISTRY:
            raise ImportFailed(
                f"unknown format {forced!r}; known: {', '.join(sorted(REGISTRY))}", file=path
            )
        return REGISTRY[forced]
    head = head_text(path)
    found = first_claimant(path, head)
    if found is None:
        bigger = skeleton_head(path, head)
        found = None if bigger is None else first_claimant(path, bigger)
    if found is not None:
        return found
    reason = refusal(path, head)
    if reason:
        raise ImportFailed(f"not imported: {reason}", file=path)
    if "\x00" in head:
        raise ImportFailed(f"format not recognised: {NUL_MESSAGE}", file=path)
    raise ImportFailed(
        "format not recognised; name it with --format or in the playbook's exports.sources "
        f"(known: {', '.join(sorted(REGISTRY))})",
        file=path,
    )


def skeleton_head(path: Path, head: str) -> str | None:
    """The file's opening with every value cut to ``KEPT_CHARS`` characters, up to
    ``HEAD_CHARS`` characters, read from as much of the file as that takes (16 MiB at
    most); None when no value of ``head`` (the plain opening) is that long, or when the
    file is binary (a workbook, an archive)."""
    if "\x00" in head:
        return None
    shape = skeleton(head)
    if shape == head:
        return None
    file_bytes = path.stat().st_size
    for size in SKELETON_BYTES:
        shape = skeleton(head_text(path, size))
        if len(shape) >= HEAD_CHARS or size >= file_bytes:
            break
    return shape[:HEAD_CHARS]


def skeleton(text: str) -> str:
    """``text`` with each string longer than ``KEPT_CHARS`` cut to that many characters:
    JSON strings when the text opens as JSON (or a JavaScript assignment of it), else
    quoted and unquoted CSV fields. Runs in time linear in the text."""
    opening = text.lstrip()[:1]
    json_like = opening in ("{", "[") or text.lstrip().startswith("window.")
    pieces = (JSON_PIECE if json_like else CSV_PIECE).findall(text)
    return "".join(_cut(piece, json_like) for piece in pieces)


def _cut(piece: str, json_like: bool) -> str:
    """One piece of ``skeleton``: a string cut to its opening, or other text (in a CSV,
    with its long unquoted fields cut)."""
    if not piece.startswith('"'):
        return piece if json_like else LONG_FIELD.sub(r"\1", piece)
    if len(piece) <= KEPT_CHARS + 2:
        return piece
    closed = piece.endswith('"')
    kept = piece[:KEPT_CHARS + 1].rstrip('\\"' if json_like else '"')
    return kept + '"' if closed else kept
