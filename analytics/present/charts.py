"""Plotly figures for the metric pages: plain functions of frames, no Streamlit.

Each figure is readable in English and Swedish (`lang`), takes labels and formats from the metric catalogue,
names its unit on the axes and explains every point on hover. Colours carry meaning: one accent
for plain series, grey for groups too small to judge, green/amber/red for the distance from a
metric's target (analytics.present.process_view.target_status).
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.catalogue import LATENCY_FORMATS, MetricDefinition, display_metric
from analytics.i18n import t
from analytics.present.process_view import NEAR_TARGET, SHARE_PARTS, target_status
from analytics.vocabulary import EVENT_TYPES

ACCENT = "#1f5f8b"  # the app's primary colour (.streamlit/config.toml)
GREY = "#a3a8ad"
STATUS_COLOURS = {"met": "#2e7d32", "near": "#e08a00", "missed": "#c62828"}
# Several series side by side: the accent, then colour-blind-safe companions (Okabe–Ito).
SERIES_COLOURS = (ACCENT, "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
STAGES = ("applied", "acknowledged", "interviewed", "offered", "hired")


def unit_text(unit: str, lang: str) -> str:
    """The unit as an axis shows it: "%" for shares, "calendar hours", "business days", ..."""
    if unit == "share":
        return "%"
    if unit in LATENCY_FORMATS:
        return t(f"unit.{unit}", lang)
    return t(f"chart.unit.{unit}", lang)


def axis_title(metric: MetricDefinition, lang: str) -> str:
    return f"{metric.label(lang)} ({unit_text(metric.unit, lang)})"


def _finish(fig: go.Figure, title: str, subtitle: str | None = None, height: int = 380,
            legend: bool = False) -> go.Figure:
    """Title, size and margins shared by every figure; a legend sits at the very bottom, clear of the axis."""
    fig.update_layout(
        title={"text": title, **({"subtitle": {"text": subtitle}} if subtitle else {})},
        height=height, margin={"l": 10, "r": 10, "t": 84 if subtitle else 56, "b": 56 if legend else 10},
        showlegend=legend,
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "xanchor": "left", "x": 0.0,
                "traceorder": "normal"},
        hoverlabel={"align": "left"},
    )
    return fig


def _no_data(fig: go.Figure, lang: str) -> None:
    fig.add_annotation(text=t("chart.no_data", lang), showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
                       font={"color": GREY, "size": 15})


def _share_axis(fig: go.Figure, axis: str, **position) -> None:
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(tickformat=".0%", range=[0, 1.04], **position)


def _count_text(key: str, row: pd.Series, lang: str) -> str:
    """"182 of 234" for a share, else the number of applications."""
    if key in SHARE_PARTS:
        if pd.isna(row[key]):  # nothing to count, or not in the data
            return t("unmeasured.short", lang) if key in row.get("unmeasured", {}) else "–"
        # the base the share rests on (its denominator's applications whose sources can tell it)
        numerator, denominator = SHARE_PARTS[key]
        total = row.get(f"{key}_base", row[denominator])
        return t("chart.count_of", lang, count=int(row[numerator]), total=int(total))
    return t("chart.applications_n", lang, count=int(row["applications"]))


def _interval_text(key: str, row: pd.Series, lang: str) -> str:
    if key not in SHARE_PARTS or pd.isna(row[key]):
        return ""
    return t("chart.interval", lang, low=f"{row[f'{key}_low']:.0%}", high=f"{row[f'{key}_high']:.0%}")


def _error_bars(frame: pd.DataFrame, key: str, colour: str) -> dict | None:
    """Wilson interval as asymmetric error bars around the value."""
    if key not in SHARE_PARTS:
        return None
    return {"type": "data", "symmetric": False, "color": colour, "thickness": 1.5, "width": 4,
            "array": (frame[f"{key}_high"] - frame[key]).tolist(),
            "arrayminus": (frame[key] - frame[f"{key}_low"]).tolist()}


def monthly_trend(metrics_by_month: pd.DataFrame, keys: tuple[str, ...] | list[str], lang: str) -> go.Figure:
    """One small panel per metric, by month of application, with its target and Wilson intervals.

    Points of months with too few applications (the frame's small_group) are grey.
    """
    unit = metrics_by_month["latency_unit"].iloc[0] if len(metrics_by_month) else "hours"
    metrics = [display_metric(key, unit) for key in keys]
    columns = 1 if len(keys) == 1 else 2
    rows = math.ceil(len(keys) / columns)
    titles = [metric.label(lang) if metric.target is None else
              f"{metric.label(lang)} ({t('chart.target_line', lang, target=metric.format_value(metric.target))})"
              for metric in metrics]
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=titles,
                        vertical_spacing=0.16 if rows > 1 else 0.1, horizontal_spacing=0.1)
    months = metrics_by_month["month"].astype(str).tolist()
    small = metrics_by_month["small_group"].astype(bool).tolist()
    for index, (key, metric) in enumerate(zip(keys, metrics, strict=True)):
        row, column = index // columns + 1, index % columns + 1
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        details = [[metric.format_value(record[key]), _count_text(key, record, lang), _interval_text(key, record, lang)]
                   for _, record in metrics_by_month.iterrows()]
        fig.add_trace(go.Scatter(
            x=months, y=metrics_by_month[key].tolist(), mode="lines+markers", name=metric.label(lang),
            line={"color": colour, "width": 2}, marker={"size": 8, "color": [GREY if s else colour for s in small]},
            error_y=_error_bars(metrics_by_month, key, colour), customdata=details,
            hovertemplate="%{x}: <b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ), row=row, col=column)
        if metric.target is not None:
            fig.add_hline(y=metric.target, line={"dash": "dash", "color": "#555", "width": 1}, row=row, col=column)
        fig.update_yaxes(title_text=unit_text(metric.unit, lang), row=row, col=column)
        if metric.unit == "share":
            _share_axis(fig, "y", row=row, col=column)
        fig.update_xaxes(type="category", row=row, col=column,
                         title_text=t("chart.month", lang) if row == rows else None)
    if not len(metrics_by_month):
        _no_data(fig, lang)
    return _finish(fig, t("chart.trend_title", lang), height=300 * rows + 60)


def _ranked(frame: pd.DataFrame, key: str, metric: MetricDefinition) -> pd.DataFrame:
    """Worst first: a share below target at the top; plain numbers largest first."""
    worst_first_ascending = metric.higher_is_better is True
    return frame.sort_values(key, ascending=worst_first_ascending, kind="stable")


def process_ranking(metrics_by_process: pd.DataFrame, key: str, lang: str, min_group_size: int) -> go.Figure:
    """Processes on one metric, worst at the top, dots with their Wilson interval.

    Colour says the distance from the target; processes with fewer than min_group_size
    applications are grey, carry their n in the label and always come below the others.
    """
    unit = metrics_by_process["latency_unit"].iloc[0] if len(metrics_by_process) else "hours"
    metric = display_metric(key, unit)
    measured = metrics_by_process[metrics_by_process[key].notna()]
    small = measured["applications"] < min_group_size
    ordered = pd.concat([_ranked(measured[~small], key, metric), _ranked(measured[small], key, metric)])
    labels = {
        index: html.escape(f"{row['process_name']} ({row['process_id']})")   # Plotly renders tags in labels
        + (f" · n={int(row['applications'])}" if row["applications"] < min_group_size else "")
        for index, row in ordered.iterrows()
    }
    groups = {
        index: "small" if row["applications"] < min_group_size else (target_status(key, row[key]) or "value")
        for index, row in ordered.iterrows()
    }
    names = {
        "missed": t("chart.status.missed", lang, points=round(NEAR_TARGET * 100)),
        "near": t("chart.status.near", lang, points=round(NEAR_TARGET * 100)),
        "met": t("chart.status.met", lang),
        "value": metric.label(lang),
        "small": t("chart.status.small", lang, n=min_group_size),
    }
    colours = {**STATUS_COLOURS, "value": ACCENT, "small": GREY}
    fig = go.Figure()
    for group in ("missed", "near", "met", "value", "small"):
        part = ordered[[groups[index] == group for index in ordered.index]]
        if part.empty:
            continue
        details = [[metric.format_value(row[key]), _count_text(key, row, lang), _interval_text(key, row, lang)]
                   for _, row in part.iterrows()]
        fig.add_trace(go.Scatter(
            x=part[key].tolist(), y=[labels[index] for index in part.index], mode="markers", name=names[group],
            marker={"size": 11, "color": colours[group]}, error_x=_error_bars(part, key, colours[group]),
            customdata=details,
            hovertemplate="%{y}<br><b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(labels.values()),
                     autorange="reversed", title_text=None)
    fig.update_xaxes(title_text=axis_title(metric, lang), zeroline=False)
    if metric.unit == "share":
        _share_axis(fig, "x")
    if metric.target is not None:
        fig.add_vline(x=metric.target, line={"dash": "dash", "color": "#555", "width": 1},
                      annotation_text=t("chart.target_line", lang, target=metric.format_value(metric.target)),
                      annotation_position="top")
    if ordered.empty:
        _no_data(fig, lang)
    return _finish(fig, t("chart.ranking_title", lang, metric=metric.label(lang)),
                   height=max(320, 30 * len(ordered) + 190), legend=True)


def _nice_bin(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at least raw: bins a reader can add up."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _limit_histogram(values: pd.Series, limit: float | None, lang: str, limit_label: str | None) -> go.Figure:
    """Counts per bin; with a limit, bins beyond it red and a dashed line at it."""
    fig = go.Figure()
    values = values.dropna().astype(float)
    if values.empty:
        _no_data(fig, lang)
        return fig
    top = max(values.max(), limit or 0.0)
    bins = {"start": 0, "size": _nice_bin(top / 30)}
    hover = "%{x}: %{y}<extra>%{fullData.name}</extra>"
    if limit is None:
        fig.add_trace(go.Histogram(x=values.tolist(), xbins=bins, marker_color=ACCENT, hovertemplate=hover,
                                   name=t("chart.applications_axis", lang)))
    else:
        fig.add_trace(go.Histogram(x=values[values <= limit].tolist(), xbins=bins, marker_color=ACCENT,
                                   name=t("chart.within_limit", lang), hovertemplate=hover))
        fig.add_trace(go.Histogram(x=values[values > limit].tolist(), xbins=bins,
                                   marker_color=STATUS_COLOURS["missed"], name=t("chart.over_limit", lang),
                                   hovertemplate=hover))
        fig.add_vline(x=limit, line={"dash": "dash", "color": "#333", "width": 1.5},
                      annotation_text=limit_label, annotation_position="top right")
    fig.update_layout(barmode="stack", bargap=0.05)
    fig.update_yaxes(title_text=t("chart.applications_axis", lang))
    return fig


def _short(value: float, unit: str) -> str:
    """A limit as people say it: 48 h, 2 d (not 48.0 h)."""
    return f"{value:g} {LATENCY_FORMATS[unit].split()[-1]}"


def latency_distribution(facts: pd.DataFrame, column: str, lang: str, unit: str, sla: float | None = None) -> go.Figure:
    """How long applications waited for one answer: a histogram with the SLA as a line.

    column: 'ack_latency', 'notice_latency' or 'post_interview_latency' of application_facts, in
    `unit` (the facts' latency unit); sla in the same unit.
    """
    metric = display_metric(f"{column}_median", unit)
    values = facts[column].dropna().astype(float) if len(facts) else pd.Series(dtype=float)
    limit_label = None if sla is None else t("chart.sla_line", lang, limit=_short(sla, unit))
    fig = _limit_histogram(values, sla, lang, limit_label)
    title = t(f"chart.latency.{column}", lang)
    fig.update_xaxes(title_text=unit_text(unit, lang).capitalize())
    median = metric.format_value(values.median() if len(values) else None)
    subtitle = (t("chart.distribution_subtitle", lang, median=median, count=len(values)) if sla is None else
                t("chart.distribution_subtitle_limit", lang, median=median, count=len(values),
                  over=int((values > sla).sum())))
    return _finish(fig, title, subtitle, height=340)


def silence_distribution(facts: pd.DataFrame, limit_days: float, lang: str) -> go.Figure:
    """Each application's longest stretch without news, against the silence limit."""
    values = facts["longest_silence_d"].dropna().astype(float) if len(facts) else pd.Series(dtype=float)
    limit_label = t("chart.silence_limit_line", lang, limit=_short(limit_days, "days"))
    fig = _limit_histogram(values, limit_days, lang, limit_label)
    fig.update_xaxes(title_text=f"{t('chart.silence_axis', lang)} ({unit_text('days', lang)})")
    subtitle = t("chart.silence_subtitle", lang, over=int((values > limit_days).sum()), count=len(values),
                 limit=f"{limit_days:g}")
    return _finish(fig, t("chart.silence_title", lang), subtitle)


def stage_counts(facts: pd.DataFrame) -> dict[str, int]:
    """Applications that reached each stage: applied, acknowledged, interviewed, offered, hired."""
    def count(column: pd.Series) -> int:
        return int(column.fillna(False).astype(bool).sum())

    return {
        "applied": len(facts),
        "acknowledged": int(facts["ack_at"].notna().sum()),
        "interviewed": int((facts["interviews"].fillna(0) > 0).sum()),
        "offered": count(facts["offered"]),
        "hired": count(facts["hired"]),
    }


def stage_funnel(facts: pd.DataFrame, lang: str) -> go.Figure:
    """How far the applications got, each stage with its count and its share of all applications."""
    counts = stage_counts(facts)
    fig = go.Figure(go.Funnel(
        y=[t(f"chart.stage.{stage}", lang) for stage in STAGES], x=list(counts.values()),
        textinfo="value+percent initial", marker={"color": [ACCENT] * 3 + [STATUS_COLOURS["met"]] * 2},
        connector={"line": {"color": GREY, "width": 1}},
        hovertemplate="%{y}: %{x} (%{percentInitial:.0%})<extra></extra>",
    ))
    fig.update_xaxes(title_text=t("chart.applications_axis", lang))
    if not counts["applied"]:
        _no_data(fig, lang)
    return _finish(fig, t("chart.funnel_title", lang))


def application_timeline(events: pd.DataFrame, lang: str) -> go.Figure:
    """One application's events over time (local time), contacts with the candidate filled in the accent.

    events: analytics.present.process_view.application_events. A dotted line marks the end of the data
    (its as_of_local), so that a silence running until today is visible as empty time.
    """
    present = [kind for kind in EVENT_TYPES if kind in set(events["event_type"])]
    fig = go.Figure()
    for is_contact, name, marker in (
        (True, t("chart.contact", lang), {"size": 13, "color": ACCENT, "symbol": "circle"}),
        (False, t("chart.other_event", lang),
         {"size": 12, "color": "white", "symbol": "diamond", "line": {"color": "#555", "width": 2}}),
    ):
        part = events[events["contact"].astype(bool) == is_contact]
        if part.empty:
            continue
        channels = [t(f"chart.channel.{channel}", lang) if isinstance(channel, str) else "" for channel in part["channel"]]
        stages = [html.escape(stage) if isinstance(stage, str) else "" for stage in part["stage"]]
        fig.add_trace(go.Scatter(
            x=part["local_time"].tolist(), y=[t(f"chart.event.{kind}", lang) for kind in part["event_type"]],
            mode="markers", name=name, marker=marker, customdata=list(zip(channels, stages, strict=True)),
            hovertemplate="%{y}<br>%{x|%Y-%m-%d %H:%M}<br>%{customdata[0]} %{customdata[1]}<extra></extra>",
        ))
    subtitle = None
    if len(events):
        as_of = events["as_of_local"].iloc[0]
        fig.add_vline(x=as_of, line={"dash": "dot", "color": "#555", "width": 1.5})
        fig.add_annotation(x=as_of, y=1, yref="paper", text=t("chart.data_end", lang, date=f"{as_of:%Y-%m-%d}"),
                           showarrow=False, xanchor="right", yanchor="bottom", font={"size": 11, "color": "#555"})
        contacts = events.loc[events["contact"].astype(bool), "local_time"]
        if len(contacts):
            subtitle = t("chart.since_contact", lang, days=(as_of - contacts.max()).days)
    # Dates as numbers in both languages (Plotly's own month names are English).
    fig.update_xaxes(type="date", title_text=t("chart.time_axis", lang), tickformatstops=[
        {"dtickrange": [None, 86_400_000], "value": "%H:%M<br>%Y-%m-%d"},
        {"dtickrange": [86_400_000, None], "value": "%Y-%m-%d"},
    ])
    fig.update_yaxes(type="category", categoryorder="array", autorange="reversed", title_text=None,
                     categoryarray=[t(f"chart.event.{kind}", lang) for kind in present])
    if events.empty:
        _no_data(fig, lang)
    application = events["application"].iloc[0] if len(events) else ""
    return _finish(fig, t("chart.timeline_title", lang, application=application), subtitle,
                   height=max(340, 40 * len(present) + 220), legend=True)
