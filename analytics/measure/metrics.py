"""The metrics engine: per-application facts and their aggregates, all computed in DuckDB.

Definitions are in docs/metrics.md; the SQL is in sql/application_facts.sql (one row per
application, from the facts the store keeps: analytics/ingest/facts.py), sql/metrics_by_group.sql
(aggregates), sql/metrics_macros.sql (shares, Wilson intervals, net scores, the business clock) and
sql/metrics_selected_facts.sql (the page filters).
What each metric is called, its unit, target and the data it needs: analytics/catalogue.py.

`facts_cursor` is the one place that sets up a connection over the facts with the filters; the
voice and risk modules build their own tables on it. Latency units: see analytics/catalogue.py.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd

from analytics.calendar import swedish_weekday_holidays
from analytics.ingest.facts import use_stored_facts
from analytics.measure import evidence
from analytics.measure.window import Window
from analytics.settings import Settings
from analytics.store import Store, read_sql

# The group-by choices and the name of the key column each gives in the metrics frame.
GROUP_COLUMNS: dict[str, str] = {
    "process": "process_id",
    "recruiter": "recruiter",
    "department": "department",
    "stage": "stage",
    "month": "month",
    "all": "all",
}

@dataclass(frozen=True)
class Filters:
    """What the page filters select; dates are on the local date of applied_at, inclusive.

    scope_recruiter is not a filter a user chooses: it is set from a signed-in recruiter's role
    (analytics.access.recruiter_scope) and limits every read to the processes where they are the
    recruiter, whatever the other filters or a link ask for.
    """

    date_from: date | None = None
    date_to: date | None = None
    processes: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    recruiters: tuple[str, ...] = ()
    scope_recruiter: str | None = None

    def parameters(self) -> dict[str, Any]:
        """The filters as the bound parameters of selected_facts (sql/metrics_selected_facts.sql)."""
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "processes": list(self.processes),
            "departments": list(self.departments),
            "recruiters": list(self.recruiters),
            "scope_recruiter": self.scope_recruiter,
        }


NO_FILTERS = Filters()


@dataclass(frozen=True)
class PeriodComparison:
    """The metrics of a window and of the window of equal length just before it."""

    current_from: date
    current_to: date
    previous_from: date
    previous_to: date
    current: pd.DataFrame = field(compare=False)  # metrics_by 'all' of the current period: one row
    previous: pd.DataFrame = field(compare=False)  # ... of the period before


def parse_as_of(text: str, timezone: str) -> datetime:
    """An ISO 8601 moment; without an offset it is local time in `timezone`.

    A repeated autumn hour is read as the first one and a missing spring hour moves forward
    (zoneinfo's fold=0), as for imported timestamps.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise ValueError(f"--as-of: {text!r} is not an ISO 8601 date-time, e.g. 2026-03-02T09:15") from error
    return _as_instant(moment, timezone)


def _as_instant(moment: datetime | str | None, timezone: str) -> datetime | None:
    if moment is None:
        return None
    if isinstance(moment, str):
        return parse_as_of(moment, timezone)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    return moment.astimezone(ZoneInfo("UTC"))


def _reach_parameters(reach: Filters) -> dict[str, Any]:
    """application_facts.sql's first cut: applied_at from a day before the first date to two days after
    the last (UTC midnights; a local date in any zone, offsets up to 14 hours, lies within), and the
    departments and recruiters chosen."""
    def midnight(day: date | None, days: int) -> datetime | None:
        return None if day is None else datetime.combine(day + timedelta(days=days), time(), UTC)

    return {"reach_from": midnight(reach.date_from, -1), "reach_to": midnight(reach.date_to, 2),
            "departments": list(reach.departments), "recruiters": list(reach.recruiters)}


def _facts_parameters(cursor: duckdb.DuckDBPyConnection, settings: Settings, as_of: datetime | None,
                      reach: Filters) -> dict[str, Any]:
    holidays: tuple[date, ...] = ()
    if settings.latency_unit == "business_days":  # the only unit that reads the calendar
        first_year, last_year = cursor.execute(
            "SELECT year(min(first_event_at)), year(max(last_event_at)) FROM stored_facts"
        ).fetchall()[0]
        # One year of margin on each side: local dates can fall in the next or previous UTC year.
        holidays = swedish_weekday_holidays(first_year - 1, last_year + 1) if first_year else ()
    return {
        "as_of": as_of,
        "timezone": settings.timezone,
        "ack_sla_hours": float(settings.ack_sla_hours),
        "silence_limit_days": float(settings.silence_limit_days),
        "latency_unit": settings.latency_unit,
        "non_working_days": list(holidays),
        "processes": list(reach.processes),
        **_reach_parameters(reach),
        **evidence.facts_parameters(),
    }


@dataclass(frozen=True)
class KeptFacts:
    """Facts computed once into the temporary table application_facts of one connection (kept_facts),
    for several reads to share; `macros` names the macro files already loaded on it, so that each
    read does not load them again (several milliseconds a file)."""

    cursor: duckdb.DuckDBPyConnection
    macros: set[str] = field(default_factory=set)


@contextmanager
def kept_facts(store: Store, settings: Settings | None, filters: Filters = NO_FILTERS) -> Iterator[KeptFacts]:
    """The facts of the applications the filters select, computed once for every read given them
    (a report's dozen): DuckDB holds them within its memory limit and spills the rest to disk, where
    a frame of a few million applications would hold gigabytes in Python."""
    with facts_cursor(store, settings or store.settings(), filters, materialize=True) as cursor:
        yield KeptFacts(cursor, {"metrics_macros.sql"})


@contextmanager
def facts_cursor(store: Store, settings: Settings | None, filters: Filters = NO_FILTERS,
                 facts: pd.DataFrame | KeptFacts | None = None, as_of: datetime | str | None = None, *,
                 materialize: bool = False, macros: tuple[str, ...] = (),
                 reach: Filters | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection where `application_facts` names the facts and `selected_facts(...)` filters them.

    facts: a frame from `application_facts` or kept_facts' (then settings and as_of are not used),
    else the query over the stored facts, which computes only the applications `reach` (default: the
    filters) can select. The query stays a view unless `materialize`: one aggregation then reads only
    the columns it needs; several aggregations share one computed temporary table. macros: more files
    under measure/sql/ to load after metrics_macros.sql (e.g. 'voice_macros.sql').
    """
    if isinstance(facts, KeptFacts):
        _load_macros(facts.cursor, macros, facts.macros)
        yield facts.cursor
        return
    with store.cursor() as cursor:
        # Python variables must never stand in for tables (DuckDB's replacement scans).
        cursor.execute("SET python_enable_replacements = false")
        _load_macros(cursor, macros)
        if facts is not None:
            cursor.register("application_facts", facts)
        else:
            moment = _as_instant(as_of, settings.timezone)
            use_stored_facts(store, cursor, moment)
            parameters = _facts_parameters(cursor, settings, moment, reach or filters)
            if materialize:
                cursor.execute(
                    "CREATE TEMP TABLE application_facts AS " + read_sql("measure/sql/application_facts.sql"), parameters
                )
            else:
                cursor.register("application_facts", cursor.sql(read_sql("measure/sql/application_facts.sql"), params=parameters))
        cursor.execute(read_sql("measure/sql/metrics_selected_facts.sql"))
        yield cursor


def _load_macros(cursor: duckdb.DuckDBPyConnection, macros: tuple[str, ...], loaded: set[str] | None = None) -> None:
    """metrics_macros.sql and `macros` on the cursor; those in `loaded` are there already (and the
    others are added to it)."""
    loaded = set() if loaded is None else loaded
    for name in ("metrics_macros.sql", *macros):
        if name not in loaded:
            cursor.execute(read_sql(f"measure/sql/{name}"))
            loaded.add(name)


def _aggregate_parameters(by: str, settings: Settings, filters: Filters, current_from: date | None = None) -> dict:
    return {
        "group_by": by,
        "current_from": current_from,
        "latency_unit": settings.latency_unit,
        "min_group_size": settings.min_group_size,
        "min_survey_answers": settings.min_survey_answers,
        **filters.parameters(),
    }


def _aggregate(cursor: duckdb.DuckDBPyConnection, by: str, settings: Settings, filters: Filters) -> pd.DataFrame:
    frame = cursor.execute(read_sql("measure/sql/metrics_by_group.sql"), _aggregate_parameters(by, settings, filters)).df()
    return _described(frame, by)


def _described(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    frame = evidence.describe_coverage(frame.rename(columns={"group_key": GROUP_COLUMNS[by]}))
    if by != "process":
        frame = frame.drop(columns="process_name")
    return frame


def _aggregate_windows(cursor: duckdb.DuckDBPyConnection, settings: Settings, filters: Filters,
                       before: Window) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 'all' rows of the filters' window and of the window before, from one pass over the facts
    (grouping 'window'; two aggregations cost a third more). Each row is read into a frame of its own,
    as `_aggregate(..., "all", ...)` gives it: a column's pandas type depends on whether it holds a
    NULL, so the two rows of one frame could differ in type from two frames of one row."""
    both = replace(filters, date_from=before.start)
    cursor.execute("CREATE OR REPLACE TEMP TABLE window_metrics AS " + read_sql("measure/sql/metrics_by_group.sql"),
                   _aggregate_parameters("window", settings, both, filters.date_from))
    current, previous = (
        _described(cursor.execute("SELECT * REPLACE ('all' AS group_key) FROM window_metrics WHERE group_key = ?",
                                  [key]).df(), "all")
        for key in ("current", "previous"))
    cursor.execute("DROP TABLE window_metrics")   # a kept_facts connection lives on
    return current, previous


def _check_group(by: str) -> None:
    if by not in GROUP_COLUMNS:
        raise ValueError(f"Cannot group by {by!r}; choose one of {', '.join(GROUP_COLUMNS)}")


def application_facts(store: Store, settings: Settings | None = None, as_of: datetime | str | None = None,
                      filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """One row per application with every fact the metrics aggregate (see application_facts.sql).

    as_of: an instant, a naive local time in settings.timezone, an ISO string, or None for the
    latest event in the store. The frame is Arrow-backed (pd.ArrowDtype: missing values are pd.NA),
    which makes it cheap to build and to hand back: cache it and pass it to
    `metrics_by(facts=...)` so that a filter change does not recompute it.
    """
    settings = settings or store.settings()
    with facts_cursor(store, settings, filters, as_of=as_of) as cursor:
        return _selected(cursor, filters)


def select_facts(store: Store, facts: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of a facts frame the filters select, by the same SQL every aggregate filters with."""
    with facts_cursor(store, None, filters, facts) as cursor:
        return _selected(cursor, filters)


def _selected(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    selected = cursor.sql(
        "SELECT * FROM selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE), "
        "CAST($processes AS VARCHAR[]), CAST($departments AS VARCHAR[]), CAST($recruiters AS VARCHAR[]), "
        "CAST($scope_recruiter AS VARCHAR)) "
        "ORDER BY process_id, candidate_id",
        params=filters.parameters(),
    )
    return selected.to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)


def facts_as_of(facts: pd.DataFrame) -> datetime | None:
    """The moment the facts describe: application_facts.sql resolves it once (the given as_of, else
    the latest event in the store) and every row carries it. None for an empty store."""
    return None if facts.empty else facts["as_of"].iloc[0].to_pydatetime()


def latest_as_of(store: Store) -> datetime | None:
    """The moment the facts describe when no as_of is given (the latest event in the store), also
    when a selection holds no application to carry it; None for an empty store."""
    with store.cursor() as cursor:
        use_stored_facts(store, cursor, None)
        return cursor.execute("SELECT max(last_event_at) FROM stored_facts").fetchone()[0]


def metrics_by(store: Store, by: str, settings: Settings | None = None, as_of: datetime | str | None = None,
               filters: Filters = NO_FILTERS, facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """The metrics per group: by in GROUP_COLUMNS; 'all' gives one row for the whole selection.

    facts: a frame from `application_facts` made with the same settings and as_of (then as_of is
    not used); None computes them.
    """
    _check_group(by)
    settings = settings or store.settings()
    with facts_cursor(store, settings, filters, facts, as_of) as cursor:
        return _aggregate(cursor, by, settings, filters)


def compare_windows(store: Store, settings: Settings | None, filters: Filters,
                    facts: pd.DataFrame | KeptFacts | None = None, as_of: datetime | str | None = None) -> PeriodComparison:
    """The metrics of the filters' window and of the window of equal length just before it.

    The filters must hold both dates (the window every page shares, analytics/measure/window.py);
    the other filters apply to both windows. When the store's first application comes after the window
    before begins, that window is not covered by the data and its frame is empty (no change is shown).
    """
    if filters.date_from is None or filters.date_to is None:
        raise ValueError("compare_windows needs a window: both date_from and date_to")
    settings = settings or store.settings()
    window = Window(filters.date_from, filters.date_to)
    before = window.previous()
    both = replace(filters, date_from=before.start)
    with facts_cursor(store, settings, filters, facts, as_of, materialize=True, reach=both) as cursor:
        first_day = _first_day(cursor, settings.timezone, isinstance(facts, pd.DataFrame))
        if first_day is not None and first_day <= before.start:
            current, previous = _aggregate_windows(cursor, settings, filters, before)
        else:   # the data begin inside or after the window before: its numbers are unknown, not zero
            current = _aggregate(cursor, "all", settings, filters)
            previous = current.iloc[0:0]
    return PeriodComparison(window.start, window.end, before.start, before.end, current, previous)


def _first_day(cursor: duckdb.DuckDBPyConnection, timezone: str, from_frame: bool) -> date | None:
    """The local date of the store's first application (a frame holds them all; the query and kept
    facts only those the windows reach, so the stored facts tell)."""
    if from_frame:
        return cursor.execute("SELECT min(applied_date) FROM application_facts").fetchone()[0]
    return cursor.execute("SELECT CAST(timezone($timezone, min(applied_at)) AS DATE) FROM stored_facts",
                          {"timezone": timezone}).fetchone()[0]


def json_value(value: Any) -> Any:
    """A JSON-safe Python value: NaN/NA → None, numpy scalars → Python, dates and times → ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def metrics_json(store: Store, by: str, as_of: datetime | str | None = None) -> list[dict[str, Any]]:
    """What `python -m analytics metrics --by BY [--as-of T] --json` prints, as Python objects."""
    frame = metrics_by(store, by, as_of=as_of)
    frame["unmeasured"] = frame["unmeasured"].map(evidence.worded)
    return [{column: json_value(value) for column, value in row.items()} for row in frame.to_dict("records")]


def metrics_command(db_path: str | Path, by: str, as_of: str | None) -> str:
    """The JSON text of `metrics --json`; as_of is ISO 8601, naive meaning local time in the settings' zone."""
    _check_group(by)
    store = Store(db_path, access="shared")
    try:
        moment = parse_as_of(as_of, store.settings().timezone) if as_of else None
        return json.dumps(metrics_json(store, by, moment), ensure_ascii=False, indent=2)
    finally:
        store.close()
