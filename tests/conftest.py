"""Shared fixtures: a store per test, caches cleared, and AppTest pointed at a temporary database."""

from pathlib import Path

import pytest
import streamlit as st

from analytics.store import Store

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"


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
