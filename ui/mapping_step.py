"""The mapping step of the Data page: for a file no preset knows, map its columns and values once.

Thin by design: reading the file, checking the mapping and saving it live in analytics/mappings.py.
Widget keys carry the upload and the saved mapping started from, so choosing another saved
mapping resets the widgets to its values.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics.access import Principal
from analytics.catalogue import METRICS
from analytics.i18n import t
from analytics.ingest.mappings import (
    IDENTITY_FIELDS,
    KINDS,
    REQUIRED_FIELDS,
    SKIP,
    ColumnMapping,
    FilePreview,
    MappingError,
    allowed_fields,
    default_value_map,
    guess_fields,
    is_personal_column,
    list_mappings,
    preview_file,
    rating_field,
    validate,
)
from analytics.operations import import_upload, save_column_mapping, upload_column_mapping
from analytics.privacy import escape_markdown as md
from analytics.store import Store
from analytics.vocabulary import EVENT_TYPES, normalize_header
from ui.import_report import render_import_report


@st.cache_data(show_spinner=False, max_entries=8)
def _preview(data: bytes, suffix: str, value_column: str | None) -> FilePreview:
    with tempfile.TemporaryDirectory(prefix="radar-mapping-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return preview_file(path, value_column=value_column)


def render_mapping_step(store: Store, person: Principal, upload_name: str, data: bytes, lang: str) -> None:
    """Columns and preview, the mapping widgets with live validation, save-and-import, JSON in and out,
    each saved and imported as `person` (checked and audited)."""
    suffix = Path(upload_name).suffix or ".csv"
    upload_key = "mapping_" + hashlib.sha256(upload_name.encode() + data).hexdigest()[:12]
    preview = _preview(data, suffix, None)
    headers = list(preview.columns.values())

    st.subheader(t("mapping.heading", lang, file=md(upload_name)))
    st.caption(t("mapping.intro", lang))
    st.caption(t("mapping.columns", lang, columns=md(", ".join(headers))))
    st.caption(t("mapping.preview", lang))
    st.dataframe(preview.rows, hide_index=True, placeholder="–")

    _mapping_file_uploader(store, person, upload_key, lang)
    saved = {mapping.name: mapping for mapping in list_mappings(store)}
    start = st.selectbox(t("mapping.saved_pick", lang), ["", *saved], key=f"{upload_key}_start",
                         format_func=lambda name: name or t("mapping.saved_none", lang))
    base = saved.get(start)
    key = f"{upload_key}_{hashlib.sha256(start.encode()).hexdigest()[:8]}"

    kind = st.radio(t("mapping.kind", lang), KINDS, horizontal=True, key=f"{key}_kind",
                    index=KINDS.index(base.kind) if base else 0, format_func=lambda k: t(f"data.kind.{k}", lang))
    fields = _field_selectors(preview, kind, base, key, lang)
    event_values, milestones = {}, {}
    values = None
    if kind == "events":
        if "event_type" in fields:
            values = _preview(data, suffix, fields["event_type"]).values
            event_values = _value_editor(fields["event_type"], values, base, key, lang)
        milestones = _milestone_editor(headers, fields, base, key, lang)
    else:
        fields |= _rating_selector(headers, base, key, lang)

    records = _records_questions(base, key, lang) if kind == "events" else []
    name = st.text_input(t("mapping.name", lang), value=base.name if base else Path(upload_name).stem, key=f"{key}_name")
    mapping = ColumnMapping(name.strip(), kind, fields, event_values, milestones, records)
    problems = validate(mapping, preview.columns, values, lang)
    if problems:
        st.warning("\n".join([t("mapping.problems_heading", lang), *(f"- {md(problem)}" for problem in problems)]))
    else:
        st.success(t("mapping.valid", lang))
    _metric_support(mapping, lang)

    left, right = st.columns(2)
    save = left.button(t("mapping.save_import", lang), type="primary", disabled=bool(problems), key=f"{key}_save")
    right.download_button(t("mapping.download", lang), mapping.to_json(), file_name=f"{mapping.name or 'mapping'}.json",
                          mime="application/json", disabled=bool(problems), key=f"{key}_download")
    if save:
        save_column_mapping(store, person, mapping, lang)
        st.success(t("mapping.saved", lang, name=md(mapping.name)))
        report = import_upload(store, person, data, upload_name, mapping=mapping,
                               mode=st.session_state.get("import_mode", "strict"))
        render_import_report(report, lang)


def _records_questions(base: ColumnMapping | None, key: str, lang: str) -> list[str]:
    """Ask what only the user knows: whether the export holds every message and every personal
    feedback. The honest default is no: the metrics that need them then say "not in your data"."""
    st.markdown(f"**{t('mapping.records_heading', lang)}**")
    st.caption(t("mapping.records_help", lang))
    confirmed = []
    for kind, question in (("messages", "mapping.records_messages"), ("personal_feedback", "mapping.records_feedback")):
        answer = st.radio(t(question, lang), ("no", "yes"), horizontal=True, key=f"{key}_records_{kind}",
                          index=1 if base and kind in base.records else 0, format_func=lambda a: t(f"answer.{a}", lang))
        if answer == "yes":
            confirmed.append(kind)
    return confirmed


def _mapping_file_uploader(store: Store, person: Principal, upload_key: str, lang: str) -> None:
    upload = st.file_uploader(t("mapping.upload", lang), type=["json"], key=f"{upload_key}_json")
    if upload is None:
        return
    try:
        mapping = upload_column_mapping(store, person, upload.getvalue().decode("utf-8", errors="replace"), lang)
    except MappingError as error:
        st.error("\n".join(f"- {md(problem)}" for problem in error.problems))
    else:
        st.success(t("mapping.uploaded", lang, name=md(mapping.name)))


def _field_selectors(preview: FilePreview, kind: str, base: ColumnMapping | None, key: str, lang: str) -> dict[str, str]:
    st.markdown(f"**{t('mapping.fields_heading', lang)}**")
    st.caption(t("mapping.identity_help", lang))
    headers = list(preview.columns.values())
    chosen = guess_fields(preview.columns, kind) if base is None else {
        name: preview.columns.get(normalize_header(column), "") for name, column in base.fields.items()}
    fields = {}
    columns = st.columns(3)
    for index, name in enumerate(allowed_fields(kind)):
        label = t("mapping.field_required", lang, field=name) if name in REQUIRED_FIELDS[kind] else name
        options = ["", *headers]
        column = columns[index % 3].selectbox(
            label, options, index=options.index(chosen.get(name, "")) if chosen.get(name, "") in options else 0,
            key=f"{key}_{kind}_field_{name}", format_func=lambda header: header or t("mapping.not_mapped", lang),
            help=t("mapping.identity_help", lang) if name in IDENTITY_FIELDS else None,
        )
        if column:
            fields[name] = column
    return fields


def _value_editor(column: str, values: list[str], base: ColumnMapping | None, key: str, lang: str) -> dict[str, str]:
    """One choice per distinct value of the event column (exports have a handful of statuses)."""
    st.markdown(f"**{t('mapping.values_heading', lang, column=column)}**")
    st.caption(t("mapping.values_help", lang))
    defaults = default_value_map(values, base.event_values if base else {})
    options = ["", *EVENT_TYPES, SKIP]
    chosen = {}
    cells = st.columns(3)
    for index, (value, default) in enumerate(defaults.items()):
        choice = cells[index % 3].selectbox(
            t("mapping.value_label", lang, value=md(value)), options, index=options.index(default) if default in options else 0,
            key=f"{key}_value_{normalize_header(column)}_{hashlib.sha256(value.encode()).hexdigest()[:8]}",
            format_func=lambda kind: kind or t("mapping.not_mapped_value", lang),
        )
        if choice:
            chosen[value] = choice
    return chosen


def _milestone_editor(headers: list[str], fields: dict[str, str], base: ColumnMapping | None, key: str,
                      lang: str) -> dict[str, str]:
    st.markdown(f"**{t('mapping.milestones_heading', lang)}**")
    saved = {normalize_header(column): kind for column, kind in (base.milestones if base else {}).items()}
    candidates = [h for h in headers if h not in fields.values() and not is_personal_column(h)]
    edited = st.data_editor(
        pd.DataFrame({"column": candidates, "event_type": [saved.get(normalize_header(h)) for h in candidates]}),
        hide_index=True, disabled=["column"], key=f"{key}_milestones",
        column_config={
            "column": st.column_config.TextColumn(t("mapping.col_column", lang)),
            "event_type": st.column_config.SelectboxColumn(t("mapping.col_event_type", lang), options=list(EVENT_TYPES)),
        },
    )
    return {row.column: row.event_type for row in edited.itertuples() if isinstance(row.event_type, str) and row.event_type}


def _rating_selector(headers: list[str], base: ColumnMapping | None, key: str, lang: str) -> dict[str, str]:
    saved = {normalize_header(column) for name, column in (base.fields if base else {}).items()
             if name.startswith("rating_")}
    chosen = st.multiselect(t("mapping.ratings", lang), headers, key=f"{key}_ratings",
                            default=[h for h in headers if normalize_header(h) in saved])
    return {rating_field(header): header for header in chosen}


def _metric_support(mapping: ColumnMapping, lang: str) -> None:
    st.markdown(f"**{t('mapping.supports_heading', lang)}**")
    lines = [
        t("data.metric_available", lang, metric=METRICS[m.key].label(lang)) if m.available else
        t("data.metric_unavailable", lang, metric=METRICS[m.key].label(lang),
          reason=m.reason_sv if lang == "sv" else m.reason_en)
        for m in mapping.metric_support()
    ]
    st.caption("\n".join(f"- {line}" for line in lines))
