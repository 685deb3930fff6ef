"""YouTube Studio's publish dates: how a file's numeric dates read (day or month first),
decided from the file's own evidence."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import parse_when

NUMERIC_DATE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$")
EXCEL_FORMS = ("%d-%b-%y", "%d-%b-%Y")  # Excel's re-save of "May 8, 2020": 8-May-20
DECISIVE = math.log(1000)  # the weekday evidence must favour one reading 1000 to 1


@dataclass(frozen=True)
class NumericDate:
    """A date written with numbers only, like ``08-05-2020``, ``7/16/2020`` or ``5.8.20``."""

    first: int
    second: int
    year: int
    padded: bool  # a part written with a leading zero: 08
    bare: bool  # a one-digit part written without one: 7

    @classmethod
    def parse(cls, text: str) -> NumericDate | None:
        m = NUMERIC_DATE.match(text.strip())
        if not m:
            return None
        year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        parts = (m[1], m[3])
        return cls(int(m[1]), int(m[3]), year, any(p.startswith("0") for p in parts),
                   any(len(p) == 1 for p in parts))

    @property
    def certain(self) -> bool | None:
        """True: month first is the only reading; False: day first is; None: either."""
        if self.second > 12 >= self.first:
            return True
        if self.first > 12 >= self.second:
            return False
        return None

    @property
    def either(self) -> bool:
        return self.first != self.second and max(self.first, self.second) <= 12

    def date(self, month_first: bool) -> dt.date:
        month, day = (self.first, self.second) if month_first else (self.second, self.first)
        return dt.date(self.year, month, day)


@dataclass
class DayOrder:
    """How this file's numeric dates read: each one the only way it can, and those that
    read either way ``month_first`` or not, as the file's evidence decided."""

    month_first: bool = True
    notes: list[str] = field(default_factory=list)

    def read(self, text: str) -> dt.datetime:
        number = NumericDate.parse(text)
        if number is None:
            return _other_date(text, self.month_first)
        certain = number.certain
        month_first = self.month_first if certain is None else certain
        try:
            day = number.date(month_first)
        except ValueError:
            raise ValueError(f"date {text.strip()!r} does not exist") from None
        return dt.datetime(day.year, day.month, day.day)


def _other_date(text: str, month_first: bool) -> dt.datetime:
    for form in EXCEL_FORMS:
        try:
            return dt.datetime.strptime(text.strip(), form)
        except ValueError:
            continue
    return parse_when(text, month_first)


def studio_day_order(values: Iterable[str]) -> DayOrder:
    """Decide how the dates that read either way are read, from the file's own dates.

    A value with a part above 12 can be read one way only, and proves that order for the
    file. When nothing proves it, month first (YouTube's English form). When the dates that
    read either way are written differently from the proven ones (zero-padded ``08-05-2020``
    beside bare ``7-16-2020``), a spreadsheet rewrote them, possibly swapping day and month:
    their order is then the one whose weekdays match the channel's publishing weekdays in
    the proven dates, if that evidence is decisive.
    """
    numbers = [n for v in values if (n := NumericDate.parse(v))]
    either = [n for n in numbers if n.either]
    certain = [n for n in numbers if n.certain is not None and _exists(n)]
    month_first = [n for n in certain if n.certain]
    day_first = [n for n in certain if not n.certain]
    order = DayOrder(month_first=len(month_first) >= len(day_first))
    if month_first and day_first:
        order.notes.append(f"the file mixes date orders: {len(month_first)} dates can only be "
                           f"month/day, {len(day_first)} only day/month; each read the only "
                           "way it can")
    if not either:
        return order
    said = "month/day" if order.month_first else "day/month"
    proven = month_first if order.month_first else day_first
    if not proven:
        order.notes.append(f"{len(either)} dates read either way (day/month or month/day): "
                           "read as month/day (nothing in the file proves the order: "
                           "YouTube's English form assumed)")
    elif _rewritten(proven, either):
        _weigh_weekdays(order, proven, either)
    else:
        order.notes.append(f"{len(either)} dates read either way (day/month or month/day): "
                           f"read as {said} (other dates in the file prove it)")
    return order


def _exists(number: NumericDate) -> bool:
    try:
        number.date(bool(number.certain))
    except ValueError:
        return False
    return True


def _rewritten(proven: list[NumericDate], either: list[NumericDate]) -> bool:
    """Whether the proven dates and those that read either way were written by two hands:
    bare one-digit parts in the first, zero-padded ones (and no bare ones) in the second."""
    return (any(n.bare for n in proven) and not any(n.padded for n in proven)
            and any(n.padded for n in either) and not any(n.bare for n in either))


def _weigh_weekdays(order: DayOrder, proven: list[NumericDate],
                    either: list[NumericDate]) -> None:
    """Read ``either`` in the order whose weekdays fit the proven dates' weekdays, when the
    fit is decisive; otherwise keep the proven order and say the dates may be swapped."""
    said = "month/day" if order.month_first else "day/month"
    other = "day/month" if order.month_first else "month/day"
    weekdays = Counter(n.date(order.month_first).weekday() for n in proven)

    def fit(month_first: bool) -> float:
        return sum(math.log((weekdays[n.date(month_first).weekday()] + 1) / (len(proven) + 7))
                   for n in either)

    evidence = fit(not order.month_first) - fit(order.month_first)
    written = (f"{len(either)} publish dates that read either way are zero-padded while the "
               f"{len(proven)} dates that can only be {said} are not: a spreadsheet rewrote "
               "them and may have swapped day and month")
    if evidence >= DECISIVE:
        order.month_first = not order.month_first
        order.notes.append(f"{written}; read as {other}, the reading whose weekdays match "
                           f"the channel's publishing weekdays in the {said} dates "
                           f"(odds above 1000 to 1)")
    else:
        order.notes.append(f"{written}; read as {said} (their weekdays do not decide): "
                           "check them against YouTube Studio")
