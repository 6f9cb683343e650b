"""Per-application facts kept in the store (table application_facts, migration 008).

Deriving them from millions of events took longer than every metric together, on every start and
after every import. So whatever writes events (an import, undo, erasure, retention) recomputes, in
its own transaction, the facts of the applications it touched: `refresh_application_facts`. The
facts hold nothing that depends on "as of" or on a setting; measure/sql/application_facts.sql adds
that when it reads them. A store whose events were written by other means (an older version, a
test, a benchmark) is noticed by the fingerprint of its events, and its facts are made again once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import duckdb

from analytics.store import Store, read_sql
from analytics.vocabulary import quote_identifier

STORED_FACTS_SQL = "ingest/sql/stored_application_facts.sql"
# Tables made from the events, not data of their own: erasure removes their rows without counting them.
DERIVED_TABLES = frozenset({"application_facts"})
FINGERPRINT_SQL = "SELECT count(*) AS events, coalesce(bit_xor(event_key), 0) AS events_xor FROM events"


def refresh_application_facts(
    con: duckdb.DuckDBPyConnection, applications: Iterable[tuple[str, str]] | str | None = None,
) -> None:
    """Recompute the stored facts of these applications from their events, or of every application.

    applications: (candidate_id, process_id) pairs; or the name of a table on `con` with those two
    columns (the importer's own temporary tables, never text from outside); or None for all. An
    application without events any more loses its facts. Call it on the connection and in the
    transaction that changed the events, after the change.
    """
    if applications is None:
        # Made, then written in applied_at order, in two statements: in one, the aggregation's memory
        # and the sort's were held at once, which spilled (a million applications: 3.5 s -> 2.8 s).
        con.execute("DELETE FROM application_facts")
        _make_fresh_facts(con, "SELECT * FROM events")
        con.execute("INSERT INTO application_facts BY NAME SELECT * FROM fresh_facts ORDER BY applied_at")
        con.execute("DROP TABLE fresh_facts")
    else:
        if isinstance(applications, str):
            con.execute(f"CREATE OR REPLACE TEMP TABLE refresh_applications AS "
                        f"SELECT DISTINCT candidate_id, process_id FROM {quote_identifier(applications)}")
        else:
            pairs = list(applications)
            con.execute(
                "CREATE OR REPLACE TEMP TABLE refresh_applications AS "
                "SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS candidate_id, unnest(CAST(? AS VARCHAR[])) AS process_id",
                [[candidate for candidate, _ in pairs], [process for _, process in pairs]],
            )
        _replace_facts(con)
        con.execute("DROP TABLE refresh_applications")
    con.execute("DELETE FROM application_facts_state")
    con.execute("INSERT INTO application_facts_state " + FINGERPRINT_SQL)


def _replace_facts(con: duckdb.DuckDBPyConnection) -> None:
    """The facts of `refresh_applications` made again from their events, changed where they stand.

    An application's row is updated in place, not deleted and inserted: DuckDB's checkpoint rewrites
    every row group that lost rows, which for a week's import (the facts of 84k of 1M applications,
    spread over every row group) was most of the import's time. Rows are written in applied_at order,
    so the applications new events touch, mostly recent ones, share few row groups: the checkpoint
    rewrites those only (a week's import into 1M applications: update and commit 0.5 s -> 0.25 s).
    New applications are inserted; an application without events any more (undo, erasure,
    retention) is deleted.
    """
    _make_fresh_facts(con, "SELECT * FROM events SEMI JOIN refresh_applications USING (candidate_id, process_id)")
    con.execute("DELETE FROM application_facts AS f USING (SELECT * FROM refresh_applications "
                "ANTI JOIN fresh_facts USING (candidate_id, process_id)) AS gone "
                "WHERE f.candidate_id = gone.candidate_id AND f.process_id = gone.process_id")
    columns = [row[0] for row in con.execute("DESCRIBE fresh_facts").fetchall()
               if row[0] not in ("candidate_id", "process_id")]
    con.execute(f"UPDATE application_facts AS f SET {', '.join(f'{c} = n.{c}' for c in map(quote_identifier, columns))} "
                "FROM fresh_facts AS n WHERE f.candidate_id = n.candidate_id AND f.process_id = n.process_id")
    con.execute("INSERT INTO application_facts BY NAME "
                "SELECT * FROM fresh_facts ANTI JOIN application_facts USING (candidate_id, process_id) ORDER BY applied_at")
    con.execute("DROP TABLE fresh_facts")


def _make_fresh_facts(con: duckdb.DuckDBPyConnection, events: str) -> None:
    """`fresh_facts`: the facts of the events `events` selects (this module's own SQL, never outside text)."""
    con.execute(f"CREATE OR REPLACE TEMP VIEW fact_events AS {events}")
    con.execute("CREATE OR REPLACE TEMP TABLE fresh_facts AS " + read_sql(STORED_FACTS_SQL))
    con.execute("DROP VIEW fact_events")


def facts_are_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the stored facts were made from exactly the events in the store."""
    return con.execute(
        f"SELECT EXISTS (SELECT * FROM ({FINGERPRINT_SQL}) JOIN application_facts_state USING (events, events_xor))"
    ).fetchall()[0][0]


def ensure_application_facts(store: Store) -> bool:
    """Make the stored facts current if they are not (once, for a store written by other means);
    True when they were made. A read-only store is left as it is."""
    with store.cursor() as cursor:
        if facts_are_current(cursor) or _read_only(cursor):
            return False
    with store.transaction() as cursor:
        if facts_are_current(cursor):   # another thread made them meanwhile
            return False
        refresh_application_facts(cursor)
    return True


def use_stored_facts(store: Store, cursor: duckdb.DuckDBPyConnection, as_of: datetime | None) -> None:
    """Name the facts of the events known at as_of `stored_facts` on this cursor.

    They are the stored table, made current first, unless as_of lies before the latest event (the
    table describes the store as it is) or the store is read-only and its facts are stale: then they
    are made from the events known at as_of, for this cursor only.
    """
    current = facts_are_current(cursor)
    if not current:   # checked first on this cursor: ensuring checks on one of its own, 8 ms at 7.7M events
        ensure_application_facts(store)
        current = facts_are_current(cursor)
    if current:
        latest = cursor.execute("SELECT max(last_event_at) FROM application_facts").fetchall()[0][0]
        if as_of is None or latest is None or as_of >= latest:
            database = cursor.execute("SELECT current_database()").fetchall()[0][0]
            # Qualified by the database: a page may name its own facts frame application_facts.
            cursor.execute(f"CREATE OR REPLACE TEMP VIEW stored_facts AS "
                           f"SELECT * FROM {quote_identifier(database)}.main.application_facts")
            return
    known = "SELECT * FROM events" + (" WHERE occurred_at <= $as_of" if as_of is not None else "")
    cursor.register("fact_events", cursor.sql(known, params={"as_of": as_of} if as_of is not None else None))
    cursor.register("stored_facts", cursor.sql(read_sql(STORED_FACTS_SQL)))


def _read_only(cursor: duckdb.DuckDBPyConnection) -> bool:
    return cursor.execute("SELECT current_setting('access_mode')").fetchall()[0][0] == "read_only"
