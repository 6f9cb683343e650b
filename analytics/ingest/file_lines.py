"""Where a file's records start: its physical lines, and the line each data record begins on when
blank lines or line breaks inside quoted fields make the two differ (the importer names a row's line
in its messages: "row 37 (line 38)")."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.textfiles import BLOCK_BYTES, line_breaks, physical_lines


def count_lines(path: Path) -> int:
    """Physical lines in a file (a last line without a line break counts)."""
    lines, last = 0, b""
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            lines += line_breaks(block)
            last = block[-1:]
    return physical_lines(lines, last)


def _quote_scan(path: Path):
    """(line number, line, inside quotes at the line's start) for every physical line."""
    inside_quotes = False
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, line, inside_quotes
            if line.count(b'"') % 2:
                inside_quotes = not inside_quotes


def unclosed_quote_line(path: Path) -> int | None:
    """The line where a quoted field opens and never closes, if the file has one."""
    opened_on, inside = None, False
    for number, line, inside_at_start in _quote_scan(path):
        if line.count(b'"') % 2:
            inside = not inside_at_start
            opened_on = number if inside else None
    return opened_on if inside else None


def first_other_line_end(path: Path) -> int | None:
    """The first line that ends otherwise (\\r\\n or \\n) than the file's first line, if any.

    DuckDB's reader takes the line end from the file's start and cannot split a file that changes
    it (two exports put together). A line break inside a quoted field does not count.
    """
    first = None
    for number, line, inside_quotes in _quote_scan(path):
        if not line.endswith(b"\n") or inside_quotes != bool(line.count(b'"') % 2):
            continue   # the last line without a line end, or one that ends inside a quoted field
        ends_crlf = line.endswith(b"\r\n")
        if first is None:
            first = ends_crlf
        elif ends_crlf != first:
            return number
    return None


def why_unsplittable(path: Path) -> tuple[str, dict[str, int]] | None:
    """Why a CSV reader cannot split the file into rows and cells, when the file shows it: a quote never
    closed (`bad_quotes`), else line ends that change (`mixed_line_ends`), each with its line; else None.
    The error code and its values, as the importer's report takes them."""
    if (line := unclosed_quote_line(path)) is not None:
        return "bad_quotes", {"line": line}
    if (line := first_other_line_end(path)) is not None:
        return "mixed_line_ends", {"line": line}
    return None


def record_start_lines(path: Path, physical_lines: int, records: int) -> list[int] | None:
    """The first file line of each data record, or None when every line after the header is one record.

    Only files with blank lines or line breaks inside quoted fields need the scan; it follows the
    quote parity of each line, as a CSV reader does, and gives up (None) if it disagrees with DuckDB.
    """
    if physical_lines - 1 == records:
        return None
    starts = [
        number for number, line, inside_quotes in _quote_scan(path)
        if not inside_quotes and number > 1 and line.strip(b"\r\n\xef\xbb\xbf")
    ]
    return starts if len(starts) == records else None
