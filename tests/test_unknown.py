"""Unknown is never zero: metrics rest only on applications whose sources can tell them.

A canonical log (complete by contract) is imported beside a snapshot-like export: the same canonical
format, but its import records only applications and decisions, as an ATS applications export does.
Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from analytics.catalogue import METRICS, shares
from analytics.i18n import t
from analytics.ingest.importer import import_bytes
from analytics.measure import evidence
from analytics.measure.actions import action_list
from analytics.measure.metrics import application_facts, metrics_by, metrics_json
from analytics.measure.risk import assess_risk
from analytics.store import Store
from tests.conftest import APP

AS_OF = "2026-03-31T12:00:00+00:00"
HEADER = "candidate_id,process_id,event_type,occurred_at,channel\n"

# The complete log: process "canon" and half of process "mix".
CANONICAL = HEADER + """\
c1,canon,application_received,2026-03-02T09:00:00Z,portal
c1,canon,acknowledgement_sent,2026-03-02T13:00:00Z,email
c1,canon,rejected,2026-03-10T09:00:00Z,
c1,canon,rejection_sent,2026-03-11T09:00:00Z,email
c2,canon,application_received,2026-03-02T09:00:00Z,portal
c3,canon,application_received,2026-03-03T09:00:00Z,portal
c3,canon,acknowledgement_sent,2026-03-03T10:00:00Z,email
c3,canon,interview_held,2026-03-10T09:00:00Z,video
c3,canon,rejected,2026-03-12T09:00:00Z,
c3,canon,feedback_given,2026-03-12T15:00:00Z,phone
c4,canon,interview_held,2026-03-10T09:00:00Z,video
c4,canon,rejected,2026-03-12T09:00:00Z,
c4,canon,rejection_sent,2026-03-12T10:00:00Z,email
m1,mix,application_received,2026-03-02T09:00:00Z,portal
m1,mix,acknowledgement_sent,2026-03-02T10:00:00Z,email
m1,mix,rejected,2026-03-06T09:00:00Z,
m1,mix,rejection_sent,2026-03-06T09:00:00Z,email
m2,mix,application_received,2026-03-02T09:00:00Z,portal
m2,mix,acknowledgement_sent,2026-03-05T09:00:00Z,email
"""
# The snapshot: one row per application and its decision, no messages: process "snap", the rest of "mix".
SNAPSHOT = HEADER + """\
s1,snap,application_received,2026-03-02T09:00:00Z,
s1,snap,rejected,2026-03-09T09:00:00Z,
s2,snap,application_received,2026-03-04T09:00:00Z,
s3,snap,application_received,2026-03-05T09:00:00Z,
s3,snap,offer_made,2026-03-20T09:00:00Z,
m3,mix,application_received,2026-03-03T09:00:00Z,
m3,mix,rejected,2026-03-10T09:00:00Z,
m4,mix,application_received,2026-03-03T09:00:00Z,
"""
SNAPSHOT_EVIDENCE = ("applications", "decisions")
CONTACT_SHARES = ("ack_within_sla_share", "outcome_coverage", "ghosted_share")


def imported(store: Store, text: str, name: str, keep: tuple[str, ...] | None = None) -> int:
    """Import a canonical file; `keep` narrows what its import records to these evidence kinds."""
    report = import_bytes(store, text.encode(), name)
    assert report.ok, report.error_message("en")
    import_id = store.scalar("SELECT max(import_id) FROM imports")
    if keep is not None:
        with store.transaction() as cursor:
            cursor.execute("DELETE FROM import_evidence WHERE import_id = ? AND NOT list_contains(?, evidence)",
                           [import_id, list(keep)])
    return import_id


@pytest.fixture
def mixed(tmp_path):
    store = Store(tmp_path / "mixed.duckdb")
    imported(store, CANONICAL, "log.csv")
    imported(store, SNAPSHOT, "snapshot.csv", keep=SNAPSHOT_EVIDENCE)
    yield store
    store.close()


def by_process(store: Store) -> dict[str, dict]:
    return {row["process_id"]: row for row in metrics_json(store, "process", as_of=AS_OF)}


def test_the_canonical_process_keeps_its_exact_numbers(mixed):
    canon = by_process(mixed)["canon"]
    assert canon["applications"] == 4
    # c4 was first seen at an interview: its start is unknown, so it has no acknowledgement latency
    # and is not in the SLA base. c1 4 h, c3 1 h within 48 h; c2 never: 2 of 3.
    assert canon["ack_eligible"] == 3 and canon["ack_within_sla"] == 2
    assert canon["ack_within_sla_share"] == pytest.approx(2 / 3)
    assert canon["ack_latency_h_median"] == pytest.approx(2.5)  # median of 1 h and 4 h
    # decided: c1, c3, c4, each told (rejection_sent, feedback_given, rejection_sent)
    assert (canon["outcome_known"], canon["outcome_informed"], canon["outcome_coverage"]) == (3, 3, 1.0)
    # c2 open and silent since 2 March 09:00: 29.1 days > 14; c4 (start unknown) is not judged: 1 of 3
    assert canon["ghosted"] == 1 and canon["ghosted_share"] == pytest.approx(1 / 3)
    # c3 and c4 were interviewed and rejected; c3 had feedback by phone
    assert (canon["interviewed_rejected"], canon["personal_feedback"]) == (2, 1)
    assert canon["measured_on"] == {key: 3 for key in (
        "ack_latency_h_median", "ack_latency_h_p90", "ack_eligible", "ack_within_sla", "ack_within_sla_share",
        "longest_silence_d_median", "longest_silence_d_p90", "ghosted", "ghosted_share")}
    # no survey file was imported: the answers are unknown, the surveys sent (none) are known
    assert canon["survey_sent"] == 0
    assert set(canon["unmeasured"]) == {"survey_responses", "survey_response_rate", "survey_answers_nps", "cnps",
                                        "comments", "sentiment_score"}
    assert canon["unmeasured"]["cnps"] == "no source records the survey answers: import the survey export"


def test_the_snapshot_process_has_null_contact_metrics_with_reasons(mixed):
    snap = by_process(mixed)["snap"]
    assert snap["applications"] == 3
    for key in ("ack_latency_h_median", "ack_eligible", "ack_within_sla", "ack_within_sla_share",
                "notice_latency_h_median", "outcome_informed", "outcome_coverage", "ghosted", "ghosted_share",
                "longest_silence_d_median", "interviewed_rejected", "personal_feedback_coverage",
                "post_interview_latency_h_median", "survey_sent"):
        assert snap[key] is None, key
        assert snap["unmeasured"][key], key
    assert snap["unmeasured"]["ack_within_sla_share"] == (
        "no source records the messages sent to candidates: import a message trace or an events log with "
        "acknowledgement_sent")
    assert "interviews" in snap["unmeasured"]["interviewed_rejected"]
    # decisions are known: s1 rejected, s3 offered; s2 open
    assert (snap["outcome_known"], snap["outcome_hired"], snap["outcome_open"]) == (2, 1, 1)
    assert "outcome_known" not in snap["unmeasured"] and snap["measured_on"] == {}


def test_a_mixed_process_states_its_base(mixed):
    mix = by_process(mixed)["mix"]
    assert mix["applications"] == 4
    # m1 acknowledged after 1 h, m2 after 72 h; m3, m4 have no messages: 1 of 2
    assert (mix["ack_eligible"], mix["ack_within_sla"], mix["ack_within_sla_share"]) == (2, 1, 0.5)
    # decided: m1 (told at once) and m3 (snapshot: whether told is unknown); coverage rests on m1 alone
    assert (mix["outcome_known"], mix["outcome_informed"], mix["outcome_coverage"]) == (2, 1, 1.0)
    # m2 open, last contact 5 March 09:00: 26.1 days silent: ghosted; m1 told: 1 of 2
    assert (mix["ghosted"], mix["ghosted_share"]) == (1, 0.5)
    assert mix["measured_on"]["ack_within_sla_share"] == 2
    assert mix["measured_on"]["outcome_coverage"] == 2
    assert mix["measured_on"]["ghosted_share"] == 2
    assert "ack_within_sla_share" not in mix["unmeasured"]


def test_an_application_first_seen_at_an_interview_has_no_acknowledgement(mixed):
    facts = application_facts(mixed, as_of=AS_OF).set_index("candidate_id")
    c4 = facts.loc["c4"]
    assert c4["ack_latency_h"] is pd.NA
    assert not bool(c4["evidence_applications"]) and bool(c4["evidence_messages"])
    assert c4["ack_deadline_passed"] is pd.NA
    s1 = facts.loc["s1"]
    assert bool(s1["evidence_applications"]) and not bool(s1["evidence_messages"])
    assert s1["ghosted"] is pd.NA and bool(s1["outcome_known"])


def test_no_flags_or_action_rows_without_messages(mixed):
    facts = application_facts(mixed, as_of=AS_OF)
    assessment = assess_risk(mixed, facts=facts)
    assert set(assessment.flags["process_id"]) <= {"canon", "mix"}
    processes = assessment.processes.set_index("process_id")
    # the snapshot can judge none of the contact rules nor the voice: named, not counted as good or bad
    assert processes.at["snap", "unjudged"] == ("no_or_slow_acknowledgement", "left_without_updates",
                                                "outcome_not_told", "no_personal_feedback",
                                                "negative_candidate_voice", "getting_worse")
    assert processes.at["snap", "risk_score"] is pd.NA
    assert "left_without_updates" not in processes.at["mix", "unjudged"]
    actions = action_list(mixed, facts=facts)
    # silent and open: c2 (canon) and m2 (mix); c4 was interviewed and rejected without personal
    # feedback: call. s2 and m4 are open too, and s1, m3 rejected, but their messages are unknown.
    assert dict(zip(actions["candidate_id"], actions["reason"], strict=True)) == {
        "c2": "silent_open", "c4": "feedback_call", "m2": "silent_open"}


def test_measurable_metrics_of_the_store(mixed):
    measurable = {row.key: row for row in evidence.measurable_metrics(metrics_by(mixed, "all", as_of=AS_OF))}
    # 11 applications; the acknowledgement rests on the canonical ones with a known start: c1-c3, m1, m2
    assert measurable["applications"].applications == 11 and measurable["applications"].reason_en == ""
    assert measurable["ack_within_sla_share"].applications == 5
    assert "messages" in measurable["ack_within_sla_share"].reason_en
    assert measurable["outcome_known"].applications == 11
    assert measurable["cnps"].applications == 0
    assert measurable["cnps"].reason_sv == "ingen källa visar enkätsvaren: importera enkätexporten"


# --- property: removing the messages evidence never makes a 0 out of nothing ------------------------

EVENT_TYPES = ("application_received", "acknowledgement_sent", "status_update_sent", "interview_scheduled",
               "interview_held", "rejected", "rejection_sent", "feedback_given", "offer_made", "hired",
               "withdrawn", "survey_sent")
generated_event = st.tuples(
    st.sampled_from(("c1", "c2", "c3", "c4")),
    st.sampled_from(("p1", "p2")),
    st.sampled_from(EVENT_TYPES),
    st.integers(min_value=0, max_value=60 * 24 * 40),  # minutes after 1 March 2026
    st.sampled_from(("email", "phone", "video")),
)


def _log(generated) -> str:
    rows = {(c, p, e, minutes): channel for c, p, e, minutes, channel in generated}
    lines = [f"{c},{p},{e},{datetime.fromtimestamp(1772323200 + minutes * 60, tz=UTC).isoformat()},{channel}"
             for (c, p, e, minutes), channel in rows.items()]
    return HEADER + "\n".join(lines) + "\n"


@pytest.fixture
def store_factory(tmp_path):
    opened = []

    def make() -> Store:
        opened.append(Store(tmp_path / f"p-{uuid.uuid4().hex}.duckdb"))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


@hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(generated_event, min_size=1, max_size=30))
def test_removing_messages_evidence_never_yields_a_zero_share(store_factory, generated):
    text = _log(generated)
    complete, without = store_factory(), store_factory()
    imported(complete, text, "log.csv")
    imported(without, text, "log.csv", keep=tuple(kind for kind in evidence.EVIDENCE if kind != "messages"))
    before = {row["process_id"]: row for row in metrics_json(complete, "process", as_of=AS_OF)}
    after = {row["process_id"]: row for row in metrics_json(without, "process", as_of=AS_OF)}
    assert before.keys() == after.keys()
    for process, row in after.items():
        for key in (share.key for share in shares()):
            if "messages" in evidence.needs_of(key):
                assert row[key] is None and key in row["unmeasured"], (process, key)
            else:
                assert row[key] == before[process][key], (process, key)
        assert row["ghosted"] is None and row["outcome_informed"] is None


# --- the pages say "not in your data", with the reason, never 0 % and never a call to action -----------

def run_page(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    if page != "content/overview.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [element.value for kind in ("caption", "markdown", "info", "success", "warning") for element in
             getattr(at, kind)]
    return "\n".join(str(part) for part in parts)


@pytest.fixture
def snapshot_app(app_db) -> Store:
    store = Store(app_db)
    imported(store, SNAPSHOT, "snapshot.csv", keep=SNAPSHOT_EVIDENCE)
    store.close()
    return app_db


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_overview_and_detail_cards_say_not_in_your_data(snapshot_app, lang):
    messages = t("unmeasured.missing.messages", lang)
    for page in ("content/overview.py", "content/process_detail.py"):
        at = run_page(page, lang)
        cards = {card.label: card.value for card in at.metric}
        assert cards[METRICS["ack_within_sla_share"].label(lang)] == t("unmeasured.value", lang)
        assert cards[METRICS["ghosted_share"].label(lang)] == t("unmeasured.value", lang)
        assert not any(value.endswith("%") for value in cards.values()), cards
        assert messages in all_text(at)


def test_processes_and_risk_pages_say_not_in_your_data(snapshot_app):
    processes = run_page("content/processes.py", "sv")
    table = processes.dataframe[0].value
    # both processes (snap, and mix's snapshot half) come from the snapshot alone: small, but first unknown
    assert table["status"].tolist() == ["finns inte i dina data"] * 2
    assert table["ack_within_sla_share_interval"].tolist() == ["finns inte i dina data"] * 2
    assert t("unmeasured.missing.messages", "sv") in all_text(processes)
    risk = run_page("content/risk.py", "en")
    text = all_text(risk)
    assert "not judged for snap, mix, not in your data" in text
    assert [box.value for box in risk.success] == [t("risk.no_flags", "en"), t("risk.actions_empty", "en")]


def test_the_data_page_measures_from_evidence(snapshot_app):
    data = run_page("content/data.py", "en")
    text = "\n".join(element.value for element in data.markdown)
    # s1-s3 and m3, m4: the snapshot records their applications and decisions, not their messages
    assert "Applications: measurable for all 5 applications" in text
    assert "Decided applications: measurable for all 5 applications" in text
    assert (f"{METRICS['ack_within_sla_share'].label('en')}: not in your data: "
            f"{t('unmeasured.missing.messages', 'en')}.") in text
