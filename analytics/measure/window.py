"""The one time window that every page, card, list, chart, report and link shares.

A window is a range of local application dates, both ends included. A preset is the last N days
ending at "as of" (the local date of the latest event); any other range is a custom window. The
comparison window is the one of equal length just before it. A link carries the window as `from`
and `to` (analytics/present/links.py); a link without them opens on the default preset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PRESET_DAYS = (30, 90, 180, 365)
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class Window:
    """Applications whose local application date lies in [start, end]."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Window:
        """The window of equal length that ends the day before this one starts: what a change compares with."""
        return Window(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def preset(self, as_of_day: date) -> int | None:
        """The preset this window is (its length in days), or None for a custom window."""
        return self.days if self.end == as_of_day and self.days in PRESET_DAYS else None


def preset_window(days: int, as_of_day: date) -> Window:
    """The last `days` local days, as_of's day included."""
    return Window(as_of_day - timedelta(days=days - 1), as_of_day)


def window_from_link(date_from: date | None, date_to: date | None, as_of_day: date,
                     first_day: date | None) -> Window:
    """The window a link asks for: exactly `from`–`to`; a lone `from` runs to as_of's day, a lone `to`
    starts at the first day with data; neither gives the default preset. Reversed ends are swapped."""
    if date_from is None and date_to is None:
        return preset_window(DEFAULT_DAYS, as_of_day)
    start = date_from if date_from is not None else min(first_day or date_to, date_to)
    end = date_to if date_to is not None else max(as_of_day, date_from)
    return Window(min(start, end), max(start, end))
