"""A section's figure table: the catalogue's figures of that section, this period and the
previous one. A figure added to the catalogue (with ``table=True``) appears here."""

from __future__ import annotations

from ..catalogue import table_metrics
from ..html import fmt_number, table
from ..i18n import tr
from .context import Report
from .findings import metric_label


def figure_table(report: Report, section: str) -> str:
    now = report.figures.section(section)
    before = report.figures.section(section, "previous")
    rows = [(tr(metric_label(report.figures, m.id)), fmt_number(getattr(now, m.key), m.unit),
             fmt_number(getattr(before, m.key), m.unit)) for m in table_metrics(section)]
    return table([tr("Figure"), tr("This period"), tr("Previous")], rows, numeric=(1, 2))
