"""How a message trace's times are read: Exchange's culture-dependent dates, Google's zones.

`define_trace_instant` creates the temporary macro `trace_instant(sent_raw, tz)` for one file;
trace_classified.sql calls it once per row. docs/message-traces.md explains the choices.
"""

from __future__ import annotations


class AmbiguousDateOrder(ValueError):
    """Every date of the file reads both as day/month and as month/day: the user must say which."""


# Exchange writes times in the exporting machine's culture (Export-Csv calls ToString()):
# sv-SE 2026-03-02 09:15:03, en-US 3/2/2026 9:15:03 AM, en-GB 02/03/2026 09:15:03, de-DE 02.03.2026 09:15:03.
MONTH_FIRST = ["%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"]
DAY_FIRST = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %I:%M:%S %p", "%d/%m/%Y %I:%M %p",
             "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d-%m-%Y %H:%M:%S"]
# Zone abbreviations a Google export may write after the time, as minutes east of UTC.
ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "AEST": 600, "AEDT": 660,
}
MONTH_FIRST_DATES = ["%m/%d/%Y"]
DAY_FIRST_DATES = ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]


def define_trace_instant(cursor, times: str, date_order: str) -> str:
    """The macro `trace_instant(sent_raw, tz)` that reads this file's times; returns how dates were read.

    Exchange writes UTC in the exporting machine's culture; Google the searching computer's zone
    after the time ('2026/03/02 09:15:03 CET'); the documented shape reads as canonical files do.
    """
    order = ""
    if times == "utc_culture":
        order = date_order if date_order in ("dmy", "mdy") else _detect_date_order(cursor)
        formats = {"dmy": DAY_FIRST, "mdy": MONTH_FIRST}.get(order)
        # ISO times (sv-SE, the admin center's report) may end in Z and carry 7 decimals: DuckDB's cast reads them
        iso = "try_cast(rtrim(sent_raw, 'Zz') AS TIMESTAMP)"
        instant = f"timezone('UTC', {f'coalesce(try_strptime(sent_raw, {_text_list(formats)}), {iso})' if formats else iso})"
    elif times == "zoned":
        # An abbreviation from ZONE_ABBREVIATIONS by its fixed offset (ICU would read 'BST' as
        # Bangladesh and not know 'CEST'); else a zone ICU knows ('GMT+02:00', 'Europe/Stockholm');
        # without a zone, the configured time zone.
        offsets = " ".join(f"WHEN '{zone}' THEN {minutes}" for zone, minutes in ZONE_ABBREVIATIONS.items())
        zone = "upper(regexp_extract(sent_raw, ' ([A-Za-z]{1,5})$', 1))"
        local = "try_strptime(regexp_replace(sent_raw, ' [A-Za-z]{1,5}$', ''), '%Y/%m/%d %H:%M:%S')"
        instant = (f"coalesce(timezone('UTC', {local}) - to_minutes(CASE {zone} {offsets} END), "
                   "try_strptime(sent_raw, '%Y/%m/%d %H:%M:%S %Z'), "
                   "local_to_instant(try_strptime(sent_raw, '%Y/%m/%d %H:%M:%S'), tz), parse_instant(sent_raw, tz))")
    else:
        instant = "parse_instant(sent_raw, tz)"
    cursor.execute(f"CREATE OR REPLACE TEMP MACRO trace_instant(sent_raw, tz) AS CAST({instant} AS TIMESTAMPTZ)")
    return order


def _text_list(values: list[str]) -> str:
    """A constant list of this module as SQL (never values from a file)."""
    return "[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def _detect_date_order(cursor) -> str:
    """'iso', 'dmy' or 'mdy' from the file's distinct dates: a day above 12 tells the order.

    When every date reads both ways (all days 1-12, no ISO dates), the order cannot be known from
    the file: the import stops and asks for it (Data page choice, `--date-order`).
    """
    iso, month_first, day_first, total = cursor.execute(
        f"""
        WITH days AS (SELECT DISTINCT split_part(split_part(sent_raw, ' ', 1), 'T', 1) AS day
                      FROM trace_rows WHERE sent_raw IS NOT NULL)
        SELECT count(try_strptime(day, '%Y-%m-%d')), count(try_strptime(day, {_text_list(MONTH_FIRST_DATES)})),
               count(try_strptime(day, {_text_list(DAY_FIRST_DATES)})), count(*)
        FROM days
        """
    ).fetchone()
    if iso == total or (month_first == 0 and day_first == 0):
        return "iso"
    if month_first != day_first:
        return "mdy" if month_first > day_first else "dmy"
    raise AmbiguousDateOrder(f"{total} dates read both day first and month first")
