"""The importer's contract, rule by rule and bad input by bad input.

Every expected value is written out by hand (UTC instants worked out from the Stockholm offsets:
CET = UTC+1 until 2026-03-29 02:00, CEST = UTC+2 until 2026-10-25 03:00). Stores live under
pytest's tmp_path; a test that compares store contents opens its own. The survey tests need
`analytics.sentiment`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import hmac
import io
import itertools
import os
import random
import re
import shutil
import tempfile
import zipfile
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest.importer import ImportReport, import_bytes, import_file, undo_import
from analytics.ingest.problems import RowProblem
from analytics.ingest.textfiles import prepare_table
from analytics.store import Store

EVENT_HEADER = ["candidate_id", "process_id", "event_type", "occurred_at"]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def csv_text(rows: list[list[str]], header: list[str] = EVENT_HEADER, delimiter: str = ",",
             newline: str = "\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], header: list[str] = EVENT_HEADER) -> bytes:
    return csv_text(rows, header).encode("utf-8")


def open_store(folder: Path, name: str = "radar.duckdb") -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    return Store(folder / name)


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / "db")
    yield store
    store.close()


def event_rows(store: Store) -> list[tuple]:
    """The events table without its key, in a stable order."""
    return store.fetchall(
        "SELECT candidate_id, process_id, event_type, occurred_at, process_name, department, recruiter, "
        "stage, channel FROM events ORDER BY ALL"
    )


def occurred(store: Store) -> dict[str, datetime]:
    """candidate_id -> occurred_at, for files with one event per candidate."""
    return dict(store.fetchall("SELECT candidate_id, occurred_at FROM events"))


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every table of the store, in full."""
    tables = [row[0] for row in store.fetchall(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "ORDER BY 1")]
    assert {"imports", "events", "event_sources", "survey_responses", "survey_ratings", "survey_sources"} <= set(tables)
    return {table: store.fetchall(f'SELECT * FROM "{table}" ORDER BY ALL') for table in tables}


# -- the same events in every shape an HR lead exports -------------------------------------------

FULL_HEADER = EVENT_HEADER + ["process_name", "department", "recruiter", "stage", "channel"]
NURSE, NURSE_DEPT = "Sjuksköterska Örebro", "Vård & omsorg"
TEACHER, TEACHER_DEPT = 'Lärare "Förskola", Täby', "Utbildning; Barn & unga"
SAME_EVENTS = [
    ["c-101", "P-1", "application_received", "2026-01-15 10:00", NURSE, NURSE_DEPT, "Åsa Öberg", "Ansökan", "portal"],
    ["c-101", "P-1", "acknowledgement_sent", "2026-01-15T11:30:00+01:00", NURSE, NURSE_DEPT, "Åsa Öberg", "Ansökan", "email"],
    ["c-102", "P-1", "interview_held", "2026-02-03T08:00:00Z", NURSE, NURSE_DEPT, "Åsa Öberg", "Intervju", "video"],
    ["c-103", "P-2", "rejection_sent", "2026-07-15 10:00", TEACHER, TEACHER_DEPT, "Jörgen Ärlig", "Avslag", "email"],
    ["c-104", "P-2", "hired", "2026-03-02", TEACHER, TEACHER_DEPT, "Jörgen Ärlig", "Anställd", "phone"],
]
SAME_EVENTS_STORED = sorted([
    ("c-101", "P-1", "acknowledgement_sent", utc(2026, 1, 15, 10, 30), NURSE, NURSE_DEPT, "Åsa Öberg", "Ansökan", "email"),
    ("c-101", "P-1", "application_received", utc(2026, 1, 15, 9, 0), NURSE, NURSE_DEPT, "Åsa Öberg", "Ansökan", "portal"),
    ("c-102", "P-1", "interview_held", utc(2026, 2, 3, 8, 0), NURSE, NURSE_DEPT, "Åsa Öberg", "Intervju", "video"),
    ("c-103", "P-2", "rejection_sent", utc(2026, 7, 15, 8, 0), TEACHER, TEACHER_DEPT, "Jörgen Ärlig", "Avslag", "email"),
    ("c-104", "P-2", "hired", utc(2026, 3, 1, 23, 0), TEACHER, TEACHER_DEPT, "Jörgen Ärlig", "Anställd", "phone"),
])


def _workbook(rows: list[list[str]], header: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


EXPORTS = {
    # name: (file name, bytes, expected encoding, expected delimiter)
    "utf8-comma": ("events.csv", csv_text(SAME_EVENTS, FULL_HEADER).encode("utf-8"), "utf-8", "comma"),
    "cp1252-semicolon": ("events.csv", csv_text(SAME_EVENTS, FULL_HEADER, ";", "\r\n").encode("cp1252"),
                         "cp1252", "semicolon"),
    "utf8-bom": ("events.csv", codecs.BOM_UTF8 + csv_text(SAME_EVENTS, FULL_HEADER).encode("utf-8"),
                 "utf-8-sig", "comma"),
    "utf8-crlf": ("events.csv", csv_text(SAME_EVENTS, FULL_HEADER, newline="\r\n").encode("utf-8"), "utf-8", "comma"),
    "tab": ("events.tsv", csv_text(SAME_EVENTS, FULL_HEADER, "\t").encode("utf-8"), "utf-8", "tab"),
    "utf16-unicode-text": ("events.txt", codecs.BOM_UTF16_LE
                           + csv_text(SAME_EVENTS, FULL_HEADER, "\t", "\r\n").encode("utf-16-le"), "utf-16", "tab"),
    "xlsx": ("events.xlsx", _workbook(SAME_EVENTS, FULL_HEADER), "xlsx", "comma"),
    "xlsx-named-csv": ("events.csv", _workbook(SAME_EVENTS, FULL_HEADER), "xlsx", "comma"),
}


def test_reference_export_stores_the_hand_written_rows(db):
    name, data, _, _ = EXPORTS["utf8-comma"]
    report = import_bytes(db, data, name)
    assert report.ok, report.error_message()
    assert (report.kind, report.rows_read, report.rows_stored, report.problem_count) == ("events", 5, 5, 0)
    assert event_rows(db) == SAME_EVENTS_STORED


@pytest.fixture(scope="module")
def reference_events(tmp_path_factory):
    """The full events table (keys included) of the plain UTF-8 comma export."""
    store = open_store(tmp_path_factory.mktemp("reference"))
    assert import_bytes(store, EXPORTS["utf8-comma"][1], "events.csv").ok
    rows = store.fetchall("SELECT * FROM events ORDER BY ALL")
    store.close()
    return rows


@pytest.mark.parametrize("export", [name for name in EXPORTS if name != "utf8-comma"])
def test_every_export_shape_gives_identical_events(tmp_path, reference_events, export):
    store = open_store(tmp_path / "other")
    file_name, data, encoding, delimiter = EXPORTS[export]
    path = tmp_path / file_name
    path.write_bytes(data)
    report = import_file(store, path)
    assert report.ok, report.error_message()
    assert (report.encoding, report.delimiter) == (encoding, delimiter)
    assert (report.rows_read, report.rows_stored, report.problem_count) == (5, 5, 0)
    assert event_rows(store) == SAME_EVENTS_STORED
    assert store.fetchall("SELECT * FROM events ORDER BY ALL") == reference_events
    store.close()


def test_workbook_with_real_date_and_number_cells(db):
    """Excel keeps dates and numbers as typed cells, not text; they read as a CSV export would."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(EVENT_HEADER)
    sheet.append([1234, "P-1", "application_received", datetime(2026, 1, 15, 10, 0)])
    sheet.append(["c-2", "P-1", "hired", 1767225600000])
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_bytes(db, buffer.getvalue(), "export.xlsx")
    assert report.ok, report.error_message()
    assert occurred(db) == {"1234": utc(2026, 1, 15, 9, 0), "c-2": utc(2026, 1, 1, 0, 0)}


def test_cp1252_letters_after_the_first_mebibyte(db, tmp_path):
    """The encoding is sniffed from the first 1 MiB; an å further down must still be read as cp1252."""
    filler = "".join(f"c{i};P-1;application_received;2026-01-15 10:00;Vard\r\n" for i in range(1, 30001))
    text = "candidate_id;process_id;event_type;occurred_at;department\r\n" + filler
    text += "c-last;P-1;hired;2026-01-16 10:00;Vård & omsorg\r\n"
    data = text.encode("cp1252")
    assert len(data) > (1 << 20) and data.index(b"\xe5") > (1 << 20)
    path = tmp_path / "big-cp1252.csv"
    path.write_bytes(data)
    report = import_file(db, path)
    assert report.ok, (report.error_message(), report.problem_lines())
    assert (report.encoding, report.rows_read, report.rows_stored, report.problem_count) == ("cp1252", 30001, 30001, 0)
    assert db.fetchall("SELECT department FROM events WHERE candidate_id = 'c-last'") == [("Vård & omsorg",)]


# -- headers ---------------------------------------------------------------------------------------

def test_headers_match_whatever_the_case_and_spaces(db):
    header = [" Candidate ID ", "PROCESS_ID", "EVENT TYPE", "Occurred At", "Department ", "Notes"]
    data = csv_bytes([["c1", "P-1", " Hired ", "2026-01-15 10:00", "HR", "anything"]], header)
    report = import_bytes(db, data, "odd-headers.csv")
    assert report.ok, report.error_message()
    assert report.ignored_columns == ["Notes"]
    assert event_rows(db) == [("c1", "P-1", "hired", utc(2026, 1, 15, 9, 0), None, "HR", None, None, None)]


def test_a_problem_names_the_column_as_the_file_spells_it(db):
    header = [" Candidate ID ", "PROCESS_ID", "EVENT TYPE", "Occurred At"]
    report = import_bytes(db, csv_bytes([["c1", "P-1", "hird", "2026-01-15 10:00"]], header), "f.csv")
    assert report.error_code == "rows_rejected"
    [problem] = report.problems
    assert (problem.row, problem.line, problem.column, problem.value, problem.code) == (
        1, 2, "EVENT TYPE", "hird", "unknown_event_type")


def test_spaces_of_any_kind_around_a_type_time_or_channel(db):
    """Cells are read as written first and trimmed only when that fails: ASCII, no-break (U+00A0),
    thin (U+2009) and ideographic (U+3000) spaces around a value are never part of it."""
    header = ["candidate_id", "process_id", "event_type", "occurred_at", "channel"]
    rows = [
        ["c1", "P-1", "\u00a0interview_held", "\u00a02026-01-15T10:00:00Z", "\u3000Phone "],
        ["c2", "P-1", " Hired\u2009", " 2026-01-15 11:00 ", "e-mail\u00a0"],
        ["c3", "P-1", "hired", "\u00a0\u00a0", "sms"],
        ["c4", "P-1", "\u00a0hird\u00a0", "2026-01-15 12:00", ""],
    ]
    report = import_bytes(db, csv_bytes(rows, header), "spaces.csv", mode="lenient")
    assert report.rows_stored == 2
    assert db.fetchall("SELECT candidate_id, event_type, occurred_at, channel FROM events ORDER BY ALL") == [
        ("c1", "interview_held", utc(2026, 1, 15, 10, 0), "phone"),
        ("c2", "hired", utc(2026, 1, 15, 10, 0), "email"),   # 11:00 in Stockholm, winter time
    ]
    assert [(p.row, p.column, p.value, p.code) for p in report.problems] == [
        (3, "occurred_at", None, "missing_value"),
        (4, "event_type", "hird", "unknown_event_type"),
    ]


@pytest.mark.parametrize("elsewhere", ["", "\u00a0"], ids=["only ASCII spaces", "a no-break space too"])
def test_ids_and_descriptive_values_are_trimmed_whatever_spaces_the_file_holds(db, tmp_path, elsewhere):
    """A file without Unicode spaces is trimmed by a cheaper rule (import_macros.sql, trimmed_ascii_cell),
    one with them by the general one: the values are the same. A tab is no space DuckDB's trim takes."""
    header = EVENT_HEADER + ["process_name", "department", "recruiter", "stage"]
    rows = [
        [" c1", "P-1 ", "hired", "2026-01-15T10:00:00Z", " Lön Malmö ", "  ", "", f"Screening{elsewhere}"],
        ["c2 ", " P-1", "rejected", "2026-01-15T11:00:00Z", "a  b", "\tHR", "Anna Berg ", " x"],
        ["  ", "P-1", "rejected", "2026-01-15T12:00:00Z", "", "", "", ""],
    ]
    path = tmp_path / "spaces.csv"
    path.write_bytes(csv_bytes(rows, header))
    assert prepare_table(path).unicode_spaces == bool(elsewhere)
    report = import_file(db, path, mode="lenient")
    assert report.rows_stored == 2
    assert event_rows(db) == [
        ("c1", "P-1", "hired", utc(2026, 1, 15, 10, 0), "Lön Malmö", None, None, "Screening", None),
        ("c2", "P-1", "rejected", utc(2026, 1, 15, 11, 0), "a  b", "\tHR", "Anna Berg", "x", None),
    ]
    assert [(p.row, p.column, p.code) for p in report.problems] == [(3, "candidate_id", "missing_candidate")]


def test_the_ascii_trim_agrees_with_the_general_one_on_every_short_cell_without_unicode_spaces():
    """Every cell of up to four characters from an alphabet of edge cases (ASCII space, tab, line breaks,
    the printable range's ends, DEL, a letter beyond ASCII, Unicode's line separator and zero-width
    space, which are no Zs), and NULL: 22,622 cells, the same trimmed value by both macros."""
    import duckdb

    from analytics.store import read_sql

    alphabet = [" ", "\t", "\n", "\r", "!", "~", "a", "ö", "\x7f", "\u2028", "\u200b", ","]
    cells = ["".join(chars) for size in range(5) for chars in itertools.product(alphabet, repeat=size)]
    con = duckdb.connect()
    con.execute(read_sql("ingest/sql/import_macros.sql"))
    differing = con.execute(
        "SELECT count(*), list(cell)[1:5] FROM (SELECT unnest(?) AS cell UNION ALL SELECT NULL) "
        "WHERE trimmed_ascii_cell(cell) IS DISTINCT FROM trimmed_cell(cell)", [cells]).fetchone()
    assert differing == (0, None)


def test_two_headers_that_mean_the_same_column(db):
    header = ["candidate_id", "Candidate ID", "process_id", "event_type", "occurred_at"]
    report = import_bytes(db, csv_bytes([["c1", "c1", "P-1", "hired", "2026-01-15"]], header), "twice.csv")
    assert not report.ok
    assert report.error_code == "duplicate_columns"
    assert "candidate_id" in report.error_message()


# -- timestamps ------------------------------------------------------------------------------------

TIMESTAMP_CASES = [
    # (written in the file, the instant it means, worked out by hand)
    ("2026-03-02T09:15:00+01:00", utc(2026, 3, 2, 8, 15)),
    ("2026-03-02T09:15:00-05:00", utc(2026, 3, 2, 14, 15)),
    ("2026-03-02 09:15 +01:00", utc(2026, 3, 2, 8, 15)),
    ("2026-03-02T09:15:00.250Z", utc(2026, 3, 2, 9, 15, 0, 250000)),
    ("2026-03-02T09:15:00Z", utc(2026, 3, 2, 9, 15)),
    ("2026-01-15 10:00", utc(2026, 1, 15, 9, 0)),            # CET, UTC+1
    ("2026-07-15 10:00", utc(2026, 7, 15, 8, 0)),            # CEST, UTC+2
    ("2026-01-15T10:00:00", utc(2026, 1, 15, 9, 0)),
    ("2026-01-15", utc(2026, 1, 14, 23, 0)),                 # local midnight
    ("2026-07-15", utc(2026, 7, 14, 22, 0)),
    ("1767225600000", utc(2026, 1, 1, 0, 0)),                # epoch ms: 20454 days * 86400 s
    ("1767171600000", utc(2025, 12, 31, 9, 0)),              # 15 h earlier
    ("2026-10-25 01:30", utc(2026, 10, 24, 23, 30)),         # still CEST
    ("2026-10-25 02:30", utc(2026, 10, 25, 0, 30)),          # repeated hour: the first (CEST) one
    ("2026-10-25 03:30", utc(2026, 10, 25, 2, 30)),          # CET again
    ("2026-03-29 01:59", utc(2026, 3, 29, 0, 59)),           # still CET
    ("2026-03-29 02:30", utc(2026, 3, 29, 1, 30)),           # missing hour moves forward (= 03:30 CEST)
    ("2026-03-29 03:30", utc(2026, 3, 29, 1, 30)),           # CEST
]


def test_timestamp_forms_and_summer_time_edges(db):
    rows = [[f"t{i}", "P-1", "hired", text] for i, (text, _) in enumerate(TIMESTAMP_CASES)]
    report = import_bytes(db, csv_bytes(rows), "times.csv")
    assert report.ok, report.problem_lines()
    assert occurred(db) == {f"t{i}": instant for i, (_, instant) in enumerate(TIMESTAMP_CASES)}


def test_naive_times_follow_the_zone_rules_all_year(db):
    """Every half hour of 2026, compared with Python's zoneinfo (fold=0: the first of a repeated
    hour; a time in the spring gap keeps the winter offset, i.e. moves forward)."""
    zone = ZoneInfo("Europe/Stockholm")
    start = datetime(2026, 1, 1)
    local = [start + timedelta(minutes=30 * i) for i in range(365 * 48)]
    rows = [[f"h{i}", "P-1", "hired", moment.strftime("%Y-%m-%d %H:%M")] for i, moment in enumerate(local)]
    report = import_bytes(db, csv_bytes(rows), "year.csv")
    assert report.ok, report.problem_lines()
    expected = {f"h{i}": moment.replace(tzinfo=zone, fold=0).astimezone(UTC) for i, moment in enumerate(local)}
    assert occurred(db) == expected


def test_store_in_utc_reads_naive_times_as_utc(db):
    db.save_settings(timezone="UTC")
    rows = [["a", "P-1", "hired", "2026-01-15 10:00"], ["b", "P-1", "hired", "2026-07-15 10:00"],
            ["c", "P-1", "hired", "2026-10-25 02:30"], ["d", "P-1", "hired", "2026-07-15"],
            ["e", "P-1", "hired", "2026-07-15T10:00:00+02:00"]]
    assert import_bytes(db, csv_bytes(rows), "utc.csv").ok
    assert occurred(db) == {
        "a": utc(2026, 1, 15, 10, 0), "b": utc(2026, 7, 15, 10, 0), "c": utc(2026, 10, 25, 2, 30),
        "d": utc(2026, 7, 15, 0, 0), "e": utc(2026, 7, 15, 8, 0),
    }


def test_store_in_another_zone(db):
    db.save_settings(timezone="America/New_York")
    assert import_bytes(db, csv_bytes([["a", "P-1", "hired", "2026-01-15 10:00"]]), "ny.csv").ok
    assert occurred(db) == {"a": utc(2026, 1, 15, 15, 0)}   # EST, UTC-5


def test_unreadable_timestamps_are_row_problems(db):
    unreadable = ["yesterday", "2026-02-30 10:00", "2026-13-01", "15/01/2026 10:00", "1767225600",
                  "2026-01-15 25:00", "2026-01-15T10:00:00+1", "17672256000000"]
    rows = [["ok", "P-1", "hired", "2026-01-15 10:00"]] + [[f"b{i}", "P-1", "hired", text] for i, text in enumerate(unreadable)]
    report = import_bytes(db, csv_bytes(rows), "times.csv")
    assert report.error_code == "rows_rejected"
    assert [(p.row, p.line, p.column, p.value, p.code) for p in report.problems] == [
        (2, 3, "occurred_at", "yesterday", "bad_timestamp"),
        (3, 4, "occurred_at", "2026-02-30 10:00", "bad_timestamp"),
        (4, 5, "occurred_at", "2026-13-01", "bad_timestamp"),
        (5, 6, "occurred_at", "15/01/2026 10:00", "bad_timestamp"),
        (6, 7, "occurred_at", "1767225600", "bad_timestamp"),
        (7, 8, "occurred_at", "2026-01-15 25:00", "bad_timestamp"),
        (8, 9, "occurred_at", "2026-01-15T10:00:00+1", "bad_timestamp"),
        (9, 10, "occurred_at", "17672256000000", "bad_timestamp"),
    ]


# -- row problems ----------------------------------------------------------------------------------

def test_row_problems_name_the_data_row_line_column_and_value(db):
    rows = [
        ["c1", "P-1", "application_received", "2026-01-15 10:00"],
        ["c2", "P-1", "applicaton_received", "2026-01-15 10:00"],
        ["c3", "P-1", "hired", "2026-01-15 10:00"],
        ["c4", "P-1", "hired", "next tuesday"],
        ["c5", "", "hired", "2026-01-15 10:00"],
        ["", "P-1", "hired", "2026-01-15 10:00"],
        ["c7", "P-1", "", "2026-01-15 10:00"],
    ]
    report = import_bytes(db, csv_bytes(rows), "bad.csv")
    assert not report.ok and report.error_code == "rows_rejected"
    assert (report.problem_count, report.rows_rejected) == (5, 5)
    assert [(p.row, p.line, p.column, p.value, p.code) for p in report.problems] == [
        (2, 3, "event_type", "applicaton_received", "unknown_event_type"),
        (4, 5, "occurred_at", "next tuesday", "bad_timestamp"),
        (5, 6, "process_id", None, "missing_value"),
        (6, 7, "candidate_id", None, "missing_candidate"),
        (7, 8, "event_type", None, "missing_value"),
    ]
    lines = report.problem_lines()
    assert lines[0].startswith("bad.csv, row 2 (line 3), column event_type: unknown event type 'applicaton_received'")
    assert lines[1].startswith("bad.csv, row 4 (line 5), column occurred_at: cannot read 'next tuesday'")
    assert report.problem_lines("sv")[0].startswith("bad.csv, rad 2 (filrad 3), kolumn event_type: okänd händelsetyp")
    assert "5" in report.error_message() and "bad.csv" in report.error_message()


def test_one_row_with_two_problems(db):
    report = import_bytes(db, csv_bytes([["c1", "P-1", "hird", "soon"]]), "two.csv", mode="lenient")
    assert (report.problem_count, report.rows_rejected, report.rows_stored) == (2, 1, 0)
    assert [(p.row, p.column, p.code) for p in report.problems] == [
        (1, "event_type", "unknown_event_type"), (1, "occurred_at", "bad_timestamp")]


def test_more_than_twenty_bad_rows(db):
    rows = [[f"c{i}", "P-1", "hired" if i % 2 else "bogus", "2026-01-15 10:00"] for i in range(1, 61)]
    report = import_bytes(db, csv_bytes(rows), "many.csv")
    assert report.error_code == "rows_rejected"
    assert report.problem_count == 30
    assert len(report.problems) == 30
    lines = report.problem_lines()
    assert len(lines) == 20
    assert lines[0].startswith("many.csv, row 2 (line 3), column event_type")
    assert lines[19].startswith("many.csv, row 40 (line 41), column event_type")
    assert "30" in report.error_message()


def test_problem_count_is_the_total_beyond_the_kept_list(db):
    rows = [[f"c{i}", "P-1", "bogus", "2026-01-15 10:00"] for i in range(1, 10_006)]
    report = import_bytes(db, csv_bytes(rows), "flood.csv")
    assert (report.problem_count, report.rows_rejected) == (10_005, 10_005)
    assert len(report.problems) == 10_000 and report.problems[-1].row == 10_000
    assert len(report.problem_lines()) == 20
    assert "10,005 row problems" in report.error_message()   # the language's separators


def test_row_numbers_stay_right_in_a_large_file(db, tmp_path):
    bad = {7, 150_001, 199_999}
    lines = [",".join(EVENT_HEADER)] + [
        f"c{i},P-{i % 40},{'bogus' if i in bad else 'hired'},2026-01-15 10:00" for i in range(1, 200_001)]
    path = tmp_path / "large.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_file(db, path)
    assert [(p.row, p.line, p.value) for p in report.problems] == [
        (7, 8, "bogus"), (150_001, 150_002, "bogus"), (199_999, 200_000, "bogus")]


def test_a_row_with_too_many_fields_is_a_structure_problem(db):
    data = (b"candidate_id,process_id,event_type,occurred_at\n"
            b"c1,P-1,hired,2026-01-15 10:00\n"
            b"c2,P-1,hired,2026-01-15 10:00,surplus\n")
    report = import_bytes(db, data, "wide.csv")
    assert report.error_code == "rows_rejected"
    [problem] = report.problems
    assert (problem.row, problem.line, problem.code) == (2, 3, "bad_structure")
    assert (problem.value, problem.detail) == (None, "expected 4 fields, found 5")
    assert report.problem_lines()[0].startswith("wide.csv, row 2 (line 3)")
    assert db.fetchall("SELECT count(*) FROM events") == [(0,)]


def test_a_row_with_too_few_fields_is_a_structure_problem(db):
    data = b"candidate_id,process_id,event_type,occurred_at\nc1,P-1,hired\n"
    report = import_bytes(db, data, "narrow.csv")
    assert report.error_code == "rows_rejected"
    assert [(p.row, p.code) for p in report.problems] == [(1, "bad_structure")]


def test_rows_after_a_malformed_row_keep_their_numbers(db):
    """A row DuckDB cannot split must not shift the numbers of the rows after it."""
    data = (b"candidate_id,process_id,event_type,occurred_at\n"
            b"c1,P-1,hired,2026-01-15 10:00,surplus\n"
            b"c2,P-1,hired,2026-01-15 10:00\n"
            b"c3,P-1,bogus,2026-01-15 10:00\n")
    report = import_bytes(db, data, "shift.csv")
    assert [(p.row, p.line, p.code) for p in report.problems] == [
        (1, 2, "bad_structure"), (3, 4, "unknown_event_type")]


def test_rows_after_a_blank_line_keep_their_file_line(db):
    data = (b"candidate_id,process_id,event_type,occurred_at\n"
            b"c1,P-1,hired,2026-01-15 10:00\n"
            b"\n"
            b"c3,P-1,bogus,2026-01-15 10:00\n")
    report = import_bytes(db, data, "blank.csv")
    [problem] = report.problems
    assert (problem.line, problem.value) == (4, "bogus")


def test_lenient_report_counts_add_up_with_a_malformed_row(db):
    data = (b"candidate_id,process_id,event_type,occurred_at\n"
            b"c1,P-1,hired,2026-01-15 10:00,surplus\n"
            b"c2,P-1,hired,2026-01-15 10:00\n"
            b"c3,P-1,bogus,2026-01-15 10:00\n")
    report = import_bytes(db, data, "counts.csv", mode="lenient")
    assert report.ok
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.rows_rejected) == (3, 1, 0, 2)


# -- file-level failures: a plain message, never an exception --------------------------------------

def test_missing_required_column_lists_found_and_expected(db):
    header = ["candidate_id", "process_id", "event_type", "when"]
    report = import_bytes(db, csv_bytes([["c1", "P-1", "hired", "2026-01-15"]], header), "cols.csv")
    assert not report.ok and report.import_id is None
    assert report.error_code == "missing_columns"
    message = report.error_message()
    assert "missing: occurred_at." in message
    assert "Columns found: candidate_id, process_id, event_type, when." in message
    assert "Expected: candidate_id (or candidate_email), process_id, event_type, occurred_at." in message
    assert "Kolumner som hittades: candidate_id, process_id, event_type, when." in report.error_message("sv")


def test_missing_identity_column(db):
    header = ["process_id", "event_type", "occurred_at"]
    report = import_bytes(db, csv_bytes([["P-1", "hired", "2026-01-15"]], header), "noid.csv")
    assert report.error_code == "missing_columns"
    assert report.error_values["missing"] == "candidate_id"
    assert report.error_values["found"] == "process_id, event_type, occurred_at"


def test_unknown_kind_of_file(db):
    report = import_bytes(db, b"name,amount\nx,1\n", "budget.csv")
    assert report.error_code == "unknown_kind"
    assert "Columns found: name, amount." in report.error_message()


def test_forced_kind_checks_that_kinds_columns(db):
    report = import_bytes(db, csv_bytes([["c1", "P-1", "hired", "2026-01-15"]]), "e.csv", kind="surveys")
    assert report.error_code == "missing_columns"
    assert report.error_values["missing"] == "submitted_at"


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806"
    "0000001f15c4890000000d49444154789c63f8ffff3f0005fe02fe"
    "a7d6a4e20000000049454e44ae426082"
)
PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"4 0 obj\n<< /Length 52 /Filter /FlateDecode >>\nstream\n"
       + zlib.compress(b"BT /F1 24 Tf 100 700 Td (Rapport Q1) Tj ET\n" * 20)
       + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.csv", b"", "empty_file"),
    ("blank.csv", b"\r\n \n\t\n", "empty_file"),
    ("bom-only.csv", codecs.BOM_UTF8, "empty_file"),
    ("header.csv", b"candidate_id,process_id,event_type,occurred_at\n", "header_only"),
    ("header-crlf.csv", b"candidate_id;process_id;event_type;occurred_at\r\n\r\n", "header_only"),
    ("noise.csv", random.Random(42).randbytes(4096), "binary_file"),
    ("image.csv", PNG, "binary_file"),
    ("image.png", PNG, "binary_file"),
    ("report.pdf", PDF, "binary_file"),
    ("report.csv", PDF, "binary_file"),
    ("zip.xlsx", b"PK\x03\x04" + random.Random(7).randbytes(300), "unreadable"),
])
def test_bad_files_get_a_plain_message(db, name, data, code):
    before = snapshot(db)
    report = import_bytes(db, data, name)
    assert not report.ok and report.import_id is None
    assert report.error_code == code
    message = report.error_message()
    assert message.startswith(name) and len(message) > len(name) + 20
    assert report.error_message("sv").startswith(name)
    assert snapshot(db) == before


def test_zip_that_is_not_a_workbook(db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    report = import_bytes(db, buffer.getvalue(), "notes.xlsx")
    assert report.error_code == "unreadable"
    assert report.error_message().startswith("notes.xlsx could not be read as a table")


def test_empty_and_header_only_workbooks(db):
    report = import_bytes(db, _workbook([], []), "empty.xlsx")
    assert report.error_code == "empty_file"
    report = import_bytes(db, _workbook([], EVENT_HEADER), "header.xlsx")
    assert report.error_code == "header_only"


def test_text_only_pdf_is_refused_without_an_exception(db):
    report = import_bytes(db, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", "plain.pdf")
    assert not report.ok
    assert report.error_message().startswith("plain.pdf")


@pytest.mark.parametrize("split_line", [False, True], ids=["every line a row", "a line DuckDB cannot split"])
def test_rows_past_the_readers_buffers_keep_their_numbers_and_the_first_of_a_repeat_stays(db, split_line):
    """DuckDB hands a file on in buffers of 32 MiB, and event rows staged as they are read are numbered
    by their place in the table that holds them (rowid + 1), the refused rows deleted from it; a line
    the reader cannot split makes the importer number the rows in a column instead. Either way the
    problems past the first buffer name the file's own rows, and of a row repeated the first stays."""
    width = 100
    filler = [f"F-{n:07d},P-1,application_received,2026-01-15 10:00,{'Filler'.ljust(width - 60, '.')}\n"
              for n in range(1, 400_001)]   # 100 bytes a row: 40 MB, past the first buffer at row 335,544
    lines = ["candidate_id,process_id,event_type,occurred_at,process_name\n",
             "R-1,P-1,hired,2026-01-15 10:00,First name\n"] + filler[:99_998]               # rows 1-99,999
    lines += ["N-1,P-1,hired,2026-01-15 10:00,Bad\x00name\n"] + filler[99_998:349_998]      # NUL: row 100,000
    lines += ["S-1,P-1,hired,2026-01-15 10:00,Three,fields,too many\n" if split_line
              else "S-1,P-1,hired,2026-01-15 10:00,Plain\n"]                              # row 350,001
    lines += filler[349_998:369_998] + ["R-1,P-1,hired,2026-01-15 10:00,Second name\n"]   # repeat: row 370,002
    lines += filler[369_998:] + ["T-1,P-1,hired,2026-13-45 10:00,Plain\n"]               # bad time: row 400,005
    data = "".join(lines).encode()
    assert len(data) > 32 * 1024 * 1024 + 40 * width
    report = import_bytes(db, data, "long.csv", mode="lenient")
    assert report.ok, report.error_message()
    listed = [(problem.row, problem.code) for problem in report.problems]
    assert listed == [(100_000, "nul_byte")] + [(350_001, "bad_structure")] * split_line + [(400_005, "bad_timestamp")]
    # a line each row, so the problems' lines are their rows + 1 (the header)
    assert [problem.file_line or problem.row + 1 for problem in report.problems] == [row + 1 for row, _ in listed]
    assert (report.rows_read, report.rows_duplicate, report.rows_stored) == (400_005, 1, 400_005 - 1 - len(listed))
    assert db.fetchall("SELECT process_name FROM events WHERE candidate_id = 'R-1'") == [("First name",)]
    assert db.fetchall("SELECT count(*) FROM events WHERE candidate_id IN ('N-1', 'T-1')") == [(0,)]


@pytest.mark.parametrize("rows_before", [2, 30_000], ids=["seen at the start", "past the reader's first look"])
def test_a_file_that_changes_its_line_ends_is_refused_by_line_and_stores_nothing(db, rows_before):
    """Before: past the 20,480 rows DuckDB looks at first, the import ended in an exception."""
    assert import_bytes(db, csv_bytes([["c0", "P-1", "hired", "2026-01-15 10:00"]]), "first.csv").ok
    before = event_rows(db)
    rows = [["c1", "P-1", "hired", "2026-01-15 10:00"]] * rows_before
    data = csv_text(rows, newline="\r\n") + "c2,\"P-1\nsecond line\",hired,2026-01-15 10:00\r\n" + \
        "c3,P-1,hired,2026-01-15 10:00\n"
    report = import_bytes(db, data.encode(), "joined.csv")
    line = rows_before + 4   # the header, the rows, the quoted line break's two lines, then c3
    assert (report.ok, report.error_code, report.error_values) == (False, "mixed_line_ends", {"line": line})
    assert report.error_message() == (
        f"joined.csv could not be split into rows: line {line:,} ends with another line break than the lines before "
        "it (Windows and Unix line ends mixed, as when two exports are put together). Open the file in a "
        "spreadsheet program or text editor and save it again as CSV.")
    swedish_line = f"{line:,}".replace(",", "\u00a0")   # 30 004, with a no-break space
    assert report.error_message("sv").startswith(f"joined.csv kunde inte delas upp i rader: rad {swedish_line} slutar")
    assert event_rows(db) == before


def test_a_reader_error_shown_keeps_no_part_of_the_files_path():
    """The first line of DuckDB's words, the path taken out before the line is cut at 300 characters (cut
    first, a path that crossed the cut was left in part: the importer did so, the trace reader did not)."""
    from analytics.ingest.problems import reader_error_detail

    path = "/tmp/radar-upload-1234/export.csv"
    error = Exception("x" * 290 + f" {path} is not what it seems\nsecond line")
    assert reader_error_detail(error, path) == "x" * 290 + " the file "


def test_unclosed_quote_message_is_about_the_users_file(db):
    data = (b"candidate_id,process_id,event_type,occurred_at\n"
            b'c1,"P-1,hired,2026-01-15 10:00\n'
            b"c2,P-1,hired,2026-01-15 10:00\n")
    report = import_bytes(db, data, "quote.csv")
    assert not report.ok
    message = report.error_message()
    assert message.startswith("quote.csv")
    # The upload went through a temporary file; its path and DuckDB's internals mean nothing to the user.
    assert "radar-upload" not in message and "upload.csv" not in message
    assert "Error" not in message


# -- atomic ----------------------------------------------------------------------------------------

GOOD = [["c1", "P-1", "application_received", "2026-01-15 10:00"],
        ["c1", "P-1", "acknowledgement_sent", "2026-01-15 12:00"],
        ["c2", "P-1", "application_received", "2026-01-16 10:00"]]


def test_strict_mode_with_one_bad_row_stores_nothing(db):
    before = snapshot(db)
    rows = GOOD + [["c3", "P-1", "hiredd", "2026-01-17 10:00"]]
    report = import_bytes(db, csv_bytes(rows), "strict.csv")
    assert report.error_code == "rows_rejected" and report.import_id is None
    assert (report.rows_read, report.rows_stored, report.rows_rejected, report.problem_count) == (4, 0, 1, 1)
    assert snapshot(db) == before
    assert db.fetchall("SELECT count(*) FROM events") == [(0,)]


def test_lenient_mode_stores_the_good_rows(db):
    rows = GOOD + [["c3", "P-1", "hiredd", "2026-01-17 10:00"], ["c4", "P-1", "hired", "later"]]
    report = import_bytes(db, csv_bytes(rows), "lenient.csv", mode="lenient")
    assert report.ok and report.error_code is None
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.rows_rejected) == (5, 3, 0, 2)
    assert [(p.row, p.code) for p in report.problems] == [(4, "unknown_event_type"), (5, "bad_timestamp")]
    assert db.fetchall("SELECT candidate_id, event_type FROM events ORDER BY ALL") == [
        ("c1", "acknowledgement_sent"), ("c1", "application_received"), ("c2", "application_received")]
    assert db.fetchall("SELECT import_id, file_name, kind, rows_read, rows_stored, rows_duplicate, rows_rejected "
                       "FROM imports") == [(report.import_id, "lenient.csv", "events", 5, 3, 0, 2)]
    assert db.fetchall("SELECT count(*), min(import_id) FROM event_sources") == [(3, report.import_id)]


@pytest.mark.parametrize("bad", [
    csv_bytes([["c9", "P-9", "hired", "2026-02-01 10:00"], ["c9", "P-9", "bogus", "2026-02-01 10:00"]]),
    csv_bytes([["c9", "P-9", "hired"]], ["candidate_id", "process_id", "event_type"]),
    b"",
    PNG,
    b"candidate_id,process_id,event_type,occurred_at\nc9,P-9,hired,2026-02-01,surplus\n",
], ids=["bad-row", "missing-column", "empty", "png", "too-many-fields"])
def test_failed_import_after_a_good_one_leaves_the_store_as_it_was(db, bad):
    first = import_bytes(db, csv_bytes(GOOD), "good.csv")
    assert first.ok
    db.save_settings(ack_sla_hours=24.0)
    before = snapshot(db)
    assert len(before["events"]) == 3 and len(before["imports"]) == 1
    report = import_bytes(db, bad, "bad.csv")
    assert not report.ok
    assert snapshot(db) == before
    # The store is still usable afterwards (no transaction left open, no lock held).
    again = import_bytes(db, csv_bytes([["c9", "P-9", "hired", "2026-02-01 10:00"]]), "after.csv")
    assert again.ok and again.rows_stored == 1


# -- de-duplication and undo -------------------------------------------------------------------

ROWS_A = [["c1", "P-1", "application_received", "2026-01-15 10:00"],
          ["c1", "P-1", "acknowledgement_sent", "2026-01-15 12:00"],
          ["c2", "P-1", "application_received", "2026-01-16 10:00"],
          ["c2", "P-1", "rejected", "2026-01-20 10:00"]]
ROWS_B = ROWS_A[2:] + [["c2", "P-1", "rejection_sent", "2026-01-21 10:00"],
                       ["c3", "P-2", "application_received", "2026-01-22 10:00"]]


def test_same_file_twice(db):
    first = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    events_after_first = event_rows(db)
    second = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    assert (first.rows_stored, first.rows_duplicate) == (4, 0)
    assert second.ok
    assert (second.rows_read, second.rows_stored, second.rows_duplicate) == (4, 0, 4)
    assert event_rows(db) == events_after_first and len(events_after_first) == 4
    # Nothing new and nothing else said about the source: not logged, so the undo list holds only real imports.
    assert second.repeat_of_earlier and second.import_id == first.import_id
    assert not first.repeat_of_earlier
    assert second.evidence == first.evidence
    assert db.fetchall("SELECT import_id, rows_stored, rows_duplicate FROM imports ORDER BY 1") == [
        (first.import_id, 4, 0)]
    assert db.fetchall("SELECT DISTINCT import_id FROM event_sources") == [(first.import_id,)]
    assert undo_import(db, first.import_id).events_removed == 4


def test_the_same_file_saying_something_new_about_its_source_is_logged(db):
    first = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    # The user now says the file lacks the messages sent to candidates: the evidence changes, so it counts.
    second = import_bytes(db, csv_bytes(ROWS_A), "a.csv", not_recorded={"messages"})
    assert not second.repeat_of_earlier and second.import_id != first.import_id
    assert db.fetchall("SELECT import_id, rows_stored FROM imports ORDER BY 1") == [
        (first.import_id, 4), (second.import_id, 0)]
    # Undoing the earlier import makes the file new again: a third import is logged.
    undo_import(db, first.import_id)
    undo_import(db, second.import_id)
    third = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    assert (third.rows_stored, third.repeat_of_earlier) == (4, False)


def test_same_events_written_differently_are_one_event(db):
    assert import_bytes(db, csv_bytes([["c1", "P-1", "hired", "2026-01-15T09:00:00Z"]]), "a.csv").ok
    again = import_bytes(db, csv_bytes([[" c1 ", "P-1", "HIRED", "2026-01-15 10:00"]]), "b.csv")
    assert (again.rows_stored, again.rows_duplicate) == (0, 1)
    assert db.fetchall("SELECT count(*) FROM events") == [(1,)]


def test_overlapping_file_stores_only_new_rows_and_undo_removes_only_those(db):
    first = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    only_a = event_rows(db)
    second = import_bytes(db, csv_bytes(ROWS_B), "b.csv")
    assert (second.rows_read, second.rows_stored, second.rows_duplicate) == (4, 2, 2)
    assert db.fetchall("SELECT count(*) FROM events") == [(6,)]
    result = undo_import(db, second.import_id)
    assert (result.import_id, result.events_removed, result.answers_removed) == (second.import_id, 2, 0)
    assert event_rows(db) == only_a
    assert db.fetchall("SELECT import_id FROM imports") == [(first.import_id,)]
    assert db.fetchall("SELECT DISTINCT import_id FROM event_sources") == [(first.import_id,)]


def test_undo_of_the_first_import_keeps_rows_the_second_also_holds(db):
    first = import_bytes(db, csv_bytes(ROWS_A), "a.csv")
    second = import_bytes(db, csv_bytes(ROWS_B), "b.csv")
    result = undo_import(db, first.import_id)
    assert result.events_removed == 2
    assert db.fetchall("SELECT candidate_id, event_type, occurred_at FROM events ORDER BY ALL") == [
        ("c2", "application_received", utc(2026, 1, 16, 9, 0)),
        ("c2", "rejected", utc(2026, 1, 20, 9, 0)),
        ("c2", "rejection_sent", utc(2026, 1, 21, 9, 0)),
        ("c3", "application_received", utc(2026, 1, 22, 9, 0)),
    ]
    # Undoing the second as well empties the store.
    assert undo_import(db, second.import_id).events_removed == 4
    assert snapshot(db)["events"] == [] and snapshot(db)["event_sources"] == [] and snapshot(db)["imports"] == []


def test_a_row_repeated_inside_one_file_is_stored_once(db):
    rows = [ROWS_A[0], ROWS_A[1], ROWS_A[0]]
    report = import_bytes(db, csv_bytes(rows), "repeat.csv")
    assert (report.rows_read, report.rows_stored, report.rows_duplicate) == (3, 2, 1)
    assert db.fetchall("SELECT count(*) FROM events") == [(2,)]
    assert undo_import(db, report.import_id).events_removed == 2
    assert db.fetchall("SELECT count(*) FROM events UNION ALL SELECT count(*) FROM event_sources") == [(0,), (0,)]


def test_undo_of_an_unknown_import(db):
    assert import_bytes(db, csv_bytes(ROWS_A), "a.csv").ok
    before = snapshot(db)
    with pytest.raises(KeyError):
        undo_import(db, 999)
    assert snapshot(db) == before


# -- personal data -------------------------------------------------------------------------------

PEOPLE = [
    # candidate_id, name, e-mail as the ATS wrote it
    ("c-1", "Anna Svensson", "Anna.Svensson@Example.se"),
    ("", "Örjan Kvist", " Orjan.KVIST@firma.SE "),
    ("", "Märta Ljung", "marta.ljung@kommun.se"),
]
PEOPLE_HEADER = ["candidate_id", "candidate_name", "candidate_email", "process_id", "event_type", "occurred_at",
                 "department"]
MARKER = "MarkerDepartmentQ7"   # a stored value: proves the raw-bytes search can find text


def _people_rows() -> list[list[str]]:
    return [[cid, name, email, "P-1", "application_received", "2026-01-15 10:00", MARKER]
            for cid, name, email in PEOPLE]


def _expected_pseudonym(key: bytes, email: str) -> str:
    digest = hmac.new(key, email.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()
    return "anon-" + digest[:20]


def _forbidden() -> list[bytes]:
    words = []
    for _, name, email in PEOPLE:
        for text in (name, *name.split(), email.strip(), email.strip().lower()):
            words += [text.encode("utf-8"), text.encode("utf-16-le")]
    return words


def _assert_no_personal_data(files: list[Path]) -> None:
    contents = {path.name: path.read_bytes() for path in files if path.exists()}
    assert any(MARKER.encode() in data for data in contents.values()), "control value not found in the files"
    for name, data in contents.items():
        for word in _forbidden():
            assert word not in data, f"{word!r} found in {name}"


def test_names_and_email_addresses_never_reach_the_database_files(tmp_path):
    store = open_store(tmp_path / "p")
    report = import_bytes(store, csv_bytes(_people_rows(), PEOPLE_HEADER), "people.csv")
    assert report.ok and report.rows_stored == 3
    no_id_header = [c for c in PEOPLE_HEADER if c != "candidate_id"]
    rows = [[name, email, "P-2", "interview_held", "2026-01-20 10:00", MARKER] for _, name, email in PEOPLE]
    assert import_bytes(store, csv_bytes(rows, no_id_header), "no-id.csv").rows_stored == 3
    database, wal = store.path, store.path.with_name(store.path.name + ".wal")
    # Before closing, recent writes are in the write-ahead log.
    _assert_no_personal_data([database, wal])
    store.close()
    _assert_no_personal_data([database, wal])
    assert database.read_bytes().count(MARKER.encode()) >= 1


def test_pseudonyms_from_email_addresses(tmp_path):
    first = open_store(tmp_path / "one")
    assert import_bytes(first, csv_bytes(_people_rows(), PEOPLE_HEADER), "people.csv").ok
    key = first.secret_key()
    # c-1 keeps its source id although an e-mail is given; the others are named by their address.
    expected = {"c-1", _expected_pseudonym(key, " Orjan.KVIST@firma.SE "), _expected_pseudonym(key, "marta.ljung@kommun.se")}
    ids = {row[0] for row in first.fetchall("SELECT DISTINCT candidate_id FROM events")}
    assert ids == expected
    assert _expected_pseudonym(key, " Orjan.KVIST@firma.SE ") == _expected_pseudonym(key, "orjan.kvist@firma.se")
    for candidate in ids - {"c-1"}:
        assert re.fullmatch(r"anon-[0-9a-f]{20}", candidate)

    # Stable across imports: a later file identified by e-mail only lands on the same candidates.
    no_id_header = [c for c in PEOPLE_HEADER if c != "candidate_id"]
    later = [[name, email.upper(), "P-1", "rejected", "2026-02-01 10:00", "HR"] for _, name, email in PEOPLE[1:]]
    assert import_bytes(first, csv_bytes(later, no_id_header), "later.csv").ok
    assert first.fetchall(
        "SELECT candidate_id, count(*) FROM events WHERE candidate_id LIKE 'anon-%' GROUP BY 1 ORDER BY 1"
    ) == sorted((candidate, 2) for candidate in ids - {"c-1"})

    # Another store with the same key file gives the same pseudonyms; another key, others.
    twin_folder = tmp_path / "twin"
    twin_folder.mkdir()
    shutil.copy(first.key_path, twin_folder / "radar.duckdb.key")
    twin = open_store(twin_folder)
    assert twin.secret_key() == key
    assert import_bytes(twin, csv_bytes(_people_rows(), PEOPLE_HEADER), "people.csv").ok
    assert {row[0] for row in twin.fetchall("SELECT DISTINCT candidate_id FROM events")} == ids
    other = open_store(tmp_path / "other")
    assert other.secret_key() != key
    assert import_bytes(other, csv_bytes(_people_rows(), PEOPLE_HEADER), "people.csv").ok
    other_ids = {row[0] for row in other.fetchall("SELECT DISTINCT candidate_id FROM events")}
    assert other_ids & ids == {"c-1"} and len(other_ids) == 3
    assert other_ids - {"c-1"} == {_expected_pseudonym(other.secret_key(), email) for _, _, email in PEOPLE[1:]}
    for store in (first, twin, other):
        store.close()


def test_key_file_is_created_once_and_kept(tmp_path):
    store = open_store(tmp_path / "k")
    key = store.secret_key()
    assert len(key) == 32
    assert (store.key_path.stat().st_mode & 0o777) == 0o600
    store.close()
    assert open_store(tmp_path / "k").secret_key() == key


def test_a_row_without_id_and_without_email_is_a_problem(db):
    header = ["candidate_id", "candidate_email", "process_id", "event_type", "occurred_at"]
    rows = [["", "a@b.se", "P-1", "hired", "2026-01-15"], ["", " ", "P-1", "hired", "2026-01-15"]]
    report = import_bytes(db, csv_bytes(rows, header), "ids.csv")
    assert [(p.row, p.column, p.code) for p in report.problems] == [(2, "candidate_id", "missing_candidate")]


# -- channels --------------------------------------------------------------------------------------

def test_channel_spellings_map_to_canonical_values(db):
    header = EVENT_HEADER + ["channel"]
    spellings = ["E-mail", "Telefon", " SMS ", "Teams", "På plats", "e-post", "in person", "portal", "Video", ""]
    rows = [[f"c{i}", "P-1", "feedback_given", "2026-01-15 10:00", s] for i, s in enumerate(spellings)]
    report = import_bytes(db, csv_bytes(rows, header), "channels.csv")
    assert report.ok, report.problem_lines()
    assert dict(db.fetchall("SELECT candidate_id, channel FROM events")) == {
        "c0": "email", "c1": "phone", "c2": "sms", "c3": "video", "c4": "in_person", "c5": "email",
        "c6": "in_person", "c7": "portal", "c8": "video", "c9": None}


def test_unknown_channel_is_a_row_problem(db):
    header = EVENT_HEADER + ["channel"]
    rows = [["c1", "P-1", "feedback_given", "2026-01-15 10:00", "email"],
            ["c2", "P-1", "feedback_given", "2026-01-15 10:00", "brevduva"]]
    report = import_bytes(db, csv_bytes(rows, header), "channels.csv")
    assert report.error_code == "rows_rejected"
    assert [(p.row, p.line, p.column, p.value, p.code) for p in report.problems] == [
        (2, 3, "channel", "brevduva", "unknown_channel")]
    assert "email, sms, phone, video, in_person, portal, other" in report.problem_lines()[0]


# -- surveys (need analytics.sentiment) ----------------------------------------------------------

SURVEY_HEADER = ["candidate_id", "process_id", "submitted_at", "nps", "rating_communication", "rating_respect",
                 "comment", "candidate_name"]


def test_survey_answers_nps_ratings_and_repeats(db):
    rows = [
        ["c1", "P-1", "2026-02-01 12:00", "9,0", "4,5", "5", "Tack för ett trevligt bemötande", "Anna Svensson"],
        ["c2", "P-1", "2026-07-02 12:00", "6", "3", "", "", "Bo Ek"],
        ["c2", "P-1", "2026-07-02 12:00", "6", "3", "", "", "Bo Ek"],
        ["c3", "P-2", "2026-02-03T08:00:00Z", "", "", "2", "Great interview, quick answer", ""],
    ]
    report = import_bytes(db, csv_bytes(rows, SURVEY_HEADER), "survey.csv")
    assert report.ok, (report.error_message(), report.problem_lines())
    assert report.kind == "surveys"
    assert (report.rows_read, report.rows_stored, report.rows_duplicate) == (4, 3, 1)
    assert db.fetchall("SELECT candidate_id, process_id, submitted_at, nps FROM survey_responses ORDER BY 1") == [
        ("c1", "P-1", utc(2026, 2, 1, 11, 0), 9),
        ("c2", "P-1", utc(2026, 7, 2, 10, 0), 6),
        ("c3", "P-2", utc(2026, 2, 3, 8, 0), None),
    ]
    assert db.fetchall(
        "SELECT r.candidate_id, s.rating, s.value FROM survey_ratings s "
        "JOIN survey_responses r USING (response_key) ORDER BY ALL"
    ) == [("c1", "communication", 4.5), ("c1", "respect", 5.0), ("c2", "communication", 3.0), ("c3", "respect", 2.0)]
    labelled = db.fetchall("SELECT candidate_id, sentiment_label FROM survey_responses ORDER BY 1")
    assert [label is None for _, label in labelled] == [False, True, False]

    again = import_bytes(db, csv_bytes(rows, SURVEY_HEADER), "survey.csv")
    assert (again.rows_stored, again.rows_duplicate) == (0, 4)
    assert db.fetchall("SELECT count(*) FROM survey_responses UNION ALL SELECT count(*) FROM survey_ratings") == [
        (3,), (4,)]
    assert again.repeat_of_earlier and again.import_id == report.import_id   # nothing new: not logged again
    assert undo_import(db, report.import_id).answers_removed == 3
    assert db.fetchall("SELECT count(*) FROM survey_ratings") == [(0,)]


def test_survey_bad_nps_and_ratings(db):
    rows = [
        ["c1", "P-1", "2026-02-01 12:00", "9,0", "4", "5", "", ""],
        ["c2", "P-1", "2026-02-01 12:00", "11", "4", "5", "", ""],
        ["c3", "P-1", "2026-02-01 12:00", "x", "4", "5", "", ""],
        ["c4", "P-1", "2026-02-01 12:00", "7,5", "4", "5", "", ""],
        ["c5", "P-1", "2026-02-01 12:00", "-1", "4", "5", "", ""],
        ["c6", "P-1", "2026-02-01 12:00", "8", "6", "0", "", ""],
        ["c7", "P-1", "igår", "8", "bra", "5", "", ""],
    ]
    report = import_bytes(db, csv_bytes(rows, SURVEY_HEADER), "survey.csv", mode="lenient")
    assert [(p.row, p.line, p.column, p.value, p.code) for p in report.problems] == [
        (2, 3, "nps", "11", "bad_nps"),
        (3, 4, "nps", "x", "bad_nps"),
        (4, 5, "nps", "7,5", "bad_nps"),
        (5, 6, "nps", "-1", "bad_nps"),
        (6, 7, "rating_communication", "6", "bad_rating"),
        (6, 7, "rating_respect", "0", "bad_rating"),
        (7, 8, "rating_communication", "bra", "bad_rating"),
        (7, 8, "submitted_at", "igår", "bad_timestamp"),
    ]
    assert (report.problem_count, report.rows_rejected, report.rows_stored) == (8, 6, 1)
    assert db.fetchall("SELECT candidate_id, nps FROM survey_responses") == [("c1", 9)]


def test_survey_comment_masks_the_candidates_own_name(tmp_path):
    store = open_store(tmp_path / "s")
    rows = [["c1", "P-1", "2026-02-01 12:00", "10", "5", "5", "Tack, hälsningar Anna Svensson", "Anna Svensson"],
            ["c2", "P-1", "2026-02-01 12:00", "3", "2", "2", f"Svarade aldrig. {MARKER}", "Örjan Kvist"]]
    report = import_bytes(store, csv_bytes(rows, SURVEY_HEADER), "survey.csv")
    assert report.ok, (report.error_message(), report.problem_lines())
    comments = dict(store.fetchall("SELECT candidate_id, comment FROM survey_responses"))
    assert comments["c1"].startswith("Tack, hälsningar")
    assert "Anna" not in comments["c1"] and "Svensson" not in comments["c1"]
    assert MARKER in comments["c2"]
    database, wal = store.path, store.path.with_name(store.path.name + ".wal")
    store.close()
    for path in (database, wal):
        if path.exists():
            data = path.read_bytes()
            for word in ("Anna", "Svensson", "Örjan", "Kvist"):
                assert word.encode() not in data, f"{word} in {path.name}"
    assert MARKER.encode() in database.read_bytes()


def test_survey_file_without_required_columns(db):
    report = import_bytes(db, csv_bytes([["c1", "P-1", "9"]], ["candidate_id", "process_id", "nps"]), "s.csv")
    assert report.error_code == "missing_columns"
    assert report.error_values["missing"] == "submitted_at"


def test_ignored_columns_are_reported(db):
    header = EVENT_HEADER + ["salary", "Stage"]
    report = import_bytes(db, csv_bytes([["c1", "P-1", "hired", "2026-01-15", "40000", "Offer"]], header), "x.csv")
    assert report.ok and report.ignored_columns == ["salary"]
    assert db.fetchall("SELECT stage FROM events") == [("Offer",)]


def test_upload_suffix_does_not_matter_for_text(db):
    assert import_bytes(db, csv_bytes(GOOD), "export").ok
    assert import_bytes(db, csv_bytes(GOOD), "export.TXT").rows_duplicate == 3


def test_temporary_files_are_removed(db, tmp_path, monkeypatch):
    """The upload's temporary copy and the transcoded CSV are deleted after the import."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert import_bytes(db, EXPORTS["cp1252-semicolon"][1], "events.csv").ok
    assert import_bytes(db, EXPORTS["xlsx"][1], "events.xlsx").rows_duplicate == 5
    assert import_bytes(db, EXPORTS["utf16-unicode-text"][1], "events.txt").rows_duplicate == 5
    assert not import_bytes(db, PNG, "image.csv").ok
    assert list(scratch.iterdir()) == []


def test_progress_is_reported_up_to_done(db):
    seen = []
    assert import_bytes(db, csv_bytes(GOOD), "p.csv", progress=lambda fraction, stage: seen.append((fraction, stage))).ok
    assert seen[0][0] < seen[-1][0] == 1.0 and seen[-1][1] == "done"
    assert [fraction for fraction, _ in seen] == sorted(fraction for fraction, _ in seen)


def test_hostile_header_is_only_a_column_name(db):
    """Headers come from outside; they reach SQL only through the quoting helper."""
    hostile = 'x"); DROP TABLE events; --'
    assert import_bytes(db, csv_bytes(GOOD), "first.csv").ok
    report = import_bytes(db, csv_bytes([["c9", "P-1", "hired", "2026-01-15", "1"]], EVENT_HEADER + [hostile]), "h.csv")
    assert report.ok and report.ignored_columns == [hostile]
    assert db.fetchall("SELECT count(*) FROM events") == [(4,)]


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("shared"))
    yield store
    store.close()


EXAMPLE_NUMBERS = itertools.count(1)


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.text(alphabet=st.sampled_from(list("aZåÄö é19 ,;|\t\"'&-/\n")), max_size=12),
                       min_size=1, max_size=4),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_descriptive_text_survives_any_quoting(shared_store, values, delimiter):
    """Whatever a department is called, it is stored as written (surrounding spaces trimmed, empty = none)."""
    process = f"P-{next(EXAMPLE_NUMBERS)}"
    rows = [[f"c{i}", process, "hired", "2026-01-15 10:00", value] for i, value in enumerate(values)]
    text = csv_text(rows, EVENT_HEADER + ["department"], delimiter)
    report = import_bytes(shared_store, text.encode("utf-8"), "any.csv")
    assert report.ok, (text, report.error_message(), report.problem_lines())
    assert dict(shared_store.fetchall("SELECT candidate_id, department FROM events WHERE process_id = ?", [process])) == {
        f"c{i}": (value.strip(" ") or None) for i, value in enumerate(values)}


# -- the security and privacy review -------------------------------------------------------------

def test_implausible_instants_are_out_of_range(db):
    """1990-01-01 UTC is the first accepted instant; placeholders and typos around it are row problems."""
    rows = [
        ["ok-a", "P-1", "hired", "1990-01-01T00:00:00Z"],
        ["ok-b", "P-1", "hired", "1990-01-01 01:00"],              # CET: 1990-01-01 00:00 UTC
        ["ok-c", "P-1", "hired", "2026-01-01T10:00:00+14:00"],
        ["ok-d", "P-1", "hired", "2026-01-01T10:00:00-14:00"],
        ["ok-e", "P-1", "hired", "2026-01-01T10:00:00+05:45"],
        ["b1", "P-1", "hired", "1969-12-31"],
        ["b2", "P-1", "hired", "1900-01-01"],
        ["b3", "P-1", "hired", "0001-01-01"],
        ["b4", "P-1", "hired", "9999-12-31T23:59:59Z"],
        ["b5", "P-1", "hired", "1989-12-31T23:59:59Z"],
        ["b6", "P-1", "hired", "1990-01-01"],                      # local midnight: 1989-12-31 23:00 UTC
        ["b7", "P-1", "hired", "100000000000"],                    # epoch ms: 1973-03-03
        ["b8", "P-1", "hired", "2099-01-01 10:00"],
        ["b9", "P-1", "hired", "2026-01-01T10:00:00+99:99"],
        ["b10", "P-1", "hired", "2026-01-01T10:00:00+14:30"],
        ["b11", "P-1", "hired", "2026-01-01T10:00:00-15:00"],
        ["b12", "P-1", "hired", "2026-01-01T10:00:00+05:75"],
    ]
    report = import_bytes(db, csv_bytes(rows), "times.csv", mode="lenient")
    assert [(p.row, p.column, p.value, p.code) for p in report.problems] == [
        (6, "occurred_at", "1969-12-31", "out_of_range"),
        (7, "occurred_at", "1900-01-01", "out_of_range"),
        (8, "occurred_at", "0001-01-01", "out_of_range"),
        (9, "occurred_at", "9999-12-31T23:59:59Z", "out_of_range"),
        (10, "occurred_at", "1989-12-31T23:59:59Z", "out_of_range"),
        (11, "occurred_at", "1990-01-01", "out_of_range"),
        (12, "occurred_at", "100000000000", "out_of_range"),
        (13, "occurred_at", "2099-01-01 10:00", "out_of_range"),
        (14, "occurred_at", "2026-01-01T10:00:00+99:99", "bad_timestamp"),
        (15, "occurred_at", "2026-01-01T10:00:00+14:30", "bad_timestamp"),
        (16, "occurred_at", "2026-01-01T10:00:00-15:00", "bad_timestamp"),
        (17, "occurred_at", "2026-01-01T10:00:00+05:75", "bad_timestamp"),
    ]
    assert occurred(db) == {
        "ok-a": utc(1990, 1, 1, 0, 0), "ok-b": utc(1990, 1, 1, 0, 0), "ok-c": utc(2025, 12, 31, 20, 0),
        "ok-d": utc(2026, 1, 2, 0, 0), "ok-e": utc(2026, 1, 1, 4, 15),
    }
    latest = (datetime.now(UTC) + timedelta(days=366)).strftime("%Y-%m-%d")
    line = report.problem_lines()[3]
    assert line.startswith("times.csv, row 9 (line 10), column occurred_at: '9999-12-31T23:59:59Z' lies outside")
    assert f"(1990-01-01 – {latest}, UTC)" in line and "Write the real date" in line
    assert f"'9999-12-31T23:59:59Z' ligger utanför de godtagna datumen (1990-01-01 – {latest}, UTC)" in (
        report.problem_lines("sv")[3])


def test_the_accepted_window_ends_a_year_and_a_day_ahead(db):
    """Planned dates may lie ahead (interviews); more than 366 days ahead is a typo."""
    soon, far = (datetime.now(UTC) + timedelta(days=days) for days in (360, 372))
    rows = [["soon", "P-1", "interview_scheduled", f"{soon:%Y-%m-%d}T12:00:00Z"],
            ["far", "P-1", "interview_scheduled", f"{far:%Y-%m-%d}T12:00:00Z"]]
    report = import_bytes(db, csv_bytes(rows), "ahead.csv", mode="lenient")
    assert [(p.row, p.code) for p in report.problems] == [(2, "out_of_range")]
    assert occurred(db) == {"soon": datetime(soon.year, soon.month, soon.day, 12, tzinfo=UTC)}


def test_implausible_survey_times_are_row_problems(db):
    header = ["candidate_id", "process_id", "submitted_at", "nps"]
    rows = [["c1", "P-1", "2026-02-01 12:00", "9"], ["c2", "P-1", "1970-01-01T00:00:00Z", "9"],
            ["c3", "P-1", "2026-02-01T12:00:00+99:99", "9"], ["c4", "P-1", "9999-12-31", "9"]]
    report = import_bytes(db, csv_bytes(rows, header), "survey.csv", mode="lenient")
    assert [(p.row, p.column, p.value, p.code) for p in report.problems] == [
        (2, "submitted_at", "1970-01-01T00:00:00Z", "out_of_range"),
        (3, "submitted_at", "2026-02-01T12:00:00+99:99", "bad_timestamp"),
        (4, "submitted_at", "9999-12-31", "out_of_range"),
    ]
    assert db.fetchall("SELECT candidate_id, submitted_at FROM survey_responses") == [("c1", utc(2026, 2, 1, 11, 0))]


# Names the sentiment masker alone does not catch (it knows common first names): only the importer
# can mask them, from the row's own name column.
TT_NPS_HEADER = ["id", "created-at", "sent-at", "scored-at", "updated-at", "score", "feedback", "on-reject",
                 "candidate_id", "job-application_id", "stage_id", "candidate-name"]


def test_a_preset_survey_masks_the_candidates_name_in_the_comment(db):
    """teamtailor_nps rewrites `raw` and never selects the name: the masking must come first."""
    assert import_file(db, Path(__file__).parent / "fixtures" / "ats" / "teamtailor_applications.csv").ok
    row = ["71", "2025-04-01T10:00:00.000+02:00", "2025-04-01T10:00:00.000+02:00", "2025-04-02T08:15:00.000+02:00",
           "2025-04-02T08:15:00.000+02:00", "9", "Quimbley svarade snabbt. Tack, zorvath QUIMBLEY!", "true", "101",
           "1337", "31", "Zorvath Quimbley"]
    report = import_bytes(db, csv_bytes([row], TT_NPS_HEADER), "nps.csv")
    assert report.ok, (report.error_message(), report.problem_lines())
    assert report.format == "teamtailor_nps"
    assert db.fetchall("SELECT candidate_id, process_id, comment FROM survey_responses") == [
        ("101", "7", "[name] svarade snabbt. Tack, [name]!")]


def test_name_masking_covers_every_other_column_and_repeated_names(db):
    """Every name column (candidate_name, Förnamn, Efternamn) masks every other cell of its row."""
    header = ["candidate_id", "process_id", "submitted_at", "comment", "candidate_name", "Förnamn", "Efternamn"]
    rows = [["c1", "P-1", "2026-02-01 12:00", "Zorvath, zorvath, Zorvath! Bra, Plumwick-Dunne.", "", "Zorvath",
             "Plumwick-Dunne"],
            ["c2", "P-1", "2026-02-01 12:00", "Tack Xandor Q.", "Xandor Q.", "", ""]]
    report = import_bytes(db, csv_bytes(rows, header), "survey.csv")
    assert report.ok, (report.error_message(), report.problem_lines())
    assert dict(db.fetchall("SELECT candidate_id, comment FROM survey_responses")) == {
        "c1": "[name], [name], [name]! Bra, [name].", "c2": "Tack [name]"}


def test_no_file_descriptor_outlives_an_import(db):
    """Transcoded copies hold the whole upload: their descriptors must be closed, not only the files removed."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc")
    cp1252, workbook = EXPORTS["cp1252-semicolon"][1], EXPORTS["xlsx"][1]
    assert import_bytes(db, cp1252, "first.csv").ok   # the store's own files are open from here on
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(10):
        assert import_bytes(db, cp1252, "events.csv").rows_duplicate == 5
    assert import_bytes(db, workbook, "events.xlsx").rows_duplicate == 5
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_malformed_row_is_one_problem_and_its_line_is_not_shown(db):
    """The raw line holds the row's name and address; the problem says only what is wrong with it."""
    data = (b"candidate_id,candidate_name,candidate_email,process_id,event_type,occurred_at\n"
            b"c1,Bo Ek,bo@ek.se,P-1,hired,2026-01-15 10:00\n"
            b"c2,Zorvath Quimbley,zq@example.se,P-1,hired,2026-01-15 10:00,x,y,z\n"
            b"c3,Ann Berg,ann@berg.se,P-1,hired,2026-01-15 10:00\n")
    report = import_bytes(db, data, "wide.csv", mode="lenient")
    assert (report.problem_count, report.rows_rejected, report.rows_read, report.rows_stored) == (1, 1, 3, 2)
    assert [(p.row, p.line, p.column, p.value, p.code, p.detail) for p in report.problems] == [
        (2, 3, "(whole row)", None, "bad_structure", "expected 6 fields, found 9")]
    assert report.problem_lines()[0] == (
        "wide.csv, row 2 (line 3), column (whole row): the row does not fit the header (expected 6 fields, found 9); "
        "check for a stray separator or an unclosed quote")
    assert report.problem_lines("sv")[0].startswith(
        "wide.csv, rad 2 (filrad 3), kolumn (hela raden): raden passar inte rubrikraden (väntade 6 fält, fann 9)")
    assert report.problems_frame("sv")["Kolumn"].tolist() == ["(hela raden)"]
    shown = " ".join(report.problem_lines() + report.problem_lines("sv") + [report.problems_frame().to_csv()])
    assert "Quimbley" not in shown and "zq@" not in shown


def test_a_candidate_id_that_is_an_e_mail_address_becomes_its_pseudonym(db):
    header = ["candidate_id", "process_id", "event_type", "occurred_at"]
    rows = [[" Zorvath.Quimbley@Example.SE ", "P-1", "application_received", "2026-01-15 10:00"],
            ["c-2", "P-1", "application_received", "2026-01-15 10:00"], ["a@b", "P-1", "hired", "2026-01-15 10:00"]]
    assert import_bytes(db, csv_bytes(rows, header), "ids.csv").ok
    pseudonym = _expected_pseudonym(db.secret_key(), "zorvath.quimbley@example.se")
    assert {row[0] for row in db.fetchall("SELECT candidate_id FROM events")} == {pseudonym, "c-2", "a@b"}
    # The same person identified by an e-mail column in another file is the same candidate.
    by_email = [["zorvath.quimbley@example.se", "P-1", "rejected", "2026-01-20 10:00"]]
    assert import_bytes(db, csv_bytes(by_email, ["candidate_email", "process_id", "event_type", "occurred_at"]),
                        "email.csv").ok
    assert db.fetchall("SELECT event_type FROM events WHERE candidate_id = ? ORDER BY 1", [pseudonym]) == [
        ("application_received",), ("rejected",)]


def test_a_preset_case_id_that_is_an_e_mail_address_becomes_its_pseudonym(db):
    data = b"case_id;activity;timestamp\nbo.ek@example.se;Application received;2025-03-28 09:00\n"
    report = import_bytes(db, data, "log.csv")
    assert report.ok and report.format == "process_mining", report.error_message()
    assert db.fetchall("SELECT candidate_id FROM events") == [(_expected_pseudonym(db.secret_key(), "bo.ek@example.se"),)]


def test_rating_headers_that_look_like_internal_names(db):
    header = ["candidate_id", "process_id", "submitted_at", "rating_b", "rating_b__raw"]
    rows = [["c1", "P-1", "2026-02-01 12:00", "4", "2"], ["c2", "P-1", "2026-02-01 12:00", "5", "x"]]
    report = import_bytes(db, csv_bytes(rows, header), "ratings.csv", mode="lenient")
    assert [(p.row, p.column, p.value, p.code) for p in report.problems] == [(2, "rating_b__raw", "x", "bad_rating")]
    assert db.fetchall("SELECT rating, value FROM survey_ratings ORDER BY 1") == [("b", 4.0), ("b__raw", 2.0)]


def _truncated_workbook() -> bytes:
    """A real workbook whose sheet XML is cut off half-way, as an interrupted download leaves it."""
    source = zipfile.ZipFile(io.BytesIO(_workbook(SAME_EVENTS, FULL_HEADER)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    return buffer.getvalue()


def test_a_workbook_cut_short_is_unreadable_not_an_exception(db):
    report = import_bytes(db, _truncated_workbook(), "cut.xlsx")
    assert report.error_code == "unreadable"
    assert report.error_message().startswith("cut.xlsx could not be read as a table: ")
    assert "radar-upload" not in report.error_message()


@pytest.mark.parametrize("file_name", ["export." + "x" * 300, "export.c\x00sv", "export.csv.gz", "export.csv.zst",
                                       "../../etc/export.csv", "export.csv/.."])
def test_any_upload_name_is_read_by_its_content(db, file_name):
    report = import_bytes(db, csv_bytes(GOOD), file_name)
    assert report.ok, report.error_message()
    assert (report.file_name, report.rows_stored) == (file_name, 3)


@pytest.mark.parametrize(("header", "row", "column"), [
    (["candidate_id", "process_id", "Process_ID", "event_type", "occurred_at"],
     ["c1", "P-1", "P-2", "hired", "2026-01-15 10:00"], "process_id"),
    (["candidate_id", "process_id", "process_id", "event_type", "occurred_at"],
     ["c1", "P-1", "P-2", "hired", "2026-01-15 10:00"], "process_id"),
    (["candidate_id", "process_id", "event_type", "occurred_at", "Department", "department "],
     ["c1", "P-1", "hired", "2026-01-15 10:00", "HR", "IT"], "department"),
], ids=["letter-case", "identical", "optional-column"])
@pytest.mark.parametrize("shape", ["csv", "xlsx"])
def test_repeated_headers_are_refused_whatever_duckdb_renames(db, header, row, column, shape):
    data = csv_bytes([row], header) if shape == "csv" else _workbook([row], header)
    report = import_bytes(db, data, f"twice.{shape}")
    assert (report.error_code, report.error_values) == ("duplicate_columns", {"column": column})
    assert db.fetchall("SELECT count(*) FROM events") == [(0,)]


def test_empty_trailing_headers_are_no_repeat(db):
    data = b"candidate_id,process_id,event_type,occurred_at,,\nc1,P-1,hired,2026-01-15 10:00,,\n"
    report = import_bytes(db, data, "trailing.csv")
    assert report.ok, report.error_message()
    assert occurred(db) == {"c1": utc(2026, 1, 15, 9, 0)}


# -- what an import records, and where every row went (issue 11) ---------------------------------

def evidence_of(db: Store, import_id: int) -> list[tuple[str, str]]:
    return db.fetchall("SELECT evidence, scope FROM import_evidence WHERE import_id = ? ORDER BY evidence", [import_id])


def test_a_canonical_file_records_everything_unless_the_user_says_otherwise(tmp_path):
    db = open_store(tmp_path)
    rows = [["c1", "p1", "application_received", "2026-03-02T09:00:00Z"],
            ["c1", "p1", "acknowledgement_sent", "2026-03-02T10:00:00Z"]]
    complete = import_bytes(db, csv_bytes(rows), "complete.csv")
    assert [kind for kind, _ in evidence_of(db, complete.import_id)] == [
        "applications", "decisions", "interviews", "messages", "personal_feedback", "surveys_sent"]
    assert set(complete.cannot_measure) == {"survey_responses", "survey_response_rate", "cnps", "sentiment_score"}
    without = import_bytes(db, csv_bytes(rows), "again.csv", not_recorded={"messages"})
    assert (without.rows_stored, without.rows_duplicate) == (0, 2)      # evidence even so
    assert "messages" not in [kind for kind, _ in evidence_of(db, without.import_id)]
    assert without.cannot_measure["ack_latency_h_median"][0].startswith("no message times")
    narrowed = import_bytes(db, csv_bytes(rows), "narrow.csv", records=["applications", "decisions"])
    assert evidence_of(db, narrowed.import_id) == [("applications", "own"), ("decisions", "own")]
    surveys = import_bytes(db, csv_bytes([["c1", "p1", "2026-03-05T09:00:00Z", "9"]],
                                         ["candidate_id", "process_id", "submitted_at", "nps"]), "answers.csv")
    assert evidence_of(db, surveys.import_id) == [("survey_answers", "all")]
    with pytest.raises(ValueError, match="unknown kinds of evidence: emails"):
        import_bytes(db, csv_bytes(rows), "x.csv", not_recorded={"emails"})


def test_rows_read_are_stored_already_stored_rejected_or_left_out(tmp_path):
    db = open_store(tmp_path)
    rows = [["c1", "p1", "application_received", "2026-03-02T09:00:00Z"],
            ["c1", "p1", "application_received", "2026-03-02T09:00:00Z"],   # repeated in the file
            ["c2", "p1", "application_received", "not a time"],
            ["c3", "p1", "rejected", "2026-03-04T09:00:00Z"]]
    report = import_bytes(db, csv_bytes(rows), "events.csv", mode="lenient")
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.rows_rejected, report.left_out) == (
        4, 2, 1, 1, {})
    assert db.fetchall("SELECT rows_read, rows_stored, rows_duplicate, rows_rejected, rows_left_out, left_out "
                       "FROM imports") == [(4, 2, 1, 1, 0, "{}")]
    assert "events.csv: read as canonical: 4 rows read, 2 stored, 1 already stored, 1 rejected, 0 left out." == \
        report.summary()


@pytest.mark.parametrize(("written", "expected"), [
    ("1628513942512.0", utc(2021, 8, 9, 12, 59, 2, 512000)),        # pandas: nullable epoch ms as float
    ("1628513942512", utc(2021, 8, 9, 12, 59, 2, 512000)),
    ("2026-03-02 10:15:30.250", utc(2026, 3, 2, 9, 15, 30, 250000)),  # naive local (CET) keeps its ms
    ("2026-03-02 10.15", utc(2026, 3, 2, 9, 15)),                      # dots as time separators
])
def test_float_epoch_milliseconds_and_fractional_naive_times_are_read(tmp_path, written, expected):
    db = open_store(tmp_path)
    report = import_bytes(db, csv_bytes([["c1", "p1", "application_received", written]]), "t.csv")
    assert report.ok, report.problem_lines()
    assert db.scalar("SELECT occurred_at FROM events") == expected


def test_a_store_before_version_6_gets_the_evidence_of_its_preset_and_mapping_imports(tmp_path):
    """Built with migrations 1-4 only, as an older release left it; opening it runs 005 and 006."""
    import duckdb

    from analytics.ingest.presets import PRESETS
    from analytics.store import MIGRATIONS, read_sql

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ)")
        for version, file_name in MIGRATIONS[:4]:
            old.execute(read_sql(file_name))
            old.execute("INSERT INTO schema_version VALUES (?, now())", [version])
        formats = [name for name in PRESETS if name != "lever_archive_reasons"] + ["teamtailor_nps_sent", "mapping:Status"]
        for import_id, format_name in enumerate(formats, 1):
            kind = "surveys" if format_name in ("teamtailor_nps", "ashby_survey_submissions") else "events"
            old.execute("INSERT INTO imports VALUES (?, 'f.csv', 'x', ?, ?, 1, 1, 0, 0, now())",
                        [import_id, kind, format_name])
        mapping_import = len(formats)
        old.execute("INSERT INTO events VALUES (1, 'c1', 'p1', 'application_received', now(), NULL, NULL, NULL, NULL, NULL),"
                    " (2, 'c1', 'p1', 'acknowledgement_sent', now(), NULL, NULL, NULL, NULL, NULL)")
        old.execute("INSERT INTO event_sources VALUES (1, ?), (2, ?)", [mapping_import, mapping_import])
    db = Store(path)
    assert db.scalar("SELECT max(version) FROM schema_version") == MIGRATIONS[-1][0]   # every later migration ran too
    stored = db.fetchall("SELECT i.format, e.evidence, e.scope FROM import_evidence e JOIN imports i USING (import_id)")
    by_format: dict[str, set] = {}
    for format_name, evidence, scope in stored:
        by_format.setdefault(format_name, set()).add((evidence, scope))
    for name, preset in PRESETS.items():
        assert by_format.get(name, set()) == set(preset.evidence), name
    assert by_format["teamtailor_nps_sent"] == {("surveys_sent", "own")}
    assert by_format["mapping:Status"] == {("applications", "own")}   # never messages: nobody was asked
    assert db.scalar("SELECT sum(rows_left_out) FROM imports") == 0


@pytest.mark.parametrize(("count", "kept", "en", "sv"), [
    (1, 1, "1 problem, listed below.", "1 problem, som visas nedan."),
    (3, 3, "3 problems, all listed below.", "3 problem, alla visas nedan."),
    (25, 25, "25 problems in total; the first 20 are listed.", "25 problem totalt; de första 20 visas."),
    (1500, 1000, "1,500 problems in total; the first 20 are listed.", "1\u00a0500 problem totalt; de första 20 visas."),
])
def test_the_problems_caption_says_how_many_are_listed(count, kept, en, sv):
    """Before: "1 problems in total; the first 1 are listed." The page lists the first 20 of those kept."""
    problems = [RowProblem(row=row, column="process_id", value=None, code="missing_value") for row in range(1, kept + 1)]
    report = ImportReport(file_name="export.csv", problem_count=count, problems=problems)
    assert (report.problems_caption("en"), report.problems_caption("sv")) == (en, sv)


@pytest.mark.parametrize(("count", "en", "sv"), [
    (1, "export.csv: 1 row problem; nothing was stored. Fix the row listed below",
     "export.csv: 1 radfel; ingenting sparades. Rätta raden nedan"),
    (1500, "export.csv: 1,500 row problems; nothing was stored. Fix the rows listed below",
     "export.csv: 1\u00a0500 radfel; ingenting sparades. Rätta raderna nedan"),
])
def test_a_refused_file_says_how_many_row_problems_in_the_languages_numbers(count, en, sv):
    """Before: "1 row problem(s)" and "1500 row problem(s)" in both languages."""
    report = ImportReport(file_name="export.csv", error_code="rows_rejected", error_values={"count": count})
    assert report.error_message("en").startswith(en) and report.error_message("sv").startswith(sv)
