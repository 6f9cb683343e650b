"""Issue 13's reproductions for what Radar writes: no live formula behind a control character, white
space or a full-width sign, and no e-mail-shaped candidate id in clear in the store, its aliases,
reports or the action list."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io

import pytest
from openpyxl import load_workbook

from analytics.ingest.importer import import_bytes
from analytics.measure.actions import action_list, action_table
from analytics.present.exports import to_csv_bytes, to_xlsx_bytes
from analytics.present.reports import ReportScope, build_report
from analytics.spreadsheet import formula_safe
from analytics.store import Store

HEADER = "candidate_id,process_id,event_type,occurred_at,process_name,recruiter\n"


def events_file(candidate: str, process_name: str) -> bytes:
    """Three applications: one rejected after an interview without feedback, one silent for 55 days
    (an action each), and a late one that sets "as of"."""
    rows = [
        (candidate, "application_received", "2026-01-05 09:00"), (candidate, "interview_held", "2026-01-10 10:00"),
        (candidate, "rejected", "2026-01-12 10:00"),
        ("C-2", "application_received", "2026-01-05 09:00"),
        ("C-3", "application_received", "2026-03-01 09:00"),
    ]
    quoted = '"' + process_name.replace('"', '""') + '"'
    return (HEADER + "".join(f'"{c}",P-1,{e},{at},{quoted},Karin\n' for c, e, at in rows)).encode()


def formulas(workbook_bytes: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    return [f"{sheet.title}!{cell.coordinate}" for sheet in workbook for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))]


def texts(workbook_bytes: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    return [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


@pytest.mark.parametrize("evil", [
    '\x01=HYPERLINK("http://evil.example","x")',          # the reproduction: a control character in front
    ' =HYPERLINK("http://evil.example","x")',             # leading white space
    '\u3000\x7f=HYPERLINK("http://evil.example","x")',    # ideographic space and DEL
    '\uff1dHYPERLINK("http://evil.example","x")',         # full-width equals sign
])
def test_no_live_formula_in_the_report_or_the_action_list(store, evil):
    assert import_bytes(store, events_file("C-1", evil), "evil.csv").ok
    assert "HYPERLINK" in store.scalar("SELECT any_value(process_name) FROM events")   # stored (trimmed)
    report = build_report(store, ReportScope(), "xlsx")
    actions = action_table(action_list(store), "en")
    assert len(actions) == 2
    action_xlsx = to_xlsx_bytes({"actions": actions})
    for workbook in (report, action_xlsx):
        assert formulas(workbook) == []
        assert any("HYPERLINK" in text for text in texts(workbook)), "the process name should be in the file"
    shown = [text for text in texts(action_xlsx) if "HYPERLINK" in text]
    assert shown and all(text.startswith("'") and "\x01" not in text and "\x7f" not in text for text in shown)
    csv_text = to_csv_bytes(actions).decode("utf-8-sig")
    assert "\x01" not in csv_text and "\x7f" not in csv_text
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row if "HYPERLINK" in cell]
    assert len(cells) == 2 and all(cell.startswith("'") for cell in cells)


def test_formula_safe_by_hand():
    assert formula_safe("\x01=1+1") == "'=1+1"
    assert formula_safe("  @SUM(A1)") == "'  @SUM(A1)"
    assert formula_safe("\uff0b46 70") == "'\uff0b46 70"
    assert formula_safe("\uff0d2") == "'\uff0d2"
    assert formula_safe("\uff20x") == "'\uff20x"
    assert formula_safe("Line one\nline two") == "Line one\nline two"
    assert formula_safe("a\x00b\x1fc") == "abc"
    assert formula_safe("Öberg = bra") == "Öberg = bra"


ANNA = "Anna Svensson <anna.svensson.12@example.se>"
FORBIDDEN = ("Svensson", "svensson", "anna.svensson.12@example.se", "Anna S")


def _pseudonym_of(key: bytes, address: str) -> str:
    return "anon-" + hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:20]


def test_an_email_shaped_candidate_id_is_pseudonymised_in_every_written_form(tmp_path):
    store = Store(tmp_path / "radar.duckdb")
    assert import_bytes(store, events_file(ANNA, "Sjuksköterska"), "anna.csv").ok
    expected = _pseudonym_of(store.secret_key(), "anna.svensson.12@example.se")
    assert store.scalar("SELECT count(*) FROM events WHERE candidate_id = ?", [expected]) == 3
    assert store.fetchall("SELECT DISTINCT candidate_id FROM candidate_aliases") == [(expected,)]
    # A later file that names her by the bare address lands on the same candidate.
    bare = events_file("anna.svensson.12@example.se", "Sjuksköterska").replace(b"2026-01-12", b"2026-01-13")
    assert import_bytes(store, bare, "bare.csv").ok
    assert store.scalar("SELECT count(DISTINCT candidate_id) FROM events") == 3
    written = {
        "action list csv": to_csv_bytes(action_table(action_list(store), "en")),
        "action list xlsx text": "\n".join(texts(to_xlsx_bytes({"a": action_table(action_list(store), "en")}))).encode(),
        "report html": build_report(store, ReportScope(), "html"),
        "report xlsx text": "\n".join(texts(build_report(store, ReportScope(), "xlsx"))).encode(),
    }
    assert expected.encode() in written["action list csv"]   # she is on the list, under her pseudonym
    store.close()
    files = [store.path, store.path.with_name(store.path.name + ".wal")]
    written |= {path.name: path.read_bytes() for path in files if path.exists()}
    assert b"Sjuksk" in written["radar.duckdb"]   # the byte search finds stored text
    for name, data in written.items():
        for word in FORBIDDEN:
            assert word.encode() not in data, f"{word!r} in {name}"
