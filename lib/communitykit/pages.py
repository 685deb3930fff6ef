"""The frame of every HTML page the kit writes (the report, the agency index, the public
guidelines): one doctype, one Content-Security-Policy, inline style only.

The policy allows nothing to load or run: no script, no connection, no font, no form;
images only as ``data:`` URIs and style only inline, so a page works offline and member
text that slipped past escaping could still do nothing.
"""

from __future__ import annotations

from .html import esc

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "script-src 'none'; connect-src 'none'; font-src 'none'; form-action 'none'; "
       "base-uri 'none'")
LANG_TAGS = {"en": "en", "zh": "zh-Hans"}


def page(title: str, main: str, language: str, css: str, *, footer: str = "",
         generator: bool = False) -> str:
    """A self-contained page: ``main`` (the ``<main>`` element, already HTML) and an
    optional ``footer`` (HTML) under the kit's head; ``title`` is escaped here."""
    return (
        f'<!DOCTYPE html>\n<html lang="{LANG_TAGS.get(language, "en")}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        + ('<meta name="generator" content="communitykit">\n' if generator else "")
        + f"<title>{esc(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        f"{main}{footer}</body>\n</html>\n"
    )
