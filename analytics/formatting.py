"""How numbers, shares, durations and dates are written, by UI language, through Babel (CLDR).

English is written as in Britain (en_GB: "1,830", "83%", "4.7 h", "2 Mar 2026", weeks start on
Monday), the usage closest to a Swedish organisation's English-speaking staff; Swedish as in Sweden
(sv_SE: "1 830", "83 %", "4,7 h", "2026-03-02"). Every page, chart, table and report formats its
visible values here, so a number reads the same on a card, in a sentence and in a report.

Durations are written in the unit that reads best: minutes under an hour, hours under two days,
days under eight weeks, weeks above (`readable_unit`). A value that cannot be measured (None, NaN,
pandas' NA) is written as the words "not measurable", never as 0 or "None"; dense tables may pass a
dash instead.

This module sits at the ground floor beside the message catalogue: the metric catalogue and the
brand-risk sentences (analytics/measure/) use it as well as the presentation.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import cache
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import get_day_names, get_month_names
from babel.numbers import format_decimal

from analytics.i18n import LOCALES, t

HOURS_PER_UNIT = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0}
# Readable units: below these many hours a duration is written in the unit named.
READABLE_LIMITS = (("minutes", 1.0), ("hours", 48.0), ("days", 8 * 168.0))
DURATION_UNITS = ("minutes", "hours", "days", "weeks", "business_days")


def is_missing(value: Any) -> bool:
    """None, NaN, or a pandas/Arrow missing value (pd.NA, pd.NaT): none of them equals itself."""
    try:
        return value is None or bool(value != value)
    except TypeError:  # pd.NA: a comparison with it is NA, whose truth is undefined
        return True


def not_measurable(lang: str) -> str:
    return t("format.not_measurable", lang)


@cache
def _locale(lang: str) -> Locale:
    """The language's Babel locale, parsed once: Babel parses a locale given by name on every call,
    which took 40 % of the time of writing a number (a risk ranking writes a thousand)."""
    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _rounded(value: float, decimals: int) -> float:
    """Half away from zero (2.25 → 2.3, as people round), and no negative zero."""
    scaled = abs(float(value)) * 10 ** decimals
    result = math.floor(scaled + 0.5 + 1e-9) / 10 ** decimals
    return math.copysign(result, value) if result else 0.0


def number(value: Any, lang: str, decimals: int = 0, missing: str | None = None) -> str:
    """A number with the language's separators: "1,830.5" / "1 830,5" (negatives with Babel's
    hyphen-minus, which st.metric also reads as a fall)."""
    if is_missing(value):
        return not_measurable(lang) if missing is None else missing
    return format_decimal(_rounded(value, decimals), format=_pattern(decimals), locale=_locale(lang))


def signed(value: Any, lang: str, decimals: int = 0, missing: str | None = None) -> str:
    """A change or a net score with its sign: "+12", "-3,5"; "0" when it rounds to nothing."""
    if is_missing(value):
        return not_measurable(lang) if missing is None else missing
    text = number(value, lang, decimals)
    return "+" + text if _rounded(value, decimals) > 0 else text


def percent(share: Any, lang: str, decimals: int = 0, missing: str | None = None) -> str:
    """A share (0–1) as a percentage: "83%" / "83 %"."""
    if is_missing(share):
        return not_measurable(lang) if missing is None else missing
    return t("format.percent", lang, value=number(float(share) * 100, lang, decimals))


def points(change: Any, lang: str, missing: str | None = None) -> str:
    """A change of a share in percentage points: "+5 pp" / "+5 p.e."."""
    if is_missing(change):
        return not_measurable(lang) if missing is None else missing
    text = signed(float(change) * 100, lang)
    return text if text == "0" else f"{text} {t('chart.unit.pp', lang)}"


def readable_unit(hours: Any) -> str:
    """The unit a duration of this many hours reads best in: minutes under one, hours under 48, days
    under eight weeks, weeks ("0.1 h" reads as "6.0 min")."""
    if is_missing(hours):
        return "hours"
    return next((unit for unit, limit in READABLE_LIMITS if abs(float(hours)) < limit), "weeks")


def duration_decimals(value_in_unit: float) -> int:
    """One decimal below ten ("4.7 h", "7.0 days"), none above ("36 h", "12 days")."""
    return 1 if abs(value_in_unit) < 10 else 0


def unit_word(unit: str, lang: str) -> str:
    """The unit after a number or on an axis: "min", "h", "days"/"dagar", "weeks"/"veckor", ... (durations
    always carry a decimal below ten, so "1.0 days" is plural in both languages)."""
    return t(f"format.unit.{unit}", lang)


def duration(value: Any, lang: str, unit: str = "hours", *, shown_in: str | None = None,
             missing: str | None = None, sign: bool = False) -> str:
    """A duration given in `unit` ('minutes', 'hours', 'days', 'weeks' or 'business_days'), written in `shown_in`.

    Without `shown_in`, calendar time is written in its readable unit ("168.6" hours → "7.0 days");
    business days stay business days, since they cannot be turned into hours.
    """
    if is_missing(value):
        return not_measurable(lang) if missing is None else missing
    if unit == "business_days":
        shown_in, amount = "business_days", float(value)
    else:
        hours = float(value) * HOURS_PER_UNIT[unit]
        shown_in = shown_in or readable_unit(hours)
        amount = hours / HOURS_PER_UNIT[shown_in]
    decimals = duration_decimals(amount)
    text = (signed if sign else number)(amount, lang, decimals)
    return f"{text} {unit_word(shown_in, lang)}"


def in_unit(values: Any, unit: str, shown_in: str) -> Any:
    """Values given in `unit` converted to `shown_in` (a number or a pandas Series)."""
    if unit == shown_in or unit == "business_days":
        return values
    return values * HOURS_PER_UNIT[unit] / HOURS_PER_UNIT[shown_in]


def display_unit(values_in_hours: Any, unit: str = "hours") -> str:
    """One unit for a whole chart axis or table column: the readable unit of its typical upper value
    (the 90th percentile, so that one straggler does not turn every value into weeks)."""
    if unit == "business_days":
        return unit
    series = pd.Series(values_in_hours, dtype=float).dropna() * HOURS_PER_UNIT[unit]
    return readable_unit(series.quantile(0.9) if len(series) else None)


def day(value: Any, lang: str, missing: str | None = None) -> str:
    """A calendar date: "2 Mar 2026" / "2026-03-02"."""
    if is_missing(value):
        return not_measurable(lang) if missing is None else missing
    moment = pd.Timestamp(value)
    return _babel_date(moment.date(), format=t("format.date_pattern", lang), locale=_locale(lang))


def moment(value: Any, lang: str, timezone: str | None = None, missing: str | None = None) -> str:
    """A date and time, local to `timezone` when the instant carries a zone: "2 Mar 2026 14:05"."""
    if is_missing(value):
        return not_measurable(lang) if missing is None else missing
    stamp = pd.Timestamp(value)
    if timezone and stamp.tzinfo is not None:
        stamp = stamp.tz_convert(timezone)
    return f"{day(stamp, lang)} {stamp:%H:%M}"


def month(value: Any, lang: str) -> str:
    """A month: "Mar 2026" / "mars 2026" (value: a date, a timestamp or "2026-03")."""
    first = pd.Timestamp(f"{value}-01") if isinstance(value, str) and len(value) == 7 else pd.Timestamp(value)
    return _babel_date(first.date(), format="LLL y", locale=_locale(lang))


def cell(value: Any, lang: str, missing: str = "–") -> str:
    """Any table cell as the language writes it: numbers with its separators (one decimal when they
    have a fraction), moments as date and time, text as it is; a dash for nothing."""
    if is_missing(value):
        return missing
    if isinstance(value, float):
        return number(value, lang, 0 if value.is_integer() else 1)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value, lang)
    if isinstance(value, (pd.Timestamp, datetime)):
        return moment(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    return str(value)


# -- what widgets and charts need to write the same ---------------------------------------------------

def picker_format(lang: str) -> str:
    """st.date_input's format ("DD/MM/YYYY" in British English, "YYYY-MM-DD" in Swedish)."""
    return t("format.picker", lang)


def table_date_format(lang: str, with_time: bool = False) -> str:
    """st.column_config.DatetimeColumn's momentjs format: numeric, so no month name stays English."""
    pattern = t("format.table_date", lang)
    return f"{pattern} HH:mm" if with_time else pattern


def plotly_separators(lang: str) -> str:
    """Plotly's layout.separators: the decimal mark, then the thousands separator."""
    sample = format_decimal(1000.5, format="#,##0.0", locale=_locale(lang))
    return sample[5] + sample[1]


# The chart toolbar's texts (Plotly's own English words) and the message that says each instead.
TOOLBAR_TEXTS = {
    "Zoom": "zoom", "Pan": "pan", "Box Select": "box_select", "Lasso Select": "lasso_select",
    "Zoom in": "zoom_in", "Zoom out": "zoom_out", "Autoscale": "autoscale", "Reset axes": "reset_axes",
    "Download plot as a PNG": "download_png", "Download plot": "download", "Toggle Spike Lines": "spikelines",
    "Show closest data on hover": "hover_closest", "Compare data on hover": "hover_compare",
    "Double-click to zoom back out": "double_click", "Taking snapshot - this may take a few seconds": "snapshot",
    "Snapshot succeeded": "snapshot_done",
}


def plotly_config(lang: str) -> dict:
    """Plotly's config for a language (st.plotly_chart(config=...) and the reports): its toolbar texts,
    month and day names, separators and date order, as a locale of its own."""
    locale = {"dictionary": {english: t(f"chart.toolbar.{key}", lang) for english, key in TOOLBAR_TEXTS.items()},
              "format": _chart_format(lang)}
    return {"locale": lang, "locales": {lang: locale}, "displaylogo": False}


def _chart_format(lang: str) -> dict:
    """Plotly's locale "format": month and day names, separators and the date order of the language."""
    locale = _locale(lang)
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Plotly counts from Sunday, CLDR from Monday
    separators = plotly_separators(lang)
    return {
        "days": [days[index] for index in sunday_first],
        "shortDays": [short_days[index] for index in sunday_first],
        "months": [get_month_names("wide", locale=locale)[number] for number in range(1, 13)],
        "shortMonths": [get_month_names("abbreviated", locale=locale)[number] for number in range(1, 13)],
        "decimal": separators[0], "thousands": separators[1], "date": t("chart.day_format", lang),
    }
