"""The metrics engine on small hand-written logs, each expected value worked out in a comment."""

from __future__ import annotations

import json
import math
import uuid
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from analytics.catalogue import METRICS, display_metric, shares
from analytics.measure.metrics import (
    Filters,
    application_facts,
    compare_windows,
    metrics_by,
    metrics_command,
    metrics_json,
    parse_as_of,
)
from analytics.settings import Settings
from analytics.store import Store

SHARE_KEYS = tuple(metric.key for metric in shares())
AS_OF = "2026-03-31T12:00:00+00:00"

EVENT_COLUMNS = ("candidate_id", "process_id", "event_type", "occurred_at", "process_name", "department",
                 "recruiter", "stage", "channel")
# One statement per batch: each column arrives as one bound list, zipped back into rows by unnest.
INSERT_EVENTS = """
    INSERT INTO events
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, event_type, epoch_us(occurred_at))) >> 64
                AS UBIGINT),
           candidate_id, process_id, event_type, occurred_at, process_name, department, recruiter, stage, channel
    FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS candidate_id, unnest(CAST(? AS VARCHAR[])) AS process_id,
                 unnest(CAST(? AS VARCHAR[])) AS event_type, unnest(CAST(? AS TIMESTAMPTZ[])) AS occurred_at,
                 unnest(CAST(? AS VARCHAR[])) AS process_name, unnest(CAST(? AS VARCHAR[])) AS department,
                 unnest(CAST(? AS VARCHAR[])) AS recruiter, unnest(CAST(? AS VARCHAR[])) AS stage,
                 unnest(CAST(? AS VARCHAR[])) AS channel)
"""

INSERT_ANSWER = """
    INSERT INTO survey_responses
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, epoch_us(submitted_at))) >> 64 AS UBIGINT),
           candidate_id, process_id, submitted_at, nps, comment, NULL, sentiment_label, NULL, NULL
    FROM (SELECT CAST(? AS VARCHAR) AS candidate_id, CAST(? AS VARCHAR) AS process_id,
                 CAST(? AS TIMESTAMPTZ) AS submitted_at, CAST(? AS TINYINT) AS nps,
                 CAST(? AS VARCHAR) AS comment, CAST(? AS VARCHAR) AS sentiment_label)
"""


def event(candidate, process, event_type, at, channel=None, *, recruiter=None, department=None,
          stage=None, process_name=None):
    """One event row in EVENT_COLUMNS order."""
    return (candidate, process, event_type, at, process_name, department, recruiter, stage, channel)


def add_events(store: Store, events) -> None:
    columns = [list(column) for column in zip(*events, strict=True)]
    with store.transaction() as cursor:
        cursor.execute(INSERT_EVENTS, columns)


def add_answers(store: Store, answers) -> None:
    """answers: (candidate, process, submitted_at, nps, comment, sentiment_label)."""
    with store.transaction() as cursor:
        cursor.executemany(INSERT_ANSWER, [list(row) for row in answers])


def new_store(tmp_path) -> Store:
    return Store(tmp_path / f"m-{uuid.uuid4().hex}.duckdb")


# --- the main fixture: seven applications to one process, one to another --------------------------

P1_EVENTS = [
    # A1: acknowledged after 4 h, two interviews, rejected, personal feedback by phone.
    event("a1", "p1", "application_received", "2026-03-02T09:00:00Z", "portal",
          recruiter="Anna", department="Eng", process_name="Backend developer", stage="screening"),
    event("a1", "p1", "acknowledgement_sent", "2026-03-02T13:00:00Z", "email"),
    event("a1", "p1", "interview_scheduled", "2026-03-05T09:00:00Z", "email", stage="interview"),
    event("a1", "p1", "interview_held", "2026-03-09T09:00:00Z", "video"),
    event("a1", "p1", "interview_held", "2026-03-12T09:00:00Z", "in_person", stage="final"),
    event("a1", "p1", "rejected", "2026-03-13T09:00:00Z"),
    event("a1", "p1", "feedback_given", "2026-03-13T15:00:00Z", "phone"),
    # A2: never acknowledged, open and silent since it applied.
    event("a2", "p1", "application_received", "2026-03-02T09:00:00Z", recruiter="Anna", department="Eng"),
    # A3: an acknowledgement one minute before the application row does not count; the status
    # update three days later does. Rejected, never told.
    event("a3", "p1", "acknowledgement_sent", "2026-03-03T08:59:00Z", "email"),
    event("a3", "p1", "application_received", "2026-03-03T09:00:00Z", department="Eng"),
    event("a3", "p1", "status_update_sent", "2026-03-06T09:00:00Z", "email", recruiter="Bo"),
    event("a3", "p1", "rejected", "2026-03-10T09:00:00Z"),
    # A4: interviewed and rejected; told by e-mail, feedback by e-mail only (not personal).
    # Applied at 11:00+01:00, that is 10:00Z.
    event("a4", "p1", "application_received", "2026-03-02T11:00:00+01:00", recruiter="Anna", department="Eng"),
    event("a4", "p1", "acknowledgement_sent", "2026-03-02T11:00:00Z", "email"),
    event("a4", "p1", "interview_held", "2026-03-10T10:00:00Z", "video"),
    event("a4", "p1", "rejected", "2026-03-11T10:00:00Z"),
    event("a4", "p1", "rejection_sent", "2026-03-11T12:00:00Z", "email"),
    event("a4", "p1", "feedback_given", "2026-03-11T12:00:00Z", "email"),
    # A5: withdrew three days after applying: never ghosted, no outcome.
    event("a5", "p1", "application_received", "2026-03-02T09:00:00Z", recruiter="Anna", department="Eng"),
    event("a5", "p1", "acknowledgement_sent", "2026-03-02T09:30:00Z", "email"),
    event("a5", "p1", "withdrawn", "2026-03-05T09:00:00Z"),
    # A6: rejected, then offered and hired: the offer wins.
    event("a6", "p1", "application_received", "2026-03-02T09:00:00Z", recruiter="Anna", department="Eng"),
    event("a6", "p1", "acknowledgement_sent", "2026-03-03T09:00:00Z", "email"),
    event("a6", "p1", "interview_held", "2026-03-06T09:00:00Z", "video"),
    event("a6", "p1", "rejected", "2026-03-07T09:00:00Z"),
    event("a6", "p1", "offer_made", "2026-03-09T09:00:00Z", "phone"),
    event("a6", "p1", "hired", "2026-03-10T09:00:00Z", "email"),
    # A7: applied a day before as_of: its acknowledgement deadline has not passed.
    event("a7", "p1", "application_received", "2026-03-30T12:00:00Z", recruiter="Anna", department="Eng"),
]
P2_EVENTS = [
    event("b1", "p2", "application_received", "2026-03-16T09:00:00Z", recruiter="Cecilia",
          department="Sales", process_name="Account manager"),
    event("b1", "p2", "acknowledgement_sent", "2026-03-16T10:00:00Z", "email"),
]


@pytest.fixture
def hiring(tmp_path):
    """The eight applications, inserted in reverse order (row order must not matter)."""
    opened = new_store(tmp_path)
    add_events(opened, list(reversed(P1_EVENTS + P2_EVENTS)))
    yield opened
    opened.close()


def facts_by_candidate(store, **kwargs):
    frame = application_facts(store, as_of=AS_OF, **kwargs)
    return {row["candidate_id"]: row for row in frame.to_dict("records")}


def test_application_facts_follow_each_rule(hiring):
    facts = facts_by_candidate(hiring)
    a1, a2, a3, a4, a5, a6, a7 = (facts[f"a{n}"] for n in range(1, 8))

    assert a1["ack_latency_h"] == 4  # 09:00 -> 13:00
    assert a1["notice_latency_h"] == 6  # rejected 09:00 -> phone feedback 15:00
    assert a1["interviews"] == 2 and a1["interviewed_rejected"] and a1["personal_feedback"]
    assert a1["post_interview_latency_h"] == 30  # last interview 12th 09:00 -> feedback 13th 15:00
    # timeline 2nd 09, 2nd 13, 5th 09, 9th 09, 12th 09, end = notice 13th 15: gaps 4 h, 2.83 d, 4 d, 3 d, 1.25 d
    assert a1["longest_silence_d"] == 4
    assert (a1["recruiter"], a1["department"], a1["stage"]) == ("Anna", "Eng", "final")  # stage: the last one
    assert a1["outcome"] == "rejected_after_interview" and a1["informed"]

    assert pd.isna(a2["ack_latency_h"]) and a2["ack_deadline_passed"] and not a2["ack_within_sla"]
    assert a2["ghosted"] and a2["ghosted_days_silent"] == 29.125  # 2nd 09:00 -> 31st 12:00
    assert a2["longest_silence_d"] == 29.125 and a2["outcome"] == "open"

    assert a3["ack_latency_h"] == 72  # the 08:59 acknowledgement precedes applied_at 09:00; next contact 6th 09:00
    assert not a3["ack_within_sla"]  # 72 h > 48 h
    assert a3["recruiter"] == "Bo"  # the first non-empty recruiter on its events
    assert a3["outcome_known"] and not a3["informed"]
    assert a3["ghosted"] and a3["ghosted_days_silent"] == 21.125  # decision 10th 09:00 -> 31st 12:00
    assert a3["outcome"] == "rejected_before_interview"
    assert a3["longest_silence_d"] == 25.125  # 6th 09:00 -> as_of: the timeline of an untold rejection runs on

    assert a4["notice_latency_h"] == 2 and a4["interviewed_rejected"] and not a4["personal_feedback"]  # e-mail
    assert a4["post_interview_latency_h"] == 26  # 10th 10:00 -> 11th 12:00

    assert a5["withdrawn"] and not a5["outcome_known"] and not a5["ghosted"] and a5["outcome"] == "withdrawn"
    assert a5["longest_silence_d"] == pytest.approx(71.5 / 24)  # ack 2nd 09:30 -> withdrawn 5th 09:00

    assert a6["outcome"] == "hired" and a6["hired"] and a6["informed"] and not a6["interviewed_rejected"]
    assert pd.isna(a6["notice_latency_h"])  # the rejection did not stand
    assert a6["post_interview_latency_h"] == 72  # interview 6th 09:00 -> offer 9th 09:00
    assert a6["longest_silence_d"] == 3  # ack 3rd -> interview 6th; the timeline ends at the offer (9th)

    assert not a7["ack_deadline_passed"] and not a7["ack_within_sla"] and not a7["ghosted"]  # 24 h < 48 h
    assert facts["b1"]["process_name"] == "Account manager" and a7["process_name"] == "Backend developer"


def test_metrics_by_process(hiring):
    p2, p1 = metrics_by(hiring, "process", as_of=AS_OF).to_dict("records")  # sorted by process name
    assert (p2["process_name"], p1["process_id"], p1["process_name"]) == ("Account manager", "p1", "Backend developer")
    assert p1["applications"] == 7
    # acknowledged: 0.5, 1, 4, 24, 72 h -> median 4; p90 at position 3.6: 24 + 0.6 * (72 - 24) = 52.8
    assert p1["ack_latency_h_median"] == 4
    assert p1["ack_latency_h_p90"] == pytest.approx(52.8)
    # past the 48 h deadline: a1..a6 (6); within: a1, a4, a5, a6 (4)
    assert (p1["ack_eligible"], p1["ack_within_sla_share"]) == (6, pytest.approx(4 / 6))
    assert p1["notice_latency_h_median"] == 4  # a1 6 h, a4 2 h
    # decided: a1, a3, a4 (rejected), a6 (offer); told: a1, a4, a6
    assert (p1["outcome_known"], p1["outcome_informed"], p1["outcome_coverage"]) == (4, 3, 0.75)
    assert (p1["interviewed_rejected"], p1["personal_feedback"], p1["personal_feedback_coverage"]) == (2, 1, 0.5)
    assert p1["post_interview_latency_h_median"] == 30  # 26, 30, 72
    assert (p1["ghosted"], p1["ghosted_share"]) == (2, pytest.approx(2 / 7))  # a2, a3
    # longest silences (d): a1 4, a2 29.125, a3 25.125 (6th -> as_of: never told), a4 8 - 1/24,
    # a5 2.979, a6 3, a7 1 -> sorted 1, 2.979, 3, 4, 7.958, 25.125, 29.125 -> median 4
    assert p1["longest_silence_d_median"] == 4
    assert p1["survey_sent"] == 0 and math.isnan(p1["survey_response_rate"])  # no survey: undefined
    for key in SHARE_KEYS:
        share, low, high = p1[key], p1[f"{key}_low"], p1[f"{key}_high"]
        assert math.isnan(share) or low <= share <= high
    assert p2["applications"] == 1 and p2["small_group"]


def test_groupings_and_all(hiring):
    by_recruiter = metrics_by(hiring, "recruiter", as_of=AS_OF)
    assert list(by_recruiter["recruiter"]) == ["Anna", "Bo", "Cecilia"]
    assert list(by_recruiter["applications"]) == [6, 1, 1]
    assert list(metrics_by(hiring, "department", as_of=AS_OF)["department"]) == ["Eng", "Sales"]
    assert list(metrics_by(hiring, "month", as_of=AS_OF)["month"]) == ["2026-03"]
    everything = metrics_by(hiring, "all", as_of=AS_OF)
    assert len(everything) == 1 and everything.at[0, "applications"] == 8
    selected = metrics_by(hiring, "all", as_of=AS_OF, filters=Filters(departments=("Sales",)))
    assert selected.at[0, "applications"] == 1
    nothing = metrics_by(hiring, "all", as_of=AS_OF, filters=Filters(date_from=date(2027, 1, 1)))
    assert nothing.at[0, "applications"] == 0 and math.isnan(nothing.at[0, "outcome_coverage"])
    with pytest.raises(ValueError, match="Cannot group by"):
        metrics_by(hiring, "candidate_id; DROP TABLE events")


def test_as_of_in_the_past_ignores_later_events(hiring):
    # At 5 March 00:00: a1 acknowledged, nothing later; a3's rejection (10th) is not yet known.
    facts = {row["candidate_id"]: row
             for row in application_facts(hiring, as_of="2026-03-05T00:00:00Z").to_dict("records")}
    assert "a7" not in facts and "b1" not in facts  # applied later
    assert facts["a1"]["outcome"] == "open" and facts["a1"]["interviews"] == 0
    assert facts["a3"]["outcome"] == "open" and pd.isna(facts["a3"]["ack_latency_h"])
    assert facts["a5"]["outcome"] == "open"  # withdrew on the 5th at 09:00
    # a2: 2nd 09:00 -> 5th 00:00 = 2.625 days without news: not ghosted yet
    assert not facts["a2"]["ghosted"] and facts["a2"]["longest_silence_d"] == 2.625


def test_default_as_of_is_the_latest_event(hiring):
    facts = application_facts(hiring)
    assert facts["as_of"].iloc[0] == datetime.fromisoformat("2026-03-30T12:00:00+00:00")  # a7 applied


def test_month_is_the_local_month(tmp_path):
    store = new_store(tmp_path)
    add_events(store, [event("m1", "p", "application_received", "2026-01-31T23:30:00Z")])
    facts = application_facts(store)
    assert facts.at[0, "month"] == "2026-02"  # 00:30 on 1 February in Stockholm
    assert facts.at[0, "applied_date"] == date(2026, 2, 1)
    assert list(metrics_by(store, "month")["month"]) == ["2026-02"]
    assert metrics_by(store, "all", filters=Filters(date_from=date(2026, 2, 1))).at[0, "applications"] == 1
    assert metrics_by(store, "all", filters=Filters(date_to=date(2026, 1, 31))).at[0, "applications"] == 0


def test_boundaries_are_at_or_after(tmp_path):
    store = new_store(tmp_path)
    add_events(store, [
        # acknowledged exactly at the 48 h SLA; notice in the same minute as the decision
        event("e1", "p", "application_received", "2026-03-02T09:00:00Z"),
        event("e1", "p", "acknowledgement_sent", "2026-03-04T09:00:00Z", "email"),
        event("e1", "p", "rejected", "2026-03-05T09:00:00Z"),
        event("e1", "p", "rejection_sent", "2026-03-05T09:00:00Z", "email"),
        # open, last contact exactly 14 days before as_of: not more than the limit, so not ghosted
        event("e2", "p", "application_received", "2026-03-01T09:00:00Z"),
        event("e2", "p", "status_update_sent", "2026-03-15T12:00:00Z", "email"),
    ])
    facts = {r["candidate_id"]: r for r in application_facts(store, as_of="2026-03-29T12:00:00Z").to_dict("records")}
    assert facts["e1"]["ack_within_sla"] and facts["e1"]["notice_latency_h"] == 0 and facts["e1"]["informed"]
    assert not facts["e2"]["ghosted"]  # 15th 12:00 -> 29th 12:00 is exactly 14 days
    later = {r["candidate_id"]: r for r in application_facts(store, as_of="2026-03-29T12:00:01Z").to_dict("records")}
    assert later["e2"]["ghosted"]


def test_survey_response_rate_cnps_and_sentiment(hiring):
    add_events(hiring, [
        event("a1", "p1", "survey_sent", "2026-03-14T09:00:00Z", "email"),
        event("a4", "p1", "survey_sent", "2026-03-12T09:00:00Z", "email"),
        event("a2", "p1", "survey_sent", "2026-03-12T09:00:00Z", "email"),
    ])
    add_answers(hiring, [
        ("a1", "p1", "2026-03-15T09:00:00Z", 10, "Great talk", "positive"),
        ("a1", "p1", "2026-03-16T09:00:00Z", 9, None, None),  # a repeated answer
        ("a4", "p1", "2026-03-13T09:00:00Z", 3, "Cold e-mail", "negative"),
        ("zz", "p1", "2026-03-13T09:00:00Z", 0, "Unknown application", "negative"),  # ignored
        ("a2", "p1", "2026-04-02T09:00:00Z", 0, "After as_of", "negative"),  # ignored
    ])
    p1 = metrics_by(hiring, "process", as_of=AS_OF).set_index("process_id").loc["p1"]
    assert (p1["survey_sent"], p1["survey_responses"]) == (3, 2)  # a1 (twice, counted once) and a4
    assert p1["survey_response_rate"] == pytest.approx(2 / 3)
    # 3 NPS answers < min_survey_answers 5: the verdict of so small a group is not reported (anonymity)
    assert p1["few_survey_answers"] and p1["survey_answers_nps"] == 3
    assert math.isnan(p1["cnps"]) and math.isnan(p1["sentiment_score"])
    shown = hiring.settings().with_values(min_survey_answers=1)
    p1 = metrics_by(hiring, "process", settings=shown, as_of=AS_OF).set_index("process_id").loc["p1"]
    # answers with nps: 10, 9, 3 -> 100 * (2 - 1) / 3
    assert (p1["survey_answers_nps"], p1["cnps"]) == (3, pytest.approx(100 / 3))
    assert (p1["comments"], p1["sentiment_score"]) == (2, 0)  # one positive, one negative


def test_wilson_interval_against_hand_computation(tmp_path):
    store = new_store(tmp_path)
    rows = []
    for n in range(10):
        rows += [event(f"w{n}", "p", "application_received", "2026-03-02T09:00:00Z"),
                 event(f"w{n}", "p", "rejected", "2026-03-03T09:00:00Z")]
        if n < 8:
            rows.append(event(f"w{n}", "p", "rejection_sent", "2026-03-04T09:00:00Z", "email"))
    add_events(store, rows)
    row = metrics_by(store, "all").iloc[0]
    # p = 0.8, n = 10, z = 1.96: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) = 0.4902 .. 0.9433
    assert row["outcome_coverage"] == 0.8
    assert row["outcome_coverage_low"] == pytest.approx(0.4902, abs=1e-4)
    assert row["outcome_coverage_high"] == pytest.approx(0.9433, abs=1e-4)


@pytest.mark.parametrize(("applied", "acknowledged", "hours", "business_days"), [
    # Friday 16:00 -> Monday 10:00 local: 8/24 of Friday + 10/24 of Monday
    ("2026-03-06T15:00:00Z", "2026-03-09T09:00:00Z", 66, 0.75),
    # Thursday 10:00 -> Monday 10:00 over midsommarafton (Fri 19 June 2026) and the weekend:
    # 14/24 of Thursday + 10/24 of Monday
    ("2026-06-18T08:00:00Z", "2026-06-22T08:00:00Z", 96, 1.0),
    # Wednesday 23 Dec 12:00 -> Monday 28 Dec 12:00 over julafton, juldagen, annandag jul (a Saturday)
    ("2026-12-23T11:00:00Z", "2026-12-28T11:00:00Z", 120, 1.0),
    # same business day, three hours
    ("2026-03-10T08:00:00Z", "2026-03-10T11:00:00Z", 3, 0.125),
])
def test_business_days_skip_weekends_and_swedish_holidays(tmp_path, applied, acknowledged, hours, business_days):
    store = new_store(tmp_path)
    add_events(store, [event("c", "p", "application_received", applied),
                       event("c", "p", "acknowledgement_sent", acknowledged, "email")])
    in_business_days = application_facts(store, settings=Settings(latency_unit="business_days"))
    assert in_business_days.at[0, "ack_latency_h"] == hours
    assert in_business_days.at[0, "ack_latency"] == pytest.approx(business_days)
    in_days = metrics_by(store, "all", settings=Settings(latency_unit="days")).iloc[0]
    assert in_days["ack_latency_median"] == pytest.approx(hours / 24) and in_days["latency_unit"] == "days"
    assert in_days["ack_latency_h_median"] == hours


def test_compare_windows(hiring):
    comparison = compare_windows(hiring, None, Filters(date(2026, 3, 18), date(2026, 3, 31)), as_of=AS_OF)
    # 14 days, 18-31 March; the window before it: 4-17 March
    assert (comparison.current_from, comparison.current_to) == (date(2026, 3, 18), date(2026, 3, 31))
    assert (comparison.previous_from, comparison.previous_to) == (date(2026, 3, 4), date(2026, 3, 17))
    assert comparison.current.at[0, "applications"] == 1  # a7
    assert comparison.previous.at[0, "applications"] == 1  # b1 (16th); a3 applied on the 3rd
    # the frames are the metrics of each period, as metrics_by gives them for the period's dates
    current = metrics_by(hiring, "all", as_of=AS_OF, filters=Filters(date(2026, 3, 18), date(2026, 3, 31)))
    assert comparison.current.equals(current)
    with pytest.raises(ValueError, match="needs a window"):
        compare_windows(hiring, None, Filters(date_from=date(2026, 3, 18)), as_of=AS_OF)


def test_metrics_json_and_command(hiring, tmp_path):
    records = metrics_json(hiring, "process", as_of=AS_OF)
    assert [r["process_id"] for r in records] == ["p2", "p1"]
    assert records[0]["outcome_coverage"] is None  # no decision in p2: undefined, not NaN
    assert records[0]["as_of"] == "2026-03-31T12:00:00+00:00"
    json.dumps(records)  # JSON-safe
    required = {"applications", "ack_latency_h_median", "ack_latency_h_p90", "ack_within_sla_share",
                "notice_latency_h_median", "outcome_known", "outcome_informed", "outcome_coverage",
                "interviewed_rejected", "personal_feedback", "personal_feedback_coverage",
                "post_interview_latency_h_median", "longest_silence_d_median", "ghosted", "survey_sent",
                "survey_responses", "survey_response_rate", "cnps", "sentiment_score"}
    assert required <= set(records[0])
    path = hiring.path
    hiring.close()
    # naive --as-of is local time: 31 March 14:00 in Stockholm (CEST) is 12:00 UTC
    printed = json.loads(metrics_command(path, "process", "2026-03-31T14:00"))
    assert printed == records


def test_parse_as_of():
    assert parse_as_of("2026-03-02T09:15:00+01:00", "Europe/Stockholm").isoformat() == "2026-03-02T08:15:00+00:00"
    assert parse_as_of("2026-03-02 09:15", "Europe/Stockholm").isoformat() == "2026-03-02T08:15:00+00:00"
    assert parse_as_of("2026-03-02T08:15Z", "Europe/Stockholm").isoformat() == "2026-03-02T08:15:00+00:00"
    with pytest.raises(ValueError, match="--as-of"):
        parse_as_of("yesterday", "Europe/Stockholm")


def test_every_metric_column_has_a_definition(hiring):
    frame = metrics_by(hiring, "process", as_of=AS_OF)
    not_metrics = {"process_id", "process_name", "as_of", "small_group", "few_survey_answers", "latency_unit",
                   "measured_on", "unmeasured", "evidence_held"}
    for column in frame.columns:
        if column in not_metrics or column.endswith(("_low", "_high", "_base")):
            continue
        assert display_metric(column, "business_days").label("sv"), column


def test_metric_definitions_cover_the_json_keys():
    for key in ("ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage", "cnps"):
        assert METRICS[key].label_sv and METRICS[key].explanation_en
    assert METRICS["outcome_coverage"].format_value(0.753, "en") == "75%"
    assert METRICS["cnps"].format_value(float("nan"), "en", missing="–") == "–"
    assert display_metric("ack_latency_median", "business_days").format_value(1.25, "en") == "1.3 business days"
    assert all(METRICS[key].unit == "share" for key in SHARE_KEYS)


# --- properties on generated logs -------------------------------------------------------------------

EVENT_TYPES = ("application_received", "acknowledgement_sent", "status_update_sent", "interview_scheduled",
               "interview_held", "rejected", "rejection_sent", "feedback_given", "offer_made", "hired",
               "withdrawn", "survey_sent")
generated_event = st.tuples(
    st.sampled_from(("c1", "c2", "c3", "c4")),
    st.sampled_from(("p1", "p2")),
    st.sampled_from(EVENT_TYPES),
    st.integers(min_value=0, max_value=60 * 24 * 40),  # minutes after 1 March 2026
    st.sampled_from((None, "email", "phone", "video")),
    st.sampled_from((None, "Anna", "Bo")),
)


def as_rows(generated):
    """Distinct on the natural key, as the store holds them."""
    unique = {}
    for candidate, process, event_type, minutes, channel, recruiter in generated:
        at = datetime.fromtimestamp(1772323200 + minutes * 60, tz=UTC).isoformat()
        unique.setdefault((candidate, process, event_type, at),
                          event(candidate, process, event_type, at, channel, recruiter=recruiter))
    return list(unique.values())


PROPERTY_SETTINGS = hypothesis_settings(max_examples=20, deadline=None,
                                        suppress_health_check=[HealthCheck.function_scoped_fixture])
PROPERTY_AS_OF = "2026-04-15T00:00:00Z"


@pytest.fixture
def two_stores(tmp_path):
    """Two stores shared by a property test's examples; each example empties them first."""
    stores = (new_store(tmp_path), new_store(tmp_path))
    yield stores
    for store in stores:
        store.close()


def emptied(store: Store) -> Store:
    with store.transaction() as cursor:
        cursor.execute("DELETE FROM events")
    return store


@PROPERTY_SETTINGS
@given(st.lists(generated_event, min_size=1, max_size=40), st.randoms(use_true_random=False))
def test_shares_are_fractions_and_row_order_does_not_matter(two_stores, generated, shuffler):
    ordered, shuffled = (emptied(store) for store in two_stores)
    rows = as_rows(generated)
    add_events(ordered, rows)
    add_events(shuffled, shuffler.sample(rows, len(rows)))
    first = metrics_by(ordered, "process", as_of=PROPERTY_AS_OF)
    second = metrics_by(shuffled, "process", as_of=PROPERTY_AS_OF)
    assert first.equals(second)
    assert application_facts(ordered, as_of=PROPERTY_AS_OF).equals(application_facts(shuffled, as_of=PROPERTY_AS_OF))
    for key in SHARE_KEYS:
        values = first[[key, f"{key}_low", f"{key}_high"]].dropna()
        assert ((values >= 0) & (values <= 1)).all().all()
        assert (values[f"{key}_low"] <= values[key] + 1e-12).all() and (values[key] <= values[f"{key}_high"] + 1e-12).all()


@PROPERTY_SETTINGS
@given(st.lists(generated_event, min_size=1, max_size=30), st.lists(generated_event, min_size=1, max_size=15))
def test_another_process_never_changes_an_existing_one(two_stores, generated, other):
    store = emptied(two_stores[0])
    add_events(store, as_rows(generated))
    business_days = Settings(latency_unit="business_days")
    before = metrics_by(store, "process", as_of=PROPERTY_AS_OF, settings=business_days)
    add_events(store, as_rows([(candidate, "p-new", *rest) for candidate, _, *rest in other]))
    after = metrics_by(store, "process", as_of=PROPERTY_AS_OF, settings=business_days)
    assert after[after["process_id"] != "p-new"].reset_index(drop=True).equals(before)
