"""Overview: what the store holds (the metrics dashboard builds on top of this)."""

import streamlit as st

from analytics.i18n import t
from pages.common import format_time, inventory, lang

L = lang()
st.title(t("app.title", L))
st.caption(t("app.tagline", L))

held = inventory()
if held.is_empty:
    st.info(t("store.empty", L))
    st.stop()

st.subheader(t("store.heading", L))
cards = st.columns(4)
cards[0].metric(t("store.applications", L), f"{held.applications:,}".replace(",", " "))
cards[1].metric(t("store.events", L), f"{held.events:,}".replace(",", " "))
cards[2].metric(t("store.processes", L), held.processes)
cards[3].metric(t("store.survey_answers", L), f"{held.survey_answers:,}".replace(",", " "))
st.write(t("store.date_range", L, first=format_time(held.first_event), last=format_time(held.last_event)))
if held.last_import:
    st.write(t("store.last_import", L, file=held.last_import["file_name"], rows=held.last_import["rows_stored"],
               when=format_time(held.last_import["imported_at"])))

st.subheader(t("store.per_process", L))
st.dataframe(
    held.per_process,
    hide_index=True,
    column_config={
        "process_id": t("col.process_id", L), "process_name": t("col.process_name", L),
        "department": t("col.department", L), "applications": t("col.applications", L),
        "events": t("col.events", L),
        "first_event": st.column_config.DatetimeColumn(t("col.first_event", L), format="YYYY-MM-DD"),
        "last_event": st.column_config.DatetimeColumn(t("col.last_event", L), format="YYYY-MM-DD"),
    },
)
