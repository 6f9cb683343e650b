"""Every metric page shows the one window a link names (AppTest on the demo): the sidebar control,
the link and each page's numbers are those of the engine for exactly `from` – `to`."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.i18n import t
from analytics.measure.metrics import Filters, metrics_by
from analytics.measure.risk import assess_risk, ranking_table
from analytics.measure.voice import voice_report
from analytics.store import Store
from tests.conftest import run_page
from tests.test_metric_pages import demo, demo_app  # noqa: F401  (fixtures)

WINDOW = Filters(date(2026, 1, 1), date(2026, 3, 31))
LINK = {"from": "2026-01-01", "to": "2026-03-31"}


def engine(demo, compute):  # noqa: F811
    store = Store(demo.path)
    try:
        return compute(store)
    finally:
        store.close()


def assert_window_shown(at) -> None:
    assert at.date_input(key="w_dates").value == (WINDOW.date_from, WINDOW.date_to)
    assert at.segmented_control(key="w_period").value is None          # not a preset: a custom window
    assert (at.query_params["from"], at.query_params["to"]) == ("2026-01-01", "2026-03-31")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_processes_show_the_linked_window(demo_app, demo, lang):  # noqa: F811
    at = run_page("content/processes.py", lang, **LINK)
    assert_window_shown(at)
    expected = engine(demo, lambda store: metrics_by(store, "process", filters=WINDOW, facts=demo.facts))
    table = at.dataframe[0].value.set_index("process_id")["applications"]
    assert table.sort_index().to_dict() == expected.set_index("process_id")["applications"].sort_index().to_dict()
    assert table.sum() < len(demo.facts)      # the window, not all of the demo


def test_process_detail_shows_the_linked_window(demo_app, demo):  # noqa: F811
    at = run_page("content/process_detail.py", "en", process_detail="REQ-1052", **LINK)
    assert_window_shown(at)
    expected = engine(demo, lambda store: metrics_by(store, "process", filters=WINDOW, facts=demo.facts))
    applications = expected.set_index("process_id").at["REQ-1052", "applications"]
    assert (at.metric[0].label, at.metric[0].value) == ("Applications", str(applications))


def test_voice_shows_the_linked_window(demo_app, demo):  # noqa: F811
    at = run_page("content/voice.py", "en", **LINK)
    assert_window_shown(at)
    overall = engine(demo, lambda store: voice_report(store, "process", WINDOW, facts=demo.facts).overall)
    answers = next(card for card in at.metric if card.label == t("voice.col.answers", "en"))
    assert answers.value == str(overall["answers"])


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_brand_risk_ranks_the_linked_window(demo_app, demo, lang):  # noqa: F811
    at = run_page("content/risk.py", lang, **LINK)
    assert_window_shown(at)
    assessment = engine(demo, lambda store: assess_risk(store, filters=WINDOW, facts=demo.facts, lang=lang))
    assert at.dataframe[0].value.reset_index(drop=True).equals(
        ranking_table(assessment, lang).reset_index(drop=True))


def test_the_window_survives_a_page_change(demo_app):  # noqa: F811
    at = run_page("content/overview.py", "en", **LINK)
    at.switch_page("content/risk.py").run()
    assert_window_shown(at)
    at.switch_page("content/processes.py").run()
    assert_window_shown(at)
