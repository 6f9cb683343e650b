"""Personal data in what is shown and shared: keyed pseudonyms, and markdown-escaped text from files.

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
