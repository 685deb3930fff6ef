"""The frame of every HTML page the kit writes (the report, the agency index, the public
guidelines): one Jinja2 template (``templates/page.html.j2``), one Content-Security-Policy.

The policy allows nothing to load or run: no script, no connection, no font, no form;
images only as ``data:`` URIs and style only inline, so a page works offline and member
text that slipped past escaping could still do nothing. The template escapes what it is
given; the body, the footer and the style come in as markup the kit built (each already
escapes member text).
"""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, Template, select_autoescape
from markupsafe import Markup

from ..html import esc

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "script-src 'none'; connect-src 'none'; font-src 'none'; form-action 'none'; "
       "base-uri 'none'")
LANG_TAGS = {"en": "en", "zh": "zh-Hans"}


@functools.cache
def _template() -> Template:
    env = Environment(loader=PackageLoader("communitykit.report", "templates"),
                      autoescape=select_autoescape(["j2"]), keep_trailing_newline=True)
    return env.get_template("page.html.j2")


def page(title: str, main: str, language: str, css: str, *, footer: str = "",
         generator: bool = False) -> str:
    """A self-contained page: ``main`` (the ``<main>`` element, already HTML) and an
    optional ``footer`` (HTML) under the kit's head; ``title`` is escaped here."""
    return _template().render(
        lang=LANG_TAGS.get(language, "en"), csp=Markup(CSP), generator=generator,  # noqa: S704
        title=Markup(esc(title)),  # the kit's escaping, as everywhere on the page  # noqa: S704
        css=Markup(css), main=Markup(main), footer=Markup(footer))  # noqa: S704
