"""The audit log: who did what and when, appended by the app and the command line alike.

Entries are only added, never changed. Their details are small JSON objects (an import's id and
file name, the settings changed); they never carry candidate text, so the log may be kept after a
candidate is erased. Reading the log is an administrator's action.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd

from analytics.access import Principal, require
from analytics.store import Store

# What is logged; `record` refuses other names, so a misspelt action never hides from a filter.
AUDITED_ACTIONS = (
    "sign_in", "import", "undo", "settings", "report_download", "action_list_download", "user_role_change",
    "audit_export", "erase", "export_candidate", "retention", "access_denied",
)
COLUMNS = ["entry_id", "occurred_at", "actor", "role", "action", "details"]


def record(store: Store, actor: Principal | str, action: str, details: dict | None = None, *,
           cursor: duckdb.DuckDBPyConnection | None = None) -> None:
    """Append one entry. Pass the cursor of an open transaction to make the entry part of that write."""
    if action not in AUDITED_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; known: {', '.join(AUDITED_ACTIONS)}")
    identity, role = (actor.identity, actor.role.value) if isinstance(actor, Principal) else (str(actor), None)
    row = [datetime.now(UTC), identity, role, action,
           json.dumps(details, ensure_ascii=False, sort_keys=True, default=str) if details else None]
    sql = "INSERT INTO audit_log VALUES (nextval('audit_ids'), ?, ?, ?, ?, ?)"
    if cursor is not None:
        cursor.execute(sql, row)
        return
    with store.transaction() as active:
        active.execute(sql, row)


def entries(store: Store, reader: Principal, *, action: str | None = None, actor: str | None = None,
            since: datetime | None = None, limit: int | None = None) -> pd.DataFrame:
    """The log, newest first, optionally for one action, one actor or from a moment on; administrators only."""
    require(reader, "audit")
    conditions: list[str] = []
    params: list[Any] = []
    for column, value in (("action", action), ("actor", actor)):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        conditions.append("occurred_at >= ?")
        params.append(since)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    limit_clause = ""
    if limit is not None:
        limit_clause = "LIMIT ?"
        params.append(int(limit))
    return store.query(f"SELECT {', '.join(COLUMNS)} FROM audit_log {where} ORDER BY entry_id DESC {limit_clause}",
                       params)
