"""Data: upload exports, read the import report, undo an import."""

import streamlit as st

from analytics.i18n import t
from analytics.importer import import_bytes, undo_import
from analytics.inventory import load_demo
from pages.common import format_time, get_store, lang

L = lang()
store = get_store()
st.title(t("data.heading", L))
if flash := st.session_state.pop("data_flash", None):
    st.success(flash)

with st.expander(t("data.contract_heading", L)):
    st.write(t("data.contract_text", L))

kind = st.radio(t("data.kind", L), ("auto", "events", "surveys"), horizontal=True, key="import_kind",
                format_func=lambda k: t(f"data.kind.{k}", L))
mode = st.radio(t("data.mode", L), ("strict", "lenient"), horizontal=True, key="import_mode",
                format_func=lambda m: t(f"data.mode.{m}", L))
uploads = st.file_uploader(t("data.upload_label", L), type=["csv", "tsv", "txt", "xlsx"],
                           accept_multiple_files=True, key="uploads")

if uploads and st.button(t("data.import_button", L), type="primary", key="import_button"):
    for upload in uploads:
        bar = st.progress(0.0, text=t("data.importing", L, file=upload.name))
        report = import_bytes(
            store, upload.getvalue(), upload.name, kind=kind, mode=mode,
            progress=lambda fraction, stage, bar=bar, name=upload.name: bar.progress(
                fraction, text=t("data.importing", L, file=name)),
        )
        bar.empty()
        if report.ok:
            st.success(t("data.imported", L, file=report.file_name, stored=report.rows_stored,
                         duplicate=report.rows_duplicate, rejected=report.rows_rejected,
                         kind=t(f"data.kind.{report.kind}", L), encoding=report.encoding,
                         delimiter=report.delimiter))
        else:
            st.error(report.error_message(L) or t("data.failed", L, file=report.file_name))
        if report.ignored_columns:
            st.caption(t("data.ignored_columns", L, columns=", ".join(report.ignored_columns)))
        if report.problems:
            st.caption(t("data.problems_total", L, count=report.problem_count,
                         shown=min(len(report.problems), 20)))
            st.dataframe(report.problems_frame(L), hide_index=True)

st.subheader(t("data.imports_heading", L))
imports = store.imports()
if imports.empty:
    st.write(t("store.no_imports", L))
    if st.button(t("data.load_demo", L), key="load_demo"):
        load_demo(store)
        st.rerun()
else:
    st.dataframe(
        imports[["import_id", "file_name", "kind", "rows_stored", "rows_duplicate", "rows_rejected", "imported_at"]],
        hide_index=True,
        column_config={
            name: t(f"col.{name}", L)
            for name in ("import_id", "file_name", "kind", "rows_stored", "rows_duplicate", "rows_rejected")
        } | {"imported_at": st.column_config.DatetimeColumn(t("col.imported_at", L), format="YYYY-MM-DD HH:mm")},
    )
    choice = st.selectbox(
        t("data.undo_pick", L), imports["import_id"].tolist(), key="undo_pick",
        format_func=lambda i: f"{i}: {imports.set_index('import_id').at[i, 'file_name']} "
                              f"({format_time(imports.set_index('import_id').at[i, 'imported_at'])})",
    )
    if st.button(t("data.undo", L), key="undo_button"):
        result = undo_import(store, int(choice))
        st.session_state["data_flash"] = t("data.undone", L, id=result.import_id, events=result.events_removed,
                                           answers=result.answers_removed)
        st.rerun()
