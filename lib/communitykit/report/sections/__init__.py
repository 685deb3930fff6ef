"""The sections of the review page, in their order: one module each, with
``render(report) -> Html``, and one method of ``report.review.Review`` that the review
notebook calls in a cell of its own.

``SECTIONS`` declares them: the module's name (also the page anchor and the method), and
the title it has in the page's contents (``None``: not listed, as the heading itself and
the presence part of "Presence and responsiveness"). ``tests/test_report_sections.py``
fails when a declared section lacks its module, method, notebook cell or documentation.
"""

from __future__ import annotations

SECTIONS: tuple[tuple[str, str | None], ...] = (
    ("title", None),
    ("commentary", None),  # the strategist's commentary and actions, when there are any
    ("summary", "Summary"),
    ("goals", "Goals"),
    ("responsiveness", "Presence and responsiveness"),
    ("presence", None),
    ("health", "Community health"),
    ("member_levels", "Member levels"),
    ("listening", "Listening"),
    ("rules", "Rules and escalations"),
    ("voices", "Voices"),
    ("reach", "Reach and growth"),
    ("appendix", "Appendix"),
)
# The page's contents: anchor and title (English, for ``tr``).
CONTENTS = tuple((name, title) for name, title in SECTIONS if title)
