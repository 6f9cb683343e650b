"""Message traces: the mail system's log of sent mail, turned into the candidates' e-mail contacts.

Exchange Online (`Get-MessageTrace | Export-Csv`, the admin center's historical search report) and
Google Workspace (Email Log Search export) each log every message with its sender, recipient, time,
subject and delivery status, but no body. Read in DuckDB, one statement per step:

1. the file's columns become `trace_rows` (one row per message and recipient, cells as text);
2. every distinct sender and recipient address is hashed with the store's key (the importer's
   `address_key`, the hash of candidate aliases) and looked up in `candidate_aliases`;
3. each row's time is read (`trace_times`; Exchange's date order told from the file), and the
   row is kept or left out for one reason, counted (`LEFT_OUT_REASONS`): not delivered, a
   candidate's own mail, not to a candidate, the same message again, no application open;
4. a kept message belongs to the candidate's application open when it was sent, and its event type
   comes from timing and subject (`subject_patterns`), channel `email`; events are stored like any
   import's, so undo works, and the import records evidence `messages` for the period it covers.

Addresses and subjects live only in this import's temporary tables on its own connection, and
are gone when it ends; the store keeps keyed hashes and event types. docs/message-traces.md.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from analytics.i18n import t
from analytics.ingest.facts import facts_are_current, refresh_application_facts
from analytics.ingest.file_lines import why_unsplittable
from analytics.ingest.problems import (
    EARLIEST_INSTANT,
    LATEST_AHEAD,
    MAX_KEPT_PROBLEMS,
    WHOLE_ROW,
    ImportFailed,
    ProgressCallback,
    RowProblem,
    StoredCallback,
    bad_cell_code,
    bad_cell_marks,
    hmac_pads,
    reader_error_detail,
)
from analytics.ingest.textfiles import DELIMITER_NAMES, PreparedTable
from analytics.ingest.trace_times import AmbiguousDateOrder, define_trace_instant
from analytics.store import Store, read_sql
from analytics.vocabulary import normalize_header, quote_identifier

# Why a row of a trace gives no contact, in the order they are decided (each row counts once).
LEFT_OUT_REASONS = ("not_delivered", "from_candidate", "not_to_candidate", "duplicate", "no_open_application")
# A message up to this long before the application's first event still belongs to it (an
# automatic acknowledgement sent in the same minute the ATS rounded up): it is dated at the start.
EARLY_TOLERANCE_MINUTES = 5



@dataclass(frozen=True)
class TraceFormat:
    """One mail log's columns (normalised headers) and how its times and statuses read."""

    name: str
    title: str
    sent_at: str
    sender: str
    recipient: str
    subject: str
    message_id: str
    status: str
    delivered: str             # SQL over `status` (lower case, trimmed): the row was delivered
    times: str                 # 'utc_culture' (Exchange), 'zoned' (Google), 'canonical' (the documented shape)
    recipient_status: bool = False   # the admin center's `addr##Receive, Send;addr2##...` cells
    also: frozenset[str] = frozenset()   # further headers that identify the export

    @property
    def signature(self) -> frozenset[str]:
        return frozenset({self.sent_at, self.sender, self.recipient, self.subject, self.message_id,
                          self.status}) | self.also


TRACE_FORMAT_LIST = (
    # Get-MessageTrace / Get-MessageTraceV2 | Export-Csv, and the new admin center's result export.
    TraceFormat("exchange_message_trace", "Exchange Online: message trace (Get-MessageTrace, Export-Csv)",
                "received", "senderaddress", "recipientaddress", "subject", "messageid", "status",
                "status = 'delivered'", "utc_culture", also=frozenset({"messagetraceid"})),
    # Exchange admin center > Mail flow > Message trace > downloadable (enhanced summary) report.
    TraceFormat("exchange_historical_search", "Exchange Online: message trace report (admin center download)",
                "origin_timestamp_utc", "sender_address", "recipient_status", "message_subject", "message_id",
                "recipient_status",
                "(contains(status, 'deliver') OR contains(status, 'send')) AND NOT contains(status, 'fail')",
                "utc_culture", recipient_status=True),
    # Google Admin console > Reporting > Email log search > Export.
    TraceFormat("google_email_log_search", "Google Workspace: Email Log Search export",
                "start_date", "sender", "recipient_address", "subject", "message_id", "event_status",
                "status = 'delivered'", "zoned", also=frozenset({"event_target"})),
    # Any other mail log, with its columns renamed to these (docs/message-traces.md).
    TraceFormat("message_log", "Message log (sent_at, sender, recipient, subject, message_id, status)",
                "sent_at", "sender", "recipient", "subject", "message_id", "status",
                "status IN ('delivered', 'sent', 'levererad', 'skickad', 'ok')", "canonical"),
)
TRACE_FORMATS = {trace.name: trace for trace in TRACE_FORMAT_LIST}


@dataclass
class TraceSummary:
    """What a trace import found, as counts: nothing in it names a person."""

    messages_read: int = 0
    kept: int = 0
    left_out: dict[str, int] = field(default_factory=dict)
    candidates: int = 0
    applications: int = 0
    ambiguous: int = 0            # several applications open and the subject named none (or several)
    covers_from: datetime | None = None
    covers_to: datetime | None = None
    date_order: str = ""          # Exchange: 'iso', 'dmy' or 'mdy', how the file's dates were read
    event_types: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TraceHeader:
    columns: dict[str, str]       # normalised header -> the file's header
    skip: int                     # lines before the header (PowerShell's `#TYPE ...` line)


def read_trace_header(prepared: PreparedTable) -> TraceHeader | None:
    """The header row, skipping the `#TYPE` line Export-Csv writes without -NoTypeInformation."""
    try:
        with prepared.csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.reader(handle, delimiter=prepared.delimiter)
            first = next(reader, [])
            skip = 0
            if first and first[0].lstrip("\ufeff").startswith("#TYPE"):
                first, skip = next(reader, []), 1
    except csv.Error:
        return None
    columns = {normalize_header(header): header for header in first if normalize_header(header)}
    return TraceHeader(columns, skip)


def detect_trace(prepared: PreparedTable) -> tuple[TraceFormat, TraceHeader] | None:
    """The trace format whose columns the file has (the most specific one), or None."""
    header = read_trace_header(prepared)
    if header is None:
        return None
    matching = [trace for trace in TRACE_FORMAT_LIST if trace.signature <= set(header.columns)]
    if not matching:
        return None
    return max(matching, key=lambda trace: len(trace.signature)), header


def import_trace(
    store: Store, prepared: PreparedTable, report, trace: TraceFormat, header: TraceHeader,
    mode: str, date_order: str, notify: ProgressCallback, on_stored: StoredCallback | None = None,
):
    """Read, filter, attribute and store one trace in one transaction, filling in the importer's
    `report` (and returning it); raises ImportFailed on bad input."""
    report.sha256, report.kind, report.format = prepared.sha256, "events", trace.name
    report.encoding, report.delimiter = prepared.encoding, DELIMITER_NAMES[prepared.delimiter]
    if missing := sorted(trace.signature - set(header.columns)):
        report.error_code, report.error_values = "missing_columns", {
            "missing": ", ".join(missing), "found": ", ".join(header.columns.values()),
            "expected": ", ".join(sorted(trace.signature))}
        raise ImportFailed(report)
    summary = TraceSummary()
    inner_pad, outer_pad = hmac_pads(store.secret_key())
    earliest, latest = EARLIEST_INSTANT, datetime.now(EARLIEST_INSTANT.tzinfo) + LATEST_AHEAD
    with store.cursor() as cursor:
        cursor.execute(read_sql("ingest/sql/import_macros.sql"))
        _read_rows(cursor, prepared, trace, header, report)
        summary.messages_read = report.rows_read = cursor.execute(
            "SELECT (SELECT count(*) FROM trace_rows) + (SELECT count(DISTINCT line) FROM trace_rejects)").fetchone()[0]
        if report.rows_read == 0:
            report.error_code = "header_only"
            raise ImportFailed(report)
        structural = _structural_problems(cursor, header)
        if structural and (reason := why_unsplittable(prepared.csv_path)) is not None:
            # Past the start it looked at, the reader joins lines across a change of line ends (or
            # reads on inside a quote never closed): a row problem would hide the messages it took in.
            report.error_code, report.error_values = reason
            raise ImportFailed(report)
        rejected_rows = sorted(problem.row for problem in structural)
        damaged, damaged_rows = _damaged_cells(cursor, trace, header, prepared, rejected_rows)
        notify(0.3, "matching")
        try:
            summary.date_order = define_trace_instant(cursor, trace.times, date_order)
        except AmbiguousDateOrder as error:
            report.error_code = "trace_date_order"
            raise ImportFailed(report) from error
        cursor.execute(read_sql("ingest/sql/trace_addresses.sql"), {"inner_pad": inner_pad, "outer_pad": outer_pad})
        cursor.execute(read_sql("ingest/sql/trace_candidates.sql"))
        cursor.execute(read_sql("ingest/sql/trace_classified.sql"),
                       {"timezone": store.settings().timezone, "earliest": earliest, "latest": latest})
        timing = _time_problems(cursor, trace, header, f"{earliest:%Y-%m-%d} – {latest:%Y-%m-%d}", rejected_rows)
        report.problems = sorted(structural + damaged + timing, key=lambda problem: problem.row)[:MAX_KEPT_PROBLEMS]
        report.problem_count = report.rows_rejected = len(structural) + damaged_rows + cursor.execute(
            "SELECT count(*) FROM trace_classified WHERE reason = 'bad_time'").fetchone()[0]
        if report.problem_count and mode != "lenient":
            report.error_code, report.error_values = "rows_rejected", {"count": report.problem_count}
            raise ImportFailed(report)
        notify(0.5, "attributing")
        cursor.execute(read_sql("ingest/sql/trace_delivered.sql"))
        cursor.execute(read_sql("ingest/sql/trace_attributed.sql"), {"tolerance_minutes": EARLY_TOLERANCE_MINUTES})
        cursor.execute(read_sql("ingest/sql/trace_events.sql"))
        _summarise(cursor, summary)
        notify(0.8, "storing")
        with store.transaction(cursor):
            report.import_id = _store(cursor, report, summary)
            if on_stored is not None:   # the importer's on_stored: written with the rows or not at all
                on_stored(cursor, report)
        for table in ("trace_rows", "trace_addresses", "trace_candidates", "trace_classified", "trace_delivered",
                      "trace_attributed", "trace_events"):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
    report.left_out = dict(summary.left_out)
    report.trace = summary
    notify(1.0, "done")
    return report


def _cell(header: TraceHeader, name: str) -> str:
    return f"nullif(trim({quote_identifier(header.columns[name])}), '')"


def _read_rows(cursor, prepared: PreparedTable, trace: TraceFormat, header: TraceHeader, report) -> None:
    """`trace_rows`: one row per message and recipient, cells as text, `delivered` decided (from
    `status`, lower case and trimmed).

    `__row` is the data row in the file, `__id` the message-and-recipient row (the admin center's
    report gives one file row per message, with every recipient in one cell). Addresses stay as
    written: they are normalised once each when hashed (trace_addresses.sql).
    """
    read = ("read_csv($path, delim = $delimiter, header = true, skip = $skip, all_varchar = true, quote = '\"', "
            "escape = '\"', null_padding = false, store_rejects = true, rejects_table = 'trace_rejects', "
            "rejects_scan = 'trace_scans')")
    cells = (f"{_cell(header, trace.sent_at)} AS sent_raw, {quote_identifier(header.columns[trace.sender])} AS sender, "
             f"{quote_identifier(header.columns[trace.subject])} AS subject, "
             f"{quote_identifier(header.columns[trace.message_id])} AS message_id")
    if trace.recipient_status:
        # 'a@x.se##Receive, Send;b@y.se##Receive, Fail': one row per recipient with its own status.
        select = f"""
            WITH file AS (SELECT row_number() OVER () AS __row, {cells},
                                 {quote_identifier(header.columns[trace.recipient])} AS recipients FROM {read}),
            parts AS (SELECT * EXCLUDE (recipients), unnest(string_split(recipients, ';')) AS part FROM file)
            SELECT row_number() OVER () AS __id, __row, sent_raw, sender,
                   nullif(trim(split_part(part, '##', 1)), '') AS recipient, subject, message_id,
                   lower(trim(split_part(part, '##', 2))) AS status
            FROM parts WHERE nullif(trim(part), '') IS NOT NULL
        """
    else:
        select = (f"SELECT row_number() OVER () AS __id, __id AS __row, {cells}, "
                  f"{quote_identifier(header.columns[trace.recipient])} AS recipient, "
                  f"lower(trim({quote_identifier(header.columns[trace.status])})) AS status FROM {read}")
    try:
        cursor.execute(
            f"CREATE OR REPLACE TEMP TABLE trace_rows AS SELECT *, "
            f"coalesce({trace.delivered}, false) AS delivered FROM ({select})",
            {"path": str(prepared.csv_path), "delimiter": prepared.delimiter, "skip": header.skip},
        )
    except duckdb.Error as error:
        # Where the file shows why, that; else the reader's own words.
        report.error_code, report.error_values = why_unsplittable(prepared.csv_path) or (
            "unreadable", {"detail": reader_error_detail(error, prepared.csv_path)})
        raise ImportFailed(report) from error


def _structural_problems(cursor, header: TraceHeader) -> list[RowProblem]:
    """Lines the reader could not split into the header's columns: one problem each, without the line's text."""
    rows = cursor.execute(
        r"""
        SELECT line, max(try_cast(regexp_extract(error_message, 'Expected Number of Columns: (\d+)', 1) AS BIGINT)),
               max(try_cast(regexp_extract(error_message, 'Found: (\d+)', 1) AS BIGINT)), min(error_type)
        FROM trace_rejects GROUP BY line ORDER BY line LIMIT ?
        """, [MAX_KEPT_PROBLEMS]).fetchall()
    return [RowProblem(row=int(line) - 1 - header.skip, column=WHOLE_ROW, value=None, code="bad_structure",
                       detail=(f"expected {expected} fields, found {found}" if expected is not None and found is not None
                               else (kind or "").lower()), file_line=int(line))
            for line, expected, found, kind in rows]


def _damaged_cells(cursor, trace: TraceFormat, header: TraceHeader, prepared: PreparedTable,
                   rejected_rows: list[int]) -> tuple[list[RowProblem], int]:
    """Rows with a NUL or a damaged character in a cell, taken out of trace_rows and refused as a
    canonical file's are (the importer's `_cell_problems`): a NUL in an address made the message one
    "not to a candidate", counted but never named. One problem a file row (the first MAX_KEPT_PROBLEMS),
    naming its first such column, without the value; and how many rows of trace_rows went."""
    if not (prepared.has_nul or prepared.damaged_lines.count):
        return [], 0
    cells = {"sent_raw": trace.sent_at, "sender": trace.sender, "recipient": trace.recipient,
             "subject": trace.subject, "message_id": trace.message_id, "status": trace.status}
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE trace_damaged AS SELECT * FROM "
                   f"(SELECT __id, __row, {bad_cell_marks(list(cells))}[1] AS mark FROM trace_rows) WHERE mark IS NOT NULL")
    rows = cursor.execute("SELECT __row, arg_min(mark, __id) FROM trace_damaged GROUP BY __row ORDER BY __row LIMIT ?",
                          [MAX_KEPT_PROBLEMS]).fetchall()
    problems = []
    for accepted, (index, kind) in rows:
        row = _file_row(int(accepted), rejected_rows)
        problems.append(RowProblem(row=row, column=header.columns[list(cells.values())[index]], value=None,
                                   code=bad_cell_code(kind, prepared.encoding), file_line=row + 1 + header.skip))
    removed = cursor.execute("SELECT count(*) FROM trace_damaged").fetchone()[0]
    cursor.execute("DELETE FROM trace_rows WHERE __id IN (SELECT __id FROM trace_damaged)")
    cursor.execute("DROP TABLE trace_damaged")
    return problems, removed


def _file_row(accepted: int, rejected_rows: list[int]) -> int:
    """The file row of the reader's `accepted`-th row: each rejected row before it shifts it by one."""
    row = accepted
    for rejected in rejected_rows:
        row += rejected <= row
    return row


def _time_problems(cursor, trace: TraceFormat, header: TraceHeader, window: str,
                   rejected_rows: list[int]) -> list[RowProblem]:
    """One problem per file row whose time is missing, unreadable or implausible (the first MAX_KEPT_PROBLEMS).

    The reader numbers only the rows it could split: each rejected row before one shifts it by one.
    """
    column = header.columns[trace.sent_at]
    rows = cursor.execute(
        "SELECT __row, any_value(sent_raw), bool_and(sent_at IS NULL) FROM trace_classified WHERE reason = 'bad_time' "
        "GROUP BY __row ORDER BY __row LIMIT ?", [MAX_KEPT_PROBLEMS]).fetchall()
    problems = []
    for accepted, raw, unreadable in rows:
        row = _file_row(int(accepted), rejected_rows)
        code = "missing_value" if raw is None else ("bad_trace_time" if unreadable else "out_of_range")
        problems.append(RowProblem(row=row, column=column, value=raw, code=code,
                                   detail=window if code == "out_of_range" else "", file_line=row + 1 + header.skip))
    return problems


def _summarise(cursor, summary: TraceSummary) -> None:
    """Counts only: every row read is kept or left out for exactly one reason."""
    counts = dict(cursor.execute(
        "SELECT reason, count(*) FROM trace_classified WHERE reason <> 'bad_time' GROUP BY reason").fetchall())
    duplicates, unique = cursor.execute(
        "SELECT coalesce(sum(repeats), 0) + count(*) FILTER (imported), count(*) FILTER (NOT imported) "
        "FROM trace_delivered").fetchone()
    summary.kept, summary.candidates, summary.applications, summary.ambiguous = cursor.execute(
        "SELECT count(*), count(DISTINCT candidate_id), count(DISTINCT (candidate_id, process_id)), "
        "count(*) FILTER (ambiguous) FROM trace_attributed").fetchone()
    counts |= {"duplicate": duplicates, "no_open_application": unique - summary.kept}
    summary.left_out = {reason: int(counts.get(reason, 0)) for reason in LEFT_OUT_REASONS}
    summary.event_types = dict(cursor.execute(
        "SELECT event_type, count(*) FROM trace_attributed GROUP BY event_type ORDER BY event_type").fetchall())
    summary.covers_from, summary.covers_to = cursor.execute(
        "SELECT min(sent_at), max(sent_at) FROM trace_classified WHERE reason IS DISTINCT FROM 'bad_time'").fetchone()


def _store(cursor, report, summary: TraceSummary) -> int:
    """Events, their sources, the message keys, the import and its evidence: one transaction."""
    import_id = cursor.execute("SELECT nextval('import_ids')").fetchone()[0]
    facts_current = facts_are_current(cursor)
    cursor.execute(
        "INSERT INTO events SELECT event_key, candidate_id, process_id, event_type, occurred_at, NULL, NULL, NULL, "
        "NULL, 'email' FROM trace_events WHERE event_key NOT IN (SELECT event_key FROM events)")
    refresh_application_facts(cursor, "trace_events" if facts_current else None)
    stored = cursor.execute(
        "SELECT count(*) FROM trace_events WHERE event_key NOT IN (SELECT event_key FROM event_sources)").fetchone()[0]
    cursor.execute("INSERT INTO event_sources SELECT event_key, ? FROM trace_events", [import_id])
    cursor.execute("INSERT INTO message_keys SELECT DISTINCT message_key, ? FROM trace_attributed", [import_id])
    report.rows_stored = stored
    report.rows_duplicate = summary.kept - stored
    cursor.execute(
        "INSERT INTO imports (import_id, file_name, sha256, kind, format, rows_read, rows_stored, rows_duplicate, "
        "rows_rejected, imported_at, rows_left_out, left_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?)",
        [import_id, report.file_name, report.sha256, report.kind, report.format, report.rows_read, stored,
         report.rows_duplicate, report.rows_rejected, sum(summary.left_out.values()),
         json.dumps(summary.left_out, sort_keys=True)],
    )
    # The trace records every e-mail sent to an addressed candidate between its first and last message.
    cursor.execute("INSERT INTO import_evidence VALUES (?, 'messages', 'addressed', ?, ?)",
                   [import_id, summary.covers_from, summary.covers_to])
    return import_id



def summary_lines(file_name: str, format: str, rows_stored: int, summary: TraceSummary, lang: str = "en") -> list[str]:
    """What a trace import found, in words, for the Data page and the CLI: counts only."""
    reasons = ", ".join(f"{t(f'trace.reason.{reason}', lang)} {count}" for reason, count in summary.left_out.items()
                        if count)
    lines = [t("trace.summary", lang, file=file_name, format=TRACE_FORMATS[format].title, read=summary.messages_read,
               kept=summary.kept, stored=rows_stored)]
    if reasons:
        lines.append(t("trace.left_out", lang, reasons=reasons))
    if summary.kept:
        lines.append(t("trace.matched", lang, candidates=summary.candidates, applications=summary.applications))
        if summary.ambiguous:
            lines.append(t("trace.ambiguous", lang, count=summary.ambiguous))
        types = ", ".join(f"{t(f'trace.type.{event_type}', lang)} {count}"
                          for event_type, count in summary.event_types.items())
        lines.append(t("trace.event_types", lang, types=types))
    else:
        lines.append(t("trace.no_candidates", lang))
    if summary.covers_from is not None:
        lines.append(t("trace.period", lang, start=f"{summary.covers_from:%Y-%m-%d %H:%M} UTC",
                       end=f"{summary.covers_to:%Y-%m-%d %H:%M} UTC"))
    return lines
