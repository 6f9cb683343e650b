"""Candidate Experience Radar: the entry point sets up the page, the shared sidebar and routes."""

import streamlit as st

from analytics.i18n import t
from ui.common import choose_data, data_source_notice, lang, language_switch, stop_on_key_problem

st.set_page_config(page_title="Candidate Experience Radar", page_icon="📡", layout="wide")

language_switch()
stop_on_key_problem()
choose_data()

navigation = st.navigation([
    st.Page("content/overview.py", title=t("nav.overview", lang()), icon=":material/dashboard:", default=True),
    st.Page("content/processes.py", title=t("nav.processes", lang()), icon=":material/table_rows:"),
    st.Page("content/process_detail.py", title=t("nav.process_detail", lang()), icon=":material/manage_search:"),
    st.Page("content/data.py", title=t("nav.data", lang()), icon=":material/upload_file:"),
    st.Page("content/settings.py", title=t("nav.settings", lang()), icon=":material/settings:"),
    st.Page("content/voice.py", title=t("nav.voice", lang()), icon=":material/forum:"),
    st.Page("content/risk.py", title=t("nav.risk", lang()), icon=":material/warning:"),
])
data_source_notice()   # after st.navigation, so the sidebar's page links stay on top
navigation.run()
