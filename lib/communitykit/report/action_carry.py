"""Action items carried from review to review.

The notes are read oldest first; an action is known by its id (else its wording), and a
later note's entry replaces the earlier one (status, due date, owner, wording). At the
report of period P an open or in-progress action shows its age (days from the end of the
period whose review raised it to P's end) and is overdue when due before P's end; a done
or dropped action shows in the report of the period whose review closed it, and never
after (archived). Drafts (``draft: true``) count for nothing yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..periods import Period
from .review_notes import CLOSED, Action, ReviewNote


@dataclass(frozen=True)
class Carried:
    action: Action  # as the latest note wrote it
    raised: Period  # the period whose review first listed it
    closed_in: Period | None  # the period whose review marked it done or dropped
    age_days: int  # from the end of ``raised`` to the report period's end
    overdue: bool

    @property
    def new(self) -> bool:
        return self.age_days == 0


@dataclass(frozen=True)
class ActionList:
    open: list[Carried]  # open and in progress: overdue first, then by due date
    closed: list[Carried]  # done or dropped in the report's period

    def __bool__(self) -> bool:
        return bool(self.open or self.closed)


def carry(notes: list[ReviewNote], period: Period) -> ActionList:
    """The actions to show in the report of ``period`` from ``notes`` (oldest first, each
    of a period ending on or before ``period``'s end)."""
    state: dict[str, tuple[Action, Period, Period | None]] = {}
    for note in notes:
        if note.draft or note.period.end > period.end:
            continue
        for action in note.actions:
            before = state.get(action.key)
            raised = before[1] if before else note.period
            closed_in = None
            if action.status in CLOSED:
                was_closed = before is not None and before[0].status in CLOSED
                closed_in = before[2] if was_closed and before else note.period
            state[action.key] = (action, raised, closed_in)
    shown = [Carried(action, raised, closed_in, (period.end - raised.end).days,
                     action.status not in CLOSED and action.due < period.end)
             for action, raised, closed_in in state.values()]
    still = sorted((c for c in shown if c.closed_in is None),
                   key=lambda c: (not c.overdue, c.action.due, c.action.what.casefold()))
    closed = sorted((c for c in shown if c.closed_in is not None
                     and c.closed_in.end > period.start),
                    key=lambda c: (c.action.status, c.action.due, c.action.what.casefold()))
    return ActionList(still, closed)
