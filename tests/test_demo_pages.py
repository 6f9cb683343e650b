"""The app on the demo and on real data (AppTest): the demo is labelled on every page while it is
shown, the first import moves the app to the user's own data, and a switch returns to the demo."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.i18n import t
from analytics.ingest.data_source import build_demo_store, demo_db_path
from analytics.ingest.demo import DEMO_PROCESSES
from analytics.store import Store
from tests.conftest import PAGES, run_page, seed_store
from tests.test_pages import SMALL_EXPORT

DEMO_BADGE = ":orange-badge[:material/science: {label}]"


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> Path:
    return build_demo_store(tmp_path_factory.mktemp("demo") / "built.demo.duckdb")


@pytest.fixture
def demo_on(app_db, built_demo, monkeypatch) -> Path:
    """The app's real store (still empty) with the demo store already built beside it."""
    monkeypatch.setenv("RADAR_DEMO", "1")
    target = demo_db_path(app_db)
    shutil.copy(built_demo, target)
    shutil.copy(built_demo.with_name(built_demo.name + ".key"), target.with_name(target.name + ".key"))
    return app_db


def demo_labels(at: AppTest, lang: str) -> tuple[bool, bool]:
    """Whether the "Demo data" label is above the page and in the sidebar."""
    badge = DEMO_BADGE.format(label=t("demo.label", lang))
    return (any(m.value == badge for m in at.main.markdown), any(m.value == badge for m in at.sidebar.markdown))


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_an_empty_real_store_shows_the_labelled_demo_on_every_page(demo_on, page, lang):
    at = run_page(page, lang)
    assert demo_labels(at, lang) == (True, True)
    assert t("demo.caption_first", lang) in captions(at)
    assert not at.toggle            # nothing to switch to yet
    assert Store(demo_on).is_empty()


def test_the_demo_label_reads_demodata_in_swedish(demo_on):
    assert t("demo.label", "sv") == "Demodata" and t("demo.toggle", "sv") == "Visa demodata"


def shows_a_demo_process(at: AppTest) -> bool:
    markdown = " ".join(m.value for m in at.markdown)
    return any(f"**{process.name}**" in markdown for process in DEMO_PROCESSES)


def test_the_overview_shows_the_demos_processes(demo_on):
    at = run_page(PAGES[0], "en")
    assert shows_a_demo_process(at)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_real_data_is_shown_unlabelled_with_a_switch_back_to_the_demo(demo_on, tmp_path, page, lang):
    seed_store(demo_on, SMALL_EXPORT, tmp_path)
    at = run_page(page, lang)
    assert demo_labels(at, lang) == (False, False)
    assert [toggle.label for toggle in at.toggle] == [t("demo.toggle", lang)]
    assert at.toggle[0].value is False


def test_the_switch_shows_the_demo_and_puts_it_in_the_link(demo_on, tmp_path):
    seed_store(demo_on, SMALL_EXPORT, tmp_path)
    at = run_page(PAGES[0], "en")
    assert {m.label: m.value for m in at.metric}["Applications"] == "2"     # the two real applications
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert demo_labels(at, "en") == (True, True)
    assert t("demo.caption_chosen", "en") in captions(at)
    assert at.query_params["data"] == "demo"
    assert shows_a_demo_process(at)

    at.toggle[0].set_value(False).run()
    assert demo_labels(at, "en") == (False, False) and "data" not in at.query_params
    assert {m.label: m.value for m in at.metric}["Applications"] == "2"


def test_a_link_with_data_demo_opens_on_the_demo_beside_real_data(demo_on, tmp_path):
    seed_store(demo_on, SMALL_EXPORT, tmp_path)
    at = run_page(PAGES[0], "en", data="demo")
    assert demo_labels(at, "en") == (True, True)
    assert at.toggle[0].value is True


def test_a_filter_on_the_demo_is_forgotten_on_the_switch_to_real_data(demo_on, tmp_path):
    seed_store(demo_on, SMALL_EXPORT, tmp_path)
    at = run_page(PAGES[0], "en", data="demo")
    at.multiselect(key="w_process").set_value(["REQ-1063"]).run()
    assert at.query_params["process"] in ("REQ-1063", ["REQ-1063"])
    at.toggle[0].set_value(False).run()
    assert not at.exception, at.exception
    assert at.multiselect(key="w_process").value == [] and "process" not in at.query_params


def test_the_first_import_on_the_demo_moves_the_app_to_the_real_data(demo_on, built_demo):
    at = run_page("content/data.py", "en")
    assert [box.value for box in at.info] == [t("data.on_demo", "en")]
    at.file_uploader(key="uploads").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    assert demo_labels(at, "en") == (False, False)
    successes = [box.value for box in at.success]
    assert successes[0] == t("demo.moved", "en")     # how to return to the demo
    assert "3 rows read, 3 stored" in successes[1]
    assert [toggle.label for toggle in at.toggle] == [t("demo.toggle", "en")]
    assert not at.info                                # no longer on the demo
    # The import went to the real store; the demo store is as it was built.
    assert Store(demo_on).scalar("SELECT count(*) FROM events") == 3
    demo_events = Store(built_demo).scalar("SELECT count(*) FROM events")
    assert Store(demo_db_path(demo_on)).scalar("SELECT count(*) FROM events") == demo_events

    at.switch_page(PAGES[0]).run()
    assert {m.label: m.value for m in at.metric}["Applications"] == "2"
    assert t("demo.moved", "en") not in [box.value for box in at.success]   # said once


def test_settings_saved_on_the_demo_apply_to_both_data_sets(demo_on):
    at = run_page("content/settings.py", "en")
    at.number_input(key="setting_ack_sla_hours").set_value(24)
    next(button for button in at.button if button.label == t("settings.save", "en")).click().run()
    assert not at.exception, at.exception
    assert Store(demo_on).settings().ack_sla_hours == 24
    assert Store(demo_db_path(demo_on)).settings().ack_sla_hours == 24
    assert any(t("settings.everywhere", "en") in caption for caption in captions(at))


def test_without_the_demo_an_empty_store_says_where_to_import(app_db):
    at = run_page(PAGES[0], "en")
    assert demo_labels(at, "en") == (False, False) and not at.toggle
    assert [box.value for box in at.info] == [t("store.empty", "en")]
    assert not demo_db_path(app_db).exists()


def test_undoing_the_only_import_returns_to_the_labelled_demo(demo_on, tmp_path):
    seed_store(demo_on, SMALL_EXPORT, tmp_path)
    at = run_page("content/data.py", "sv")
    assert demo_labels(at, "sv") == (False, False)
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    assert not at.exception, at.exception
    assert Store(demo_on).is_empty()
    assert demo_labels(at, "sv") == (True, True)
    assert t("demo.caption_first", "sv") in captions(at) and not at.toggle
