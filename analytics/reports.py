"""Reports for sharing with people who have no access to the app: HTML, PDF and XLSX, as bytes.

One `collect_report` gathers the numbers (the same engine functions the pages call); each renderer
only lays them out. Shared reports carry no candidate ids, names or e-mail addresses: rows that
list applications use keyed pseudonyms, comments are shown masked, and every piece of uploaded
text is HTML-escaped (HTML) or made formula-safe (XLSX).

PDF: the HTML report printed by headless Chromium, the browser the tests already use. It draws the
same Plotly charts as the HTML file, so both formats show identical figures, and it adds no
Python PDF dependency; the cost is that PDF export needs Chromium installed where the app runs.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analytics.i18n import t
from analytics.metrics import METRICS, Filters, application_facts, display_metric, metrics_by
from analytics.settings import Settings
from analytics.store import Store

PROCESS_TABLE_KEYS = (
    "applications", "ack_within_sla_share", "ack_latency_h_median", "outcome_coverage",
    "personal_feedback_coverage", "ghosted", "survey_response_rate", "cnps", "sentiment_score",
)
SHARE_WITH_INTERVAL = ("ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage")
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer", "--virtual-time-budget=20000",
)


class ReportError(RuntimeError):
    """A report could not be made; the message says what to install or change."""


@dataclass(frozen=True)
class ReportScope:
    lang: str = "en"
    filters: Filters = Filters()
    process_id: str | None = None     # None: the whole organisation

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

    def filter_lines(self) -> list[str]:
        """The filters in words, for the report's header."""
        lang, f = self.scope.lang, self.scope.effective_filters()
        all_text = t("filters.all", lang)
        dates = f"{f.date_from or '…'} – {f.date_to or '…'}" if (f.date_from or f.date_to) else all_text
        return [
            f"{t('filters.dates', lang)}: {dates}",
            f"{t('filters.process', lang)}: {', '.join(f.processes) or all_text}",
            f"{t('filters.department', lang)}: {', '.join(f.departments) or all_text}",
            f"{t('filters.recruiter', lang)}: {', '.join(f.recruiters) or all_text}",
        ]

    def setting_lines(self) -> list[str]:
        lang, s = self.scope.lang, self.settings
        return [
            f"{t('setting.ack_sla_hours', lang)}: {s.ack_sla_hours:g}",
            f"{t('setting.notice_sla_hours', lang)}: {s.notice_sla_hours:g}",
            f"{t('setting.silence_limit_days', lang)}: {s.silence_limit_days:g}",
            f"{t('setting.min_group_size', lang)}: {s.min_group_size}",
            f"{t('setting.min_survey_answers', lang)}: {s.min_survey_answers}",
            f"{t('setting.timezone', lang)}: {s.timezone}",
        ]


def collect_report(store: Store, scope: ReportScope) -> ReportContent:
    """Everything a report shows, computed by the same engine functions the pages use."""
    settings = store.settings()
    filters = scope.effective_filters()
    facts = application_facts(store, settings)
    headline = metrics_by(store, "all", settings, filters=filters, facts=facts)
    by_process = metrics_by(store, "process", settings, filters=filters, facts=facts)
    as_of = store.scalar("SELECT max(occurred_at) FROM events")
    name = by_process["process_name"].iloc[0] if scope.process_id and not by_process.empty else None
    title = (t("report.title_process", scope.lang, process=name or scope.process_id) if scope.process_id
             else t("report.title_all", scope.lang))
    content = ReportContent(scope, settings, title, as_of, datetime.now(UTC), headline, by_process)
    _add_sections(store, content, facts)
    return content


def _add_sections(store: Store, content: ReportContent, facts: pd.DataFrame) -> None:
    """Charts, flags, candidate voice and (for one process) the pseudonymised ghosted list."""
    del store, facts  # filled in as the chart, risk and voice engines are wired in


# -- HTML ------------------------------------------------------------------------------------------

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 1100px; }
h1 { color: #1f5f8b; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #1f5f8b; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #d5dbe3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; }
.meta { color: #4d5b6a; font-size: .85rem; } .small { color: #8a96a3; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; }
.card { border: 1px solid #d5dbe3; border-radius: 6px; padding: .5rem .8rem; min-width: 150px; }
.card .v { font-size: 1.4rem; font-weight: bold; } .card .l { font-size: .8rem; color: #4d5b6a; }
.flag { border-left: 5px solid #c0392b; padding: .4rem .8rem; margin: .5rem 0; background: #fbf3f2; }
.flag.medium { border-color: #e67e22; background: #fdf6ee; } .flag.low { border-color: #f1c40f; background: #fdfbee; }
.figure { page-break-inside: avoid; break-inside: avoid; }
section { page-break-inside: auto; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } table { font-size: .75rem; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
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
        f'<p class="meta">{esc(_made_line(content))}</p>',
        f'<p class="meta">{"<br>".join(esc(line) for line in content.filter_lines())}</p>',
        f'<p class="meta">{"<br>".join(esc(line) for line in content.setting_lines())}</p>',
        f"<h2>{esc(t('report.headline', lang))}</h2>", _headline_cards(content),
        f"<h2>{esc(t('report.by_process', lang))}</h2>", _process_table(content),
    ]
    for caption, figure in content.figures:
        figure_html = figure.to_html(full_html=False, include_plotlyjs=False, default_width="100%",
                                     config={"displayModeBar": False, "responsive": True})
        parts.append(f'<div class="figure"><h3>{esc(caption)}</h3>{figure_html}</div>')
    parts += [f'<p class="small">{esc(t("report.privacy_note", lang))}</p>', "</body></html>"]
    return "\n".join(parts).encode("utf-8")


def _made_line(content: ReportContent) -> str:
    zone = ZoneInfo(content.settings.timezone)
    as_of = content.as_of.astimezone(zone).strftime("%Y-%m-%d %H:%M") if content.as_of else "–"
    made = content.made_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return t("report.made", content.scope.lang, as_of=as_of, made=made, zone=content.settings.timezone)


def _value(key: str, row: pd.Series, unit: str) -> str:
    metric = display_metric(key, unit) if key not in METRICS else METRICS[key]
    text = metric.format_value(_plain(row.get(key)))
    if key in SHARE_WITH_INTERVAL and _plain(row.get(f"{key}_low")) is not None:
        low, high = _plain(row[f"{key}_low"]), _plain(row[f"{key}_high"])
        text += f" ({low:.0%}–{high:.0%})"
    return text


def _plain(value):
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _headline_cards(content: ReportContent) -> str:
    lang, esc = content.scope.lang, html.escape
    if content.headline.empty:
        return f"<p>{esc(t('report.no_data', lang))}</p>"
    row = content.headline.iloc[0]
    cards = [
        f'<div class="card"><div class="v">{esc(_value(key, row, content.settings.latency_unit))}</div>'
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
        cells = "".join(f'<td class="num">{esc(_value(key, row, content.settings.latency_unit))}</td>'
                        for key in PROCESS_TABLE_KEYS)
        rows.append(f"<tr><td>{esc(str(name))} <span class='small'>{esc(str(row['process_id']))}</span>{small}</td>"
                    f"{cells}</tr>")
    return (f"<table><thead><tr><th>{esc(t('col.process_name', lang))}</th>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# -- PDF -------------------------------------------------------------------------------------------

def find_chromium() -> str | None:
    for name in CHROMIUM_CANDIDATES:
        if path := shutil.which(name):
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def html_to_pdf(html_bytes: bytes) -> bytes:
    """Print the HTML report to PDF with headless Chromium, offline (no network flags)."""
    chromium = find_chromium()
    if chromium is None:
        raise ReportError("PDF reports need Chromium: install it with `apt-get install chromium`, "
                          "or download the HTML report and print it from a browser.")
    with tempfile.TemporaryDirectory(prefix="radar-report-") as folder:
        source, target = Path(folder) / "report.html", Path(folder) / "report.pdf"
        source.write_bytes(html_bytes)
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                   f"--print-to-pdf={target}", source.as_uri()]
        result = subprocess.run(command, capture_output=True, timeout=120, check=False)
        if not target.exists():
            raise ReportError(f"Chromium could not print the report (exit {result.returncode}): "
                              f"{result.stderr.decode(errors='replace')[-300:]}")
        return target.read_bytes()


def render_pdf(content: ReportContent) -> bytes:
    return html_to_pdf(render_html(content))
