"""Candidates' rights and storage limitation: find a candidate by id or e-mail address, give them
everything held about them (an access request), erase them, and remove applications past the
retention period.

A removal reaches every table that holds a candidate's id or an application's keys, found from the
schema (so a table added later is covered without a change here), and ends with a rewrite of the
database file: the removed text is gone from the file's bytes, not only from its tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pandas as pd

from analytics.access import Principal, Role, require
from analytics.audit import record as audit
from analytics.ingest.facts import DERIVED_TABLES, facts_are_current, refresh_application_facts
from analytics.ingest.problems import hmac_pads
from analytics.store import Store, read_sql
from analytics.vocabulary import quote_identifier

CANDIDATE = "candidate_id"
PROCESS = "process_id"
# Keys by which rows of other tables (sources, ratings) belong to an application's events and answers.
ROW_KEYS = {"event_key": "events", "response_key": "survey_responses"}
# Who removes expired applications when the app starts: the setting an administrator saved.
RETENTION_SETTING = Principal("retention_months setting, on start", Role.ADMINISTRATOR)


@dataclass(frozen=True)
class Removal:
    """What one erasure or retention run removed."""

    applications: int
    candidates: int                                         # candidates of whom nothing is left
    rows: dict[str, int] = field(default_factory=dict)      # table -> rows removed

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def candidates_by_email(store: Store, address: str) -> list[str]:
    """The stored candidates an e-mail address stands for: its keyed pseudonym (a candidate imported
    by address) and every candidate it is an alias of. The address itself is never stored; it is
    hashed with the store's key by the same macros the import uses."""
    inner_pad, outer_pad = hmac_pads(store.secret_key())
    with store.cursor() as cursor:
        cursor.execute(read_sql("ingest/sql/import_macros.sql"))
        rows = cursor.execute(
            """
            WITH given AS (SELECT pseudonym($inner, $outer, $address) AS pseudonym,
                                  address_key($inner, $outer, $address) AS address_key)
            SELECT pseudonym FROM given
            UNION SELECT a.candidate_id FROM candidate_aliases AS a JOIN given USING (address_key)
            """,
            {"inner": inner_pad, "outer": outer_pad, "address": address},
        ).fetchall()
    return held_candidates(store, [row[0] for row in rows if row[0] is not None])


def held_candidates(store: Store, candidate_ids: Iterable[str]) -> list[str]:
    """Those of `candidate_ids` the store holds anything about."""
    wanted = sorted(set(candidate_ids))
    with store.cursor() as cursor:
        tables = [table for table, columns in _tables(cursor).items() if CANDIDATE in columns]
        union = " UNION ".join(f"SELECT {CANDIDATE} FROM {quote_identifier(t)} WHERE list_contains($ids, {CANDIDATE})"
                               for t in tables)
        return sorted(row[0] for row in cursor.execute(union, {"ids": wanted}).fetchall())


def held_applications(store: Store, candidate_ids: Iterable[str]) -> int:
    """How many applications the store holds of the candidates (in any table that names applications)."""
    with store.cursor() as cursor:
        _mark_candidates(cursor, sorted(set(candidate_ids)))
        return _mark_applications(cursor, f"SELECT DISTINCT {CANDIDATE}, {PROCESS} FROM every_application "
                                          f"WHERE {CANDIDATE} IN (SELECT {CANDIDATE} FROM marked_candidates)")


def candidate_record(store: Store, candidate_ids: Iterable[str], actor: Principal,
                     made_at: datetime | None = None) -> dict:
    """Everything the store holds about the candidates (an access request), table by table, with the
    imports that brought it. Values are as stored: ids, process ids, times (UTC), masked comments.
    An administrator's action, written to the audit log (without the candidate's id)."""
    require(actor, "export_candidate")
    ids = sorted(set(candidate_ids))
    record: dict = {
        "candidate_ids": ids,
        "made_at": (made_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        "about": ("Candidate Experience Radar never stores names or e-mail addresses: an id that was an "
                  "address is a keyed pseudonym (anon-...), an address is kept only as a keyed hash "
                  "(candidate_aliases), and survey comments are stored with names, addresses and phone "
                  "numbers masked. Times are UTC."),
        "tables": {},
    }
    with store.cursor() as cursor:
        _mark_candidates(cursor, ids)
        columns = _tables(cursor)
        for table, rows in _held_rows(cursor).items():
            # In time order where the table has a time (stored rows have no order of their own), then as stored.
            times = [column for column in ("occurred_at", "submitted_at") if column in columns[table]]
            frame = cursor.execute(f"SELECT * FROM {quote_identifier(table)} WHERE rowid IN (SELECT unnest(?)) "
                                   f"ORDER BY {''.join(f'{column}, ' for column in times)}rowid", [rows]).df()
            if not frame.empty:
                record["tables"][table] = json.loads(frame.to_json(orient="records", date_format="iso",
                                                                   force_ascii=False))
        imports = sorted({row["import_id"] for rows in record["tables"].values() for row in rows if "import_id" in row})
        if imports:
            frame = cursor.execute("SELECT * FROM imports WHERE list_contains(?, import_id) ORDER BY import_id",
                                   [imports]).df()
            record["imports"] = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    audit(store, actor, "export_candidate", {"tables": len(record["tables"])})
    return record


def candidate_record_json(store: Store, candidate_ids: Iterable[str], actor: Principal) -> str:
    return json.dumps(candidate_record(store, candidate_ids, actor), ensure_ascii=False, indent=2)


def erase_candidates(store: Store, candidate_ids: Iterable[str], actor: Principal) -> Removal:
    """Remove every row about the candidates from every table, then rewrite the file. An
    administrator's action; the audit log records the counts, never who was erased."""
    require(actor, "erase")
    ids = sorted(set(candidate_ids))
    with store.transaction() as cursor:
        _mark_candidates(cursor, ids)
        applications = _mark_applications(cursor, f"SELECT DISTINCT {CANDIDATE}, {PROCESS} FROM every_application "
                                                   f"WHERE {CANDIDATE} IN (SELECT {CANDIDATE} FROM marked_candidates)")
        rows = _remove_marked(cursor)
        removal = Removal(applications, len(ids), rows)
        audit(store, actor, "erase", {"candidates": len(ids), "applications": applications,
                                      "rows": removal.total_rows}, cursor=cursor)
    store.rewrite()
    return removal


def retention_cutoff(months: int, now: datetime | None = None) -> pd.Timestamp:
    """The instant `months` calendar months before now: older applications are past retention."""
    if months < 1:
        raise ValueError(f"--months must be at least 1, not {months}")
    return pd.Timestamp(now or datetime.now(UTC)) - pd.DateOffset(months=months)


def expired_applications(store: Store, months: int, now: datetime | None = None) -> int:
    """How many applications a retention run would remove (a dry run)."""
    with store.cursor() as cursor:
        return _mark_expired(cursor, retention_cutoff(months, now))


def apply_retention(store: Store, months: int, actor: Principal, now: datetime | None = None) -> Removal:
    """Remove every application whose last event or survey answer is more than `months` months old,
    and the candidates of whom nothing else is left, then rewrite the file. An administrator's
    action (or the setting's, on start), written to the audit log with its counts."""
    require(actor, "retention")
    cutoff = retention_cutoff(months, now)
    with store.transaction() as cursor:
        applications = _mark_expired(cursor, cutoff)
        if applications:
            cursor.execute(f"CREATE OR REPLACE TEMP TABLE marked_candidates AS SELECT DISTINCT {CANDIDATE} "
                           "FROM marked_applications")
            rows = _remove_marked(cursor)
            candidates = cursor.execute("SELECT count(*) FROM marked_candidates").fetchone()[0]
        removal = Removal(applications, candidates, rows) if applications else Removal(0, 0, {})
        audit(store, actor, "retention", {"months": months, "applications": applications,
                                          "rows": removal.total_rows}, cursor=cursor)
    if applications:
        store.rewrite()
    return removal


def _tables(cursor: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every base table of the store with its column names."""
    rows = cursor.execute(
        """
        SELECT c.table_name, list(c.column_name)
        FROM duckdb_columns() AS c
        JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
        WHERE c.database_name = current_database() AND c.schema_name = 'main' AND NOT t.temporary
        GROUP BY c.table_name ORDER BY c.table_name
        """
    ).fetchall()
    return {table: set(columns) for table, columns in rows}


def _application_tables(tables: dict[str, set[str]]) -> list[str]:
    return [table for table, columns in tables.items() if {CANDIDATE, PROCESS} <= columns]


def _mark_candidates(cursor: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE marked_candidates AS SELECT unnest(?::VARCHAR[]) AS {CANDIDATE}",
                   [ids])


def _mark_applications(cursor: duckdb.DuckDBPyConnection, select: str, params: list | None = None) -> int:
    """`marked_applications` from `select`, which may read `every_application` (of every table)."""
    union = " UNION ALL ".join(f"SELECT {CANDIDATE}, {PROCESS} FROM {quote_identifier(table)}"
                               for table in _application_tables(_tables(cursor)))
    cursor.execute(f"CREATE OR REPLACE TEMP VIEW every_application AS {union}")
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE marked_applications AS {select}", params or [])
    return cursor.execute("SELECT count(*) FROM marked_applications").fetchone()[0]


def _mark_expired(cursor: duckdb.DuckDBPyConnection, cutoff: pd.Timestamp) -> int:
    """Mark the applications whose last event or survey answer lies before `cutoff`."""
    return _mark_applications(cursor, f"""
        WITH activity AS (
            SELECT {CANDIDATE}, {PROCESS}, occurred_at AS instant FROM events
            UNION ALL SELECT {CANDIDATE}, {PROCESS}, submitted_at FROM survey_responses
        )
        SELECT {CANDIDATE}, {PROCESS} FROM activity GROUP BY ALL HAVING max(instant) < ?
        """, [cutoff.to_pydatetime()])


def _held_rows(cursor: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """Row ids per table of everything about the marked candidates: their applications' rows, rows
    tied to those by an event or response key, and rows of tables that name the candidate alone."""
    tables = _tables(cursor)
    marked = f"SELECT {CANDIDATE} FROM marked_candidates"
    held: dict[str, list[int]] = {}
    keys = {key: cursor.execute(f"SELECT list({key}) FROM {owner} WHERE {CANDIDATE} IN ({marked})").fetchone()[0] or []
            for key, owner in ROW_KEYS.items()}
    for table, columns in tables.items():
        name = quote_identifier(table)
        if CANDIDATE in columns:
            condition = f"{CANDIDATE} IN ({marked})"
        elif key := next((key for key in ROW_KEYS if key in columns), None):
            condition = f"list_contains(${key}, {key})"
        else:
            continue
        params = {key: keys[key]} if CANDIDATE not in columns else {}
        held[table] = [row[0] for row in cursor.execute(f"SELECT rowid FROM {name} WHERE {condition}", params).fetchall()]
    return held


def _remove_marked(cursor: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Delete the marked applications from every table that holds application or row keys, and the
    marked candidates of whom no application is left from the tables that name a candidate alone."""
    tables = _tables(cursor)
    applications = _application_tables(tables)
    facts_current = facts_are_current(cursor)
    for key, owner in ROW_KEYS.items():
        cursor.execute(f"CREATE OR REPLACE TEMP TABLE marked_{key} AS SELECT o.{key} FROM {owner} AS o "
                       f"SEMI JOIN marked_applications AS m USING ({CANDIDATE}, {PROCESS})")
    removed: dict[str, int] = {}
    for table, columns in tables.items():
        name = quote_identifier(table)
        if table in applications:
            sql = (f"DELETE FROM {name} USING marked_applications AS m "
                   f"WHERE {name}.{CANDIDATE} = m.{CANDIDATE} AND {name}.{PROCESS} = m.{PROCESS}")
        elif key := next((key for key in ROW_KEYS if key in columns), None):
            sql = f"DELETE FROM {name} WHERE {key} IN (SELECT {key} FROM marked_{key})"
        else:
            continue
        removed[table] = cursor.execute(sql).fetchone()[0]
    still_held = " UNION ".join(f"SELECT {CANDIDATE} FROM {quote_identifier(table)}" for table in applications)
    cursor.execute(f"DELETE FROM marked_candidates WHERE {CANDIDATE} IN ({still_held})")
    for table, columns in tables.items():
        if CANDIDATE in columns and table not in applications:
            removed[table] = cursor.execute(
                f"DELETE FROM {quote_identifier(table)} WHERE {CANDIDATE} IN (SELECT {CANDIDATE} FROM marked_candidates)"
            ).fetchone()[0]
    # The stored facts are derived from the events: made again for the marked applications (which
    # have none left), and not reported as data removed.
    refresh_application_facts(cursor, "marked_applications" if facts_current else None)
    return {table: count for table, count in removed.items() if count and table not in DERIVED_TABLES}
