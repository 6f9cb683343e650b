"""Overview: how candidates are treated now and against the period before, the processes that need
attention first, the monthly trends, and what the store holds."""

import streamlit as st

from analytics import formatting
from analytics.i18n import t
from analytics.present.charts import monthly_trend_panels
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
    overview_reads,
    sidebar_filters,
)
from ui.localised import chart_config, show_table

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

reads = overview_reads(filters, L)
comparison = reads.comparison
if not comparison.current["applications"].iloc[0]:
    st.info(t("metrics.empty_selection", L))
else:
    st.subheader(t("overview.headline", L))
    days = (comparison.current_to - comparison.current_from).days + 1
    cards = period_cards(comparison, settings.latency_unit, L)
    for column, card in zip([*st.columns(3), *st.columns(3)], cards, strict=True):
        column.metric(card.label, card.value, card.delta, delta_color=card.delta_color, help=card.help, border=True,
                      height="stretch", delta_description=t("overview.vs_previous", L, days=days) if card.delta else None)
    start, end = formatting.day(comparison.current_from, L), formatting.day(comparison.current_to, L)
    if comparison.previous.empty:
        st.caption(t("overview.period_caption_alone", L, start=start, end=end, days=days))
    else:
        st.caption(t("overview.period_caption", L, start=start, end=end,
                     previous_start=formatting.day(comparison.previous_from, L),
                     previous_end=formatting.day(comparison.previous_to, L)))
    for line in coverage_lines(comparison.current.iloc[0], CARD_KEYS, L, settings.latency_unit):
        st.caption(line)

    st.subheader(t("overview.attention", L))
    attention = attention_items(reads.assessment, L)
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
    # One chart per metric in pairs of columns: side by side on a desk, one under the other on a phone.
    panels = monthly_trend_panels(reads.by_month, TARGET_KEYS, L)
    for pair in range(0, len(panels), 2):
        for column, figure in zip(st.columns(2), panels[pair:pair + 2], strict=False):
            column.plotly_chart(figure, config=chart_config())

st.divider()
st.subheader(t("store.heading", L))
cards = st.columns(4)
cards[0].metric(t("store.applications", L), formatting.number(held.applications, L))
cards[1].metric(t("store.events", L), formatting.number(held.events, L))
cards[2].metric(t("store.processes", L), formatting.number(held.processes, L))
cards[3].metric(t("store.survey_answers", L), formatting.number(held.survey_answers, L))
st.write(t("store.date_range", L, first=format_time(held.first_event), last=format_time(held.last_event)))
if held.last_import:
    st.write(t("store.last_import", L, file=md(held.last_import["file_name"]), rows=held.last_import["rows_stored"],
               when=format_time(held.last_import["imported_at"])))

st.subheader(t("store.per_process", L))
show_table(
    held.per_process,
    hide_index=True,
    column_config={
        "process_id": t("col.process_id", L), "process_name": t("col.process_name", L),
        "department": t("col.department", L), "applications": t("col.applications", L),
        "events": t("col.events", L),
        "first_event": st.column_config.DatetimeColumn(t("col.first_event", L), format=formatting.table_date_format(L)),
        "last_event": st.column_config.DatetimeColumn(t("col.last_event", L), format=formatting.table_date_format(L)),
    },
)
