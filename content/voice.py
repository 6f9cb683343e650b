"""Candidate voice: how candidates judge their treatment, in scores and in their own words."""

import streamlit as st

from analytics import formatting
from analytics.access import allows
from analytics.i18n import t
from analytics.measure.benchmarks import VOICE_BENCHMARKS, benchmark_line, our_figures
from analytics.measure.voice import LABELS, active_scorer, highlight_drivers, latest_calibration, previous_window
from analytics.operations import calibrate_sentiment
from analytics.present import voice_charts as charts
from analytics.sentiment import SCORER_NAME, THEMES
from analytics.sentiment.calibration import CALIBRATED_SCORER_NAME
from ui.common import format_time, get_store, inventory, lang, principal, sidebar_filters
from ui.localised import chart_config, show_table
from ui.voice_cache import answers_linked, comment_rows, report

filters = sidebar_filters()
L = lang()
store = get_store()
st.title(t("voice.title", L))
st.caption(t("voice.intro", L))

by = st.session_state.get("voice_by", "process")
voice = report(by, filters)
overall, minimum = voice.overall, voice.min_survey_answers
if not overall["answers"]:
    st.info(t("voice.no_answers", L))
    st.stop()

# -- headline: the window's numbers and their change against the window before ----------------------
before = previous_window(filters)
previous = report(by, before).overall if before is not None else None
for column, (label, value, change, colour, help_text) in zip(
        st.columns(4), charts.voice_cards(overall, previous, L), strict=True):
    column.metric(label, value, change, delta_color=colour, help=help_text, border=True,
                  delta_description=t("voice.vs_previous", L) if change else None)
held = inventory()
start = filters.date_from or format_time(held.first_event)[:10]
end = filters.date_to or format_time(held.last_event)[:10]
if before is not None:
    st.caption(t("voice.period", L, start=start, end=end, previous_start=before.date_from,
                 previous_end=before.date_to))
else:
    st.caption(t("voice.period_open", L, start=start, end=end))
# Answers to no imported application are in the store's count (the Overview) but in no window.
if (unlinked := held.survey_answers - answers_linked()) > 0:
    st.caption(t("voice.unlinked", L, total=held.survey_answers, unlinked=unlinked))
st.caption(t("voice.anonymity", L, minimum=minimum))
with st.container(border=True):
    st.markdown(f"**{t('benchmark.heading', L)}**")
    figures = our_figures(None, voice.drivers, voice.distribution)
    for benchmark in VOICE_BENCHMARKS:
        st.caption(benchmark_line(benchmark, figures, L))

# -- per group --------------------------------------------------------------------------------------
st.subheader(t("voice.groups_heading", L))
st.radio(t("voice.group_by", L), ("process", "stage", "outcome"), key="voice_by", horizontal=True,
         format_func=lambda group: t(f"voice.by.{group}", L))
st.plotly_chart(charts.cnps_by_group_chart(voice.groups, by, L), key="voice_groups_chart", config=chart_config())
show_table(charts.groups_table(voice.groups, by, L, minimum).style.format({
    t("voice.col.response_rate", L): lambda value: charts.format_share(value / 100, L),
    t("voice.col.cnps", L): lambda value: charts.format_signed(value, L),
    t("voice.col.sentiment", L): lambda value: charts.format_signed(value, L),
    t("voice.col.survey_sent", L): lambda value: formatting.number(value, L, missing="–"),
    t("voice.col.answers", L): lambda value: formatting.number(value, L, missing="–"),
    t("voice.col.comments", L): lambda value: formatting.number(value, L, missing="–"),
}, na_rep="–"), hide_index=True)

left, right = st.columns(2)
left.subheader(t("voice.trend_heading", L))
left.plotly_chart(charts.cnps_trend_chart(voice.trend, L), key="voice_trend_chart", config=chart_config())
right.subheader(t("voice.distribution_heading", L))
right.plotly_chart(charts.nps_distribution_chart(voice.distribution, L), key="voice_distribution_chart",
                   config=chart_config())
left, right = st.columns(2)
left.subheader(t("voice.ratings_heading", L))
left.plotly_chart(charts.ratings_chart(voice.ratings, L), key="voice_ratings_chart", config=chart_config())
right.subheader(t("voice.themes_heading", L))
right.plotly_chart(charts.theme_sentiment_chart(voice.themes, L), key="voice_themes_chart", config=chart_config())

# -- what drives the verdict ------------------------------------------------------------------------
st.subheader(t("voice.drivers_heading", L))
st.caption(t("voice.drivers_intro", L))
st.plotly_chart(charts.drivers_chart(voice.drivers, L), key="voice_drivers_chart", config=chart_config())
show_table(charts.drivers_table(voice.drivers, L, minimum), hide_index=True)

# -- comments ---------------------------------------------------------------------------------------
st.subheader(t("voice.comments_heading", L))
processes = voice.processes[~voice.processes["suppressed"]]
names = dict(zip(processes["group_key"], processes["process_name"], strict=True))
choose = st.columns(4)
process = choose[0].selectbox(t("filters.process", L), [None, *names], key="voice_comment_process",
                              format_func=lambda key: t("filters.all", L) if key is None else names[key])
sentiment = choose[1].selectbox(t("voice.sentiment", L), [None, *LABELS], key="voice_comment_sentiment",
                                format_func=lambda label: t("filters.all", L) if label is None
                                else t(f"voice.label.{label}", L))
theme = choose[2].selectbox(t("voice.theme", L), [None, *THEMES], key="voice_comment_theme",
                            format_func=lambda name: t("filters.all", L) if name is None else t(f"voice.theme.{name}", L))
language = choose[3].selectbox(t("voice.language", L), [None, "sv", "en", "other"], key="voice_comment_language",
                               format_func=lambda code: t("filters.all", L) if code is None
                               else t(f"voice.language.{code}", L))
rows = comment_rows(filters, process, sentiment, theme, language)
st.caption(t("voice.comments_shown", L, shown=len(rows), minimum=minimum))
if rows.empty:
    st.info(t("voice.no_comments", L))
else:
    with st.container(height=520, border=True):
        for row in rows.itertuples(index=False):
            st.markdown(highlight_drivers(row.comment, row.drivers))
            st.caption(charts.comment_caption(row, L))

# -- learning from the store's own comments ---------------------------------------------------------
st.subheader(t("voice.calibration_heading", L))
st.caption(t("voice.calibration_intro", L))


def _calibrate() -> None:
    st.session_state["voice_calibration_run"] = calibrate_sentiment(get_store(), principal())


if allows(principal(), "settings"):   # re-labelling the stored comments changes the data
    st.button(t("voice.calibrate", L), key="voice_calibrate", on_click=_calibrate)
result = latest_calibration(store)
if result is not None:
    ran_now = "voice_calibration_run" in st.session_state
    if result.default_accuracy is None:
        st.info(t("voice.calibration_untrained", L, reason=result.reason, n=result.labelled_comments))
    else:
        values = {"default": formatting.percent(result.default_accuracy, L),
                  "calibrated": formatting.percent(result.calibrated_accuracy, L),
                  "n": result.labelled_comments, "held_out": result.held_out, "relabelled": result.relabelled,
                  "when": format_time(result.calibrated_at)}
        message = t("voice.calibration_won" if result.beats_default else "voice.calibration_lost", L, **values)
        if ran_now and result.beats_default:
            st.success(message)
        else:
            st.info(message)
scorers = {SCORER_NAME: t("voice.scorer.builtin", L), CALIBRATED_SCORER_NAME: t("voice.scorer.calibrated", L)}
st.caption(t("voice.labels_by", L, scorer=", ".join(scorers.get(name, name) for name in active_scorer(store).split(", "))))
