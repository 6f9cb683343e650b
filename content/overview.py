"""Overview: how candidates are treated now and against the period before, the processes that need
attention first, the monthly trends, and what the store holds."""

import streamlit as st

from analytics.i18n import t
from analytics.present.charts import monthly_trend
from analytics.present.coverage import coverage_lines
from analytics.present.process_view import (
    CARD_KEYS,
    TARGET_KEYS,
    attention_items,
    period_cards,
)
from analytics.privacy import escape_markdown as md
from ui.common import (
    format_time,
    get_store,
    inventory,
    lang,
    metrics,
    risk_assessment,
    sidebar_filters,
    window_comparison,
)

ATTENTION_SHOWN = 5


filters = sidebar_filters()
L = lang()
settings = get_store().settings()
st.title(t("app.title", L))
st.caption(t("app.tagline", L))

held = inventory()
if held.is_empty:
    st.info(t("store.empty", L))
    st.stop()

if not metrics("all", filters)["applications"].iloc[0]:
    st.info(t("metrics.empty_selection", L))
else:
    st.subheader(t("overview.headline", L))
    comparison = window_comparison(filters)
    days = (comparison.current_to - comparison.current_from).days + 1
    cards = period_cards(comparison, settings.latency_unit, L)
    for column, card in zip([*st.columns(3), *st.columns(3)], cards, strict=True):
        column.metric(card.label, card.value, card.delta, delta_color=card.delta_color, help=card.help, border=True,
                      height="stretch", delta_description=t("overview.vs_previous", L, days=days) if card.delta else None)
    if comparison.previous.empty:
        st.caption(t("overview.period_caption_alone", L, start=comparison.current_from, end=comparison.current_to,
                     days=days))
    else:
        st.caption(t("overview.period_caption", L, start=comparison.current_from, end=comparison.current_to,
                     previous_start=comparison.previous_from, previous_end=comparison.previous_to))
    for line in coverage_lines(comparison.current.iloc[0], CARD_KEYS, L, settings.latency_unit):
        st.caption(line)

    st.subheader(t("overview.attention", L))
    attention = attention_items(risk_assessment(filters, L), L)
    if attention.empty:
        st.success(t("overview.attention_none", L))
    else:
        st.markdown("\n".join(
            f"{rank}. " + t("overview.attention_item", L, name=md(row.process_name), process_id=md(row.process_id),
                            applications=row.applications, score=row.risk_score, parts=row.score_parts,
                            worst=row.worst, evidence=row.evidence)
            for rank, row in enumerate(attention.head(ATTENTION_SHOWN).itertuples(), start=1)
        ))
        if len(attention) > ATTENTION_SHOWN:
            st.caption(t("overview.attention_more", L, count=len(attention) - ATTENTION_SHOWN))
    st.caption(t("overview.attention_caption", L, n=settings.min_group_size))
    processes_link, risk_link = st.columns(2)
    processes_link.page_link("content/processes.py", label=t("nav.processes", L), icon=":material/table_rows:")
    risk_link.page_link("content/risk.py", label=t("nav.risk", L), icon=":material/warning:")

    st.subheader(t("overview.trends", L))
    st.caption(t("overview.trends_caption", L, n=settings.min_group_size))
    st.plotly_chart(monthly_trend(metrics("month", filters), TARGET_KEYS, L))

st.divider()
st.subheader(t("store.heading", L))
cards = st.columns(4)
cards[0].metric(t("store.applications", L), f"{held.applications:,}".replace(",", " "))
cards[1].metric(t("store.events", L), f"{held.events:,}".replace(",", " "))
cards[2].metric(t("store.processes", L), held.processes)
cards[3].metric(t("store.survey_answers", L), f"{held.survey_answers:,}".replace(",", " "))
st.write(t("store.date_range", L, first=format_time(held.first_event), last=format_time(held.last_event)))
if held.last_import:
    st.write(t("store.last_import", L, file=md(held.last_import["file_name"]), rows=held.last_import["rows_stored"],
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
