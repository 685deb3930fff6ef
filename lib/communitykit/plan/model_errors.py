"""The playbook model's errors in the playbook's language.

In English a step refuses with exactly the words of ``communitykit validate``
(``plain_errors``). In another language each error is worded here from its pydantic
``type`` (``MESSAGES``, English keys of the catalogue, and the phrases of
``plain_errors.EXPECTED`` and ``BOUNDS``), filled in from the error's context. Types not
in the table keep the English wording (the playbook's own checks, e.g. pillar shares that
do not add up to 1).

To word another error type, add it to ``MESSAGES`` and its translation to
``locales/zh_plan/``.
"""

from __future__ import annotations

import difflib
from typing import Any

from .. import plain_errors
from ..i18n import language, tr
from ..playbook import Playbook

# pydantic error type -> the kit's sentence. Placeholders: ``input`` (the value given),
# ``expected`` (the choices), ``what`` (a kind of value), ``bound`` (a limit), ``name``.
MESSAGES: dict[str, str] = {
    "missing": "this key is missing and is required",
    "extra_forbidden": "unknown key {name}; check the spelling against "
                       "playbooks/templates/TEMPLATE.yaml",
    "literal_error": "{input} is not one of the choices: {expected}",
    **dict.fromkeys(plain_errors.EXPECTED, "expected {what}, got {input}"),
    **dict.fromkeys(plain_errors.BOUNDS, "must be {bound}, got {input}"),
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
    "finite_number": "must be a finite number, got {input}",
    "string_pattern_mismatch": "{input} is not written as expected (see TEMPLATE.yaml for "
                               "the form)",
    "clock_time": "{input} is not a time: use 24-hour time such as 09:00 or 17:30",
    "slug": "{input} is not an id: use lowercase letters, digits, '-' and '_', starting with "
            "a letter or digit, such as answer-faster",
}
CLOSE_KEY = "unknown key {name}; did you mean {close}?"


def problem(err: Any) -> str:
    """One error in the kit's words, or the English one when its type is not in the table."""
    kind, ctx = err["type"], err.get("ctx") or {}
    template = MESSAGES.get(kind)
    if template is None:
        return plain_errors.describe(err)
    values: dict[str, Any] = {"input": plain_errors.shown(err.get("input"))}
    if kind == "literal_error":  # "'low', 'high' or 'critical'": a list, not an English "or"
        values["expected"] = tr(", ").join(
            str(ctx.get("expected", "")).replace(" or ", ", ").split(", "))
    if kind in plain_errors.EXPECTED:
        values["what"] = tr(plain_errors.EXPECTED[kind])
    if kind in plain_errors.BOUNDS:
        bound = {k: f"{v:g}" if isinstance(v, float) else v for k, v in ctx.items()}
        values["bound"] = tr(plain_errors.BOUNDS[kind]).format(**bound)
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        values["name"] = repr(name)
        others = [k for k in KNOWN_KEYS if k != name]  # a key valid elsewhere is no suggestion
        close = difflib.get_close_matches(name, others, n=1, cutoff=0.75)
        if close:
            return tr(CLOSE_KEY, name=values["name"], close=repr(close[0]))
    return tr(template, **values)


KNOWN_KEYS = sorted(plain_errors.field_names(Playbook))


def wording(err: Any) -> str:
    """One error in plain words: ``communitykit validate``'s in English, else the table's."""
    if language() == "en":
        return plain_errors.describe(err, KNOWN_KEYS)
    return problem(err)
