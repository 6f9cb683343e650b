"""Candidate Experience Radar: the entry point sets up the page, decides who is here, the shared
sidebar, and routes to the pages that person's role may use."""

import streamlit as st

from analytics.access import allows
from analytics.i18n import t
from analytics.store import StoreError
from ui.common import choose_data, data_source_notice, lang, language_switch, stop_on_key_problem
from ui.identity import (
    current_principal,
    listens_on_loopback,
    login_configured,
    open_network_page,
    sign_in_page,
    who_is_here,
)

# The addresses of the pages below, besides the default one: before sign-in each serves the sign-in page.
PAGE_PATHS = ("processes", "process_detail", "data", "settings", "voice", "risk", "access")

st.set_page_config(page_title="Candidate Experience Radar", page_icon="📡", layout="wide")


def only(page) -> None:
    """Serve this one page under every address of the app (no "page not found", no other page), and stop."""
    title = t("app.title", lang())
    st.navigation([st.Page(page, title=title, default=True),
                   *(st.Page(page, title=title, url_path=path, visibility="hidden") for path in PAGE_PATHS)],
                  position="hidden").run()
    st.stop()


language_switch()
try:
    if not login_configured() and not listens_on_loopback():
        only(open_network_page)
    person = current_principal()
    if person is None:
        only(sign_in_page)   # an anonymous visitor, or one without a role: nothing else

    st.session_state["principal"] = person
    who_is_here(person)
    stop_on_key_problem()   # after sign-in: what to restore is for the people who use the app
    choose_data()

    def listed_for(action: str) -> str:
        """A page is listed for the roles that may use it; the others can reach it by link and are refused there."""
        return "visible" if allows(person, action) else "hidden"

    navigation = st.navigation([
        st.Page("content/overview.py", title=t("nav.overview", lang()), icon=":material/dashboard:", default=True),
        st.Page("content/processes.py", title=t("nav.processes", lang()), icon=":material/table_rows:"),
        st.Page("content/process_detail.py", title=t("nav.process_detail", lang()), icon=":material/manage_search:"),
        st.Page("content/data.py", title=t("nav.data", lang()), icon=":material/upload_file:", visibility=listed_for("import")),
        st.Page("content/settings.py", title=t("nav.settings", lang()), icon=":material/settings:",
                visibility=listed_for("settings")),
        st.Page("content/voice.py", title=t("nav.voice", lang()), icon=":material/forum:"),
        st.Page("content/risk.py", title=t("nav.risk", lang()), icon=":material/warning:"),
        st.Page("content/access.py", title=t("nav.access", lang()), icon=":material/admin_panel_settings:",
                visibility=listed_for("audit")),
    ])
    data_source_notice()   # after st.navigation, so the sidebar's page links stay on top
    navigation.run()
except StoreError as error:
    # The database in use by another program, read-only, or a full disk: a plain message, no traceback.
    st.error(error.message(lang()), icon=":material/database:")
