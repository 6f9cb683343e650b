"""Filters travel in the URL: a copied link opens the same view."""

from datetime import date

from streamlit.testing.v1 import AppTest

from analytics.measure.metrics import Filters
from analytics.present.links import filters_from_query, filters_to_query
from tests.conftest import APP, seed_store

EXPORT = (
    "candidate_id,process_id,event_type,occurred_at,process_name,department,recruiter\n"
    "C1,P1,application_received,2026-03-02T09:00:00+01:00,Sjuksköterska,Vård,Karin\n"
    "C2,P2,application_received,2026-03-03T09:00:00+01:00,Utvecklare,IT,Johan\n"
)


def test_filters_round_trip_through_query_parameters():
    filters = Filters(date(2026, 1, 1), date(2026, 3, 31), ("P1", "P2"), ("Vård",), ("Karin",))
    query = filters_to_query(filters)
    assert query == {"from": ["2026-01-01"], "to": ["2026-03-31"], "process": ["P1", "P2"],
                     "department": ["Vård"], "recruiter": ["Karin"]}
    assert filters_from_query(query) == filters


def test_a_malformed_date_in_a_link_is_ignored():
    assert filters_from_query({"from": ["yesterday"], "department": ["IT"]}) == Filters(departments=("IT",))


def test_a_link_with_query_parameters_restores_the_filters(app_db, tmp_path):
    seed_store(app_db, EXPORT, tmp_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["department"] = "IT"
    at.query_params["from"] = "2026-03-01"
    at.query_params["to"] = "2026-03-31"
    at.query_params["process"] = "unknown-process"
    at.run()
    assert not at.exception
    assert at.session_state["f_department"] == ["IT"]
    assert at.session_state["f_dates"] == (date(2026, 3, 1), date(2026, 3, 31))
    assert at.session_state["f_process"] == []          # a process not in the store is dropped
    assert at.multiselect(key="w_department").value == ["IT"]


def test_a_link_with_only_an_end_date_keeps_it_as_the_end(app_db, tmp_path):
    seed_store(app_db, EXPORT, tmp_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["to"] = "2026-03-02"
    at.run()
    assert not at.exception
    # the first event is 2026-03-02 09:00 in Stockholm, so the range starts that day
    assert at.session_state["f_dates"] == (date(2026, 3, 2), date(2026, 3, 2))
