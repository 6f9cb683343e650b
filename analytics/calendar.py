"""Business days: Monday to Friday, except Swedish public holidays and the de facto holidays.

The de facto holidays are midsommarafton, julafton and nyårsafton, which the Annual Leave Act treats
like Sundays (holidays' `DE_FACTO` category). The `holidays` package can also list every Sunday as a
Swedish holiday (`include_sundays`); weekends are excluded by weekday in SQL anyway, so only
weekday dates are returned here, whatever that option's default.

A latency in business days is measured on a business clock (sql/application_facts.sql): a moment's
clock is the number of business days before its local date, plus the elapsed part of its local date
when that date is a business day. So Friday 16:00 to Monday 10:00 is 8/24 + 10/24 = 0.75 business
days, a whole weekend or holiday counts 0, and two moments at the same local time of day are exactly
as many business days apart as there are business days d with date(start) < d <= date(end).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays
from holidays.constants import DE_FACTO, PUBLIC


@lru_cache(maxsize=8)
def swedish_weekday_holidays(first_year: int, last_year: int) -> tuple[date, ...]:
    """Weekdays that are not business days in Sweden, for the years first_year..last_year."""
    days = holidays.country_holidays(
        "SE", years=range(first_year, last_year + 1), categories=(PUBLIC, DE_FACTO)
    )
    return tuple(sorted(day for day in days if day.weekday() < 5))
