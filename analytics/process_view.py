"""What the metric pages show beyond the engine's aggregates: target status, the attention list,
headline cards, the per-process table and the detail page's per-application views.

Plain functions of the cached facts and metrics frames (and, for one application's events, the
store), so that pages only draw and everything here is tested without a browser. Candidates appear
only under their keyed pseudonym (analytics.privacy).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analytics.i18n import t
from analytics.importer import CONTACT_EVENT_TYPES
from analytics.metrics import METRICS, Filters, MetricDefinition, display_metric
from analytics.privacy import pseudonymise
from analytics.settings import Settings
from analytics.store import Store

# Each share with a target, as (numerator, denominator) columns of the metrics frame.
SHARE_PARTS: dict[str, tuple[str, str]] = {
    "ack_within_sla_share": ("ack_within_sla", "ack_eligible"),
    "outcome_coverage": ("outcome_informed", "outcome_known"),
    "personal_feedback_coverage": ("personal_feedback", "interviewed_rejected"),
    "ghosted_share": ("ghosted", "applications"),
    "survey_response_rate": ("survey_responses", "survey_sent"),
}
TARGET_KEYS = tuple(key for key in SHARE_PARTS if METRICS[key].target is not None)
# Missing a target by at most this much (in share points) is amber, by more red.
NEAR_TARGET = 0.10
STATUS_EMOJI = {"met": "🟢", "near": "🟠", "missed": "🔴", "small": "⚪"}

# The Overview's headline cards and the detail page's, in the order they are drawn.
OVERVIEW_CARD_KEYS = ("ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage",
                      "ack_latency_median", "ghosted_share")
PROCESS_CARD_KEYS = ("applications", *OVERVIEW_CARD_KEYS)

# The detail page's latency distributions and the setting that holds each one's limit in hours.
LATENCY_COLUMNS: dict[str, str | None] = {
    "ack_latency": "ack_sla_hours",
    "notice_latency": "notice_sla_hours",
    "post_interview_latency": None,
}


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def target_gap(key: str, value: Any) -> float | None:
    """How far a share is on the wrong side of its target (≤ 0: the target is met); None without one."""
    metric = METRICS[key]
    if metric.target is None or _missing(value):
        return None
    return metric.target - value if metric.higher_is_better else value - metric.target


def target_status(key: str, value: Any) -> str | None:
    """'met', 'near' (missed by at most NEAR_TARGET) or 'missed'; None for a metric without target or value."""
    gap = target_gap(key, value)
    if gap is None:
        return None
    if gap <= 0:
        return "met"
    return "near" if gap <= NEAR_TARGET else "missed"


def evidence_gap(key: str, row: pd.Series) -> float:
    """The part of a target miss the data is sure of: from the target to the Wilson bound nearest to it.

    Zero when the interval reaches the target, so chance in a small group never ranks it high.
    """
    metric = METRICS[key]
    bound = row[f"{key}_high"] if metric.higher_is_better else row[f"{key}_low"]
    gap = target_gap(key, bound)
    return max(gap, 0.0) if gap is not None else 0.0


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _reason(key: str, row: pd.Series, settings: Settings, lang: str) -> str:
    numerator, denominator = SHARE_PARTS[key]
    return t(f"reason.{key}", lang, share=_percent(row[key]), count=int(row[numerator]), total=int(row[denominator]),
             target=_percent(METRICS[key].target), sla=f"{settings.ack_sla_hours:g}")


def attention_list(metrics_by_process: pd.DataFrame, settings: Settings, lang: str) -> pd.DataFrame:
    """Processes that clearly miss a target, worst first, each with the reason in words.

    The severity is the sum over the targets of the evidence gap (see `evidence_gap`); a process
    of fewer than min_group_size applications is never listed on its own. Columns: process_id,
    process_name, applications, severity, reason (the misses, largest first).
    """
    rows = []
    for _, row in metrics_by_process.iterrows():
        if row["small_group"]:
            continue
        gaps = {key: evidence_gap(key, row) for key in TARGET_KEYS}
        misses = sorted((key for key, gap in gaps.items() if gap > 0), key=gaps.get, reverse=True)
        if misses:
            rows.append({
                "process_id": row["process_id"], "process_name": row["process_name"],
                "applications": int(row["applications"]), "severity": sum(gaps.values()),
                "reason": "; ".join(_reason(key, row, settings, lang) for key in misses),
            })
    columns = ["process_id", "process_name", "applications", "severity", "reason"]
    return pd.DataFrame(rows, columns=columns).sort_values("severity", ascending=False, ignore_index=True)


def process_labels(metrics_by_process: pd.DataFrame) -> dict[str, str]:
    """process_id → "name (id)", in the metrics frame's order (by name)."""
    return {pid: f"{name} ({pid})" if name != pid else pid
            for pid, name in zip(metrics_by_process["process_id"], metrics_by_process["process_name"], strict=True)}


def process_table(metrics_by_process: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per process for the Processes page, the processes needing attention first.

    Shares become percentages (0–100) for progress bars; each has a text column `<share>_interval`
    with its status emoji and Wilson interval ("🔴 61–76%"). `status` is the worst status of the
    targets, ⚪ for a group too small to judge; small groups come last whatever their numbers.
    """
    table = pd.DataFrame({
        "process_id": metrics_by_process["process_id"],
        "process_name": metrics_by_process["process_name"],
        "applications": metrics_by_process["applications"].astype(int),
    })
    severity = [sum(evidence_gap(key, row) for key in TARGET_KEYS) for _, row in metrics_by_process.iterrows()]
    statuses = []
    for _, row in metrics_by_process.iterrows():
        found = {target_status(key, row[key]) for key in TARGET_KEYS}
        worst = next((status for status in ("missed", "near", "met") if status in found), "met")
        statuses.append(STATUS_EMOJI["small" if row["small_group"] else worst])
    table.insert(0, "status", statuses)
    for key in TARGET_KEYS:
        table[key] = metrics_by_process[key] * 100
        table[f"{key}_interval"] = [
            "–" if _missing(row[key]) else
            f"{STATUS_EMOJI[target_status(key, row[key])]} {row[f'{key}_low']:.0%}–{row[f'{key}_high']:.0%}"
            for _, row in metrics_by_process.iterrows()
        ]
    table["ghosted"] = metrics_by_process["ghosted"].astype(int)
    table["ack_latency_median"] = metrics_by_process["ack_latency_median"]
    table["longest_silence_d_median"] = metrics_by_process["longest_silence_d_median"]
    order = pd.DataFrame({"small": metrics_by_process["small_group"].astype(bool), "severity": severity})
    order = order.sort_values(["small", "severity"], ascending=[True, False], kind="stable").index
    return table.loc[order].reset_index(drop=True)


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


def format_change(metric: MetricDefinition, change: Any, lang: str) -> str | None:
    """A signed change in the metric's unit: shares in percentage points; "0" when it rounds to nothing."""
    if _missing(change):
        return None
    if metric.unit == "share":
        text = f"{round(change * 100):+d} {t('unit.pp', lang)}"
    else:
        text = metric.format.replace("{:", "{:+", 1).format(change)
    return text if re.search(r"[1-9]", text) else "0"


def _first(frame: pd.DataFrame, key: str) -> Any:
    return frame[key].iloc[0] if len(frame) else None


def period_cards(current: pd.DataFrame, previous: pd.DataFrame, latency_unit: str, lang: str) -> list[HeadlineCard]:
    """The Overview's cards: the period's value and its change against the period before.

    current, previous: metrics_by(..., "all") of the two periods (latencies in latency_unit).
    """
    cards = []
    for key in OVERVIEW_CARD_KEYS:
        metric = display_metric(key, latency_unit)
        now, before = _first(current, key), _first(previous, key)
        change = None if _missing(now) or _missing(before) else now - before
        cards.append(HeadlineCard(key, metric.label(lang), metric.format_value(now), format_change(metric, change, lang),
                                  _delta_color(metric), metric.explanation(lang)))
    return cards


def process_cards(metrics_by_process: pd.DataFrame, process_id: str, latency_unit: str,
                  lang: str) -> list[HeadlineCard]:
    """The detail page's cards for one process: shares with their distance from the target."""
    row = metrics_by_process[metrics_by_process["process_id"] == process_id]
    cards = []
    for key in PROCESS_CARD_KEYS:
        metric = display_metric(key, latency_unit)
        value = _first(row, key)
        gap = None if metric.target is None or _missing(value) else value - metric.target
        help_text = metric.explanation(lang)
        if metric.target is not None:
            help_text += " " + t("cards.target", lang, target=_percent(metric.target))
        cards.append(HeadlineCard(key, metric.label(lang), metric.format_value(value), format_change(metric, gap, lang),
                                  _delta_color(metric), help_text))
    return cards


def latency_limits(settings: Settings) -> dict[str, float | None]:
    """Each distribution's limit in settings.latency_unit: hours, or hours / 24 for (business) days.

    A business-day limit of SLA / 24 reads "48 h" as "2 working days", the usual promise; the SLA
    share itself is always judged in calendar hours.
    """
    per_unit = 1 if settings.latency_unit == "hours" else 24
    return {column: None if name is None else getattr(settings, name) / per_unit
            for column, name in LATENCY_COLUMNS.items()}


def select_facts(facts: pd.DataFrame, filters: Filters, process_id: str | None = None) -> pd.DataFrame:
    """The applications the page filters select (as sql/metrics_selected_facts.sql), optionally of one process."""
    keep = pd.Series(True, index=facts.index)
    if filters.date_from:
        keep &= facts["applied_date"] >= filters.date_from
    if filters.date_to:
        keep &= facts["applied_date"] <= filters.date_to
    for column, chosen in (("process_id", filters.processes), ("department", filters.departments),
                           ("recruiter", filters.recruiters)):
        if chosen:
            keep &= facts[column].isin(chosen)
    if process_id is not None:
        keep &= facts["process_id"] == process_id
    return facts[keep.fillna(False).astype(bool)].reset_index(drop=True)


def _local(moments: pd.Series, timezone: str) -> pd.Series:
    """Instants as naive local wall-clock times, the way a recruiter reads them."""
    return pd.to_datetime(moments).dt.tz_convert(timezone).dt.tz_localize(None)


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
        "waiting_for": [t(f"ghosted.waiting.{'decision' if outcome == 'open' else 'notice'}", lang)
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
       list_contains(CAST($contacts AS VARCHAR[]), event_type) AS contact
FROM events
WHERE candidate_id = $candidate_id AND process_id = $process_id
ORDER BY occurred_at, event_key
"""


def application_events(store: Store, candidate_id: str, process_id: str) -> pd.DataFrame:
    """One application's events in time order, for its timeline, under its pseudonym.

    Columns: application, process_id, event_type, occurred_at (instant), local_time (naive local),
    channel, stage, contact (the candidate heard from the employer).
    """
    events = store.query(APPLICATION_EVENTS_SQL, {"candidate_id": candidate_id, "process_id": process_id,
                                                  "contacts": list(CONTACT_EVENT_TYPES)})
    events.insert(events.columns.get_loc("occurred_at") + 1, "local_time",
                  _local(events["occurred_at"], store.settings().timezone))
    return pseudonymise(store, events)
