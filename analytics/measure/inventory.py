"""What the store holds: counts, processes and the choices the shared filters offer.

Read from the per-application facts the store keeps (analytics/ingest/facts.py), one row per
application, rather than from the events, which are about seven times as many; only the counts of
events and each process's department (its first in time order, which the facts do not keep per
process) come from the events.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.ingest.facts import use_stored_facts
from analytics.store import Store

# A process's name is its applications' first non-empty one in time order (process_name_order, as the
# metrics name it); its department the first non-empty one of its events.
PER_PROCESS_SQL = """
WITH applications AS (
    SELECT process_id,
           arg_min(process_name, process_name_order) FILTER (WHERE process_name IS NOT NULL) AS process_name,
           count(*) AS applications,
           min(first_event_at) AS first_event,
           max(last_event_at) AS last_event
    FROM stored_facts
    GROUP BY process_id
),
events_per_process AS (
    SELECT process_id,
           arg_min(department, occurred_at) FILTER (WHERE department IS NOT NULL) AS department,
           count(*) AS events
    FROM events
    GROUP BY process_id
)
SELECT process_id, process_name, department, applications, events, first_event, last_event
FROM applications
JOIN events_per_process USING (process_id)
ORDER BY applications DESC, process_id
"""


@contextmanager
def _facts(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection where `stored_facts` names the facts of every application, made current first."""
    with store.cursor() as cursor:
        use_stored_facts(store, cursor, None)
        yield cursor


@dataclass(frozen=True)
class Inventory:
    applications: int
    events: int
    processes: int
    survey_answers: int
    first_event: pd.Timestamp | None
    last_event: pd.Timestamp | None
    last_import: dict | None
    per_process: pd.DataFrame

    @property
    def is_empty(self) -> bool:
        return self.events == 0 and self.survey_answers == 0


def store_inventory(store: Store) -> Inventory:
    with _facts(store) as cursor:
        applications, processes, first, last = cursor.execute(
            "SELECT count(*), count(DISTINCT process_id), min(first_event_at), max(last_event_at) FROM stored_facts"
        ).fetchall()[0]
        per_process = cursor.execute(PER_PROCESS_SQL).df()
    last_import = store.query(
        "SELECT file_name, rows_stored, imported_at FROM imports ORDER BY import_id DESC LIMIT 1"
    ).to_dict("records")
    return Inventory(
        applications=applications,
        events=store.scalar("SELECT count(*) FROM events"),
        processes=processes,
        survey_answers=store.scalar("SELECT count(*) FROM survey_responses"),
        first_event=first,
        last_event=last,
        last_import=last_import[0] if last_import else None,
        per_process=per_process,
    )


@dataclass(frozen=True)
class FilterOptions:
    processes: dict[str, str]        # process_id -> "name (id)" label
    departments: tuple[str, ...]
    recruiters: tuple[str, ...]
    first_day: pd.Timestamp | None   # the range of event times, for the date filter
    last_day: pd.Timestamp | None


def filter_options(store: Store, scope_recruiter: str | None = None) -> FilterOptions:
    """What the shared filters can choose from: the processes, and the departments and recruiters the
    applications carry (those the filters select on, Filters); for a recruiter (scope_recruiter), only
    from the processes where an event names them, as every read of theirs is limited
    (Filters.scope_recruiter). The date range is the whole data's, so a recruiter's "as of" and
    windows are everyone's."""
    scoped = "process_id IN (SELECT process_id FROM events WHERE recruiter = $scope)" if scope_recruiter is not None \
        else "$scope IS NULL"
    params = {"scope": scope_recruiter}
    with _facts(store) as cursor:
        processes = cursor.execute(
            "SELECT process_id, arg_min(process_name, process_name_order) FILTER (WHERE process_name IS NOT NULL) AS name "
            f"FROM stored_facts WHERE {scoped} GROUP BY process_id ORDER BY coalesce(name, process_id)", params
        ).fetchall()
        # The range of all events, also for a recruiter: "as of" is the data's latest event, the same for everyone.
        first, last = cursor.execute("SELECT min(first_event_at), max(last_event_at) FROM stored_facts").fetchall()[0]
        departments, recruiters = (tuple(row[0] for row in cursor.execute(
            f"SELECT DISTINCT {column} FROM stored_facts WHERE {column} IS NOT NULL AND {scoped} ORDER BY 1", params
        ).fetchall()) for column in ("department", "recruiter"))
    return FilterOptions(
        processes={process_id: f"{name} ({process_id})" if isinstance(name, str) else process_id
                   for process_id, name in processes},
        departments=departments,
        recruiters=recruiters,
        first_day=first,
        last_day=last,
    )
