"""Reports for sharing with people who have no access to the app: HTML, PDF and XLSX, as bytes.

One `collect_report` gathers the numbers (the same engine functions the pages call); each renderer
only lays them out. Shared reports carry no candidate ids, names or e-mail addresses: rows that
list applications use keyed pseudonyms, comments are shown masked, and every piece of uploaded
text is HTML-escaped (HTML) or made formula-safe (XLSX).

PDF: the HTML report printed by headless Chromium (analytics/present/pdf.py).

Long because: the three renderers lay out one collected content, and keeping them together means a
section added to a report is added to every format in one place.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analytics import formatting
from analytics.catalogue import (
    METRICS,
    REPORT,
    REPORT_INTERVAL,
    REPORT_RANKING,
    REPORT_TREND,
    display_metric,
    keys_shown_in,
)
from analytics.formatting import is_missing
from analytics.i18n import t
from analytics.measure import risk, voice
from analytics.measure.metrics import Filters, KeptFacts, kept_facts, latest_as_of, metrics_by, select_facts
from analytics.present import charts, coverage, process_view, voice_charts
from analytics.present.exports import DECIMAL, INTEGER, PERCENT, SIGNED, download_name, to_xlsx_bytes
from analytics.present.pdf import html_to_pdf
from analytics.settings import Settings
from analytics.store import Store

PROCESS_TABLE_KEYS = keys_shown_in(REPORT)
TREND_KEYS = keys_shown_in(REPORT_TREND)
COMMENTS_PER_LABEL = 8         # the newest negative and positive comments in a report
MAX_LISTED_APPLICATIONS = 25   # the longest-waiting; the app's action list has them all
RANKED_KEYS = keys_shown_in(REPORT_RANKING)
SHARE_WITH_INTERVAL = keys_shown_in(REPORT_INTERVAL)
@dataclass(frozen=True)
class ReportScope:
    lang: str = "en"
    filters: Filters = Filters()
    process_id: str | None = None     # None: the whole organisation
    demo: bool = False                # made from the built-in demo: the header and file name say so

    def effective_filters(self) -> Filters:
        return replace(self.filters, processes=(self.process_id,)) if self.process_id else self.filters


@dataclass
class ReportContent:
    scope: ReportScope
    settings: Settings
    title: str
    as_of: datetime | None
    made_at: datetime
    headline: pd.DataFrame             # metrics_by('all'), one row
    by_process: pd.DataFrame           # metrics_by('process')
    figures: list[tuple[str, go.Figure]] = field(default_factory=list)
    flags: pd.DataFrame = field(default_factory=pd.DataFrame)
    voice: pd.DataFrame = field(default_factory=pd.DataFrame)
    drivers: pd.DataFrame = field(default_factory=pd.DataFrame)
    listed_applications: pd.DataFrame = field(default_factory=pd.DataFrame)   # pseudonymised rows
    unlisted_applications: int = 0                                             # beyond the listed ones
    comments: pd.DataFrame = field(default_factory=pd.DataFrame)               # masked, newest first

    def filter_lines(self) -> list[str]:
        """The filters in words, for the report's header."""
        lang, f = self.scope.lang, self.scope.effective_filters()
        all_text = t("filters.all", lang)
        dates = (f"{formatting.day(f.date_from, lang, missing='…')} – {formatting.day(f.date_to, lang, missing='…')}"
                 if (f.date_from or f.date_to) else all_text)
        return [
            f"{t('filters.dates', lang)}: {dates}",
            f"{t('filters.process', lang)}: {', '.join(f.processes) or all_text}",
            f"{t('filters.department', lang)}: {', '.join(f.departments) or all_text}",
            f"{t('filters.recruiter', lang)}: {', '.join(f.recruiters) or all_text}",
        ]

    def coverage_lines(self) -> list[str]:
        """What the sources cannot tell (not in your data, why, what to import) or tell for only part
        of the applications: for the headline, then per metric the processes without it."""
        lang, unit = self.scope.lang, self.settings.latency_unit
        lines = [] if self.headline.empty else coverage.coverage_lines(
            self.headline.iloc[0], PROCESS_TABLE_KEYS, lang, unit)
        if self.scope.process_id is None:
            lines += coverage.coverage_notes(self.by_process, PROCESS_TABLE_KEYS, lang, unit)
        return lines

    def setting_lines(self) -> list[str]:
        lang, s = self.scope.lang, self.settings
        return [
            f"{t('setting.ack_sla_hours', lang)}: {formatting.number(s.ack_sla_hours, lang)}",
            f"{t('setting.notice_sla_hours', lang)}: {formatting.number(s.notice_sla_hours, lang)}",
            f"{t('setting.silence_limit_days', lang)}: {formatting.number(s.silence_limit_days, lang)}",
            f"{t('setting.min_group_size', lang)}: {formatting.number(s.min_group_size, lang)}",
            f"{t('setting.min_survey_answers', lang)}: {formatting.number(s.min_survey_answers, lang)}",
            f"{t('setting.timezone', lang)}: {s.timezone}",
        ]


def collect_report(store: Store, scope: ReportScope) -> ReportContent:
    """Everything a report shows, computed by the same engine functions the pages use."""
    settings = store.settings()
    filters = scope.effective_filters()
    as_of = latest_as_of(store)
    with kept_facts(store, settings, filters) as facts:   # computed once for every part of the report
        headline = metrics_by(store, "all", settings, filters=filters, facts=facts)
        by_process = metrics_by(store, "process", settings, filters=filters, facts=facts)
        name = by_process["process_name"].iloc[0] if scope.process_id and not by_process.empty else None
        title = (t("report.title_process", scope.lang, process=name or scope.process_id) if scope.process_id
                 else t("report.title_all", scope.lang))
        content = ReportContent(scope, settings, title, as_of, datetime.now(UTC), headline, by_process)
        _add_sections(store, content, facts)
    return content


def _add_sections(store: Store, content: ReportContent, facts: KeptFacts) -> None:
    """Charts, flags, candidate voice and (for one process) the pseudonymised ghosted list."""
    lang, settings, filters = content.scope.lang, content.settings, content.scope.effective_filters()
    by_month = metrics_by(store, "month", settings, filters=filters, facts=facts)
    content.figures.append((t("report.fig.trend", lang),
                            charts.monthly_trend(by_month, TREND_KEYS, lang)))
    if content.scope.process_id is None:
        for key in RANKED_KEYS:
            content.figures.append((METRICS[key].label(lang),
                                    charts.process_ranking(content.by_process, key, lang, settings.min_group_size)))
    else:
        selected = select_facts(store, facts, filters)  # the effective filters hold the one process
        content.figures += [
            (t("report.fig.ack", lang), charts.latency_distribution(
                selected, "ack_latency", lang, settings.latency_unit, process_view.latency_limits(settings)["ack_latency"])),
            (t("report.fig.silence", lang), charts.silence_distribution(selected, settings.silence_limit_days, lang)),
        ]
        ghosted = process_view.ghosted_applications(store, selected, content.scope.process_id, lang)
        content.listed_applications = ghosted.head(MAX_LISTED_APPLICATIONS)
        content.unlisted_applications = len(ghosted) - len(content.listed_applications)
    flags = risk.risk_flags(store, settings, filters, facts)
    content.flags = flags
    content.voice = voice.voice_by(store, "process", filters, settings, facts)
    content.drivers = voice.verdict_drivers(store, filters, settings, facts)
    content.figures.append((t("report.fig.drivers", lang), voice_charts.drivers_chart(content.drivers, lang)))
    said = voice.comments(store, filters, process=content.scope.process_id, limit=500, settings=settings, facts=facts)
    content.comments = pd.concat([said[said["label"] == "negative"].head(COMMENTS_PER_LABEL),
                                  said[said["label"] == "positive"].head(COMMENTS_PER_LABEL)])


# -- HTML ------------------------------------------------------------------------------------------

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 1100px; }
h1 { color: #1f5f8b; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #1f5f8b; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #d5dbe3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; }
.meta { color: #4d5b6a; font-size: .85rem; } .small { color: #8a96a3; }
.demo { background: #fdf0d5; border: 1px solid #e67e22; border-radius: 4px; padding: .3rem .6rem; font-weight: bold; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; }
.card { border: 1px solid #d5dbe3; border-radius: 6px; padding: .5rem .8rem; min-width: 150px; }
.card .v { font-size: 1.4rem; font-weight: bold; } .card .l { font-size: .8rem; color: #4d5b6a; }
.flag { border-left: 5px solid #c0392b; padding: .4rem .8rem; margin: .5rem 0; background: #fbf3f2; }
.flag.medium { border-color: #e67e22; background: #fdf6ee; } .flag.low { border-color: #f1c40f; background: #fdfbee; }
.figure { page-break-inside: avoid; break-inside: avoid; }
section { page-break-inside: auto; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; } table { font-size: .75rem; }
  h2 { page-break-after: avoid; } tr { page-break-inside: avoid; }
}
"""


def render_html(content: ReportContent) -> bytes:
    """One self-contained HTML file: Plotly's JavaScript inlined, no request to any other host."""
    lang = content.scope.lang
    esc = html.escape
    parts = [
        "<!DOCTYPE html>", f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f"<title>{esc(content.title)}</title><style>{STYLE}</style>",
        f"<script>{get_plotlyjs()}</script></head><body>",
        f"<h1>{esc(content.title)}</h1>",
        *([f'<p class="demo">{esc(t("report.demo", lang))}</p>'] if content.scope.demo else []),
        f'<p class="meta">{esc(_made_line(content))}</p>',
        f'<p class="meta">{"<br>".join(esc(line) for line in content.filter_lines())}</p>',
        f'<p class="meta">{"<br>".join(esc(line) for line in content.setting_lines())}</p>',
        f"<h2>{esc(t('report.headline', lang))}</h2>", _headline_cards(content),
        f"<h2>{esc(t('report.by_process', lang))}</h2>", _process_table(content),
    ]
    if cannot_tell := content.coverage_lines():
        parts += [f"<h3>{esc(t('report.coverage', lang))}</h3>",
                  "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in cannot_tell) + "</ul>"]
    parts += [f"<h2>{esc(t('report.flags', lang))}</h2>", _flags_html(content)]
    parts += [f"<h2>{esc(t('report.voice', lang))}</h2>",
              _frame_html(voice_charts.groups_table(content.voice, "process", lang, content.settings.min_survey_answers), lang),
              f"<h3>{esc(t('report.drivers', lang))}</h3>",
              _frame_html(voice_charts.drivers_table(content.drivers, lang, content.settings.min_survey_answers), lang)]
    if not content.comments.empty:
        parts += [f"<h3>{esc(t('report.comments', lang))}</h3>", _comments_html(content)]
    if not content.listed_applications.empty:
        parts += [f"<h2>{esc(t('report.ghosted', lang))}</h2>", _frame_html(content.listed_applications, lang)]
        if content.unlisted_applications:
            parts.append(f'<p class="small">{esc(t("report.more_applications", lang, count=content.unlisted_applications))}</p>')
    parts.append(f"<h2>{esc(t('report.charts', lang))}</h2>")
    for caption, figure in content.figures:
        figure_html = figure.to_html(full_html=False, include_plotlyjs=False, default_width="100%",
                                     config={**formatting.plotly_config(lang),
                                                                        "displayModeBar": False, "responsive": True})
        parts.append(f'<div class="figure"><h3>{esc(caption)}</h3>{figure_html}</div>')
    parts += [f'<p class="small">{esc(t("report.privacy_note", lang))}</p>', "</body></html>"]
    return "\n".join(parts).encode("utf-8")


def _made_line(content: ReportContent) -> str:
    lang, zone = content.scope.lang, content.settings.timezone
    as_of = formatting.moment(content.as_of, lang, zone, missing="–")
    made = formatting.moment(content.made_at, lang, zone)
    return t("report.made", lang, as_of=as_of, made=made, zone=zone)


def _value(key: str, row: pd.Series, unit: str, lang: str) -> str:
    if key in row["unmeasured"]:
        return t("unmeasured.short", lang)
    metric = display_metric(key, unit) if key not in METRICS else METRICS[key]
    text = metric.format_value(_plain(row.get(key)), lang, missing="–")
    if key in SHARE_WITH_INTERVAL and _plain(row.get(f"{key}_low")) is not None:
        low, high = formatting.percent(row[f"{key}_low"], lang), formatting.percent(row[f"{key}_high"], lang)
        text += f" ({low}–{high})"
    return text


def _plain(value):
    """The value, or None where it is missing (a dash in HTML, an empty typed cell in XLSX)."""
    return None if is_missing(value) else value


def _headline_cards(content: ReportContent) -> str:
    lang, esc = content.scope.lang, html.escape
    if content.headline.empty:
        return f"<p>{esc(t('report.no_data', lang))}</p>"
    row = content.headline.iloc[0]
    cards = [
        f'<div class="card"><div class="v">{esc(_value(key, row, content.settings.latency_unit, lang))}</div>'
        f'<div class="l">{esc(METRICS[key].label(lang))}</div></div>'
        for key in PROCESS_TABLE_KEYS
    ]
    return f'<div class="cards">{"".join(cards)}</div>'


def _process_table(content: ReportContent) -> str:
    lang, esc = content.scope.lang, html.escape
    if content.by_process.empty:
        return f"<p>{esc(t('report.no_data', lang))}</p>"
    header = "".join(f"<th>{esc(METRICS[key].label(lang))}</th>" for key in PROCESS_TABLE_KEYS)
    rows = []
    for _, row in content.by_process.iterrows():
        name = row["process_name"] if isinstance(row["process_name"], str) else row["process_id"]
        small = f' <span class="small">({esc(t("report.small_group", lang))})</span>' if row["small_group"] else ""
        cells = "".join(f'<td class="num">{esc(_value(key, row, content.settings.latency_unit, lang))}</td>'
                        for key in PROCESS_TABLE_KEYS)
        rows.append(f"<tr><td>{esc(str(name))} <span class='small'>{esc(str(row['process_id']))}</span>{small}</td>"
                    f"{cells}</tr>")
    return (f"<table><thead><tr><th>{esc(t('col.process_name', lang))}</th>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _flags_html(content: ReportContent) -> str:
    lang, esc = content.scope.lang, html.escape
    if content.flags.empty:
        return f"<p>{esc(t('report.no_flags', lang))}</p>"
    blocks = []
    for _, flag in content.flags.iterrows():
        severity = str(flag["severity"])
        heading = (f"{flag['process_name'] or flag['process_id']}: {t(f'risk.rule.{flag.rule}', lang)} "
                   f"({t(f'risk.severity.{severity}', lang)})")
        blocks.append(
            f'<div class="flag {esc(severity)}"><strong>{esc(heading)}</strong><br>'
            f"{esc(str(flag[f'evidence_{lang}']))}<br><em>{esc(str(flag[f'action_{lang}']))}</em></div>"
        )
    return "".join(blocks)


def _comments_html(content: ReportContent) -> str:
    """The candidates' own words: masked at import and again on the way out, always escaped."""
    lang, esc = content.scope.lang, html.escape
    items = []
    for row in content.comments.itertuples():
        label = t(f"voice.label.{row.label}", lang) if isinstance(row.label, str) else "–"
        meta = (f"{row.process_name or row.process_id} · {formatting.cell(row.submitted_date, lang)} · "
                f"NPS {formatting.cell(row.nps, lang)} · {label}")
        items.append(f'<li>“{esc(str(row.comment))}”<br><span class="small">{esc(meta)}</span></li>')
    return f"<ul>{''.join(items)}</ul>"


def _frame_html(frame: pd.DataFrame, lang: str) -> str:
    """A table whose every header and cell is escaped text."""
    if frame.empty:
        return ""
    header = "".join(f"<th>{html.escape(str(column))}</th>" for column in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(formatting.cell(value, lang))}</td>" for value in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


# -- XLSX ------------------------------------------------------------------------------------------

def render_xlsx(content: ReportContent) -> bytes:
    """Metrics per process, flags and candidate voice, each on its own typed sheet, plus the context."""
    lang, settings = content.scope.lang, content.settings
    demo = [t("report.demo", lang)] if content.scope.demo else []
    about = pd.DataFrame({t("report.about", lang): [content.title, *demo, _made_line(content),
                                                     *content.filter_lines(), *content.setting_lines(),
                                                     *content.coverage_lines(), t("report.privacy_note", lang)]})
    metrics_sheet = pd.DataFrame({t("col.process_id", lang): content.by_process["process_id"],
                                  t("col.process_name", lang): content.by_process["process_name"]})
    metric_formats: dict[str, str] = {}
    unknown = t("unmeasured.short", lang)
    for key in PROCESS_TABLE_KEYS:
        label = METRICS[key].label(lang)
        metrics_sheet[label] = [
            unknown if key in missing else _plain(value)
            for value, missing in zip(content.by_process[key].astype(object), content.by_process["unmeasured"],
                                      strict=True)]
        metric_formats[label] = _excel_format(METRICS[key].unit)
        if key in SHARE_WITH_INTERVAL:
            for bound in ("low", "high"):
                column = f"{label} {t(f'report.{bound}', lang)}"
                metrics_sheet[column] = content.by_process[f"{key}_{bound}"].astype(object).map(_plain)
                metric_formats[column] = PERCENT
    flags = content.flags
    # A flag's value is a share, or a score for the candidate-voice measures: each row its own format.
    flag_formats = [SIGNED if measure in ("cnps", "sentiment_score") else PERCENT for measure in flags.get("measure", [])]
    flags_sheet = pd.DataFrame({
        t("col.process_id", lang): flags.get("process_id", pd.Series(dtype=object)),
        t("col.process_name", lang): flags.get("process_name", pd.Series(dtype=object)),
        t("report.rule", lang): [t(f"risk.rule.{rule}", lang) for rule in flags.get("rule", [])],
        t("report.severity", lang): [t(f"risk.severity.{sev}", lang) for sev in flags.get("severity", [])],
        t("report.value", lang): flags.get("value", pd.Series(dtype=float)),
        "n": flags.get("n", pd.Series(dtype=float)),
        t("report.low", lang): flags.get("interval_low", pd.Series(dtype=float)),
        t("report.high", lang): flags.get("interval_high", pd.Series(dtype=float)),
        t("report.affected", lang): flags.get("affected", pd.Series(dtype=float)),
        t("report.evidence", lang): flags.get(f"evidence_{lang}", pd.Series(dtype=object)),
        t("report.action", lang): flags.get(f"action_{lang}", pd.Series(dtype=object)),
    })
    voice_sheet = voice_charts.groups_table(content.voice, "process", lang, settings.min_survey_answers,
                                            spreadsheet=True)
    voice_sheet[t("voice.col.response_rate", lang)] = voice_sheet[t("voice.col.response_rate", lang)] / 100
    drivers_sheet = voice_charts.drivers_table(content.drivers, lang, settings.min_survey_answers, spreadsheet=True)
    sheet_names = {name: t(f"report.sheet.{name}", lang) for name in ("about", "metrics", "flags", "voice", "drivers")}
    sheets = {
        sheet_names["about"]: about,
        sheet_names["metrics"]: metrics_sheet,
        sheet_names["flags"]: flags_sheet,
        sheet_names["voice"]: voice_sheet,
        sheet_names["drivers"]: drivers_sheet,
    }
    score_columns = [column for column in (*voice_sheet.columns, *drivers_sheet.columns)
                     if column.startswith((t("voice.col.cnps", lang), t("voice.col.sentiment", lang),
                                          t("voice.col.interval", lang), t("voice.col.score_with", lang),
                                          t("voice.col.score_without", lang), t("voice.col.difference", lang)))]
    formats = {
        sheet_names["metrics"]: metric_formats,
        sheet_names["flags"]: {column: flag_formats for column in (t("report.value", lang), t("report.low", lang),
                                                                     t("report.high", lang))}
        | {"n": INTEGER, t("report.affected", lang): INTEGER},
        sheet_names["voice"]: {column: SIGNED for column in score_columns}
        | {t("voice.col.response_rate", lang): PERCENT},
        sheet_names["drivers"]: {column: SIGNED for column in score_columns},
    }
    if not content.listed_applications.empty:
        sheets[t("report.sheet.ghosted", lang)] = content.listed_applications
    return to_xlsx_bytes(sheets, formats)


def _excel_format(unit: str) -> str:
    """A catalogue unit as an Excel number format."""
    return {"share": PERCENT, "count": INTEGER, "score": SIGNED}.get(unit, DECIMAL)


# -- PDF -------------------------------------------------------------------------------------------

def render_pdf(content: ReportContent) -> bytes:
    return html_to_pdf(render_html(content))


# -- one entry point for pages and the CLI ---------------------------------------------------------

REPORT_FORMATS = {
    "html": ("text/html", render_html),
    "pdf": ("application/pdf", render_pdf),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx),
}


def build_report(store: Store, scope: ReportScope, fmt: str) -> bytes:
    """The report in one format ('html', 'pdf' or 'xlsx'), as bytes."""
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"Unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
    return REPORT_FORMATS[fmt][1](collect_report(store, scope))


def report_file_name(scope: ReportScope, fmt: str, today: datetime | None = None) -> str:
    """candidate-experience[-demo]-SUBJECT-YYYY-MM-DD[-filters].FMT, in safe characters."""
    day = (today or datetime.now(UTC)).date()
    subject = scope.process_id or ("organisation" if scope.lang == "en" else "organisationen")
    others = replace(scope.filters, processes=()) if scope.process_id else scope.filters
    return download_name(f"candidate-experience-{'demo-' if scope.demo else ''}{subject}", day, others, fmt)
