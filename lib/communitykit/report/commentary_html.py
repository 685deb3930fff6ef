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

import nh3
from markdown_it import MarkdownIt

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


def to_html(markdown: str) -> str:
    """``markdown`` as sanitised HTML (the empty string for an empty text)."""
    text = markdown.translate(BIDI_CONTROLS)
    if not text.strip():
        return ""
    md = _parser()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _heading_level(token.tag)
    rendered = md.renderer.render(tokens, md.options, {})
    return nh3.clean(rendered, tags=set(TAGS), attributes=ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer",
                     strip_comments=True)


def to_text(markdown: str) -> str:
    """``markdown`` as plain text for a mail's text part: the source, without the
    characters that reorder it."""
    return markdown.translate(BIDI_CONTROLS).strip()
