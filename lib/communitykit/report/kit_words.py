"""The kit's own words among the client's: default owner, "other" theme, unnamed requests."""

from __future__ import annotations

from ..i18n import tr
from ..listening.requests import UNSPECIFIED_ITEM
from ..listening.themes import DEFAULT_OWNER, OTHER_THEME

KIT_NAMES = frozenset({DEFAULT_OWNER, OTHER_THEME, UNSPECIFIED_ITEM})


def kit_name(value: str) -> str:
    """An owner or theme as shown: the kit's defaults translated, the playbook's as written."""
    return tr(value) if value in KIT_NAMES else value
