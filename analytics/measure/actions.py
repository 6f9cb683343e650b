"""The action list: whom to contact today, and why (the recruiter's own list, never a shared report).

Interviewees rejected without personal feedback (phone them), rejected candidates never told, and
open applications silent beyond the silence limit, from sql/risk_action_list.sql over the same
selected applications the brand-risk rules judge (analytics.measure.risk.risk_cursor). Candidates
who have waited longer than the action horizon (a setting) are a backlog, listed apart: a call
"today" after months of silence is the wrong advice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from analytics.i18n import t
from analytics.measure.metrics import NO_FILTERS, Filters, KeptFacts
from analytics.measure.risk import risk_cursor
from analytics.settings import Settings
from analytics.store import Store, read_sql

ACTION_CONTACT = {"feedback_call": "phone", "outcome_not_told": "email", "silent_open": "email_or_phone"}
# In the order a recruiter reads a call list: who, how long, why, how, where.
ACTION_COLUMNS = (
    "candidate_id", "days_waiting", "waiting_since", "reason", "contact", "process_name", "recruiter",
    "process_id",
)


@dataclass(frozen=True)
class TodaysActions:
    """What the Brand risk page keeps of an action list: today's part, and how many candidates each
    process, recruiter and part holds (the backlog itself is read when someone opens it)."""

    today: pd.DataFrame  # action_list(backlog=False)
    counts: pd.DataFrame  # process_id, process_name, recruiter, backlog, candidates

    def total(self, backlog: bool) -> int:
        return int(self.counts.loc[self.counts["backlog"] == backlog, "candidates"].sum())


def _listed(cursor, settings: Settings, backlog: bool | None) -> pd.DataFrame:
    actions = cursor.execute(read_sql("measure/sql/risk_action_list.sql"),
                             {"timezone": settings.timezone, "backlog": backlog}).df()
    actions["contact"] = actions["reason"].map(ACTION_CONTACT)
    actions["waiting_since"] = pd.to_datetime(actions["waiting_since"]).dt.date
    return actions[[*ACTION_COLUMNS, "backlog"]]


def action_list(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS,
                facts: pd.DataFrame | KeptFacts | None = None, *, backlog: bool | None = None) -> pd.DataFrame:
    """Whom to contact (ACTION_COLUMNS and backlog): interviewees rejected without
    personal feedback (phone them), rejected candidates never told and open applications silent beyond
    the silence limit. backlog: only those waiting longer than the action horizon (True), only the
    others (False), or both (None).

    candidate_id is the id in the source system, so a recruiter can find the candidate there: the
    list is the recruiter's own, never a shared report.
    """
    settings = settings or store.settings()
    with risk_cursor(store, settings, filters, facts) as cursor:
        return _listed(cursor, settings, backlog)


def todays_actions(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS) -> TodaysActions:
    """Today's action list and the counts of the whole list, from one pass over the facts."""
    settings = settings or store.settings()
    with risk_cursor(store, settings, filters, None) as cursor:
        counts = cursor.execute(
            "SELECT process_id, any_value(process_name) AS process_name, recruiter, backlog, count(*) AS candidates "
            f"FROM ({read_sql('measure/sql/risk_action_list.sql')}) GROUP BY process_id, recruiter, backlog "
            "ORDER BY process_id, recruiter, backlog",
            {"timezone": settings.timezone, "backlog": None},
        ).df()
        return TodaysActions(_listed(cursor, settings, False), counts)


def action_table(actions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The action list as people read it, for the page and the downloads: labelled columns, words for keys."""
    table = actions[list(ACTION_COLUMNS)].assign(
        reason=actions["reason"].map(lambda key: t(f"risk.reason.{key}", lang)),
        contact=actions["contact"].map(lambda key: t(f"risk.contact.{key}", lang)),
    )
    return table.rename(columns={column: t(f"risk.col.{column}", lang) for column in ACTION_COLUMNS})


def action_recruiters(actions: pd.DataFrame) -> list[str]:
    """The recruiters who have someone on the action list (the list or its counts), for its recruiter filter."""
    return sorted(actions["recruiter"].dropna().unique())


def action_processes(actions: pd.DataFrame) -> dict[str, str]:
    """process_id → name of the processes with someone on the action list (the list or its counts), by
    name, for its process filter."""
    listed = actions[["process_id", "process_name"]].drop_duplicates("process_id")
    listed = listed.assign(_name=listed["process_name"].fillna(listed["process_id"])).sort_values(["_name", "process_id"])
    return dict(zip(listed["process_id"], listed["_name"], strict=True))


def with_process(filters: Filters, process_id: str | None) -> Filters:
    """The filters narrowed to one process (the action list's own filter); None keeps them."""
    return filters if process_id is None else replace(filters, processes=(process_id,))


def with_recruiter(filters: Filters, recruiter: str | None) -> Filters:
    """The filters narrowed to one recruiter (the action list's own filter); None keeps them."""
    return filters if recruiter is None else replace(filters, recruiters=(recruiter,))
