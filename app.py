"""Candidate Experience Radar: the entry point sets up the page, the shared sidebar and routes."""

import streamlit as st

from analytics.i18n import t
from pages.common import ensure_demo_on_first_start, follow_deep_link, get_store, lang, language_switch

st.set_page_config(page_title="Candidate Experience Radar", page_icon="📡", layout="wide")

language_switch()
store = get_store()
if ensure_demo_on_first_start(store):
    st.toast(t("app.demo_loaded", lang()))

navigation = st.navigation([
    st.Page("pages/overview.py", title=t("nav.overview", lang()), icon=":material/dashboard:", default=True),
    st.Page("pages/processes.py", title=t("nav.processes", lang()), icon=":material/table_rows:"),
    st.Page("pages/process_detail.py", title=t("nav.process_detail", lang()), icon=":material/manage_search:"),
    st.Page("pages/data.py", title=t("nav.data", lang()), icon=":material/upload_file:"),
    st.Page("pages/settings.py", title=t("nav.settings", lang()), icon=":material/settings:"),
    st.Page("pages/voice.py", title=t("nav.voice", lang()), icon=":material/forum:"),
    st.Page("pages/risk.py", title=t("nav.risk", lang()), icon=":material/warning:"),
])
follow_deep_link()
navigation.run()
