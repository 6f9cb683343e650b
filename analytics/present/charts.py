"""Plotly figures for the metric pages: plain functions of frames, no Streamlit.

Each figure is readable in English and Swedish (`lang`), takes labels and formats from the metric catalogue,
names its unit on the axes and explains every point on hover. Colours carry meaning: one accent
for plain series, grey for groups too small to judge, green/amber/red for the distance from a
metric's target (analytics.present.process_view.target_status).

Long because: every figure of the metric pages and reports is here, each a plain function of frames, so
the pages and the reports draw the same charts from one place.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import formatting
from analytics.catalogue import MetricDefinition, display_metric
from analytics.i18n import t
from analytics.present.process_view import DISTANCE_BANDS, SHARE_PARTS, target_status
from analytics.vocabulary import EVENT_TYPES

ACCENT = "#1f5f8b"  # the app's primary colour (.streamlit/config.toml)
GREY = "#a3a8ad"
STATUS_COLOURS = {"on_target": "#2e7d32", "within_5": "#c9a100", "within_15": "#e08a00", "within_30": "#d84315",
                  "beyond_30": "#b3261e"}
# Several series side by side: the accent, then colour-blind-safe companions (Okabe–Ito).
SERIES_COLOURS = (ACCENT, "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
STAGES = ("applied", "acknowledged", "interviewed", "offered", "hired")
TARGET_LINE = {"dash": "dash", "color": "#555", "width": 1}   # a metric's target across a trend


def unit_text(unit: str, lang: str) -> str:
    """The unit as an axis shows it: "%" for shares, "hours", "days", "weeks", "business days", ..."""
    if unit == "share":
        return "%"
    return t(f"chart.unit.{unit}", lang)


def _duration_axis(metric: MetricDefinition, values: pd.Series) -> tuple[str, pd.Series]:
    """A latency axis's unit, read from its values (hours, days or weeks), and the values in it."""
    shown_in = formatting.display_unit(values, metric.unit)
    return shown_in, formatting.in_unit(values.astype(float), metric.unit, shown_in)


def is_duration(metric: MetricDefinition) -> bool:
    return metric.unit in formatting.DURATION_UNITS


def _finish(fig: go.Figure, title: str, lang: str, subtitle: str | None = None, height: int = 380,
            legend: bool = False) -> go.Figure:
    """Title, size, margins and the language's decimal and thousands separators shared by every figure;
    a legend sits at the very bottom, clear of the axis."""
    fig.update_layout(**_finish_layout(title, lang, subtitle, height, legend))
    return fig


def _finish_layout(title: str, lang: str, subtitle: str | None = None, height: int = 380,
                   legend: bool = False) -> dict:
    """_finish's part of a layout, for a figure made in one go (see monthly_trend_panels)."""
    return {
        "separators": formatting.plotly_separators(lang),
        "title": {"text": title, **({"subtitle": {"text": subtitle}} if subtitle else {})},
        "height": height, "margin": {"l": 10, "r": 10, "t": 84 if subtitle else 56, "b": 56 if legend else 10},
        "showlegend": legend,
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "xanchor": "left", "x": 0.0,
                   "traceorder": "normal"},
        "hoverlabel": {"align": "left"},
    }


def _no_data(fig: go.Figure, lang: str, message: str | None = None) -> None:
    """An empty chart is a sentence, not axes from -1 to 4."""
    fig.add_annotation(**_no_data_note(lang, message))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)


def _no_data_note(lang: str, message: str | None = None) -> dict:
    """The sentence an empty chart shows, as a layout annotation."""
    return {"text": message or t("chart.no_data", lang), "showarrow": False, "xref": "paper", "yref": "paper",
            "x": 0.5, "y": 0.5, "font": {"color": GREY, "size": 15}}


def _share_axis(fig: go.Figure, axis: str, lang: str, **position) -> None:
    """A 0–100 % axis with its ticks written as the language writes a percentage ("50 %" in Swedish)."""
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(**_share_ticks(lang), **position)


def _share_ticks(lang: str) -> dict:
    ticks = [0, 0.25, 0.5, 0.75, 1]
    return {"range": [0, 1.04], "tickvals": ticks, "ticktext": [formatting.percent(tick, lang) for tick in ticks]}


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
    return t("chart.interval", lang, low=formatting.percent(row[f"{key}_low"], lang),
             high=formatting.percent(row[f"{key}_high"], lang))


def _error_bars(frame: pd.DataFrame, key: str, colour: str) -> dict | None:
    """Wilson interval as asymmetric error bars around the value."""
    if key not in SHARE_PARTS:
        return None
    return {"type": "data", "symmetric": False, "color": colour, "thickness": 1.5, "width": 4,
            "array": (frame[f"{key}_high"] - frame[key]).tolist(),
            "arrayminus": (frame[key] - frame[f"{key}_low"]).tolist()}


def _trend_title(metric: MetricDefinition, lang: str) -> str:
    """A panel's title: the metric, and its target on a line of its own, so that it fits a phone."""
    if metric.target is None:
        return metric.label(lang)
    target = t("chart.target_line", lang, target=metric.format_value(metric.target, lang))
    return f"{metric.label(lang)}<br><sup>{target}</sup>"


def _add_trend(fig: go.Figure, metrics_by_month: pd.DataFrame, key: str, metric: MetricDefinition, colour: str,
               lang: str, **cell) -> None:
    """One metric by month: its line, grey points for small months, Wilson intervals and its target."""
    trace, yaxis = _trend(metrics_by_month, key, metric, colour, lang)
    fig.add_trace(trace, **cell)
    if metric.target is not None:
        fig.add_hline(y=metric.target, line=TARGET_LINE, **cell)
    fig.update_yaxes(**yaxis, **cell)


def _trend(metrics_by_month: pd.DataFrame, key: str, metric: MetricDefinition, colour: str,
           lang: str) -> tuple[go.Scatter, dict]:
    """_add_trend's line and its y-axis (the unit, and for a share 0–100 % ticks)."""
    months = [formatting.month(value, lang) for value in metrics_by_month["month"].astype(str)]
    small = metrics_by_month["small_group"].astype(bool).tolist()
    details = [[metric.format_value(record[key], lang, missing="–"), _count_text(key, record, lang),
                _interval_text(key, record, lang)] for _, record in metrics_by_month.iterrows()]
    unit, values = (_duration_axis(metric, metrics_by_month[key]) if is_duration(metric)
                    else (metric.unit, metrics_by_month[key]))
    trace = go.Scatter(
        x=months, y=values.tolist(), mode="lines+markers", name=metric.label(lang),
        line={"color": colour, "width": 2}, marker={"size": 8, "color": [GREY if s else colour for s in small]},
        error_y=_error_bars(metrics_by_month, key, colour), customdata=details,
        hovertemplate="%{x}: <b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
    )
    return trace, {"title": {"text": unit_text(unit, lang)}, **(_share_ticks(lang) if metric.unit == "share" else {})}


def monthly_trend(metrics_by_month: pd.DataFrame, keys: tuple[str, ...] | list[str], lang: str) -> go.Figure:
    """One small panel per metric, by month of application, with its target and Wilson intervals (for reports).

    Points of months with too few applications (the frame's small_group) are grey.
    """
    unit = metrics_by_month["latency_unit"].iloc[0] if len(metrics_by_month) else "hours"
    metrics = [display_metric(key, unit) for key in keys]
    columns = 1 if len(keys) == 1 else 2
    rows = math.ceil(len(keys) / columns)
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=[_trend_title(metric, lang) for metric in metrics],
                        vertical_spacing=0.2 if rows > 1 else 0.1, horizontal_spacing=0.1)
    for index, (key, metric) in enumerate(zip(keys, metrics, strict=True)):
        row, column = index // columns + 1, index % columns + 1
        _add_trend(fig, metrics_by_month, key, metric, SERIES_COLOURS[index % len(SERIES_COLOURS)], lang,
                   row=row, col=column)
        fig.update_xaxes(type="category", row=row, col=column,
                         title_text=t("chart.month", lang) if row == rows else None)
    if not len(metrics_by_month):
        _no_data(fig, lang)
    return _finish(fig, t("chart.trend_title", lang), lang, height=320 * rows + 60)


def monthly_trend_panels(metrics_by_month: pd.DataFrame, keys: tuple[str, ...] | list[str],
                         lang: str) -> list[go.Figure]:
    """The monthly trend as one figure per metric, for a page to lay out in columns that stack on a
    phone: each title is the metric alone (its target a line below), so nothing overlaps at 390 px."""
    unit = metrics_by_month["latency_unit"].iloc[0] if len(metrics_by_month) else "hours"
    figures = []
    for index, key in enumerate(keys):
        metric = display_metric(key, unit)
        trace, yaxis = _trend(metrics_by_month, key, metric, SERIES_COLOURS[index % len(SERIES_COLOURS)], lang)
        target = (None if metric.target is None
                  else t("chart.target_line", lang, target=metric.format_value(metric.target, lang)))
        # The whole layout in one go, not update by update as _add_trend and _finish draw the report's
        # subplots: Plotly checks each update against the whole figure, which made the six panels take
        # three times as long.
        layout = {**_finish_layout(metric.label(lang), lang, target, height=300), "yaxis": yaxis,
                  "xaxis": {"type": "category", "title": {"text": t("chart.month", lang)}}}
        if metric.target is not None:   # as fig.add_hline draws it
            layout["shapes"] = [{"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y",
                                 "y0": metric.target, "y1": metric.target, "line": TARGET_LINE}]
        if not len(metrics_by_month):   # as _no_data
            layout["annotations"] = [_no_data_note(lang)]
            layout["xaxis"]["visible"] = layout["yaxis"]["visible"] = False
        figures.append(go.Figure(data=[trace], layout=layout))
    return figures


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
    names = {band: t(f"processes.status.{band}", lang) for band, _ in DISTANCE_BANDS} | {
        "value": metric.label(lang),
        "small": t("chart.status.small", lang, n=min_group_size),
    }
    colours = {**STATUS_COLOURS, "value": ACCENT, "small": GREY}
    unit = formatting.display_unit(measured[key], metric.unit) if is_duration(metric) else metric.unit
    fig = go.Figure()
    for group in (*(band for band, _ in reversed(DISTANCE_BANDS)), "value", "small"):
        part = ordered[[groups[index] == group for index in ordered.index]]
        if part.empty:
            continue
        details = [[metric.format_value(row[key], lang), _count_text(key, row, lang), _interval_text(key, row, lang)]
                   for _, row in part.iterrows()]
        fig.add_trace(go.Scatter(
            x=formatting.in_unit(part[key].astype(float), metric.unit, unit).tolist(),
            y=[labels[index] for index in part.index], mode="markers", name=names[group],
            marker={"size": 11, "color": colours[group]}, error_x=_error_bars(part, key, colours[group]),
            customdata=details,
            hovertemplate="%{y}<br><b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(labels.values()),
                     autorange="reversed", title_text=None)
    fig.update_xaxes(title_text=f"{metric.label(lang)} ({unit_text(unit, lang)})", zeroline=False)
    if metric.unit == "share":
        _share_axis(fig, "x", lang)
    if metric.target is not None:
        fig.add_vline(x=metric.target, line={"dash": "dash", "color": "#555", "width": 1},
                      annotation_text=t("chart.target_line", lang, target=metric.format_value(metric.target, lang)),
                      annotation_position="top")
    if ordered.empty:
        _no_data(fig, lang)
    return _finish(fig, t("chart.ranking_title", lang, metric=metric.label(lang)), lang,
                   height=max(320, 30 * len(ordered) + 190), legend=not ordered.empty)


def _nice_bin(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at least raw: bins a reader can add up."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _limit_histogram(values: pd.Series, limit: float | None, limit_text: str | None, lang: str,
                     written: Callable[[float], str]) -> go.Figure:
    """Counts per bin; with a limit, bins beyond it red and a dashed line at it, labelled as the limit
    is set (`limit_text`: "48 h", "14 days"); `written` writes a value of the axis with its unit.

    The axis ends near the 95th percentile (or just past the limit): the few longest waits are one
    bar of their own after it, so that one straggler does not squeeze every other value into the
    first bar.
    """
    fig = go.Figure()
    end = max(values.quantile(0.95), (limit or 0.0) * 1.5)
    if values.max() <= end * 1.25:
        end = values.max()
    size = _nice_bin(end / 25)
    end = math.ceil(end / size) * size if end else size
    shown, longer = values[values <= end], values[values > end]
    bins = {"start": 0, "end": end, "size": size}
    hover = "%{x}: %{y}<extra>%{fullData.name}</extra>"
    if limit is None:
        fig.add_trace(go.Histogram(x=shown.tolist(), xbins=bins, marker_color=ACCENT, hovertemplate=hover,
                                   name=t("chart.applications_axis", lang)))
    else:
        fig.add_trace(go.Histogram(x=shown[shown <= limit].tolist(), xbins=bins, marker_color=ACCENT,
                                   name=t("chart.within_limit", lang), hovertemplate=hover))
        fig.add_trace(go.Histogram(x=shown[shown > limit].tolist(), xbins=bins,
                                   marker_color=STATUS_COLOURS["beyond_30"], name=t("chart.over_limit", lang),
                                   hovertemplate=hover))
        fig.add_vline(x=limit, line={"dash": "dash", "color": "#333", "width": 1.5},
                      annotation_text=t("chart.limit_line", lang, limit=limit_text),
                      annotation_position="top right")
    if len(longer):
        longer_label = t("chart.longer", lang, limit=written(end))
        colour = STATUS_COLOURS["beyond_30"] if limit is not None else GREY
        fig.add_trace(go.Bar(x=[end + size * 1.5], y=[len(longer)], width=[size], name=longer_label,
                             marker={"color": colour, "pattern": {"shape": "/"}},
                             hovertemplate=f"{html.escape(longer_label)}: %{{y}}<extra></extra>"))
    fig.update_layout(barmode="stack", bargap=0.05)
    fig.update_yaxes(title_text=t("chart.applications_axis", lang))
    return fig


def _empty_figure(fig_title: str, message: str, lang: str) -> go.Figure:
    """A chart with nothing to draw: its title and a sentence, no axes."""
    fig = go.Figure()
    _no_data(fig, lang, message)
    return _finish(fig, fig_title, lang, height=180)


def latency_distribution(facts: pd.DataFrame, column: str, lang: str, unit: str, sla: float | None = None) -> go.Figure:
    """How long applications waited for one answer: a histogram with the SLA as a line, in the unit
    that reads best for these waits (hours, days or weeks; business days stay business days).

    column: 'ack_latency', 'notice_latency' or 'post_interview_latency' of application_facts, in
    `unit` (the facts' latency unit); sla in the same unit.
    """
    values = facts[column].dropna().astype(float) if len(facts) else pd.Series(dtype=float)
    title = t(f"chart.latency.{column}", lang)
    if values.empty:
        return _empty_figure(title, t(f"chart.empty.{column}", lang), lang)
    shown_in = formatting.display_unit(values, unit)

    def written(value: float) -> str:
        return formatting.duration(value, lang, shown_in, shown_in=shown_in)

    limit = None if sla is None else formatting.in_unit(sla, unit, shown_in)
    limit_text = None if sla is None else formatting.duration(sla, lang, unit, shown_in=unit)
    fig = _limit_histogram(formatting.in_unit(values, unit, shown_in), limit, limit_text, lang, written)
    fig.update_xaxes(title_text=unit_text(shown_in, lang).capitalize())
    median = formatting.duration(values.median(), lang, unit)   # in its own readable unit: "6.0 min", not "0.0 days"
    subtitle = (t("chart.distribution_subtitle", lang, median=median, count=len(values)) if sla is None else
                t("chart.distribution_subtitle_limit", lang, median=median, count=len(values),
                  over=int((values > sla).sum())))
    return _finish(fig, title, lang, subtitle, height=340)


def silence_distribution(facts: pd.DataFrame, limit_days: float, lang: str) -> go.Figure:
    """Each application's longest stretch without news, against the silence limit."""
    values = facts["longest_silence_d"].dropna().astype(float) if len(facts) else pd.Series(dtype=float)
    title = t("chart.silence_title", lang)
    if values.empty:
        return _empty_figure(title, t("chart.empty.silence", lang), lang)
    shown_in = formatting.display_unit(values, "days")
    limit = formatting.duration(limit_days, lang, "days", shown_in="days")
    fig = _limit_histogram(formatting.in_unit(values, "days", shown_in),
                           formatting.in_unit(limit_days, "days", shown_in), limit, lang,
                           lambda value: formatting.duration(value, lang, shown_in, shown_in=shown_in))
    fig.update_xaxes(title_text=f"{t('chart.silence_axis', lang)} ({unit_text(shown_in, lang)})")
    subtitle = t("chart.silence_subtitle", lang, over=int((values > limit_days).sum()), count=len(values), limit=limit)
    return _finish(fig, title, lang, subtitle)


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
    if not counts["applied"]:
        return _empty_figure(t("chart.funnel_title", lang), t("chart.no_data", lang), lang)
    texts = [f"{formatting.number(count, lang)} ({formatting.percent(count / counts['applied'], lang)})"
             for count in counts.values()]
    fig = go.Figure(go.Funnel(
        y=[t(f"chart.stage.{stage}", lang) for stage in STAGES], x=list(counts.values()),
        text=texts, textinfo="text", marker={"color": [ACCENT] * 3 + [STATUS_COLOURS["on_target"]] * 2},
        connector={"line": {"color": GREY, "width": 1}},
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(title_text=t("chart.applications_axis", lang))
    return _finish(fig, t("chart.funnel_title", lang), lang)


def application_timeline(events: pd.DataFrame, lang: str) -> go.Figure:
    """One application's events over time (local time), contacts with the candidate filled in the accent.

    events: analytics.present.process_view.application_events. A dotted line marks the end of the data
    (its as_of_local), so that a silence running until today is visible as empty time.
    """
    present = [kind for kind in EVENT_TYPES if kind in set(events["event_type"])]
    day_format = t("chart.day_format", lang)
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
            hovertemplate=f"%{{y}}<br>%{{x|{day_format} %H:%M}}<br>%{{customdata[0]}} %{{customdata[1]}}<extra></extra>",
        ))
    subtitle = None
    if len(events):
        as_of = events["as_of_local"].iloc[0]
        fig.add_vline(x=as_of, line={"dash": "dot", "color": "#555", "width": 1.5})
        fig.add_annotation(x=as_of, y=1, yref="paper", text=t("chart.data_end", lang, date=formatting.day(as_of, lang)),
                           showarrow=False, xanchor="right", yanchor="bottom", font={"size": 11, "color": "#555"})
        contacts = events.loc[events["contact"].astype(bool), "local_time"]
        if len(contacts):
            waited = (as_of - contacts.max()).total_seconds() / 3600
            subtitle = t("chart.since_contact", lang, duration=formatting.duration(waited, lang))
    # Dates as each language writes them (the Swedish month names come from the chart's locale).
    fig.update_xaxes(type="date", title_text=t("chart.time_axis", lang), tickformatstops=[
        {"dtickrange": [None, 86_400_000], "value": f"%H:%M<br>{day_format}"},
        {"dtickrange": [86_400_000, None], "value": day_format},
    ])
    fig.update_yaxes(type="category", categoryorder="array", autorange="reversed", title_text=None,
                     categoryarray=[t(f"chart.event.{kind}", lang) for kind in present])
    if events.empty:
        _no_data(fig, lang)
    application = events["application"].iloc[0] if len(events) else ""
    return _finish(fig, t("chart.timeline_title", lang, application=application), lang, subtitle,
                   height=max(340, 40 * len(present) + 220), legend=True)
