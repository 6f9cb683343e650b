"""`python -m analytics import`: --format, --json, --no-messages, and a success line naming the format."""

from __future__ import annotations

import json

from analytics.cli import main
from analytics.store import Store
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ats"


def test_import_json_accounts_for_every_row_and_says_what_the_file_cannot_measure(tmp_path, capsys):
    db = tmp_path / "radar.duckdb"
    assert main(["import", "--db", str(db), "--json", str(FIXTURES / "teamtailor_applications.csv"),
                 str(FIXTURES / "teamtailor_nps.csv")]) == 0
    applications, nps = json.loads(capsys.readouterr().out)
    assert {key: applications[key] for key in ("file", "format", "kind", "rows_read", "stored", "already_stored",
                                                "left_out")} == {
        "file": "teamtailor_applications.csv", "format": "teamtailor_applications", "kind": "events",
        "rows_read": 4, "stored": 3, "already_stored": 0, "left_out": {"sourced": 1}}
    assert applications["cannot_measure"]["ghosted"].startswith("no message times in this export")
    assert "outcome_known" not in applications["cannot_measure"]
    # three surveys sent (one never answered), two answers: the counts of the file
    assert (nps["format"], nps["rows_read"], nps["stored"], nps["left_out"]) == ("teamtailor_nps", 3, 3, {})
    assert "survey_response_rate" not in nps["cannot_measure"]
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM events WHERE event_type = 'survey_sent'") == 3
    assert store.scalar("SELECT count(*) FROM survey_responses") == 2


def test_import_format_forces_a_preset_and_the_success_line_names_it(tmp_path, capsys):
    db = tmp_path / "radar.duckdb"
    assert main(["import", "--db", str(db), "--format", "lever_opportunities",
                 str(FIXTURES / "lever_opportunities_export.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lever_opportunities_export.csv: read as lever_opportunities: 3 rows read, 2 stored, "
                          "0 already stored, 0 rejected, 1 left out.")
    assert "1 left out: leads who never applied" in out
    assert main(["import", "--db", str(db), "--format", "workday", str(FIXTURES / "easycruit.csv")]) == 1
    assert "date_and_time_initiated" in capsys.readouterr().err


def test_no_messages_narrows_what_a_canonical_file_records(tmp_path, capsys):
    log = tmp_path / "log.csv"
    log.write_text("candidate_id,process_id,event_type,occurred_at\nc1,p1,application_received,2026-03-02T09:00:00Z\n",
                   encoding="utf-8")
    db = tmp_path / "radar.duckdb"
    assert main(["import", "--db", str(db), "--json", "--no-messages", str(log)]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    assert report["records"] == ["applications", "decisions", "interviews", "personal_feedback", "surveys_sent"]
    assert "ack_within_sla_share" in report["cannot_measure"]
    assert main(["import", "--db", str(db), "--json", "--records", "applications,decisions", str(log)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["records"] == ["applications", "decisions"]
