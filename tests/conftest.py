"""Shared fixtures: a store per test, caches cleared, and AppTest pointed at a temporary database."""

import ast
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.store import Store

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
EXAMPLES = (ROOT / "data" / "example-events.csv", ROOT / "data" / "example-survey-sv.csv")


def navigation_pages() -> list[str]:
    """The page scripts app.py routes to, in its order, the default page first."""
    pages = [call for call in ast.walk(ast.parse(APP.read_text(encoding="utf-8")))
             if isinstance(call, ast.Call) and getattr(call.func, "attr", None) == "Page"
             and isinstance(call.args[0], ast.Constant)]   # page files, not the sign-in page's function
    assert pages, "app.py should route with st.Page"
    default = [call for call in pages if any(keyword.arg == "default" for keyword in call.keywords)]
    return [call.args[0].value for call in default + [call for call in pages if call not in default]]


PAGES = navigation_pages()


def run_page(page: str, lang: str, **query: str) -> AppTest:
    """A page as a user reaches it: app.py with the language (and filters) in the link, then the page."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["lang"] = lang
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def store(tmp_path) -> Store:
    opened = Store(tmp_path / "radar.duckdb")
    yield opened
    opened.close()


@pytest.fixture
def app_db(tmp_path, monkeypatch) -> Path:
    """An empty database for AppTest, with the first-start demo switched off."""
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("RADAR_DB", str(path))
    monkeypatch.setenv("RADAR_DEMO", "0")
    return path


def seed_examples(db_path: Path) -> None:
    """Import data/'s example events and Swedish survey into the database an AppTest will open."""
    from analytics.ingest.importer import import_file

    seeded = Store(db_path)
    try:
        for example in EXAMPLES:
            report = import_file(seeded, example)
            assert report.ok, report.error_message()
    finally:
        seeded.close()


def seed_store(db_path: Path, csv_text: str, folder: Path) -> None:
    """Import one small canonical file into the database an AppTest will open."""
    from analytics.ingest.importer import import_file

    export = folder / "export.csv"
    export.write_text(csv_text, encoding="utf-8")
    seeded = Store(db_path)
    try:
        report = import_file(seeded, export)
        assert report.ok, report.error_message()
    finally:
        seeded.close()
