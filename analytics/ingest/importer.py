"""Import canonical event and survey files into the store: validated, de-duplicated and atomic.

The rows are read, checked and written by DuckDB (`read_csv` into a temporary table, one SQL pass
per check); Python only detects the file's shape and builds SQL from quoted identifiers. All of it
runs in one transaction, so a failed import leaves the store exactly as it was. A canonical event
file, the large case, is parsed as it is read (no table of text cells in between) and its rows go
from there to the store without another copy.

Personal data never gets past the read (`_load_raw`): e-mail columns, and candidate ids that are
e-mail addresses, become a keyed pseudonym (HMAC-SHA256 with the store's secret); name columns
(`candidate_name` and the headers `mappings.is_personal_column` calls names) are read only to mask
the name wherever else it stands on a survey row, and like the other personal columns (phone,
personal identity number) never reach the `raw` (or `staged`) table.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import duckdb
import numpy as np
import pandas as pd

from analytics import sentiment
from analytics.i18n import MESSAGES, t, tn
from analytics.ingest.facts import facts_are_current, refresh_application_facts
from analytics.ingest.file_lines import count_lines, record_start_lines, why_unsplittable
from analytics.ingest.mappings import ColumnMapping, is_personal_column
from analytics.ingest.message_traces import TRACE_FORMATS, TraceSummary, detect_trace, import_trace, read_trace_header
from analytics.ingest.presets import PRESETS, detect_preset, metric_support
from analytics.ingest.problems import (
    EARLIEST_INSTANT,
    LATEST_AHEAD,
    MAX_KEPT_PROBLEMS,
    MAX_LISTED_PROBLEMS,
    WHOLE_ROW,
    ImportFailed,
    ProgressCallback,
    RowProblem,
    StoredCallback,
    bad_cell_code,
    bad_cell_marks,
    hmac_pads,
    problem_text,
    reader_error_detail,
)
from analytics.ingest.textfiles import DELIMITER_NAMES, PreparedTable, UnreadableFile, prepare_table
from analytics.store import Store, read_sql
from analytics.vocabulary import (
    CHANNEL_SYNONYMS,
    CHANNELS,
    EVENT_TYPES,
    EVIDENCE,
    normalize_header,
    quote_identifier,
)

EVENT_COLUMNS = ("process_id", "event_type", "occurred_at")
EVENT_OPTIONAL = ("process_name", "department", "recruiter", "stage", "channel")
SURVEY_COLUMNS = ("process_id", "submitted_at")
SURVEY_OPTIONAL = ("nps", "comment", "language")
KEY_COLUMNS = ("process_id", "submitted_at", "occurred_at")   # never masked: they join and order rows
IDENTITY_COLUMNS = ("candidate_id", "candidate_email", "candidate_name")
# An upload keeps its suffix only when it is one of these (DuckDB reads `.gz` and others differently).
UPLOAD_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")


@dataclass
class ImportReport:
    file_name: str
    kind: str = ""
    format: str = "canonical"
    encoding: str = ""
    delimiter: str = ""
    sha256: str = ""
    rows_read: int = 0
    rows_stored: int = 0
    rows_duplicate: int = 0
    rows_rejected: int = 0
    left_out: dict[str, int] = field(default_factory=dict)      # rows read but not stored on purpose, by reason
    stored_partly: dict[str, int] = field(default_factory=dict)  # reason -> rows stored without a part
    evidence: list[str] = field(default_factory=list)           # what the file records (vocabulary.EVIDENCE)
    cannot_measure: dict[str, tuple[str, str]] = field(default_factory=dict)  # metric -> (reason en, sv)
    problem_count: int = 0
    problems: list[RowProblem] = field(default_factory=list)   # the first MAX_KEPT_PROBLEMS, by row
    ignored_columns: list[str] = field(default_factory=list)
    trace: TraceSummary | None = None                           # a message trace's counts
    import_id: int | None = None
    repeat_of_earlier: bool = False                             # nothing new: import_id is the earlier import of the file
    error_code: str | None = None                               # a file-level failure
    # A message's values; counts stay numbers, which the message writes in the reader's language.
    error_values: dict[str, str | int] = field(default_factory=dict)
    warnings: list[tuple[str, dict[str, str | int]]] = field(default_factory=list)  # (code, values): stored, but check

    @property
    def ok(self) -> bool:
        return self.import_id is not None

    @property
    def rows_left_out(self) -> int:
        return sum(self.left_out.values())

    def summary(self, lang: str = "en") -> str:
        """One line: the format used and where every row went."""
        return t("import.summary", lang, file=self.file_name, format=self.format, read=self.rows_read,
                 stored=self.rows_stored, duplicate=self.rows_duplicate, rejected=self.rows_rejected,
                 left_out=self.rows_left_out)

    def accounting_lines(self, lang: str = "en") -> list[str]:
        """Rows left out and rows stored without a part, each reason with its count and meaning."""
        lines = [t("import.left_out_line", lang, count=count, reason=t(f"left_out.{reason}", lang))
                 for reason, count in sorted(self.left_out.items())]
        lines += [t("import.partly_line", lang, count=count, reason=t(f"partly.{reason}", lang))
                  for reason, count in sorted(self.stored_partly.items())]
        return lines

    def as_json(self, lang: str = "en") -> dict:
        """The per-file object of `import --json`."""
        return {
            "file": self.file_name, "format": self.format, "kind": self.kind, "import_id": self.import_id,
            "rows_read": self.rows_read, "stored": self.rows_stored, "already_stored": self.rows_duplicate,
            "rejected": self.rows_rejected, "left_out": dict(sorted(self.left_out.items())),
            "stored_partly": dict(sorted(self.stored_partly.items())), "records": self.evidence,
            "cannot_measure": {key: (sv if lang == "sv" else en) for key, (en, sv) in self.cannot_measure.items()},
            "error": self.error_message(lang) or None, "warnings": self.warning_lines(lang),
        }

    def error_message(self, lang: str = "en") -> str:
        if self.error_code is None:
            return ""
        values = dict(self.error_values)
        if self.error_code == "key_problem":   # the key's own message, in the reader's language
            values["problem"] = t(f"key.{values['problem']}", lang, path=values.pop("path"))
        if self.error_code == "too_large":   # byte counts, written in the unit that reads best
            values = {name: _file_size(values[name], lang) for name in ("size", "limit")}
        return _counted(f"import.{self.error_code}", lang, file=self.file_name, **values)

    def warning_lines(self, lang: str = "en") -> list[str]:
        return [_counted(f"import.warning.{code}", lang, file=self.file_name, **values) for code, values in self.warnings]

    def problem_lines(self, lang: str = "en", limit: int = MAX_LISTED_PROBLEMS) -> list[str]:
        return [p.message(self.file_name, lang) for p in self.problems[:limit]]

    def problems_caption(self, lang: str = "en") -> str:
        """How many row problems there are and how many `problem_lines` lists ("1 problem, listed below")."""
        shown = min(len(self.problems), MAX_LISTED_PROBLEMS)
        if shown == self.problem_count:
            return tn("data.problems_listed", shown, lang)
        return t("data.problems_total", lang, count=self.problem_count, shown=shown)

    def problems_frame(self, lang: str = "en") -> pd.DataFrame:
        return pd.DataFrame(
            [
                {t("col.row", lang): p.row, t("col.line", lang): p.line, t("col.column", lang): p.shown_column(lang),
                 t("col.value", lang): p.value, t("col.problem", lang): problem_text(p, lang)}
                for p in self.problems
            ]
        )


def _counted(key: str, lang: str, **values: object) -> str:
    """The message `key`, in the form that fits its `count` where the catalogue has one and other."""
    return tn(key, values.pop("count"), lang, **values) if f"{key}.one" in MESSAGES else t(key, lang, **values)


def _file_size(size: int, lang: str) -> str:
    """A file's size as the reader writes numbers: "3,096.9 MiB", "3 096,9 MiB", "2,060 bytes"."""
    if size >= 2**20:
        return t("format.mebibytes", lang, value=round(size / 2**20, 1))
    return t("format.bytes", lang, value=size)


@dataclass(frozen=True)
class ProblemSummary:
    problems: list[RowProblem]   # the first MAX_KEPT_PROBLEMS, by row
    total: int
    rows: int                    # distinct rows with at least one problem

    def __add__(self, other: ProblemSummary) -> ProblemSummary:
        merged = sorted(self.problems + other.problems, key=lambda p: (p.row, p.column))
        return ProblemSummary(merged[:MAX_KEPT_PROBLEMS], self.total + other.total, self.rows + other.rows)


def import_file(
    store: Store,
    path: str | Path,
    *,
    file_name: str | None = None,
    kind: str = "auto",
    mode: str = "strict",
    format: str = "auto",
    mapping: ColumnMapping | None = None,
    progress: ProgressCallback | None = None,
    date_order: str = "auto",
    records: Collection[str] | None = None,
    not_recorded: Collection[str] = (),
    on_stored: StoredCallback | None = None,
) -> ImportReport:
    """Import one file; never raises for bad input: the report says what went wrong.

    `format` is 'auto' (recognise a message trace or an ATS export from its header, else
    canonical), 'canonical', the name of a preset in `analytics.ingest.presets.PRESETS` or of a
    trace format in `message_traces.TRACE_FORMATS`; a saved column `mapping` replaces it.
    `date_order` ('auto', 'dmy', 'mdy') reads an Exchange trace's dates when the file cannot tell.
    What the file records (import_evidence) is what its format declares; `records` (kinds of
    vocabulary.EVIDENCE) replaces that when the user knows better, `not_recorded` takes kinds away
    (a canonical file without the messages: `not_recorded={"messages"}`). `on_stored(cursor, report)`
    runs in the transaction that stores the rows, after them: what it writes is stored with them or
    not at all (analytics.operations writes the audit entry so).
    """
    if unknown := sorted((set(records or ()) | set(not_recorded)) - set(EVIDENCE)):
        raise ValueError(f"unknown kinds of evidence: {', '.join(unknown)}; known: {', '.join(EVIDENCE)}")
    path = Path(path)
    report = ImportReport(file_name=file_name or path.name)
    if (problem := store.key_problem()) is not None:   # before anything is read: nothing is stored
        report.error_code, report.error_values = "key_problem", {"problem": problem.code, "path": str(problem.key_path)}
        return report
    notify = progress or (lambda fraction, stage: None)
    notify(0.05, "reading")
    try:
        prepared = prepare_table(path)
    except UnreadableFile as error:
        report.error_code, report.error_values = error.code, dict(error.details)
        return report
    try:
        # Read-write only from here (the app's shared store opens it for the import and closes it after).
        with store.writing():
            if mapping is None and (trace := _trace_format(prepared, format, report)) is not None:
                return import_trace(store, prepared, report, *trace, mode=mode, date_order=date_order, notify=notify,
                                    on_stored=on_stored)
            evidence = _EvidenceChoice(None if records is None else tuple(records), frozenset(not_recorded))
            return _import_prepared(store, prepared, report, kind, mode, format, mapping, notify, evidence, on_stored)
    except ImportFailed as failed:
        return failed.report
    finally:
        prepared.cleanup()


def _trace_format(prepared: PreparedTable, format: str, report: ImportReport):
    """(trace format, header) when the file is a message trace to read as one, else None."""
    if format in TRACE_FORMATS:
        header = read_trace_header(prepared)
        if header is None:
            report.error_code, report.error_values = "unreadable", {"detail": "no header row"}
            raise ImportFailed(report)
        return TRACE_FORMATS[format], header
    return detect_trace(prepared) if format == "auto" else None


def import_bytes(store: Store, data: bytes, file_name: str, **options) -> ImportReport:
    """Import an upload held in memory (Streamlit) through a temporary file."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        suffix = ".csv"   # the content decides how the file is read, not its name
    with tempfile.TemporaryDirectory(prefix="radar-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return import_file(store, path, file_name=file_name, **options)


@dataclass(frozen=True)
class _EvidenceChoice:
    """What the user said the file records: replacing its format's declaration, or taking kinds away."""

    records: tuple[str, ...] | None
    not_recorded: frozenset[str]


def _import_prepared(
    store: Store, prepared: PreparedTable, report: ImportReport, kind: str, mode: str,
    format: str, mapping: ColumnMapping | None, notify: ProgressCallback, evidence: _EvidenceChoice,
    on_stored: StoredCallback | None = None,
) -> ImportReport:
    """Stage and check on one connection, then write in one transaction on the same connection."""
    report.sha256 = prepared.sha256
    pads = hmac_pads(store.secret_key())
    with store.cursor() as cursor:
        cursor.execute(read_sql("ingest/sql/import_macros.sql"))
        headers = _read_header(cursor, prepared, report)
        _check_duplicate_headers(prepared, report)
        columns = _map_columns(headers, report)
        preset = _choose_preset(format, columns, report, mapping)
        if preset is not None:
            kind = preset.kind
        elif kind not in ("events", "surveys"):
            kind = _detect_kind(columns, report)
        emails = {"candidate_email"} | (preset.email_columns(columns) if preset is not None else set())
        timezone = store.settings().timezone
        # A canonical event file is staged as it is read: one pass, no table of text cells in between.
        try:
            dropped, loaded = _load_raw(cursor, prepared, columns, mask_names=kind == "surveys", pads=pads,
                                        email_columns=emails, id_columns=_candidate_id_columns(columns, preset),
                                        stage_events_in=timezone if preset is None and kind == "events" else None)
        except duckdb.InvalidInputException as error:   # the reader met what its look at the file's start did not
            _unreadable(report, prepared, error)
        if preset is not None:
            _refuse_personal_columns(preset, dropped, columns, report)
        report.encoding = prepared.encoding
        report.delimiter = DELIMITER_NAMES[prepared.delimiter]
        structural = _structural_problems(cursor) + _cell_problems(cursor, columns, loaded, prepared.encoding)
        _encoding_warning(cursor, prepared, report)
        report.rows_read = cursor.execute(f"SELECT count(*) FROM {loaded}").fetchone()[0] + structural.rows
        if report.rows_read == 0:
            report.error_code = "header_only"
            raise ImportFailed(report)
        notify(0.35, "checking")
        also_events = False
        if preset is not None:
            readable = {name: header for name, header in columns.items() if name not in dropped}
            also_events = _convert(cursor, preset, readable, pads)
            columns = _map_columns([row[0] for row in cursor.execute("DESCRIBE raw").fetchall()], report)
            dropped = set()
        else:
            cursor.execute("CREATE OR REPLACE TEMP TABLE left_out (__row BIGINT, reason VARCHAR)")
            cursor.execute("CREATE OR REPLACE TEMP TABLE stored_partly (__row BIGINT, reason VARCHAR)")
        report.kind = kind
        readable = {name: header for name, header in columns.items() if name not in dropped}
        if kind == "lookups":
            parts = [_stage_lookups(cursor)]
        elif kind == "events":
            _check_required(columns, EVENT_COLUMNS, report)
            parts = [_event_checks("staged") if loaded == "staged" else _stage_events(cursor, readable, timezone)]
        else:
            _check_required(columns, SURVEY_COLUMNS, report)
            parts = [_stage_surveys(cursor, readable, timezone)]
        if also_events:
            also_columns = {row[0]: row[0] for row in cursor.execute("DESCRIBE raw_also").fetchall() if row[0] != "__row"}
            parts.append(_stage_events(cursor, also_columns, timezone, source="raw_also", target="staged_also"))
            cursor.execute("DROP TABLE raw_also")
        problems = structural + _collect_problems(cursor, parts, readable)
        cursor.execute("DROP TABLE IF EXISTS raw")
        _free_check_columns(cursor, parts)
        report.problem_count, report.problems, report.rows_rejected = problems.total, problems.problems, problems.rows
        _attach_lines(cursor, report.problems)
        if problems.total and mode != "lenient":
            report.error_code, report.error_values = "rows_rejected", {"count": problems.total}
            raise ImportFailed(report)
        notify(0.7, "storing")
        with _order_free(cursor), store.transaction(cursor):   # the setting outlives a rollback
            report.import_id = _store_staged(cursor, report, [table for table, _, _ in parts], preset, evidence)
            if on_stored is not None:
                on_stored(cursor, report)
    notify(1.0, "done")
    return report


@contextmanager
def _order_free(cursor: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Let this cursor's statements write rows in any order, on every thread.

    Stored tables have no order (every read that needs one says ORDER BY, and the facts order an
    application's events by time and key), while keeping the order of the staged rows made the
    insert of a million applications' events wait on one another. The staged rows' order (their
    place in the file) is used before, in numbering and checking them. The setting is the session's:
    other cursors keep theirs.
    """
    cursor.execute("SET SESSION preserve_insertion_order = false")
    try:
        yield
    finally:
        cursor.execute("RESET SESSION preserve_insertion_order")


def _convert(cursor: duckdb.DuckDBPyConnection, preset, readable: dict[str, str], pads: tuple[bytes, bytes]) -> bool:
    """Rewrite `raw` into canonical columns (keeping __row, the source row) with the preset or mapping.

    Before `raw` goes, every row that gives nothing is put in `left_out` with the preset's reason,
    and every stored row that lacks a part in `stored_partly`. The preset sees only the columns
    `raw` still has. Returns whether the rows also give events (`raw_also`, survey invitations).
    """
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE converted AS {preset.to_canonical_sql(readable)}")
    also_sql = preset.also_events_sql(readable)
    if also_sql is not None:
        cursor.execute(f"CREATE OR REPLACE TEMP TABLE raw_also AS {also_sql}")
    given = "SELECT __row FROM converted" + (" UNION SELECT __row FROM raw_also" if also_sql else "")
    cursor.execute(
        f"CREATE OR REPLACE TEMP TABLE left_out AS SELECT __row, reason FROM "
        f"(SELECT __row, {_first_reason(preset.left_out_conditions(readable), 'no_event_date')} AS reason FROM raw) "
        f"WHERE __row NOT IN ({given})")
    cursor.execute(
        f"CREATE OR REPLACE TEMP TABLE stored_partly AS SELECT __row, reason FROM "
        f"(SELECT __row, {_first_reason(preset.partly_stored_conditions(readable), None)} AS reason FROM raw) "
        f"WHERE reason IS NOT NULL AND __row IN ({given})")
    cursor.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM converted")
    cursor.execute("DROP TABLE converted")
    for table in ("raw", "raw_also") if also_sql else ("raw",):
        if "candidate_id" in {row[0] for row in cursor.execute(f"DESCRIBE {table}").fetchall()}:
            # Whatever column the preset took the id from, an e-mail address is no id to store.
            cursor.execute(
                f"UPDATE {table} SET candidate_id = id_or_pseudonym($inner_pad, $outer_pad, candidate_id) "
                "WHERE contains(candidate_id, '@')", {"inner_pad": pads[0], "outer_pad": pads[1]})
    return also_sql is not None


def _first_reason(conditions, otherwise: str | None) -> str:
    """SQL: the first reason whose condition holds on the row (reasons are constants of the presets)."""
    cases = " ".join(f"WHEN coalesce({condition}, false) THEN {_sql_literal(reason)}" for reason, condition in conditions)
    fallback = "CAST(NULL AS VARCHAR)" if otherwise is None else _sql_literal(otherwise)
    return f"CASE {cases} ELSE {fallback} END" if cases else fallback


# buffer_size: the reader hands on a file in batches of one buffer each, and a table that keeps the
# file's order (DuckDB's batch insert) copies batches smaller than a row group (122,880 rows) together.
# Buffers of 32 MiB hold a row group of rows of up to 273 bytes: staging a million applications'
# events (123 bytes a row) took 5.2 s instead of 6.0 s, a text-only read of rows of 254 bytes 1.2 s
# instead of 1.7 s. DuckDB's default took as long as 8 MiB; 16 MiB helped the shorter rows only.
READ_CSV = """read_csv(?, delim = ?, header = true, all_varchar = true, quote = '"', escape = '"',
                   store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_scans',
                   null_padding = false, buffer_size = 33554432)"""


def _read_header(cursor: duckdb.DuckDBPyConnection, prepared: PreparedTable, report: ImportReport) -> list[str]:
    """The file's column names, as DuckDB's reader sees them."""
    try:
        return [row[0] for row in cursor.execute(
            f"DESCRIBE SELECT * FROM {READ_CSV}", [str(prepared.csv_path), prepared.delimiter]).fetchall()]
    except duckdb.Error as error:
        _unreadable(report, prepared, error)


def _unreadable(report: ImportReport, prepared: PreparedTable, error: Exception) -> NoReturn:
    """DuckDB's reader could not split the file: say where, when the file shows it (a quote never
    closed, line ends that change), else what DuckDB said."""
    report.error_code, report.error_values = why_unsplittable(prepared.csv_path) or (
        "unreadable", {"detail": reader_error_detail(error, prepared.csv_path)})
    raise ImportFailed(report) from error


def _check_duplicate_headers(prepared: PreparedTable, report: ImportReport) -> None:
    """Refuse two headers that normalise alike, read from the file itself.

    DuckDB renames a repeated header (`process_id`, `process_id_1`; letter case counts as the same),
    which would hide the repeat from `_map_columns`. Empty headers (trailing separators) do not count.
    """
    try:
        with prepared.csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
            header = next(csv.reader(handle, delimiter=prepared.delimiter), [])
    except csv.Error:
        return   # a header DuckDB could read but Python's reader cannot: DuckDB's names are checked later
    seen: set[str] = set()
    for original in header:
        name = normalize_header(original)
        if name in seen:
            report.error_code, report.error_values = "duplicate_columns", {"column": name}
            raise ImportFailed(report)
        if name:
            seen.add(name)


def _candidate_id_columns(columns: dict[str, str], preset) -> set[str]:
    """The file's candidate-id columns (normalised): canonical `candidate_id`, or a mapping's choice."""
    from analytics.ingest.mappings import ColumnMapping

    chosen = {"candidate_id"}
    if isinstance(preset, ColumnMapping) and "candidate_id" in preset.fields:
        chosen.add(normalize_header(preset.fields["candidate_id"]))
    return chosen & set(columns)


def _refuse_personal_columns(preset, dropped: set[str], columns: dict[str, str], report: ImportReport) -> None:
    """A format or mapping that needs a name column cannot work: names never reach `raw`."""
    if needed := [columns[name] for name in preset.required_columns if name in dropped]:
        report.error_code, report.error_values = "personal_column", {"column": ", ".join(needed)}
        raise ImportFailed(report)


def _load_raw(
    cursor: duckdb.DuckDBPyConnection, prepared: PreparedTable, columns: dict[str, str],
    mask_names: bool, pads: tuple[bytes, bytes], email_columns: set[str], id_columns: set[str],
    stage_events_in: str | None = None,
) -> tuple[set[str], str]:
    """The file as text cells with true data-row numbers; malformed lines go to `import_rejects`.

    Personal data is dealt with as the file is read, so no later step (preset, check, store) sees
    it: e-mail columns, and candidate ids that are e-mail addresses, become their keyed pseudonym;
    on survey rows the row's name(s) are masked in every other column but the candidate id; name
    columns and other personal columns are left out. When the file holds a NUL or a damaged
    character, each row's such cells are marked (`__bad_cells`) for `_cell_problems`. Returns the
    normalised names of the columns left out, and the table loaded: `raw`, or with `stage_events_in`
    (a time zone) the event rows staged straight from the read, `staged` (`_stage_events`).
    """
    # A column chosen as candidate_email is an address whatever its header; a header that reads as
    # both a name and an address ("Name and e-mail") is treated as a name.
    emails = {name for name, header in columns.items() if name in email_columns
              or (is_personal_column(header, "email") and not is_personal_column(header, "name"))}
    names = [name for name, header in columns.items()
             if name not in emails and (name == "candidate_name" or is_personal_column(header, "name"))]
    dropped = {name for name, header in columns.items()
               if name in names or (name not in emails and is_personal_column(header))}
    name_list = f"[{', '.join(quote_identifier(columns[name]) for name in names)}]"
    cells = []
    for name, original_name in columns.items():
        source = quote_identifier(original_name)
        if name in dropped:
            continue
        if name in emails:
            cells.append(f"pseudonym($inner_pad, $outer_pad, {source}) AS {source}")
        elif name in id_columns:
            cells.append(f"id_or_pseudonym($inner_pad, $outer_pad, {source}) AS {source}")
        elif mask_names and names and name not in KEY_COLUMNS:
            cells.append(f"mask_names({source}, {name_list}) AS {source}")
        else:
            cells.append(source)
    # The keyed hash of every address on the row, read from the cells before they become pseudonyms:
    # the candidate's aliases, by which a message trace finds them (`_store_aliases`).
    address_cells = [quote_identifier(columns[name]) for name in columns
                     if name in (emails | id_columns) - dropped]
    if address_cells:
        keys = ", ".join(f"cell_address_keys($inner_pad, $outer_pad, {cell})" for cell in address_cells)
        holds_address = " OR ".join(f"contains({cell}, '@')" for cell in address_cells)
        cells.append(f"CASE WHEN {holds_address} THEN flatten([{keys}]) END AS __address_keys")
    marks_cells = bool(prepared.has_nul or prepared.damaged_lines.count)
    if marks_cells:
        # read before any cell becomes a pseudonym or is left out (`_cell_problems`)
        cells.append(f"{bad_cell_marks([quote_identifier(name) for name in columns.values()])} AS __bad_cells")
    parameters = {"path": str(prepared.csv_path), "delimiter": prepared.delimiter}
    if (emails | id_columns) - dropped:
        parameters |= {"inner_pad": pads[0], "outer_pad": pads[1]}
    read = READ_CSV.replace("read_csv(?, delim = ?", "read_csv($path, delim = $delimiter")
    if stage_events_in is None or not cells:   # (nothing to stage: the importer says which columns are missing)
        loaded = "raw"
        select = f"SELECT row_number() OVER () AS __row{''.join(', ' + cell for cell in cells)} FROM {read}"
        cursor.execute(f"CREATE OR REPLACE TEMP TABLE raw AS {select}", parameters)
    else:
        loaded = "staged"
        readable = {name: header for name, header in columns.items() if name not in dropped}
        carried = [name for name, kept in (("__address_keys", address_cells), ("__bad_cells", marks_cells)) if kept]
        _stage_events(cursor, readable, stage_events_in, read=(f"SELECT {', '.join(cells)} FROM {read}", parameters),
                      carried=carried, unicode_spaces=prepared.unicode_spaces)
    _number_rows(cursor, prepared, loaded)
    _collect_addresses(cursor, bool(address_cells), loaded)
    return dropped, loaded


def _cell_problems(cursor: duckdb.DuckDBPyConnection, columns: dict[str, str], table: str = "raw",
                   encoding: str = "utf-8") -> ProblemSummary:
    """Rows with a NUL byte or a damaged character in a cell (`problems.bad_cell_marks`): refused.

    Like a line DuckDB could not split, such a row leaves the loaded table (`raw` or `staged`): one
    problem a row, naming its first such column; the value is not shown (it may be an address or a
    name).
    """
    if "__bad_cells" not in {row[0] for row in cursor.execute(f"DESCRIBE {table}").fetchall()}:
        return ProblemSummary([], 0, 0)
    bad = f"SELECT __row, __bad_cells[1][1] AS column_index, __bad_cells[1][2] AS kind FROM {table} WHERE len(__bad_cells) > 0"
    total = cursor.execute(f"SELECT count(*) FROM ({bad})").fetchone()[0]
    rows = cursor.execute(f"{bad} ORDER BY __row LIMIT ?", [MAX_KEPT_PROBLEMS]).fetchall()
    names = list(columns.values())
    problems = [RowProblem(row=int(row), column=names[index], value=None, code=bad_cell_code(kind, encoding))
                for row, index, kind in rows]
    holder = _holder(cursor, table)
    cursor.execute(f"DELETE FROM {holder} WHERE len(__bad_cells) > 0")
    cursor.execute(f"ALTER TABLE {holder} DROP COLUMN __bad_cells")
    return ProblemSummary(problems, total, total)


def _encoding_warning(cursor: duckdb.DuckDBPyConnection, prepared: PreparedTable, report: ImportReport) -> None:
    """Name the rows read in another encoding than the rest of the file (decided per row)."""
    sample = prepared.other_lines
    if not sample.count:
        return
    if cursor.execute("SELECT count(*) FROM row_lines").fetchone()[0]:
        rows = [cursor.execute("SELECT max(__row) FROM row_lines WHERE line <= ?", [line]).fetchone()[0] or line - 1
                for line in sample.lines]
    else:
        rows = [line - 1 for line in sample.lines]
    listed = ", ".join(str(row) for row in rows) + (", …" if sample.count > len(rows) else "")
    names = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}
    report.warnings.append(("mixed_encoding", {
        "count": sample.count, "rows": listed, "other": names[prepared.other_encoding],
        "main": names[prepared.encoding]}))


def _collect_addresses(cursor: duckdb.DuckDBPyConnection, read: bool, table: str = "raw") -> None:
    """`row_addresses(__row, address_key)`: the address keys each data row holds (none when not read).

    The loaded table's own column of them goes: every row has one, mostly NULL, and a million
    applications' staged rows must leave room for the store step (`_free_check_columns`).
    """
    source = (f"SELECT __row, unnest(__address_keys) AS address_key FROM {table}" if read
              else "SELECT CAST(NULL AS BIGINT) AS __row, CAST(NULL AS VARCHAR) AS address_key WHERE false")
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE row_addresses AS {source}")
    if read:
        cursor.execute(f"ALTER TABLE {_holder(cursor, table)} DROP COLUMN __address_keys")


def _number_rows(cursor: duckdb.DuckDBPyConnection, prepared: PreparedTable, table: str = "raw") -> None:
    """Give every stored row its data-row number in the file, counting rows DuckDB rejected.

    DuckDB numbers only the rows it accepted. When every physical line is one record (the usual
    export) rows are lines minus the header; blank lines and quoted line breaks need a scan of the
    file, which then also records each row's first line in `row_lines`.
    """
    rejected_lines = [row[0] for row in cursor.execute("SELECT DISTINCT line FROM import_rejects ORDER BY line").fetchall()]
    accepted = cursor.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    lines = prepared.lines if prepared.lines is not None else count_lines(prepared.csv_path)
    record_lines = record_start_lines(prepared.csv_path, lines, accepted + len(rejected_lines))
    cursor.execute("CREATE OR REPLACE TEMP TABLE row_lines (__row BIGINT, line BIGINT)")
    if record_lines is None and not rejected_lines:
        return
    lines = np.array(record_lines if record_lines is not None else range(2, accepted + len(rejected_lines) + 2),
                     dtype=np.int64)
    rows = np.arange(1, len(lines) + 1, dtype=np.int64)
    if rejected_lines:   # the accepted rows after a rejected one take their own numbers back
        kept = ~np.isin(lines, np.array(rejected_lines, dtype=np.int64))
        cursor.register("row_numbering",
                        pd.DataFrame({"accepted_row": np.arange(1, int(kept.sum()) + 1), "__row": rows[kept]}))
        holder = _holder(cursor, table)
        accepted_row = f"{holder}.__row"
        if holder != table:   # rows numbered by their place: the numbers become a column of their own
            cursor.execute(f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT * FROM {holder}")
            cursor.execute(f"ALTER TABLE {holder} ADD COLUMN __row BIGINT")
            accepted_row = f"{holder}.rowid + 1"
        cursor.execute(f"UPDATE {holder} SET __row = n.__row FROM row_numbering n WHERE {accepted_row} = n.accepted_row")
        cursor.unregister("row_numbering")
    if record_lines is not None:
        cursor.register("record_lines", pd.DataFrame({"__row": rows, "line": lines}))
        cursor.execute("INSERT INTO row_lines SELECT * FROM record_lines")
        cursor.unregister("record_lines")


def _attach_lines(cursor: duckdb.DuckDBPyConnection, problems: list[RowProblem]) -> None:
    """Look up the first file line of each listed problem row where it is not simply row + 1."""
    if not problems or not cursor.execute("SELECT count(*) FROM row_lines").fetchone()[0]:
        return
    lines = dict(cursor.execute(
        "SELECT __row, line FROM row_lines WHERE list_contains(?, __row)", [sorted({p.row for p in problems})]
    ).fetchall())
    for problem in problems:
        problem.file_line = lines.get(problem.row)


def _map_columns(headers: list[str], report: ImportReport) -> dict[str, str]:
    """Normalised name -> the file's own header, refusing two headers that normalise alike."""
    columns: dict[str, str] = {}
    for original in headers:
        if original == "__row":
            continue
        name = normalize_header(original)
        if name in columns:
            report.error_code, report.error_values = "duplicate_columns", {"column": name}
            raise ImportFailed(report)
        columns[name] = original
    return columns


def _choose_preset(format: str, columns: dict[str, str], report: ImportReport, mapping: ColumnMapping | None):
    if mapping is not None:
        preset = mapping
    elif format == "canonical":
        return None
    elif format == "auto":
        preset = detect_preset(set(columns))
    elif format in PRESETS:
        preset = PRESETS[format]
    else:
        report.error_code, report.error_values = "unknown_format", {
            "format": format, "known": ", ".join([*PRESETS, *TRACE_FORMATS])}
        raise ImportFailed(report)
    if preset is None:
        return None
    report.format = preset.name if mapping is None else f"mapping:{mapping.name}"
    if missing := preset.missing_columns(columns):
        report.error_code, report.error_values = "missing_columns", {
            "missing": ", ".join(missing), "found": ", ".join(columns.values()),
            "expected": ", ".join(preset.required_columns)}
        raise ImportFailed(report)
    return preset


def _detect_kind(columns: dict[str, str], report: ImportReport) -> str:
    if "event_type" in columns or "occurred_at" in columns:
        return "events"
    if "submitted_at" in columns or "nps" in columns:
        return "surveys"
    report.error_code, report.error_values = "unknown_kind", {"found": ", ".join(columns.values())}
    raise ImportFailed(report)


def _check_required(columns: dict[str, str], required: tuple[str, ...], report: ImportReport) -> None:
    missing = [name for name in required if name not in columns]
    if "candidate_id" not in columns and "candidate_email" not in columns:
        missing.insert(0, "candidate_id")
    if missing:
        expected = ("candidate_id (or candidate_email)",) + required
        report.error_code = "missing_columns"
        report.error_values = {
            "missing": ", ".join(missing), "found": ", ".join(columns.values()) or "(none)",
            "expected": ", ".join(expected),
        }
        raise ImportFailed(report)
    known = set(required) | set(IDENTITY_COLUMNS) | set(EVENT_OPTIONAL if "event_type" in required else SURVEY_OPTIONAL)
    report.ignored_columns = [
        original for name, original in columns.items()
        if name not in known and not (name.startswith("rating_") and "submitted_at" in required)
    ]


def _structural_problems(cursor: duckdb.DuckDBPyConnection) -> ProblemSummary:
    """Lines DuckDB could not split into the header's columns (they never reach `raw`): one problem a row.

    The line itself is not shown: it holds whatever the row holds, names and addresses included.
    DuckDB reports a row with three surplus fields three times, as 5, 6 and 7 fields found.
    """
    summary = r"""
        WITH rejects AS (
            SELECT line, error_type,
                   try_cast(regexp_extract(error_message, 'Expected Number of Columns: (\d+)', 1) AS BIGINT) AS expected,
                   try_cast(regexp_extract(error_message, 'Found: (\d+)', 1) AS BIGINT) AS found
            FROM import_rejects
        )
        SELECT r.line, coalesce(any_value(l.__row), r.line - 1) AS row, max(r.expected),
               CASE WHEN bool_or(r.error_type = 'TOO MANY COLUMNS') THEN max(r.found) ELSE min(r.found) END,
               min(r.error_type)
        FROM rejects r LEFT JOIN row_lines l ON l.line = r.line
        GROUP BY r.line
    """
    total = cursor.execute(f"SELECT count(*) FROM ({summary})").fetchone()[0]
    rows = cursor.execute(f"{summary} ORDER BY row LIMIT ?", [MAX_KEPT_PROBLEMS]).fetchall()
    problems = [
        RowProblem(row=int(row), column=WHOLE_ROW, value=None, code="bad_structure",
                   detail=(f"expected {expected} fields, found {found}" if expected is not None and found is not None
                           else (error_type or "").lower()),
                   file_line=int(line))
        for line, row, expected, found, error_type in rows
    ]
    return ProblemSummary(problems, total, total)


def _column(columns: dict[str, str], name: str, table: str = "raw", trim: str = "trimmed_cell") -> str:
    """The file's column as a SQL expression, or NULL when the file does not have it.

    trim: the macro that trims a cell, `trimmed_ascii_cell` for a file without Unicode spaces.
    """
    return f"{trim}({_cell(columns, name, table)})" if name in columns else "CAST(NULL AS VARCHAR)"


def _cell(columns: dict[str, str], name: str, table: str = "raw") -> str:
    """The file's column as written, spaces around it kept, or NULL when the file does not have it."""
    return f"{table}.{quote_identifier(columns[name])}" if name in columns else "CAST(NULL AS VARCHAR)"


def _candidate_expression(columns: dict[str, str], table: str = "raw", trim: str = "trimmed_cell") -> str:
    """The source id, else the e-mail's keyed pseudonym (made when the file was read)."""
    return f"coalesce({_column(columns, 'candidate_id', table, trim)}, {_column(columns, 'candidate_email', table, trim)})"


def _instant_window() -> tuple[datetime, datetime]:
    """The instants an import accepts: from EARLIEST_INSTANT to a year and a day after now."""
    return EARLIEST_INSTANT, datetime.now(UTC) + LATEST_AHEAD


def _out_of_range_check(column: str, instant: str, raw: str) -> tuple[tuple[str, str, str, str], str]:
    """The row check for a read instant outside the window, and the window as the problem's detail."""
    earliest, latest = _instant_window()
    condition = (f"{instant} IS NOT NULL AND ({instant} < CAST({_sql_literal(earliest.isoformat())} AS TIMESTAMPTZ) "
                 f"OR {instant} > CAST({_sql_literal(latest.isoformat())} AS TIMESTAMPTZ))")
    return (column, raw, condition, "out_of_range"), f"{earliest:%Y-%m-%d} – {latest:%Y-%m-%d}"


_Part = tuple[str, list, dict]   # (staged table, row checks, problem details)


def _stage_events(cursor, columns, timezone, source: str = "raw", target: str = "staged",
                  read: tuple[str, dict] | None = None, carried: Collection[str] = (),
                  unicode_spaces: bool = True) -> _Part:
    """The event rows of `source` parsed into `target`, with their row checks.

    read: the SELECT (and its parameters) that reads the file, to stage from as it is read instead of
    from a table; `carried` names its columns that `target` keeps as they are (`__bad_cells`, ...).
    The rows read are numbered by their place: they are held in `{target}_read`, which keeps the
    file's order (insertion order is preserved), and `target` is a view that adds `__row`, the row's
    rowid + 1 (rowids stay as they are through DELETE and DROP COLUMN). Numbering them as they are
    read (`row_number() OVER ()`) would read and parse the file on one thread; writing the number
    into a column (an UPDATE of every row) took 2.3 s for a million applications' events once they
    came in buffers of 32 MiB (`READ_CSV`), 0.2 s before. Changes go to the table (`_holder`).
    unicode_spaces: whether a cell may hold a space other than ASCII's (`PreparedTable.unicode_spaces`).
    """
    channel_cases = " ".join(
        f"WHEN {_sql_literal(spelling)} THEN {_sql_literal(canonical)}" for spelling, canonical in CHANNEL_SYNONYMS.items()
    )
    # A value written as the canonical one (the usual case) is taken by one lookup of the cell as
    # written among the enum's names (half the time of a CASE comparing it with each name, then the
    # cast); only other cells are trimmed for the general rule (letter case ignored), and for a row
    # check to show.
    reading = f"{source} AS ({read[0]}), " if read is not None else ""
    trim = "trimmed_cell" if unicode_spaces else "trimmed_ascii_cell"
    holder = f"{target}_read" if read is not None else target
    cursor.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {holder} AS
        WITH {reading}cells AS (
            SELECT {'' if read is not None else '__row,'}
                   {_candidate_expression(columns, source, trim)} AS candidate_id,
                   {_column(columns, 'process_id', source, trim)} AS process_id,
                   {_cell(columns, 'event_type', source)} AS event_type_cell,
                   {_cell(columns, 'occurred_at', source)} AS occurred_at_cell,
                   {_column(columns, 'process_name', source, trim)} AS process_name,
                   {_column(columns, 'department', source, trim)} AS department,
                   {_column(columns, 'recruiter', source, trim)} AS recruiter,
                   {_column(columns, 'stage', source, trim)} AS stage,
                   {_cell(columns, 'channel', source)} AS channel_cell
                   {''.join(f', {column}' for column in carried)}
            FROM {source}
        ), parsed AS (
            SELECT *,
                   lazy_coalesce(try_cast(event_type_cell AS {EVENT_TYPE_ENUM}),
                                 CAST(CASE WHEN list_contains($event_types, lower(trimmed_cell(event_type_cell)))
                                           THEN lower(trimmed_cell(event_type_cell)) END AS {EVENT_TYPE_ENUM})) AS event_type,
                   -- parse_instant reads a time with spaces around it, except Unicode spaces alone
                   lazy_coalesce(parse_instant(occurred_at_cell, $timezone),
                                 parse_instant(trimmed_cell(occurred_at_cell), $timezone)) AS occurred_at,
                   lazy_coalesce(try_cast(channel_cell AS {CHANNEL_ENUM}),
                                 CAST(CASE WHEN list_contains($channels, lower(trimmed_cell(channel_cell)))
                                           THEN lower(trimmed_cell(channel_cell))
                                           ELSE CASE lower(trimmed_cell(channel_cell)) {channel_cases} END END
                                      AS {CHANNEL_ENUM})) AS channel
            FROM cells
        )
        -- The text as written (trimmed) is kept only where a row check may show it: a good row needs its
        -- value only (an instant after now may be out of range).
        SELECT * EXCLUDE (event_type_cell, occurred_at_cell, channel_cell),
               CASE WHEN event_type IS NULL THEN trimmed_cell(event_type_cell) END AS event_type_raw,
               CASE WHEN occurred_at IS NULL OR occurred_at < $earliest OR occurred_at > current_timestamp
                    THEN trimmed_cell(occurred_at_cell) END AS occurred_at_raw,
               CASE WHEN channel IS NULL THEN trimmed_cell(channel_cell) END AS channel_raw,
               row_key(candidate_id, process_id, event_type, epoch_us(occurred_at)) AS event_key
        FROM parsed
        """,
        {"event_types": list(EVENT_TYPES), "channels": list(CHANNELS), "timezone": timezone, "earliest": EARLIEST_INSTANT}
        | (read[1] if read is not None else {}),
    )
    if read is not None:
        cursor.execute(f"CREATE OR REPLACE TEMP VIEW {target} AS SELECT rowid + 1 AS __row, * FROM {holder}")
    return _event_checks(target)


def _holder(cursor: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table that holds `table`'s rows, to change them in: `table` itself, or for event rows
    staged as the file is read, the table under the view that numbers them (`_stage_events`)."""
    numbered = cursor.execute(
        "SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name = ?", [table]).fetchone()[0]
    return f"{table}_read" if numbered else table


def _drop_loaded(cursor: duckdb.DuckDBPyConnection, table: str) -> None:
    """Drop a staged table, and the view over it that numbers its rows if there is one."""
    holder = _holder(cursor, table)
    if holder != table:
        cursor.execute(f"DROP VIEW {table}")
    cursor.execute(f"DROP TABLE {holder}")


def _event_checks(target: str) -> _Part:
    """The row checks of the event rows staged in `target` (`_stage_events`)."""
    out_of_range, window = _out_of_range_check("occurred_at", "occurred_at", "occurred_at_raw")
    return target, [
        ("candidate_id", "candidate_id", "candidate_id IS NULL", "missing_candidate"),
        ("process_id", "process_id", "process_id IS NULL", "missing_value"),
        ("event_type", "event_type_raw", "event_type_raw IS NULL AND event_type IS NULL", "missing_value"),
        ("event_type", "event_type_raw", "event_type_raw IS NOT NULL AND event_type IS NULL", "unknown_event_type"),
        ("occurred_at", "occurred_at_raw", "occurred_at_raw IS NULL AND occurred_at IS NULL", "missing_value"),
        ("occurred_at", "occurred_at_raw", "occurred_at_raw IS NOT NULL AND occurred_at IS NULL", "bad_timestamp"),
        out_of_range,
        ("channel", "channel_raw", "channel_raw IS NOT NULL AND channel IS NULL", "unknown_channel"),
    ], {"out_of_range": window}


def _stage_surveys(cursor, columns, timezone) -> _Part:
    """Survey rows; the comment is already masked (`_load_raw`). Rating cells get internal aliases
    (`__rating_0_raw`), never names made from headers, which could clash (`rating_b`, `rating_b__raw`)."""
    rating_columns = [name for name in columns if name.startswith("rating_") and len(name) > len("rating_")]
    aliases = {name: f"__rating_{index}_raw" for index, name in enumerate(rating_columns)}
    raw_ratings = "".join(f", {_column(columns, name)} AS {alias}" for name, alias in aliases.items())
    parsed_ratings = "".join(f", parse_number({alias}) AS {quote_identifier(name)}" for name, alias in aliases.items())
    cursor.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE staged AS
        WITH cells AS (
            SELECT __row,
                   {_candidate_expression(columns)} AS candidate_id,
                   {_column(columns, 'process_id')} AS process_id,
                   {_column(columns, 'submitted_at')} AS submitted_at_raw,
                   {_column(columns, 'nps')} AS nps_raw,
                   {_column(columns, 'comment')} AS comment,
                   lower({_column(columns, 'language')}) AS language
                   {raw_ratings}
            FROM raw
        ), parsed AS (
            SELECT *,
                   parse_instant(submitted_at_raw, $timezone) AS submitted_at,
                   parse_number(nps_raw) AS nps_value
                   {parsed_ratings}
            FROM cells
        )
        SELECT *, row_key(candidate_id, process_id, 'survey', epoch_us(submitted_at)) AS response_key
        FROM parsed
        """,
        {"timezone": timezone},
    )
    out_of_range, window = _out_of_range_check("submitted_at", "submitted_at", "submitted_at_raw")
    checks = [
        ("candidate_id", "candidate_id", "candidate_id IS NULL", "missing_candidate"),
        ("process_id", "process_id", "process_id IS NULL", "missing_value"),
        ("submitted_at", "submitted_at_raw", "submitted_at_raw IS NULL", "missing_value"),
        ("submitted_at", "submitted_at_raw", "submitted_at_raw IS NOT NULL AND submitted_at IS NULL", "bad_timestamp"),
        out_of_range,
        ("nps", "nps_raw",
         "nps_raw IS NOT NULL AND (nps_value IS NULL OR nps_value NOT BETWEEN 0 AND 10 OR nps_value <> round(nps_value))",
         "bad_nps"),
    ]
    for name, alias in aliases.items():
        value = quote_identifier(name)
        checks.append((name, alias, f"{alias} IS NOT NULL AND ({value} IS NULL OR {value} NOT BETWEEN 1 AND 5)", "bad_rating"))
    return "staged", checks, {"out_of_range": window}


def _stage_lookups(cursor) -> _Part:
    """A vendor code table (id, text, category): every row needs its id."""
    cursor.execute("CREATE OR REPLACE TEMP TABLE staged AS SELECT __row, id, text, category FROM raw")
    return "staged", [("id", "id", "id IS NULL", "missing_value")], {}


def _sql_literal(text: str) -> str:
    """A constant of this module as a SQL string literal (never used for user values)."""
    return "'" + text.replace("'", "''") + "'"


# Staged event types and channels as one byte each, not their text: a million applications' staged
# rows take 0.2 GB less, which the store step needs (`_free_check_columns`). Stored as text.
EVENT_TYPE_ENUM = f"ENUM({', '.join(map(_sql_literal, EVENT_TYPES))})"
CHANNEL_ENUM = f"ENUM({', '.join(map(_sql_literal, CHANNELS))})"
EVENT_CHECK_COLUMNS = ("event_type_raw", "occurred_at_raw", "channel_raw")


def _free_check_columns(cursor, parts: list[_Part]) -> None:
    """Drop the staged events' text kept for row checks only, once the checks have run.

    The store step runs in one transaction, which keeps every staged table whole until it commits,
    while the events are written and their facts made; at a million applications the staged rows
    (1.2 GB) make those steps spill to disk. Dropped before it, the columns are gone (0.1 GB).
    """
    for table, _, _ in parts:
        present = {row[0] for row in cursor.execute(f"DESCRIBE {table}").fetchall()}
        holder = _holder(cursor, table)
        for column in EVENT_CHECK_COLUMNS:
            if column in present:
                cursor.execute(f"ALTER TABLE {holder} DROP COLUMN {column}")


def _collect_problems(cursor, parts: list[_Part], columns) -> ProblemSummary:
    """Run every row check in one pass over the staged rows; bad rows are kept out of the store.

    parts: each staged table with its checks and the problem details, the same for every row (the
    accepted window of instants). A problem found in two parts of the same row counts once.
    """
    union = " UNION ALL ".join(
        f"SELECT __row, {_sql_literal(column)} AS column_name, {value} AS value, {_sql_literal(code)} AS code "
        f"FROM {table} WHERE {condition}"
        for table, checks, _ in parts for column, value, condition, code in checks
    )
    details = {code: text for _, _, part_details in parts for code, text in part_details.items()}
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE row_problems AS SELECT DISTINCT * FROM ({union})")
    total, bad_rows = cursor.execute("SELECT count(*), count(DISTINCT __row) FROM row_problems").fetchone()
    rows = cursor.execute(
        "SELECT __row, column_name, value, code FROM row_problems ORDER BY __row, column_name LIMIT ?",
        [MAX_KEPT_PROBLEMS],
    ).fetchall()
    problems = [RowProblem(row=int(r), column=columns.get(c, c), value=v, code=code, detail=details.get(code, ""))
                for r, c, v, code in rows]
    return ProblemSummary(problems, total, bad_rows)


def _store_staged(cursor, report: ImportReport, tables: list[str], preset, evidence: _EvidenceChoice) -> int:
    """Insert the good rows that are not yet stored, record which import brought which row, and
    account for every row of the file (stored, already stored, rejected, left out by reason)."""
    import_id = cursor.execute("SELECT nextval('import_ids')").fetchone()[0]
    cursor.execute("CREATE OR REPLACE TEMP TABLE new_rows (__row BIGINT)")
    cursor.execute("CREATE OR REPLACE TEMP TABLE touched_applications (candidate_id VARCHAR, process_id VARCHAR)")
    facts_current = facts_are_current(cursor)
    event_types: set[str] = set()
    for table in tables:
        good = f"{table} WHERE __row NOT IN (SELECT __row FROM row_problems)"
        if table == "staged" and report.kind == "surveys":
            _store_survey_answers(cursor, good, import_id)
        elif table == "staged" and report.kind == "lookups":
            _store_lookups(cursor, good, import_id, preset.lookup)
        else:
            event_types |= _store_events(cursor, table, good, import_id, touched=facts_current,
                                         one_event_per_row=preset is None and table == "staged")
    # A canonical file's staged rows and new rows are each a row of the file once: counted, not told apart.
    rows = "count(*)" if preset is None else "count(DISTINCT __row)"
    every_row = " UNION ALL ".join(f"SELECT __row FROM {table}" for table in tables)
    good_rows = cursor.execute(
        f"SELECT {rows} FROM ({every_row}) WHERE __row NOT IN (SELECT __row FROM row_problems)"
    ).fetchone()[0]
    report.rows_stored = cursor.execute(f"SELECT {rows} FROM new_rows").fetchone()[0]
    report.rows_duplicate = good_rows - report.rows_stored
    report.left_out = dict(cursor.execute("SELECT reason, count(*) FROM left_out GROUP BY reason").fetchall())
    report.stored_partly = dict(cursor.execute(
        "SELECT reason, count(*) FROM stored_partly WHERE __row NOT IN (SELECT __row FROM row_problems) "
        "GROUP BY reason").fetchall())
    declared = _declared_evidence(report, preset, event_types, evidence)
    if report.rows_stored == 0 and (earlier := _same_import(cursor, report, declared)) is not None:
        # The same file again, saying the same about its source: nothing changes, so nothing is logged
        # (an undo list of no-ops would only hide the imports that matter), and the rows stay the earlier import's.
        cursor.execute("DELETE FROM event_sources WHERE import_id = ?", [import_id])
        cursor.execute("DELETE FROM survey_sources WHERE import_id = ?", [import_id])
        _describe_evidence(report, declared)
        report.repeat_of_earlier = True
        return earlier
    cursor.execute(
        "INSERT INTO imports (import_id, file_name, sha256, kind, format, rows_read, rows_stored, rows_duplicate, "
        "rows_rejected, imported_at, rows_left_out, left_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, report.file_name, report.sha256, report.kind, report.format, report.rows_read, report.rows_stored,
         report.rows_duplicate, report.rows_rejected, datetime.now(UTC), report.rows_left_out,
         json.dumps(report.left_out, sort_keys=True)],
    )
    _record_evidence(cursor, import_id, report, declared)
    if report.kind != "lookups":
        _store_aliases(cursor, f"{tables[0]} WHERE __row NOT IN (SELECT __row FROM row_problems)", import_id)
    for table in tables:   # stored: the memory goes to the facts (a large file's staged rows would make them spill)
        _drop_loaded(cursor, table)
    if event_types:   # the facts of the applications the file holds; of all when they were stale
        refresh_application_facts(cursor, "touched_applications" if facts_current else None)
    return import_id


def _store_aliases(cursor, good: str, import_id: int) -> None:
    """Each stored row's address keys become aliases of its candidate (keyed hashes, never the address)."""
    cursor.execute(
        f"""
        INSERT INTO candidate_aliases
        SELECT DISTINCT a.address_key, s.candidate_id, ?
        FROM row_addresses AS a JOIN (SELECT __row, candidate_id FROM {good}) AS s USING (__row)
        WHERE a.address_key IS NOT NULL AND s.candidate_id IS NOT NULL
        """,
        [import_id],
    )


def _store_events(cursor, table: str, good: str, import_id: int, *, one_event_per_row: bool = False,
                  touched: bool = True) -> set[str]:
    """New events of one staged table; returns the event types the import holds (new or not).

    one_event_per_row: each row of the table is a row of its own in the file (a canonical file), so an
    event and its row name one row of the table, and no second pass needs to keep one of several.
    touched: note the applications the events belong to (`touched_applications`), for their facts.
    Rows already stored are found by anti joins, which hash the incoming keys, not the store's.
    """
    if one_event_per_row:
        _canonical_incoming(cursor, table, good)
    else:
        cursor.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE incoming AS
            -- A row repeated in the file is kept once, as its first occurrence: a hash aggregate
            -- and a semi join, much cheaper than sorting millions of rows for DISTINCT ON.
            -- One source row can give several events (presets, milestone columns): match on both.
            WITH first_rows AS (SELECT event_key, min(__row) AS __row FROM {good} GROUP BY event_key)
            SELECT DISTINCT ON (event_key) event_key, candidate_id, process_id, event_type, occurred_at,
                   process_name, department, recruiter, stage, channel, __row
            FROM {table} SEMI JOIN first_rows USING (event_key, __row)
            """
        )
    cursor.execute("INSERT INTO new_rows SELECT __row FROM incoming ANTI JOIN event_sources USING (event_key)")
    cursor.execute("INSERT INTO events BY NAME SELECT * EXCLUDE (__row) FROM incoming ANTI JOIN events USING (event_key)")
    cursor.execute("INSERT INTO event_sources SELECT event_key, ? FROM incoming", [import_id])
    if touched:
        cursor.execute("INSERT INTO touched_applications SELECT DISTINCT candidate_id, process_id FROM incoming")
    event_types = {row[0] for row in cursor.execute("SELECT DISTINCT event_type FROM incoming").fetchall()}
    cursor.execute(f"DROP {'VIEW' if one_event_per_row else 'TABLE'} incoming")
    return event_types


def _canonical_incoming(cursor, table: str, good: str) -> None:
    """`incoming`, a view: the good rows of a canonical file, a row repeated in the file kept once, as
    its first occurrence. The later occurrences are the rows that follow a row with the same key in
    key and row order (a sort of two numbers, cheaper than hashing every key), and the rows are read
    where they are staged, never copied: a file without bad or repeated rows is read as it is."""
    cursor.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE later_occurrences AS
        SELECT __row FROM (SELECT __row, event_key, lag(event_key) OVER (ORDER BY event_key, __row) AS previous_key
                           FROM {good})
        WHERE previous_key = event_key
        """
    )
    left_out = cursor.execute(
        "SELECT (SELECT count(*) FROM row_problems) + (SELECT count(*) FROM later_occurrences)").fetchone()[0]
    rows = f"{good} AND __row NOT IN (SELECT __row FROM later_occurrences)" if left_out else table
    cursor.execute(
        f"""
        CREATE OR REPLACE TEMP VIEW incoming AS
        SELECT event_key, candidate_id, process_id, event_type, occurred_at,
               process_name, department, recruiter, stage, channel, __row
        FROM {rows}
        """
    )


def _store_lookups(cursor, good: str, import_id: int, lookup: tuple[str, str]) -> None:
    """A vendor code table: new or changed entries replace the stored ones."""
    vendor, kind = lookup
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE incoming AS SELECT DISTINCT ON (id) * FROM {good} ORDER BY id, __row")
    cursor.execute(
        "INSERT INTO new_rows SELECT __row FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM vendor_lookups v "
        "WHERE v.vendor = ? AND v.kind = ? AND v.id = i.id AND v.text IS NOT DISTINCT FROM i.text "
        "AND v.category IS NOT DISTINCT FROM i.category)", [vendor, kind])
    cursor.execute("INSERT OR REPLACE INTO vendor_lookups SELECT ?, ?, id, text, category, ? FROM incoming "
                   "WHERE __row IN (SELECT __row FROM new_rows)", [vendor, kind, import_id])


# What a canonical file records: everything, by contract (the README's data contract).
CANONICAL_EVIDENCE = {
    "events": (("applications", "own"), ("decisions", "own"), ("interviews", "own"), ("messages", "own"),
               ("personal_feedback", "own"), ("surveys_sent", "own")),
    "surveys": (("survey_answers", "all"),),
    "lookups": (),
}
# The scope of a kind the user says a file records: answers without their invitations stand for
# every application (no answer means no answer); everything else for the file's own applications.
DEFAULT_SCOPES = {"survey_answers": "all"}


def _same_import(cursor, report: ImportReport, declared: tuple[tuple[str, str], ...]) -> int | None:
    """The latest stored import of the same file (same bytes and kind) that recorded the same evidence."""
    earlier = cursor.execute("SELECT max(import_id) FROM imports WHERE sha256 = ? AND kind = ?",
                             [report.sha256, report.kind]).fetchone()[0]
    if earlier is None:
        return None
    recorded = set(cursor.execute("SELECT evidence, scope FROM import_evidence WHERE import_id = ?",
                                  [earlier]).fetchall())
    return earlier if recorded == set(declared) else None


def _declared_evidence(report: ImportReport, preset, event_types: set[str],
                       choice: _EvidenceChoice) -> tuple[tuple[str, str], ...]:
    """What this import's source can tell: (evidence kind, scope) pairs."""
    if preset is None:
        declared = CANONICAL_EVIDENCE[report.kind]
    elif isinstance(preset, ColumnMapping):
        declared = preset.evidence(event_types)
    else:
        declared = preset.evidence
    scopes = dict(declared)
    if choice.records is not None:
        declared = tuple((kind, scopes.get(kind, DEFAULT_SCOPES.get(kind, "own"))) for kind in choice.records)
    return tuple((kind, scope) for kind, scope in dict(declared).items() if kind not in choice.not_recorded)


def _record_evidence(cursor, import_id: int, report: ImportReport, declared: tuple[tuple[str, str], ...]) -> None:
    """Write what this import's source can tell (import_evidence), so unknown is never read as zero.

    Written for every logged import, also one whose rows were all stored before: the file still says
    what its source records.
    """
    if declared:
        cursor.executemany(
            "INSERT INTO import_evidence VALUES (?, ?, ?, NULL, NULL)",
            [[import_id, evidence, scope] for evidence, scope in declared],
        )
    _describe_evidence(report, declared)


def _describe_evidence(report: ImportReport, declared: tuple[tuple[str, str], ...]) -> None:
    report.evidence = [kind for kind, _ in declared]
    if report.kind != "lookups":
        report.cannot_measure = {m.key: (m.reason_en, m.reason_sv)
                                 for m in metric_support(report.evidence) if not m.available}


def _store_survey_answers(cursor, good: str, import_id: int) -> None:
    """New answers with their comment's language and sentiment; the comment is stored masked."""
    rating_columns = [row[0] for row in cursor.execute("DESCRIBE staged").fetchall() if row[0].startswith("rating_")]
    cursor.execute(
        f"CREATE OR REPLACE TEMP TABLE incoming AS SELECT DISTINCT ON (response_key) * FROM {good} "
        "ORDER BY response_key, __row"
    )
    cursor.execute(
        "CREATE OR REPLACE TEMP TABLE new_answers AS SELECT * FROM incoming "
        "WHERE response_key NOT IN (SELECT response_key FROM survey_responses)"
    )
    comments = cursor.execute(
        "SELECT DISTINCT comment, language FROM new_answers WHERE comment IS NOT NULL"
    ).df()
    comments["detected"] = [
        given if isinstance(given, str) else sentiment.detect_language(text)
        for text, given in zip(comments["comment"], comments["language"], strict=True)
    ]
    results = sentiment.score_texts(comments["comment"].tolist())
    scored = pd.DataFrame({
        "comment": comments["comment"],
        "given_language": comments["language"],
        "language": comments["detected"],
        "sentiment_label": [r.label if r else None for r in results],
        "sentiment_score": [r.score if r else None for r in results],
        "masked": [sentiment.mask_personal_data(text) for text in comments["comment"]],
    })
    cursor.register("scored_comments", scored)
    cursor.execute(
        """
        INSERT INTO survey_responses
        SELECT a.response_key, a.candidate_id, a.process_id, a.submitted_at, CAST(a.nps_value AS TINYINT),
               s.masked, coalesce(s.language, a.language), s.sentiment_label, s.sentiment_score,
               CASE WHEN s.sentiment_label IS NOT NULL THEN ? END
        FROM new_answers a
        LEFT JOIN (
            -- Typed explicitly: pandas gives an empty frame's columns no useful type.
            SELECT CAST(comment AS VARCHAR) AS comment, CAST(given_language AS VARCHAR) AS given_language,
                   CAST(language AS VARCHAR) AS language, CAST(sentiment_label AS VARCHAR) AS sentiment_label,
                   CAST(sentiment_score AS DOUBLE) AS sentiment_score, CAST(masked AS VARCHAR) AS masked
            FROM scored_comments
        ) s ON s.comment = a.comment AND s.given_language IS NOT DISTINCT FROM a.language
        """,
        [sentiment.SCORER_NAME],
    )
    cursor.unregister("scored_comments")
    for column in rating_columns:
        cursor.execute(
            f"INSERT INTO survey_ratings SELECT response_key, ?, {quote_identifier(column)} FROM new_answers "
            f"WHERE {quote_identifier(column)} IS NOT NULL",
            [column.removeprefix("rating_")],
        )
    cursor.execute("INSERT INTO new_rows SELECT __row FROM incoming "
                   "WHERE response_key NOT IN (SELECT response_key FROM survey_sources)")
    cursor.execute("INSERT INTO survey_sources SELECT response_key, ? FROM incoming", [import_id])


@dataclass(frozen=True)
class UndoResult:
    import_id: int
    events_removed: int
    answers_removed: int


def undo_import(store: Store, import_id: int,
                on_undone: Callable[[duckdb.DuckDBPyConnection, UndoResult], None] | None = None) -> UndoResult:
    """Remove exactly what this import brought (rows no other import also holds), also from the
    database file's bytes. `on_undone(cursor, result)` runs in the undo's transaction (the audit entry)."""
    with store.transaction() as cursor:
        if not cursor.execute("SELECT count(*) FROM imports WHERE import_id = ?", [import_id]).fetchone()[0]:
            raise KeyError(f"There is no import with id {import_id}; see the list of imports.")
        facts_current = facts_are_current(cursor)
        cursor.execute("DELETE FROM event_sources WHERE import_id = ?", [import_id])
        cursor.execute("CREATE OR REPLACE TEMP TABLE undone_applications AS SELECT DISTINCT candidate_id, process_id "
                       "FROM events WHERE event_key NOT IN (SELECT event_key FROM event_sources)")
        events = cursor.execute(
            "DELETE FROM events WHERE event_key NOT IN (SELECT event_key FROM event_sources)"
        ).fetchone()[0]
        if events:
            refresh_application_facts(cursor, "undone_applications" if facts_current else None)
        cursor.execute("DELETE FROM survey_sources WHERE import_id = ?", [import_id])
        cursor.execute(
            "DELETE FROM survey_ratings WHERE response_key NOT IN (SELECT response_key FROM survey_sources)"
        )
        answers = cursor.execute(
            "DELETE FROM survey_responses WHERE response_key NOT IN (SELECT response_key FROM survey_sources)"
        ).fetchone()[0]
        cursor.execute("DELETE FROM import_evidence WHERE import_id = ?", [import_id])
        cursor.execute("DELETE FROM vendor_lookups WHERE import_id = ?", [import_id])
        cursor.execute("DELETE FROM candidate_aliases WHERE import_id = ?", [import_id])
        cursor.execute("DELETE FROM message_keys WHERE import_id = ?", [import_id])
        cursor.execute("DELETE FROM imports WHERE import_id = ?", [import_id])
        result = UndoResult(import_id, events, answers)
        if on_undone is not None:
            on_undone(cursor, result)
    store.rewrite()   # the removed rows' text leaves the file's bytes too
    return result
