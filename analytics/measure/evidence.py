"""What the data can tell: which metrics each application's sources support, and why not.

Every import records the kinds of evidence its source holds (`import_evidence`, kinds in
`vocabulary.EVIDENCE`); sql/application_facts.sql turns them into an evidence mask per application
and makes every fact the application's sources cannot support NULL. Facts come in families (the
`measured_<family>` columns); a family needs every kind its metrics need, so a share and its base
always rest on the same applications. docs/metrics.md ("What the data can tell") has the rules.

This module holds what the SQL is given (`facts_parameters`) and what the metrics frame gains
(`describe_coverage`: `measured_on` and `unmeasured` per group), and words what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd

from analytics.catalogue import DATA, DISPLAY_LATENCIES, METRICS, keys_shown_in
from analytics.i18n import t
from analytics.vocabulary import EVIDENCE

# The families of per-application facts (application_facts.sql's measured_<family>) and the metrics
# aggregated from each. A family's facts are known only where every kind its metrics need is.
FAMILY_METRICS: dict[str, tuple[str, ...]] = {
    "acknowledgement": ("ack_latency_h_median", "ack_latency_h_p90", "ack_eligible", "ack_within_sla",
                        "ack_within_sla_share"),
    "notice": ("notice_latency_h_median", "notice_latency_h_p90"),
    "outcome": ("outcome_known", "outcome_hired", "outcome_withdrawn", "outcome_open"),
    "informed": ("outcome_informed", "outcome_coverage"),
    "interviewed_rejected": ("interviewed_rejected",),
    "personal_feedback": ("personal_feedback", "personal_feedback_coverage"),
    "post_interview": ("post_interview_latency_h_median", "post_interview_latency_h_p90"),
    "silence": ("longest_silence_d_median", "longest_silence_d_p90"),
    "ghosted": ("ghosted", "ghosted_share"),
    "survey_sent": ("survey_sent",),
    "survey_responses": ("survey_responses", "survey_response_rate"),
    "survey_answers": ("survey_answers_nps", "cnps", "comments", "sentiment_score"),
}
# A family whose base is another family's subset needs what that one needs too: a share's base
# (decided applications, interviewed and rejected, surveys sent) rests on the same applications.
_FAMILY_BASES = {"notice": "outcome", "informed": "outcome", "personal_feedback": "interviewed_rejected",
                 "survey_responses": "survey_sent"}
FAMILY_OF: dict[str, str] = {key: family for family, keys in FAMILY_METRICS.items() for key in keys}
# The counts metrics_by_group.sql leaves NULL when no application of the group can tell them: kept
# as nullable integers whether or not a group has one, so that a frame's types do not depend on its data.
KNOWN_COUNTS = ("ack_eligible", "ack_within_sla", "outcome_known", "outcome_informed", "interviewed_rejected",
                "personal_feedback", "ghosted", "outcome_hired", "outcome_withdrawn", "outcome_open", "survey_sent",
                "survey_responses", "survey_answers_nps", "comments", "ack_within_sla_share_base",
                "outcome_coverage_base", "personal_feedback_coverage_base", "ghosted_share_base",
                "survey_response_rate_base")
# The columns metrics_by_group.sql counts for describe_coverage, which replaces them.
COUNT_COLUMNS = (*(f"measured_{family}" for family in FAMILY_METRICS), *(f"evidence_{kind}" for kind in EVIDENCE))


def needs_of(key: str) -> tuple[str, ...]:
    """The evidence kinds a metric (or a unit-free latency column) needs, in the vocabulary's order."""
    needed = set(METRICS[DISPLAY_LATENCIES.get(key, key)].needs)
    return tuple(kind for kind in EVIDENCE if kind in needed)


def family_needs(family: str) -> tuple[str, ...]:
    """What a family of facts needs: every kind its metrics (and its base's) need."""
    needed = {kind for key in FAMILY_METRICS[family] for kind in needs_of(key)}
    if family in _FAMILY_BASES:
        needed |= set(family_needs(_FAMILY_BASES[family]))
    return tuple(kind for kind in EVIDENCE if kind in needed)


def _mask(kinds: tuple[str, ...]) -> int:
    return sum(1 << EVIDENCE.index(kind) for kind in kinds)


def facts_parameters() -> dict[str, Any]:
    """application_facts.sql's $evidence_kinds and $needs (one evidence mask per family)."""
    return {"evidence_kinds": list(EVIDENCE),
            "needs": {family: _mask(family_needs(family)) for family in FAMILY_METRICS}}


def _missing(needed: tuple[str, ...], held: Mapping[str, int], applications: int) -> tuple[str, ...]:
    """The needed kinds no application of the group has; else those some lack (then none has them all)."""
    absent = tuple(kind for kind in needed if not held[kind])
    return absent or tuple(kind for kind in needed if held[kind] < applications)


def describe_coverage(frame: pd.DataFrame) -> pd.DataFrame:
    """The metrics frame with `measured_on`, `unmeasured` and `evidence_held` in place of the SQL's counts.

    measured_on: {metric: applications it rests on}, for metrics only part of the group supports.
    unmeasured: {metric: evidence kinds missing}, for metrics no application of a non-empty group
    supports (their values are NULL); `reason` words them. Both are empty for complete logs.
    evidence_held: {evidence kind: applications whose sources record it}.
    """
    measured_on, unmeasured, held_by_row = [], [], []
    for row in frame[["applications", *COUNT_COLUMNS]].to_dict("records"):
        applications = int(row["applications"])
        held = {kind: int(row[f"evidence_{kind}"]) for kind in EVIDENCE}
        partial, missing = {}, {}
        for family, keys in FAMILY_METRICS.items():
            count = int(row[f"measured_{family}"])
            if applications == 0 or count == applications:
                continue
            for key in keys:
                if count:
                    partial[key] = count
                else:
                    missing[key] = _missing(family_needs(family), held, applications)
        measured_on.append(partial)
        unmeasured.append(missing)
        held_by_row.append(held)
    return frame.drop(columns=list(COUNT_COLUMNS)).astype({key: "Int64" for key in KNOWN_COUNTS}).assign(
        measured_on=measured_on, unmeasured=unmeasured, evidence_held=held_by_row)


def reason(missing: tuple[str, ...] | list[str], lang: str = "en") -> str:
    """What is missing and which export would add it, one sentence per kind."""
    return "; ".join(t(f"unmeasured.missing.{kind}", lang) for kind in missing)


def unmeasured_reason(row: Mapping[str, Any], key: str, lang: str = "en") -> str | None:
    """Why a metrics-frame row has no value for `key` (a metric or unit-free latency column); None when measured."""
    missing = (row.get("unmeasured") or {}).get(DISPLAY_LATENCIES.get(key, key))
    return reason(missing, lang) if missing else None


def measured_on(row: Mapping[str, Any], key: str) -> int | None:
    """On how many of the row's applications a metric rests, when only part of them support it."""
    return (row.get("measured_on") or {}).get(DISPLAY_LATENCIES.get(key, key))


def partly_missing(row: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """The kinds some of the row's applications lack for `key`: why a metric rests on only part of them."""
    held = row.get("evidence_held") or {}
    return tuple(kind for kind in family_needs(FAMILY_OF[DISPLAY_LATENCIES.get(key, key)])
                 if held.get(kind, 0) < row["applications"])


def worded(unmeasured: Mapping[str, tuple[str, ...]], lang: str = "en") -> dict[str, str]:
    """`unmeasured` as `metrics --json` prints it: metric -> reason."""
    return {key: reason(missing, lang) for key, missing in unmeasured.items()}


class Measurable(NamedTuple):
    """One metric over a selection: on how many applications it can be measured, and why not the others."""

    key: str
    applications: int
    of: int
    reason_en: str
    reason_sv: str


def measurable_metrics(overall: pd.DataFrame) -> list[Measurable]:
    """The metrics `metrics --json` promises (catalogue place DATA), from a metrics_by(..., "all") frame:
    what the imported data can measure.

    Computed from the evidence the imports recorded (never from the event types present): the Data
    page's "What the imported data can measure".
    """
    row = overall.iloc[0]
    total = int(row["applications"])
    listed = []
    for key in keys_shown_in(DATA):
        missing = row["unmeasured"].get(key)
        count = 0 if missing else row["measured_on"].get(key, total)
        if missing is None and count < total:  # some applications lack what the others have
            missing = partly_missing(row, key)
        listed.append(Measurable(key, count, total, reason(missing or (), "en"), reason(missing or (), "sv")))
    return listed
