"""The demo data set keeps its promises: canonical files, realistic flows, and every planted
failure visible in the data while the exemplary processes stay clean.

Per-process facts are computed here with plain DuckDB SQL from the spec's definitions, so these
tests do not depend on the metrics engine they are meant to exercise.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import numpy as np
import pytest

from analytics.ingest.demo import (
    DEMO_PROCESSES,
    EVENT_COLUMNS,
    FAILURE_KINDS,
    SURVEY_COLUMNS,
    DemoFiles,
    _local_iso,
    write_demo,
    write_large_log,
)
from analytics.ingest.demo_comments import COMMENTS

TODAY = date(2026, 11, 20)
VALID_EVENT_TYPES = {
    "application_received", "acknowledgement_sent", "status_update_sent", "interview_scheduled",
    "interview_held", "rejected", "rejection_sent", "feedback_given", "offer_made", "hired",
    "withdrawn", "survey_sent",
}
VALID_CHANNELS = {"email", "sms", "phone", "video", "in_person", "portal", "other"}
CONTACT_TYPES = (
    "'acknowledgement_sent','status_update_sent','interview_scheduled','interview_held',"
    "'rejection_sent','feedback_given','offer_made','hired'"
)
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return write_demo(tmp_path_factory.mktemp("demo"), seed=42, today=TODAY)


@pytest.fixture(scope="module")
def db(demo: DemoFiles) -> duckdb.DuckDBPyConnection:
    """Events, surveys and one row of facts per application (spec section 3, simplified)."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Europe/Stockholm'")
    con.execute(f"""
        CREATE TABLE events AS
        SELECT * REPLACE (occurred_at::TIMESTAMPTZ AS occurred_at)
        FROM read_csv('{demo.events}', header = true, all_varchar = true)""")
    con.execute(f"""
        CREATE TABLE surveys AS
        SELECT * REPLACE (submitted_at::TIMESTAMPTZ AS submitted_at)
        FROM read_csv('{demo.surveys}', header = true, all_varchar = true,
                      types = {{'nps': 'INTEGER', 'rating_communication': 'INTEGER',
                                'rating_respect': 'INTEGER', 'rating_speed': 'INTEGER'}})""")
    con.execute(f"""
        CREATE TABLE applications AS
        WITH as_of AS (SELECT max(occurred_at) AS as_of FROM events),
        base AS (
            SELECT process_id, candidate_id,
                   min(occurred_at) FILTER (event_type = 'application_received') AS applied_at,
                   min(occurred_at) FILTER (event_type = 'rejected') AS decided_at,
                   max(occurred_at) FILTER (event_type = 'interview_held') AS last_interview_at,
                   bool_or(event_type IN ('offer_made', 'hired')) AS offered,
                   bool_or(event_type = 'withdrawn') AS withdrew,
                   bool_or(event_type = 'acknowledgement_sent') AS acknowledged,
                   bool_or(event_type = 'survey_sent') AS surveyed
            FROM events GROUP BY ALL),
        per_application AS (
            SELECT b.process_id, b.candidate_id,
                   min(e.occurred_at) FILTER (e.event_type IN ({CONTACT_TYPES})
                                              AND e.occurred_at >= b.applied_at) AS first_contact_at,
                   max(e.occurred_at) FILTER (e.event_type IN ({CONTACT_TYPES})) AS last_contact_at,
                   min(e.occurred_at) FILTER (e.event_type IN ('rejection_sent', 'feedback_given')
                                              AND e.occurred_at >= b.decided_at) AS told_at,
                   bool_or(e.event_type = 'feedback_given' AND e.channel IN ('phone', 'video', 'in_person')
                           AND e.occurred_at >= b.last_interview_at) AS personal_feedback
            FROM base b JOIN events e USING (process_id, candidate_id) GROUP BY ALL)
        SELECT base.*, per_application.* EXCLUDE (process_id, candidate_id), as_of.as_of,
               epoch(first_contact_at - applied_at) / 3600 AS ack_hours,
               decided_at IS NOT NULL AND NOT offered AND NOT withdrew AS rejected,
               NOT offered AND NOT withdrew AND (
                   (decided_at IS NULL
                    AND as_of - greatest(applied_at, coalesce(last_contact_at, applied_at)) > INTERVAL 14 DAY)
                   OR (decided_at IS NOT NULL AND told_at IS NULL AND as_of - decided_at > INTERVAL 14 DAY)
               ) AS ghosted
        FROM base JOIN per_application USING (process_id, candidate_id) CROSS JOIN as_of""")
    return con


def facts(db: duckdb.DuckDBPyConnection, process_id: str, where: str = "true") -> dict[str, float]:
    row = db.execute(f"""
        SELECT count(*) AS applications,
               avg(acknowledged::INT) AS ack_share,
               avg(CASE WHEN applied_at + INTERVAL 48 HOUR <= as_of THEN (ack_hours <= 48)::INT END)
                   AS ack_within_48h,
               count(*) FILTER (applied_at + INTERVAL 48 HOUR <= as_of AND coalesce(ack_hours > 48, true))
                   AS ack_late_or_missing,
               median(ack_hours) AS ack_hours_median,
               avg(CASE WHEN offered THEN 1 WHEN rejected THEN (told_at IS NOT NULL)::INT END) AS outcome_coverage,
               count(*) FILTER (rejected AND told_at IS NULL AND as_of - decided_at > INTERVAL 14 DAY)
                   AS rejected_never_told,
               count(*) FILTER (rejected AND last_interview_at IS NOT NULL) AS interviewed_rejected,
               avg(CASE WHEN rejected AND last_interview_at IS NOT NULL THEN personal_feedback::INT END)
                   AS personal_feedback_coverage,
               count(*) FILTER (ghosted) AS ghosted,
               count(*) FILTER (NOT offered AND NOT withdrew AND decided_at IS NULL
                                AND as_of - coalesce(last_contact_at, applied_at) > INTERVAL 30 DAY)
                   AS open_silent_30_days
        FROM applications WHERE process_id = ? AND ({where})""", [process_id]).fetchone()
    names = [column[0] for column in db.description]
    return dict(zip(names, row, strict=True))


def survey_facts(db: duckdb.DuckDBPyConnection, process_id: str) -> dict[str, float]:
    answers, cnps, low_scores = db.execute("""
        SELECT count(*), 100 * avg((nps >= 9)::INT) - 100 * avg((nps <= 6)::INT), count(*) FILTER (nps <= 6)
        FROM surveys WHERE process_id = ?""", [process_id]).fetchone()
    return {"answers": answers, "cnps": cnps, "low_scores": low_scores}


def process_with(kind: str) -> str:
    return next(process.process_id for process in DEMO_PROCESSES if kind in process.planted)


def test_same_seed_and_day_give_identical_files(demo: DemoFiles, tmp_path: Path) -> None:
    again = write_demo(tmp_path / "again", seed=42, today=TODAY)
    assert again.events.read_bytes() == demo.events.read_bytes()
    assert again.surveys.read_bytes() == demo.surveys.read_bytes()
    other = write_demo(tmp_path / "other", seed=43, today=TODAY)
    assert other.events.read_bytes() != demo.events.read_bytes()


def test_files_have_the_canonical_columns_and_no_names_or_emails(demo: DemoFiles) -> None:
    assert demo.events.read_text(encoding="utf-8").splitlines()[0] == ",".join(EVENT_COLUMNS)
    assert demo.surveys.read_text(encoding="utf-8").splitlines()[0] == ",".join(SURVEY_COLUMNS)
    assert "@" not in demo.events.read_text(encoding="utf-8")


def test_at_least_fourteen_processes_and_1500_applications_over_the_last_year(db: duckdb.DuckDBPyConnection) -> None:
    processes, applications, first, last = db.execute("""
        SELECT count(DISTINCT process_id), count(*), min(applied_at)::DATE, max(applied_at)::DATE
        FROM applications""").fetchone()
    assert processes >= 14 and len(DEMO_PROCESSES) == processes
    assert applications >= 1500
    assert (TODAY - first).days <= 366 and last < TODAY
    assert db.execute("SELECT count(*) FROM applications WHERE candidate_id NOT SIMILAR TO 'C-[0-9]{6}'").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM applications WHERE applied_at IS NULL").fetchone() == (0,)


def test_event_types_channels_and_stages_are_valid(db: duckdb.DuckDBPyConnection) -> None:
    event_types = {row[0] for row in db.execute("SELECT DISTINCT event_type FROM events").fetchall()}
    channels = {row[0] for row in db.execute("SELECT DISTINCT channel FROM events WHERE channel IS NOT NULL").fetchall()}
    stages = {row[0] for row in db.execute("SELECT DISTINCT stage FROM events WHERE stage IS NOT NULL").fetchall()}
    assert event_types == VALID_EVENT_TYPES
    assert channels <= VALID_CHANNELS
    assert {"Screening", "Intervju 1", "Intervju 2", "Erbjudande", "Interview 1", "Offer"} <= stages
    rejection_channels = db.execute("SELECT DISTINCT channel FROM events WHERE event_type = 'rejection_sent'").fetchall()
    assert rejection_channels == [("email",)]


def test_timestamps_carry_the_stockholm_offset_in_force(demo: DemoFiles) -> None:
    stockholm = ZoneInfo("Europe/Stockholm")
    offsets = set()
    for path, column in ((demo.events, 3), (demo.surveys, 2)):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            text = line.split(",")[column]
            assert ISO_WITH_OFFSET.match(text), text
            moment = datetime.fromisoformat(text)
            assert moment.utcoffset() == moment.replace(tzinfo=stockholm).utcoffset(), text
            offsets.add(text[-6:])
    assert offsets == {"+01:00", "+02:00"}


def test_summer_time_changes_are_written_as_the_importer_reads_them() -> None:
    wall_clock = np.array(["2026-03-29T01:59:00", "2026-03-29T02:30:00", "2026-10-25T02:30:00",
                           "2026-10-25T03:30:00"], dtype="datetime64[s]").astype(np.int64)
    assert list(_local_iso(wall_clock)) == [
        "2026-03-29T01:59:00+01:00",
        "2026-03-29T03:00:00+02:00",  # the missing spring hour moves forward
        "2026-10-25T02:30:00+02:00",  # the repeated autumn hour is read as the first one
        "2026-10-25T03:30:00+01:00",
    ]


def test_people_act_mostly_in_office_hours_with_some_evening_mails(db: duckdb.DuckDBPyConnection) -> None:
    office, evening = db.execute("""
        SELECT avg((hour(occurred_at) BETWEEN 8 AND 16 AND isodow(occurred_at) <= 5)::INT),
               avg((hour(occurred_at) BETWEEN 17 AND 21)::INT)
        FROM events
        WHERE event_type IN ('status_update_sent', 'interview_scheduled', 'rejected', 'rejection_sent',
                             'feedback_given', 'offer_made')""").fetchone()
    assert office > 0.9
    assert 0.005 < evening < 0.1


def test_flows_are_realistic(db: duckdb.DuckDBPyConnection) -> None:
    shares = dict(db.execute("""
        SELECT 'two_interview_rounds', avg((n_held >= 2)::INT) FILTER (n_held >= 1) FROM (
            SELECT count(*) FILTER (event_type = 'interview_held') AS n_held FROM events GROUP BY process_id, candidate_id)
        UNION ALL SELECT 'hired', avg(offered::INT) FROM applications
        UNION ALL SELECT 'withdrawn', avg(withdrew::INT) FROM applications
        UNION ALL SELECT 'open', avg((decided_at IS NULL AND NOT offered AND NOT withdrew)::INT) FROM applications
        UNION ALL SELECT 'surveyed_when_closed', avg(surveyed::INT) FILTER (told_at IS NOT NULL OR offered OR withdrew)
                  FROM applications""").fetchall())
    assert 0.3 < shares["two_interview_rounds"] < 0.7
    assert 0 < shares["hired"] < 0.05
    assert 0.03 < shares["withdrawn"] < 0.12
    assert 0.02 < shares["open"] < 0.2
    assert shares["surveyed_when_closed"] > 0.7
    orders = db.execute("""
        SELECT count(*) FILTER (NOT is_sorted) FROM (
            SELECT bool_and(previous IS NULL OR previous <= occurred_at) AS is_sorted FROM (
                SELECT process_id, candidate_id, occurred_at,
                       lag(occurred_at) OVER (PARTITION BY process_id, candidate_id ORDER BY row) AS previous
                FROM (SELECT *, row_number() OVER () AS row FROM events))
            GROUP BY process_id, candidate_id)""").fetchone()[0]
    assert orders > 50, "some applications' rows should be out of time order, as in real exports"


def test_manifest_covers_every_failure_kind_and_three_exemplary_processes() -> None:
    planted = {kind for process in DEMO_PROCESSES for kind in process.planted}
    assert planted == set(FAILURE_KINDS)
    assert sum(process.exemplary for process in DEMO_PROCESSES) >= 3
    assert all(not (process.exemplary and process.planted) for process in DEMO_PROCESSES)
    assert len({process.process_id for process in DEMO_PROCESSES}) == len(DEMO_PROCESSES)
    assert len({process.opened_month(TODAY) for process in DEMO_PROCESSES}) >= 8


def test_exemplary_processes_are_clean(db: duckdb.DuckDBPyConnection) -> None:
    for process in (process for process in DEMO_PROCESSES if process.exemplary):
        seen = facts(db, process.process_id)
        assert seen["ack_within_48h"] >= 0.97, process.process_id
        assert seen["ack_hours_median"] <= 6, process.process_id
        # A process opened last month may have no decisions yet: nothing to cover then.
        assert (seen["outcome_coverage"] or 1.0) >= 0.97, process.process_id
        assert (seen["personal_feedback_coverage"] or 1.0) >= 0.95, process.process_id
        assert seen["ghosted"] == 0, process.process_id
        assert (survey_facts(db, process.process_id)["cnps"] or 100) >= 40, process.process_id


def test_no_acknowledgement_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    seen = facts(db, process_with("no_acknowledgement"))
    assert seen["ack_share"] < 0.3
    assert seen["ack_late_or_missing"] >= 20


def test_slow_acknowledgement_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    seen = facts(db, process_with("slow_acknowledgement"))
    assert 4 * 24 <= seen["ack_hours_median"] <= 6 * 24
    assert seen["ack_late_or_missing"] >= 20


def test_ghosting_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    seen = facts(db, process_with("ghosting"))
    assert seen["open_silent_30_days"] >= 20
    assert seen["ghosted"] >= 20


def test_outcome_not_told_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    seen = facts(db, process_with("outcome_not_told"))
    assert seen["rejected_never_told"] >= 20
    assert seen["outcome_coverage"] < 0.7


def test_no_personal_feedback_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    seen = facts(db, process_with("no_personal_feedback"))
    assert seen["interviewed_rejected"] >= 20
    assert seen["personal_feedback_coverage"] < 0.2


def test_harsh_comments_are_planted(db: duckdb.DuckDBPyConnection) -> None:
    process_id = process_with("harsh_comments")
    seen = survey_facts(db, process_id)
    assert seen["low_scores"] >= 20 and seen["cnps"] < -30
    disrespect = [*COMMENTS[("sv", "disrespect")], *COMMENTS[("en", "disrespect")]]
    comments = [row[0] for row in db.execute(
        "SELECT comment FROM surveys WHERE process_id = ? AND comment IS NOT NULL", [process_id]).fetchall()]
    assert sum(any(template in comment for template in disrespect) for comment in comments) >= 15


def test_getting_worse_is_planted(db: duckdb.DuckDBPyConnection) -> None:
    """Compares the first and last third of the applications, away from the turn in the middle."""
    process_id = process_with("getting_worse")
    early, late = db.execute("""
        SELECT quantile_disc(applied_at, 1 / 3), quantile_disc(applied_at, 2 / 3)
        FROM applications WHERE process_id = ?""", [process_id]).fetchone()
    first = facts(db, process_id, f"applied_at < '{early.isoformat()}'::TIMESTAMPTZ")
    last = facts(db, process_id, f"applied_at >= '{late.isoformat()}'::TIMESTAMPTZ")
    assert first["ack_within_48h"] >= 0.9 and first["ghosted"] <= 2
    assert last["ack_within_48h"] <= 0.6 and last["ack_late_or_missing"] >= 20
    assert last["ghosted"] >= 15


def test_survey_answers_look_like_real_ones(db: duckdb.DuckDBPyConnection) -> None:
    response_rate = db.execute("""
        SELECT count(DISTINCT (s.process_id, s.candidate_id)) / (SELECT count(*) FROM applications WHERE surveyed)
        FROM surveys s""").fetchone()[0]
    assert 0.35 <= response_rate <= 0.5
    (answers, blank_comments, language_given, swedish, bad_nps, bad_ratings, personal_details,
     contrasts) = db.execute(r"""
        SELECT count(*), avg((comment IS NULL)::INT), avg((language IS NOT NULL)::INT),
               avg((language = 'sv')::INT) FILTER (language IS NOT NULL AND comment IS NOT NULL),
               count(*) FILTER (nps NOT BETWEEN 0 AND 10),
               count(*) FILTER (least(rating_communication, rating_respect, rating_speed) < 1
                                OR greatest(rating_communication, rating_respect, rating_speed) > 5),
               count(*) FILTER (regexp_matches(comment, '@|070|\+46')),
               count(*) FILTER (comment LIKE '% men %' OR comment LIKE '% but %')
        FROM surveys""").fetchone()
    assert answers >= 400
    assert 0.15 < blank_comments < 0.45
    assert 0.4 < language_given < 0.6
    assert 0.5 < swedish < 0.75
    assert bad_nps == 0 and bad_ratings == 0
    assert personal_details >= 3
    assert contrasts >= 10
    assert sum(len(templates) for templates in COMMENTS.values()) >= 60


def test_large_log_streams_about_eight_events_per_application(tmp_path: Path) -> None:
    events, surveys = tmp_path / "large.csv", tmp_path / "large_surveys.csv"
    rows = write_large_log(events, 2_000, seed=7, today=TODAY, surveys_path=surveys, chunk_size=700)
    lines = events.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(EVENT_COLUMNS) and len(lines) == rows + 1
    con = duckdb.connect()
    applications, processes, event_types, bad_times = con.execute(f"""
        SELECT count(DISTINCT (process_id, candidate_id)), count(DISTINCT process_id),
               list(DISTINCT event_type), count(*) FILTER (TRY_CAST(occurred_at AS TIMESTAMPTZ) IS NULL)
        FROM read_csv('{events}', header = true, all_varchar = true)""").fetchone()
    assert applications == 2_000
    assert 7 <= rows / applications <= 9
    assert 150 <= processes <= 200
    assert set(event_types) == VALID_EVENT_TYPES and bad_times == 0
    assert surveys.read_text(encoding="utf-8").splitlines()[0] == ",".join(SURVEY_COLUMNS)
    assert write_large_log(tmp_path / "again.csv", 2_000, seed=7, today=TODAY, chunk_size=700) == rows
    assert (tmp_path / "again.csv").read_bytes() == events.read_bytes()
