"""Spreadsheet cells that cannot run as formulas (OWASP CSV injection), for every CSV and XLSX written.

On the ground floor, so that the sentiment command's CSV and the reports' downloads share one rule.
"""

from __future__ import annotations

import re

import pandas as pd

# Signs that start a formula, also as their full-width forms (which spreadsheet programs may read as
# them), and the tab and carriage return OWASP lists.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")
# Control characters (C0 but tab, line feed and carriage return; DEL; C1): no spreadsheet shows them,
# and a writer that drops them (openpyxl) would otherwise turn "\x01=HYPERLINK(...)" into a live formula.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def formula_safe(value: object) -> object:
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection): control characters
    are removed, then text whose first visible character is = + - @ (or a full-width one) gets a
    leading apostrophe, so neither a hidden character nor leading white space hides the sign.
    Numbers and dates pass unchanged."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    risky = text.startswith(FORMULA_TRIGGERS) or text.lstrip().startswith(FORMULA_TRIGGERS)
    return "'" + text if risky else text


def formula_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell (and column name) of the frame made formula-safe."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    safe.columns = [formula_safe(str(column)) for column in safe.columns]
    return safe
