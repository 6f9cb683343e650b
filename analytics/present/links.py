"""Filters in a URL's query parameters, so a copied link opens the same view for another user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from analytics.measure.metrics import Filters

FILTER_PARAMETERS = ("from", "to", "process", "department", "recruiter")


def filters_to_query(filters: Filters) -> dict[str, list[str]]:
    """Query parameters for the filters that are set; repeated keys hold several choices."""
    query: dict[str, list[str]] = {}
    if filters.date_from:
        query["from"] = [filters.date_from.isoformat()]
    if filters.date_to:
        query["to"] = [filters.date_to.isoformat()]
    for name, values in (("process", filters.processes), ("department", filters.departments),
                         ("recruiter", filters.recruiters)):
        if values:
            query[name] = list(values)
    return query


def filters_from_query(query: Mapping[str, Sequence[str]]) -> Filters:
    """Filters from query parameters; a malformed date is ignored rather than breaking the page."""
    def day(name: str) -> date | None:
        values = query.get(name) or []
        try:
            return date.fromisoformat(values[0]) if values else None
        except ValueError:
            return None

    return Filters(
        date_from=day("from"),
        date_to=day("to"),
        processes=tuple(query.get("process") or ()),
        departments=tuple(query.get("department") or ()),
        recruiters=tuple(query.get("recruiter") or ()),
    )

# The Brand risk page's action list narrowed to one process (?actions_process=REQ-1063): the link from
# a process's ghosted list, whose pseudonyms a recruiter cannot call, to the ids they can.
ACTIONS_PROCESS_PARAMETER = "actions_process"
