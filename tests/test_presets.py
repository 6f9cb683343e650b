"""Every preset on a small fixture written from the vendor's documented columns (tests/fixtures/ats).

Expected events are written out by hand as UTC instants. Stockholm offsets in the fixtures: CET =
UTC+1 until 2025-03-30 02:00, CEST = UTC+2 until 2025-10-26 03:00 (the repeated hour 02:00–03:00 is
read as the first, CEST one). Each test compares only the rows its own import brought.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analytics.ingest.importer import ImportReport, import_file, undo_import
from analytics.ingest.mappings import preview_file
from analytics.ingest.presets import PRESETS, detect_preset, metric_support
from analytics.measure.evidence import measurable_metrics
from analytics.measure.metrics import metrics_by
from analytics.vocabulary import EVIDENCE, EVIDENCE_SCOPES
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ats"

# fixture -> (files imported first, the events the fixture brings: candidate, process, type, UTC instant)
EXPECTED_EVENTS: dict[str, tuple[tuple[str, ...], list[tuple[str, str, str, str]]]] = {
    "greenhouse_applications": ((), [
        # one candidate, two applications; the prospect (57683960) is left out
        ("57683957", "107761", "application_received", "2025-09-29 12:56:05.244+00"),
        ("57683957", "107762", "application_received", "2025-09-30 08:00:00+00"),
        ("57683957", "107762", "rejected", "2025-10-06 09:30:00.5+00"),
        ("57683958", "107761", "application_received", "2025-10-01 10:00:00+00"),
        ("57683958", "107761", "withdrawn", "2025-10-03 11:00:00+00"),         # "They rejected us"
        ("57683959", "107761", "application_received", "2025-09-01 07:00:00+00"),
        ("57683959", "107761", "hired", "2025-10-20 15:45:00+00"),             # stale rejected_at ignored
        ("57683961", "107761", "application_received", "2025-09-03 07:00:00+00"),  # un-rejected
    ]),
    "greenhouse_activity": (("greenhouse_applications",), [
        # e-mails join the application that started last before them; the voided rejection is gone
        ("57683957", "107761", "status_update_sent", "2025-09-29 14:00:00+00"),
        # rejected on 2025-10-06 09:30 (the applications export): this e-mail is the notice
        ("57683957", "107762", "rejection_sent", "2025-10-07 08:00:00+00"),
        ("57683961", "107761", "status_update_sent", "2025-09-04 15:55:06+00"),
    ]),
    "greenhouse_scorecards": (("greenhouse_applications",), [
        ("57683957", "107762", "interview_held", "2025-10-01 13:00:00+00"),   # two scorecards, one interview
        ("57683959", "107761", "interview_held", "2025-09-10 08:00:00+00"),
    ]),
    "lever_opportunities": ((), [
        ("250d8f03-738a-4bba-a671-8a3d73477145", "lever", "application_received", "2014-08-08 01:07:51.043+00"),
        ("5c86dee5-8c5b-4a30-9a4f-1b3d1ba6a001", "lever", "application_received", "2014-12-03 06:25:16.15+00"),
        ("5c86dee5-8c5b-4a30-9a4f-1b3d1ba6a001", "lever", "hired", "2014-12-03 06:26:48.76+00"),
        ("d1e2f3a4-0000-4000-8000-000000000004", "lever", "application_received", "2019-09-05 16:31:13.802+00"),
        ("d1e2f3a4-0000-4000-8000-000000000004", "lever", "rejected", "2019-09-06 16:31:13.802+00"),
        ("e1e2f3a4-0000-4000-8000-000000000005", "lever", "application_received", "2019-09-05 16:31:13.802+00"),
        ("e1e2f3a4-0000-4000-8000-000000000005", "lever", "withdrawn", "2019-09-08 16:31:13.802+00"),
    ]),
    "lever_stage_changes": ((), [
        # lead-new -> lead-reached-out -> lead-new -> applicant-new: applied at the first applicant stage
        ("1c0f6b3d-8e2a-4f4b-ad9c-000000000002", "lever", "application_received", "2019-09-10 16:31:13.802+00"),
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "application_received", "2019-09-08 16:31:13.802+00"),
    ]),
    "lever_stage_history": ((), [
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "application_received", "2019-01-14 10:00:00+00"),  # UTC
    ]),
    "lever_interviews": ((), [
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "interview_held", "2019-01-12 04:09:11.975+00"),
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "interview_scheduled", "2019-01-10 09:00:00+00"),
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "interview_scheduled", "2019-01-10 09:30:00+00"),
        ("74fd168f-1505-4d2e-afd4-6daf29bbc3a9", "lever", "interview_scheduled", "2026-11-01 12:00:00+00"),
    ]),
    "teamtailor_applications": ((), [
        ("101", "7", "application_received", "2025-03-29 09:30:43.91+00"),
        ("101", "7", "rejected", "2025-03-31 07:00:00+00"),
        ("42", "7", "application_received", "2025-10-25 23:30:00+00"),
        ("42", "8", "application_received", "2025-10-27 07:00:00+00"),
    ]),
    "teamtailor_activities": (("teamtailor_applications",), [
        ("101", "7", "rejected", "2025-03-31 07:00:00+00"),
        ("101", "7", "status_update_sent", "2025-03-29 10:00:00+00"),
        ("42", "7", "interview_scheduled", "2025-10-26 09:00:00+00"),
        ("42", "8", "status_update_sent", "2025-10-28 08:00:00+00"),   # no job_id: the later application
    ]),
    "ashby_application_history": ((), [
        ("a1", "ashby", "application_received", "2025-05-02 09:00:00+00"),
        ("a1", "ashby", "hired", "2025-05-25 12:00:00+00"),
        ("a1", "ashby", "offer_made", "2025-05-20 10:00:00+00"),
        ("a2", "ashby", "application_received", "2025-05-03 10:00:00+00"),
        ("a2", "ashby", "rejected", "2025-05-10 10:00:00+00"),
    ]),
    "smartrecruiters_applications": ((), [
        ("0520672f-5147-42fc-ae46-b9feec8e4642", "smartrecruiters", "application_received", "2015-12-27 23:00:00+00"),
        ("0520672f-5147-42fc-ae46-b9feec8e4642", "smartrecruiters", "rejected", "2016-01-05 16:00:45+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000002", "smartrecruiters", "application_received", "2025-06-02 07:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000002", "smartrecruiters", "hired", "2025-06-30 12:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000004", "smartrecruiters", "application_received", "2025-06-03 08:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000004", "smartrecruiters", "withdrawn", "2025-06-05 08:00:00+00"),
    ]),
    "smartrecruiters_interviews": ((), [
        ("7d1f0c2a-1111-4a2b-9c3d-000000000002", "smartrecruiters", "interview_held", "2025-06-10 11:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000002", "smartrecruiters", "interview_scheduled", "2025-06-05 07:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000002", "smartrecruiters", "interview_scheduled", "2025-06-06 07:00:00+00"),
        ("7d1f0c2a-1111-4a2b-9c3d-000000000004", "smartrecruiters", "interview_scheduled", "2025-06-04 07:00:00+00"),
    ]),
    "workday": ((), [
        ("C-1", "R-10", "application_received", "2025-02-03 08:15:00+00"),
        ("C-1", "R-10", "rejected", "2025-02-20 15:00:00+00"),
        ("C-2", "R-10", "application_received", "2025-02-04 09:00:00+00"),
        ("C-2", "R-10", "hired", "2025-03-31 06:00:00+00"),             # after the spring change: CEST
        ("C-3", "R-11", "application_received", "2025-02-28 23:00:00+00"),  # date only: local midnight
    ]),
    "easycruit": ((), [
        ("5001", "P-17", "application_received", "2025-03-28 08:15:00+00"),
        ("5001", "P-17", "interview_held", "2025-03-30 11:00:00+00"),
        ("5001", "P-17", "interview_scheduled", "2025-03-29 07:00:00+00"),
        ("5001", "P-17", "rejected", "2025-03-31 08:00:00+00"),
        ("5001", "P-18", "application_received", "2025-10-26 00:30:00+00"),  # repeated autumn hour: the first
        ("5002", "P-17", "application_received", "2025-03-27 13:00:00+00"),
        ("5002", "P-17", "hired", "2025-04-14 22:00:00+00"),
        ("5002", "P-17", "interview_held", "2025-04-01 08:00:00+00"),
        ("5002", "P-17", "interview_scheduled", "2025-03-28 09:00:00+00"),
        ("5002", "P-17", "offer_made", "2025-04-09 22:00:00+00"),
        ("5003", "P-18", "application_received", "2025-10-30 07:00:00+00"),
        ("5003", "P-18", "interview_scheduled", "2025-10-31 07:00:00+00"),   # the interview is in 2099
    ]),
    "process_mining": ((), [
        ("case-1", "process-mining", "acknowledgement_sent", "2010-12-30 14:00:00+00"),
        ("case-1", "process-mining", "application_received", "2010-12-30 13:32:00+00"),
        ("case-1", "process-mining", "rejected", "2011-01-05 09:00:00+00"),
        ("case-2", "process-mining", "application_received", "2010-12-30 14:40:00+00"),  # epoch milliseconds
    ]),
    "process_mining_xes": ((), [
        ("c1", "process-mining", "application_received", "2025-03-28 08:00:00+00"),
        ("c1", "process-mining", "interview_held", "2025-03-30 08:00:00+00"),
        ("c1", "process-mining", "offer_made", "2025-04-02 12:00:00+00"),
    ]),
}

# fixture -> (files imported first, answers: candidate, process, UTC instant, nps, comment)
EXPECTED_ANSWERS: dict[str, tuple[tuple[str, ...], list[tuple]]] = {
    "teamtailor_nps": (("teamtailor_applications",), [
        ("101", "7", "2025-04-02 06:15:00+00", 9, "Snabbt och trevligt bemötande"),
        ("42", "7", "2025-10-26 17:00:00+00", 4, "Long silence after the interview"),   # not answered: left out
    ]),
    "ashby_survey_submissions": (("ashby_application_history",), [
        ("a1", "ashby", "2025-05-26 08:00:00+00", 10, "Great process"),
        ("a2", "ashby", "2025-05-12 08:00:00+00", 3, "Never heard back after the interview"),  # Diversity left out
    ]),
}

# Names and addresses that stand in the fixtures and must never reach the store.
PERSONAL_DATA = ("Jane", "email@mail.com", "sam@example.com", "John Locke", "john.locke@example.com", "Kate",
                 "Shane Smith", "Eva", "eva.ek@example.com", "Lindqvist", "Kim Doe", "Alex Roe")


def import_fixture(store, name: str, **options) -> ImportReport:
    report = import_file(store, FIXTURES / f"{name}.csv", **options)
    assert report.ok, "\n".join([report.error_message(), *report.problem_lines()])
    return report


def events_brought_by(store, import_id: int) -> list[tuple]:
    return store.fetchall(
        "SELECT e.candidate_id, e.process_id, e.event_type, CAST(e.occurred_at AS VARCHAR) FROM events e "
        "JOIN event_sources s USING (event_key) WHERE s.import_id = ? ORDER BY ALL", [import_id],
    )


@pytest.mark.parametrize("name", EXPECTED_EVENTS)
def test_the_preset_turns_its_export_into_the_expected_events(store, name):
    first, expected = EXPECTED_EVENTS[name]
    for prerequisite in first:
        import_fixture(store, prerequisite)
    report = import_fixture(store, name)
    assert report.format == name
    assert events_brought_by(store, report.import_id) == sorted(expected)


@pytest.mark.parametrize("name", EXPECTED_ANSWERS)
def test_the_survey_preset_turns_its_export_into_the_expected_answers(store, name):
    first, expected = EXPECTED_ANSWERS[name]
    for prerequisite in first:
        import_fixture(store, prerequisite)
    report = import_fixture(store, name)
    assert (report.format, report.kind) == (name, "surveys")
    assert store.fetchall(
        "SELECT candidate_id, process_id, CAST(submitted_at AS VARCHAR), nps, comment FROM survey_responses "
        "ORDER BY submitted_at DESC"
    ) == sorted(expected, key=lambda answer: answer[2], reverse=True)


def test_descriptive_columns_come_along(store):
    import_fixture(store, "greenhouse_applications")
    import_fixture(store, "easycruit")
    import_fixture(store, "smartrecruiters_interviews")
    assert store.fetchall(
        "SELECT process_name, department, recruiter, stage, channel FROM events "
        "WHERE candidate_id IN ('57683957', '5001') AND event_type IN ('rejected', 'interview_held') ORDER BY ALL"
    ) == [
        ("Backend Engineer", None, "Greenhouse Admin", "Phone Interview", None),
        ("Sjuksköterska Örebro", "Vård", None, "Avslag", None),
        ("Sjuksköterska Örebro", "Vård", None, "Avslag", None),
    ]
    assert store.fetchall("SELECT DISTINCT channel FROM events WHERE event_type = 'interview_held' AND "
                          "process_id = 'smartrecruiters'") == [("in_person",)]


@pytest.mark.parametrize("name", [*EXPECTED_EVENTS, *EXPECTED_ANSWERS])
def test_each_fixture_is_recognised_as_its_own_preset(name):
    header = set(preview_file(FIXTURES / f"{name}.csv", rows=1).columns)
    assert detect_preset(header).name == name



def test_a_canonical_header_is_recognised_as_canonical():
    canonical = {"candidate_id", "candidate_email", "candidate_name", "process_id", "event_type", "occurred_at",
                 "process_name", "department", "recruiter", "stage", "channel", "submitted_at", "nps", "comment"}
    assert detect_preset(canonical) is None


def test_no_recognisable_signature_holds_another():
    detectable = [preset for preset in PRESETS.values() if preset.detectable]
    overlapping = [(a.name, b.name) for a in detectable for b in detectable if a is not b and a.signature <= b.signature]
    assert overlapping == []


def test_the_nps_export_stores_every_survey_sent_and_every_answer_in_one_import(store):
    import_fixture(store, "teamtailor_applications")
    report = import_fixture(store, "teamtailor_nps")
    assert (report.format, report.kind) == ("teamtailor_nps", "surveys")
    assert events_brought_by(store, report.import_id) == [
        ("101", "7", "survey_sent", "2025-04-01 08:00:00+00"),
        ("42", "7", "survey_sent", "2025-10-26 11:00:00+00"),
        ("42", "8", "survey_sent", "2025-10-28 09:00:00+00"),   # sent, never answered: counted, not dropped
    ]
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.left_out) == (3, 3, 0, {})
    assert store.scalar("SELECT count(*) FROM survey_sources WHERE import_id = ?", [report.import_id]) == 2
    again = import_fixture(store, "teamtailor_nps")
    assert (again.rows_stored, again.rows_duplicate) == (0, 3)


def test_the_format_overrides_recognition(store):
    canonical = import_file(store, FIXTURES / "workday.csv", format="canonical")
    assert canonical.error_code == "unknown_kind"   # neither events nor survey columns


def test_a_forced_preset_names_the_columns_the_file_lacks(store):
    assert PRESETS["workday"].missing_columns({"candidate_id", "job_req_id"}) == [
        "candidate_stage", "date_and_time_completed", "date_and_time_initiated", "last_recruiting_stage"]
    report = import_file(store, FIXTURES / "easycruit.csv", format="workday")
    assert report.error_code == "missing_columns"
    assert "date_and_time_initiated" in report.error_message()
    assert store.scalar("SELECT count(*) FROM events") == 0


def test_an_activity_named_like_no_event_type_is_reported_on_its_row(store, tmp_path):
    log = tmp_path / "log.csv"
    log.write_text("case_id;activity;timestamp\nc1;Apply;2025-03-28 09:00\nc1;Screen CV;2025-03-28 10:00\n",
                   encoding="utf-8")
    strict = import_file(store, log)
    assert strict.error_code == "rows_rejected"
    assert [(p.row, p.value, p.code) for p in strict.problems] == [(2, "Screen CV", "unknown_event_type")]
    assert import_file(store, log, mode="lenient").rows_stored == 1


def test_names_and_addresses_never_reach_the_store(store):
    for name in ("greenhouse_applications", "greenhouse_activity", "lever_opportunities", "smartrecruiters_applications",
                 "workday", "easycruit", "ashby_application_history"):
        import_fixture(store, name)
    stored = " ".join(str(value) for row in store.fetchall("SELECT * EXCLUDE (event_key, occurred_at) FROM events")
                      for value in row)
    assert [text for text in PERSONAL_DATA if text in stored] == []
    assert not re.search(r"[^@\s]+@[^@\s]+", stored)


def test_greenhouse_exports_together_give_a_hand_computed_acknowledgement_latency(store):
    for name in ("greenhouse_applications", "greenhouse_activity", "greenhouse_scorecards"):
        import_fixture(store, name)
    row = metrics_by(store, "process").set_index("process_id").loc["107762"]
    # applied 2025-09-30 08:00Z; first contact: the phone interview 2025-10-01 13:00Z = 29 hours
    assert row["applications"] == 1
    assert row["ack_latency_h_median"] == pytest.approx(29.0)
    assert (row["outcome_known"], row["interviewed_rejected"]) == (1, 1)


def test_teamtailor_nps_gives_a_hand_computed_response_rate_and_nps(store):
    import_fixture(store, "teamtailor_applications")
    import_fixture(store, "teamtailor_nps")
    # Two answers are below the anonymity minimum (5), so count them with a minimum of 1.
    settings = store.save_settings(min_survey_answers=1)
    rows = metrics_by(store, "process", settings).set_index("process_id")
    # job 7: surveys sent to 101 and 42, both answered (9 and 4): rate 1, NPS 50 − 50 = 0
    assert (rows.loc["7", "survey_sent"], rows.loc["7", "survey_responses"]) == (2, 2)
    assert rows.loc["7", "survey_response_rate"] == pytest.approx(1.0)
    assert rows.loc["7", "cnps"] == pytest.approx(0.0)
    assert pd.isna(metrics_by(store, "process", settings.with_values(min_survey_answers=5))
                   .set_index("process_id").loc["7", "cnps"])
    # job 8: one survey sent, not answered
    assert rows.loc["8", "survey_response_rate"] == pytest.approx(0.0)


# The keys `metrics --json` promises (the spec's section 4): the Data page says which an export can give.
CONTRACT_KEYS = {
    "applications", "ack_latency_h_median", "ack_latency_h_p90", "ack_within_sla_share", "notice_latency_h_median",
    "outcome_known", "outcome_informed", "outcome_coverage", "interviewed_rejected", "personal_feedback",
    "personal_feedback_coverage", "post_interview_latency_h_median", "longest_silence_d_median", "ghosted",
    "survey_sent", "survey_responses", "survey_response_rate", "cnps", "sentiment_score",
}


def test_supported_metrics_say_what_an_export_cannot_give_and_why():
    # A Greenhouse applications export records applications and decisions, no messages or interviews.
    assert PRESETS["greenhouse_applications"].recorded == {"applications", "decisions"}
    support = {m.key: m for m in metric_support(PRESETS["greenhouse_applications"].recorded)}
    assert set(support) == CONTRACT_KEYS
    assert {key for key, m in support.items() if m.available} == {"applications", "outcome_known"}
    ack = support["ack_latency_h_median"]
    assert ack.reason_en.startswith("no message times in this export")
    assert ack.reason_sv.startswith("inga meddelandetider i exporten")
    assert support["interviewed_rejected"].reason_en == "no interview dates in this export"
    assert PRESETS["greenhouse_applications"].metrics_unavailable[0][0] == "ack_within_sla_share"
    # Teamtailor's NPS export records the surveys sent and the answers: the response rate too.
    assert {m.key for m in metric_support(PRESETS["teamtailor_nps"].recorded) if m.available} == {
        "applications", "survey_sent", "survey_responses", "survey_response_rate", "cnps", "sentiment_score"}


def test_the_store_supports_more_metrics_as_exports_are_combined(store):
    import_fixture(store, "greenhouse_applications")
    measured = {m.key: m.applications for m in measurable_metrics(metrics_by(store, "all"))}
    assert measured["ack_latency_h_median"] == 0
    import_fixture(store, "greenhouse_activity")
    measured = {m.key: m.applications for m in measurable_metrics(metrics_by(store, "all"))}
    assert measured["ack_latency_h_median"] > 0 and measured["longest_silence_d_median"] > 0


def test_the_documentation_describes_every_preset():
    docs = (ROOT / "docs" / "presets.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `(\w+)`(.*?)(?=^## |\Z)", docs, flags=re.S | re.M))
    assert set(PRESETS) <= set(sections)
    for preset in PRESETS.values():
        text = sections[preset.name]
        missing = [c for entry in preset.signature for c in entry.split("|") if f"`{c}`" not in text]
        missing += [kind for kind, _ in preset.evidence if f"`{kind}`" not in text.split("\n\n")[1]]
        missing += [reason for reason, _ in preset.left_out_conditions({}) if f"`{reason}`" not in text]
        missing += [key for key, _, _ in preset.metrics_unavailable if f"`{key}`" not in text]
        missing += [kind for kind, _ in preset.events_supported if f"`{kind}`" not in text]
        assert missing == [], preset.name


# -- real shapes (tests/fixtures/ats/README.md names each shape's public source) ------------------

GREENHOUSE_JOBS = [
    # 61000004 is a prospect (left out); 61000001 applied to two jobs, each its own process
    ("61000001", "4001", "application_received", "2025-05-05 08:00:00+00"),
    ("61000001", "4001", "rejected", "2025-05-12 10:00:00+00"),
    ("61000001", "4002", "application_received", "2025-05-20 11:00:00+00"),
    ("61000002", "4001", "application_received", "2025-05-06 09:30:00+00"),
    ("61000002", "4001", "withdrawn", "2025-05-09 16:00:00+00"),            # "They rejected us"
    ("61000003", "4001", "application_received", "2025-05-07 07:15:00+00"),
    ("61000003", "4001", "hired", "2025-06-02 12:00:00+00"),
]
LEVER_PANDAS_ALONE = [
    # createdAt as written; archived.reason is an id no archive-reasons export resolved yet
    ("0a1b2c3d-1111-4aaa-8bbb-000000000001", "lever", "application_received", "2021-07-26 11:46:40+00"),
    ("0a1b2c3d-1111-4aaa-8bbb-000000000002", "lever", "application_received", "2021-07-27 15:33:20+00"),
    ("0a1b2c3d-1111-4aaa-8bbb-000000000003", "lever", "application_received", "2021-07-28 19:20:00+00"),
    ("0a1b2c3d-1111-4aaa-8bbb-000000000004", "lever", "application_received", "2021-07-29 23:06:40+00"),
    ("0a1b2c3d-1111-4aaa-8bbb-000000000005", "lever", "application_received", "2021-07-31 02:53:20+00"),
]
# fixture -> (files imported first, format, (read, stored, already stored, rejected), left out, stored partly, events)
REAL_SHAPES: dict[str, tuple] = {
    "greenhouse_applications_airbyte": ((), "greenhouse_applications", (5, 4, 0, 0), {"prospect": 1}, {},
                                        GREENHOUSE_JOBS),
    "greenhouse_applications_underscored": ((), "greenhouse_applications", (5, 4, 0, 0), {"prospect": 1}, {},
                                            GREENHOUSE_JOBS),
    "greenhouse_applications_dotted": ((), "greenhouse_applications", (5, 4, 0, 0), {"prospect": 1}, {},
                                       GREENHOUSE_JOBS),
    "greenhouse_application_fivetran": ((), "greenhouse_applications", (4, 2, 0, 0), {"deleted": 1, "prospect": 1}, {}, [
        # naive UTC with milliseconds, read as UTC (not Stockholm time); no job column: one process
        ("22449349003", "greenhouse", "application_received", "2025-02-09 13:03:07.684+00"),
        ("22449349003", "greenhouse", "rejected", "2025-02-11 16:40:11.5+00"),
        ("22454237003", "greenhouse", "application_received", "2025-02-09 14:21:05.255+00"),
    ]),
    "lever_opportunities_pandas": ((), "lever_opportunities", (6, 5, 0, 0), {"lead": 1},
                                   {"archive_reason_unknown": 4}, LEVER_PANDAS_ALONE),
    "lever_opportunity_fivetran": (("lever_archive_reason_fivetran",), "lever_opportunities", (3, 3, 0, 0), {}, {}, [
        ("b1c2d3e4-2222-4bbb-8ccc-000000000001", "lever", "application_received", "2025-02-03 09:10:11.975+00"),
        ("b1c2d3e4-2222-4bbb-8ccc-000000000001", "lever", "hired", "2025-02-20 15:30:00.125+00"),   # ar-1 = Hired
        ("b1c2d3e4-2222-4bbb-8ccc-000000000002", "lever", "application_received", "2025-02-04 12:00:00+00"),
        ("b1c2d3e4-2222-4bbb-8ccc-000000000002", "lever", "rejected", "2025-02-10 08:00:00+00"),  # Underqualified
        ("b1c2d3e4-2222-4bbb-8ccc-000000000003", "lever", "application_received", "2025-02-05 07:45:30.5+00"),
    ]),
    "lever_opportunities_export": ((), "lever_opportunities", (3, 2, 0, 0), {"lead": 1}, {}, [
        # top-level archivedAt as pandas writes it (float epoch ms), archived_reason as text
        ("d4e5f6a7-3333-4ccc-8ddd-000000000001", "p-77", "application_received", "2021-07-26 11:46:40+00"),
        ("d4e5f6a7-3333-4ccc-8ddd-000000000001", "p-77", "hired", "2021-08-09 12:59:02.512+00"),
        ("d4e5f6a7-3333-4ccc-8ddd-000000000002", "p-77", "application_received", "2021-07-27 15:33:20+00"),
        ("d4e5f6a7-3333-4ccc-8ddd-000000000002", "p-77", "rejected", "2021-08-02 10:26:40+00"),
    ]),
    "teamtailor_job_application_fivetran": ((), "teamtailor_applications", (3, 2, 0, 0), {"sourced": 1}, {}, [
        ("9001", "300", "application_received", "2025-03-18 07:30:00.25+00"),
        ("9001", "300", "rejected", "2025-03-25 13:00:00+00"),
        ("9003", "300", "application_received", "2025-03-20 06:05:04.321+00"),
    ]),
}


@pytest.mark.parametrize("name", REAL_SHAPES)
def test_each_real_shape_imports_as_exported_and_accounts_for_every_row(store, name):
    first, format_name, counts, left_out, partly, expected = REAL_SHAPES[name]
    for prerequisite in first:
        import_fixture(store, prerequisite)
    report = import_fixture(store, name)
    assert report.format == format_name
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.rows_rejected) == counts
    assert (report.left_out, report.stored_partly) == (left_out, partly)
    assert report.rows_read == report.rows_stored + report.rows_duplicate + report.rows_rejected + report.rows_left_out
    assert events_brought_by(store, report.import_id) == sorted(expected)
    assert report.evidence == ["applications", "decisions"]   # snapshots: no messages, no interviews


def test_every_flattening_of_the_greenhouse_jobs_array_gives_the_same_applications(store):
    first = import_fixture(store, "greenhouse_applications_airbyte")
    for name in ("greenhouse_applications_underscored", "greenhouse_applications_dotted"):
        again = import_fixture(store, name)
        assert (again.rows_stored, again.rows_duplicate, again.left_out) == (0, 4, {"prospect": 1})
    assert events_brought_by(store, first.import_id) == sorted(GREENHOUSE_JOBS)
    rows = metrics_by(store, "process").set_index("process_id")
    # job 4001: three applications; rejected (61000001) and hired (61000003) are decided outcomes,
    # a withdrawal (61000002) is not
    assert (rows.loc["4001", "applications"], rows.loc["4001", "outcome_known"]) == (3, 2)
    assert (rows.loc["4002", "applications"], rows.loc["4002", "outcome_known"]) == (1, 0)


def test_lever_archive_reasons_are_resolved_from_their_export_never_guessed(store):
    alone = import_fixture(store, "lever_opportunities_pandas")
    assert alone.stored_partly == {"archive_reason_unknown": 4}
    assert metrics_by(store, "process").set_index("process_id").loc["lever", "outcome_known"] == 0
    reasons = import_fixture(store, "lever_archive_reasons")
    assert (reasons.format, reasons.kind, reasons.rows_stored, reasons.evidence) == ("lever_archive_reasons", "lookups",
                                                                                     4, [])
    assert store.fetchall("SELECT text, category FROM vendor_lookups ORDER BY text") == [
        ("Hired", "hired"), ("Timing", "non-hired"), ("Underqualified", "non-hired"), ("Withdrew", "non-hired")]
    again = import_fixture(store, "lever_opportunities_pandas")
    # opportunities 1-3 gain their outcome; 4's reason is in no export; 5 is open; 6 is a lead
    assert (again.rows_stored, again.rows_duplicate, again.left_out, again.stored_partly) == (
        3, 2, {"lead": 1}, {"archive_reason_unknown": 1})
    assert [row for row in events_brought_by(store, again.import_id) if row[2] != "application_received"] == [
        ("0a1b2c3d-1111-4aaa-8bbb-000000000001", "lever", "hired", "2021-08-09 12:59:02.512+00"),   # 1628513942512.0
        ("0a1b2c3d-1111-4aaa-8bbb-000000000002", "lever", "rejected", "2021-08-02 10:26:40+00"),
        ("0a1b2c3d-1111-4aaa-8bbb-000000000003", "lever", "withdrawn", "2021-08-03 14:13:20+00"),
    ]
    row = metrics_by(store, "process").set_index("process_id").loc["lever"]
    assert (row["applications"], row["outcome_known"]) == (5, 2)   # the hire and the rejection
    undo_import(store, reasons.import_id)
    assert store.scalar("SELECT count(*) FROM vendor_lookups") == 0


def test_presets_declare_what_their_export_records():
    declared = {name: [kind for kind, _ in preset.evidence] for name, preset in PRESETS.items()}
    for snapshot in ("greenhouse_applications", "teamtailor_applications", "lever_opportunities", "workday",
                     "smartrecruiters_applications", "ashby_application_history"):
        assert declared[snapshot] == ["applications", "decisions"], snapshot
    assert declared["easycruit"] == ["applications", "decisions", "interviews"]   # milestone dates of interviews
    assert declared["greenhouse_activity"] == declared["teamtailor_activities"] == ["decisions", "messages"]
    assert PRESETS["teamtailor_nps"].evidence == (("surveys_sent", "own"), ("survey_answers", "own"))
    assert PRESETS["ashby_survey_submissions"].evidence == (("survey_answers", "all"),)
    for preset in PRESETS.values():
        assert {kind for kind, _ in preset.evidence} <= set(EVIDENCE)
        assert {scope for _, scope in preset.evidence} <= set(EVIDENCE_SCOPES)


def test_a_snapshot_import_records_its_evidence_even_when_every_row_was_stored_before(store, tmp_path):
    first = import_fixture(store, "teamtailor_applications")
    # A later export of the same rows (a new file: one more line end) holds nothing new but is its own import.
    later = tmp_path / "teamtailor_later.csv"
    later.write_bytes((FIXTURES / "teamtailor_applications.csv").read_bytes() + b"\n")
    again = import_file(store, later)
    assert (again.rows_stored, again.rows_duplicate, again.repeat_of_earlier) == (0, 3, False)
    assert store.fetchall("SELECT import_id, evidence, scope FROM import_evidence ORDER BY ALL") == [
        (first.import_id, "applications", "own"), (first.import_id, "decisions", "own"),
        (again.import_id, "applications", "own"), (again.import_id, "decisions", "own")]
    assert again.cannot_measure["ack_latency_h_median"][0].startswith("no message times")
    assert "outcome_known" not in again.cannot_measure
    # The very same file again says nothing new: it is not logged, yet reports what its source records.
    repeat = import_fixture(store, "teamtailor_applications")
    assert repeat.repeat_of_earlier and repeat.import_id == first.import_id
    assert repeat.cannot_measure == again.cannot_measure
    assert store.fetchall("SELECT count(*) FROM imports") == [(2,)]


@pytest.mark.parametrize("name", [*REAL_SHAPES, "lever_archive_reasons", "lever_archive_reason_fivetran"])
def test_each_real_shape_is_recognised(name):
    header = set(preview_file(FIXTURES / f"{name}.csv", rows=1).columns)
    expected = REAL_SHAPES[name][1] if name in REAL_SHAPES else "lever_archive_reasons"
    assert detect_preset(header).name == expected
