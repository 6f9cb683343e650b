"""Processes: one sortable row per process with its key metrics; selecting a row opens its detail."""

import streamlit as st

from analytics.catalogue import METRICS, display_metric
from analytics.i18n import t
from analytics.present.charts import process_ranking
from analytics.present.coverage import coverage_notes
from analytics.present.process_view import (
    PROCESS_TABLE_COLUMNS,
    RANKING_KEYS,
    TARGET_KEYS,
    process_table,
    style_process_table,
)
from ui.common import get_store, lang, metrics_or_stop, risk_assessment, sidebar_filters
from ui.localised import chart_config

filters = sidebar_filters()
L = lang()
settings = get_store().settings()
st.title(t("nav.processes", L))

by_process = metrics_or_stop("process", filters, L)

st.caption(t("processes.caption", L, n=settings.min_group_size))
table = process_table(by_process, risk_assessment(filters, L).processes, L)
# Short headers that fit their column; the full name and its meaning are the header's tooltip.
# Numbers carry no column format: the styled table writes them in the language (style_process_table).
column_config = {
    "status": st.column_config.TextColumn(t("processes.status", L)),
    "distance": st.column_config.NumberColumn(t("processes.distance", L), format="%d", width=90,
                                              help=t("processes.distance_help", L)),
    "farthest": st.column_config.TextColumn(t("processes.farthest", L), width=230),
    "process_name": t("col.process_name", L),
    "process_id": st.column_config.TextColumn(t("col.process_id", L), width="small"),
    "applications": st.column_config.NumberColumn(METRICS["applications"].label(L)),
    "risk_score": st.column_config.NumberColumn(t("risk.col.risk_score", L), help=t("processes.risk_help", L)),
    "ghosted": st.column_config.NumberColumn(METRICS["ghosted"].label(L), help=METRICS["ghosted"].explanation(L)),
}
for key in (*TARGET_KEYS, "ack_latency_median", "longest_silence_d_median"):
    metric = display_metric(key, settings.latency_unit)
    column_config[key] = st.column_config.NumberColumn(
        t(f"processes.short.{key}", L), help=f"{metric.label(L)}: {metric.explanation(L)}")
for key in TARGET_KEYS:
    column_config[f"{key}_interval"] = st.column_config.TextColumn(
        t(f"processes.short.{key}_interval", L),
        help=f"{t('processes.interval_of', L, metric=METRICS[key].label(L))}. {t('processes.interval_help', L)}")

for note in coverage_notes(by_process, (*TARGET_KEYS, "ack_latency_median", "longest_silence_d_median"), L,
                           settings.latency_unit):
    st.caption(note)
chosen = st.dataframe(style_process_table(table, L, settings.latency_unit), column_config=column_config,
                      column_order=PROCESS_TABLE_COLUMNS, hide_index=True, height="content", on_select="rerun",
                      selection_mode="single-row", key="process_table")
if chosen.selection.rows:
    process_id = table["process_id"].iloc[chosen.selection.rows[0]]
    st.session_state["detail_process"] = process_id
    kept = {name: st.query_params.get_all(name) for name in st.query_params}
    st.switch_page("content/process_detail.py", query_params=kept | {"process_detail": process_id})

st.subheader(t("processes.ranking", L))
ranked_key = st.selectbox(t("processes.ranking_metric", L), RANKING_KEYS, key="ranking_metric",
                          format_func=lambda key: display_metric(key, settings.latency_unit).label(L))
st.plotly_chart(process_ranking(by_process, ranked_key, L, settings.min_group_size), config=chart_config())
