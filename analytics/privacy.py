"""Personal-data and export safety in one place: keyed pseudonyms and formula-safe cells.

A shared report never carries a source candidate id: rows are listed under a pseudonym made with
the store's secret key, stable across reports of the same store and meaningless without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import re

import pandas as pd

from analytics.store import Store

PSEUDONYM_PREFIX = "K-"
# Signs that start a formula, also as their full-width forms (which spreadsheet programs may read as
# them), and the tab and carriage return OWASP lists.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")
# Control characters (C0 but tab, line feed and carriage return; DEL; C1): no spreadsheet shows them,
# and a writer that drops them (openpyxl) would otherwise turn "\x01=HYPERLINK(...)" into a live formula.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def pseudonym(key: bytes, candidate_id: str, process_id: str) -> str:
    """A short keyed pseudonym of one application, e.g. 'K-3f9a2b7c1d'."""
    message = f"{candidate_id}\x1f{process_id}".encode()
    return PSEUDONYM_PREFIX + hmac.new(key, message, hashlib.sha256).hexdigest()[:10]


def pseudonymise(store: Store, frame: pd.DataFrame, id_column: str = "candidate_id",
                 process_column: str = "process_id", out_column: str = "application") -> pd.DataFrame:
    """The frame with `id_column` replaced by the application's pseudonym in `out_column`."""
    key = store.secret_key()
    result = frame.copy()
    result.insert(
        result.columns.get_loc(id_column), out_column,
        [pseudonym(key, str(c), str(p)) for c, p in zip(frame[id_column], frame[process_column], strict=True)],
    )
    return result.drop(columns=[id_column])


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&^=\"'])")


def escape_markdown(text: object) -> str:
    """Text from a file as literal markdown (Streamlit renders labels, captions and messages as
    markdown): every markup character escaped, so a name cannot become a link or an image."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


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
