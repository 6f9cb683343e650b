"""The per-application facts kept in the store (analytics/ingest/facts.py, migration 008).

Small canonical files in UTC (`Z`), so every stored instant and gap is written out by hand.
The rule: after any write, the stored facts are exactly what a full recomputation from the events
gives, and an import or undo recomputes only the applications it touched.
"""

from __future__ import annotations

from datetime import UTC, datetime

from analytics.ingest.facts import ensure_application_facts, facts_are_current, refresh_application_facts
from analytics.ingest.importer import import_bytes, undo_import
from analytics.measure.metrics import application_facts
from analytics.store import Store

HEADER = "candidate_id,process_id,event_type,occurred_at,department,channel\n"
FIRST = HEADER + (
    "c1,p1,application_received,2026-03-02T09:00:00Z,IT,portal\n"
    "c1,p1,acknowledgement_sent,2026-03-02T10:00:00Z,,email\n"
    "c1,p1,status_update_sent,2026-03-06T10:00:00Z,,email\n"
    "c2,p1,application_received,2026-03-03T09:00:00Z,HR,portal\n"
    "c2,p1,rejected,2026-03-04T09:00:00Z,,\n"
    "c2,p1,rejection_sent,2026-03-05T09:00:00Z,,email\n"
)
# One week later: news for c1 only, and a new application c3.
SECOND = HEADER + (
    "c1,p1,interview_held,2026-03-10T10:00:00Z,,in_person\n"
    "c3,p1,application_received,2026-03-11T09:00:00Z,,portal\n"
)


def stored(store: Store) -> list[tuple]:
    return store.fetchall("SELECT * FROM application_facts ORDER BY candidate_id, process_id")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_an_import_stores_each_applications_facts_worked_by_hand(store):
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    rows = store.fetchall(
        "SELECT candidate_id, applied_at, ack_at, decision_at, notice_at, closed_at, department, "
        "silence_before_last_s, silence_last_s, last_event_at FROM application_facts ORDER BY candidate_id")
    assert rows == [
        # applied 09:00, contacts 10:00 (1 h = 3600 s) and four days later (96 h = 345600 s); still open
        ("c1", utc(2026, 3, 2, 9), utc(2026, 3, 2, 10), None, None, None, "IT",
         345600.0, utc(2026, 3, 6, 10).timestamp(), utc(2026, 3, 6, 10)),
        # told two days after applying: the timeline is closed by the notice, its one gap is 48 h
        ("c2", utc(2026, 3, 3, 9), utc(2026, 3, 5, 9), utc(2026, 3, 4, 9), utc(2026, 3, 5, 9), utc(2026, 3, 5, 9), "HR",
         172800.0, utc(2026, 3, 5, 9).timestamp(), utc(2026, 3, 5, 9)),
    ]
    with store.cursor() as cursor:
        assert facts_are_current(cursor)


def test_silences_of_sub_second_times_are_duckdbs_epoch_to_the_last_bit(store):
    """Gaps of 1.25 s and 2.625 s between times with microseconds. The stored seconds are DuckDB's
    epoch() of those instants, bit for bit (what the reads measure "as of" with), not the microseconds
    divided by a million, which differs from it in the last bit for each of these three times."""
    data = HEADER + (
        "c1,p1,application_received,2026-03-02T09:00:00.005123Z,,portal\n"
        "c1,p1,acknowledgement_sent,2026-03-02T09:00:01.255123Z,,email\n"
        "c1,p1,status_update_sent,2026-03-02T09:00:03.880123Z,,email\n"
    )
    assert import_bytes(store, data.encode(), "microseconds.csv").ok
    [(before_last, last)] = store.fetchall("SELECT silence_before_last_s, silence_last_s FROM application_facts")
    applied, ack, update = store.fetchall(
        "SELECT epoch(TIMESTAMPTZ '2026-03-02 09:00:00.005123Z'), epoch(TIMESTAMPTZ '2026-03-02 09:00:01.255123Z'), "
        "epoch(TIMESTAMPTZ '2026-03-02 09:00:03.880123Z')")[0]
    assert last == update
    assert before_last == max(ack - applied, update - ack)
    assert abs(before_last - 2.625) < 1e-6


def test_the_silence_to_as_of_is_measured_when_read_not_stored(store):
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    facts = application_facts(store).set_index("candidate_id")
    # as of = the latest event, 2026-03-06 10:00: c1's last contact is that moment, so its longest
    # silence is the 4 days between its two contacts; c2's timeline ended with the notice: 2 days.
    assert facts.loc["c1", "longest_silence_d"] == 4.0
    assert facts.loc["c2", "longest_silence_d"] == 2.0
    later = application_facts(store, as_of=utc(2026, 3, 16, 10)).set_index("candidate_id")
    assert later.loc["c1", "longest_silence_d"] == 10.0   # 6 to 16 March: the silence has grown
    assert later.loc["c2", "longest_silence_d"] == 2.0


def test_a_second_import_recomputes_only_the_applications_it_touched(store):
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    before = {row[0]: row for row in stored(store)}
    # Mark c2's row: a recomputation of c2 would overwrite the mark.
    store.fetchall("UPDATE application_facts SET department = 'untouched' WHERE candidate_id = 'c2'")
    assert import_bytes(store, SECOND.encode(), "second.csv").ok
    after = {row[0]: row for row in stored(store)}
    assert set(after) == {"c1", "c2", "c3"}
    assert store.scalar("SELECT department FROM application_facts WHERE candidate_id = 'c2'") == "untouched"
    assert after["c1"] != before["c1"]
    assert store.fetchall("SELECT interviews, last_interview_at FROM application_facts WHERE candidate_id = 'c1'") == [
        (1, utc(2026, 3, 10, 10))]


def test_after_imports_and_undo_the_stored_facts_equal_a_full_recomputation(store):
    first = import_bytes(store, FIRST.encode(), "first.csv")
    second = import_bytes(store, SECOND.encode(), "second.csv")
    incremental = stored(store)
    with store.transaction() as cursor:
        refresh_application_facts(cursor)
    assert stored(store) == incremental

    undo_import(store, second.import_id)
    assert [row[0] for row in stored(store)] == ["c1", "c2"]   # c3 had no other events
    undone = stored(store)
    assert store.fetchall("SELECT interviews FROM application_facts WHERE candidate_id = 'c1'") == [(0,)]
    with store.transaction() as cursor:
        refresh_application_facts(cursor)
    assert stored(store) == undone
    undo_import(store, first.import_id)
    assert stored(store) == []


def test_given_applications_are_recomputed_and_one_without_events_loses_its_facts(store):
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    with store.transaction() as cursor:
        cursor.execute("DELETE FROM events WHERE candidate_id = 'c2'")
        cursor.execute("DELETE FROM events WHERE candidate_id = 'c1' AND event_type = 'status_update_sent'")
        refresh_application_facts(cursor, [("c1", "p1"), ("c2", "p1")])
    assert store.fetchall("SELECT candidate_id, last_contact_at FROM application_facts") == [("c1", utc(2026, 3, 2, 10))]
    with store.cursor() as cursor:
        assert facts_are_current(cursor)


def test_a_store_written_by_other_means_gets_its_facts_once(store):
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    store.fetchall("INSERT INTO events VALUES (99, 'c9', 'p2', 'application_received', TIMESTAMPTZ '2026-03-06 08:00:00+00', "
                   "NULL, NULL, NULL, NULL, NULL)")
    with store.cursor() as cursor:
        assert not facts_are_current(cursor)
    assert ensure_application_facts(store) is True
    assert ensure_application_facts(store) is False
    assert "c9" in [row[0] for row in stored(store)]


def test_an_older_store_is_given_its_facts_when_read(tmp_path):
    path = tmp_path / "old.duckdb"
    store = Store(path)
    assert import_bytes(store, FIRST.encode(), "first.csv").ok
    # As an older version left it: events, no facts.
    store.fetchall("DELETE FROM application_facts")
    store.fetchall("DELETE FROM application_facts_state")
    store.close()
    reopened = Store(path)
    assert application_facts(reopened)["candidate_id"].tolist() == ["c1", "c2"]
    assert len(stored(reopened)) == 2
