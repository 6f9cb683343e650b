"""What people do to the data, as the app and the command line call it: checked against the
person's role (analytics.access) and written to the audit log (analytics.audit).

The pages and the CLI reach the store's writers only through here; tests/test_access.py checks
that no page, helper or command calls the writers in analytics/ingest or Store.save_settings
directly. The engine underneath (importer, mappings, settings) stays free of people, so tests,
benchmarks and the demo build call it as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from analytics import audit
from analytics.access import Principal, require
from analytics.ingest.importer import ImportReport, UndoResult, import_bytes, import_file, undo_import
from analytics.ingest.mappings import ColumnMapping, import_mapping_json, save_mapping
from analytics.ingest.subject_patterns import add_subject_pattern, delete_subject_pattern
from analytics.measure.voice import CalibrationResult, calibrate_from_store
from analytics.present.exports import to_csv_bytes
from analytics.settings import Settings
from analytics.store import Store


def import_upload(store: Store, actor: Principal, data: bytes, file_name: str, **options: Any) -> ImportReport:
    """An uploaded file (the Data page, the mapping step), imported and audited, stored or not."""
    require(actor, "import")
    entry = _ImportAudit(store, actor)
    return entry.after(import_bytes(store, data, file_name, on_stored=entry.within, **options))


def import_path(store: Store, actor: Principal, path: str | Path, **options: Any) -> ImportReport:
    """A file on disk (the CLI), imported and audited."""
    require(actor, "import")
    entry = _ImportAudit(store, actor)
    return entry.after(import_file(store, path, on_stored=entry.within, **options))


class _ImportAudit:
    """An import's audit entry: in the transaction that stores its rows, so that no import is ever
    stored without its entry (`within`); for a refused file, which stores nothing, after it (`after`)."""

    def __init__(self, store: Store, actor: Principal) -> None:
        self.store, self.actor, self.written = store, actor, False

    def within(self, cursor: Any, report: ImportReport) -> None:
        audit.record(self.store, self.actor, "import", _import_details(report), cursor=cursor)
        self.written = True

    def after(self, report: ImportReport) -> ImportReport:
        if not self.written:
            audit.record(self.store, self.actor, "import", _import_details(report))
        return report


def _import_details(report: ImportReport) -> dict[str, Any]:
    return {"file": report.file_name, "import_id": report.import_id, "kind": report.kind, "format": report.format,
            "stored": report.rows_stored, "rejected": report.rows_rejected, "error": report.error_code}


def undo(store: Store, actor: Principal, import_id: int) -> UndoResult:
    """Undo an import; its audit entry is written in the undo's own transaction."""
    require(actor, "undo")
    return undo_import(store, import_id, on_undone=lambda cursor, result: audit.record(
        store, actor, "undo", {"import_id": result.import_id, "events_removed": result.events_removed,
                               "answers_removed": result.answers_removed}, cursor=cursor))


def save_settings(store: Store, actor: Principal, also: Iterable[Store] = (), **values: Any) -> Settings:
    """Save settings (and copy them to `also`, the demo's store); the changed ones are audited."""
    require(actor, "settings")
    before = store.settings().as_dict()
    saved = store.save_settings(**values)
    for other in also:
        other.save_settings(**values)
    changed = {name: [before.get(name), value] for name, value in saved.as_dict().items()
               if name in values and before.get(name) != value}
    if changed:
        audit.record(store, actor, "settings", {"changed": changed})
    return saved


def save_column_mapping(store: Store, actor: Principal, mapping: ColumnMapping, lang: str = "en") -> None:
    require(actor, "import")
    save_mapping(store, mapping, lang)
    audit.record(store, actor, "settings", {"mapping_saved": mapping.name})


def upload_column_mapping(store: Store, actor: Principal, text: str, lang: str = "en") -> ColumnMapping:
    require(actor, "import")
    mapping = import_mapping_json(store, text, lang)
    audit.record(store, actor, "settings", {"mapping_saved": mapping.name})
    return mapping


def add_pattern(store: Store, actor: Principal, pattern: str, event_type: str, language: str) -> str:
    require(actor, "settings")
    added = add_subject_pattern(store, pattern, event_type, language)
    audit.record(store, actor, "settings", {"subject_pattern_added": added, "event_type": event_type})
    return added


def remove_pattern(store: Store, actor: Principal, pattern: str) -> bool:
    require(actor, "settings")
    removed = delete_subject_pattern(store, pattern)
    if removed:
        audit.record(store, actor, "settings", {"subject_pattern_removed": pattern})
    return removed


def calibrate_sentiment(store: Store, actor: Principal) -> CalibrationResult:
    """Re-labelling every stored comment is a change to the data: an administrator's setting."""
    require(actor, "settings")
    result = calibrate_from_store(store)
    audit.record(store, actor, "settings", {"sentiment_calibrated": bool(result and result.beats_default)})
    return result


def downloaded(log: Store, actor: Principal, what: str, build: Callable[[], bytes], details: dict[str, Any]) -> bytes:
    """Check, build and audit a download ('report' or 'action_list') when it is asked for.

    log: the user's own store, where the entry goes, also when the download is made from the demo's.
    """
    require(actor, what)
    data = build()
    audit.record(log, actor, f"{what}_download", details)
    return data


def audit_csv(store: Store, actor: Principal, **filters: Any) -> bytes:
    """The audit log as a formula-safe CSV file, for administrators; the export is audited itself."""
    log = audit.entries(store, actor, **filters)
    # To the second, in UTC with its offset: a log is read for order and exact moments.
    data = to_csv_bytes(log.assign(occurred_at=log["occurred_at"].dt.strftime("%Y-%m-%dT%H:%M:%S%z")))
    audit.record(store, actor, "audit_export", {"entries": len(log)})
    return data
