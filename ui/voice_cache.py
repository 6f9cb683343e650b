"""Cached reads of the Candidate voice page.

Keyed by the database, its data version and the label version: a calibration run rewrites stored
sentiment labels without an import, so the data version alone would serve stale results.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.measure.metrics import Filters
from analytics.measure.voice import VoiceReport, comments, labels_version, linked_answers, voice_report
from ui.common import get_store, waiting


def _key() -> tuple[str, tuple]:
    store = get_store()
    return str(store.path), (store.data_version(), labels_version(store))


@st.cache_data(show_spinner=False, max_entries=32)
def _cached_report(db_path: str, version: tuple, by: str, filters: Filters) -> VoiceReport:
    return voice_report(get_store(), by, filters)


def report(by: str, filters: Filters) -> VoiceReport:
    with waiting("voice"):
        return _cached_report(*_key(), by, filters)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_comments(db_path: str, version: tuple, filters: Filters, process: str | None, sentiment: str | None,
                     theme: str | None, language: str | None) -> pd.DataFrame:
    return comments(get_store(), filters, process, sentiment, theme, language)


def comment_rows(filters: Filters, process: str | None, sentiment: str | None, theme: str | None,
                 language: str | None) -> pd.DataFrame:
    with waiting("voice"):
        return _cached_comments(*_key(), filters, process, sentiment, theme, language)


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_linked_answers(db_path: str, version: tuple) -> int:
    return linked_answers(get_store())


def answers_linked() -> int:
    """The stored answers that belong to an imported application (the rest are in no window)."""
    with waiting("voice"):
        return _cached_linked_answers(*_key())
