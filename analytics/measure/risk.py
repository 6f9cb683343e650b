"""Brand-risk flags and a risk score per process: what to fix, and where.

The rules (analytics/measure/risk_rules.py) follow the guidance the product grew from: acknowledge
every application, keep every candidate updated, tell every outcome, give interviewees who were
rejected personal feedback, and listen to how candidates describe the way they were treated. Each rule compares a process with a
threshold from the settings; the severity says how far the 95 % interval lies beyond it, so that a
flag is as strong as its evidence. docs/risk.md has the rules, settings, severity and score.

Counting is done in DuckDB (sql/risk_*.sql) over `application_facts`; this module runs the
counting, words the flags and adds up the score; the action list is analytics/measure/actions.py.
Evidence and actions come in both UI languages from analytics/i18n.py.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analytics import formatting
from analytics.i18n import LANGUAGES, t, tn
from analytics.measure.metrics import NO_FILTERS, Filters, KeptFacts, facts_cursor, json_value, parse_as_of
from analytics.measure.risk_rules import RULES, SEVERITY_POINTS, Check, affected_count, flag_details, judge, unjudged_rules
from analytics.sentiment import themes_of
from analytics.settings import Settings
from analytics.store import Store, read_sql

SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue"}
MAX_SCORE = len(RULES) * SEVERITY_POINTS["high"]  # one flag per rule and process
NEGATIVE_THEMES_SHOWN = 2  # the voice flag names what most negative comments are about

FLAG_COLUMNS = (
    "process_id", "process_name", "recruiter", "rule", "severity", "points", "measure", "value", "n",
    "interval_low", "interval_high", "threshold", "affected", "details",
    "evidence_en", "evidence_sv", "action_en", "action_sv",
)
PROCESS_COLUMNS = (
    "process_id", "process_name", "recruiter", "applications", "small_group", "risk_score", "score_parts",
    "flags", "worst_rule", "worst_severity", "unjudged",
)


@dataclass(frozen=True)
class RiskAssessment:
    """The flags of a selection and its processes ranked by risk score (see process_risk)."""

    flags: pd.DataFrame
    processes: pd.DataFrame


# --- counting (SQL) ------------------------------------------------------------------------------

@contextmanager
def risk_cursor(store: Store, settings: Settings, filters: Filters, facts: pd.DataFrame | KeptFacts | None,
                as_of: datetime | str | None = None, *, once: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection holding risk_applications: the selected applications with what the rules judge.

    A table for several reads (the action list's); for one (`once`, the risk ranking's counts) a view,
    which that read computes without writing the rows out first: at 1M applications a third of the
    ranking's time went into the table.
    """
    with facts_cursor(store, settings, filters, facts, as_of, materialize=True) as cursor:
        sql = read_sql("measure/sql/risk_applications.sql")
        parameters = {**filters.parameters(), "notice_sla_hours": float(settings.notice_sla_hours),
                      "action_horizon_days": settings.action_horizon_days}
        if once:
            cursor.register("risk_applications", cursor.sql(sql, params=parameters))
        else:
            cursor.execute("CREATE OR REPLACE TEMP TABLE risk_applications AS " + sql, parameters)
        yield cursor
        cursor.execute(f"DROP {'VIEW' if once else 'TABLE'} risk_applications")   # a kept_facts connection lives on


# --- words ---------------------------------------------------------------------------------------

def _percent(value: Any, language: str) -> str:
    return formatting.percent(value, language, missing="–")


def _score(value: Any, language: str) -> str:
    return formatting.signed(value, language, missing="–")


def _hours(value: Any, language: str) -> str:
    """A latency in the unit that reads best: "4.7 h", "7.0 days"."""
    return formatting.duration(value, language, missing="–")


def _number(value: Any, language: str) -> str:
    return formatting.number(value, language, 0 if float(value).is_integer() else 1, missing="–")


def _evidence(rule: str, check: Check, details: dict, affected: int, language: str) -> str:
    numbers = {"value": _percent(check.value, language), "n": check.n, "low": _percent(check.low, language),
               "high": _percent(check.high, language), "threshold": _percent(check.threshold, language),
               "affected": affected}
    if rule == "no_or_slow_acknowledgement":
        return t("risk.evidence.no_or_slow_acknowledgement", language, **numbers,
                 sla=_number(details["ack_sla_hours"], language),
                 median=_hours(details["ack_latency_h_median"], language), never=details["never_acknowledged"])
    if rule == "left_without_updates":
        return t("risk.evidence.left_without_updates", language, **numbers,
                 limit=_number(details["silence_limit_days"], language), open=details["silent_open"],
                 not_told=details["rejected_not_told"],
                 days=formatting.duration(details["ghosted_days_median"] or 0, language, "days"))
    if rule == "outcome_not_told":
        return t("risk.evidence.outcome_not_told", language, **numbers,
                 sla=_number(details["notice_sla_hours"], language), never=details["never_told"],
                 median=_hours(details["notice_latency_h_median"], language))
    if rule == "no_personal_feedback":
        return t("risk.evidence.no_personal_feedback", language, **numbers)
    if rule == "negative_candidate_voice":
        parts = []
        if details["nps_answers"] is not None:
            parts.append(t("risk.evidence.cnps", language, value=_score(details["cnps"], language), n=details["nps_answers"],
                           detractors=details["nps_detractors"]))
        if details["comments"] is not None:
            parts.append(t("risk.evidence.sentiment", language, value=_score(details["sentiment_score"], language),
                           n=details["comments"], negative=details["comments_negative"]))
        if details["negative_themes"]:
            themes = ", ".join(f"{t(f'voice.theme.{theme}', language).lower()} ({comments})"
                               for theme, comments in details["negative_themes"])
            parts.append(t("risk.evidence.negative_themes", language, themes=themes))
        parts.append(t("risk.evidence.decisive_score", language, measure=t(f"risk.measure.{check.measure}", language),
                       low=_score(check.low, language), high=_score(check.high, language),
                       threshold=_number(round(check.threshold), language)))
        return " ".join(parts)
    return t("risk.evidence.getting_worse", language, measure=t(f"risk.measure.{check.measure}", language),
             previous=_percent(details["previous_value"], language), previous_n=details["previous_n"],
             previous_from=details["previous_from"], previous_to=details["previous_to"],
             current=_percent(details["current_value"], language), current_n=details["current_n"],
             current_from=details["current_from"], current_to=details["current_to"],
             points=_number(round(check.value * 100), language), low=_number(round(check.low * 100), language),
             high=_number(round(check.high * 100), language), threshold=_number(round(check.threshold * 100), language))


def _today_and_backlog(key: str, backlog_key: str, failed: int, backlog: int, language: str,
                       **values: Any) -> list[str]:
    """"Today" for the candidates still waiting within the action horizon, and the older ones as a
    backlog in words of their own (closing with an apology, not a call)."""
    horizon = values.pop("horizon")
    parts = [tn(key, failed - backlog, language, horizon=horizon, **values)] if failed > backlog else []
    if backlog:
        parts.append(tn(backlog_key, backlog, language, horizon=horizon))
    return parts


def _action(rule: str, check: Check, details: dict, affected: int, language: str) -> str:
    horizon = details.get("action_horizon_days")
    if rule == "no_or_slow_acknowledgement":
        parts = [t("risk.action.no_or_slow_acknowledgement", language, affected=affected, n=check.n,
                   sla=_number(details["ack_sla_hours"], language))]
        parts += _today_and_backlog("risk.action.never_acknowledged", "risk.backlog.never_acknowledged",
                                    details["never_acknowledged"], details["never_acknowledged_backlog"], language,
                                    horizon=horizon)
        return " ".join(parts)
    if rule == "left_without_updates":
        limit = _number(details["silence_limit_days"], language)
        return " ".join([
            *_today_and_backlog("risk.action.silent_open", "risk.backlog.silent_open", details["silent_open"],
                                details["silent_open_backlog"], language, horizon=horizon, limit=limit),
            *_today_and_backlog("risk.action.silent_not_told", "risk.backlog.rejected_not_told",
                                details["rejected_not_told"], details["rejected_not_told_backlog"], language,
                                horizon=horizon, limit=limit),
        ])
    if rule == "outcome_not_told":
        sla = _number(details["notice_sla_hours"], language)
        if not details["never_told"]:
            return tn("risk.action.outcome_told_late", affected, language, sla=sla)
        return " ".join([
            *_today_and_backlog("risk.action.outcome_not_told", "risk.backlog.never_told", details["never_told"],
                                details["never_told_backlog"], language, horizon=horizon),
            t("risk.action.notice_rule", language, sla=sla),
        ])
    if rule == "no_personal_feedback":
        return " ".join([
            *_today_and_backlog("risk.action.no_personal_feedback", "risk.backlog.feedback_missing", affected,
                                details["feedback_missing_backlog"], language, horizon=horizon),
            t("risk.action.feedback_how", language),
        ])
    if rule == "negative_candidate_voice":
        return t("risk.action.negative_candidate_voice", language, affected=affected)
    return t("risk.action.getting_worse", language, affected=affected, since=details["current_from"],
             measure=t(f"risk.measure.{check.measure}", language))


# --- flags and the score -------------------------------------------------------------------------

def _flag(row: dict, rule: str, check: Check, severity: str, trend: dict | None, settings: Settings) -> dict:
    details = {key: json_value(value) for key, value in flag_details(rule, row, trend, settings).items()}
    affected = affected_count(rule, row, trend)
    words = {}
    for language in LANGUAGES:
        words[f"evidence_{language}"] = _evidence(rule, check, details, affected, language)
        words[f"action_{language}"] = _action(rule, check, details, affected, language)
    return {
        "process_id": row["process_id"], "process_name": row["process_name"], "recruiter": row["recruiter"],
        "rule": rule, "severity": severity, "points": SEVERITY_POINTS[severity], "measure": check.measure,
        "value": check.value, "n": check.n, "interval_low": check.low, "interval_high": check.high,
        "threshold": check.threshold, "affected": affected, "details": details, **words,
    }


@lru_cache(maxsize=50_000)
def _comment_themes(text: str, language: str | None) -> tuple[str, ...]:
    """Themes of one comment; the same texts come back for every process and page run, so cached."""
    return themes_of(text, language)


def _negative_themes(cursor: duckdb.DuckDBPyConnection, processes: list[str],
                     filters: Filters) -> dict[str, list[tuple[str, int]]]:
    """Per process, the themes most of its negative comments are about, with how many touch each."""
    parameters = {**filters.parameters(), "voiced": processes}
    comments = cursor.execute(read_sql("measure/sql/risk_negative_comments.sql"), parameters).fetchall()
    counts: dict[str, Counter] = {process_id: Counter() for process_id in processes}
    for process_id, text, language, number in comments:
        for theme in _comment_themes(text, language):
            counts[process_id][theme] += number
    # Ties go by theme name: the comments arrive in no fixed order, and a shared report must not change
    # between two runs on the same data.
    return {process_id: sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:NEGATIVE_THEMES_SHOWN]
            for process_id, counter in counts.items()}


def assess_risk(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS,
                facts: pd.DataFrame | KeptFacts | None = None, *, lang: str = "en",
                as_of: datetime | str | None = None) -> RiskAssessment:
    """Every flag of the selection and the processes ranked by risk, from one pass over the facts.

    facts: a frame from `application_facts` made with the same settings (None: the facts at as_of,
    in SQL, without a frame). lang: the language of the processes' score_parts text.
    """
    settings = settings or store.settings()
    with risk_cursor(store, settings, filters, facts, as_of, once=True) as cursor:
        cursor.execute("CREATE OR REPLACE TEMP TABLE risk_process_checks AS "
                       + read_sql("measure/sql/risk_process_checks.sql"))
        process_checks = cursor.execute("SELECT * FROM risk_process_checks").df()
        trends = cursor.execute(read_sql("measure/sql/risk_process_trends.sql")).df()
        totals = process_checks[process_checks["period"] == "all"].to_dict("records")
        judged = judge(totals, trends, settings)
        # The voice flag names the themes of the negative comments, where the comments may be shown.
        voiced = [row["process_id"] for row, rule, *_ in judged
                  if rule == "negative_candidate_voice" and row["comments"] >= settings.min_survey_answers]
        themes = _negative_themes(cursor, voiced, filters)
        cursor.execute("DROP TABLE risk_process_checks")
    flags = [_flag({**row, "negative_themes": themes.get(row["process_id"], [])}, rule, check, severity, trend, settings)
             for row, rule, check, severity, trend in judged]
    flag_frame = pd.DataFrame(flags, columns=list(FLAG_COLUMNS))
    processes = _rank(totals, flag_frame, settings, lang)
    return RiskAssessment(order_flags(flag_frame, processes["process_id"]), processes)


def order_flags(flags: pd.DataFrame, ranked_processes: pd.Series | list[str]) -> pd.DataFrame:
    """Flags as people read them: processes in rank order; within one, by severity (high first),
    then by the applications affected (most first), then by the rules' order, so that equal flags
    come in the same order on every run."""
    rank = {process_id: position for position, process_id in enumerate(ranked_processes)}
    ordered = flags.assign(
        _rank=flags["process_id"].map(rank).fillna(len(rank)), _points=-flags["points"],
        _affected=-flags["affected"], _rule=flags["rule"].map(RULES.index),
    ).sort_values(["_rank", "_points", "_affected", "_rule"], kind="stable")
    return ordered.drop(columns=["_rank", "_points", "_affected", "_rule"]).reset_index(drop=True)


def flag_headline(flag: dict, lang: str) -> str:
    """A flag's decisive number in one line, for a card that keeps the evidence for whoever asks:
    "Acknowledged within the SLA: 53% (threshold 95%) · 70 of 150 applications"."""
    measure = t(f"risk.measure.{flag['measure']}", lang)
    if flag["rule"] == "getting_worse":
        return t("risk.headline.worse", lang, measure=measure, points=f"{flag['value'] * 100:.0f}",
                 threshold=f"{flag['threshold'] * 100:.0f}", affected=flag["affected"], n=flag["n"])
    if flag["measure"] in ("cnps", "sentiment_score"):
        return t("risk.headline.score", lang, measure=measure, value=_score(flag["value"], lang),
                 threshold=_score(flag["threshold"], lang), n=flag["n"])
    key = "risk.headline.share_max" if flag["rule"] == "left_without_updates" else "risk.headline.share"
    return t(key, lang, measure=measure, value=_percent(flag["value"], lang),
             threshold=_percent(flag["threshold"], lang), affected=flag["affected"], n=flag["n"])


def severity_counts(flags: pd.DataFrame) -> dict[str, int]:
    """How many flags of each severity, high first (every severity present, 0 when none)."""
    counts = flags["severity"].value_counts()
    return {severity: int(counts.get(severity, 0)) for severity in SEVERITY_POINTS}


def _rank(totals: list[dict], flags: pd.DataFrame, settings: Settings, lang: str) -> pd.DataFrame:
    """One row per process: the score (points of its flags added up), the parts, and the worst flag.

    Ranked by score, but a process with fewer applications than min_group_size never above a larger one.
    A rule its sources cannot judge adds nothing and is named in `unjudged`; a process none of whose
    rules can be judged has no score (None), not a clean 0.
    """
    # The flags in each process's own order, summed up per process in one pass (not a sort per process).
    ordered = order_flags(flags, [total["process_id"] for total in totals])
    ordered["part"] = [t("risk.score_part", lang, points=points, rule=t(f"risk.rule_short.{rule}", lang))
                       for points, rule in zip(ordered["points"], ordered["rule"], strict=True)]
    per_process = ordered.groupby("process_id", sort=False).agg(
        parts=("part", " + ".join), points=("points", "sum"), flags=("rule", "size"),
        worst_rule=("rule", "first"), worst_severity=("severity", "first"),
    ).to_dict("index")
    rows = []
    for total in totals:
        unjudged = unjudged_rules(total)
        own = per_process.get(total["process_id"], {"parts": "", "points": 0, "flags": 0,
                                                     "worst_rule": None, "worst_severity": None})
        rows.append({
            "process_id": total["process_id"], "process_name": total["process_name"],
            "recruiter": total["recruiter"], "applications": int(total["applications"]),
            "small_group": bool(total["applications"] < settings.min_group_size),
            "risk_score": None if len(unjudged) == len(RULES) else int(own["points"]),
            "score_parts": own["parts"], "flags": int(own["flags"]), "worst_rule": own["worst_rule"],
            "worst_severity": own["worst_severity"], "unjudged": unjudged,
        })
    frame = pd.DataFrame(rows, columns=list(PROCESS_COLUMNS))
    frame["risk_score"] = frame["risk_score"].astype("Int64")  # pd.NA: nothing could be judged
    frame["_worst"] = frame["worst_severity"].map(SEVERITY_POINTS).fillna(0)
    frame["_score"] = frame["risk_score"].fillna(-1)  # unjudged processes last
    frame = frame.sort_values(["small_group", "_score", "_worst", "applications", "process_name"],
                              ascending=[True, False, False, False, True])
    return frame.drop(columns=["_worst", "_score"]).reset_index(drop=True)


def risk_flags(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS,
               facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """The flags of the selection, one row per process and rule (FLAG_COLUMNS), riskiest process first."""
    return assess_risk(store, settings, filters, facts).flags


def process_risk(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS,
                 facts: pd.DataFrame | KeptFacts | None = None, *, lang: str = "en") -> pd.DataFrame:
    """The processes ranked by risk score, for "processes that need attention first" (PROCESS_COLUMNS).

    risk_score adds up the points of the process's flags (high 3, medium 2, low 1); score_parts
    shows the sum, e.g. "3 feedback + 2 acknowledgement + 1 updates";
    worst_rule is the key of its highest flag (label: t(f"risk.rule.{worst_rule}", lang)).
    """
    return assess_risk(store, settings, filters, facts, lang=lang).processes


def flagged_processes(assessment: RiskAssessment, severities: tuple[str, ...] = tuple(SEVERITY_POINTS),
                      ) -> list[tuple[dict, list[dict]]]:
    """The flagged processes in rank order, each with its flags of the given severities (for cards)."""
    by_process: dict[str, list[dict]] = {}
    for flag in assessment.flags[assessment.flags["severity"].isin(severities)].to_dict("records"):
        by_process.setdefault(flag["process_id"], []).append(flag)
    return [(process, by_process[process["process_id"]])
            for process in assessment.processes.to_dict("records") if process["process_id"] in by_process]


def ranking_table(assessment: RiskAssessment, lang: str) -> pd.DataFrame:
    """The flagged processes as people read the ranking, worst first: the score, its flags counted by
    severity, and the worst flag in words (labelled columns)."""
    flagged = assessment.processes[assessment.processes["risk_score"].fillna(0) > 0]
    by_severity = assessment.flags.groupby(["process_id", "severity"]).size().unstack(fill_value=0)
    table = pd.DataFrame({
        t("col.process_name", lang): flagged["process_name"],
        t("risk.col.risk_score", lang): flagged["risk_score"],
    })
    for severity in SEVERITY_POINTS:
        counts = by_severity[severity] if severity in by_severity else pd.Series(dtype=int)
        table[t(f"risk.severity.{severity}", lang)] = flagged["process_id"].map(counts).fillna(0).astype(int)
    # The judgement first (it fits a phone's width), who and how many after it.
    table[t("risk.col.worst", lang)] = [t(f"risk.rule.{rule}", lang) for rule in flagged["worst_rule"]]
    table[t("col.recruiter", lang)] = flagged["recruiter"]
    table[t("col.applications", lang)] = flagged["applications"]
    return table.reset_index(drop=True)


# --- JSON and the command line -------------------------------------------------------------------

def flags_json(store: Store, as_of: datetime | str | None = None,
               settings: Settings | None = None) -> list[dict[str, Any]]:
    """What `python -m analytics flags --json` prints, as Python objects: one object per flag."""
    settings = settings or store.settings()
    flags = assess_risk(store, settings, as_of=as_of).flags
    return [{column: value if column == "details" else json_value(value) for column, value in flag.items()}
            for flag in flags.to_dict("records")]


def flags_command(db_path: str | Path, as_of: str | None = None) -> str:
    """The JSON text of `flags --json`; as_of is ISO 8601, naive meaning local time in the settings' zone."""
    store = Store(db_path, access="shared")
    try:
        settings = store.settings()
        moment = parse_as_of(as_of, settings.timezone) if as_of else None
        return json.dumps(flags_json(store, moment, settings), ensure_ascii=False, indent=2)
    finally:
        store.close()
