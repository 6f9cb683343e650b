"""Saved column mappings: checked, saved, reused on the next export, refused when they no longer fit.

Times in the example files are Stockholm local time (CET = UTC+1 until 2025-03-30 02:00, then
CEST = UTC+2); expected instants are written out in UTC.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from analytics.ingest.importer import import_file
from analytics.ingest.mappings import (
    MASK,
    SKIP,
    ColumnMapping,
    MappingError,
    import_mapping_json,
    is_personal_column,
    list_mappings,
    load_mapping,
    mapping_problems,
    preview_file,
    save_mapping,
    validate,
)
from analytics.ingest.presets import EASYCRUIT_MILESTONES, PRESETS
from analytics.store import Store

STATUS_EXPORT = (
    "Kandidat;Tjänst;Status;Uppdaterad;Inkommen;Intervjudatum;E-post;Förnamn\n"
    "K-1;T-9;Avslag;2025-03-31 10:00;2025-03-28 09:15;2025-03-30 13:00;anna@example.com;Anna\n"
    "K-2;T-9;Sparad;2025-03-29 08:00;2025-03-29 08:00;;bo@example.com;Bo\n"
    "K-3;T-9; ansökt ;2025-04-01 12:00;2025-04-01 12:00;;cia@example.com;Cia\n"
)
NEXT_EXPORT = (
    "Kandidat;Tjänst;Status;Uppdaterad;Inkommen;Intervjudatum;E-post;Förnamn\n"
    "K-4;T-10;AVSLAG;2025-05-02 16:00;2025-04-28 08:00;;dan@example.com;Dan\n"
)


def status_mapping(name: str = "Statusexport") -> ColumnMapping:
    return ColumnMapping(
        name, "events",
        fields={"candidate_id": "Kandidat", "process_id": "Tjänst", "event_type": "Status", "occurred_at": "Uppdaterad"},
        event_values={"Avslag": "rejected", "Ansökt": "application_received", "Sparad": SKIP},
        milestones={"Inkommen": "application_received", "Intervjudatum": "interview_held"},
    )


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stored_events(store) -> list[tuple]:
    return store.fetchall(
        "SELECT candidate_id, process_id, event_type, CAST(occurred_at AS VARCHAR) FROM events ORDER BY ALL")


def test_json_round_trip_keeps_every_part():
    mapping = status_mapping()
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    document = json.loads(mapping.to_json())
    assert (document["format"], document["version"]) == ("candidate-experience-radar/column-mapping", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("{not json", "not valid JSON"),
    ('{"name": "x"}', "is not a column mapping"),
    ('{"format": "candidate-experience-radar/column-mapping", "version": 7, "name": "x", "kind": "events"}',
     "has version 7"),
    ('{"format": "candidate-experience-radar/column-mapping", "version": 1, "name": "x", "kind": "events", '
     '"fields": ["Status"]}', "'fields' is missing or has the wrong shape"),
])
def test_a_broken_mapping_file_is_refused_with_what_is_wrong(store, text, expected):
    with pytest.raises(MappingError) as raised:
        import_mapping_json(store, text)
    assert expected in str(raised.value)
    assert list_mappings(store) == []


def test_a_mapping_is_checked_before_it_is_saved(store):
    broken = ColumnMapping("", "events", fields={"event_type": "Status"}, event_values={"Avslag": "refused"},
                           milestones={"Intervjudatum": "interview"})
    problems = mapping_problems(broken)
    assert problems == [
        "Give the mapping a name.",
        "Choose the column with candidate_id or with candidate_email.",
        "Choose the column for process_id.",
        "Choose the column for occurred_at.",
        "The value 'Avslag' is mapped to 'refused', which is no event type; use one of: "
        "application_received, acknowledgement_sent, status_update_sent, interview_scheduled, interview_held, "
        "rejected, rejection_sent, feedback_given, offer_made, hired, withdrawn, survey_sent, or skip.",
        "The date column 'Intervjudatum' is mapped to 'interview', which is no event type; use one of: "
        "application_received, acknowledgement_sent, status_update_sent, interview_scheduled, interview_held, "
        "rejected, rejection_sent, feedback_given, offer_made, hired, withdrawn, survey_sent.",
    ]
    assert mapping_problems(broken, "sv")[0] == "Ge kopplingen ett namn."
    with pytest.raises(MappingError):
        save_mapping(store, broken)
    assert list_mappings(store) == []


def test_validation_against_a_file_names_missing_columns_unmapped_values_and_personal_data():
    columns = {"kandidat", "tjänst", "status", "uppdaterad", "förnamn"}
    mapping = status_mapping()
    mapping.fields["recruiter"] = "Förnamn"
    assert validate(mapping, columns, values=["Avslag", "Överförd", "rejected"]) == [
        "The file has no column 'Inkommen' (letter case and spaces do not matter); the mapping does not fit this file.",
        "The file has no column 'Intervjudatum' (letter case and spaces do not matter); the mapping does not fit this "
        "file.",
        "The column 'Förnamn' holds personal data and cannot be recruiter: names are never imported, and an e-mail "
        "column can only be candidate_email.",
        "The value 'Överförd' of Status is not mapped to an event type; choose one, or skip.",
    ]


def test_saved_mappings_are_listed_and_read_back_from_their_json(store):
    save_mapping(store, status_mapping("B"))
    save_mapping(store, status_mapping("A"))
    save_mapping(store, status_mapping("A"))        # saving again replaces
    assert [m.name for m in list_mappings(store)] == ["A", "B"]
    assert load_mapping(store, "A") == status_mapping("A")
    text = load_mapping(store, "B").to_json()
    assert import_mapping_json(store, text.replace('"B"', '"C"')) == status_mapping("C")
    assert [m.name for m in list_mappings(store)] == ["A", "B", "C"]
    with pytest.raises(KeyError, match="no saved mapping called 'D'; saved mappings: A, B, C"):
        load_mapping(store, "D")


def test_a_saved_mapping_imports_the_file_and_the_next_export_of_the_same_kind(store, tmp_path):
    save_mapping(store, status_mapping())
    report = import_file(store, write(tmp_path, "statusexport.csv", STATUS_EXPORT), mapping=load_mapping(store, "Statusexport"))
    assert report.ok, report.error_message()
    assert report.format == "mapping:Statusexport"
    assert stored_events(store) == [
        ("K-1", "T-9", "application_received", "2025-03-28 08:15:00+00"),
        ("K-1", "T-9", "interview_held", "2025-03-30 11:00:00+00"),
        ("K-1", "T-9", "rejected", "2025-03-31 08:00:00+00"),
        # "Sparad" is skipped; K-2 still applied (the Inkommen milestone)
        ("K-2", "T-9", "application_received", "2025-03-29 07:00:00+00"),
        # " ansökt " matches "Ansökt"; the same event from the milestone is stored once
        ("K-3", "T-9", "application_received", "2025-04-01 10:00:00+00"),
    ]
    again = import_file(store, write(tmp_path, "next.csv", NEXT_EXPORT), mapping=load_mapping(store, "Statusexport"))
    assert again.ok and (again.rows_read, again.rows_stored) == (1, 1)   # one row, two events
    assert stored_events(store)[-2:] == [
        ("K-4", "T-10", "application_received", "2025-04-28 06:00:00+00"),
        ("K-4", "T-10", "rejected", "2025-05-02 14:00:00+00"),
    ]


def test_a_mapping_that_no_longer_fits_the_file_is_refused(store, tmp_path):
    renamed = STATUS_EXPORT.replace("Intervjudatum", "Datum för intervju")
    report = import_file(store, write(tmp_path, "renamed.csv", renamed), mapping=status_mapping())
    assert report.error_code == "missing_columns"
    assert "intervjudatum" in report.error_message()
    assert store.scalar("SELECT count(*) FROM events") == 0


def test_a_value_the_mapping_does_not_know_is_reported_on_its_row(store, tmp_path):
    report = import_file(store, write(tmp_path, "new_status.csv", STATUS_EXPORT.replace("Sparad", "Överförd")),
                         mapping=status_mapping())
    assert report.error_code == "rows_rejected"
    assert [(p.row, p.value, p.code) for p in report.problems] == [(2, "Överförd", "unknown_event_type")]


def test_a_mapped_e_mail_column_becomes_a_pseudonym(store, tmp_path):
    mapping = status_mapping()
    mapping.fields = {"candidate_email": "E-post", **{k: v for k, v in mapping.fields.items() if k != "candidate_id"}}
    report = import_file(store, write(tmp_path, "by_email.csv", STATUS_EXPORT), mapping=mapping)
    assert report.ok, report.error_message()
    candidates = [row[0] for row in store.fetchall("SELECT DISTINCT candidate_id FROM events ORDER BY 1")]
    assert len(candidates) == 3 and all(c.startswith("anon-") for c in candidates)
    assert not store.fetchall("SELECT * FROM events WHERE candidate_id LIKE '%@%'")


def test_file_values_never_reach_the_sql(tmp_path, store):
    hostile = "x'); DROP TABLE events; --"
    mapping = ColumnMapping("hostile", "events", fields={
        "candidate_id": "Kandidat", "process_id": "Tjänst", "event_type": "Status", "occurred_at": "Uppdaterad"},
        event_values={hostile: "rejected", "Sparad": SKIP, "Avslag": SKIP, "Ansökt": SKIP})
    sql = mapping.to_canonical_sql({"kandidat": "Kandidat", "tjänst": "Tjänst", "status": "Status",
                                    "uppdaterad": "Uppdaterad"})
    assert hostile not in sql and "DROP" not in sql
    export = STATUS_EXPORT.replace("Avslag", f'"{hostile}"')   # quoted: the value holds the separator
    report = import_file(store, write(tmp_path, "hostile.csv", export), mapping=mapping)
    assert report.ok, report.error_message()
    assert stored_events(store) == [("K-1", "T-9", "rejected", "2025-03-31 08:00:00+00")]


def test_a_survey_mapping_gives_answers_and_ratings(store, tmp_path):
    export = write(tmp_path, "enkat.csv", "Kandidat,Tjänst,Besvarad,Rekommendera,Kommentar,Bemötande\n"
                                         "K-1,T-9,2025-04-02 08:15,9,Snabbt besked,4.5\n")
    mapping = ColumnMapping("Enkät", "surveys", fields={
        "candidate_id": "Kandidat", "process_id": "Tjänst", "submitted_at": "Besvarad", "nps": "Rekommendera",
        "comment": "Kommentar", "rating_treatment": "Bemötande"})
    report = import_file(store, export, mapping=mapping)
    assert report.ok, report.error_message()
    assert store.fetchall("SELECT candidate_id, process_id, CAST(submitted_at AS VARCHAR), nps, comment "
                          "FROM survey_responses") == [("K-1", "T-9", "2025-04-02 06:15:00+00", 9, "Snabbt besked")]
    assert store.fetchall("SELECT rating, value FROM survey_ratings") == [("treatment", 4.5)]
    assert {m.key for m in mapping.metric_support() if m.available} == {"applications", "cnps", "sentiment_score"}


def test_a_survey_mapping_masks_the_name_columns_in_the_comment_and_pseudonymises_an_e_mail_id(store, tmp_path):
    """The file's name columns are no canonical field, yet they mask the candidate's name before anything else."""
    export = write(tmp_path, "enkat.csv", "Kandidat,Tjänst,Besvarad,Kommentar,Kandidatnamn,Namn\n"
                                         "zq@example.se,T-9,2025-04-02 08:15,Tack Quimbley! /zorvath,Zorvath Quimbley,\n"
                                         "K-2,T-9,2025-04-02 08:15,Plumwick svarade aldrig,,Xandor Plumwick\n")
    mapping = ColumnMapping("Enkät", "surveys", fields={
        "candidate_id": "Kandidat", "process_id": "Tjänst", "submitted_at": "Besvarad", "comment": "Kommentar"})
    report = import_file(store, export, mapping=mapping)
    assert report.ok, report.error_message()
    rows = store.fetchall("SELECT candidate_id, comment FROM survey_responses ORDER BY candidate_id")
    assert [comment for _, comment in rows] == ["[name] svarade aldrig", "Tack [name]! /[name]"]
    assert rows[0][0] == "K-2" and re.fullmatch(r"anon-[0-9a-f]{20}", rows[1][0])


def test_a_mapping_that_reads_a_name_column_is_refused(store, tmp_path):
    mapping = status_mapping()
    mapping.fields["process_id"] = "Förnamn"
    report = import_file(store, write(tmp_path, "statusexport.csv", STATUS_EXPORT), mapping=mapping)
    assert (report.error_code, report.error_values) == ("personal_column", {"column": "Förnamn"})
    assert report.error_message().startswith("statusexport.csv: the column(s) Förnamn hold names")
    assert store.scalar("SELECT count(*) FROM events") == 0


@pytest.mark.parametrize(("header", "kind"), [
    ("Applicant Name", "name"), ("Candidate", "name"), ("Kandidatnamn", "name"), ("Contact name", "name"),
    ("Namn", "name"), ("Name", "name"), ("candidate_name", "name"), ("Kandidatens namn", "name"), ("Förnamn", "name"),
    ("candidateFirstName", "name"), ("Last_Name", "name"),
    ("Mail", "email"), ("E-mail", "email"), ("candidate_email", "email"), ("E-post", "email"), ("candidateEmail", "email"),
    ("Mailadress", "email"), ("Telefon", "other"), ("Mobiltelefon", "other"), ("candidatePhone", "other"),
    ("Phone number", "other"), ("Personnummer", "other"),
])
def test_personal_headers_and_their_kind(header, kind):
    assert is_personal_column(header)
    assert [k for k in ("name", "email", "other") if is_personal_column(header, k)] == [kind]


@pytest.mark.parametrize("header", ["Applicant Name", "Candidate", "Kandidatnamn", "Contact name", "Mail"])
def test_the_widened_headers_count_as_personal(header):
    """Headers the first pattern missed: names with a prefix of their own, a bare 'Mail'."""
    assert is_personal_column(header)


@pytest.mark.parametrize("header", [
    "candidate_id", "Candidate ID", "Kandidat-ID", "Sökande-ID", "Kandidatens ID", "applicant_id", "Kandidat",
    "process_id", "process_name", "recruiter", "recruiter.name", "user.name", "Avdelningsnamn", "contact",
    "Rekryteringstitel", "comment", "Kommentar", "Status", "Datum för telefonintervju", "Phone interview date",
])
def test_ids_and_names_of_other_things_are_not_personal(header):
    assert not is_personal_column(header)


def test_no_column_a_preset_reads_counts_as_personal():
    """Personal columns never reach `raw`: a preset reading one would lose it."""
    read = set().union(*(preset.signature | preset.also_required for preset in PRESETS.values()))
    read |= {column for column, _, _ in EASYCRUIT_MILESTONES}
    read |= {"recruiter.name", "jobs[0].name", "current_stage.name", "interview_step.name", "interview.name",
             "rejection_reason.type.name", "avdelningsnamn", "rekryteringstitel", "job_posting_title", "jobtitle",
             "supervisory_organization", "recruiter", "feedback", "submittedvalues", "resource", "org:resource"}
    assert sorted(column for column in read if is_personal_column(column)) == []


def test_a_mapping_says_which_metrics_it_can_support():
    support = {m.key: m for m in status_mapping().metric_support()}
    assert support["interviewed_rejected"].available
    assert not support["ack_latency_h_median"].available
    assert support["ack_latency_h_median"].reason_en.startswith("no message times")


def test_the_preview_shows_columns_rows_and_values_with_personal_data_masked(tmp_path):
    preview = preview_file(write(tmp_path, "statusexport.csv", STATUS_EXPORT), rows=2, value_column="Status")
    assert list(preview.columns) == ["kandidat", "tjänst", "status", "uppdaterad", "inkommen", "intervjudatum",
                                     "e_post", "förnamn"]
    assert len(preview.rows) == 2
    assert set(preview.rows["E-post"]) == {MASK} and set(preview.rows["Förnamn"]) == {MASK}
    assert preview.values == ["Avslag", "Sparad", "ansökt"]
    assert preview_file(tmp_path / "statusexport.csv", value_column="Förnamn").values == []


def mapping_step_app(tmp_path, lang: str) -> AppTest:
    upload = write(tmp_path, "statusexport.csv", STATUS_EXPORT)
    script = f"""
from pathlib import Path
from analytics.access import LOCAL_ADMINISTRATOR
from analytics.store import Store
from ui.mapping_step import render_mapping_step
store = Store({str(tmp_path / "app.duckdb")!r})
try:
    render_mapping_step(store, LOCAL_ADMINISTRATOR, "statusexport.csv", Path({str(upload)!r}).read_bytes(), {lang!r})
finally:
    store.close()
"""
    return AppTest.from_string(script, default_timeout=60)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_mapping_step_shows_the_file_and_what_is_missing(tmp_path, lang):
    at = mapping_step_app(tmp_path, lang).run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value.shape == (3, 8)
    warning = at.warning[0].value.replace("\\", "")   # markdown escapes off: what the user reads
    assert "process_id" in warning


def test_the_mapping_step_starts_from_a_saved_mapping_and_imports(tmp_path):
    seeded = Store(tmp_path / "app.duckdb")
    save_mapping(seeded, status_mapping())
    seeded.close()
    at = mapping_step_app(tmp_path, "en").run()
    at.selectbox[0].set_value("Statusexport").run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["The mapping fits this file."]
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("3 rows read, 3 stored, 0 already stored, 0 rejected, 0 left out" in s.value for s in at.success)
    reopened = Store(tmp_path / "app.duckdb")
    assert reopened.scalar("SELECT count(*) FROM events") == 5
    reopened.close()


def test_a_mapping_records_messages_only_when_the_user_says_so(store, tmp_path):
    assert ColumnMapping.from_json(status_mapping().to_json()).records == []
    report = import_file(store, write(tmp_path, "statusexport.csv", STATUS_EXPORT), mapping=status_mapping())
    assert report.evidence == ["applications", "decisions", "interviews"]   # what its rows show, no messages
    assert not {m.key: m for m in status_mapping().metric_support()}["longest_silence_d_median"].available
    confirmed = status_mapping("Confirmed")
    confirmed.records = ["messages"]
    assert ColumnMapping.from_json(confirmed.to_json()).records == ["messages"]
    again = import_file(store, write(tmp_path, "statusexport.csv", STATUS_EXPORT), mapping=confirmed)
    assert again.evidence == ["applications", "decisions", "interviews", "messages"]
    assert (again.rows_stored, again.rows_duplicate) == (0, 3)
    with pytest.raises(MappingError):
        ColumnMapping.from_json(confirmed.to_json().replace('"messages"', '"everything"'))


def test_rows_whose_status_a_mapping_skips_are_counted_as_left_out(store, tmp_path):
    mapping = status_mapping()
    mapping.milestones = {}   # K-2's "Sparad" then gives nothing at all
    report = import_file(store, write(tmp_path, "statusexport.csv", STATUS_EXPORT), mapping=mapping)
    assert (report.rows_read, report.rows_stored, report.left_out) == (3, 2, {"skipped_value": 1})
