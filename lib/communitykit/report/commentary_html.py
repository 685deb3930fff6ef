"""The strategist's commentary, Markdown to safe HTML.

markdown-it-py (CommonMark, tables and strikethrough) renders it with raw HTML off, so
a ``<script>`` typed in the commentary is shown as text; nh3 (the Ammonia sanitiser) then
keeps only the tags and attributes below and links to http, https and mailto (no
``javascript:``, no event handlers, no images: the page loads nothing). Headings step
down under the report's own (``#`` and ``##`` become ``<h3>``), and bidirectional
controls are removed as everywhere on the page (``html.esc``).
"""

from __future__ import annotations

import functools
import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..html import BIDI_CONTROLS

TAGS = frozenset({"p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "code",
                  "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th",
                  "td", "s"})
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


def _heading_level(tag: str) -> str:
    """``h1``/``h2`` -> ``h3``, ``h3`` -> ``h4`` ... at most ``h6``."""
    return f"h{min(6, max(3, int(tag[1]) + 1))}"


def _empty_headings(tokens: list[Token]) -> list[int]:
    """The positions of the ``heading_open`` tokens of headings with nothing under them
    (the next block is a heading of the same or a higher level, or the end): a draft's
    "What we learned" left empty is not shown to the manager."""
    empty = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        after = i + 3  # heading_open, inline, heading_close
        following = tokens[after] if after < len(tokens) else None
        if following is None or (following.type == "heading_open"
                                 and int(following.tag[1]) <= int(token.tag[1])):
            empty.append(i)
    return empty


def _shown(tokens: list[Token]) -> list[Token]:
    """The tokens without the empty headings (each is three tokens)."""
    dropped = {i + k for i in _empty_headings(tokens) for k in range(3)}
    return [t for i, t in enumerate(tokens) if i not in dropped]


def to_html(markdown: str) -> str:
    """``markdown`` as sanitised HTML (the empty string for an empty text); headings with
    nothing under them are left out."""
    text = markdown.translate(BIDI_CONTROLS)
    if not text.strip():
        return ""
    md = _parser()
    tokens = _shown(md.parse(text))
    if not tokens:
        return ""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _heading_level(token.tag)
    rendered = md.renderer.render(tokens, md.options, {})
    return nh3.clean(rendered, tags=set(TAGS), attributes=ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer",
                     strip_comments=True)


def to_text(markdown: str) -> str:
    """``markdown`` as plain text for a mail's text part: the source, without the
    characters that reorder it and without the headings that have nothing under them."""
    text = markdown.translate(BIDI_CONTROLS)
    tokens = _parser().parse(text)
    lines = text.splitlines()
    dropped: set[int] = set()
    for i in _empty_headings(tokens):
        start, end = tokens[i].map or (0, 0)
        dropped.update(range(start, end))
    kept = "\n".join(line for n, line in enumerate(lines) if n not in dropped)
    return re.sub(r"\n{3,}", "\n\n", kept).strip()
