"""Streamlit elements written in the UI language: tables and charts (analytics/formatting.py does the writing)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from analytics import formatting
from analytics.i18n import t
from ui.common import lang

# A page shows at most this many rows of a table: its first ones, in the order the page gives (the
# action list: most urgent first), and says how many more there are. Beyond it a browser table stops
# being read, and Pandas' Styler refuses to format more than 262,144 cells (a 25M-event store's
# action list has half a million).
MAX_SHOWN_ROWS = 1_000


def show_table(data: pd.DataFrame | Styler, where=None, **options):
    """st.dataframe in the UI language: numbers with its separators, an empty cell a dash, never "None".

    A plain frame's numeric columns are written through analytics.formatting; the cells keep their
    values, so sorting stays numeric (a column_config format would override the text: give none). A
    Styler keeps the formats it was given. A frame longer than MAX_SHOWN_ROWS shows its first rows
    and a caption with the total (downloads beside a table hold every row).
    """
    language = lang()
    if isinstance(data, pd.DataFrame):
        total = len(data)
        if total > MAX_SHOWN_ROWS:
            data = data.head(MAX_SHOWN_ROWS)
            (where or st).caption(t("table.first_rows", language, shown=MAX_SHOWN_ROWS, total=total))
        numeric = [column for column in data.columns if pd.api.types.is_numeric_dtype(data[column])
                   and not pd.api.types.is_bool_dtype(data[column])]
        # A Styler writes every cell in Python (the longest step of a cached Brand risk page); counts
        # below 1000 read the same in every language without it.
        if not all(_small_count(data[column]) for column in numeric):
            data = data.style.format({column: lambda value: formatting.cell(value, language) for column in numeric},
                                     na_rep="–")
    return (where or st).dataframe(data, placeholder="–", **options)


def _small_count(values: pd.Series) -> bool:
    """Whole numbers from 0 to 999 (or missing): written with no separator, sign or decimal in any language."""
    return pd.api.types.is_integer_dtype(values) and bool(values.dropna().between(0, 999).all())


def chart_config() -> dict:
    """st.plotly_chart's config in the UI language: the toolbar's texts, month names, separators."""
    return formatting.plotly_config(lang())
