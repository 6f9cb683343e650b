"""How the Data page and the mapping step show one import: where every row went, what the file
records and which metrics it cannot give on its own. Thin: the counts come from ImportReport."""

from __future__ import annotations

import streamlit as st

from analytics.catalogue import METRICS
from analytics.i18n import MESSAGES, t, tn
from analytics.ingest.importer import ImportReport
from analytics.ingest.message_traces import TRACE_FORMATS
from analytics.ingest.presets import PRESETS
from analytics.privacy import escape_markdown as md


def import_kind_title(kind: str, lang: str) -> str:
    """What an import held, in words: events, survey answers, a lookup table."""
    return t(f"data.kind.{kind}", lang) if f"data.kind.{kind}" in MESSAGES else kind


def import_format_title(name: str, lang: str) -> str:
    """The format an import was read as, in words: the ATS export's or trace's title, the product's own
    format, or the saved mapping's name."""
    if name in PRESETS:
        return PRESETS[name].title
    if name in TRACE_FORMATS:
        return TRACE_FORMATS[name].title
    if name.startswith("mapping:"):
        return t("data.format.mapping", lang, name=name.removeprefix("mapping:"))
    return t("data.format.own", lang) if name == "canonical" else name


def render_import_report(report: ImportReport, lang: str) -> None:
    """Success with the row accounting, or the error; then the problems found on rows."""
    if report.ok:
        st.success(md(report.summary(lang)))
        details = [md(line) for line in report.accounting_lines(lang)]
        kinds = ", ".join(t(f"evidence.{kind}", lang) for kind in report.evidence)
        details.append(t("import.records", lang, kinds=kinds) if kinds else t("import.records_nothing", lang))
        if report.cannot_measure:
            labels = [METRICS[key].label(lang) if key in METRICS else key for key in report.cannot_measure]
            details.append(t("import.cannot_measure", lang, metrics=", ".join(labels)))
        st.caption("\n".join(f"- {line}" for line in details))
    else:
        st.error(md(report.error_message(lang) or t("data.failed", lang, file=report.file_name)))
    for line in report.warning_lines(lang):
        st.warning(md(line))
    render_row_problems(report, lang)


def render_row_problems(report: ImportReport, lang: str) -> None:
    """The columns the import did not read and the problems found on rows, first 20 as text."""
    if report.ignored_columns:
        st.caption(t("data.ignored_columns", lang, columns=md(", ".join(report.ignored_columns))))
    if report.problems:
        st.caption(report.problems_caption(lang))
        st.text("\n".join(report.problem_lines(lang)))
        with st.expander(tn("data.all_problems", len(report.problems), lang)):
            st.dataframe(report.problems_frame(lang), hide_index=True, placeholder="–")
