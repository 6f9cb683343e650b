"""Helpers every page shares: the cached store, the UI language and cached reads.

Pages stay thin: they read filters, call `analytics`, and draw. Everything cached here is keyed by
the store's data version, so an import, an undo or a settings change refreshes every page.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from analytics.i18n import LANGUAGES, t
from analytics.inventory import Inventory, load_demo, store_inventory
from analytics.store import Store, default_db_path

DEMO_ENV = "RADAR_DEMO"  # set to 0 to start on an empty store


@st.cache_resource
def _open_store(path: str) -> Store:
    return Store(path)


def get_store() -> Store:
    return _open_store(str(default_db_path()))


def ensure_demo_on_first_start(store: Store) -> bool:
    """Fill a brand-new, empty store with the demo data once; True when it did."""
    if not store.created_now or os.environ.get(DEMO_ENV) == "0" or not store.is_empty():
        return False
    store.created_now = False
    load_demo(store)
    return True


def lang() -> str:
    """The UI language: the sidebar switch, kept in the URL so a shared link keeps it."""
    if "lang" not in st.session_state:
        requested = st.query_params.get("lang", "en")
        st.session_state["lang"] = requested if requested in LANGUAGES else "en"
    return st.session_state["lang"]


def language_switch() -> None:
    current = lang()
    st.sidebar.radio(
        t("app.language", current), LANGUAGES, key="lang", horizontal=True,
        format_func=lambda code: {"en": "English", "sv": "Svenska"}[code],
    )
    st.query_params["lang"] = st.session_state["lang"]


@st.cache_data(show_spinner=False)
def cached_inventory(db_path: str, version: tuple) -> Inventory:
    return store_inventory(_open_store(db_path))


def inventory() -> Inventory:
    store = get_store()
    return cached_inventory(str(store.path), store.data_version())


def format_time(value) -> str:
    """An instant as local time in the configured zone."""
    if value is None or pd.isna(value):
        return "–"
    return pd.Timestamp(value).tz_convert(get_store().settings().timezone).strftime("%Y-%m-%d %H:%M")
