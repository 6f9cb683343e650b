"""The Data page's administrators' section (AppTest): find a candidate, download what is held, erase
only after the confirmation; retention applied when the app starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.store import Store
from tests.conftest import run_page
from tests.test_erasure import EVENTS, SURVEYS

DATA = "content/data.py"


def seed(db_path: Path, folder: Path) -> None:
    from analytics.ingest.importer import import_bytes

    store = Store(db_path)
    try:
        assert import_bytes(store, EVENTS.encode(), "events.csv").ok
        assert import_bytes(store, SURVEYS.encode(), "surveys.csv").ok
    finally:
        store.close()


def held(db_path: Path, candidate: str) -> int:
    store = Store(db_path)
    try:
        return store.scalar("SELECT count(*) FROM events WHERE candidate_id = ?", [candidate])
    finally:
        store.close()


@pytest.mark.parametrize(("lang", "found", "erased"), [
    ("en", "2 application(s) held", "was erased: 2 application(s), 9 rows"),
    ("sv", "2 ansökning(ar) sparade", "raderades: 2 ansökning(ar), 9 rader"),
])
def test_erasure_needs_the_confirmation_and_removes_the_candidate(app_db, tmp_path, lang, found, erased):
    seed(app_db, tmp_path)
    at = run_page(DATA, lang)
    at.text_input(key="rights_given").input("C-ZORVATH-1").run()
    assert any(found in m.value for m in at.markdown)
    assert at.button(key="rights_erase").disabled   # not without the confirmation
    at.checkbox(key="rights_confirm").check().run()
    assert not at.button(key="rights_erase").disabled
    at.button(key="rights_erase").click().run()
    assert not at.exception
    assert any(erased in s.value for s in at.success)
    assert at.text_input(key="rights_given").value == ""
    assert held(app_db, "C-ZORVATH-1") == 0 and held(app_db, "C-2") == 2
    assert b"C-ZORVATH-1" not in app_db.read_bytes()


def test_an_email_address_finds_the_candidate_and_an_unknown_one_finds_nothing(app_db, tmp_path):
    seed(app_db, tmp_path)
    at = run_page(DATA, "en")
    at.radio(key="rights_find_by").set_value("email").run()
    at.text_input(key="rights_given").input("nobody@example.se").run()
    assert any("Nothing is held about nobody" in i.value for i in at.info)
    at.text_input(key="rights_given").input("bo.ek@example.se").run()
    assert any("1 application(s) held" in m.value for m in at.markdown)
    assert at.get("download_button")   # the access export is offered


def test_retention_runs_when_the_app_starts(app_db, tmp_path):
    seed(app_db, tmp_path)
    store = Store(app_db)
    store.save_settings(retention_months=1)   # every seeded application is older than a month
    store.close()
    at = run_page("content/overview.py", "en")
    assert not at.exception
    assert held(app_db, "C-ZORVATH-1") == 0 and held(app_db, "C-2") == 0
    at.switch_page(DATA).run()
    assert any("Retention period 1 months: 0 application(s)" in c.value for c in at.caption)
