"""The importer's fast paths give what its general rules give.

A canonical event file is staged as it is read, its repeated rows are sorted out by key, an empty
store takes the rows without looking for them in it, and most cells and ISO times are read without
the general trimming and parsing. Each test states by hand what the general rules give. UTC
instants from Stockholm time: CET = UTC+1 until 2026-03-29.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analytics.ingest.importer import import_bytes
from analytics.store import Store

HEADER = ["candidate_id", "process_id", "event_type", "occurred_at", "process_name", "channel"]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def csv_bytes(rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(row) for row in [HEADER, *rows]) + "\n").encode("utf-8")


def stored_events(store: Store) -> list[tuple]:
    return store.fetchall("SELECT candidate_id, process_id, event_type, occurred_at, process_name, channel "
                          "FROM events ORDER BY occurred_at")


def stored_facts(store: Store) -> list[tuple]:
    return store.fetchall("SELECT * FROM application_facts ORDER BY candidate_id, process_id")


@pytest.fixture
def stores(tmp_path):
    opened = [Store(tmp_path / f"store-{index}.duckdb") for index in range(2)]
    yield opened
    for store in opened:
        store.close()


WEEK_ONE = [
    ["c1", "P-1", "application_received", "2026-03-02 09:00", "Nurse", "portal"],
    ["c1", "P-1", "acknowledgement_sent", "2026-03-02 10:00", "Nurse", "email"],
    ["c2", "P-1", "application_received", "2026-03-03 09:00", "Nurse", "portal"],
]
WEEK_TWO = [
    ["c1", "P-1", "interview_held", "2026-03-09 13:00", "Nurse", "video"],
    ["c2", "P-1", "rejected", "2026-03-10 16:00", "Nurse", ""],
    ["c2", "P-1", "rejection_sent", "2026-03-11 10:00", "Nurse", "email"],
]


def test_one_file_into_an_empty_store_or_in_two_imports_stores_the_same_rows_and_facts(stores):
    whole, in_parts = stores
    report = import_bytes(whole, csv_bytes(WEEK_ONE + WEEK_TWO), "all.csv")
    assert (report.rows_read, report.rows_stored, report.rows_duplicate) == (6, 6, 0)
    first = import_bytes(in_parts, csv_bytes(WEEK_ONE), "week-1.csv")
    second = import_bytes(in_parts, csv_bytes(WEEK_ONE[2:] + WEEK_TWO), "week-2.csv")
    assert (first.rows_stored, second.rows_read, second.rows_stored, second.rows_duplicate) == (3, 4, 3, 1)

    assert stored_events(whole) == stored_events(in_parts) == [
        ("c1", "P-1", "application_received", utc(2026, 3, 2, 8), "Nurse", "portal"),
        ("c1", "P-1", "acknowledgement_sent", utc(2026, 3, 2, 9), "Nurse", "email"),
        ("c2", "P-1", "application_received", utc(2026, 3, 3, 8), "Nurse", "portal"),
        ("c1", "P-1", "interview_held", utc(2026, 3, 9, 12), "Nurse", "video"),
        ("c2", "P-1", "rejected", utc(2026, 3, 10, 15), "Nurse", None),
        ("c2", "P-1", "rejection_sent", utc(2026, 3, 11, 9), "Nurse", "email"),
    ]
    assert stored_facts(whole) == stored_facts(in_parts)
    assert whole.fetchall("SELECT candidate_id, ack_at, interviews, decision_at, notice_at FROM application_facts "
                          "ORDER BY candidate_id") == [
        ("c1", utc(2026, 3, 2, 9), 1, None, None),
        ("c2", utc(2026, 3, 11, 9), 0, utc(2026, 3, 10, 15), utc(2026, 3, 11, 9)),
    ]


def test_a_repeated_row_is_kept_as_its_first_good_occurrence(stores):
    store = stores[0]
    rows = [
        ["c1", "P-1", "hired", "2026-03-02 09:00", "rejected row", "fax"],      # unknown channel: rejected
        ["c1", "P-1", "hired", "2026-03-02 09:00", "first good row", "phone"],
        ["c1", "P-1", "hired", "2026-03-02T08:00:00Z", "same event again", "email"],
        ["c2", "P-1", "hired", "2026-03-02 09:00", "another event", "phone"],
    ]
    report = import_bytes(store, csv_bytes(rows), "repeats.csv", mode="lenient")
    assert (report.rows_read, report.rows_stored, report.rows_duplicate, report.rows_rejected) == (4, 2, 1, 1)
    assert [(p.row, p.column, p.code) for p in report.problems] == [(1, "channel", "unknown_channel")]
    assert stored_events(store) == [
        ("c1", "P-1", "hired", utc(2026, 3, 2, 8), "first good row", "phone"),
        ("c2", "P-1", "hired", utc(2026, 3, 2, 8), "another event", "phone"),
    ]
    assert store.fetchall("SELECT count(*) FROM event_sources") == [(2,)]


def test_cells_lose_the_spaces_around_them_unicode_spaces_too(stores):
    store = stores[0]
    rows = [[" c1 ", "\u00a0P-1\u00a0", " Hired", "\u30002026-03-02T09:15:00+01:00", "Sjuksköterska Örebro\u2000", " Phone"],
            ["c2", "P-1", "hired", "2026-03-02T09:15:00+01:00", "   ", "Telefon"]]
    report = import_bytes(store, csv_bytes(rows), "spaces.csv")
    assert report.ok, report.problem_lines()
    assert stored_events(store) == [
        ("c1", "P-1", "hired", utc(2026, 3, 2, 8, 15), "Sjuksköterska Örebro", "phone"),
        ("c2", "P-1", "hired", utc(2026, 3, 2, 8, 15), None, "phone"),
    ]
    blank = import_bytes(store, csv_bytes([["c3", " \u00a0 ", "hired", "2026-03-02", "", ""]]), "blank.csv")
    assert [(p.column, p.code) for p in blank.problems] == [("process_id", "missing_value")]


@pytest.mark.parametrize(("text", "instant"), [
    ("2026-03-02T09:15:00+14:00", utc(2026, 3, 1, 19, 15)),     # the largest offset
    ("2026-03-02T09:15:00-13:59", utc(2026, 3, 2, 23, 14)),
    ("2026-03-02T9:15+0100", utc(2026, 3, 2, 8, 15)),           # one-digit hour, offset without colon
    ("2026-03-02 09:15:00.5Z", utc(2026, 3, 2, 9, 15, 0, 500000)),
    (" 2026-03-02T09:15:00+01:00 ", utc(2026, 3, 2, 8, 15)),    # spaces around
    ("2026-03-02T09:15:00 +01:00", utc(2026, 3, 2, 8, 15)),     # a space before the offset
    ("2026-03-02T09:15:00+14:30", None),                        # no such offset
    ("2026-03-02T09:15:00+01:60", None),
    ("2026-03-02T09:15:00+1", None),
])
def test_iso_instants_and_their_near_misses(stores, text, instant):
    store = stores[0]
    report = import_bytes(store, csv_bytes([["c1", "P-1", "hired", text, "", ""]]), "times.csv")
    if instant is None:
        assert [(p.column, p.code) for p in report.problems] == [("occurred_at", "bad_timestamp")]
    else:
        assert report.ok, report.problem_lines()
        assert store.fetchall("SELECT occurred_at FROM events") == [(instant,)]
