"""The report's language: English text is the key, other languages come from catalogues.

``tr("Goals")`` returns the text in the language set by ``use_language`` (English by
default). Values go in with ``str.format`` names, after translation:
``tr("{n} messages broke a rule", n=3)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .locales import CATALOGUES

LANGUAGES = ("en", "zh")
_language: ContextVar[str] = ContextVar("communitykit_language", default="en")


def language() -> str:
    return _language.get()


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Render everything inside the block in ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown report language {lang!r}; choose one of {LANGUAGES}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def tr(text: str, **values: object) -> str:
    """``text`` in the current language, with ``values`` filled in."""
    template = CATALOGUES.get(_language.get(), {}).get(text, text)
    return template.format(**values) if values else template
