"""List the report's translatable English texts and which lack a translation.

Usage: python scripts/i18n_keys.py [LANG]   (default zh). Exit 1 when any is missing.
Static keys come from ``tr("...")`` calls; dynamic ones from the catalogues the report
translates by value (metric labels, statuses, roles, definitions).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from communitykit import playbook
from communitykit.catalogue import CATALOGUE
from communitykit.definitions import DECISIONS, DEFINITIONS
from communitykit.listening.themes import DEFAULT_OWNER, OTHER_THEME
from communitykit.locales import CATALOGUES

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "communitykit"
STATUSES = ("met", "on track", "at risk", "off track", "missed", "no data", "no baseline",
            "not started", "partial data")
DYNAMIC = (
    *(m.label for m in CATALOGUE.values()),
    *STATUSES, *(f"{{n}} {s}" for s in STATUSES),
    "handled in time", "handled late", "open",
    *playbook.SEVERITY_ORDER, *(r.replace("_", " ") for r in playbook.ROLES),
    "ambassador", "influencer", "employee", "community manager", "team", "advocate", "peer",
    *playbook.WEEKDAYS, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "question", "message", "business", "calendar",
    "low", "medium", "high", "critical",
    DEFAULT_OWNER, OTHER_THEME,
    *(text for pair in DEFINITIONS + DECISIONS for text in pair),
)


def static_keys() -> set[str]:
    keys = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                keys.add(node.args[0].value)
    return keys


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh"
    keys = static_keys() | set(DYNAMIC)
    missing = sorted(k for k in keys if k not in CATALOGUES.get(lang, {}))
    for key in missing:
        print(repr(key))
    print(f"{len(keys)} texts, {len(missing)} without a {lang} translation", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
