"""Message traces: the done-when of issue 12 on a complete log split as an employer's files would be.

The fixtures (tests/message_trace_fixtures.py) write out the complete log, the events file, the
Exchange trace and the Google export, with every piece of noise explained where it is placed.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from message_trace_fixtures import (
    ADDRESSES,
    AS_OF,
    CANDIDATE_NAMES,
    COMPLETE_LOG,
    EMPLOYER,
    Row,
    complete_log_csv,
    exchange_trace,
    google_export,
    messages_for,
    split_files,
)

from analytics.cli import main as cli_main
from analytics.ingest.importer import import_bytes, import_file, undo_import
from analytics.measure.metrics import metrics_by
from analytics.store import Store

CONTACT_COLUMNS = ["applications", "ack_latency_h_median", "ack_latency_h_p90", "ack_eligible", "ack_within_sla_share",
                   "notice_latency_h_median", "outcome_known", "outcome_informed", "outcome_coverage",
                   "longest_silence_d_median", "ghosted", "ghosted_share"]


def _store(folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    return Store(folder / "radar.duckdb")


def _metrics(store: Store):
    return metrics_by(store, "process", as_of=AS_OF).set_index("process_id")[CONTACT_COLUMNS]


def _import_split(store: Store, files: dict[str, str] | None = None) -> dict:
    reports = {}
    for name, text in (files or split_files()).items():
        # The ATS export records no messages: declared so on import, the engine asks the traces.
        report = import_bytes(store, text.encode("utf-8"), name,
                              not_recorded={"messages"} if name == "events.csv" else ())
        assert report.ok, report.error_message()
        reports[name] = report
    assert "messages" not in reports["events.csv"].evidence
    return reports


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    store = _store(tmp_path_factory.mktemp("complete"))
    assert import_bytes(store, complete_log_csv().encode(), "complete.csv").ok
    yield _metrics(store)
    store.close()


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    store = _store(tmp_path_factory.mktemp("split"))
    reports = _import_split(store)
    yield store, reports
    store.close()


def test_the_three_files_give_the_complete_logs_contact_metrics(complete, split):
    store, _ = split
    assert _metrics(store).equals(complete)
    # and the complete log's numbers, worked out by hand (fixture comments):
    nurse, developer = complete.loc["REQ-101"], complete.loc["REQ-202"]
    assert nurse["applications"] == 4 and developer["applications"] == 4
    assert nurse["ack_latency_h_median"] == 22            # 5 min, 22 h, 76 h; C-4 never
    assert nurse["ack_within_sla_share"] == 0.5           # 2 of 4
    assert nurse["notice_latency_h_median"] == (17 + 120) / 2   # C-1 17 h, C-2 120 h
    assert nurse["outcome_coverage"] == 1.0 and nurse["ghosted"] == 1     # C-4
    assert developer["notice_latency_h_median"] == (4 + 23.5) / 2       # C-6 4 h (the call), C-1 23.5 h
    assert developer["outcome_known"] == 3 and developer["outcome_informed"] == 2   # C-5 never told
    assert developer["ghosted"] == 1                                     # C-5


def test_the_trace_gives_the_same_events_as_the_complete_log(split):
    store, _ = split
    expected = sorted((row.candidate, row.process, row.event_type, row.utc.replace(tzinfo=UTC))
                      for row in COMPLETE_LOG if row.channel == "email")
    stored = store.fetchall("SELECT candidate_id, process_id, event_type, occurred_at FROM events "
                            "WHERE channel = 'email' ORDER BY ALL")
    assert stored == expected


def test_every_row_is_counted_once_by_reason(split):
    _, reports = split
    exchange, google = reports["exchange-trace.csv"].trace, reports["google-email-log.csv"].trace
    # Exchange: 9 contacts + 7 noise + 1 repeated row = 17 read, 9 kept
    assert (exchange.messages_read, exchange.kept) == (17, 9)
    assert exchange.left_out == {"not_delivered": 3, "from_candidate": 1, "not_to_candidate": 3, "duplicate": 1,
                                 "no_open_application": 0}
    assert (exchange.candidates, exchange.applications, exchange.ambiguous) == (3, 3, 0)
    assert exchange.date_order == "mdy"
    assert exchange.event_types == {"acknowledgement_sent": 3, "interview_scheduled": 2, "offer_made": 1,
                                    "rejection_sent": 2, "status_update_sent": 1}
    # the trace's period: its first and last message, whoever they were between
    assert (exchange.covers_from, exchange.covers_to) == (datetime(2026, 3, 1, 7, tzinfo=UTC),
                                                          datetime(2026, 4, 15, 15, tzinfo=UTC))
    # Google: 8 contacts + 3 noise + 1 repeated row + 1 message the Exchange trace already brought
    assert (google.messages_read, google.kept) == (13, 8)
    assert google.left_out == {"not_delivered": 0, "from_candidate": 1, "not_to_candidate": 2, "duplicate": 2,
                               "no_open_application": 0}
    # C-1 had both applications open when the REQ-202 acknowledgement went out: the subject named it
    assert (google.candidates, google.applications) == (4, 4)
    assert google.event_types == {"acknowledgement_sent": 4, "interview_scheduled": 1, "rejection_sent": 2,
                                  "status_update_sent": 1}


def test_evidence_covers_each_traces_period(split):
    store, reports = split
    rows = store.fetchall("SELECT import_id, evidence, scope, covers_from, covers_to FROM import_evidence "
                          "WHERE evidence = 'messages' ORDER BY import_id")
    assert rows == [
        (reports["exchange-trace.csv"].import_id, "messages", "addressed", datetime(2026, 3, 1, 7, tzinfo=UTC),
         datetime(2026, 4, 15, 15, tzinfo=UTC)),
        (reports["google-email-log.csv"].import_id, "messages", "addressed", datetime(2026, 3, 1, 6, tzinfo=UTC),
         datetime(2026, 4, 15, 17, tzinfo=UTC)),
    ]


def _with(rows: list[Row], *extra: Row) -> list[Row]:
    return rows + list(extra)


def test_counting_a_failed_delivery_or_a_reply_would_change_the_numbers(complete, tmp_path):
    """The noise sits where it matters: each piece, counted as a contact, moves a metric."""
    variants = {
        # C-2's failed notice of 03-11 11:00 counted: notice latency 1 h instead of 120 h
        "failed notice": _with(COMPLETE_LOG, Row("C-2", "REQ-101", "rejection_sent", "03-11 11:00", "email")),
        # C-4's own question counted as a contact: C-4 acknowledged after 23.5 h
        "C-4 reply": _with(COMPLETE_LOG, Row("C-4", "REQ-101", "status_update_sent", "03-05 08:30", "email")),
        # C-5's reply after the decision counted as the notice: C-5 informed, no longer ghosted
        "C-5 reply": _with(COMPLETE_LOG, Row("C-5", "REQ-202", "rejection_sent", "03-05 09:00", "email")),
        # the pending acknowledgement to C-4 counted: within the SLA, 3 of 4 instead of 2 of 4
        "pending": _with(COMPLETE_LOG, Row("C-4", "REQ-101", "acknowledgement_sent", "03-05 10:00", "email")),
    }
    changed = {
        "failed notice": ("REQ-101", "notice_latency_h_median"),
        "C-4 reply": ("REQ-101", "ack_latency_h_median"),
        "C-5 reply": ("REQ-202", "ghosted"),
        "pending": ("REQ-101", "ack_within_sla_share"),
    }
    for name, rows in variants.items():
        store = _store(tmp_path / name.replace(" ", "-"))
        assert import_bytes(store, complete_log_csv(rows).encode(), "variant.csv").ok
        process, column = changed[name]
        assert _metrics(store).loc[process, column] != complete.loc[process, column], name
        store.close()


def test_no_address_subject_or_name_reaches_the_database_file(split):
    store, _ = split
    with store.transaction() as cursor:
        cursor.execute("CHECKPOINT")
    words = {EMPLOYER, "chef.vard@vardbolaget.se", "faktura@annonsbyran.example", "erik.lund@example.org"}
    for language in ("sv", "en"):
        for message in messages_for(language):
            words |= {message.sender, message.recipient, message.subject, message.message_id}
    for addresses in ADDRESSES.values():
        for address in addresses:
            words |= {address, address.lower(), address.split("<")[-1].rstrip(">").removeprefix("mailto:")}
    # names, and the subjects whole (their template parts are the product's own subject patterns)
    words |= set(CANDIDATE_NAMES) | {"Lönesamtal", "Kandidatlista", "Fråga om min ansökan", "Shortlist"}
    data = store.path.read_bytes()
    wal = store.path.with_name(store.path.name + ".wal")
    data += wal.read_bytes() if wal.exists() else b""
    assert b"REQ-101" in data          # the control: stored text is findable in these bytes
    for word in sorted(words):
        for encoding in ("utf-8", "utf-16-le"):
            assert word.encode(encoding) not in data, word
        assert word.lower().encode() not in data, word


def test_aliases_are_keyed_hashes_of_the_normalised_address(split):
    store, _ = split
    key = store.secret_key()

    def keyed(address: str) -> str:
        return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()

    aliases = set(store.fetchall("SELECT address_key, candidate_id FROM candidate_aliases"))
    # 'Anna Berg <Anna.Berg@Example.se>' and 'mailto:anna.berg.privat@example.com' reduced to the address
    assert (keyed("anna.berg@example.se"), "C-1") in aliases
    assert (keyed("anna.berg.privat@example.com"), "C-1") in aliases
    assert (keyed("cecilia.holm@example.se"), "C-3") in aliases
    assert {candidate for _, candidate in aliases} == set(ADDRESSES)
    assert len(aliases) == 8


def test_an_alias_is_captured_from_a_file_with_id_and_address_and_undone_with_it(tmp_path):
    store = _store(tmp_path / "alias")
    data = (b"candidate_id;candidate_email;process_id;event_type;occurred_at\n"
            b"C-9; Lena <LENA@Example.se> ;P-1;application_received;2026-03-02 09:00\n"
            b"C-9;lena.two@example.se;P-1;rejected;2026-03-03 09:00\n")
    report = import_bytes(store, data, "ats.csv")
    assert report.ok
    assert store.fetchall("SELECT candidate_id, count(*) FROM candidate_aliases GROUP BY 1") == [("C-9", 2)]
    undo_import(store, report.import_id)
    assert store.scalar("SELECT count(*) FROM candidate_aliases") == 0


def test_undo_removes_a_traces_events_evidence_and_message_keys(tmp_path):
    store = _store(tmp_path / "undo")
    reports = _import_split(store)
    before = store.scalar("SELECT count(*) FROM events")
    google = reports["google-email-log.csv"]
    result = undo_import(store, google.import_id)
    assert result.events_removed == google.rows_stored == 8
    assert store.scalar("SELECT count(*) FROM events") == before - 8
    assert store.scalar("SELECT count(*) FROM message_keys WHERE import_id = ?", [google.import_id]) == 0
    assert store.scalar("SELECT count(*) FROM import_evidence WHERE import_id = ?", [google.import_id]) == 0
    # imported again, the same messages are new again
    again = import_bytes(store, split_files()["google-email-log.csv"].encode(), "google-email-log.csv")
    assert again.rows_stored == 8 and again.left_out["duplicate"] == 2
    store.close()


def test_the_same_trace_twice_adds_nothing(tmp_path):
    store = _store(tmp_path / "twice")
    reports = _import_split(store)
    again = import_bytes(store, split_files()["exchange-trace.csv"].encode(), "exchange-again.csv")
    assert again.ok and again.rows_stored == 0
    assert again.left_out["duplicate"] == reports["exchange-trace.csv"].trace.kept + 1   # + the repeated row
    store.close()


# -- dates in the exporting machine's culture ------------------------------------------------------

def _exchange_with_times(times: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(["Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "MessageId",
                     "MessageTraceId", "Size"])
    for number, when in enumerate(times):
        writer.writerow([when, EMPLOYER, "nobody@example.se", "Hej", "Delivered", f"<m{number}@x>",
                         f"00000000-0000-0000-0000-{number:012d}", "100"])
    return out.getvalue().encode()


@pytest.mark.parametrize(("times", "order", "first"), [
    (["2026-03-02 09:15:03", "2026-03-13 10:00:00"], "iso", datetime(2026, 3, 2, 9, 15, 3, tzinfo=UTC)),      # sv-SE
    (["3/2/2026 9:15:03 AM", "3/13/2026 1:00:00 PM"], "mdy", datetime(2026, 3, 2, 9, 15, 3, tzinfo=UTC)),     # en-US
    (["02/03/2026 09:15:03", "13/03/2026 13:00:00"], "dmy", datetime(2026, 3, 2, 9, 15, 3, tzinfo=UTC)),      # en-GB
    (["02.03.2026 09:15:03", "03.03.2026 13:00:00"], "dmy", datetime(2026, 3, 2, 9, 15, 3, tzinfo=UTC)),      # de-DE
])
def test_exchange_dates_in_each_culture_are_read_as_utc(tmp_path, times, order, first):
    store = _store(tmp_path / order)
    report = import_bytes(store, _exchange_with_times(times), "trace.csv")
    assert report.ok, report.error_message()
    assert report.trace.date_order == order
    assert report.trace.covers_from == first
    store.close()


def test_dates_that_read_both_ways_ask_for_the_order(tmp_path):
    store = _store(tmp_path / "ambiguous")
    data = _exchange_with_times(["02/03/2026 09:15:03", "05/03/2026 13:00:00"])
    report = import_bytes(store, data, "trace.csv")
    assert not report.ok and report.error_code == "trace_date_order"
    assert "--date-order" in report.error_message("en") and "--date-order" in report.error_message("sv")
    assert store.scalar("SELECT count(*) FROM imports") == 0
    told = import_bytes(store, data, "trace.csv", date_order="dmy")
    assert told.ok and told.trace.covers_to == datetime(2026, 3, 5, 13, tzinfo=UTC)
    store.close()


def test_an_unreadable_date_is_a_row_problem_naming_row_and_column(tmp_path):
    store = _store(tmp_path / "bad")
    data = _exchange_with_times(["2026-03-02 09:15:03", "yesterday", "", "1970-01-01 00:00:00"])
    report = import_bytes(store, data, "trace.csv")
    assert not report.ok and report.error_code == "rows_rejected" and report.problem_count == 3
    lines = report.problem_lines()
    assert lines[0].startswith("trace.csv, row 2 (line 3), column Received: cannot read 'yesterday' as the message's time")
    assert lines[1] == "trace.csv, row 3 (line 4), column Received: the value is empty; every row needs one"
    assert lines[2].startswith("trace.csv, row 4 (line 5), column Received: '1970-01-01 00:00:00' lies outside")
    assert store.scalar("SELECT count(*) FROM imports") == 0
    lenient = import_bytes(store, data, "trace.csv", mode="lenient")
    assert lenient.ok and lenient.rows_rejected == 3 and lenient.trace.messages_read == 4
    store.close()


def test_a_row_that_does_not_fit_the_header_is_a_problem_without_its_text(tmp_path):
    store = _store(tmp_path / "structure")
    lines = _exchange_with_times(["2026-03-02 09:15:03", "2026-03-02 09:16:03", "yesterday"]).decode().splitlines()
    lines[2] += ',"secret.person@example.se","extra"'          # row 2: two fields too many
    data = ("\n".join(lines) + "\n").encode()
    report = import_bytes(store, data, "trace.csv")
    assert not report.ok and report.problem_count == 2 and report.rows_read == 3
    assert report.problem_lines()[0] == ("trace.csv, row 2 (line 3), column (whole row): the row does not fit the "
                                         "header (expected 8 fields, found 10); check for a stray separator or an "
                                         "unclosed quote")
    # the time problem keeps its own row number although the reader skipped row 2
    assert report.problem_lines()[1].startswith("trace.csv, row 3 (line 4), column Received: cannot read 'yesterday'")
    assert "secret.person" not in " ".join(report.problem_lines())
    store.close()


def test_a_trace_with_a_quote_never_closed_is_refused_naming_its_line(tmp_path):
    """Before: "could not be read as a table: Invalid Input Error: Error when sniffing file"."""
    lines = _exchange_with_times([f"2026-03-02 09:{n:02d}:03" for n in range(5)]).decode().splitlines()
    lines[3] = lines[3].replace('"Hej"', '"Hej')   # row 3, line 4
    store = _store(tmp_path / "quote")
    report = import_bytes(store, ("\n".join(lines) + "\n").encode(), "trace.csv", mode="lenient")
    assert (report.ok, report.error_code, report.error_values) == (False, "bad_quotes", {"line": 4})
    assert report.error_message().startswith("trace.csv could not be split into columns: the quote (\") opened on line 4")
    store.close()


@pytest.mark.parametrize("rows_before", [2, 30_000], ids=["seen at the start", "past the reader's first look"])
def test_a_trace_whose_line_ends_change_is_refused_by_line_in_both_modes(tmp_path, rows_before):
    """Before: past the rows DuckDB looks at first, the reader joined the lines after the change into one
    row problem ("expected 8 fields, found 14"), so lenient mode lost their messages; at the start it said
    "Error when sniffing file". Two traces put together, Windows' line ends then Unix'."""
    lines = _exchange_with_times([f"2026-03-02 09:{n % 60:02d}:03" for n in range(rows_before + 3)]).decode().splitlines()
    data = ("\r\n".join(lines[:rows_before + 1]) + "\r\n" + "\n".join(lines[rows_before + 1:]) + "\n").encode()
    line = rows_before + 2   # the header and the rows before the change end with \r\n
    for mode in ("strict", "lenient"):
        store = _store(tmp_path / mode)
        report = import_bytes(store, data, "trace.csv", mode=mode)
        assert (report.ok, report.error_code, report.error_values) == (False, "mixed_line_ends", {"line": line})
        assert report.error_message().startswith(
            f"trace.csv could not be split into rows: line {line:,} ends with another line break than the lines "
            "before it (Windows and Unix line ends mixed")
        assert store.scalar("SELECT count(*) FROM imports") == 0 and store.scalar("SELECT count(*) FROM events") == 0
        store.close()


@pytest.mark.parametrize(("damage", "field", "column", "problem"), [
    (b"\x00", "recipient", "RecipientAddress", "holds a NUL byte"),
    (b"\x81", "subject", "Subject", "holds bytes that are neither UTF-8 nor Windows-1252"),   # 0x81: no cp1252 character
    (b"\x00", "status", "Status", "holds a NUL byte"),   # before: the message read as not delivered
])
def test_a_nul_or_damaged_character_in_a_trace_is_a_row_problem_and_never_stored(tmp_path, damage, field, column,
                                                                                  problem):
    """Before: a NUL in the recipient made the message one "not to a candidate", counted but not named."""
    store = _store(tmp_path / "damaged")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv", not_recorded={"messages"}).ok
    messages = messages_for("sv")
    index = next(i for i, m in enumerate(messages) if m.subject.startswith("Inbjudan"))
    if field == "status":   # written as Exchange words it ("Delivered"): damaged in the message's own line
        value = "Delivered"
        lines = exchange_trace(messages).encode().split(b"\r\n")
        lines[index + 2] = lines[index + 2].replace(b'"Delivered"', b'"Del' + damage + b'ivered"')
        data = b"\r\n".join(lines)
    else:
        value = getattr(messages[index], field)
        messages[index] = replace(messages[index], **{field: value[:3] + "\N{SNOWMAN}" + value[3:]})
        data = exchange_trace(messages).encode().replace("\N{SNOWMAN}".encode(), damage)
    report = import_bytes(store, data, "trace.csv")
    assert not report.ok and report.error_code == "rows_rejected" and report.problem_count == 1
    # row index + 1 of the file, on line index + 3 (the #TYPE line and the header come first); no value shown
    assert report.problem_lines()[0].startswith(f"trace.csv, row {index + 1} (line {index + 3}), column {column}: {problem}")
    assert value[3:] not in report.problem_lines()[0]
    assert store.scalar("SELECT count(*) FROM imports") == 1   # the events file only
    lenient = import_bytes(store, data, "trace.csv", mode="lenient")
    assert lenient.ok and lenient.rows_rejected == 1 and lenient.trace.messages_read == 17
    # the clean trace keeps 9 messages (test_every_row_is_counted_once_by_reason): all but the refused one
    assert lenient.trace.kept == 8 and lenient.trace.left_out["not_to_candidate"] == 3
    assert not store.scalar("SELECT count(*) FROM events WHERE contains(concat_ws('|', candidate_id, process_id, "
                            "event_type, process_name), chr(0)) OR contains(process_name, chr(65533))")
    store.close()


def test_the_admin_center_report_gives_one_message_per_recipient(tmp_path):
    """The historical search report: one row per message, every recipient with its own status."""
    store = _store(tmp_path / "eac")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv").ok
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["origin_timestamp_utc", "sender_address", "recipient_status", "message_subject", "total_bytes",
                     "message_id", "network_message_id", "original_client_ip", "directionality", "connector_id",
                     "delivery_priority"])
    writer.writerow(["2026-03-02T08:20:00.0000000Z", EMPLOYER,
                     "anna.berg@example.se##Receive, Send;chef.vard@vardbolaget.se##Receive, Deliver",
                     "Tack för din ansökan – Sjuksköterska Örebro", "20480", "<a1@vardbolaget.se>", "1f2e", "10.0.0.5",
                     "Originating", "", "Normal"])
    writer.writerow(["2026-03-03T07:00:00.0000000Z", EMPLOYER, "bertil.nilsson@example.se##Receive, Fail",
                     "Tack för din ansökan – Sjuksköterska Örebro", "20480", "<a2@vardbolaget.se>", "1f2f", "10.0.0.5",
                     "Originating", "", "Normal"])
    report = import_bytes(store, out.getvalue().encode("utf-16"), "historical-search.csv")
    assert report.ok, report.error_message()
    assert report.format == "exchange_historical_search"
    assert report.trace.messages_read == 3 and report.trace.kept == 1
    assert report.left_out["not_delivered"] == 1 and report.left_out["not_to_candidate"] == 1
    assert store.fetchall("SELECT candidate_id, event_type, occurred_at FROM events WHERE channel = 'email'") == [
        ("C-1", "acknowledgement_sent", datetime(2026, 3, 2, 8, 20, tzinfo=UTC))]
    store.close()


def test_a_message_log_in_the_documented_shape(tmp_path):
    store = _store(tmp_path / "generic")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv").ok
    data = ("sent_at;sender;recipient;subject;message_id;status\n"
            f"2026-03-02 09:20;{EMPLOYER};Anna Berg <anna.berg@example.se>;Tack för din ansökan;<x1@v>;levererad\n"
            f"2026-03-02 09:25;{EMPLOYER};anna.berg@example.se;Tack för din ansökan;<x2@v>;bounced\n").encode()
    report = import_bytes(store, data, "log.csv")
    assert report.ok and report.format == "message_log"
    assert report.trace.kept == 1 and report.left_out["not_delivered"] == 1
    # local Stockholm time, as canonical files are read
    assert store.fetchall("SELECT occurred_at FROM events WHERE channel = 'email'") == [
        (datetime(2026, 3, 2, 8, 20, tzinfo=UTC),)]
    store.close()


def test_several_open_applications_without_a_named_process_take_the_latest_and_are_counted(tmp_path):
    store = _store(tmp_path / "ambiguous-apps")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv").ok
    data = ("sent_at,sender,recipient,subject,message_id,status\n"
            f"2026-03-06 09:00,{EMPLOYER},anna.berg@example.se,Information,<i1@v>,delivered\n").encode()
    report = import_bytes(store, data, "log.csv")
    assert report.trace.ambiguous == 1
    # a1 (REQ-101, from 03-02) and a8 (REQ-202, from 03-04) both open: the latest started, a8
    assert store.fetchall("SELECT process_id, event_type FROM events WHERE channel = 'email'") == [
        ("REQ-202", "status_update_sent")]
    store.close()


def test_a_message_before_any_application_is_left_out(tmp_path):
    store = _store(tmp_path / "before")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv").ok
    data = ("sent_at,sender,recipient,subject,message_id,status\n"
            f"2026-02-20 09:00,{EMPLOYER},anna.berg@example.se,Nyhetsbrev,<b1@v>,delivered\n"
            f"2026-03-02 09:12,{EMPLOYER},anna.berg@example.se,Tack för din ansökan,<b2@v>,delivered\n").encode()
    report = import_bytes(store, data, "log.csv")
    assert report.left_out["no_open_application"] == 1
    # three minutes before the ATS's 09:15: within the tolerance, dated at the application's start
    assert store.fetchall("SELECT event_type, occurred_at FROM events WHERE channel = 'email'") == [
        ("acknowledgement_sent", datetime(2026, 3, 2, 8, 15, tzinfo=UTC))]
    store.close()


def test_an_own_subject_pattern_sets_the_event_type(tmp_path):
    from analytics.ingest.subject_patterns import add_subject_pattern, subject_patterns

    store = _store(tmp_path / "patterns")
    assert import_bytes(store, split_files()["events.csv"].encode(), "events.csv").ok
    add_subject_pattern(store, "Välkommen till nästa steg", "interview_scheduled", "sv")
    assert ("välkommen till nästa steg", "interview_scheduled", "sv", False) in subject_patterns(store)
    data = ("sent_at,sender,recipient,subject,message_id,status\n"
            f"2026-03-03 09:00,{EMPLOYER},cecilia.holm@example.se,Välkommen till nästa steg!,<s1@v>,delivered\n"
            ).encode()
    assert import_bytes(store, data, "log.csv").ok
    assert store.fetchall("SELECT event_type FROM events WHERE channel = 'email'") == [("interview_scheduled",)]
    store.close()


def test_the_cli_imports_a_trace_like_any_file(tmp_path, capsys):
    folder = tmp_path / "cli"
    folder.mkdir()
    paths = []
    for name, text in split_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    assert cli_main(["import", *paths, "--db", str(folder / "radar.duckdb")]) == 0
    output = capsys.readouterr().out
    assert "exchange-trace.csv: read as exchange_message_trace: 17 rows read, 9 stored" in output
    assert "17 messages read, 9 kept" in output
    assert "Left out: not delivered 3, from a candidate 1, not to a candidate 3, duplicate 1." in output


@pytest.mark.parametrize(("written", "utc"), [
    ("2026/03/02 09:15:03 CET", datetime(2026, 3, 2, 8, 15, 3, tzinfo=UTC)),
    ("2026/04/15 19:00:00 CEST", datetime(2026, 4, 15, 17, tzinfo=UTC)),
    ("2026/04/15 19:00:00 BST", datetime(2026, 4, 15, 18, tzinfo=UTC)),       # British summer time, not Bangladesh
    ("2026/04/15 19:00:00 EDT", datetime(2026, 4, 15, 23, tzinfo=UTC)),
    ("2026/04/15 19:00:00 UTC", datetime(2026, 4, 15, 19, tzinfo=UTC)),
    ("2026/04/15 19:00:00 GMT+02:00", datetime(2026, 4, 15, 17, tzinfo=UTC)),
    ("2026/04/15 19:00:00", datetime(2026, 4, 15, 17, tzinfo=UTC)),           # no zone: the store's, Stockholm
])
def test_google_times_follow_their_zone(tmp_path, written, utc):
    store = _store(tmp_path / "zones")
    text = google_export(messages_for("en")[:1])
    first_time = text.splitlines()[1].split(",")[1]
    report = import_bytes(store, text.replace(first_time, written).encode(), "google.csv")
    assert report.ok, report.problem_lines()
    assert report.trace.covers_from == utc
    store.close()


def test_json_import_reports_the_trace_counts(tmp_path, capsys):
    folder = tmp_path / "json"
    folder.mkdir()
    path = folder / "exchange.csv"
    path.write_text(exchange_trace(messages_for("sv")), encoding="utf-8")
    assert cli_main(["import", str(path), "--db", str(folder / "radar.duckdb"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    entry = printed[0]
    assert entry["format"] == "exchange_message_trace"
    assert entry["rows_read"] == 17
    # no candidate is known in this store: every delivered message is to no candidate (17 - 3 not delivered)
    assert entry["left_out"]["not_to_candidate"] == 14 and entry["messages"]["kept"] == 0
    assert entry["messages"]["covers_from"] == "2026-03-01T07:00:00+00:00"


def test_import_file_reads_a_trace_from_disk(tmp_path):
    store = _store(tmp_path / "disk")
    path = tmp_path / "disk" / "trace.csv"
    path.write_text(exchange_trace(messages_for("sv")), encoding="utf-8")
    report = import_file(store, path)
    assert report.ok and report.format == "exchange_message_trace"
    store.close()
