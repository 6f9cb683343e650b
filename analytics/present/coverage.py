"""Unknown is never zero, in words: what the imported sources cannot tell, for cards, tables and reports.

A metric no application of a group can support is shown as "not in your data" with the reason and
the export that would add it; one that rests on part of the group says on how many applications
(analytics/measure/evidence.py computes both; docs/metrics.md, "What the data can tell").
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analytics import formatting
from analytics.catalogue import MetricDefinition, display_metric
from analytics.formatting import is_missing
from analytics.i18n import t
from analytics.measure import evidence


def card_value(row: Any, key: str, metric: MetricDefinition, lang: str) -> tuple[str, str]:
    """A card's value text and help: "Not in your data" with the reason when no source can tell it,
    the applications it rests on when only part can."""
    if row is None:
        return metric.format_value(None, lang), metric.explanation(lang)
    if reason := evidence.unmeasured_reason(row, key, lang):
        return t("unmeasured.value", lang), f"{reason}."
    part = evidence.measured_on(row, key)
    value = metric.format_value(row[key], lang)
    if part is None:
        return value, metric.explanation(lang)
    return value, f"{metric.explanation(lang)} ({t('measured.on', lang, n=part, total=row['applications'])})"


def interval_text(row: pd.Series, key: str, lang: str) -> str:
    """A share's Wilson interval ("61%–76%"), with the applications it rests on when only part of the
    process's can tell it; "not in your data" when none can."""
    if key in row["unmeasured"]:
        return t("unmeasured.short", lang)
    if is_missing(row[key]):
        return "–"
    text = f"{formatting.percent(row[f'{key}_low'], lang)}–{formatting.percent(row[f'{key}_high'], lang)}"
    part = evidence.measured_on(row, key)
    return text if part is None else f"{text} ({t('measured.on', lang, n=part, total=row['applications'])})"


def coverage_lines(row: Any, keys: tuple[str, ...], lang: str, latency_unit: str = "hours") -> list[str]:
    """Sentences for one metrics row: each metric its sources cannot tell ("not in your data", why and
    what to import), and each that rests on only part of the applications (on how many, and why)."""
    lines = []
    for key in keys:
        label = display_metric(key, latency_unit).label(lang)
        if reason := evidence.unmeasured_reason(row, key, lang):
            lines.append(t("unmeasured.line", lang, metric=label, reason=reason))
        elif (part := evidence.measured_on(row, key)) is not None:
            lines.append(t("measured.line", lang, metric=label, n=part, total=row["applications"],
                           reason=evidence.reason(evidence.partly_missing(row, key), lang)))
    return lines


def coverage_notes(metrics_by_process: pd.DataFrame, keys: tuple[str, ...], lang: str,
                   latency_unit: str = "hours") -> list[str]:
    """For a table of processes: per metric and reason, the processes whose sources cannot tell it."""
    notes = []
    for key in keys:
        by_reason: dict[str, list[str]] = {}
        for row in metrics_by_process.to_dict("records"):
            if reason := evidence.unmeasured_reason(row, key, lang):
                by_reason.setdefault(reason, []).append(str(row.get("process_name") or row.get("process_id")))
        label = display_metric(key, latency_unit).label(lang)
        for reason, names in by_reason.items():
            notes.append(t("unmeasured.processes", lang, metric=label, processes=", ".join(names), reason=reason))
    return notes


# Per brand-risk rule, the metric whose evidence it needs: its reason is the rule's when unjudged.
RULE_METRICS = {"no_or_slow_acknowledgement": "ack_within_sla_share", "left_without_updates": "ghosted_share",
                "outcome_not_told": "outcome_coverage", "no_personal_feedback": "personal_feedback_coverage",
                "negative_candidate_voice": "cnps"}


def unjudged_notes(processes: pd.DataFrame, metrics_by_process: pd.DataFrame, lang: str) -> list[str]:
    """Per brand-risk rule and reason, the processes whose sources cannot judge it: not in your data,
    neither a problem nor a clean bill (analytics.measure.risk's `unjudged`)."""
    rows = {row["process_id"]: row for row in metrics_by_process.to_dict("records")}
    notes = []
    for rule, key in RULE_METRICS.items():
        by_reason: dict[str, list[str]] = {}
        for process in processes.to_dict("records"):
            row = rows.get(process["process_id"])
            if rule in process["unjudged"] and row is not None:
                reason = evidence.unmeasured_reason(row, key, lang) or evidence.reason(
                    evidence.partly_missing(row, key), lang)
                by_reason.setdefault(reason, []).append(str(process["process_name"] or process["process_id"]))
        for reason, names in by_reason.items():
            notes.append(t("risk.unjudged", lang, rule=t(f"risk.rule.{rule}", lang), processes=", ".join(names),
                           reason=reason))
    return notes
