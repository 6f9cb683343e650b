"""Download bytes: formula-safe CSV and XLSX, typed cells, readable widths, valid sheet titles."""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
from openpyxl import load_workbook

from analytics.present.exports import to_csv_bytes, to_xlsx_bytes

EVIL = '=HYPERLINK("http://evil.example","click")'


def sample() -> pd.DataFrame:
    return pd.DataFrame({
        "Recruiter": [EVIL, "Åsa Öberg", "+46 70 123"],
        "Days waiting": [12, 3, 0],
        "Waiting since": [date(2026, 3, 1), date(2026, 3, 20), None],
        "Decided at": pd.to_datetime(["2026-03-01T09:30:00", None, "2026-03-20T14:05:00"]),
        "Share": [0.25, float("nan"), 1.0],
    })


def read_back(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_csv_is_formula_safe_utf8_with_bom_and_iso_dates():
    data = to_csv_bytes(sample())
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "Recruiter,Days waiting,Waiting since,Decided at,Share",
        '"\'=HYPERLINK(""http://evil.example"",""click"")",12,2026-03-01,2026-03-01 09:30,0.25',
        "Åsa Öberg,3,2026-03-20,,",
        "'+46 70 123,0,,2026-03-20 14:05,1.0",
    ]


def test_xlsx_cleans_float_noise_and_applies_number_formats():
    frame = pd.DataFrame({"Share": [0.0208954979, 1.69e-18, float("inf")], "Score": [12.4, -3.0, None],
                          "Plain": [1.23456, 2.0, 3.5]})
    sheet = read_back(to_xlsx_bytes({"Numbers": frame}, {"Numbers": {"Share": "0%", "Score": ["+0;-0;0"] * 3}}))["Numbers"]
    share, score, plain = ([cell for cell in column[1:]] for column in sheet.iter_cols())
    assert [cell.value for cell in share] == [0.0208954979, 0.0, None]       # 1.69e-18 is rounding noise
    assert {cell.number_format for cell in share[:2]} == {"0%"}
    assert [cell.number_format for cell in score[:2]] == ["+0;-0;0"] * 2
    assert plain[0].value == 1.23456 and plain[0].number_format == "0.0#"


def test_csv_neutralises_a_formula_in_a_column_name():
    assert to_csv_bytes(pd.DataFrame({"=1+1": [1]})).decode("utf-8-sig").startswith("'=1+1")


def test_xlsx_keeps_formulas_out_and_types_in():
    sheet = read_back(to_xlsx_bytes({"Actions": sample()}))["Actions"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Recruiter", "Days waiting", "Waiting since", "Decided at", "Share"]
    assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2"

    evil, swedish, phone = sheet[2], sheet[3], sheet[4]
    assert evil[0].value == "'" + EVIL and evil[0].data_type == "s"
    assert phone[0].value == "'+46 70 123"
    assert evil[1].value == 12 and isinstance(evil[1].value, int) and evil[1].data_type == "n"
    assert evil[2].is_date and evil[2].value == datetime(2026, 3, 1) and evil[2].number_format == "yyyy-mm-dd"
    assert evil[3].is_date and evil[3].value == datetime(2026, 3, 1, 9, 30)
    assert evil[4].value == 0.25
    assert swedish[0].value == "Åsa Öberg"
    assert swedish[3].value is None and swedish[4].value is None  # missing values are empty cells
    assert phone[2].value is None


def test_xlsx_columns_are_wide_enough_to_read():
    sheet = read_back(to_xlsx_bytes({"Actions": sample()}))["Actions"]
    assert sheet.column_dimensions["A"].width == len(EVIL) + 1 + 2  # the apostrophe, and a margin
    assert sheet.column_dimensions["B"].width == len("Days waiting") + 2
    assert sheet.column_dimensions["D"].width == len("2026-03-01 09:30") + 2
    long = pd.DataFrame({"comment": ["x" * 500]})
    assert read_back(to_xlsx_bytes({"c": long})).active.column_dimensions["A"].width == 60


def test_xlsx_writes_zoned_times_as_their_wall_clock_time():
    zoned = pd.DataFrame({"at": pd.to_datetime(["2026-03-01T09:30:00"]).tz_localize("Europe/Stockholm")})
    assert read_back(to_xlsx_bytes({"t": zoned})).active["A2"].value == datetime(2026, 3, 1, 9, 30)


def test_xlsx_sheets_keep_their_order_and_get_valid_unique_titles():
    frame = pd.DataFrame({"a": [1]})
    workbook = read_back(to_xlsx_bytes({"Åtgärder: mars/april": frame, "x" * 40: frame, "x" * 31: frame}))
    assert workbook.sheetnames == ["Åtgärder mars april", "x" * 31, "x" * 27 + " (2)"]


def test_xlsx_of_an_empty_frame_has_its_header():
    sheet = read_back(to_xlsx_bytes({"Empty": pd.DataFrame(columns=["a", "b"])})).active
    assert [cell.value for cell in sheet[1]] == ["a", "b"] and sheet.max_row == 1
