"""The figures of the metric pages, built from small hand-made frames and read back from fig.data."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analytics.catalogue import display_metric
from analytics.i18n import t
from analytics.present.charts import (
    ACCENT,
    GREY,
    SERIES_COLOURS,
    STATUS_COLOURS,
    _add_trend,
    _finish,
    _no_data,
    application_timeline,
    latency_distribution,
    monthly_trend,
    monthly_trend_panels,
    process_ranking,
    silence_distribution,
    stage_counts,
    stage_funnel,
)


def share_rows(rows: list[tuple]) -> pd.DataFrame:
    """Metrics per process for acknowledged-within-SLA: (id, name, applications, share, low, high)."""
    frame = pd.DataFrame(rows, columns=["process_id", "process_name", "applications", "ack_within_sla_share",
                                        "ack_within_sla_share_low", "ack_within_sla_share_high"])
    frame["ack_eligible"] = frame["applications"]
    frame["ack_within_sla"] = (frame["ack_within_sla_share"] * frame["applications"]).round().astype(int)
    frame["ack_latency_median"] = [2.0, 30.0, 70.0, 5.0][: len(frame)]
    frame["latency_unit"] = "hours"
    frame["small_group"] = frame["applications"] < 10
    return frame


# A meets the 95 % target, B misses it by 5 points, C by 55; D is worst but has 4 applications.
PROCESSES = share_rows([
    ("P-A", "Alpha", 50, 0.98, 0.90, 0.99),
    ("P-B", "Beta", 40, 0.90, 0.77, 0.96),
    ("P-C", "Gamma", 30, 0.40, 0.25, 0.58),
    ("P-D", "Delta", 4, 0.25, 0.05, 0.70),
])


def trace(fig, name):
    return next(item for item in fig.data if item.name == name)


def test_ranking_puts_the_worst_first_and_small_groups_last_in_grey():
    fig = process_ranking(PROCESSES, "ack_within_sla_share", "en", min_group_size=10)
    assert [item.name for item in fig.data] == [
        "over 30 pts off", "up to 5 pts off", "on target", "fewer than 10 applications"]
    assert list(fig.layout.yaxis.categoryarray) == [
        "Gamma (P-C)", "Beta (P-B)", "Alpha (P-A)", "Delta (P-D) · n=4"]
    assert fig.layout.yaxis.autorange == "reversed"
    small = trace(fig, "fewer than 10 applications")
    assert small.y == ("Delta (P-D) · n=4",) and small.marker.color == GREY
    assert trace(fig, "over 30 pts off").marker.color == STATUS_COLOURS["beyond_30"]
    assert trace(fig, "on target").marker.color == STATUS_COLOURS["on_target"]


def test_ranking_error_bars_are_the_wilson_bounds():
    fig = process_ranking(PROCESSES, "ack_within_sla_share", "en", min_group_size=10)
    for item in fig.data:
        rows = PROCESSES.set_index("process_id").loc[[label.split("(")[1][:3] for label in item.y]]
        assert [x + up for x, up in zip(item.x, item.error_x.array, strict=True)] == pytest.approx(
            rows["ack_within_sla_share_high"].tolist())
        assert [x - down for x, down in zip(item.x, item.error_x.arrayminus, strict=True)] == pytest.approx(
            rows["ack_within_sla_share_low"].tolist())


def test_ranking_axis_names_the_metric_and_unit_and_marks_the_target_in_both_languages():
    english = process_ranking(PROCESSES, "ack_within_sla_share", "en", 10)
    swedish = process_ranking(PROCESSES, "ack_within_sla_share", "sv", 10)
    assert english.layout.xaxis.title.text == "Acknowledged within SLA (%)"
    assert swedish.layout.xaxis.title.text == "Bekräftade inom SLA (%)"
    assert [shape.x0 for shape in english.layout.shapes] == [0.95]
    assert "mål 95\u00a0%" in [note.text for note in swedish.layout.annotations]
    assert trace(swedish, "färre än 10 ansökningar").marker.color == GREY


def test_ranking_of_a_latency_uses_the_accent_and_the_unit_without_intervals():
    fig = process_ranking(PROCESSES, "ack_latency_median", "sv", 10)
    names = [item.name for item in fig.data]
    assert names == ["Tid till bekräftelse (median)", "färre än 10 ansökningar"]
    assert fig.data[0].marker.color == ACCENT and fig.data[0].error_x.array is None
    # Longest waits first: a lower latency is better. 70, 30 and 2 hours: most of it beyond two days,
    # so the axis is in days.
    assert fig.data[0].x == pytest.approx((70 / 24, 30 / 24, 2 / 24))
    assert fig.layout.xaxis.title.text == "Tid till bekräftelse (median) (dagar)"
    assert fig.data[0].customdata[0][0] == "2,9 dagar"


def months() -> pd.DataFrame:
    return pd.DataFrame({
        "month": ["2026-01", "2026-02", "2026-03"],
        "applications": [40, 5, 60],
        "small_group": [False, True, False],
        "latency_unit": "hours",
        "ack_eligible": [40, 5, 60], "ack_within_sla": [20, 5, 57],
        "ack_within_sla_share": [0.5, 1.0, 0.95],
        "ack_within_sla_share_low": [0.35, 0.57, 0.86],
        "ack_within_sla_share_high": [0.65, 1.0, 0.98],
        "ghosted": [4, 0, 1], "ghosted_share": [0.1, 0.0, 1 / 60],
        "ghosted_share_low": [0.04, 0.0, 0.003], "ghosted_share_high": [0.23, 0.43, 0.09],
    })


def test_monthly_trend_has_one_panel_per_metric_with_values_intervals_and_grey_small_months():
    frame = months()
    fig = monthly_trend(frame, ("ack_within_sla_share", "ghosted_share"), "en")
    assert len(fig.data) == 2
    ack, ghosted = fig.data
    assert ack.x == ("Jan 2026", "Feb 2026", "Mar 2026") and ack.y == (0.5, 1.0, 0.95)
    assert [y + up for y, up in zip(ack.y, ack.error_y.array, strict=True)] == pytest.approx([0.65, 1.0, 0.98])
    assert [y - down for y, down in zip(ack.y, ack.error_y.arrayminus, strict=True)] == pytest.approx([0.35, 0.57, 0.86])
    assert ack.marker.color[1] == GREY and ack.marker.color[0] != GREY
    assert ghosted.xaxis == "x2" and ghosted.y == pytest.approx([0.1, 0.0, 1 / 60])
    assert [note.text for note in fig.layout.annotations][:2] == [
        "Acknowledged within SLA<br><sup>target 95%</sup>", "Ghosted share<br><sup>target 5%</sup>"]
    assert fig.layout.yaxis.title.text == "%" and fig.layout.xaxis.type == "category"
    assert "20 of 40" in ack.customdata[0][1]


def test_monthly_trend_speaks_swedish():
    fig = monthly_trend(months(), ("ack_within_sla_share",), "sv")
    assert fig.layout.xaxis.title.text == "Ansökningsmånad"
    assert fig.layout.annotations[0].text == "Bekräftade inom SLA<br><sup>mål 95\u00a0%</sup>"
    assert fig.data[0].x == ("jan. 2026", "feb. 2026", "mars 2026")
    assert fig.layout.separators == ",\u00a0"
    assert fig.layout.yaxis.ticktext == tuple(f"{value}\u00a0%" for value in (0, 25, 50, 75, 100))
    assert "20 av 40" in fig.data[0].customdata[0][1]


def test_monthly_trend_panels_give_each_metric_a_figure_of_its_own_for_narrow_screens():
    panels = monthly_trend_panels(months(), ("ack_within_sla_share", "ghosted_share"), "en")
    assert [(panel.layout.title.text, panel.layout.title.subtitle.text) for panel in panels] == [
        ("Acknowledged within SLA", "target 95%"), ("Ghosted share", "target 5%")]
    assert [len(panel.data) for panel in panels] == [1, 1]
    assert panels[1].data[0].y == pytest.approx([0.1, 0.0, 1 / 60])
    assert panels[0].data[0].marker.color[1] == GREY
    assert [shape.y0 for shape in panels[0].layout.shapes] == [0.95]      # the target line


@pytest.mark.parametrize("rows", [3, 0])
def test_monthly_trend_panels_are_the_figures_the_shared_steps_draw(rows):
    """Made in one go (Plotly checks each later update against the whole figure), every panel is
    exactly the figure that _add_trend, the month axis, _no_data and _finish draw step by step."""
    frame = months().assign(ack_latency_median=[2.0, 30.0, 70.0]).head(rows)
    keys = ("ack_within_sla_share", "ghosted_share", "ack_latency_median")
    for lang in ("en", "sv"):
        for index, (key, panel) in enumerate(zip(keys, monthly_trend_panels(frame, keys, lang), strict=True)):
            metric = display_metric(key, "hours")
            fig = go.Figure()
            _add_trend(fig, frame, key, metric, SERIES_COLOURS[index], lang)
            fig.update_xaxes(type="category", title_text=t("chart.month", lang))
            if not rows:
                _no_data(fig, lang)
            target = (None if metric.target is None
                      else t("chart.target_line", lang, target=metric.format_value(metric.target, lang)))
            assert panel.to_dict() == _finish(fig, metric.label(lang), lang, target, height=300).to_dict()


def test_latency_distribution_splits_at_the_sla_and_draws_its_line():
    facts = pd.DataFrame({"ack_latency": [1.0, 5.0, 30.0, 48.0, 60.0, 100.0, None]})
    fig = latency_distribution(facts, "ack_latency", "en", "hours", sla=48.0)
    within, over = fig.data
    # The 90th percentile (80 h) is beyond two days: the axis is in days, the SLA at 2 days.
    assert within.x == pytest.approx((1 / 24, 5 / 24, 30 / 24, 2.0)) and over.x == pytest.approx((2.5, 100 / 24))
    assert over.marker.color == STATUS_COLOURS["beyond_30"]
    assert within.xbins.size == over.xbins.size  # the same bins, stacked
    assert [shape.x0 for shape in fig.layout.shapes] == [2.0]
    assert "limit 48 h" in [note.text for note in fig.layout.annotations]   # the SLA as it is set
    assert fig.layout.xaxis.title.text == "Days"
    assert fig.layout.yaxis.title.text == "Applications"
    assert fig.layout.title.text == "Time to acknowledgement"
    # median of 1, 5, 30, 48, 60, 100 hours: 39 h, under two days, so in hours whatever the axis
    assert fig.layout.title.subtitle.text == "median 39 h, 6 applications; 2 over the limit (red)"


def test_latency_distribution_in_business_days_and_swedish_without_sla():
    facts = pd.DataFrame({"post_interview_latency": [0.5, 1.5, 4.0]})
    fig = latency_distribution(facts, "post_interview_latency", "sv", "business_days")
    assert len(fig.data) == 1 and fig.data[0].x == (0.5, 1.5, 4.0) and fig.data[0].marker.color == ACCENT
    assert not fig.layout.shapes
    assert fig.layout.xaxis.title.text == "Arbetsdagar"
    assert fig.layout.yaxis.title.text == "Ansökningar"
    assert fig.layout.title.subtitle.text == "median 1,5 arbetsdagar, 3 ansökningar"


def test_latency_distribution_of_nothing_says_so():
    fig = latency_distribution(pd.DataFrame({"notice_latency": []}), "notice_latency", "en", "days", sla=5.0)
    assert not fig.data
    assert fig.layout.annotations[0].text == (
        "No rejected candidate in this selection has been told yet, so there is no waiting time to show.")
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False   # a sentence, no empty axes


def test_silence_distribution_against_the_limit():
    facts = pd.DataFrame({"longest_silence_d": [3.0, 10.0, 14.0, 20.0, 40.0]})
    fig = silence_distribution(facts, 14, "sv")
    within, over = fig.data
    assert within.x == (3.0, 10.0, 14.0) and over.x == (20.0, 40.0)
    assert [shape.x0 for shape in fig.layout.shapes] == [14]
    assert "gräns 14 dagar" in [note.text for note in fig.layout.annotations]
    assert fig.layout.xaxis.title.text == "Längsta tystnad (dagar)"
    assert fig.layout.title.subtitle.text.endswith("väntade någon gång mer än 14 dagar på besked (rött)")
    assert fig.layout.title.subtitle.text.startswith("2 av 5 ansökningar")


def test_stage_funnel_counts_the_stages_reached():
    facts = pd.DataFrame({
        "ack_at": pd.to_datetime(["2026-01-01", "2026-01-02", None, "2026-01-03", "2026-01-04"]),
        "interviews": [2, 1, 0, 0, 1],
        "offered": [True, False, False, False, None],
        "hired": [True, False, False, False, False],
    })
    assert stage_counts(facts) == {"applied": 5, "acknowledged": 4, "interviewed": 3, "offered": 1, "hired": 1}
    fig = stage_funnel(facts, "sv")
    assert fig.data[0].x == (5, 4, 3, 1, 1)
    assert fig.data[0].y == ("Ansökt", "Bekräftade", "Intervjuade", "Fick erbjudande", "Anställda")
    assert fig.layout.xaxis.title.text == "Ansökningar"


def test_timeline_marks_contacts_and_the_end_of_the_data():
    local = pd.to_datetime(["2026-03-02 09:00", "2026-03-02 10:00", "2026-03-10 13:00", "2026-03-12 16:00"])
    events = pd.DataFrame({
        "application": "K-1234567890",
        "event_type": ["application_received", "acknowledgement_sent", "interview_held", "rejected"],
        "local_time": local,
        "channel": ["portal", "email", "in_person", None],
        "stage": [None, None, "Intervju", None],
        "contact": [False, True, True, False],
        "as_of_local": pd.Timestamp("2026-04-09 12:00"),
    })
    fig = application_timeline(events, "en")
    contacts, others = fig.data
    assert contacts.name == "the candidate heard from us" and contacts.marker.color == ACCENT
    assert list(contacts.x) == list(local[1:3]) and contacts.y == ("Acknowledgement sent", "Interview held")
    assert others.y == ("Application received", "Rejected (decision)")
    assert contacts.customdata[1][0] == "in person"
    assert list(fig.layout.yaxis.categoryarray) == [
        "Application received", "Acknowledgement sent", "Interview held", "Rejected (decision)"]
    assert [shape.x0 for shape in fig.layout.shapes] == [pd.Timestamp("2026-04-09 12:00")]
    assert fig.layout.title.text == "Timeline of K-1234567890"
    # from 10 March 13:00 to 9 April 12:00: 29 days and 23 hours
    assert fig.layout.title.subtitle.text == "30 days from the last contact to the end of the data"
    assert fig.layout.xaxis.title.text == "Date (local time)"
    swedish = application_timeline(events, "sv")
    assert swedish.data[0].y == ("Bekräftelse skickad", "Intervju genomförd")
    assert swedish.layout.xaxis.title.text == "Datum (lokal tid)"


def test_markup_in_a_process_name_is_shown_as_text_not_rendered():
    from analytics.present.charts import process_ranking

    frame = pd.DataFrame({
        "process_id": ["P1"], "process_name": ['<a href="https://evil.example">Click</a>'],
        "applications": [20], "latency_unit": ["hours"], "ack_within_sla_share": [0.5],
        "ack_within_sla_share_low": [0.3], "ack_within_sla_share_high": [0.7],
        "ack_eligible": [20], "ack_within_sla": [10],
    })
    labels = [label for trace in process_ranking(frame, "ack_within_sla_share", "en", 10).data for label in trace.y]
    assert labels == ['&lt;a href=&quot;https://evil.example&quot;&gt;Click&lt;/a&gt; (P1)']


def test_one_straggler_gets_a_bar_of_its_own_instead_of_squeezing_the_axis():
    facts = pd.DataFrame({"ack_latency": [*range(1, 20), 800.0]})
    fig = latency_distribution(facts, "ack_latency", "en", "hours", sla=48.0)
    within, over, longer = fig.data
    # 95th percentile 58 h, the SLA × 1.5 = 72 h: the axis ends at 75 h (bins of 5 h), in hours
    assert within.x == tuple(float(value) for value in range(1, 20)) and over.x == ()
    assert within.xbins.end == 75 and within.xbins.size == 5
    assert (longer.name, longer.x, longer.y) == ("longer than 75 h", (82.5,), (1,))
    assert fig.layout.xaxis.title.text == "Hours"
