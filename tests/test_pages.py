"""Every page runs without an exception in both languages, on an empty store and on imported data."""

import pytest
from streamlit.testing.v1 import AppTest

from analytics.store import Store
from tests.conftest import APP, seed_store

PAGES = ["content/overview.py", "content/data.py", "content/settings.py"]

SMALL_EXPORT = (
    "candidate_id,process_id,event_type,occurred_at,process_name,department,recruiter,channel\n"
    "C1,P1,application_received,2026-03-02T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
    "C1,P1,acknowledgement_sent,2026-03-02T10:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,email\n"
    "C2,P1,application_received,2026-03-03T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
)


def run_page(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_an_empty_store(app_db, page, lang):
    run_page(page, lang)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_imported_data(app_db, tmp_path, page, lang):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    run_page(page, lang)


def test_overview_counts_what_was_imported(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/overview.py", "en")
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Applications"] == "2"
    assert values["Events"] == "3"


def test_swedish_titles_follow_the_language_in_the_link(app_db):
    at = run_page("content/data.py", "sv")
    assert at.title[0].value == "Data: importera och ångra"


def test_upload_on_the_data_page_imports_and_reports(app_db):
    at = run_page("content/data.py", "en")
    at.file_uploader(key="uploads").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    assert "3 new rows stored" in at.success[0].value
    assert at.dataframe[0].value["file_name"].tolist() == ["export.csv"]


def test_undo_on_the_data_page_removes_the_import(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/data.py", "en")
    at.button(key="undo_button").click().run()
    assert "3 events and 0 survey answers removed" in at.success[0].value
    assert Store(app_db).scalar("SELECT count(*) FROM events") == 0
