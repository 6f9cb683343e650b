"""What the metric pages show beyond the engine's aggregates: target status, the processes needing
attention (from the brand-risk ranking, analytics.measure.risk), headline cards, the per-process table and
the detail page's per-application views.

Plain functions of the metrics frames and one process's facts (and, for one application's events, the
store), so that pages only draw and everything here is tested without a browser. Candidates appear
only under their keyed pseudonym (analytics.privacy).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from analytics import formatting
from analytics.catalogue import CARD, METRICS, RANKING, MetricDefinition, display_metric, keys_shown_in, shares
from analytics.formatting import is_missing
from analytics.i18n import t
from analytics.measure.metrics import PeriodComparison
from analytics.measure.risk import RiskAssessment
from analytics.present.coverage import card_value, interval_text
from analytics.privacy import pseudonymise
from analytics.settings import Settings
from analytics.store import Store
from analytics.vocabulary import CONTACT_EVENT_TYPES

# Each share as (numerator, denominator) columns of the metrics frame, and the shares with a target.
SHARE_PARTS: dict[str, tuple[str, str]] = {metric.key: metric.ratio for metric in shares()}
TARGET_KEYS = tuple(metric.key for metric in shares() if metric.target is not None)
# How far a share lies on the wrong side of its target, in bands that tell processes apart: each band
# holds the distances up to its bound (in share points), best first.
DISTANCE_BANDS: tuple[tuple[str, float], ...] = (
    ("on_target", 0.0), ("within_5", 0.05), ("within_15", 0.15), ("within_30", 0.30), ("beyond_30", math.inf),
)
# Cell styles of the Processes table per band (dark text on a light tint, readable in print too).
STATUS_STYLES = {
    "beyond_30": "color: #ffffff; background-color: #b3261e",
    "within_30": "color: #8e1b1b; background-color: #fde2df",
    "within_15": "color: #7a4a00; background-color: #ffe2b8",
    "within_5": "color: #5c5200; background-color: #fff6cc",
    "on_target": "color: #1d5e22; background-color: #e3f3e4",
    "small": "color: #8a8f94",
    "unmeasured": "color: #5b6470; background-color: #eef1f4",
}

# The Overview's headline cards and the detail page's, in the order they are drawn (latencies in the chosen unit).
CARD_KEYS = keys_shown_in(CARD, follow_latency_unit=True)
# The judgement first (status and the coloured shares), the detail behind it.
PROCESS_TABLE_COLUMNS = ("status", "distance", "farthest", "process_name", "applications", "risk_score", *TARGET_KEYS,
                         *(f"{key}_interval" for key in TARGET_KEYS),
                         "ghosted", "ack_latency_median", "longest_silence_d_median", "process_id")
# What the Processes page can rank processes on: the shares with a target first.
RANKING_KEYS = tuple(sorted(keys_shown_in(RANKING, follow_latency_unit=True), key=lambda key: key not in TARGET_KEYS))

# The detail page's latency distributions and the setting that holds each one's limit in hours.
LATENCY_COLUMNS: dict[str, str | None] = {
    "ack_latency": "ack_sla_hours",
    "notice_latency": "notice_sla_hours",
    "post_interview_latency": None,
}


def target_gap(key: str, value: Any) -> float | None:
    """How far a share is on the wrong side of its target (≤ 0: the target is met); None without one."""
    metric = display_metric(key)
    if metric.target is None or is_missing(value):
        return None
    return metric.target - value if metric.higher_is_better else value - metric.target


def distance_band(gap: float | None) -> str | None:
    """The band of DISTANCE_BANDS a distance from the target falls in; None for no distance."""
    if gap is None:
        return None
    return next(band for band, bound in DISTANCE_BANDS if gap <= bound + 1e-9)


def target_status(key: str, value: Any) -> str | None:
    """The distance band of one share (DISTANCE_BANDS); None for a metric without target or value."""
    return distance_band(target_gap(key, value))


def target_distance(row: pd.Series | dict) -> tuple[float, str] | None:
    """(gap, key): the share farthest on the wrong side of its target (gap ≤ 0 when every measured
    target is met); None when the sources can tell none of the targets."""
    gaps = [(target_gap(key, row[key]), key) for key in TARGET_KEYS if key not in row["unmeasured"]]
    gaps = [(gap, key) for gap, key in gaps if gap is not None]
    return max(gaps, key=lambda pair: pair[0]) if gaps else None


def attention_items(assessment: RiskAssessment, lang: str) -> pd.DataFrame:
    """The processes the brand-risk score flags, riskiest first, each with its worst flag in words.

    One ranking for the whole app: the Overview, the Processes table and the Brand risk page agree.
    Columns: process_id, process_name, applications, risk_score, score_parts, worst (the rule's
    name) and evidence (that flag's numbers in a sentence).
    """
    flagged = assessment.processes[assessment.processes["risk_score"].fillna(0) > 0]
    # Flags come in rank order, each process's worst first.
    worst = assessment.flags.drop_duplicates("process_id").set_index("process_id")
    return pd.DataFrame({
        "process_id": flagged["process_id"],
        "process_name": flagged["process_name"],
        "applications": flagged["applications"],
        "risk_score": flagged["risk_score"],
        "score_parts": flagged["score_parts"],
        "worst": [t(f"risk.rule.{worst.at[pid, 'rule']}", lang) for pid in flagged["process_id"]],
        "evidence": [worst.at[pid, f"evidence_{lang}"] for pid in flagged["process_id"]],
    }).reset_index(drop=True)


def process_labels(metrics_by_process: pd.DataFrame) -> dict[str, str]:
    """process_id → "name (id)", in the metrics frame's order (by name)."""
    return {pid: f"{name} ({pid})" if name != pid else pid
            for pid, name in zip(metrics_by_process["process_id"], metrics_by_process["process_name"], strict=True)}


def pick_process(metrics_by_process: pd.DataFrame, requested: str | None,
                 riskiest: Callable[[], pd.DataFrame]) -> str:
    """The process to show: the requested one when the selection has it, else the top of the risk
    ranking (`riskiest` computes it only then)."""
    available = set(metrics_by_process["process_id"])
    if requested in available:
        return requested
    return next((pid for pid in riskiest()["process_id"] if pid in available), metrics_by_process["process_id"].iloc[0])


def process_status(row: pd.Series) -> str:
    """The distance band of a process's share farthest from its target; 'unmeasured' when its sources
    can tell none of the targets (never on target for lack of data), 'small' for a group too small to judge."""
    distance = target_distance(row)
    if distance is None:
        return "unmeasured"
    if row["small_group"]:
        return "small"
    return distance_band(distance[0])


def process_table(metrics_by_process: pd.DataFrame, ranking: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per process for the Processes page, farthest from its targets first.

    `distance` is how many percentage points the process's worst share lies on the wrong side of its
    target (0 when every measured target is met), `farthest` names that share, and `status` says
    its band (DISTANCE_BANDS) in words; `status_key` and `<share>_status` hold the bands as keys for
    `style_process_table`. Ties keep the order of the brand-risk ranking (`risk_score` from
    analytics.measure.risk.process_risk). Shares become percentages (0–100), each with
    `<share>_interval`, its Wilson interval as text ("61%–76%"). Processes whose sources tell none
    of the targets, then groups too small to judge, come last whatever their numbers.
    PROCESS_TABLE_COLUMNS are the ones to show.
    """
    statuses = [process_status(row) for _, row in metrics_by_process.iterrows()]
    distances = [target_distance(row) for _, row in metrics_by_process.iterrows()]
    table = pd.DataFrame({
        "status": [t(f"processes.status.{status}", lang) for status in statuses],
        "distance": [None if distance is None else round(max(distance[0], 0.0) * 100) for distance in distances],
        "farthest": [None if distance is None or distance[0] <= 0 else METRICS[distance[1]].label(lang)
                     for distance in distances],
        "process_name": metrics_by_process["process_name"],
        "process_id": metrics_by_process["process_id"],
        "applications": metrics_by_process["applications"].astype(int),
        "risk_score": metrics_by_process["process_id"].map(ranking.set_index("process_id")["risk_score"]),
        "status_key": statuses,
    })
    for key in TARGET_KEYS:
        table[key] = metrics_by_process[key] * 100
        table[f"{key}_interval"] = [interval_text(row, key, lang) for _, row in metrics_by_process.iterrows()]
        table[f"{key}_status"] = ["small" if status == "small" else "unmeasured" if key in row["unmeasured"]
                                  else target_status(key, row[key])
                                  for status, (_, row) in zip(statuses, metrics_by_process.iterrows(), strict=True)]
    table["ghosted"] = metrics_by_process["ghosted"].astype("Int64")  # <NA>: not in the data
    table["ack_latency_median"] = metrics_by_process["ack_latency_median"]
    table["longest_silence_d_median"] = metrics_by_process["longest_silence_d_median"]
    table["distance"] = table["distance"].astype("Int64")  # <NA>: no target in the data
    rank = {pid: position for position, pid in enumerate(ranking["process_id"])}
    order = pd.DataFrame({
        "last": [{"unmeasured": 1, "small": 2}.get(status, 0) for status in statuses],
        "gap": [-distance[0] if distance else 0.0 for distance in distances],
        "rank": metrics_by_process["process_id"].map(rank).fillna(len(rank)),
    }, index=metrics_by_process.index)
    order = order.sort_values(["last", "gap", "rank"], kind="stable").index
    return table.loc[order].reset_index(drop=True)


def style_process_table(table: pd.DataFrame, lang: str, latency_unit: str) -> Styler:
    """The table coloured by status (the status and each share red/amber/green, small groups grey) and
    written in the language: "83 %", "1 830", latencies in one readable unit per column. The cells
    keep their numbers, so sorting a column sorts by value."""
    def cell_styles(frame: pd.DataFrame) -> pd.DataFrame:
        styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
        styles["status"] = frame["status_key"].map(STATUS_STYLES)
        styles["distance"] = styles["status"]
        for key in TARGET_KEYS:
            styles[key] = frame[f"{key}_status"].map(STATUS_STYLES).fillna("")
        styles.loc[frame["status_key"] == "small", :] = STATUS_STYLES["small"]
        return styles

    def duration_in(unit: str, column: str):
        shown_in = formatting.display_unit(table[column], unit)
        return lambda value: formatting.duration(value, lang, unit, shown_in=shown_in, missing="–")

    def count(value: Any) -> str:
        return formatting.number(value, lang, missing="–")

    written = {key: (lambda value: formatting.percent(value / 100, lang, missing="–")) for key in TARGET_KEYS}
    written |= {"farthest": lambda value: value if isinstance(value, str) else "–"}   # never "None"
    written |= {"applications": count, "risk_score": count, "ghosted": count, "distance": count,
                "ack_latency_median": duration_in(latency_unit, "ack_latency_median"),
                "longest_silence_d_median": duration_in("days", "longest_silence_d_median")}
    return table.style.apply(cell_styles, axis=None).format(written, na_rep="–")


@dataclass(frozen=True)
class HeadlineCard:
    """One st.metric: label, value and the change, with delta_color in Streamlit's words."""

    key: str
    label: str
    value: str
    delta: str | None
    delta_color: str  # 'normal' (higher is better) | 'inverse' | 'off'
    help: str


def _delta_color(metric: MetricDefinition) -> str:
    return {True: "normal", False: "inverse"}.get(metric.higher_is_better, "off")


def format_change(metric: MetricDefinition, change: Any, lang: str, value: Any = None) -> str | None:
    """A signed change in the metric's unit: shares in percentage points, a duration in the unit its
    `value` is written in ("+1.5 days" beside "7.0 days"); "0" when it rounds to nothing."""
    if is_missing(change):
        return None
    if metric.unit in ("hours", "days"):
        shown_in = formatting.readable_unit(formatting.in_unit(value if not is_missing(value) else change,
                                                               metric.unit, "hours"))
        text = formatting.duration(change, lang, metric.unit, shown_in=shown_in, sign=True)
    else:
        text = metric.format_value(change, lang, sign=True)
    return text if re.search(r"[1-9]", text) else "0"


def _first(frame: pd.DataFrame, key: str) -> Any:
    return frame[key].iloc[0] if len(frame) else None


def _row(frame: pd.DataFrame) -> dict | None:
    return frame.iloc[0].to_dict() if len(frame) else None


def period_cards(comparison: PeriodComparison, latency_unit: str, lang: str) -> list[HeadlineCard]:
    """The Overview's cards: the period's value and its change against the period before.

    comparison: from compare_periods (its frames' latencies in latency_unit).
    """
    cards = []
    now_row = _row(comparison.current)
    for key in CARD_KEYS:
        metric = display_metric(key, latency_unit)
        now, before = _first(comparison.current, key), _first(comparison.previous, key)
        change = None if is_missing(now) or is_missing(before) else now - before
        value, help_text = card_value(now_row, key, metric, lang)
        cards.append(HeadlineCard(key, metric.label(lang), value, format_change(metric, change, lang, now),
                                  _delta_color(metric), help_text))
    return cards


def process_cards(metrics_by_process: pd.DataFrame, process_id: str, latency_unit: str,
                  lang: str) -> list[HeadlineCard]:
    """The detail page's cards for one process: shares with their distance from the target."""
    row = metrics_by_process[metrics_by_process["process_id"] == process_id]
    cards = []
    for key in CARD_KEYS:
        metric = display_metric(key, latency_unit)
        value = _first(row, key)
        gap = None if metric.target is None or is_missing(value) else value - metric.target
        shown, help_text = card_value(_row(row), key, metric, lang)
        if metric.target is not None:
            help_text += " " + t("detail.card_target", lang, target=formatting.percent(metric.target, lang))
        cards.append(HeadlineCard(key, metric.label(lang), shown, format_change(metric, gap, lang, value),
                                  _delta_color(metric), help_text))
    return cards


def acknowledgement_note(facts: pd.DataFrame, row: pd.Series | dict, ack_sla_hours: float, lang: str) -> str | None:
    """Why the funnel's "Acknowledged" and the card's "Acknowledged within SLA" differ, with both numbers:
    the funnel counts every application acknowledged at any time, the card only those past the
    deadline, acknowledged within it. None when the sources cannot tell acknowledgements."""
    if "ack_within_sla_share" in row["unmeasured"] or is_missing(row["ack_within_sla_share"]) or not len(facts):
        return None
    acknowledged = int(facts["ack_at"].notna().sum())
    return t("detail.ack_note", lang, acknowledged=acknowledged, applied=len(facts),
             acknowledged_share=formatting.percent(acknowledged / len(facts), lang), within=int(row["ack_within_sla"]),
             eligible=int(row.get("ack_within_sla_share_base", row["ack_eligible"])),
             within_share=formatting.percent(row["ack_within_sla_share"], lang), sla=f"{ack_sla_hours:g}")


def latency_limits(settings: Settings) -> dict[str, float | None]:
    """Each distribution's limit in settings.latency_unit: hours, or hours / 24 for (business) days.

    A business-day limit of SLA / 24 reads "48 h" as "2 working days", the usual promise; the SLA
    share itself is always judged in calendar hours.
    """
    per_unit = 1 if settings.latency_unit == "hours" else 24
    return {column: None if name is None else getattr(settings, name) / per_unit
            for column, name in LATENCY_COLUMNS.items()}


def _local(moments: pd.Series, timezone: str) -> pd.Series:
    """Instants as naive local wall-clock times, the way a recruiter reads them."""
    return moments.astype("datetime64[us, UTC]").dt.tz_convert(timezone).dt.tz_localize(None)


def ghosted_applications(store: Store, facts: pd.DataFrame, process_id: str, lang: str) -> pd.DataFrame:
    """The process's ghosted applications among the facts, longest silence first, by pseudonym only.

    Columns: application, days_silent, last_contact (local; empty when never contacted), applied
    (local), stage, waiting_for (what the candidate is waiting for, in words), recruiter.
    """
    in_process = facts[facts["process_id"] == process_id]
    ghosted = in_process[in_process["ghosted"].fillna(False).astype(bool)]
    ghosted = ghosted.sort_values("ghosted_days_silent", ascending=False)
    timezone = store.settings().timezone
    listed = pd.DataFrame({
        "candidate_id": ghosted["candidate_id"].astype(str),
        "process_id": ghosted["process_id"].astype(str),
        "days_silent": ghosted["ghosted_days_silent"].astype(float).round(1),
        "last_contact": _local(ghosted["last_contact_at"], timezone),
        "applied": _local(ghosted["applied_at"], timezone),
        "stage": ghosted["stage"].astype(object),
        "waiting_for": [t(f"detail.waiting.{'decision' if outcome == 'open' else 'notice'}", lang)
                        for outcome in ghosted["outcome"]],
        "recruiter": ghosted["recruiter"].astype(object),
    })
    return pseudonymise(store, listed).drop(columns="process_id").reset_index(drop=True)


def application_choices(store: Store, facts: pd.DataFrame, process_id: str) -> dict[str, str]:
    """pseudonym → candidate_id of the process's applications among the facts, for a timeline picker:
    ghosted ones first (longest silence), then the newest.

    The ids stay on the server as the picker's values; only pseudonyms are drawn.
    """
    process_facts = facts[facts["process_id"] == process_id]
    ordered = process_facts.assign(
        _ghosted=process_facts["ghosted"].fillna(False).astype(bool),
        _silent=process_facts["ghosted_days_silent"].astype(float).fillna(0.0),
    ).sort_values(["_ghosted", "_silent", "applied_at"], ascending=False)
    named = pseudonymise(store, ordered[["candidate_id", "process_id"]].astype(str), out_column="application")
    return dict(zip(named["application"], ordered["candidate_id"].astype(str), strict=True))


APPLICATION_EVENTS_SQL = """
SELECT candidate_id, process_id, event_type, occurred_at, channel, stage,
       list_contains(CAST($contacts AS VARCHAR[]), event_type) AS contact,
       CAST($as_of AS TIMESTAMPTZ) AS as_of
FROM events
WHERE candidate_id = $candidate_id AND process_id = $process_id
ORDER BY occurred_at, event_key
"""


def application_events(store: Store, candidate_id: str, process_id: str, as_of: datetime | None) -> pd.DataFrame:
    """One application's events in time order, for its timeline, under its pseudonym.

    Columns: application, process_id, event_type, occurred_at (instant), local_time (naive local),
    channel, stage, contact (the candidate heard from the employer), as_of_local (the end of the
    data: as_of, the moment the facts describe, metrics.facts_as_of).
    """
    events = store.query(APPLICATION_EVENTS_SQL, {"candidate_id": candidate_id, "process_id": process_id,
                                                  "contacts": list(CONTACT_EVENT_TYPES), "as_of": as_of})
    timezone = store.settings().timezone
    events.insert(events.columns.get_loc("occurred_at") + 1, "local_time", _local(events["occurred_at"], timezone))
    events["as_of_local"] = _local(events.pop("as_of"), timezone)
    return pseudonymise(store, events)
