"""The brand-risk rules: which flag each process earns, and how strong it is.

Each rule compares a process's number with a threshold from the settings; the severity says how
far the 95 % interval lies beyond it, so that a flag is as strong as its evidence (docs/risk.md).
The numbers come from sql/risk_process_checks.sql and sql/risk_process_trends.sql (analytics.measure.risk
runs them); this module only judges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from analytics.formatting import is_missing
from analytics.settings import Settings

RULES = (
    "no_or_slow_acknowledgement", "left_without_updates", "outcome_not_told", "no_personal_feedback",
    "negative_candidate_voice", "getting_worse",
)
SEVERITY_POINTS = {"high": 3, "medium": 2, "low": 1}
# Scores (cNPS, sentiment) run from −100 to 100: 200 points span what a share spans from 0 to 1.
SCORE_SPAN = 200.0
# Per rule, the count of risk_process_checks.sql saying on how many applications its sources can
# judge it; getting_worse can be judged where any of the four shares can.
RULE_JUDGED = {"no_or_slow_acknowledgement": "ack_judged", "left_without_updates": "ghosted_judged",
               "outcome_not_told": "notice_judged", "no_personal_feedback": "feedback_judged",
               "negative_candidate_voice": "voice_judged"}


@dataclass(frozen=True)
class Check:
    """One number of a process against its threshold, with the interval that says how sure it is."""

    measure: str
    value: float | None
    low: float | None
    high: float | None
    n: int
    threshold: float
    higher_is_better: bool
    span: float = 1.0  # 1 for shares, SCORE_SPAN for scores: scales the high-severity margin

    def severity(self, settings: Settings) -> str | None:
        """None when the process is not worse than the threshold, or only by a chance a small group allows.

        low: the value is beyond the threshold but its interval reaches back to it (needs at least
        min_group_size applications); medium: the whole interval is beyond it, so the breach is
        proven whatever the group size; high: the whole interval is beyond it by risk_high_margin.
        """
        if is_missing(self.value):
            return None
        direction = 1 if self.higher_is_better else -1
        shortfall = direction * (self.threshold - self.value)
        proven_shortfall = direction * (self.threshold - (self.high if self.higher_is_better else self.low))
        if shortfall <= 0:
            return None
        if proven_shortfall >= settings.risk_high_margin * self.span:
            return "high"
        if proven_shortfall > 0:
            return "medium"
        return "low" if self.n >= settings.min_group_size else None

    def sort_key(self, settings: Settings) -> tuple[int, float]:
        severity = self.severity(settings)
        direction = 1 if self.higher_is_better else -1
        best_end = self.high if self.higher_is_better else self.low
        return SEVERITY_POINTS.get(severity, 0), direction * (self.threshold - best_end) / self.span


def unjudged_rules(total: dict) -> tuple[str, ...]:
    """The rules a process's sources cannot judge: no application of it records what the rule asks."""
    missing = tuple(rule for rule, judged in RULE_JUDGED.items() if not total[judged])
    shares = set(RULES[:4])
    return (*missing, "getting_worse") if shares <= set(missing) else missing


def _share_check(row: dict, measure: str, whole: str, threshold: float, higher_is_better: bool = True) -> Check:
    return Check(measure, row[measure], row[f"{measure}_low"], row[f"{measure}_high"], int(row[whole]),
                 threshold, higher_is_better)


def _checks(row: dict, settings: Settings) -> dict[str, list[Check]]:
    """The checks of each rule but getting_worse, for one process's 'all' row of risk_process_checks."""
    voice = []
    if row["nps_answers"] >= settings.min_survey_answers:
        voice.append(Check("cnps", row["cnps"], row["cnps_low"], row["cnps_high"], int(row["nps_answers"]),
                           settings.risk_cnps_min, True, SCORE_SPAN))
    if row["comments"] >= settings.min_survey_answers:
        voice.append(Check("sentiment_score", row["sentiment_score"], row["sentiment_score_low"],
                           row["sentiment_score_high"], int(row["comments"]), settings.risk_sentiment_min, True,
                           SCORE_SPAN))
    return {
        "no_or_slow_acknowledgement": [
            _share_check(row, "ack_within_sla_share", "ack_eligible", settings.risk_ack_within_sla_min)],
        "left_without_updates": [
            _share_check(row, "ghosted_share", "ghosted_judged", settings.risk_ghosted_max, higher_is_better=False)],
        "outcome_not_told": [_share_check(row, "told_in_time_share", "notice_due", settings.risk_told_in_time_min)],
        "no_personal_feedback": [
            _share_check(row, "personal_feedback_share", "feedback_due", settings.risk_personal_feedback_min)],
        "negative_candidate_voice": voice,
    }


def _trend_check(trend: dict, settings: Settings) -> Check:
    """How much worse the recent half is, judged like any share against risk_worsening_min.

    Only changes whose interval excludes "no change" are judged (the caller drops the others): two
    halves of one process differ by chance, and a chance difference is no news. n is the smaller
    half, so that a small half can only raise a flag the interval proves.
    """
    return Check(trend["measure"], trend["worsening"], trend["worsening_low"], trend["worsening_high"],
                 int(min(trend["previous_n"], trend["current_n"])), settings.risk_worsening_min, False)


def affected_count(rule: str, row: dict, trend: dict | None) -> int:
    """The applications behind a flag: the ones that missed what the rule asks for."""
    if rule == "getting_worse":
        failed = trend["current_part"] if not trend["higher_is_better"] else trend["current_n"] - trend["current_part"]
        return int(failed)
    return int({
        "no_or_slow_acknowledgement": row["ack_eligible"] - row["ack_within_sla"],
        "left_without_updates": row["ghosted"],
        "outcome_not_told": row["notice_due"] - row["told_in_time"],
        "no_personal_feedback": row["feedback_due"] - row["personal_feedback"],
        "negative_candidate_voice": row["unhappy_candidates"],
    }[rule])


def flag_details(rule: str, row: dict, trend: dict | None, settings: Settings) -> dict[str, Any]:
    """The numbers besides the decisive share that the evidence and the action quote; *_backlog count
    the failures waiting longer than the action horizon (an apology, not a call today)."""
    horizon = {"action_horizon_days": settings.action_horizon_days}
    if rule == "no_or_slow_acknowledgement":
        return {"ack_sla_hours": settings.ack_sla_hours, "never_acknowledged": row["never_acknowledged"],
                "never_acknowledged_backlog": row["never_acknowledged_backlog"],
                "ack_latency_h_median": row["ack_latency_h_median"], "acknowledged_within_sla": row["ack_within_sla"],
                **horizon}
    if rule == "left_without_updates":
        return {"silence_limit_days": settings.silence_limit_days, "ghosted": row["ghosted"],
                "silent_open": row["silent_open"], "silent_open_backlog": row["silent_open_backlog"],
                "rejected_not_told": row["rejected_not_told"],
                "rejected_not_told_backlog": row["rejected_not_told_backlog"],
                "ghosted_days_median": row["ghosted_days_median"], **horizon}
    if rule == "outcome_not_told":
        return {"notice_sla_hours": settings.notice_sla_hours, "told_in_time": row["told_in_time"],
                "never_told": row["never_told"], "never_told_backlog": row["never_told_backlog"],
                "notice_latency_h_median": row["notice_latency_h_median"], **horizon}
    if rule == "no_personal_feedback":
        return {"personal_feedback": row["personal_feedback"],
                "feedback_missing_backlog": row["feedback_missing_backlog"], **horizon}
    if rule == "negative_candidate_voice":
        # Survey results of fewer than min_survey_answers are never shown on their own (anonymity).
        nps_shown = row["nps_answers"] >= settings.min_survey_answers
        comments_shown = row["comments"] >= settings.min_survey_answers
        return {"cnps": row["cnps"] if nps_shown else None,
                "nps_answers": row["nps_answers"] if nps_shown else None,
                "nps_detractors": row["nps_detractors"] if nps_shown else None,
                "sentiment_score": row["sentiment_score"] if comments_shown else None,
                "comments": row["comments"] if comments_shown else None,
                "comments_negative": row["comments_negative"] if comments_shown else None,
                "negative_themes": row["negative_themes"]}
    return {key: trend[key] for key in (
        "previous_value", "previous_n", "previous_from", "previous_to",
        "current_value", "current_n", "current_from", "current_to")}


def _worst(checks: list[tuple[Check, dict | None]], settings: Settings) -> tuple[Check, str, dict | None] | None:
    """The check that raises the strongest flag (with what came with it), or None when none does."""
    judged = [(check, check.severity(settings), payload) for check, payload in checks]
    judged = [triple for triple in judged if triple[1]]
    return max(judged, key=lambda triple: triple[0].sort_key(settings)) if judged else None


def judge(totals: list[dict], trends: pd.DataFrame, settings: Settings) -> list[tuple[dict, str, Check, str, dict | None]]:
    """(process row, rule, deciding check, severity, trend) for every rule that fires on a process."""
    for column in ("previous_from", "previous_to", "current_from", "current_to"):
        trends[column] = pd.to_datetime(trends[column]).dt.date  # DuckDB dates arrive as midnight timestamps
    trends_by_process: dict[str, list[dict]] = {}
    for trend in trends.to_dict("records"):
        trends_by_process.setdefault(trend["process_id"], []).append(trend)
    judged = []
    for row in totals:
        rule_checks = {rule: [(check, None) for check in own] for rule, own in _checks(row, settings).items()}
        rule_checks["getting_worse"] = [(_trend_check(trend, settings), trend)
                                        for trend in trends_by_process.get(row["process_id"], [])
                                        if trend["worsening_low"] > 0]
        for rule, candidates in rule_checks.items():
            worst = _worst(candidates, settings)
            if worst:
                check, severity, trend = worst
                judged.append((row, rule, check, severity, trend))
    return judged


