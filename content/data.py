"""Data: upload exports, read the import report, map an unknown file once, undo an import.

Imports and undo always work on the user's own data, also while the demo is shown; an import then
moves the app to the user's data.
"""

import streamlit as st

from analytics import formatting
from analytics.catalogue import METRICS
from analytics.i18n import t
from analytics.ingest.message_traces import TRACE_FORMATS
from analytics.ingest.presets import PRESETS
from analytics.measure.evidence import measurable_metrics
from analytics.operations import import_upload, undo
from analytics.privacy import escape_markdown as md
from ui.candidate_rights import render_candidate_rights
from ui.common import format_time, lang, real_store, show_real_data, showing_demo, store_metrics
from ui.identity import refused_unless
from ui.import_report import import_format_title, import_kind_title, render_import_report, render_row_problems
from ui.localised import show_table
from ui.mapping_step import render_mapping_step
from ui.message_traces import render_trace_help, render_trace_report

MAPPABLE_ERRORS = ("missing_columns", "unknown_kind")


def uploader_key() -> str:
    """The uploader's widget key: a new one after each import, so imported files leave the uploader
    and the next click cannot import them again."""
    uploads_round = st.session_state.get("uploads_round", 0)
    return "uploads" if uploads_round == 0 else f"uploads_{uploads_round}"


def forget_choices() -> None:
    """After a successful import or an undo: an empty uploader, and the undo choice back on the newest import."""
    st.session_state["uploads_round"] = st.session_state.get("uploads_round", 0) + 1
    for key in ("undo_pick", "undo_confirm"):
        st.session_state.pop(key, None)

L = lang()
person = refused_unless("import")   # import, undo and mappings are an administrator's
store = real_store()
st.title(t("data.heading", L))
if showing_demo():
    st.info(t("data.on_demo", L), icon=":material/science:")
if flash := st.session_state.pop("data_flash", None):
    st.success(flash)

with st.expander(t("data.contract_heading", L)):
    st.write(t("data.contract_text", L))
render_trace_help(L)

left, middle, right = st.columns(3)
kind = left.radio(t("data.kind", L), ("auto", "events", "surveys"), key="import_kind",
                  format_func=lambda k: t(f"data.kind.{k}", L))
mode = middle.radio(t("data.mode", L), ("strict", "lenient"), key="import_mode",
                    format_func=lambda m: t(f"data.mode.{m}", L))
export_format = right.selectbox(
    t("data.format", L), ("auto", "canonical", *PRESETS, *TRACE_FORMATS), key="import_format",
    format_func=lambda f: t(f"data.format.{f}", L) if f in ("auto", "canonical")
    else (PRESETS[f] if f in PRESETS else TRACE_FORMATS[f]).title,
)
date_order = right.radio(t("data.date_order", L), ("auto", "dmy", "mdy"), key="import_date_order",
                         format_func=lambda order: t(f"data.date_order.{order}", L))
with st.expander(t("data.records_heading", L)):
    # A canonical file is complete by contract; what it lacks, the user says here.
    all_messages = st.checkbox(t("data.records_messages", L), value=True, key="records_messages")
    all_feedback = st.checkbox(t("data.records_feedback", L), value=True, key="records_feedback")
not_recorded = {kind for kind, kept in (("messages", all_messages), ("personal_feedback", all_feedback)) if not kept}
uploads = st.file_uploader(t("data.upload_label", L), type=["csv", "tsv", "txt", "xlsx"],
                           accept_multiple_files=True, key=uploader_key(), help=t("data.upload_help", L))


def show_import_report(report) -> None:
    """What one import did: where every row went (or a message trace's report), the format
    recognised, ignored columns and row problems."""
    if report.ok and report.trace is not None:
        render_trace_report(report, L)
        render_row_problems(report, L)
    else:
        render_import_report(report, L)
    if report.format not in ("canonical",) and report.format in PRESETS:
        st.info(t("data.format_detected", L, file=md(report.file_name), preset=PRESETS[report.format].title))
    if report.repeat_of_earlier:
        st.info(t("data.repeat", L, file=md(report.file_name), id=report.import_id), icon=":material/content_copy:")


if uploads and st.button(t("data.import_button", L), type="primary", key="import_button"):
    st.session_state.pop("mapping_upload", None)
    reports = []
    for upload in uploads:
        bar = st.progress(0.0, text=t("data.importing", L, file=upload.name))
        report = import_upload(
            store, person, upload.getvalue(), upload.name, kind=kind, mode=mode, format=export_format, date_order=date_order,
            not_recorded=not_recorded if export_format in ("auto", "canonical") else (),
            progress=lambda fraction, stage, bar=bar, name=upload.name: bar.progress(
                fraction, text=t("data.importing", L, file=name)),
        )
        bar.empty()
        reports.append(report)
        if report.ok:
            show_real_data()
        elif report.format == "canonical" and report.error_code in MAPPABLE_ERRORS:
            st.session_state["mapping_upload"] = (upload.name, upload.getvalue())
    # Shown after a rerun, so the sidebar, the demo label and every page already follow the new data.
    st.session_state["import_reports"] = reports
    if all(report.ok for report in reports):
        forget_choices()
    else:
        # A file that failed stays, to import again in another mode; one that went in is only a repeat then.
        st.session_state.pop("undo_pick", None)
    st.rerun()
for shown_report in st.session_state.pop("import_reports", ()):
    show_import_report(shown_report)

# Outside the button's branch, so the mapping widgets survive their own reruns.
if pending := st.session_state.get("mapping_upload"):
    version = store.data_version()
    render_mapping_step(store, person, pending[0], pending[1], L)
    if store.data_version() != version:
        show_real_data()

st.subheader(t("data.imports_heading", L))
imports = store.imports()
imports["imported_at"] = imports["imported_at"].dt.tz_convert(store.settings().timezone)   # local, as elsewhere
if imports.empty:
    st.write(t("store.no_imports", L))
else:
    shown_imports = imports.assign(
        import_id=imports["import_id"].astype(str),   # an identifier, not an amount: no thousands separator
        kind=[import_kind_title(kind, L) for kind in imports["kind"]],
        format=[import_format_title(name, L) for name in imports["format"]],
    )
    show_table(
        shown_imports[["import_id", "file_name", "kind", "format", "rows_stored", "rows_duplicate", "rows_rejected",
                       "rows_left_out", "imported_at"]],
        hide_index=True,
        column_config={
            name: t(f"col.{name}", L)
            for name in ("import_id", "file_name", "kind", "format", "rows_stored", "rows_duplicate", "rows_rejected",
                         "rows_left_out")
        } | {"imported_at": st.column_config.DatetimeColumn(t("col.imported_at", L),
                                                          format=formatting.table_date_format(L, with_time=True))},
    )
    by_id = imports.set_index("import_id")

    # Labels made now, in the page's language (a format_func may be called outside the page's run).
    import_labels = {i: f"{i}: {by_id.at[i, 'file_name']} ({format_time(by_id.at[i, 'imported_at'])})"
                     for i in by_id.index}
    # Newest first, and back on the newest after every import or undo (forget_choices).
    choice = st.selectbox(t("data.undo_pick", L), by_id.index.tolist(), key="undo_pick", format_func=import_labels.get)
    if st.session_state.get("undo_confirm") != choice:
        if st.button(t("data.undo", L), key="undo_button", icon=":material/undo:"):
            st.session_state["undo_confirm"] = choice
            st.rerun()
    else:
        # A second, explicit step: an undo cannot itself be undone (only the file imported again).
        with st.container(border=True):
            st.warning(t("data.undo_confirm", L, label=md(import_labels[choice]),
                         rows=int(by_id.at[choice, "rows_stored"])), icon=":material/warning:")
            confirm, cancel = st.columns(2)
            if confirm.button(t("data.undo_yes", L), key="undo_yes", type="primary"):
                result = undo(store, person, int(choice))
                st.session_state["data_flash"] = t("data.undone", L, id=str(result.import_id), events=result.events_removed,
                                                   answers=result.answers_removed)
                forget_choices()
                st.rerun()
            if cancel.button(t("data.undo_cancel", L), key="undo_cancel"):
                st.session_state.pop("undo_confirm", None)
                st.rerun()

    with st.expander(t("data.metrics_heading", L)):
        # From the evidence the imports recorded, never from the event types the store happens to hold.
        for metric in measurable_metrics(store_metrics(store, "all")):
            label = METRICS[metric.key].label(L)
            reason = metric.reason_sv if L == "sv" else metric.reason_en
            if metric.applications == metric.of:
                st.markdown(f":green[✓] {t('data.measurable_all', L, metric=label, n=metric.of)}")
            elif metric.applications:
                part = t("data.measurable_part", L, metric=label, n=metric.applications, total=metric.of, reason=reason)
                st.markdown(f":orange[◐] {part}")
            else:
                st.markdown(f":red[✗] {t('unmeasured.line', L, metric=label, reason=reason)}")

render_candidate_rights(store, person, L)   # the user's own data, whatever is shown
