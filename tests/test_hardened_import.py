"""Issue 13, hardened import: each reproduction of the reliability review, now refused or read right.

Encodings are decided per row (README "What an import guarantees"): a row that is UTF-8 is read as
UTF-8, a row without any UTF-8 character as Windows-1252, with a warning naming those rows; a row
that mixes UTF-8 with other bytes is refused by row and column, and so is a row of a UTF-16 file that
does not decode. NUL bytes are refused by row and column; workbooks are bounded by rows and cells; only regular files are read.
"""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analytics.ingest import workbooks
from analytics.ingest.importer import ImportReport, import_bytes, import_file

ROOT = Path(__file__).resolve().parents[1]
HEADER = "candidate_id,process_id,event_type,occurred_at,process_name\n"
MIB = 1 << 20


def filler(rows: int, first: int = 1) -> str:
    """ASCII rows, one application each, to push what follows past the first MiB."""
    return "".join(f"F-{n},P-1,application_received,2026-03-02 09:15,Plain\n" for n in range(first, first + rows))


FILLER_ROWS = 25_000      # 25,000 rows of 49-53 bytes: about 1.25 MiB
PLAIN = filler(FILLER_ROWS).encode("ascii")


def stored(store, sql: str, params=()) -> list[tuple]:
    return store.fetchall(sql, list(params))


def test_filler_is_longer_than_the_sniffed_head():
    assert len(HEADER) + len(PLAIN) > MIB


# -- encodings ------------------------------------------------------------------------------
def test_cp1252_rows_after_the_first_mib_are_read_as_cp1252_and_named(store):
    """Before: the first MiB decided UTF-8, DuckDB rejected the cp1252 rows, and the fallback read the
    whole file as cp1252, so the UTF-8 row became 'SjukskÃ¶terska'. Now each row in its own encoding."""
    utf8 = "".join(f"U-{n},P-2,application_received,2026-03-02 09:15,Sjuksköterska Örebro\n" for n in (1, 2, 3))
    data = (HEADER.encode() + utf8.encode("utf-8")
            + PLAIN + "W-1,P-3,application_received,2026-03-02 09:15,Sjuksköterska Växjö\n".encode("cp1252")
            + "W-2,P-3,application_received,2026-03-02 10:15,Sjuksköterska Växjö\n".encode("cp1252"))
    report = import_bytes(store, data, "mixed.csv")
    assert report.ok, report.error_message()
    assert report.rows_stored == FILLER_ROWS + 5
    assert stored(store, "SELECT DISTINCT process_id, process_name FROM events WHERE process_id <> 'P-1' "
                         "ORDER BY process_id") == [("P-2", "Sjuksköterska Örebro"), ("P-3", "Sjuksköterska Växjö")]
    assert report.encoding == "utf-8"
    # Rows 1-3 (U-1..U-3) and 4..25003 (filler) come first: the cp1252 rows are data rows 25004 and 25005.
    assert report.warning_lines() == [
        "mixed.csv: 2 rows (25004, 25005) are in Windows-1252, the rest of the file in UTF-8. Each row was read "
        "in its own encoding, so å, ä and ö are right in both; check those rows, and save the whole file as "
        "CSV UTF-8 next time."]
    assert report.warning_lines("sv")[0].startswith("mixed.csv: 2 rader (25004, 25005) är i Windows-1252")
    assert report.as_json()["warnings"] == report.warning_lines()


def test_one_stray_byte_in_a_utf8_file_garbles_no_other_row(store):
    """Before: one invalid byte made the whole file cp1252, every 'ö' of the UTF-8 rows garbled, silently."""
    data = (HEADER + "C-1,P-2,application_received,2026-03-02 09:15,Sjuksköterska Örebro\n").encode("utf-8") + \
        b"C-2,P-3,application_received,2026-03-02 09:15,Lund \xb7 Malm\xf6\n" + \
        "C-3,P-2,application_received,2026-03-02 10:15,Sjuksköterska Örebro\n".encode()
    report = import_bytes(store, data, "stray.csv")
    assert report.ok, report.error_message()
    assert stored(store, "SELECT candidate_id, process_name FROM events ORDER BY candidate_id") == [
        ("C-1", "Sjuksköterska Örebro"), ("C-2", "Lund · Malmö"), ("C-3", "Sjuksköterska Örebro")]
    assert report.warning_lines()[0].startswith("stray.csv: 1 row (2) is in Windows-1252, the rest of the file in UTF-8.")


def test_a_row_mixing_utf8_with_other_bytes_is_refused_by_row_and_column(store):
    """Neither reading of such a row is right: strict stores nothing, lenient stores the other rows."""
    rows = [
        "C-1,P-2,application_received,2026-03-02 09:15,Sjuksköterska\n".encode(),
        b"C-2,P-2,application_received,2026-03-02 09:15,Sjuksk\xc3\xb6terska \xff\xfe\n",
        "C-3,P-2,application_received,2026-03-02 10:15,Sjuksköterska\n".encode(),
    ]
    data = HEADER.encode() + b"".join(rows)
    report = import_bytes(store, data, "damaged.csv")
    assert not report.ok and report.error_code == "rows_rejected"
    assert report.problem_lines() == [
        "damaged.csv, row 2 (line 3), column process_name: holds bytes that are neither UTF-8 nor Windows-1252 "
        "beside UTF-8 text, so it cannot be read without garbling it; save the file as CSV UTF-8 (Excel: File > "
        "Save As > CSV UTF-8) and import it again"]
    assert stored(store, "SELECT count(*) FROM events") == [(0,)]

    report = import_bytes(store, data, "damaged.csv", mode="lenient")
    assert (report.rows_read, report.rows_stored, report.rows_rejected) == (3, 2, 1)
    assert stored(store, "SELECT candidate_id, process_name FROM events ORDER BY 1") == [
        ("C-1", "Sjuksköterska"), ("C-3", "Sjuksköterska")]


def test_a_whole_cp1252_file_is_read_without_a_warning(store):
    data = (HEADER + "C-1,P-2,application_received,2026-03-02 09:15,Sjuksköterska Örebro\n").encode("cp1252")
    report = import_bytes(store, data, "excel.csv")
    assert report.ok and report.encoding == "cp1252" and report.warnings == []
    assert stored(store, "SELECT process_name FROM events") == [("Sjuksköterska Örebro",)]


@pytest.mark.parametrize("block_bytes", [64, 1 << 20])
def test_rows_keep_their_encoding_whatever_the_blocks_the_file_is_read_in(tmp_path, monkeypatch, block_bytes):
    """Blocks of 64 bytes: some all UTF-8, some all cp1252, some both; one block: line by line."""
    from analytics.ingest import textfiles

    monkeypatch.setattr(textfiles, "BLOCK_BYTES", block_bytes)
    lines = [("id;name\n", "ascii")] + [(f"U{n};Sjuksköterska Örebro\n", "utf-8") for n in range(1, 6)] + \
        [(f"W{n};Växjö Åsa\n", "cp1252") for n in range(6, 9)] + [(f"A{n};Lund\n", "ascii") for n in (9, 10)]
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"".join(text.encode(encoding) for text, encoding in lines))
    prepared = textfiles.prepare_table(path)
    try:
        assert prepared.csv_path.read_text(encoding="utf-8") == "".join(text for text, _ in lines)
        assert (prepared.encoding, prepared.other_encoding) == ("utf-8", "cp1252")
        assert prepared.other_lines == textfiles.LineSample((7, 8, 9), 3)   # file lines of W6..W8
        assert prepared.damaged_lines.count == 0
    finally:
        prepared.cleanup()


@pytest.mark.parametrize("block_bytes", [7, 1 << 20])
def test_the_scan_tells_whether_a_file_holds_a_space_other_than_ascii(tmp_path, monkeypatch, block_bytes):
    """Also when a no-break space (two bytes) is cut by a block's end; a transcoded file may hold one.
    The same pass hashes the file, block by block on a helper thread: the SHA-256 is the file's."""
    import hashlib

    from analytics.ingest import textfiles

    monkeypatch.setattr(textfiles, "BLOCK_BYTES", block_bytes)
    # (text, encoding, whether it may hold such a space, physical lines as the scan counts them:
    # none for a transcoded file, whose lines are counted later if needed)
    texts = {"ascii.csv": ("id,name\nU1,Sjuksköterska Örebro \n", "utf-8", False, 2),
             "nbsp.csv": ("id,name\nU1,Örebro\u00a0\n", "utf-8", True, 2),
             "ideographic.csv": ("id,name\nU1,\u3000x", "utf-8", True, 2),   # the last line without a break
             "excel.csv": ("id;name\nW1;Växjö Åsa\n", "cp1252", True, None)}
    for name, (text, encoding, unicode_spaces, lines) in texts.items():
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        prepared = textfiles.prepare_table(path)
        prepared.cleanup()
        assert (name, prepared.unicode_spaces, prepared.lines) == (name, unicode_spaces, lines)
        assert prepared.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("block_bytes", [1, 1 << 20])
def test_both_line_counters_count_a_last_line_without_a_line_break(tmp_path, monkeypatch, block_bytes):
    """The scan (for UTF-8 files) and count_lines (for transcoded ones) share the rule, worked out by hand."""
    from analytics.ingest import file_lines, textfiles

    monkeypatch.setattr(textfiles, "BLOCK_BYTES", block_bytes)
    monkeypatch.setattr(file_lines, "BLOCK_BYTES", block_bytes)
    cases = {b"": 0, b"\n": 1, b"a": 1, b"a\nb": 2, b"a\nb\n": 2, b"a\r\nb\r\n": 2, b"a\n\nb": 3, b"a\nb\r": 2}
    for number, (data, lines) in enumerate(cases.items()):
        path = tmp_path / f"{number}.csv"
        path.write_bytes(data)
        assert (data, textfiles._scan(path).lines, file_lines.count_lines(path)) == (data, lines, lines)


def test_unicode_spaces_are_what_duckdb_trims_besides_the_ascii_space():
    """The cheaper trimming of a file without them relies on it (import_macros.sql, trimmed_ascii_cell)."""
    import duckdb

    from analytics.ingest.textfiles import UNICODE_SPACES

    trimmed = duckdb.connect().execute(
        "SELECT list(cp ORDER BY cp) FROM range(1, 1114112) AS r(cp) WHERE (cp < 55296 OR cp > 57343) "
        "AND trim(chr(CAST(cp AS INTEGER)) || 'a' || chr(CAST(cp AS INTEGER))) = 'a'").fetchone()[0]
    assert trimmed == [ord(" ")] + [ord(space) for space in UNICODE_SPACES]


# -- NUL bytes ------------------------------------------------------------------------------------
def test_nul_bytes_after_the_first_mib_are_refused_by_row_and_column(store):
    """Before: 'P-1<NUL>' was stored as a second process that looks like P-1."""
    data = HEADER.encode() + PLAIN + b"N-1,P-1\x00,application_received,2026-03-02 09:15,Plain\n"
    report = import_bytes(store, data, "nul.csv")
    assert not report.ok and report.error_code == "rows_rejected"
    assert report.problem_lines() == [
        f"nul.csv, row {FILLER_ROWS + 1:,} (line {FILLER_ROWS + 2:,}), column process_id: holds a NUL byte (an invisible "
        "character 0), which would make two values that look alike; remove it, or export the file again"]
    assert stored(store, "SELECT count(*) FROM events") == [(0,)]

    report = import_bytes(store, data, "nul.csv", mode="lenient")
    assert (report.rows_stored, report.rows_rejected) == (FILLER_ROWS, 1)
    assert stored(store, "SELECT DISTINCT process_id FROM events") == [("P-1",)]


def test_a_nul_in_an_email_column_is_refused_before_the_address_becomes_a_pseudonym(store):
    data = (b"candidate_email,process_id,event_type,occurred_at\n"
            b"ada@example.se,P-1,application_received,2026-03-02 09:15\n"
            b"ada@example.se\x00,P-1,acknowledgement_sent,2026-03-02 10:15\n")
    report = import_bytes(store, data, "mail.csv", mode="lenient")
    assert (report.rows_stored, report.rows_rejected) == (1, 1)
    assert [(p.row, p.column, p.code, p.value) for p in report.problems] == [(2, "candidate_email", "nul_byte", None)]
    assert stored(store, "SELECT count(DISTINCT candidate_id) FROM events") == [(1,)]


# -- damaged UTF-16 -------------------------------------------------------------------------------
TAB_HEADER = "candidate_id\tprocess_id\tevent_type\toccurred_at\tprocess_name\r\n"


def utf16_with_a_lost_character() -> bytes:
    """Excel's "Unicode text": a good row, then a row whose process name holds an unpaired surrogate
    (0xD800, half of a character lost in an earlier conversion)."""
    good = "C-1\tP-1\tapplication_received\t2026-03-02 09:15\tSjuksköterska\r\n"
    damaged = "C-2\tP-1\tapplication_received\t2026-03-02 10:15\tLärare ".encode("utf-16-le") + b"\x00\xd8"
    return codecs.BOM_UTF16_LE + (TAB_HEADER + good).encode("utf-16-le") + damaged + "\r\n".encode("utf-16-le")


def test_utf16_that_does_not_decode_is_refused_by_row_and_column(store):
    """Before: the row was stored with U+FFFD in its process name, without a word."""
    report = import_bytes(store, utf16_with_a_lost_character(), "unicode.txt")
    assert not report.ok and report.error_code == "rows_rejected" and report.encoding == "utf-16"
    assert report.problem_lines() == [
        "unicode.txt, row 2 (line 3), column process_name: holds bytes that are not valid UTF-16 (a character "
        "lost in an earlier conversion), so it cannot be read without garbling it; export the file again, or "
        "save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8), and import it again"]
    assert stored(store, "SELECT count(*) FROM events") == [(0,)]

    report = import_bytes(store, utf16_with_a_lost_character(), "unicode.txt", mode="lenient")
    assert (report.rows_stored, report.rows_rejected) == (1, 1)
    assert stored(store, "SELECT process_name FROM events") == [("Sjuksköterska",)]


@pytest.mark.parametrize("block_bytes", [7, 1 << 20])
def test_the_damaged_utf16_line_is_named_once_whatever_the_blocks(tmp_path, monkeypatch, block_bytes):
    """Blocks of 7 bytes split characters and the damaged line itself."""
    from analytics.ingest import textfiles

    monkeypatch.setattr(textfiles, "BLOCK_BYTES", block_bytes)
    path = tmp_path / "unicode.txt"
    path.write_bytes(utf16_with_a_lost_character())
    prepared = textfiles.prepare_table(path)
    try:
        assert prepared.damaged_lines == textfiles.LineSample((3,), 1)
        assert prepared.csv_path.read_text(encoding="utf-8").splitlines()[1].endswith("\tSjuksköterska")
    finally:
        prepared.cleanup()


# -- workbooks ------------------------------------------------------------------------------------
def tiny_rows_workbook(rows: int, dimension: str | None) -> bytes:
    """A workbook of one-cell rows as a minimal OOXML package; `dimension` is what its sheet declares."""
    cells = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(1, rows + 1))
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    main = "http://schemas.openxmlformats.org"
    sheetml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{main}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{sheetml}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheetml}.worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{main}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}/spreadsheetml/2006/main" xmlns:r="{main}/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{main}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}/spreadsheetml/2006/main">{declared}'
        f"<sheetData>{cells}</sheetData></worksheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_a_million_tiny_rows_workbook_is_refused_before_it_is_read(store):
    """Before: 4-7 minutes and over 1.2 GB. Now refused by the rows its XML holds, nothing stored."""
    data = tiny_rows_workbook(1_000_000, dimension=None)
    assert len(data) < 8 * MIB
    report = import_bytes(store, data, "million.xlsx")
    assert report.error_code == "workbook_too_many_rows"
    assert report.error_message().startswith("million.xlsx is a workbook with ")
    assert "a workbook may have at most 200,000. Nothing was stored. Save the sheet as CSV UTF-8" in report.error_message()
    assert stored(store, "SELECT count(*) FROM imports") == [(0,)]


@pytest.mark.parametrize("dimension", [None, "A1:A3", "A1:Z1048576"])
def test_the_workbook_limits_count_the_sheet_not_what_it_declares(store, monkeypatch, dimension):
    """A declared size may be missing, too small or the whole grid: 11 rows over a limit of 10 are
    refused whatever the sheet declares, and 3 rows under it are read whatever it declares."""
    monkeypatch.setattr(workbooks, "MAX_WORKBOOK_ROWS", 10)
    assert import_bytes(store, tiny_rows_workbook(11, dimension), "eleven.xlsx").error_code == "workbook_too_many_rows"
    # Three rows of one column 'x': read as a table (then refused for its columns, not its size).
    assert import_bytes(store, tiny_rows_workbook(3, dimension), "three.xlsx").error_code == "unknown_kind"


def test_the_cell_limit_counts_the_cells(store, monkeypatch):
    monkeypatch.setattr(workbooks, "MAX_WORKBOOK_CELLS", 5)
    report = import_bytes(store, tiny_rows_workbook(6, "A1:A6"), "six.xlsx")
    assert report.error_code == "workbook_too_many_cells"
    assert "is a workbook with 6 cells or more; a workbook may have at most 5." in report.error_message()
    monkeypatch.setattr(workbooks, "MAX_WORKBOOK_CELLS", 1000)
    report = import_bytes(store, tiny_rows_workbook(1001, "A1:A1001"), "many.xlsx")
    assert "is a workbook with 1,001 cells or more; a workbook may have at most 1,000." in report.error_message()
    assert "är en arbetsbok med 1\u00a0001 celler eller fler; en arbetsbok får ha högst 1\u00a0000." in \
        report.error_message("sv")


# -- what is no regular file, or too large -----------------------------------------------------------
def test_dev_zero_is_refused_not_read_forever(store):
    report = import_file(store, "/dev/zero")
    assert report.error_code == "not_a_file"
    assert report.error_message() == ("zero is not a regular file (it is a device, a pipe or a folder), so it is not "
                                      "read: it could have no end. Import an exported file.")


def test_a_pipe_without_a_writer_is_refused_not_waited_for(store, tmp_path):
    pipe = tmp_path / "export.csv"
    os.mkfifo(pipe)
    assert import_file(store, pipe).error_code == "not_a_file"
    assert import_file(store, tmp_path).error_code == "not_a_file"


def test_a_file_over_the_size_limit_is_refused(store, monkeypatch):
    monkeypatch.setenv("RADAR_MAX_IMPORT_MB", "0.001")   # 1,048 bytes
    report = import_bytes(store, HEADER.encode() + PLAIN[:2000], "big.csv")
    assert report.error_code == "too_large"
    assert report.error_message().startswith("big.csv is 2,060 bytes, more than the import limit of 1,048 bytes.")
    assert report.error_message("sv").startswith("big.csv är 2\u00a0060 byte, mer än importgränsen 1\u00a0048 byte.")


def test_sizes_in_mib_are_written_as_the_language_writes_numbers():
    """Before: "3,096.9 MiB" in Swedish too, where the comma is the decimal sign (read: 3.1 MiB)."""
    report = ImportReport(file_name="all.csv", error_code="too_large",
                          error_values={"size": 3_247_342_387, "limit": 2048 << 20})
    assert report.error_message("en").startswith("all.csv is 3,096.9 MiB, more than the import limit of 2,048 MiB.")
    assert report.error_message("sv").startswith(
        "all.csv är 3\u00a0096,9\u00a0MiB, mer än importgränsen 2\u00a0048\u00a0MiB.")


def test_cli_import_of_dev_zero_ends_with_a_message(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analytics", "import", "/dev/zero", "--db", str(tmp_path / "r.duckdb")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("error: zero is not a regular file")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_data_page_shows_the_rows_read_in_another_encoding(app_db, lang):
    from tests.conftest import run_page

    data = (HEADER + "".join(f"U-{n},P-2,application_received,2026-03-02 09:15,Sjuksköterska Örebro\n"
                             for n in (1, 2))).encode() + "W-1,P-3,application_received,2026-03-02 09:15,Växjö\n".encode("cp1252")
    at = run_page("content/data.py", lang)
    at.file_uploader(key="uploads").set_value(("mixed.csv", data, "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    assert [warning.value.replace("\\", "") for warning in at.warning] == [{
        "en": "mixed.csv: 1 row (3) is in Windows-1252, the rest of the file in UTF-8. Each row was read in its own "
              "encoding, so å, ä and ö are right in both; check that row, and save the whole file as CSV UTF-8 next time.",
        "sv": "mixed.csv: 1 rad (3) är i Windows-1252, resten av filen i UTF-8. Varje rad lästes i sin egen "
              "teckenkodning, så å, ä och ö blir rätt i båda; kontrollera den raden, och spara hela filen som CSV "
              "UTF-8 nästa gång.",
    }[lang]]
