"""Message traces on the pages: how to download one, what an import of one found, own subject patterns.

Thin: the counts, their wording and the patterns live in analytics/ingest (message_traces,
subject_patterns); this only lays them out.
"""

from __future__ import annotations

import streamlit as st

from analytics.access import Principal
from analytics.i18n import t
from analytics.ingest.message_traces import summary_lines
from analytics.ingest.subject_patterns import PATTERN_EVENT_TYPES, subject_patterns
from analytics.operations import add_pattern, remove_pattern
from analytics.privacy import escape_markdown as md
from analytics.store import Store

HELP_KEYS = ("trace.help_powershell", "trace.help_admin_center", "trace.help_google", "trace.help_other")


def render_trace_help(lang: str) -> None:
    """Where each export is downloaded, step by step."""
    with st.expander(t("trace.help_heading", lang)):
        st.write(t("trace.help_intro", lang))
        for key in HELP_KEYS:
            st.markdown(f"- {t(key, lang)}")


def render_trace_report(report, lang: str) -> None:
    """A trace import's counts: read, kept, left out by reason, matched, the period covered."""
    first, *rest = summary_lines(md(report.file_name), report.format, report.rows_stored, report.trace, lang)
    st.info(first)
    st.markdown("\n".join(f"- {line}" for line in rest))


def render_subject_patterns(store: Store, person: Principal, lang: str) -> None:
    """The patterns that type a traced message, and a form for the HR lead's own template subjects
    (added and removed as `person`, checked and audited)."""
    st.subheader(t("patterns.heading", lang))
    st.caption(t("patterns.intro", lang))
    rows = subject_patterns(store)
    st.dataframe(
        [{t("patterns.pattern", lang): pattern, t("patterns.event_type", lang): t(f"trace.type.{event_type}", lang),
          t("patterns.language", lang): language,
          t("patterns.builtin", lang): t("patterns.yes", lang) if builtin else ""}
         for pattern, event_type, language, builtin in rows],
        hide_index=True, placeholder="–",
    )
    with st.form("subject_pattern_form", clear_on_submit=True):
        left, middle, right = st.columns((3, 2, 1))
        pattern = left.text_input(t("patterns.pattern", lang), key="pattern_text")
        event_type = middle.selectbox(t("patterns.event_type", lang), PATTERN_EVENT_TYPES, key="pattern_type",
                                      format_func=lambda kind: t(f"trace.type.{kind}", lang))
        language = right.selectbox(t("patterns.language", lang), ("sv", "en"), key="pattern_language")
        if st.form_submit_button(t("patterns.add", lang)):
            try:
                added = add_pattern(store, person, pattern, event_type, language)
                st.success(t("patterns.added", lang, pattern=md(added)))
            except ValueError as error:
                st.error(md(str(error)))
    own = [pattern for pattern, _, _, builtin in rows if not builtin]
    if own:
        chosen = st.selectbox(t("patterns.remove_pick", lang), own, key="pattern_remove_pick")
        if st.button(t("patterns.remove", lang), key="pattern_remove"):
            remove_pattern(store, person, chosen)
            st.rerun()
