"""What the store holds and what the shared filters offer (analytics/measure/inventory.py).

Both are read from the stored per-application facts, no longer from the events; a small canonical
file in UTC, worked by hand, and the events-based reading they replaced, which must agree with them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from analytics.ingest.importer import import_bytes
from analytics.measure.inventory import filter_options, store_inventory

HEADER = "candidate_id,process_id,event_type,occurred_at,process_name,department,recruiter,channel\n"
EVENTS = HEADER + (
    # p1: two applications, five events; named and placed by its first events
    "c1,p1,application_received,2026-03-02T09:00:00Z,Nurse,Care,Karin,portal\n"
    "c1,p1,acknowledgement_sent,2026-03-02T10:00:00Z,,,,email\n"
    "c2,p1,application_received,2026-03-03T09:00:00Z,Nurse Örebro,Health,Olle,portal\n"
    "c2,p1,rejected,2026-03-04T09:00:00Z,,,,\n"
    "c2,p1,rejection_sent,2026-03-05T09:00:00Z,,,,email\n"
    # p2: one application, its name and department only on its second event
    "c1,p2,application_received,2026-03-01T08:00:00Z,,,,portal\n"
    "c1,p2,status_update_sent,2026-03-09T08:00:00Z,Chef,Kitchen,Olle,email\n"
)

# The events-based reading the facts replaced (the Overview's table before issue 14).
EVENTS_PER_PROCESS = """
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


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_the_inventory_from_the_facts_worked_by_hand_and_as_the_events_give_it(store):
    assert import_bytes(store, EVENTS.encode(), "events.csv").ok
    held = store_inventory(store)
    assert (held.applications, held.events, held.processes, held.survey_answers) == (3, 7, 2, 0)
    assert (held.first_event, held.last_event) == (utc(2026, 3, 1, 8), utc(2026, 3, 9, 8))
    rows = [tuple(row) for row in held.per_process.itertuples(index=False)]
    assert rows == [
        ("p1", "Nurse", "Care", 2, 5, utc(2026, 3, 2, 9), utc(2026, 3, 5, 9)),
        ("p2", "Chef", "Kitchen", 1, 2, utc(2026, 3, 1, 8), utc(2026, 3, 9, 8)),
    ]
    assert held.per_process.equals(store.query(EVENTS_PER_PROCESS))
    assert (held.applications, held.processes, held.first_event, held.last_event) == store.fetchall(
        "SELECT count(DISTINCT (candidate_id, process_id)), count(DISTINCT process_id), min(occurred_at), "
        "max(occurred_at) FROM events")[0]


def test_the_filter_choices_are_the_applications_own(store):
    assert import_bytes(store, EVENTS.encode(), "events.csv").ok
    options = filter_options(store)
    assert options.processes == {"p2": "Chef (p2)", "p1": "Nurse (p1)"}   # by name
    # Each application's department and recruiter are its first ones: what the filters select on.
    assert options.departments == ("Care", "Health", "Kitchen")
    assert options.recruiters == ("Karin", "Olle")
    assert (options.first_day, options.last_day) == (utc(2026, 3, 1, 8), utc(2026, 3, 9, 8))
    # Karin is named only in p1: her choices are p1's.
    karin = filter_options(store, "Karin")
    assert (list(karin.processes), karin.departments, karin.recruiters) == (["p1"], ("Care", "Health"), ("Karin", "Olle"))
    assert (karin.first_day, karin.last_day) == (options.first_day, options.last_day)   # everyone's "as of"


def test_an_empty_store_holds_nothing(store):
    held = store_inventory(store)
    assert held.is_empty and held.per_process.empty and held.first_event is None
    assert filter_options(store).processes == {}
