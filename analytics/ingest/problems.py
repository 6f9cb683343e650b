"""What goes wrong in an import, row by row, shared by every reader (importer, message traces).

A row problem names the file's data row, its line, the column and the value, and keys its text in
the message catalogue; the reader raises ImportFailed to roll its transaction back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from analytics.i18n import t
from analytics.vocabulary import CHANNELS, EVENT_TYPES

MAX_LISTED_PROBLEMS = 20
MAX_KEPT_PROBLEMS = 10_000
# Instants outside this window are typos or placeholders (1970-01-01, 9999-12-31) and would skew
# every metric: a row problem. The end is relative to the import: planned interviews may lie ahead.
EARLIEST_INSTANT = datetime(1990, 1, 1, tzinfo=UTC)
LATEST_AHEAD = timedelta(days=366)
FIELD_COUNT = re.compile(r"expected (\d+) fields, found (\d+)")

ProgressCallback = Callable[[float, str], None]
# Called on the importing cursor inside the transaction that stores an import's rows, after them and
# with the report filled in: what must be written with them or not at all (the audit entry).
StoredCallback = Callable[[Any, Any], None]   # (cursor, ImportReport)


def reader_error_detail(error: Exception, path: object) -> str:
    """DuckDB's first line of a reader error, without the (temporary) path it names nor the row's text
    (the path goes before the line is cut, so no part of it is left)."""
    return str(error).strip().splitlines()[0].replace(str(path), "the file")[:300]


# The column of a line the reader could not split into cells: the whole row (shown translated).
WHOLE_ROW = "(whole row)"


@dataclass
class RowProblem:
    row: int          # data row, header not counted
    column: str
    value: str | None
    code: str         # key under problem.* in the message catalogue
    detail: str = ""
    file_line: int | None = None   # set when blank lines or quoted line breaks shift lines

    @property
    def line(self) -> int:
        return self.file_line or self.row + 1

    def shown_column(self, lang: str = "en") -> str:
        """The column as a reader sees it: its name in the file, or "the whole row" in their language."""
        return t("problem.whole_row", lang) if self.column == WHOLE_ROW else self.column

    def message(self, file_name: str, lang: str = "en") -> str:
        prefix = t("import.row_prefix", lang, file=file_name, row=self.row, line=self.line,
                   column=self.shown_column(lang))
        return f"{prefix}: {problem_text(self, lang)}"


def problem_text(problem: RowProblem, lang: str = "en") -> str:
    allowed = {"unknown_event_type": ", ".join(EVENT_TYPES), "unknown_channel": ", ".join(CHANNELS)}
    detail = problem.detail
    if problem.code == "bad_structure" and (counts := FIELD_COUNT.fullmatch(detail)):
        detail = t("problem.field_count", lang, expected=counts[1], found=counts[2])
    return t(f"problem.{problem.code}", lang, value=problem.value, allowed=allowed.get(problem.code, ""),
             detail=detail)


class ImportFailed(Exception):
    """Raised inside the import transaction to roll it back; carries the report (an ImportReport)."""

    def __init__(self, report):
        super().__init__(report.error_message() or report.file_name)
        self.report = report


def hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """The HMAC key xor-ed into its inner and outer pad blocks, for the SQL macro hmac_sha256."""
    block = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


def bad_cell_marks(cells: list[str]) -> str:
    """SQL: per row, [index in `cells`, 0 for a NUL or 1 for a damaged character] of every cell that
    holds one, in the order of `cells` (SQL expressions, the reader's own identifiers). A NUL would
    make `P-17` and `P-17<NUL>` two processes that look alike; a damaged character (U+FFFD, which the
    reader put where bytes were neither UTF-8 nor Windows-1252, or UTF-16 that does not decode) would
    store garbled text: such a row is refused."""
    checks = []
    for index, cell in enumerate(cells):
        checks.append(f"CASE WHEN contains({cell}, chr(0)) THEN [{index}, 0] END")
        checks.append(f"CASE WHEN contains({cell}, chr(65533)) THEN [{index}, 1] END")
    return f"list_filter([{', '.join(checks)}], lambda mark: mark IS NOT NULL)"


def bad_cell_code(kind: int, encoding: str) -> str:
    """The problem code of a `bad_cell_marks` mark's kind, for a file read in `encoding`."""
    return "nul_byte" if kind == 0 else ("bad_utf16" if encoding.startswith("utf-16") else "bad_encoding")
