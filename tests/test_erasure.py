"""Erasure, access requests and retention (issue 13): every row of a candidate goes, from every table,
and its text is gone from the database file's bytes; other candidates are untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analytics.access import LOCAL_ADMINISTRATOR as ADMIN
from analytics.access import Principal, Role
from analytics.audit import entries
from analytics.cli import main
from analytics.erasure import (
    apply_retention,
    candidate_record,
    candidates_by_email,
    erase_candidates,
    expired_applications,
)
from analytics.ingest.importer import import_bytes, undo_import
from analytics.store import Store, StoreError
from tests.conftest import ROOT

EVENTS = """candidate_id,candidate_email,process_id,event_type,occurred_at,process_name,recruiter,channel
C-ZORVATH-1,,P-1,application_received,2026-03-02 09:00,Sjuksköterska,Karin,portal
C-ZORVATH-1,,P-1,interview_held,2026-03-10 13:00,Sjuksköterska,Karin,in_person
C-ZORVATH-1,,P-2,application_received,2026-03-03 09:00,Undersköterska,Karin,portal
C-2,,P-1,application_received,2026-03-02 10:00,Sjuksköterska,Karin,portal
C-2,,P-1,acknowledgement_sent,2026-03-02 11:00,Sjuksköterska,Karin,email
C-3,bo.ek@example.se,P-2,application_received,2026-04-20 09:00,Undersköterska,Karin,portal
,anna.berg@example.se,P-2,application_received,2026-04-21 09:00,Undersköterska,Karin,portal
"""
SURVEYS = """candidate_id,process_id,submitted_at,nps,comment,rating_communication
C-ZORVATH-1,P-1,2026-03-20 10:00,3,Flamingoträdgården kändes kylig och ingen ringde,2
C-2,P-1,2026-03-21 10:00,9,Trevligt bemötande hela vägen,5
"""
ERASED_TEXT = (b"C-ZORVATH-1", "Flamingoträdgården".encode())


def database_files(store: Store) -> dict[str, bytes]:
    """Every file of the store in its folder (database, write-ahead log, anything left beside them)."""
    return {path.name: path.read_bytes() for path in store.path.parent.iterdir()
            if path.name.startswith(store.path.name) and not path.name.endswith(".key")}


def found(store: Store, text: bytes) -> list[str]:
    return [name for name, data in database_files(store).items() if text in data]


def others(store: Store) -> dict[str, list]:
    """Every stored row not about C-ZORVATH-1, table by table (keys joined to their owners)."""
    erased = "'C-ZORVATH-1'"
    return {
        "events": store.fetchall(f"SELECT * FROM events WHERE candidate_id <> {erased} ORDER BY ALL"),
        "event_sources": store.fetchall(
            f"SELECT * FROM event_sources WHERE event_key IN (SELECT event_key FROM events WHERE candidate_id <> {erased}) "
            "ORDER BY ALL"),
        "survey_responses": store.fetchall(f"SELECT * FROM survey_responses WHERE candidate_id <> {erased} ORDER BY ALL"),
        "survey_ratings": store.fetchall(
            "SELECT * FROM survey_ratings WHERE response_key IN "
            f"(SELECT response_key FROM survey_responses WHERE candidate_id <> {erased}) ORDER BY ALL"),
        "candidate_aliases": store.fetchall("SELECT * FROM candidate_aliases ORDER BY ALL"),
        "imports": store.fetchall("SELECT * FROM imports ORDER BY ALL"),
        "settings": store.fetchall("SELECT * FROM settings ORDER BY ALL"),
    }


@pytest.fixture
def held(tmp_path) -> Store:
    store = Store(tmp_path / "radar.duckdb")
    store.save_settings(silence_limit_days=10.0)
    assert import_bytes(store, EVENTS.encode(), "events.csv").ok
    assert import_bytes(store, SURVEYS.encode(), "surveys.csv").ok
    store._con.execute("CHECKPOINT")   # as the app does in time: the rows are in the database file itself
    yield store
    store.close()


def test_erase_removes_every_row_of_the_candidate_and_its_text_from_the_file(held):
    for text in ERASED_TEXT:
        assert found(held, text) == ["radar.duckdb"]   # the byte search sees stored text
    kept = others(held)
    removal = erase_candidates(held, ["C-ZORVATH-1"], ADMIN)
    # 3 events with their 3 sources; 1 answer, its rating and its source; 2 applications
    assert (removal.applications, removal.candidates) == (2, 1)
    assert removal.rows == {"events": 3, "event_sources": 3, "survey_responses": 1, "survey_ratings": 1,
                            "survey_sources": 1}
    for text in ERASED_TEXT:
        assert found(held, text) == []
    assert others(held) == kept
    assert held.settings().silence_limit_days == 10.0
    # Import ids are never reused: the sequence survived the rewrite.
    assert import_bytes(held, SURVEYS.encode(), "again.csv").import_id == 3


def test_a_plain_delete_leaves_the_text_in_the_file(held):
    """The reproduction: DuckDB keeps deleted rows' bytes, which is why erasure rewrites the file."""
    held.fetchall("DELETE FROM events WHERE candidate_id = 'C-ZORVATH-1'")
    held._con.execute("CHECKPOINT")
    assert found(held, b"C-ZORVATH-1") == ["radar.duckdb"]


def test_undo_removes_the_import_text_from_the_file(held):
    extra = "candidate_id,process_id,event_type,occurred_at,process_name\nC-9,P-9,application_received,2026-04-01,Kvastfabriken\n"
    report = import_bytes(held, extra.encode(), "extra.csv")
    held._con.execute("CHECKPOINT")
    assert found(held, b"Kvastfabriken") == ["radar.duckdb"]
    undo_import(held, report.import_id)
    assert found(held, b"Kvastfabriken") == [] and found(held, b"C-9,") == []
    assert held.scalar("SELECT count(*) FROM events") == 7


def test_an_email_address_finds_the_candidate_by_pseudonym_and_by_alias(held):
    anna = candidates_by_email(held, " Anna.Berg@EXAMPLE.se ")
    assert len(anna) == 1 and anna[0].startswith("anon-")
    assert candidates_by_email(held, "Bo Ek <bo.ek@example.se>") == ["C-3"]
    assert candidates_by_email(held, "nobody@example.se") == []
    erase_candidates(held, anna, ADMIN)
    assert held.scalar("SELECT count(*) FROM events WHERE candidate_id = ?", anna) == 0
    assert held.scalar("SELECT count(*) FROM candidate_aliases") == 1   # Bo's alone


def test_the_access_export_holds_every_row_about_the_candidate(held):
    record = candidate_record(held, ["C-ZORVATH-1"], ADMIN, made_at=datetime(2026, 5, 1, tzinfo=UTC))
    assert record["candidate_ids"] == ["C-ZORVATH-1"] and record["made_at"] == "2026-05-01T00:00:00+00:00"
    tables = record["tables"]
    # application_facts: what the store derived from the candidate's events is theirs to see too
    assert sorted(tables) == ["application_facts", "event_sources", "events", "survey_ratings", "survey_responses",
                              "survey_sources"]
    # in time order, not as the file or the store happens to hold them
    assert [(e["process_id"], e["event_type"], e["occurred_at"]) for e in tables["events"]] == [
        ("P-1", "application_received", "2026-03-02T08:00:00.000Z"),   # 09:00 in Stockholm, CET
        ("P-2", "application_received", "2026-03-03T08:00:00.000Z"),
        ("P-1", "interview_held", "2026-03-10T12:00:00.000Z"),
    ]
    answer = tables["survey_responses"][0]
    assert (answer["nps"], answer["comment"]) == (3, "Flamingoträdgården kändes kylig och ingen ringde")
    assert tables["survey_ratings"][0]["rating"] == "communication" and tables["survey_ratings"][0]["value"] == 2
    assert [i["file_name"] for i in record["imports"]] == ["events.csv", "surveys.csv"]
    assert "C-2" not in json.dumps(record)


def test_retention_removes_applications_whose_last_activity_is_older(held):
    # As of 2026-07-15, 4 months back is 2026-03-15. Last activity per application:
    #   C-ZORVATH-1/P-1 answer 2026-03-20 (kept), C-ZORVATH-1/P-2 2026-03-03 (removed),
    #   C-2/P-1 answer 2026-03-21 (kept), C-3/P-2 2026-04-20 (kept), anna/P-2 2026-04-21 (kept).
    now = datetime(2026, 7, 15, tzinfo=UTC)
    assert expired_applications(held, 4, now) == 1
    removal = apply_retention(held, 4, ADMIN, now)
    assert (removal.applications, removal.candidates, removal.rows) == (1, 0, {"events": 1, "event_sources": 1})
    assert held.fetchall("SELECT DISTINCT process_id FROM events WHERE candidate_id = 'C-ZORVATH-1'") == [("P-1",)]
    assert found(held, "Undersköterska".encode()) == ["radar.duckdb"]   # still held by others
    # Five months: everything before 2026-02-15 - nothing; three months (before 2026-04-15): all of March.
    assert expired_applications(held, 5, now) == 0
    removal = apply_retention(held, 3, ADMIN, now)
    assert (removal.applications, removal.candidates) == (2, 2)
    assert held.fetchall("SELECT DISTINCT candidate_id FROM events ORDER BY 1")[0] == ("C-3",)
    for text in ERASED_TEXT:
        assert found(held, text) == []
    with pytest.raises(ValueError, match="at least 1"):
        expired_applications(held, 0, now)


def test_cli_erase_export_and_retention(held, tmp_path, capsys):
    path = held.path
    held.close()
    out = tmp_path / "zorvath.json"
    assert main(["export-candidate", "--db", str(path), "--candidate-id", "C-ZORVATH-1", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["tables"]["events"]) == 3
    assert main(["erase", "--db", str(path), "--candidate-id", "C-ZORVATH-1"]) == 0
    assert "erased C-ZORVATH-1: 2 applications, 9 rows" in capsys.readouterr().out
    assert main(["erase", "--db", str(path), "--email", "anna.berg@example.se"]) == 0
    assert "1 applications" in capsys.readouterr().out
    assert main(["erase", "--db", str(path), "--candidate-id", "C-404"]) == 1
    assert "nothing is held about C-404" in capsys.readouterr().err
    assert main(["retention", "--db", str(path), "--months", "1", "--dry-run"]) == 0
    assert "would remove 2 applications" in capsys.readouterr().out
    assert main(["retention", "--db", str(path), "--months", "1"]) == 0
    assert "removed 2 applications" in capsys.readouterr().out
    assert main(["retention", "--db", str(path)]) == 1
    assert "retention_months" in capsys.readouterr().err
    reopened = Store(path)
    assert reopened.scalar("SELECT count(*) FROM events") == 0
    files = database_files(reopened)
    reopened.close()
    assert all(b"C-ZORVATH-1" not in data and b"bo.ek" not in data for data in files.values())


def test_a_leftover_rewrite_copy_is_removed_on_open(tmp_path):
    store = Store(tmp_path / "radar.duckdb")
    store.close()
    Path(f"{store.path}.rewrite").write_bytes(b"half a copy")
    Store(store.path).close()
    assert not Path(f"{store.path}.rewrite").exists()


def test_a_rewrite_that_fails_keeps_the_database_and_says_what_to_do(held, monkeypatch):
    """A failed rename (the moment a crash would hit) leaves the old file, readable, and no copy."""
    import analytics.store

    def no_rename(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(analytics.store.os, "replace", no_rename)
    with pytest.raises(StoreError, match="The database is as it was; run the command again"):
        erase_candidates(held, ["C-ZORVATH-1"], ADMIN)
    monkeypatch.undo()
    assert sorted(database_files(held)) == ["radar.duckdb"]
    assert held.scalar("SELECT count(*) FROM events") == 4   # the deletion itself was committed
    assert found(held, b"C-ZORVATH-1") == ["radar.duckdb"]    # its bytes wait for the next rewrite
    erase_candidates(held, ["C-ZORVATH-1"], ADMIN)                   # running it again finishes the job
    assert found(held, b"C-ZORVATH-1") == []


def test_a_full_disk_during_the_copy_is_reported_and_the_database_kept(held):
    """The kernel refuses writes beyond the database's own size (a file-size limit stands in for a full disk)."""
    held.close()
    script = textwrap.dedent(f"""
        import os, resource
        from analytics.store import Store, StoreError
        store = Store({str(held.path)!r})
        store.fetchall("DELETE FROM events WHERE candidate_id = 'C-ZORVATH-1'")
        store._con.execute("CHECKPOINT")
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
        try:
            store.rewrite()
            print("rewritten")
        except StoreError as error:
            print("refused:", error)
        print(store.scalar("SELECT count(*) FROM events"), flush=True)
        os._exit(0)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=os.environ | {"PYTHONPATH": str(ROOT)})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("refused: Could not rewrite") and "free disk space" in lines[0], result.stdout + result.stderr
    assert lines[1] == "4"
    reopened = Store(held.path)
    assert reopened.scalar("SELECT count(*) FROM events") == 4
    assert sorted(database_files(reopened)) == ["radar.duckdb"]
    reopened.close()


def test_only_an_administrator_may_erase_export_or_run_retention_and_each_is_audited(held):
    from analytics.access import AccessDenied

    analyst = Principal("ana@example.se", Role.ANALYST)
    for attempt in (lambda: erase_candidates(held, ["C-ZORVATH-1"], analyst),
                    lambda: candidate_record(held, ["C-ZORVATH-1"], analyst),
                    lambda: apply_retention(held, 1, analyst)):
        with pytest.raises(AccessDenied, match="only administrator may"):
            attempt()
    assert held.scalar("SELECT count(*) FROM events WHERE candidate_id = 'C-ZORVATH-1'") == 3
    candidate_record(held, ["C-ZORVATH-1"], ADMIN)
    erase_candidates(held, ["C-ZORVATH-1"], ADMIN)
    apply_retention(held, 1, ADMIN, datetime(2026, 3, 1, tzinfo=UTC))
    log = entries(held, ADMIN)
    assert [(row.actor, row.action, json.loads(row.details)) for row in log.itertuples()] == [
        ("local administrator", "retention", {"months": 1, "applications": 0, "rows": 0}),
        ("local administrator", "erase", {"candidates": 1, "applications": 2, "rows": 9}),
        ("local administrator", "export_candidate", {"tables": 6}),
    ]
    assert found(held, b"C-ZORVATH-1") == []   # the log keeps no trace of whom
