"""What the store holds: counts, processes and the choices the shared filters offer."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.store import Store

PER_PROCESS_SQL = """
SELECT process_id,
       arg_min(process_name, occurred_at) FILTER (WHERE process_name IS NOT NULL) AS process_name,
       arg_min(department, occurred_at) FILTER (WHERE department IS NOT NULL) AS department,
       count(DISTINCT candidate_id) AS applications,
       count(*) AS events,
       min(occurred_at) AS first_event,
       max(occurred_at) AS last_event
FROM events
GROUP BY process_id
ORDER BY applications DESC, process_id
"""


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
    applications, events, processes, first, last = store.fetchall(
        "SELECT count(DISTINCT (candidate_id, process_id)), count(*), count(DISTINCT process_id), "
        "min(occurred_at), max(occurred_at) FROM events"
    )[0]
    last_import = store.query(
        "SELECT file_name, rows_stored, imported_at FROM imports ORDER BY import_id DESC LIMIT 1"
    ).to_dict("records")
    return Inventory(
        applications=applications,
        events=events,
        processes=processes,
        survey_answers=store.scalar("SELECT count(*) FROM survey_responses"),
        first_event=first,
        last_event=last,
        last_import=last_import[0] if last_import else None,
        per_process=store.query(PER_PROCESS_SQL),
    )


@dataclass(frozen=True)
class FilterOptions:
    processes: dict[str, str]        # process_id -> "name (id)" label
    departments: tuple[str, ...]
    recruiters: tuple[str, ...]
    first_day: pd.Timestamp | None   # the range of event times, for the date filter
    last_day: pd.Timestamp | None


def filter_options(store: Store, scope_recruiter: str | None = None) -> FilterOptions:
    """What the shared filters can choose from; for a recruiter (scope_recruiter), only from the
    processes where an event names them, as every read of theirs is limited (Filters.scope_recruiter).
    The date range is the whole data's, so a recruiter's "as of" and windows are everyone's."""
    scoped = "process_id IN (SELECT process_id FROM events WHERE recruiter = $scope)" if scope_recruiter is not None \
        else "$scope IS NULL"
    params = {"scope": scope_recruiter}
    processes = store.query(
        "SELECT process_id, arg_min(process_name, occurred_at) FILTER (WHERE process_name IS NOT NULL) AS name "
        f"FROM events WHERE {scoped} GROUP BY process_id ORDER BY coalesce(name, process_id)", params
    )
    # The range of all events, also for a recruiter: "as of" is the data's latest event, the same for everyone.
    first, last = store.fetchall("SELECT min(occurred_at), max(occurred_at) FROM events")[0]
    return FilterOptions(
        processes={row.process_id: f"{row.name} ({row.process_id})" if isinstance(row.name, str) else row.process_id
                   for row in processes.itertuples()},
        departments=tuple(r[0] for r in store.fetchall(
            f"SELECT DISTINCT department FROM events WHERE department IS NOT NULL AND {scoped} ORDER BY 1", params)),
        recruiters=tuple(r[0] for r in store.fetchall(
            f"SELECT DISTINCT recruiter FROM events WHERE recruiter IS NOT NULL AND {scoped} ORDER BY 1", params)),
        first_day=first,
        last_day=last,
    )
