"""Streamlit elements written in the UI language: tables and charts (analytics/formatting.py does the writing)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from analytics import formatting
from ui.common import lang


def show_table(data: pd.DataFrame | Styler, where=None, **options):
    """st.dataframe in the UI language: numbers with its separators, an empty cell a dash, never "None".

    A plain frame's numeric columns are written through analytics.formatting; the cells keep their
    values, so sorting stays numeric (a column_config format would override the text: give none). A
    Styler keeps the formats it was given.
    """
    language = lang()
    if isinstance(data, pd.DataFrame):
        numeric = [column for column in data.columns if pd.api.types.is_numeric_dtype(data[column])
                   and not pd.api.types.is_bool_dtype(data[column])]
        data = data.style.format({column: lambda value: formatting.cell(value, language) for column in numeric},
                                 na_rep="–")
    return (where or st).dataframe(data, placeholder="–", **options)


def chart_config() -> dict:
    """st.plotly_chart's config in the UI language: the toolbar's texts, month names, separators."""
    return formatting.plotly_config(lang())
