"""Charts of the Candidate voice page: plain functions from analytics.measure.voice frames to Plotly figures.

They live outside the page so tests can read the figures' data (AppTest cannot). Every text
follows the UI language; suppressed results (too few answers) are gaps with a note, never values.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import formatting
from analytics.i18n import MESSAGES, t
from analytics.measure.voice import DRIVERS, LABELS
from analytics.privacy import escape_markdown

POSITIVE, NEUTRAL, NEGATIVE, PASSIVE = "#2e7d32", "#9e9e9e", "#c62828", "#f9a825"
LABEL_COLOURS = {"positive": POSITIVE, "neutral": NEUTRAL, "negative": NEGATIVE}
NET_SCORE_RANGE = (-105, 105)


def _shown(value) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def _layout(figure: go.Figure, lang: str, height: int = 360) -> go.Figure:
    figure.update_layout(height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         separators=formatting.plotly_separators(lang),
                         legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"})
    return figure


def _empty(message: str, lang: str) -> go.Figure:
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return _layout(figure, lang, height=200)


def group_label(by: str, key, process_name, lang: str) -> str:
    """How a group is named on the page: a process by its name, an outcome in words."""
    if by == "process":
        return str(process_name or key)
    if by == "outcome":
        return t(f"voice.outcome.{key}", lang)
    return str(key) if _shown(key) else t("voice.no_stage", lang)


def rating_label(name: str, lang: str) -> str:
    key = f"voice.rating.{name}"
    return t(key, lang) if key in MESSAGES else name.replace("_", " ").capitalize()


def cnps_by_group_chart(groups: pd.DataFrame, by: str, lang: str) -> go.Figure:
    """cNPS per group with its 95 % interval, lowest first; groups too small to show are left out."""
    shown = groups[[_shown(value) for value in groups["cnps"]]].sort_values("cnps")
    if shown.empty:
        return _empty(t("voice.chart.nothing_shown", lang), lang)
    labels = [html.escape(f"{group_label(by, key, name, lang)}: {format_signed(value, lang)} (n={n})")  # Plotly: tags
              for key, name, value, n in zip(shown["group_key"], shown["process_name"], shown["cnps"],
                                             shown["nps_answers"], strict=True)]
    figure = go.Figure(go.Bar(
        x=shown["cnps"], y=labels, orientation="h",
        marker_color=[POSITIVE if value >= 0 else NEGATIVE for value in shown["cnps"]],
        error_x={"type": "data", "symmetric": False, "array": shown["cnps_high"] - shown["cnps"],
                 "arrayminus": shown["cnps"] - shown["cnps_low"], "color": "#555"},
        hovertemplate="%{y}<extra></extra>",
    ))
    figure.update_xaxes(title=t("voice.axis.cnps", lang), range=NET_SCORE_RANGE, zeroline=True)
    figure.update_yaxes(autorange="reversed", automargin=True)
    return _layout(figure, lang, height=max(260, 36 * len(shown) + 90))


def cnps_trend_chart(trend: pd.DataFrame, lang: str) -> go.Figure:
    """cNPS (with its interval) and sentiment score per month of the answer; small months are gaps."""
    if trend.empty:
        return _empty(t("voice.chart.nothing_shown", lang), lang)
    cnps = trend["cnps"].astype(float)
    figure = go.Figure()
    figure.add_trace(go.Scatter(
        x=trend["month"], y=cnps, mode="lines+markers", name=t("voice.series.cnps", lang),
        line={"color": "#1565c0"}, connectgaps=False,
        error_y={"type": "data", "symmetric": False, "array": trend["cnps_high"].astype(float) - cnps,
                 "arrayminus": cnps - trend["cnps_low"].astype(float), "color": "#90caf9"},
        customdata=trend["nps_answers"], hovertemplate="%{x}: %{y:+.0f} (n=%{customdata})<extra></extra>",
    ))
    figure.add_trace(go.Scatter(
        x=trend["month"], y=trend["sentiment_score"].astype(float), mode="lines+markers",
        name=t("voice.series.sentiment", lang), line={"color": "#6a1b9a", "dash": "dot"}, connectgaps=False,
        customdata=trend["comments"], hovertemplate="%{x}: %{y:+.0f} (n=%{customdata})<extra></extra>",
    ))
    figure.update_xaxes(title=t("voice.axis.month", lang), type="category")
    figure.update_yaxes(title=t("voice.axis.net_score", lang), range=NET_SCORE_RANGE, zeroline=True)
    return _layout(figure, lang)


def nps_distribution_chart(distribution: pd.DataFrame, lang: str) -> go.Figure:
    """Answers per NPS score, coloured detractor (0–6), passive (7–8) and promoter (9–10)."""
    if distribution.empty or not any(_shown(value) for value in distribution["answers"]):
        return _empty(t("voice.chart.nothing_shown", lang), lang)
    scores = distribution["score"].astype(int)
    figure = go.Figure(go.Bar(
        x=scores, y=distribution["answers"],
        marker_color=[NEGATIVE if score <= 6 else PASSIVE if score <= 8 else POSITIVE for score in scores],
        text=distribution["answers"], textposition="outside",
        hovertemplate="NPS %{x}: %{y}<extra></extra>",
    ))
    figure.update_xaxes(title=t("voice.axis.nps_score", lang), tickmode="linear", dtick=1)
    figure.update_yaxes(title=t("voice.axis.answers", lang))
    return _layout(figure, lang)


def ratings_chart(ratings: pd.DataFrame, lang: str) -> go.Figure:
    """Mean of each 1–5 rating with its n."""
    shown = ratings[[_shown(value) for value in ratings["mean"]]]
    if shown.empty:
        return _empty(t("voice.chart.nothing_shown", lang), lang)
    figure = go.Figure(go.Bar(
        x=shown["mean"], y=[rating_label(name, lang) for name in shown["rating"]], orientation="h",
        marker_color="#1565c0", text=[f"{formatting.number(mean, lang, 2)} (n={formatting.number(n, lang)})"
              for mean, n in zip(shown["mean"], shown["n"], strict=True)],
        textposition="outside", hovertemplate="%{y}: %{x:.2f}<extra></extra>",
    ))
    figure.update_xaxes(title=t("voice.axis.rating", lang), range=[1, 5.6], tickvals=[1, 2, 3, 4, 5])
    figure.update_yaxes(automargin=True)
    return _layout(figure, lang, height=max(220, 50 * len(shown) + 100))


def theme_sentiment_chart(themes: pd.DataFrame, lang: str) -> go.Figure:
    """Comments per theme, stacked by sentiment label."""
    if themes.empty or not any(_shown(value) and value > 0 for value in themes["comments"]):
        return _empty(t("voice.chart.nothing_shown", lang), lang)
    order = list(dict.fromkeys(themes["theme"]))
    theme_names = [t(f"voice.theme.{theme}", lang) for theme in order]
    figure = go.Figure()
    for label in LABELS:
        counts = themes[themes["label"] == label].set_index("theme")["comments"].reindex(order)
        figure.add_trace(go.Bar(
            x=counts.to_numpy(), y=theme_names, orientation="h", name=t(f"voice.label.{label}", lang),
            marker_color=LABEL_COLOURS[label], hovertemplate="%{y}: %{x}<extra></extra>",
        ))
    figure.update_layout(barmode="stack")
    figure.update_xaxes(title=t("voice.axis.comments", lang))
    figure.update_yaxes(autorange="reversed", automargin=True)
    return _layout(figure, lang)


def drivers_chart(drivers: pd.DataFrame, lang: str) -> go.Figure:
    """A forest plot: per condition, the difference (holds − not) in cNPS and in sentiment score
    with its 95 % interval; comparisons with too few answers are noted, not drawn.

    Both panels share one row per condition (the conditions' names, in DRIVERS order), so every row
    of each panel holds its point; n per side differs by measure and is written beside each point.
    """
    conditions = [t(f"voice.driver.{driver}", lang) for driver in DRIVERS]
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
                           subplot_titles=(t("voice.axis.cnps_difference", lang),
                                           t("voice.axis.sentiment_difference", lang)))
    for column, measure in enumerate(("cnps", "sentiment"), start=1):
        rows = drivers[drivers["measure"] == measure].set_index("driver").reindex(list(DRIVERS))
        difference = rows["difference"].astype(float)
        sizes = [t("voice.driver_n", lang, n_with=int(row.n_with), n_without=int(row.n_without))
                 if _shown(row.n_with) else "" for row in rows.itertuples()]
        figure.add_trace(go.Scatter(
            x=difference, y=conditions, mode="markers+text", showlegend=False, text=sizes, cliponaxis=False,
            textposition="top center", textfont={"size": 10, "color": "#555"},
            marker={"size": 11, "color": [POSITIVE if value >= 0 else NEGATIVE for value in difference.fillna(0)]},
            error_x={"type": "data", "symmetric": False,
                     "array": rows["difference_high"].astype(float) - difference,
                     "arrayminus": difference - rows["difference_low"].astype(float), "color": "#555"},
            customdata=sizes, hovertemplate="%{y}: %{x:+.0f} (%{customdata})<extra></extra>",
        ), row=1, col=column)
        for condition, suppressed, size in zip(conditions, rows["suppressed"].fillna(True), sizes, strict=True):
            if suppressed:
                figure.add_annotation(text=f"{t('voice.chart.too_few', lang)} ({size})" if size else
                                      t("voice.chart.too_few", lang), x=0, y=condition, xanchor="left", xshift=6,
                                      showarrow=False, font={"color": NEUTRAL, "size": 11}, row=1, col=column)
        figure.add_vline(x=0, line={"color": "#333", "width": 1}, row=1, col=column)
        figure.update_xaxes(title=t("voice.axis.points", lang), zeroline=False, row=1, col=column)
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=conditions, autorange="reversed",
                        automargin=True)
    figure = _layout(figure, lang, height=80 * len(conditions) + 120)
    figure.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 60})
    return figure


def voice_cards(overall: dict, previous: dict | None, lang: str) -> list[tuple[str, str, str | None, str, str]]:
    """The page's four cards as (label, value, change, delta_color, help): response rate, cNPS,
    sentiment and answers, each with its change against the previous window when there is one
    (shares in percentage points, scores in points, answers in answers)."""
    def change(key: str, scale: float = 1.0, unit: str = "") -> str | None:
        if previous is None or not _shown(overall.get(key)) or not _shown(previous.get(key)):
            return None
        difference = round((overall[key] - previous[key]) * scale)
        return f"{difference:+d}{unit}" if difference else "0"

    points = " " + t("chart.unit.pp", lang)
    return [
        (t("voice.col.response_rate", lang), format_share(overall["survey_response_rate"], lang),
         change("survey_response_rate", 100, points), "normal",
         t("voice.help.response_rate", lang, sent=overall["survey_sent"], answered=overall["survey_responses"])),
        (t("voice.series.cnps", lang), format_signed(overall["cnps"], lang), change("cnps"), "normal",
         t("voice.help.n", lang, n=overall["nps_answers"])),
        (t("voice.series.sentiment", lang), format_signed(overall["sentiment_score"], lang), change("sentiment_score"),
         "normal", t("voice.help.comments", lang, n=overall["comments"])),
        (t("voice.col.answers", lang), formatting.number(overall["answers"], lang), change("answers"), "off",
         t("voice.help.answers", lang)),
    ]


# -- tables and captions ---------------------------------------------------------------------------

def format_signed(value, lang: str) -> str:
    """A net score as shown: "+12", "−3", or a dash when there is none (or it is suppressed)."""
    return formatting.signed(value, lang, missing="–")


def format_share(value, lang: str) -> str:
    return formatting.percent(value, lang, missing="–")


def _interval(low, high, lang: str) -> str:
    return f"{format_signed(low, lang)} … {format_signed(high, lang)}" if _shown(low) and _shown(high) else "–"


def groups_table(groups: pd.DataFrame, by: str, lang: str, min_answers: int, *, spreadsheet: bool = False) -> pd.DataFrame:
    """The per-group verdict as the page shows it: words for columns, a note where results are hidden.

    spreadsheet: the interval as two numeric columns (low, high) instead of text, for XLSX cells.
    """
    note = t("voice.too_few_answers", lang, minimum=min_answers)
    table = pd.DataFrame({
        t(f"voice.by.{by}", lang): [group_label(by, key, name, lang)
                                    for key, name in zip(groups["group_key"], groups["process_name"], strict=True)],
        t("voice.col.survey_sent", lang): groups["survey_sent"],
        t("voice.col.response_rate", lang): 100 * groups["survey_response_rate"].astype(float),
        t("voice.col.answers", lang): groups["answers"],
        t("voice.col.cnps", lang): groups["cnps"].astype(float),
        t("voice.col.interval", lang): [_interval(low, high, lang) for low, high in zip(groups["cnps_low"], groups["cnps_high"],
                                                                                  strict=True)],
        t("voice.col.comments", lang): groups["comments"],
        t("voice.col.sentiment", lang): groups["sentiment_score"].astype(float),
        t("voice.col.note", lang): [note if hidden else "" for hidden in groups["suppressed"]],
    })
    return _split_interval(table, groups["cnps_low"], groups["cnps_high"], lang) if spreadsheet else table


def _split_interval(table: pd.DataFrame, low: pd.Series, high: pd.Series, lang: str) -> pd.DataFrame:
    """The text interval column replaced by its two bounds as numbers."""
    column = t("voice.col.interval", lang)
    at = table.columns.get_loc(column)
    table = table.drop(columns=column)
    table.insert(at, f"{column} {t('report.high', lang)}", high.astype(float).to_numpy())
    table.insert(at, f"{column} {t('report.low', lang)}", low.astype(float).to_numpy())
    return table


def drivers_table(drivers: pd.DataFrame, lang: str, min_answers: int, *, spreadsheet: bool = False) -> pd.DataFrame:
    """Each comparison with n per side, both scores, the difference and its 95 % interval.

    spreadsheet: scores as numbers and the interval as two numeric columns, for XLSX cells.
    """
    note = t("voice.too_few_answers", lang, minimum=min_answers)
    shown = (lambda values: values.astype(float).to_numpy()) if spreadsheet else \
        (lambda values: [format_signed(value, lang) for value in values])
    table = pd.DataFrame({
        t("voice.col.condition", lang): [t(f"voice.driver.{driver}", lang) for driver in drivers["driver"]],
        t("voice.col.measure", lang): [t(f"voice.series.{measure}", lang) for measure in drivers["measure"]],
        t("voice.col.n_with", lang): drivers["n_with"],
        t("voice.col.n_without", lang): drivers["n_without"],
        t("voice.col.score_with", lang): shown(drivers["score_with"]),
        t("voice.col.score_without", lang): shown(drivers["score_without"]),
        t("voice.col.difference", lang): shown(drivers["difference"]),
        t("voice.col.interval", lang): [_interval(low, high, lang) for low, high in
                                        zip(drivers["difference_low"], drivers["difference_high"], strict=True)],
        t("voice.col.note", lang): [note if hidden else "" for hidden in drivers["suppressed"]],
    })
    return _split_interval(table, drivers["difference_low"], drivers["difference_high"], lang) if spreadsheet else table


def comment_caption(row, lang: str) -> str:
    """The line under a comment, as escaped markdown: process, date, NPS, label, themes."""
    parts = [str(row.process_name), formatting.cell(row.submitted_date, lang)]
    if _shown(row.nps):
        parts.append(f"NPS {int(row.nps)}")
    if isinstance(row.label, str):
        parts.append(f"{t(f'voice.label.{row.label}', lang)} ({formatting.signed(row.score, lang, 2)})")
    if row.themes:
        parts.append(", ".join(t(f"voice.theme.{theme}", lang) for theme in row.themes))
    return escape_markdown(" · ".join(parts))
