"""Process detail: one process's numbers against their targets, how long candidates waited, how far
they got, who is ghosted now, and the timeline of one application at a time."""

import streamlit as st

from analytics import formatting
from analytics.i18n import t
from analytics.measure.benchmarks import SILENCE_BENCHMARKS, benchmark_line, ontario_check, ontario_line, our_figures
from analytics.measure.metrics import facts_as_of
from analytics.present.charts import (
    application_timeline,
    latency_distribution,
    silence_distribution,
    stage_funnel,
)
from analytics.present.coverage import coverage_lines
from analytics.present.links import ACTIONS_PROCESS_PARAMETER
from analytics.present.process_view import (
    CARD_KEYS,
    LATENCY_COLUMNS,
    acknowledgement_note,
    application_choices,
    application_events,
    ghosted_applications,
    latency_limits,
    pick_process,
    process_cards,
    process_labels,
)
from analytics.present.reports import ReportScope
from ui.common import (
    get_store,
    lang,
    metrics_or_stop,
    process_facts,
    report_downloads,
    risk_assessment,
    sidebar_filters,
)
from ui.localised import chart_config, show_table

filters = sidebar_filters()
L = lang()
store = get_store()
settings = store.settings()
st.title(t("nav.process_detail", L))

by_process = metrics_or_stop("process", filters, L)

# The process comes from the link (?process_detail=), else from the Processes page, else the riskiest.
labels = process_labels(by_process)
shown = pick_process(by_process, st.query_params.get("process_detail") or st.session_state.get("detail_process"),
                     lambda: risk_assessment(filters, L).processes)
process_id = st.selectbox(t("detail.pick_process", L), list(labels), index=list(labels).index(shown),
                          format_func=labels.get, key="detail_picker")
st.session_state["detail_process"] = process_id
st.query_params["process_detail"] = process_id
with st.expander(t("report.process_downloads", L)):
    report_downloads(ReportScope(lang=L, filters=filters, process_id=process_id), st, key="process_report")

cards = process_cards(by_process, process_id, settings.latency_unit, L)
for column, card in zip([*st.columns(3), *st.columns(3)], cards, strict=True):
    column.metric(card.label, card.value, card.delta, delta_color=card.delta_color, help=card.help, border=True, height="stretch",
                  delta_description=t("detail.vs_target", L) if card.delta else None)
st.caption(t("detail.cards_caption", L))
for line in coverage_lines(by_process[by_process["process_id"] == process_id].iloc[0], CARD_KEYS, L,
                           settings.latency_unit):
    st.caption(line)

selected = process_facts(filters, process_id)
st.subheader(t("detail.progress", L))
funnel, silence = st.columns(2)
funnel.plotly_chart(stage_funnel(selected, L), config=chart_config())
if note := acknowledgement_note(selected, by_process[by_process["process_id"] == process_id].iloc[0],
                                settings.ack_sla_hours, L):
    funnel.caption(note)
silence.plotly_chart(silence_distribution(selected, settings.silence_limit_days, L), config=chart_config())

st.subheader(t("detail.latencies", L))
limits = latency_limits(settings)
for column, latency in zip(st.columns(len(LATENCY_COLUMNS)), LATENCY_COLUMNS, strict=True):
    column.plotly_chart(latency_distribution(selected, latency, L, settings.latency_unit, limits[latency]),
                        config=chart_config())

ghosted = ghosted_applications(store, selected, process_id, L)
st.subheader(t("detail.ghosted", L, count=len(ghosted)))
if ghosted.empty:
    st.success(t("detail.ghosted_none", L))
else:
    st.caption(t("detail.ghosted_caption", L, limit=settings.silence_limit_days))
    show_table(ghosted, hide_index=True, column_config={
        "application": t("detail.col.application", L),
        "days_silent": st.column_config.NumberColumn(t("detail.col.days_silent", L)),
        "last_contact": st.column_config.DatetimeColumn(t("detail.col.last_contact", L),
                                                        format=formatting.table_date_format(L, with_time=True)),
        "applied": st.column_config.DatetimeColumn(t("detail.col.applied", L), format=formatting.table_date_format(L)),
        "stage": t("detail.col.stage", L),
        "waiting_for": t("detail.col.waiting_for", L),
        "recruiter": t("col.recruiter", L),
    })
    # The list shows pseudonyms only; the action list, for the recruiter, has the source ids to call.
    kept = {name: st.query_params.get_all(name) for name in st.query_params if name != "process_detail"}
    st.page_link("content/risk.py", label=t("detail.actions_link", L), icon=":material/call:",
                 help=t("detail.actions_link_help", L), query_params=kept | {ACTIONS_PROCESS_PARAMETER: process_id})

with st.container(border=True):
    st.markdown(f"**{t('benchmark.heading', L)}**")
    figures = our_figures(selected)
    for benchmark in SILENCE_BENCHMARKS:
        st.caption(benchmark_line(benchmark, figures, L))

if settings.ontario_rule:
    st.subheader(t("ontario.heading", L))
    st.write(ontario_line(ontario_check(selected), L))
    st.caption(t("ontario.caption", L))

st.subheader(t("detail.timeline", L))
choices = application_choices(store, selected, process_id)
application = st.selectbox(t("detail.pick_application", L), list(choices), key=f"timeline_{process_id}")
events = application_events(store, choices[application], process_id, facts_as_of(selected))
st.plotly_chart(application_timeline(events, L), config=chart_config())
st.caption(t("detail.timeline_caption", L))
