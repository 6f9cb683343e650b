"""Turn whatever an HR lead uploads into one UTF-8 CSV that DuckDB's reader takes.

Handles UTF-8 (with or without BOM), cp1252, UTF-16 ("Unicode text" from Excel), Excel workbooks
under any name, and the separators `,` `;` tab and `|`. Transcoding streams in blocks, so a large
export never sits in memory whole; plain UTF-8 is handed to DuckDB as it is.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SNIFF_BYTES = 1 << 20
BLOCK_BYTES = 16 << 20
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


class UnreadableFile(ValueError):
    """The file is not a table we can read; `code` keys the message catalogue."""

    def __init__(self, code: str, **details: str):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class PreparedTable:
    csv_path: Path          # UTF-8 CSV for DuckDB (the original file when that already is one)
    encoding: str           # what the upload was: 'utf-8', 'utf-8-sig', 'cp1252', 'utf-16', 'xlsx'
    delimiter: str
    sha256: str
    is_temporary: bool

    def cleanup(self) -> None:
        if self.is_temporary:
            self.csv_path.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def prepare_table(path: Path, encoding: str | None = None) -> PreparedTable:
    """Detect encoding (unless given), workbook and separator; raise UnreadableFile in plain words."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    sha = file_sha256(path)
    if not head.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        raise UnreadableFile("empty_file")
    if head.startswith(b"PK\x03\x04"):
        return _workbook_to_csv(path, sha)
    encoding = encoding or _detect_encoding(head)
    text_head = head.decode(encoding, errors="replace")
    if _looks_binary(text_head):
        raise UnreadableFile("binary_file")
    delimiter = _detect_delimiter(text_head)
    if encoding == "utf-8":
        return PreparedTable(path, encoding, delimiter, sha, is_temporary=False)
    return PreparedTable(_transcode(path, encoding), encoding, delimiter, sha, is_temporary=True)


def _detect_encoding(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if len(head) > 3 and head[1::2].count(0) > len(head) // 4:  # UTF-16 without BOM
        return "utf-16-le" if head[1] == 0 else "utf-16-be"
    try:
        # A block may end inside a multi-byte character; tolerate up to 3 cut bytes.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\r\n\t")
    return "\x00" in sample or controls > len(sample) // 100


def _detect_delimiter(text: str) -> str:
    """The separator that splits the header row into the most fields (quotes respected)."""
    header = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    counts = {d: len(next(csv.reader(io.StringIO(header), delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _transcode(path: Path, encoding: str) -> Path:
    # cp1252 leaves five bytes undefined; decode those as Latin-1 rather than fail.
    errors = "replace" if encoding.startswith("utf-16") else "strict"
    decoder_encoding = "cp1252" if encoding == "cp1252" else encoding
    with _temporary_csv() as (out, target), path.open("rb") as source:
        decoder = codecs.getincrementaldecoder(decoder_encoding)(errors=errors)
        while block := source.read(BLOCK_BYTES):
            try:
                target.write(decoder.decode(block))
            except UnicodeDecodeError:
                target.write(block.decode("latin-1"))
        target.write(decoder.decode(b"", final=True))
    return out


@contextmanager
def _temporary_csv() -> Iterator[tuple[Path, io.TextIOWrapper]]:
    """A new temporary file, open for UTF-8 text on the descriptor `mkstemp` gives (closed on exit,
    so no descriptor outlives the file); the file is removed again when writing it fails."""
    descriptor, name = tempfile.mkstemp(prefix="radar-", suffix=".csv")
    path = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            yield path, handle
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _workbook_to_csv(path: Path, sha: str) -> PreparedTable:
    """The first sheet of an .xlsx as CSV; every cell read as text, as a CSV export would give it.

    The header row is read as a row (header=None), so headers reach the CSV as written: pandas would
    rename a repeated header (`process_id.1`) and hide the repeat from the importer's check.
    Whatever goes wrong while reading the workbook (a damaged archive, a sheet cut short) is an
    unreadable file, never an exception.
    """
    import pandas as pd

    try:
        frame = pd.read_excel(path, sheet_name=0, header=None, dtype=str, engine="openpyxl")
    except Exception as error:   # zipfile, XML parsing, openpyxl: any failure means the same
        detail = str(error).replace(str(path), "the file").strip() or type(error).__name__
        raise UnreadableFile("unreadable", detail=detail[:300]) from error
    if frame.columns.size == 0:
        raise UnreadableFile("empty_file")
    with _temporary_csv() as (out, handle):
        frame.to_csv(handle, index=False, header=False)
    return PreparedTable(out, "xlsx", ",", sha, is_temporary=True)


def count_lines(path: Path) -> int:
    """Physical lines in a file (a last line without a line break counts)."""
    lines, last = 0, b""
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (1 if last not in (b"", b"\n") else 0)


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
