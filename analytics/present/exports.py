"""Download bytes for tables: CSV for any tool, XLSX with real numbers, dates and readable widths.

Every text cell goes through analytics.spreadsheet.formula_safe_frame first, so a value such as a
recruiter named "=HYPERLINK(...)" arrives as text, never as a formula (OWASP CSV injection).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analytics.measure.metrics import Filters
from analytics.spreadsheet import formula_safe_frame

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel number formats the reports give their columns; a float without one shows at most two decimals.
PERCENT = "0%"
SIGNED = "+0;-0;0"
DECIMAL = "0.0"
INTEGER = "0"
FLOAT_FORMAT = "0.0#"
FLOAT_DIGITS = 10   # a float is rounded to this many decimals: 1.69e-18 (a sum's rounding error) is 0
MAX_COLUMN_WIDTH = 60
# Characters Excel does not allow in a sheet title, and its length limit.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_LENGTH = 31


FILE_NAME_LENGTH = 120      # room for the suffix within every file system's limit
NAMED_CHOICES = 2           # more chosen values than this are counted, not listed, in a file name


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens: "Sjuksköterska Örebro" → "sjukskoterska-orebro"."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def filter_words(filters: Filters) -> list[str]:
    """The filters as file-name words: dates, then processes, departments and recruiters."""
    words = []
    if filters.date_from:
        words += ["from", filters.date_from.isoformat()]
    if filters.date_to:
        words += ["to", filters.date_to.isoformat()]
    for name, values in (("process", filters.processes), ("department", filters.departments),
                         ("recruiter", filters.recruiters)):
        if len(values) > NAMED_CHOICES:
            words += [str(len(values)), f"{name}es" if name == "process" else f"{name}s"]
        elif values:
            words += [name, *values]
    return words


def download_name(prefix: str, day: date, filters: Filters, suffix: str) -> str:
    """A file name that says what the file holds, when it was made and for which filters, in characters
    every system accepts: prefix-YYYY-MM-DD-filters.suffix, e.g. radar-actions-2026-12-06-process-req-1063.xlsx."""
    words = [prefix, day.isoformat(), *filter_words(filters)]
    name = "-".join(part for part in (slug(word) for word in words) if part)
    return f"{name[:FILE_NAME_LENGTH].rstrip('-')}.{suffix}"


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel opens å, ä and ö correctly; dates as ISO 8601."""
    text = formula_safe_frame(frame).to_csv(index=False, lineterminator="\r\n", date_format="%Y-%m-%d %H:%M")
    return text.encode("utf-8-sig")


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame], formats: dict[str, dict[str, str | list[str]]] | None = None) -> bytes:
    """A workbook with one sheet per frame: bold frozen header, filter, typed cells, fitted widths.

    Numbers stay numbers and dates stay dates (Excel has no time zones: a zoned time is written as
    the wall-clock time of its own zone). Missing values are empty cells. Floats are cleaned of
    rounding noise (FLOAT_DIGITS). formats: per sheet title, per column, an Excel number format
    (PERCENT, SIGNED, ...) or one per row; other floats show FLOAT_FORMAT.
    """
    formats = formats or {}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(title, workbook.sheetnames))
        safe = formula_safe_frame(frame)
        sheet.append([_cell_value(str(column)) for column in safe.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in safe.itertuples(index=False, name=None):
            sheet.append([_cell_value(value) for value in row])
        chosen = formats.get(title, {})
        for column_index, (column, original) in enumerate(zip(safe.columns, frame.columns, strict=True), start=1):
            letter = get_column_letter(column_index)
            column_format = chosen.get(str(original))
            for row_index, (cell,) in enumerate(sheet.iter_rows(min_row=2, min_col=column_index,
                                                                 max_col=column_index)):
                if isinstance(cell.value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
                elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    row_format = column_format[row_index] if isinstance(column_format, list) else column_format
                    cell.number_format = row_format or (FLOAT_FORMAT if isinstance(cell.value, float) else "General")
            sheet.column_dimensions[letter].width = _column_width(column, safe[column])
        sheet.freeze_panes = "A2"
        if len(safe.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(safe.columns))}{len(safe) + 1}"
    if not workbook.sheetnames:
        workbook.create_sheet("Sheet1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str, taken: list[str]) -> str:
    """A title Excel accepts, unique in the workbook."""
    base = " ".join(SHEET_TITLE_FORBIDDEN.sub(" ", str(title)).split())[:SHEET_TITLE_LENGTH] or "Sheet"
    candidate, number = base, 2
    while candidate in taken:
        suffix = f" ({number})"
        candidate, number = base[:SHEET_TITLE_LENGTH - len(suffix)] + suffix, number + 1
    return candidate


def _cell_value(value: Any) -> Any:
    """A value openpyxl writes with its type: None for missing, Python numbers, naive datetimes."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return round(value, FLOAT_DIGITS) + 0.0   # + 0.0: no "-0"
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)   # control characters openpyxl refuses to write
    return value


def _column_width(header: str, values: pd.Series) -> float:
    """Wide enough for the header and the longest value, up to MAX_COLUMN_WIDTH characters."""
    lengths = [len(str(header))] + [len(_display_text(value)) for value in values]
    return min(max(lengths) + 2, MAX_COLUMN_WIDTH)


def _display_text(value: Any) -> str:
    value = _cell_value(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
