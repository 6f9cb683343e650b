"""Pseudonyms and formula-safe cells, against values worked out by hand."""

import hashlib
import hmac

import pandas as pd

from analytics.privacy import pseudonym, pseudonymise
from analytics.spreadsheet import formula_safe, formula_safe_frame


def test_pseudonym_is_the_keyed_hmac_of_the_application():
    key = b"k" * 32
    expected = "K-" + hmac.new(key, b"C-1\x1fP-1", hashlib.sha256).hexdigest()[:10]
    assert pseudonym(key, "C-1", "P-1") == expected
    assert pseudonym(key, "C-1", "P-2") != expected
    assert pseudonym(b"x" * 32, "C-1", "P-1") != expected


def test_pseudonymise_replaces_the_id_column(store):
    frame = pd.DataFrame({"candidate_id": ["C-1", "C-2"], "process_id": ["P", "P"], "days": [3, 4]})
    result = pseudonymise(store, frame)
    assert list(result.columns) == ["application", "process_id", "days"]
    assert result["application"].tolist() == [pseudonym(store.secret_key(), "C-1", "P"),
                                              pseudonym(store.secret_key(), "C-2", "P")]


def test_formula_triggers_are_neutralised_and_plain_values_pass():
    assert [formula_safe(v) for v in ["=1+1", "+46", "-2", "@SUM(A1)", "\tx", "\rx"]] == [
        "'=1+1", "'+46", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]
    assert [formula_safe(v) for v in ["Anna", "a=b", -2, 3.5, None]] == ["Anna", "a=b", -2, 3.5, None]


def test_formula_safe_frame_touches_only_text():
    frame = pd.DataFrame({"=name": ["=HYPERLINK(\"x\")", "ok"], "n": [-1, 2]})
    safe = formula_safe_frame(frame)
    assert list(safe.columns) == ["'=name", "n"]
    assert safe["'=name"].tolist() == ["'=HYPERLINK(\"x\")", "ok"]
    assert safe["n"].tolist() == [-1, 2]


def test_time_zones_duckdb_does_not_know_are_refused(store):
    import pytest

    for refused in ("posix/Europe/Stockholm", "localtime", "Mars/Olympus"):
        with pytest.raises(ValueError, match="unknown time zone"):
            store.save_settings(timezone=refused)
    assert store.save_settings(timezone="America/New_York").timezone == "America/New_York"
    known = {row[0] for row in store.fetchall("SELECT name FROM pg_timezone_names()")}
    from analytics.settings import time_zones

    assert time_zones() <= known


def test_control_characters_do_not_break_a_workbook():
    import io

    from openpyxl import load_workbook

    from analytics.present.exports import to_xlsx_bytes

    frame = pd.DataFrame({"process\x01": ["Ut\x0bvecklare"], "n": [3]})
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes({"s": frame})))["s"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [["process", "n"], ["Utvecklare", 3]]
