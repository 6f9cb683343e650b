"""The example files in data/ import cleanly and tell the story data/README.md tells.

Eight applications in two processes; every number below is counted by hand from the two files.
"""

import subprocess
from datetime import UTC, datetime

import pytest

from analytics.ingest.importer import import_file
from analytics.measure.metrics import metrics_by
from tests.conftest import ROOT

EVENTS = ROOT / "data" / "example-events.csv"
SURVEY = ROOT / "data" / "example-survey-sv.csv"


@pytest.fixture
def imported(store):
    reports = [import_file(store, EVENTS), import_file(store, SURVEY)]
    assert [report.error_message() for report in reports] == ["", ""]
    return store, reports


def test_both_examples_import_every_row(imported):
    _store, (events, survey) = imported
    assert (events.kind, events.encoding, events.delimiter) == ("events", "utf-8", "comma")
    assert (events.rows_read, events.rows_stored, events.rows_duplicate, events.rows_rejected) == (37, 37, 0, 0)
    assert (survey.kind, survey.encoding, survey.delimiter) == ("surveys", "cp1252", "semicolon")
    assert (survey.rows_read, survey.rows_stored, survey.rows_duplicate, survey.rows_rejected) == (3, 3, 0, 0)


def test_the_swedish_survey_keeps_its_decimal_commas_local_times_and_text(imported):
    store, _reports = imported
    ratings = store.query("SELECT rating, value FROM survey_ratings ORDER BY value, rating")
    assert list(ratings.itertuples(index=False, name=None)) == [
        ("kommunikation", 1.5), ("kommunikation", 2.0), ("respekt", 2.0), ("respekt", 3.0),
        ("kommunikation", 4.5), ("respekt", 5.0)]
    answers = store.query("SELECT candidate_id, submitted_at, nps, comment FROM survey_responses ORDER BY candidate_id")
    assert answers["candidate_id"].tolist() == ["C-101", "C-103", "C-105"]
    assert answers["nps"].tolist() == [9, 4, 2]
    assert [moment.astimezone(UTC) for moment in answers["submitted_at"]] == [
        datetime(2026, 3, 14, 17, 22, tzinfo=UTC),   # 18:22 winter time
        datetime(2026, 3, 11, 6, 48, tzinfo=UTC),
        datetime(2026, 4, 4, 19, 15, tzinfo=UTC),    # 21:15 summer time
    ]
    assert answers["comment"].iloc[2].startswith("Det tog tre dagar innan jag fick en bekräftelse – och")


def test_the_examples_show_an_acknowledgement_miss_phone_feedback_and_a_ghosted_application(imported):
    store, _reports = imported
    by_process = metrics_by(store, "process").set_index("process_id")
    counted = by_process[["applications", "ack_within_sla", "outcome_known", "outcome_informed", "personal_feedback",
                          "ghosted", "survey_sent"]]
    assert counted.loc["P-201"].tolist() == [4, 3, 3, 3, 1, 1, 3]   # C-104 never heard back
    assert counted.loc["P-202"].tolist() == [4, 3, 2, 2, 0, 0, 1]   # C-105 acknowledged after 3 days
    assert by_process.at["P-201", "survey_response_rate"] == pytest.approx(2 / 3)


def test_git_keeps_the_examples_and_ignores_the_store():
    stores = ["data/radar.duckdb", "data/radar.duckdb.wal", "data/radar.duckdb.key", "data/radar.demo.duckdb",
              "data/radar.demo.duckdb.key"]
    kept = ["data/example-events.csv", "data/example-survey-sv.csv", "data/README.md"]
    checked = subprocess.run(["git", "check-ignore", "--no-index", *stores, *kept], cwd=ROOT, capture_output=True,
                             text=True)
    assert checked.stdout.split() == stores
