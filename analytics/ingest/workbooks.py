"""An Excel workbook's first sheet as the UTF-8 CSV the importer reads, streamed and bounded.

A workbook is a zip archive of XML: 1.8 MB on disk can hold a million rows, which a whole-sheet
read (pandas) turns into minutes and gigabytes. So the sheet is streamed row by row (openpyxl's
read-only mode) and refused, before and while it is read, when it is larger than an import of a
workbook should be: by its uncompressed size, by the rows and cells its XML holds (counted over all
sheets without parsing them), and by the rows and cells read. The size a sheet declares
(`<dimension>`) is not trusted: it may be missing, and some programs declare the whole grid. A
larger table belongs in a CSV file, which has no such limit.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

MAX_WORKBOOK_ROWS = 200_000
MAX_WORKBOOK_CELLS = 4_000_000
MAX_WORKBOOK_XML_BYTES = 512 << 20    # uncompressed: a zip bomb is refused before it is opened


class WorkbookTooLarge(ValueError):
    """The workbook is over a limit; `what` is 'rows', 'cells' or 'size', `found` how much it has."""

    def __init__(self, what: str, found: int, limit: int):
        super().__init__(what)
        self.what, self.found, self.limit = what, found, limit


def workbook_to_csv(path: Path, handle) -> int:
    """Write the first sheet to the open text `handle` as CSV; return the number of rows written.

    Cells are written as a CSV export would give them (and as pandas' `dtype=str` read did before):
    whole numbers without a decimal part, dates as `YYYY-MM-DD HH:MM:SS`, empty cells empty. Empty
    rows at the end and empty cells at the end of a row are dropped; rows are padded to the widest.
    Raises WorkbookTooLarge, or whatever the archive or openpyxl raise for a damaged file.
    """
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as archive:
        uncompressed = sum(item.file_size for item in archive.infolist())
        if uncompressed > MAX_WORKBOOK_XML_BYTES:
            raise WorkbookTooLarge("size", uncompressed, MAX_WORKBOOK_XML_BYTES)
        # Before openpyxl opens it: opening reads every sheet whole that declares no size.
        _check_size(*_count_rows_and_cells(archive))
    # Opened from a file object: openpyxl refuses a workbook by its name (`export.csv`) otherwise.
    with path.open("rb") as source:
        book = load_workbook(source, read_only=True, data_only=True)
        try:
            rows = _bounded_rows(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
    width = max((len(row) for row in rows), default=0)
    writer = csv.writer(handle, lineterminator="\n")
    for row in rows:
        writer.writerow(row + [""] * (width - len(row)))
    return len(rows) if width else 0


def _check_size(rows: int, cells: int) -> None:
    if rows > MAX_WORKBOOK_ROWS:
        raise WorkbookTooLarge("rows", rows, MAX_WORKBOOK_ROWS)
    if cells > MAX_WORKBOOK_CELLS:
        raise WorkbookTooLarge("cells", cells, MAX_WORKBOOK_CELLS)


_SHEET_MEMBER = re.compile(r"xl/worksheets/[^/]+\.xml")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _count_rows_and_cells(archive: zipfile.ZipFile) -> tuple[int, int]:
    """The `<row>` and `<c>` elements of all sheets' XML, counted in the unpacked stream without parsing
    it, stopping once over a limit: a sheet that declares no size (or a wrong one) is refused in seconds."""
    rows = cells = 0
    for member in archive.namelist():
        if not _SHEET_MEMBER.fullmatch(member):
            continue
        carried = b""
        with archive.open(member) as sheet_xml:
            while block := sheet_xml.read(8 << 20):
                data = carried + block
                cut = data.rfind(b"<")   # a tag that starts before the last '<' is whole in `data[:cut]`
                rows += len(_ROW_TAG.findall(data, 0, cut))
                cells += len(_CELL_TAG.findall(data, 0, cut))
                carried = data[cut:]
                _check_size(rows, cells)
        rows += len(_ROW_TAG.findall(carried))
        cells += len(_CELL_TAG.findall(carried))
    return rows, cells


def _bounded_rows(values) -> list[list[str]]:
    """The sheet's rows as text, stopping as soon as a limit is passed (the declared size can lie)."""
    rows: list[list[str]] = []
    kept, cells = 0, 0
    for number, row in enumerate(values, start=1):
        if number > MAX_WORKBOOK_ROWS:
            raise WorkbookTooLarge("rows", number, MAX_WORKBOOK_ROWS)
        texts = [_cell_text(value) for value in row]
        while texts and texts[-1] == "":
            texts.pop()
        cells += len(texts)
        if cells > MAX_WORKBOOK_CELLS:
            raise WorkbookTooLarge("cells", cells, MAX_WORKBOOK_CELLS)
        rows.append(texts)
        if texts:
            kept = number
    return rows[:kept]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)   # dates and times: `2026-03-02 09:15:00`, as str() of a datetime gives
