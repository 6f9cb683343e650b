"""The metrics engine: per-application facts and their aggregates, all computed in DuckDB.

Definitions are in docs/metrics.md; the SQL is in sql/application_facts.sql (one row per
application), sql/metrics_by_group.sql (aggregates), sql/metrics_macros.sql (shares, Wilson
intervals, the business clock) and sql/metrics_selected_facts.sql (the page filters). Pages, the CLI
and exports read labels and formats from `METRICS` (and `display_metric`).

Latency units: contract columns keep their unit (`*_h` in calendar hours, `*_d` in calendar days)
so that `metrics --json` means the same whatever the settings. The unit-free columns
`ack_latency_median`, `ack_latency_p90`, `notice_latency_*` and `post_interview_latency_*` follow
`Settings.latency_unit` ('hours', 'days' = hours / 24, 'business_days' as analytics/calendar.py
defines), named in the frame's `latency_unit` column; `display_metric` gives their label and format.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd

from analytics.calendar import swedish_weekday_holidays
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
class MetricDefinition:
    """One metric as users see it: label, unit, format and which direction is good."""

    key: str
    label_en: str
    label_sv: str
    unit: str  # 'share' | 'hours' | 'days' | 'business_days' | 'count' | 'score'
    format: str  # str.format template for one value, e.g. "{:.0%}"
    explanation_en: str
    explanation_sv: str
    higher_is_better: bool | None  # None: neither (plain counts)
    target: float | None = None  # shares only: the level a process should reach (or stay below)

    def label(self, language: str = "en") -> str:
        return self.label_sv if language == "sv" else self.label_en

    def explanation(self, language: str = "en") -> str:
        return self.explanation_sv if language == "sv" else self.explanation_en

    def format_value(self, value: Any) -> str:
        """The value as shown in tables and cards; an undefined value is a dash."""
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            return "–"
        return self.format.format(value)


def _share(key, label_en, label_sv, explanation_en, explanation_sv, higher_is_better=True, target=None):
    return MetricDefinition(key, label_en, label_sv, "share", "{:.0%}", explanation_en, explanation_sv,
                            higher_is_better, target)


def _count(key, label_en, label_sv, explanation_en, explanation_sv, higher_is_better=None):
    return MetricDefinition(key, label_en, label_sv, "count", "{:,.0f}", explanation_en, explanation_sv,
                            higher_is_better)


def _hours(key, label_en, label_sv, explanation_en, explanation_sv):
    return MetricDefinition(key, label_en, label_sv, "hours", "{:.1f} h", explanation_en, explanation_sv,
                            False)


_METRIC_LIST: tuple[MetricDefinition, ...] = (
    _count("applications", "Applications", "Ansökningar",
           "Applications (candidate and process) with at least one event by the reference time.",
           "Ansökningar (kandidat och process) med minst en händelse fram till referenstiden."),
    _hours("ack_latency_h_median", "Time to acknowledgement (median)", "Tid till bekräftelse (median)",
           "Median time from application to the first contact at or after it, acknowledged applications.",
           "Mediantid från ansökan till första kontakten vid eller efter den, bland bekräftade ansökningar."),
    _hours("ack_latency_h_p90", "Time to acknowledgement (90th percentile)",
           "Tid till bekräftelse (90:e percentilen)",
           "Nine in ten acknowledged applications heard from the employer within this time.",
           "Nio av tio bekräftade ansökningar fick svar inom denna tid."),
    _count("ack_eligible", "Applications past the acknowledgement deadline",
           "Ansökningar förbi bekräftelsefristen",
           "Applications whose acknowledgement deadline has passed: the base of the SLA share.",
           "Ansökningar vars bekräftelsefrist har passerat: underlaget för andelen inom SLA."),
    _count("ack_within_sla", "Acknowledged within SLA (count)", "Bekräftade inom SLA (antal)",
           "Applications past the deadline that were acknowledged within the SLA hours.",
           "Ansökningar förbi fristen som bekräftades inom SLA-timmarna.", higher_is_better=True),
    _share("ack_within_sla_share", "Acknowledged within SLA", "Bekräftade inom SLA",
           "Of applications past the deadline, the share acknowledged within the SLA hours.",
           "Andel av ansökningarna förbi fristen som bekräftades inom SLA-timmarna.", target=0.95),
    _hours("notice_latency_h_median", "Time to rejection notice (median)", "Tid till avslagsbesked (median)",
           "Median time from the rejection decision to telling the candidate.",
           "Mediantid från avslagsbeslut till att kandidaten får besked."),
    _hours("notice_latency_h_p90", "Time to rejection notice (90th percentile)",
           "Tid till avslagsbesked (90:e percentilen)",
           "Nine in ten told rejections were told within this time of the decision.",
           "Nio av tio meddelade avslag meddelades inom denna tid från beslutet."),
    _count("outcome_known", "Decided applications", "Avgjorda ansökningar",
           "Applications rejected or offered a job (withdrawn ones left out).",
           "Ansökningar med avslag eller erbjudande (återtagna räknas inte)."),
    _count("outcome_informed", "Candidates told the outcome", "Kandidater som fått besked",
           "Decided applications whose candidate was told: a notice after a rejection, or an offer.",
           "Avgjorda ansökningar där kandidaten fått besked: avslagsbesked eller erbjudande."),
    _share("outcome_coverage", "Outcome told", "Besked lämnat",
           "Share of decided applications whose candidate was told the outcome.",
           "Andel avgjorda ansökningar där kandidaten fått besked.", target=0.95),
    _count("interviewed_rejected", "Rejected after interview", "Avslag efter intervju",
           "Applications with at least one interview held and a rejection that stands.",
           "Ansökningar med minst en genomförd intervju och ett avslag som står fast."),
    _count("personal_feedback", "Personal feedback given", "Personlig återkoppling given",
           "Rejected after interview and given feedback by phone, video or in person after the last interview.",
           "Avslag efter intervju med återkoppling per telefon, video eller på plats efter sista intervjun."),
    _share("personal_feedback_coverage", "Personal feedback after interview",
           "Personlig återkoppling efter intervju",
           "Of candidates rejected after an interview, the share given personal feedback.",
           "Andel av kandidaterna med avslag efter intervju som fått personlig återkoppling.", target=0.90),
    _hours("post_interview_latency_h_median", "Time to answer after interview (median)",
           "Tid till svar efter intervju (median)",
           "Median time from the last interview to the first feedback, rejection notice or offer.",
           "Mediantid från sista intervjun till första återkoppling, avslagsbesked eller erbjudande."),
    _hours("post_interview_latency_h_p90", "Time to answer after interview (90th percentile)",
           "Tid till svar efter intervju (90:e percentilen)",
           "Nine in ten interviewed candidates who got an answer got it within this time.",
           "Nio av tio intervjuade kandidater som fick svar fick det inom denna tid."),
    MetricDefinition(
        "longest_silence_d_median", "Longest silence (median)", "Längsta tystnad (median)", "days",
        "{:.1f} d",
        "Median over applications of the longest stretch without hearing from the employer.",
        "Median över ansökningarna av den längsta perioden utan besked från arbetsgivaren.", False),
    MetricDefinition(
        "longest_silence_d_p90", "Longest silence (90th percentile)", "Längsta tystnad (90:e percentilen)", "days",
        "{:.1f} d",
        "Nine in ten applications never waited longer than this without news.",
        "Nio av tio ansökningar väntade aldrig längre än så utan besked.", False),
    _count("ghosted", "Ghosted", "Ghostade",
           "Open applications without news for longer than the silence limit, or rejected and never told.",
           "Öppna ansökningar utan besked längre än tystnadsgränsen, eller avslag som aldrig meddelats.",
           higher_is_better=False),
    _share("ghosted_share", "Ghosted share", "Andel ghostade",
           "Share of applications that are ghosted (withdrawn applications never are).",
           "Andel ansökningar som är ghostade (återtagna är det aldrig).", higher_is_better=False,
           target=0.05),
    _count("outcome_hired", "Offers and hires", "Erbjudanden och anställningar",
           "Applications that ended in an offer (accepted or not).",
           "Ansökningar som slutade med ett erbjudande (antaget eller inte)."),
    _count("outcome_withdrawn", "Withdrawn", "Återtagna",
           "Applications the candidate withdrew.",
           "Ansökningar som kandidaten drog tillbaka."),
    _count("outcome_open", "Open", "Öppna",
           "Applications without a decision, offer or withdrawal yet.",
           "Ansökningar utan beslut, erbjudande eller återtagande ännu."),
    _count("survey_sent", "Surveys sent", "Enkäter skickade",
           "Applications whose candidate was sent a survey.",
           "Ansökningar där kandidaten fått en enkät."),
    _count("survey_responses", "Surveys answered", "Enkäter besvarade",
           "Applications sent a survey with at least one answer (a repeated answer counts once).",
           "Ansökningar med enkät och minst ett svar (upprepade svar räknas en gång).", higher_is_better=True),
    _share("survey_response_rate", "Survey response rate", "Svarsfrekvens",
           "Of applications sent a survey, the share that answered.",
           "Andel av ansökningarna med enkät som svarade."),
    _count("survey_answers_nps", "Answers with NPS", "Svar med NPS",
           "Survey answers with a 0–10 recommendation score: the base of the candidate NPS.",
           "Enkätsvar med rekommendationsbetyg 0–10: underlaget för kandidat-NPS."),
    MetricDefinition(
        "cnps", "Candidate NPS", "Kandidat-NPS", "score", "{:+.0f}",
        "Percentage of answers scoring 9–10 minus percentage scoring 0–6.",
        "Procent svar med 9–10 minus procent svar med 0–6.", True),
    _count("comments", "Comments", "Kommentarer",
           "Survey answers with a comment that has a sentiment label.",
           "Enkätsvar med en kommentar som har en sentimentetikett."),
    MetricDefinition(
        "sentiment_score", "Comment sentiment", "Kommentarernas ton", "score", "{:+.0f}",
        "100 × (positive − negative comments) / comments.",
        "100 × (positiva − negativa kommentarer) / kommentarer.", True),
)

METRICS: dict[str, MetricDefinition] = {metric.key: metric for metric in _METRIC_LIST}

# The unit-free latency columns and the hours metric each restates in Settings.latency_unit.
DISPLAY_LATENCIES: dict[str, str] = {
    "ack_latency_median": "ack_latency_h_median",
    "ack_latency_p90": "ack_latency_h_p90",
    "notice_latency_median": "notice_latency_h_median",
    "notice_latency_p90": "notice_latency_h_p90",
    "post_interview_latency_median": "post_interview_latency_h_median",
    "post_interview_latency_p90": "post_interview_latency_h_p90",
}
LATENCY_FORMATS = {"hours": "{:.1f} h", "days": "{:.1f} d", "business_days": "{:.1f} bd"}

# Shares and the headline numbers of the Overview, in the order the cards show them.
SHARE_KEYS = tuple(metric.key for metric in _METRIC_LIST if metric.unit == "share")
HEADLINE_KEYS = (
    "applications", "ack_within_sla_share", "ack_latency_h_median", "outcome_coverage",
    "personal_feedback_coverage", "ghosted_share", "survey_response_rate", "cnps",
)


def display_metric(key: str, latency_unit: str = "hours") -> MetricDefinition:
    """The definition of any metrics-frame column pages show, latencies in the chosen unit."""
    if key in DISPLAY_LATENCIES:
        hours_metric = METRICS[DISPLAY_LATENCIES[key]]
        return replace(hours_metric, key=key, unit=latency_unit, format=LATENCY_FORMATS[latency_unit])
    return METRICS[key]


@dataclass(frozen=True)
class Filters:
    """What the page filters select; dates are on the local date of applied_at, inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    processes: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    recruiters: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeriodComparison:
    """Headline metrics of the period ending at as_of against the period of equal length before it."""

    current_from: date
    current_to: date
    previous_from: date
    previous_to: date
    metrics: pd.DataFrame = field(compare=False)  # key, current, previous, change, improved


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


def _facts_parameters(store: Store, settings: Settings, as_of: datetime | None,
                      processes: tuple[str, ...]) -> dict[str, Any]:
    holidays: tuple[date, ...] = ()
    if settings.latency_unit == "business_days":  # the only unit that reads the calendar
        first_year, last_year = store.fetchall(
            "SELECT year(min(occurred_at)), year(max(occurred_at)) FROM events"
        )[0]
        # One year of margin on each side: local dates can fall in the next or previous UTC year.
        holidays = swedish_weekday_holidays(first_year - 1, last_year + 1) if first_year else ()
    return {
        "as_of": as_of,
        "timezone": settings.timezone,
        "ack_sla_hours": float(settings.ack_sla_hours),
        "silence_limit_days": float(settings.silence_limit_days),
        "latency_unit": settings.latency_unit,
        "non_working_days": list(holidays),
        "processes": list(processes),
    }


@contextmanager
def _facts_cursor(store: Store, settings: Settings, as_of: Any, filters: Filters, facts: pd.DataFrame | None,
                  materialize: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection where `application_facts` names the facts (the given frame, else the query).

    The query stays a view unless `materialize`: one aggregation then reads only the columns it
    needs; several aggregations share one computed temporary table.
    """
    with store.cursor() as cursor:
        # Python variables must never stand in for tables (DuckDB's replacement scans).
        cursor.execute("SET python_enable_replacements = false")
        cursor.execute(read_sql("measure/sql/metrics_macros.sql"))
        if facts is not None:
            cursor.register("application_facts", facts)
        else:
            parameters = _facts_parameters(store, settings, _as_instant(as_of, settings.timezone),
                                           filters.processes)
            if materialize:
                cursor.execute(
                    "CREATE TEMP TABLE application_facts AS " + read_sql("measure/sql/application_facts.sql"), parameters
                )
            else:
                cursor.register("application_facts", cursor.sql(read_sql("measure/sql/application_facts.sql"), params=parameters))
        cursor.execute(read_sql("measure/sql/metrics_selected_facts.sql"))
        yield cursor


def _filter_parameters(filters: Filters) -> dict[str, Any]:
    return {
        "date_from": filters.date_from,
        "date_to": filters.date_to,
        "processes": list(filters.processes),
        "departments": list(filters.departments),
        "recruiters": list(filters.recruiters),
    }


def _aggregate(cursor: duckdb.DuckDBPyConnection, by: str, settings: Settings, filters: Filters) -> pd.DataFrame:
    parameters = {
        "group_by": by,
        "latency_unit": settings.latency_unit,
        "min_group_size": settings.min_group_size,
        "min_survey_answers": settings.min_survey_answers,
        **_filter_parameters(filters),
    }
    frame = cursor.execute(read_sql("measure/sql/metrics_by_group.sql"), parameters).df()
    frame = frame.rename(columns={"group_key": GROUP_COLUMNS[by]})
    if by != "process":
        frame = frame.drop(columns="process_name")
    return frame


def _check_group(by: str) -> None:
    if by not in GROUP_COLUMNS:
        raise ValueError(f"Cannot group by {by!r}; choose one of {', '.join(GROUP_COLUMNS)}")


def application_facts(store: Store, settings: Settings | None = None, as_of: datetime | str | None = None,
                      filters: Filters = Filters()) -> pd.DataFrame:
    """One row per application with every fact the metrics aggregate (see application_facts.sql).

    as_of: an instant, a naive local time in settings.timezone, an ISO string, or None for the
    latest event in the store. The frame is Arrow-backed (pd.ArrowDtype: missing values are pd.NA),
    which makes it cheap to build and to hand back: cache it and pass it to
    `metrics_by(facts=...)` so that a filter change does not recompute it.
    """
    settings = settings or store.settings()
    with _facts_cursor(store, settings, as_of, filters, None) as cursor:
        selected = cursor.sql(
            "SELECT * FROM selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE), "
            "CAST($processes AS VARCHAR[]), CAST($departments AS VARCHAR[]), CAST($recruiters AS VARCHAR[])) "
            "ORDER BY process_id, candidate_id",
            params=_filter_parameters(filters),
        )
        return selected.to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)


def metrics_by(store: Store, by: str, settings: Settings | None = None, as_of: datetime | str | None = None,
               filters: Filters = Filters(), facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The metrics per group: by in GROUP_COLUMNS; 'all' gives one row for the whole selection.

    facts: a frame from `application_facts` made with the same settings and as_of (then as_of is
    not used); None computes them.
    """
    _check_group(by)
    settings = settings or store.settings()
    with _facts_cursor(store, settings, as_of, filters, facts) as cursor:
        return _aggregate(cursor, by, settings, filters)


def compare_periods(store: Store, settings: Settings | None, as_of: datetime | str | None, filters: Filters,
                    days: int, facts: pd.DataFrame | None = None) -> PeriodComparison:
    """Headline metrics for applications of the last `days` local days up to as_of, and the `days` before.

    The periods replace the filters' dates; the other filters apply to both periods.
    """
    settings = settings or store.settings()
    with _facts_cursor(store, settings, as_of, filters, facts, materialize=True) as cursor:
        moment = cursor.execute("SELECT max(as_of) FROM application_facts").fetchone()[0]
        end = (moment.astimezone(ZoneInfo(settings.timezone)).date() if moment is not None
               else datetime.now(ZoneInfo(settings.timezone)).date())
        current_from = end - timedelta(days=days - 1)
        previous_to = current_from - timedelta(days=1)
        previous_from = previous_to - timedelta(days=days - 1)
        current = _aggregate(cursor, "all", settings, replace(filters, date_from=current_from, date_to=end))
        previous = _aggregate(cursor, "all", settings, replace(filters, date_from=previous_from, date_to=previous_to))
    rows = []
    for key in HEADLINE_KEYS:
        now, before = _plain(current.at[0, key]), _plain(previous.at[0, key])
        change = now - before if now is not None and before is not None else None
        direction = METRICS[key].higher_is_better
        improved = None if change in (None, 0) or direction is None else (change > 0) == direction
        rows.append({"key": key, "current": now, "previous": before, "change": change, "improved": improved})
    return PeriodComparison(current_from, end, previous_from, previous_to, pd.DataFrame(rows))


def _plain(value: Any) -> Any:
    """A JSON-safe Python value: NaN/NA → None, numpy scalars → Python, timestamps → ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def metrics_json(store: Store, by: str, as_of: datetime | str | None = None) -> list[dict[str, Any]]:
    """What `python -m analytics metrics --by BY [--as-of T] --json` prints, as Python objects."""
    frame = metrics_by(store, by, as_of=as_of)
    return [{column: _plain(value) for column, value in row.items()} for row in frame.to_dict("records")]


def metrics_command(db_path: str | Path, by: str, as_of: str | None) -> str:
    """The JSON text of `metrics --json`; as_of is ISO 8601, naive meaning local time in the settings' zone."""
    _check_group(by)
    store = Store(db_path)
    try:
        moment = parse_as_of(as_of, store.settings().timezone) if as_of else None
        return json.dumps(metrics_json(store, by, moment), ensure_ascii=False, indent=2)
    finally:
        store.close()
