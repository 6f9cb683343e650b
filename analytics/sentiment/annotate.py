"""Add language and sentiment columns to a CSV of comments (the `sentiment` CLI command).

HR exports arrive as UTF-8, UTF-8 with BOM or Excel's cp1252, separated by commas, semicolons or
tabs; the reader accepts all of them and finds the text column whatever its case.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd

from analytics.spreadsheet import formula_safe_frame

from .scorer import score_texts

_DELIMITERS = (",", ";", "\t")


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252 as Excel writes it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _delimiter_of(text: str) -> str:
    """The delimiter used most in the header line (a header rarely quotes its names)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def annotate_csv(path: str | Path, text_column: str, out: str | Path | None = None) -> None:
    """Write the CSV at `path` with `language`, `sentiment_label` and `sentiment_score` added,
    to `out` (UTF-8, same delimiter) or to stdout. Comments are candidates' own text and the result
    is opened in a spreadsheet, so every cell is written formula-safe. Raises ValueError for a
    missing column."""
    path = Path(path)
    text = _decode(path.read_bytes())
    delimiter = _delimiter_of(text)
    frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False)
    by_lower = {str(name).strip().lower(): name for name in frame.columns}
    column = by_lower.get(text_column.strip().lower())
    if column is None:
        found = ", ".join(str(name) for name in frame.columns)
        raise ValueError(f"{path}: no column {text_column!r}; columns found: {found}")

    results = score_texts(frame[column].tolist())
    frame["language"] = [result.language if result else "" for result in results]
    frame["sentiment_label"] = [result.label if result else "" for result in results]
    frame["sentiment_score"] = [result.score if result else None for result in results]
    frame = formula_safe_frame(frame)
    if out is None:
        frame.to_csv(sys.stdout, sep=delimiter, index=False)
    else:
        frame.to_csv(out, sep=delimiter, index=False, encoding="utf-8")
