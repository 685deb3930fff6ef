"""The figures of the earlier periods a report's trends show, computed without their report.

A report's trends read each earlier period from that period's rendered report; a client's
first report would show gaps where the store has the data. ``communitykit report acme
--period 2026-10 --fill-trends`` first goes through those periods (the four before the
previous one, which the report computes itself, and the same period a year before),
oldest first:

- a period with a rendered report (its metrics.json) is left alone;
- a period without data in the store is noted as such (``no-data.json``, with the
  store's version): the trend says "no data" until the store changes;
- for the others the figures are computed in this process as the review notebook
  computes them (``Review``, no kernel, no page) and written, as a metrics.json, to
  ``data/<client>/figures-only/<period>/`` (``trends.figures_only_file``), beside the
  store and not among the reports: no agency index, period list, link between reports,
  ``review`` draft or mail takes them for a report. One computed from the same store
  version and playbook is kept; otherwise it is computed again.

A period that cannot be computed is said and skipped: the report renders with its gap.
"""

from __future__ import annotations

import gc
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import atomic, caches
from ..errors import CommunityKitError
from ..paths import Client
from ..periods import Period
from ..report.trends import earlier, figures_only_file, no_data_file, year_before

# What became of each period (the command line prints one line per period).
COMPUTED, KEPT, RENDERED, NO_DATA, FAILED = (
    "figures computed, no report", "figures kept (store and playbook unchanged)",
    "report rendered, read as it is", "no data in the store", "figures not computed")


@dataclass(frozen=True)
class Filled:
    """One earlier period of the trends and what became of it."""

    label: str
    outcome: str
    seconds: float = 0.0
    reason: str = ""

    def line(self, year_ago: bool = False) -> str:
        when = f"{self.label} (a year before)" if year_ago else self.label
        took = f" ({self.seconds:.1f} s)" if self.outcome == COMPUTED else ""
        why = f": {self.reason}" if self.reason else ""
        return f"trends {when}: {self.outcome}{took}{why}"


def periods_to_fill(period: Period) -> list[Period]:
    """The earlier periods the trends of ``period`` read, oldest first: the same period a
    year before, then the charted ones before the previous period."""
    charted = earlier(period)[:-2]
    ago = year_before(period)
    out = [ago] if ago is not None and ago.label not in {p.label for p in charted} else []
    return sorted([*out, *charted], key=lambda p: (p.start, p.end))


def fill(client: Client, period: Period,
         say: Callable[[str], None] = print) -> list[Filled]:
    """Compute and keep the figures of each earlier period of ``period``'s trends that has
    data and no report; one line per period to ``say``. Never raises for a period."""
    ago = year_before(period)
    done = []
    for earlier_period in periods_to_fill(period):
        filled = _fill_one(client, earlier_period)
        say(filled.line(ago is not None and earlier_period.label == ago.label))
        done.append(filled)
    caches.clear()  # a batch worker goes on to another client
    return done


def _fill_one(client: Client, period: Period) -> Filled:
    label = period.label
    if (client.workspace.report_dir(client.name, label) / "metrics.json").is_file():
        return Filled(label, RENDERED)
    mark = no_data_file(client.workspace, client.name, label)
    if not has_data(client, period):
        mark.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(mark, json.dumps({"store_version": client.store.version}) + "\n")
        return Filled(label, NO_DATA)
    mark.unlink(missing_ok=True)
    target = figures_only_file(client.workspace, client.name, label)
    if _current(target, client):
        return Filled(label, KEPT)
    started = time.perf_counter()
    try:
        write(client, period, target)
    except CommunityKitError as exc:
        return Filled(label, FAILED, reason=str(exc))
    except Exception as exc:  # the report still renders, with this period a gap  # noqa: BLE001
        return Filled(label, FAILED, reason=f"{type(exc).__name__}: {exc}")
    finally:
        gc.collect()  # the period's dataset goes before the next one is read
    return Filled(label, COMPUTED, time.perf_counter() - started)


def has_data(client: Client, period: Period) -> bool:
    """Whether the store holds a post or a message of ``period`` (as a report checks before
    it starts: ``jobs.preflight``), reading only the period's months."""
    start, end = period.utc_bounds(client.playbook.tz)
    return any(len(client.store.load(table, ["created_at"], start, end))
               for table in ("posts", "messages"))


def write(client: Client, period: Period, target: Path) -> None:
    """The metrics.json of ``period``, as its report would write it, to ``target``."""
    from ..report.review import Review

    document = Review(client.name, period, client.workspace).metrics_document()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(target, json.dumps(document, indent=1, ensure_ascii=False) + "\n")


def _current(target: Path, client: Client) -> bool:
    """Whether ``target`` was computed from the client's store and playbook as they are."""
    try:
        doc = json.loads(target.read_text(encoding="utf-8"))
        return bool(doc["store_version"] == client.store.version and doc["playbook"]["sha256"]
                    == hashlib.sha256(client.playbook_file.read_bytes()).hexdigest())
    except (OSError, ValueError, KeyError, TypeError):
        return False
