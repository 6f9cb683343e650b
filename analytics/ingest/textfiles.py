"""Turn whatever an HR lead uploads into one UTF-8 CSV that DuckDB's reader takes.

Handles UTF-8 (with or without BOM), cp1252, UTF-16 ("Unicode text" from Excel), Excel workbooks
under any name (`workbooks`), and the separators `,` `;` tab and `|`. Transcoding streams in
blocks, so a large export never sits in memory whole; plain UTF-8 is handed to DuckDB as it is.

The encoding is decided per row, never for the whole file from its first block: one pass over
every byte (the same that takes the file's SHA-256) tells whether all of it is UTF-8. When it is
not, each line is read on its own: as UTF-8 when it is UTF-8, as Windows-1252 (what Excel writes
for "CSV" on Windows) when it holds no UTF-8 character at all, and as damaged when it mixes UTF-8
characters with bytes that are not UTF-8. A file whose rows differ gets a warning naming the rows
read the other way; damaged rows are refused by the importer with their row and column, never
stored garbled. NUL bytes anywhere are noted, so the importer refuses the rows that hold them.
Only regular files up to `RADAR_MAX_IMPORT_MB` are read (not `/dev/zero`, a pipe or a folder).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import os
import stat
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analytics.ingest.workbooks import WorkbookTooLarge, workbook_to_csv

SNIFF_BYTES = 1 << 20
# Read in blocks of 1 MiB: memory of that size is reused from block to block, where each block of
# 16 MiB (and its decoded text) was memory mapped afresh, a page fault per 4 KiB (the benchmark's
# 910 MiB log: 1.0 s of system time; its scan took 1.56 s, now 1.06 s).
BLOCK_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_IMPORT_MB_ENV = "RADAR_MAX_IMPORT_MB"
DEFAULT_MAX_IMPORT_MB = 2048
LISTED_LINES = 20      # line numbers kept per kind of deviating row; the rest are counted
class UnreadableFile(ValueError):
    """The file is not a table we can read; `code` keys the message catalogue."""

    def __init__(self, code: str, **details: str | int):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class LineSample:
    """Lines of one kind: the first LISTED_LINES line numbers and how many there are in all."""

    lines: tuple[int, ...] = ()
    count: int = 0

    def add(self, line: int) -> LineSample:
        kept = self.lines if len(self.lines) >= LISTED_LINES else (*self.lines, line)
        return LineSample(kept, self.count + 1)


@dataclass(frozen=True)
class PreparedTable:
    csv_path: Path          # UTF-8 CSV for DuckDB (the original file when that already is one)
    encoding: str           # what the upload was: 'utf-8', 'utf-8-sig', 'cp1252', 'utf-16', 'xlsx'
    delimiter: str
    sha256: str
    is_temporary: bool
    has_nul: bool = False                   # a NUL byte (character) somewhere: rows to refuse
    other_encoding: str = ""                # the encoding some rows were read in instead of `encoding`
    other_lines: LineSample = LineSample()  # those rows' lines
    damaged_lines: LineSample = LineSample()  # lines neither UTF-8 nor Windows-1252, or not UTF-16: refused
    lines: int | None = None                # physical lines of csv_path when the scan counted them
    unicode_spaces: bool = True             # whether a cell may hold a space other than ASCII's (UNICODE_SPACES)

    def cleanup(self) -> None:
        if self.is_temporary:
            self.csv_path.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Scan:
    sha256: str
    is_utf8: bool
    has_nul: bool
    lines: int
    unicode_spaces: bool   # a space character other than ASCII's (UNICODE_SPACES); told only for UTF-8


# The characters besides ' ' that DuckDB's trim() takes away (Unicode's category Zs). A file without
# any lets the importer trim its cells more cheaply (import_macros.sql, trimmed_ascii_cell).
UNICODE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _scan(path: Path) -> _Scan:
    """One pass over every byte: the SHA-256, whether all of it is UTF-8 and holds a space
    character other than ASCII's, whether it holds a NUL, and its physical lines.

    The file is read once: each block is hashed on a thread of its own (hashlib lets go of the
    interpreter while it works) while this thread looks at the same block. Reading the file on each
    thread instead cost a second copy of every byte (the benchmark's 910 MiB log: 1.07 s -> 0.85 s).
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    is_utf8, has_nul, unicode_spaces, lines, last = True, False, False, 0, b""
    with ThreadPoolExecutor(max_workers=1) as helper, path.open("rb") as handle:
        hashing = None
        while block := handle.read(BLOCK_BYTES):
            if hashing is not None:
                hashing.result()   # blocks are hashed in order
            hashing = helper.submit(digest.update, block)
            has_nul = has_nul or b"\x00" in block
            lines += line_breaks(block)
            last = block[-1:]
            if is_utf8 and not block.isascii():
                try:
                    text = decoder.decode(block)
                except UnicodeDecodeError:
                    is_utf8 = False
                else:
                    unicode_spaces = unicode_spaces or any(space in text for space in UNICODE_SPACES)
        if hashing is not None:
            hashing.result()
    if is_utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            is_utf8 = False
    return _Scan(digest.hexdigest(), is_utf8, has_nul, physical_lines(lines, last), unicode_spaces)


def physical_lines(breaks: int, last_byte: bytes) -> int:
    """A file's lines from its line breaks and its last byte (b"" when empty): a last line without a
    line break counts."""
    return breaks + (1 if last_byte not in (b"", b"\n") else 0)


def line_breaks(block: bytes) -> int:
    """How many line breaks the block holds. numpy compares every byte at once: three times as fast
    as bytes.count, which goes byte by byte (the benchmark's 910 MiB log: 0.46 s -> 0.15 s)."""
    return int(np.count_nonzero(np.frombuffer(block, dtype=np.uint8) == ord("\n")))


def max_import_bytes() -> int:
    try:
        return int(float(os.environ.get(MAX_IMPORT_MB_ENV, DEFAULT_MAX_IMPORT_MB)) * (1 << 20))
    except ValueError:
        return DEFAULT_MAX_IMPORT_MB << 20


def check_regular_file(path: Path) -> None:
    """Refuse at once what is no regular file (`/dev/zero`, a pipe, a folder) or is over the size limit.

    Opened without blocking, so a pipe with no writer cannot hang the check.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except IsADirectoryError as error:
        raise UnreadableFile("not_a_file") from error
    try:
        status = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile("not_a_file")
    if status.st_size > max_import_bytes():
        # Byte counts: the message writes them in the reader's language (ImportReport.error_message).
        raise UnreadableFile("too_large", size=status.st_size, limit=max_import_bytes())


def prepare_table(path: Path, encoding: str | None = None) -> PreparedTable:
    """Detect encoding (unless given), workbook and separator; raise UnreadableFile in plain words."""
    check_regular_file(path)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        raise UnreadableFile("empty_file")
    scan = _scan(path)
    if head.startswith(b"PK\x03\x04"):
        return _workbook_to_csv(path, scan.sha256)
    encoding = encoding or _detect_encoding(head)
    text_head = head.decode(encoding, errors="replace")
    if _looks_binary(text_head):
        raise UnreadableFile("binary_file")
    delimiter = _detect_delimiter(text_head)
    if encoding in ("utf-8", "utf-8-sig") and not scan.is_utf8:
        return _transcode_per_line(path, delimiter, scan)
    if encoding == "utf-8":
        return PreparedTable(path, encoding, delimiter, scan.sha256, is_temporary=False, has_nul=scan.has_nul,
                             lines=scan.lines, unicode_spaces=scan.unicode_spaces)
    out, has_nul, damaged = _transcode(path, encoding)
    return PreparedTable(out, encoding, delimiter, scan.sha256, is_temporary=True, has_nul=has_nul,
                         damaged_lines=damaged)


def _detect_encoding(head: bytes) -> str:
    """UTF-16 by its BOM or its zero bytes, else UTF-8 (a file that is not all UTF-8 is read line by line)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if len(head) > 3 and head[1::2].count(0) > len(head) // 4:  # UTF-16 without BOM
        return "utf-16-le" if head[1] == 0 else "utf-16-be"
    return "utf-8"


def _looks_binary(text: str) -> bool:
    """More than 1 % control characters (NUL included): a stray NUL in a text table is a row problem instead."""
    sample = text[:20000]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\r\n\t")
    return controls > len(sample) // 100


def _detect_delimiter(text: str) -> str:
    """The separator that splits the header row into the most fields (quotes respected)."""
    header = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    counts = {d: len(next(csv.reader(io.StringIO(header), delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _latin1_for_undefined(error: UnicodeDecodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined; read those as Latin-1 rather than fail."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("radar-latin1", _latin1_for_undefined)


def _transcode(path: Path, encoding: str) -> tuple[Path, bool, LineSample]:
    """The whole file from one encoding (cp1252 or UTF-16) to UTF-8; also whether it holds a NUL, and
    its damaged lines: UTF-16 that does not decode becomes U+FFFD, and the lines holding one are named
    so that the importer refuses their rows (cp1252 decodes every byte)."""
    errors = "replace" if encoding.startswith("utf-16") else "radar-latin1"
    has_nul, damaged, line, last_damaged = False, LineSample(), 1, 0
    with _temporary_csv() as (out, target), path.open("rb") as source:
        decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
        while True:
            block = source.read(BLOCK_BYTES)
            text = decoder.decode(block, final=not block)
            has_nul = has_nul or "\x00" in text
            if "\ufffd" in text:   # each line once, also one that a block boundary splits
                for offset, part in enumerate(text.split("\n")):
                    if "\ufffd" in part and line + offset != last_damaged:
                        damaged, last_damaged = damaged.add(line + offset), line + offset
            line += text.count("\n")
            target.write(text)
            if not block:
                break
    return out, has_nul, damaged


@dataclass
class _Tally:
    """Lines written so far, and the non-ASCII ones by the encoding they were read in."""

    number: int = 0
    utf8: LineSample = LineSample()
    cp1252: LineSample = LineSample()
    damaged: LineSample = LineSample()


def _transcode_per_line(path: Path, delimiter: str, scan: _Scan) -> PreparedTable:
    """A file that is not all UTF-8, each line in its own encoding (see the module's docstring).

    The file's encoding is the one most of its non-ASCII lines are in; the other lines are named
    (`other_lines`), damaged lines too, with U+FFFD for the bytes that are not UTF-8.
    """
    tally = _Tally()
    with _temporary_csv() as (out, target), path.open("rb") as source:
        rest = b""
        while block := source.read(BLOCK_BYTES):
            block, rest = _whole_lines(rest + block)
            _write_block(target, block, tally)
        _write_block(target, rest, tally)
    main, other = ("utf-8", tally.cp1252) if tally.utf8.count >= tally.cp1252.count else ("cp1252", tally.utf8)
    return PreparedTable(out, main, delimiter, scan.sha256, is_temporary=True, has_nul=scan.has_nul,
                         other_encoding=("cp1252" if main == "utf-8" else "utf-8") if other.count else "",
                         other_lines=other, damaged_lines=tally.damaged)


def _whole_lines(data: bytes) -> tuple[bytes, bytes]:
    """The data up to its last line break, and what follows it."""
    cut = data.rfind(b"\n") + 1
    return data[:cut], data[cut:]


ASCII_BUT_NEWLINE = bytes(byte for byte in range(128) if byte != ord("\n"))


def _holds_utf8_character(data: bytes) -> bool:
    """Whether the bytes hold one whole UTF-8 character of two or more bytes (as fast as decoding)."""
    return not data.decode("utf-8", errors="replace").replace("\ufffd", "").isascii() or b"\xef\xbf\xbd" in data


def _write_block(target, block: bytes, tally: _Tally) -> None:
    """Whole lines: a block that is all UTF-8, or holds no UTF-8 character at all, is decoded at once;
    only a block with both goes line by line. The header line is read on its own and never counted."""
    if tally.number == 0 and block:
        header, newline, block = block.partition(b"\n")
        _write_lines(target, header + newline, tally)
    if not block:
        return
    try:
        text, kind = block.decode("utf-8"), "utf8"
    except UnicodeDecodeError:
        if _holds_utf8_character(block):
            _write_lines(target, block, tally)
            return
        text, kind = block.decode("cp1252", errors="radar-latin1"), "cp1252"
    target.write(text)
    if not block.isascii():
        setattr(tally, kind, _sampled(getattr(tally, kind), block, tally.number))
    tally.number += block.count(b"\n") + (not block.endswith(b"\n"))


def _sampled(sample: LineSample, block: bytes, lines_before: int) -> LineSample:
    """`sample` with the block's non-ASCII lines added: all counted, the first few by number.

    With every ASCII byte but the line break deleted, a line that held a non-ASCII byte is a
    non-empty piece between line breaks.
    """
    pieces = block.translate(None, ASCII_BUT_NEWLINE).split(b"\n")
    numbers = itertools.islice((lines_before + index + 1 for index, piece in enumerate(pieces) if piece),
                               max(LISTED_LINES - len(sample.lines), 0))
    return LineSample((*sample.lines, *numbers), sample.count + len(pieces) - pieces.count(b""))


def _write_lines(target, block: bytes, tally: _Tally) -> None:
    """Decode each line of `block` in its own encoding and write it; count the lines by encoding."""
    pieces = block.split(b"\n")
    last = len(pieces) - 1
    for index, line in enumerate(pieces):
        if index == last and not line:
            break
        ending = "\n" if index < last else ""
        tally.number += 1
        if tally.number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        if line.isascii():
            target.write(line.decode("ascii") + ending)
            continue
        try:
            text = line.decode("utf-8")
            if tally.number > 1:
                tally.utf8 = tally.utf8.add(tally.number)
        except UnicodeDecodeError:
            if _holds_utf8_character(line):
                text = line.decode("utf-8", errors="replace")
                tally.damaged = tally.damaged.add(tally.number)
            else:
                text = line.decode("cp1252", errors="radar-latin1")
                if tally.number > 1:
                    tally.cp1252 = tally.cp1252.add(tally.number)
        target.write(text + ending)


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
    """The first sheet of an .xlsx as CSV (`workbooks`), every cell as text, as a CSV export gives it.

    The header row is read as a row, so headers reach the CSV as written and a repeated header
    reaches the importer's check. Whatever goes wrong while reading the workbook (a damaged
    archive, a sheet cut short) is an unreadable file, never an exception; one over the limits is
    refused with its size.
    """
    try:
        with _temporary_csv() as (out, handle):
            rows = workbook_to_csv(path, handle)
    except WorkbookTooLarge as error:
        raise UnreadableFile(f"workbook_too_many_{error.what}", found=error.found, limit=error.limit) from error
    except Exception as error:   # zipfile, XML parsing, openpyxl: any failure means the same
        detail = str(error).replace(str(path), "the file").strip() or type(error).__name__
        raise UnreadableFile("unreadable", detail=detail[:300]) from error
    if rows == 0:
        out.unlink(missing_ok=True)
        raise UnreadableFile("empty_file")
    return PreparedTable(out, "xlsx", ",", sha, is_temporary=True)
