"""The metric pages (Overview, Processes, Process detail) and the data functions behind them.

AppTest runs each page in both languages on an empty store, on a small import and on the demo
data (built once per module), and checks what a user sees against the metrics engine.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.catalogue import METRICS, display_metric
from analytics.i18n import t
from analytics.ingest.demo import DEMO_PROCESSES, load_demo
from analytics.ingest.importer import import_file
from analytics.measure.metrics import (
    Filters,
    PeriodComparison,
    application_facts,
    compare_windows,
    facts_as_of,
    metrics_by,
    select_facts,
)
from analytics.measure.risk import RiskAssessment, assess_risk
from analytics.measure.window import Window, preset_window
from analytics.present.process_view import (
    CARD_KEYS,
    STATUS_STYLES,
    TARGET_KEYS,
    acknowledgement_note,
    application_choices,
    application_events,
    attention_items,
    distance_band,
    format_change,
    ghosted_applications,
    latency_limits,
    period_cards,
    process_cards,
    process_table,
    style_process_table,
)
from analytics.privacy import pseudonym
from analytics.settings import Settings
from analytics.store import Store
from analytics.vocabulary import CONTACT_EVENT_TYPES
from tests.conftest import run_page

METRIC_PAGES = ["content/overview.py", "content/processes.py", "content/process_detail.py"]
LANGS = ["en", "sv"]

# Two applications of one process: too few to judge.
SMALL_EXPORT = (
    "candidate_id,process_id,event_type,occurred_at,process_name,department,recruiter,channel\n"
    "C1,P1,application_received,2026-03-02T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
    "C1,P1,acknowledgement_sent,2026-03-02T10:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,email\n"
    "C1,P1,interview_held,2026-03-10T13:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,in_person\n"
    "C1,P1,rejected,2026-03-12T16:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,\n"
    "C1,P1,feedback_given,2026-03-13T10:30:00+01:00,Sjuksköterska Örebro,Vård,Karin,phone\n"
    "C2,P1,application_received,2026-03-03T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
    "C2,P1,status_update_sent,2026-04-20T09:00:00+02:00,Sjuksköterska Örebro,Vård,Karin,email\n"
)


@dataclass(frozen=True)
class Demo:
    """The demo database file and what the engine says about it."""

    path: Path
    facts: pd.DataFrame
    by_process: pd.DataFrame
    key: bytes

    @property
    def as_of_day(self) -> date:
        return facts_as_of(self.facts).astimezone(ZoneInfo("Europe/Stockholm")).date()

    def link(self, window: Window) -> dict[str, str]:
        return {"from": window.start.isoformat(), "to": window.end.isoformat()}

    @property
    def whole(self) -> dict[str, str]:
        """A link whose window holds every application of the demo."""
        return self.link(Window(min(self.facts["applied_date"]), self.as_of_day))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store = Store(path)
    load_demo(store)
    built = Demo(path, application_facts(store), metrics_by(store, "process"), store.secret_key())
    store.close()
    return built


@pytest.fixture
def demo_app(demo, app_db) -> Path:
    """The app's database is a copy of the module's demo database (with its pseudonym key)."""
    shutil.copy(demo.path, app_db)
    shutil.copy(demo.path.with_name(demo.path.name + ".key"), app_db.with_name(app_db.name + ".key"))
    return app_db


@pytest.fixture
def small_app(app_db, tmp_path) -> Path:
    export = tmp_path / "export.csv"
    export.write_text(SMALL_EXPORT, encoding="utf-8")
    store = Store(app_db)
    assert import_file(store, export).ok
    store.close()
    return app_db


def expected_cards(demo: Demo, window: Window, lang: str) -> list[tuple[str, str, str | None]]:
    """The cards as the engine computes them: the window's metrics and the change from the window before,
    when the demo reaches back over all of it (else no change: the window before is not in the data)."""
    before = window.previous()
    covered = min(demo.facts["applied_date"]) <= before.start
    store = Store(demo.path)
    try:
        current, previous = (metrics_by(store, "all", filters=Filters(start, end), facts=demo.facts)
                             for start, end in ((window.start, window.end), (before.start, before.end)))
        comparison = compare_windows(store, None, Filters(window.start, window.end), facts=demo.facts)
        assert comparison.current.equals(current)
        assert comparison.previous.equals(previous) if covered else comparison.previous.empty
    finally:
        store.close()
    cards = []
    for key in CARD_KEYS:
        metric = display_metric(key)
        now, then = current.at[0, key], previous.at[0, key]
        cards.append((metric.label(lang), metric.format_value(now, lang),
                      format_change(metric, now - then, lang, now) if covered else None))
    return cards


def shown_cards(at: AppTest) -> list[tuple[str, str, str | None]]:
    return [(card.label, card.value, card.delta or None) for card in at.metric][:len(CARD_KEYS)]


# -- every page, every language, every kind of store -------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", METRIC_PAGES)
def test_an_empty_store_gets_a_hint_instead_of_an_error(app_db, page, lang):
    at = run_page(page, lang)
    assert [box.value for box in at.info] == [t("store.empty", lang)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", METRIC_PAGES)
def test_an_empty_selection_gets_a_hint_instead_of_an_error(demo_app, page, lang):
    at = run_page(page, lang, **{"from": "2001-01-01", "to": "2001-01-31"})
    assert [box.value for box in at.info] == [t("metrics.empty_selection", lang)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", METRIC_PAGES)
def test_pages_run_on_a_small_import(small_app, page, lang):
    at = run_page(page, lang)
    assert not at.info


def test_a_small_process_is_shown_but_not_judged_on_its_point_values(small_app):
    # The risk engine may still flag it when the interval alone proves a breach (docs/risk.md).
    overview = run_page("content/overview.py", "en")
    assert overview.markdown[0].value.startswith("1. **Sjuksköterska Örebro** (P1, 2 applications): risk score ")
    processes = run_page("content/processes.py", "sv")
    table = processes.dataframe[0].value
    assert table["process_id"].tolist() == ["P1"]
    assert table["status"].tolist() == ["för få att bedöma"]
    detail = run_page("content/process_detail.py", "en")
    assert detail.selectbox(key="detail_picker").value == "P1"
    assert (detail.metric[0].label, detail.metric[0].value) == ("Applications", "2")


# -- Overview on the demo data ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_overview_cards_are_the_engine_numbers_against_the_period_before(demo_app, demo, lang):
    at = run_page("content/overview.py", lang)
    assert at.segmented_control(key="w_period").value == 90
    assert shown_cards(at) == expected_cards(demo, preset_window(90, demo.as_of_day), lang)


def test_the_period_selector_recomputes_the_cards_and_the_link_at_once(demo_app, demo):
    at = run_page("content/overview.py", "en")
    assert (at.query_params["from"], at.query_params["to"]) == ("2026-08-22", "2026-11-19")
    at.segmented_control(key="w_period").set_value(365).run()
    assert shown_cards(at) == expected_cards(demo, preset_window(365, demo.as_of_day), "en")
    assert any("20 Nov 2025 – 19 Nov 2026" in caption.value for caption in at.caption)
    assert (at.query_params["from"], at.query_params["to"]) == ("2025-11-20", "2026-11-19")
    assert at.date_input(key="w_dates").value == (date(2025, 11, 20), date(2026, 11, 19))


@pytest.mark.parametrize("lang", LANGS)
def test_overview_cards_and_attention_follow_applied_between(demo_app, demo, lang):
    # issue 15: with 1 January - 31 March the cards still showed the last 90 days
    window = Window(date(2026, 1, 1), date(2026, 3, 31))
    at = run_page("content/overview.py", lang, **demo.link(window))
    assert at.segmented_control(key="w_period").value is None      # a custom window
    assert shown_cards(at) == expected_cards(demo, window, lang)
    # the demo begins in December: the 90 days before (3 October - 31 December) are not all in the data
    start, end = {"en": ("1 Jan 2026", "31 Mar 2026"), "sv": ("2026-01-01", "2026-03-31")}[lang]
    assert t("overview.period_caption_alone", lang, start=start, end=end, days=90) in [
        caption.value for caption in at.caption]
    assert all(card.delta in ("", None) for card in at.metric[:len(CARD_KEYS)])
    store = Store(demo.path)
    try:
        expected = attention_items(assess_risk(store, filters=Filters(window.start, window.end), facts=demo.facts,
                                               lang=lang), lang)
    finally:
        store.close()
    shown = [line.split("(")[1].split(",")[0] for line in at.markdown[0].value.replace("\\", "").splitlines()]
    assert shown == expected["process_id"].head(5).tolist()


@pytest.mark.parametrize("lang", LANGS)
def test_overview_names_the_worst_process_first_and_why(demo_app, demo, lang):
    at = run_page("content/overview.py", lang, **demo.whole)
    attention = at.markdown[0].value.replace("\\", "").splitlines()   # as read, without markdown escapes
    store = Store(demo.path)
    try:
        expected = attention_items(assess_risk(store, facts=demo.facts, lang=lang), lang)
    finally:
        store.close()
    ghosting = next(p.process_id for p in DEMO_PROCESSES if "ghosting" in p.planted)
    first = expected.iloc[0]
    assert first["process_id"] == ghosting
    assert attention[0] == "1. " + t("overview.attention_item", lang, name=first["process_name"], process_id=ghosting,
                                     applications=first["applications"], score=first["risk_score"],
                                     parts=first["score_parts"], worst=first["worst"], evidence=first["evidence"])
    assert t("risk.rule.left_without_updates", lang) in attention[0]
    shown = [line.split("(")[1].split(",")[0] for line in attention]
    assert shown == expected["process_id"].head(5).tolist()
    assert set(shown) <= {p.process_id for p in DEMO_PROCESSES if p.planted}


def test_overview_in_swedish(demo_app, demo):
    at = run_page("content/overview.py", "sv", **demo.whole)
    assert [header.value for header in at.subheader][:3] == [
        "Hur kandidaterna bemöts", "Processer som behöver åtgärdas först", "Månad för månad"]
    assert at.markdown[0].value.startswith("1. **Innesäljare Uppsala** (REQ\\-1063, 150 ansökningar): riskpoäng ")
    assert "Värst: " + t("risk.rule.left_without_updates", "sv") in at.markdown[0].value
    assert at.metric[0].label == "Ansökningar"


def test_cards_follow_the_latency_unit_setting(demo_app):
    store = Store(demo_app)
    store.save_settings(latency_unit="business_days")
    store.close()
    at = run_page("content/overview.py", "en")
    latency = next(card for card in at.metric if card.label == "Time to acknowledgement (median)")
    assert latency.value.endswith(" business days")
    assert latency.delta == "0" or latency.delta.endswith(" business days")   # "0" when it rounds to nothing


# -- Processes and Process detail on the demo data ---------------------------------------------

def test_processes_table_puts_the_farthest_from_target_first_and_a_selected_row_opens_its_detail(demo_app, demo):
    at = run_page("content/processes.py", "en", **demo.whole)
    table = at.dataframe[0].value
    # Ekonomiassistent acknowledges 2% within the SLA against a target of 95%: 93 points off.
    assert table[["process_id", "distance", "status"]].iloc[0].tolist() == ["REQ-1044", 93, "over 30 pts off"]
    assert table["distance"].is_monotonic_decreasing
    exemplary = {p.process_id for p in DEMO_PROCESSES if p.exemplary}
    assert set(table["process_id"].iloc[-len(exemplary):]) == exemplary
    assert set(table["status"].iloc[-len(exemplary):]) == {"on target"}
    assert table["status"].nunique() >= 3   # the bands tell the flawed processes apart
    row = table.index[table["process_id"] == "REQ-1044"][0]
    at.session_state["process_table"] = {"selection": {"rows": [int(row)], "columns": [], "cells": []}}
    at.run()
    assert at.title[0].value == "Process detail"
    assert at.session_state["detail_process"] == "REQ-1044"
    assert at.query_params["process_detail"] == "REQ-1044"
    assert at.selectbox(key="detail_picker").value == "REQ-1044"


@pytest.mark.parametrize("key", ["ghosted_share", "ack_latency_median", "longest_silence_d_median"])
def test_processes_can_be_ranked_on_each_metric(demo_app, key):
    at = run_page("content/processes.py", "sv")
    at.selectbox(key="ranking_metric").set_value(key).run()
    assert not at.exception


def test_the_detail_process_survives_a_filter_change(demo_app, demo):
    at = run_page("content/process_detail.py", "en", process_detail="REQ-1052", **demo.whole)
    at.multiselect(key="w_department").set_value(["Kundtjänst"]).run()
    assert not at.exception
    assert at.selectbox(key="detail_picker").value == "REQ-1052"
    assert at.query_params["process_detail"] == "REQ-1052"


@pytest.mark.parametrize("lang", LANGS)
def test_detail_page_shows_the_linked_process(demo_app, demo, lang):
    at = run_page("content/process_detail.py", lang, process_detail="REQ-1052", **demo.whole)
    assert at.selectbox(key="detail_picker").value == "REQ-1052"
    expected = process_cards(demo.by_process, "REQ-1052", "hours", lang)
    assert [(card.label, card.value) for card in at.metric] == [(card.label, card.value) for card in expected]
    ghosted = int(demo.by_process.set_index("process_id").at["REQ-1052", "ghosted"])
    assert t("detail.ghosted", lang, count=ghosted) in [header.value for header in at.subheader]


def test_acknowledgement_note_tells_acknowledged_at_all_from_within_the_sla():
    # Five applications, four acknowledged at some time; of the four past the 48 h deadline, two in time.
    facts = pd.DataFrame({"ack_at": [pd.Timestamp("2026-03-02", tz="UTC")] * 4 + [pd.NaT]})
    row = {"unmeasured": {}, "ack_within_sla_share": 0.5, "ack_within_sla": 2, "ack_eligible": 4,
           "ack_within_sla_share_base": 4}
    assert acknowledgement_note(facts, row, 48.0, "en") == (
        "The funnel counts 4 of 5 applications (80%) acknowledged at all, at any time. The card “Acknowledged "
        "within SLA” asks more: of the 4 applications past the 48 h deadline, 2 (50%) were acknowledged within "
        "48 h. The other acknowledgements came later, or are too recent to judge.")
    assert "4 av 5 ansökningar (80\u00a0%)" in acknowledgement_note(facts, row, 48.0, "sv")
    # Sources that cannot tell acknowledgements: no sentence with numbers that are not there.
    assert acknowledgement_note(facts, {**row, "unmeasured": {"ack_within_sla_share": ("messages",)},
                                        "ack_within_sla_share": None}, 48.0, "en") is None


def test_detail_page_explains_the_funnel_and_links_the_ghosted_to_the_action_list(demo_app, demo):
    at = run_page("content/process_detail.py", "en", process_detail="REQ-1052", **demo.whole)
    captions = [caption.value for caption in at.caption]
    assert any(caption.startswith("The funnel counts ") for caption in captions)
    links = [element for element in at.get("page_link")]
    assert any("action list for this process" in link.proto.label and "actions_process=REQ-1052" in link.proto.query_string
               for link in links)


def test_detail_page_opens_on_the_process_needing_attention_first(demo_app, demo):
    at = run_page("content/process_detail.py", "en", **demo.whole)
    assert at.selectbox(key="detail_picker").value == "REQ-1063"
    ghosted = at.dataframe[0].value
    assert len(ghosted) == demo.by_process.set_index("process_id").at["REQ-1063", "ghosted"]
    assert ghosted["application"].str.match(r"^K-[0-9a-f]{10}$").all()
    assert not ghosted.astype(str).apply(lambda column: column.str.contains("C-")).any().any()
    timeline = at.selectbox(key="timeline_REQ-1063")
    assert timeline.value == ghosted["application"].iloc[0]


# -- the data functions behind the pages --------------------------------------------------------

def test_selected_facts_are_what_the_engine_counts(demo):
    store = Store(demo.path)
    try:
        for filters in (Filters(), Filters(departments=("IT",)),
                        Filters(date_from=date(2026, 3, 1), date_to=date(2026, 5, 31), recruiters=("Johan Ek",))):
            counted = metrics_by(store, "all", filters=filters, facts=demo.facts).at[0, "applications"]
            assert len(select_facts(store, demo.facts, filters)) == counted
        assert set(select_facts(store, demo.facts, Filters(processes=("REQ-1063",)))["process_id"]) == {"REQ-1063"}
    finally:
        store.close()


def test_attention_items_give_each_flagged_process_its_worst_flag_in_words():
    processes = pd.DataFrame({
        "process_id": ["P2", "P1", "P3"], "process_name": ["Two", "One", "Three"], "applications": [40, 30, 20],
        "risk_score": [5, 2, 0], "score_parts": ["3 updates + 2 feedback", "2 acknowledgement", ""],
    })
    flags = pd.DataFrame({
        "process_id": ["P2", "P2", "P1"], "rule": ["left_without_updates", "no_personal_feedback",
                                                   "no_or_slow_acknowledgement"],
        "evidence_en": ["12 ghosted.", "2 of 9 got feedback.", "Slow."],
        "evidence_sv": ["12 ghostade.", "2 av 9 fick återkoppling.", "Långsamt."],
    })
    items = attention_items(RiskAssessment(flags, processes), "sv")
    assert items["process_id"].tolist() == ["P2", "P1"]
    assert items["evidence"].tolist() == ["12 ghostade.", "Långsamt."]
    assert items["worst"].tolist() == [t("risk.rule.left_without_updates", "sv"),
                                       t("risk.rule.no_or_slow_acknowledgement", "sv")]
    assert items["score_parts"].iloc[0] == "3 updates + 2 feedback"


def _share_row(pid: str, ack, told, feedback, ghosted, *, small=False, unmeasured=()) -> dict:
    """One process's metrics row with the four target shares (and intervals 5 points either side)."""
    row = {"process_id": pid, "process_name": f"Process {pid}", "applications": 9 if small else 40,
           "small_group": small, "unmeasured": {key: ("decisions",) for key in unmeasured}, "measured_on": {},
           "ghosted": 1, "ack_latency_median": 2.0, "longest_silence_d_median": 3.0}
    for key, value in zip(TARGET_KEYS, (ack, told, feedback, ghosted), strict=True):
        row |= {key: value, f"{key}_low": None if value is None else value - 0.05,
                f"{key}_high": None if value is None else value + 0.05}
    return row


def test_process_table_sorts_by_distance_from_target_in_bands():
    # Targets: acknowledged 95%, outcome told 95%, personal feedback 90%, ghosted at most 5%.
    by_process = pd.DataFrame([
        _share_row("MET", 0.97, 0.96, 0.95, 0.02),         # every target met: distance 0
        _share_row("NEAR", 0.92, 0.96, 0.95, 0.02),        # acknowledgement 3 points short
        _share_row("GHOST", 0.97, 0.96, 0.95, 0.17),       # 17% ghosted against at most 5%: 12 points
        _share_row("FAR", 0.55, 0.80, 0.70, 0.10),         # acknowledgement 40 points short
        _share_row("MID", 0.95, 0.70, 0.90, 0.05),         # outcome told 25 points short
        _share_row("TINY", 0.10, 0.10, 0.10, 0.90, small=True),
        _share_row("NONE", None, None, None, None, unmeasured=TARGET_KEYS),
    ])
    ranking = pd.DataFrame({"process_id": ["TINY", "MID", "FAR", "GHOST", "NEAR", "MET", "NONE"],
                            "risk_score": [9, 5, 4, 3, 1, 0, None]})
    table = process_table(by_process, ranking, "en")
    assert table["process_id"].tolist() == ["FAR", "MID", "GHOST", "NEAR", "MET", "NONE", "TINY"]
    assert table["distance"].tolist()[:5] == [40, 25, 12, 3, 0]
    assert table["status"].tolist() == ["over 30 pts off", "15–30 pts off", "5–15 pts off", "up to 5 pts off",
                                        "on target", "not in your data", "too few to judge"]
    assert table["farthest"].tolist()[:4] == [METRICS[key].label("en") for key in (
        "ack_within_sla_share", "outcome_coverage", "ghosted_share", "ack_within_sla_share")]
    assert pd.isna(table["farthest"].iloc[4]) and pd.isna(table["distance"].iloc[5])
    assert table["ghosted_share_status"].tolist()[:3] == ["within_5", "on_target", "within_15"]  # 5, 0, 12 points
    styled = style_process_table(table, "en", "hours")
    assert "None" not in styled.to_html() and ">–<" in styled.to_html()     # an empty farthest cell is a dash
    styles = styled._compute().ctx
    assert ("color", "#8a8f94") in styles[(6, table.columns.get_loc("process_name"))]
    first_status = dict(styles[(0, table.columns.get_loc("status"))])
    assert first_status == dict(item.split(": ") for item in STATUS_STYLES["beyond_30"].split("; "))
    assert process_table(by_process, ranking, "sv")["status"].iloc[1] == "15–30 p.e. från"


@pytest.mark.parametrize(("gap", "band"), [(-0.2, "on_target"), (0.0, "on_target"), (0.05, "within_5"),
                                           (0.051, "within_15"), (0.15, "within_15"), (0.3, "within_30"),
                                           (0.31, "beyond_30"), (None, None)])
def test_distance_bands_include_their_upper_bound(gap, band):
    assert distance_band(gap) == band


def test_ghosted_applications_are_listed_by_pseudonym_longest_silence_first(demo):
    listed = ghosted_applications(StoreStub(demo.key), demo.facts, "REQ-1063", "en")
    assert list(listed.columns) == ["application", "days_silent", "last_contact", "applied", "stage", "waiting_for",
                                    "recruiter"]
    ghosted = demo.facts[(demo.facts["process_id"] == "REQ-1063") & demo.facts["ghosted"]]
    assert len(listed) == len(ghosted) == demo.by_process.set_index("process_id").at["REQ-1063", "ghosted"]
    assert listed["days_silent"].is_monotonic_decreasing
    assert set(listed["application"]) == {pseudonym(demo.key, c, "REQ-1063") for c in ghosted["candidate_id"]}
    assert set(listed["waiting_for"]) <= {t("detail.waiting.decision", "en"), t("detail.waiting.notice", "en")}


def test_application_events_are_one_application_in_time_order_under_its_pseudonym(demo, demo_app):
    store = Store(demo_app)
    try:
        choices = application_choices(store, demo.facts, "REQ-1063")
        first_pseudonym, candidate = next(iter(choices.items()))
        events = application_events(store, candidate, "REQ-1063", facts_as_of(demo.facts))
    finally:
        store.close()
    assert first_pseudonym == pseudonym(demo.key, candidate, "REQ-1063")
    assert set(events["application"]) == {first_pseudonym} and "candidate_id" not in events
    assert events["occurred_at"].is_monotonic_increasing
    assert events["contact"].tolist() == [kind in CONTACT_EVENT_TYPES for kind in events["event_type"]]
    assert (events["local_time"] - events["occurred_at"].dt.tz_localize(None)).dt.total_seconds().isin([3600, 7200]).all()
    assert events["as_of_local"].iloc[0] == demo.facts["as_of"].iloc[0].tz_convert("Europe/Stockholm").tz_localize(None)


def test_changes_are_signed_in_the_metric_unit():
    share, latency = METRICS["outcome_coverage"], display_metric("ack_latency_median", "days")
    assert format_change(share, -0.17, "en") == "-17 pp"
    assert format_change(share, 0.064, "sv") == "+6 p.e."
    assert format_change(share, 0.004, "en") == "0"
    assert format_change(latency, 1.26, "en") == "+30 h"   # 1.26 days are 30.2 hours: under two days
    assert format_change(latency, 0.5, "sv", value=7.0) == "+0,5 dagar"   # in the unit of the card's value
    assert format_change(latency, None, "en") is None


def test_period_cards_compare_like_with_like():
    current = pd.DataFrame([{"applications": 120, "ack_within_sla_share": 0.8, "ack_latency_median": 3.0,
                             "outcome_coverage": 0.9, "personal_feedback_coverage": float("nan"),
                             "ghosted_share": 0.1}])
    previous = replace_values(current, applications=100, ack_within_sla_share=0.9, ack_latency_median=5.0,
                              ghosted_share=0.05)
    comparison = PeriodComparison(date(2026, 3, 1), date(2026, 3, 31), date(2026, 1, 29), date(2026, 2, 28),
                                  current, previous)
    cards = {card.key: card for card in period_cards(comparison, "hours", "en")}
    assert (cards["ack_within_sla_share"].delta, cards["ack_within_sla_share"].delta_color) == ("-10 pp", "normal")
    assert (cards["ack_latency_median"].delta, cards["ack_latency_median"].delta_color) == ("-2.0 h", "inverse")
    assert (cards["ghosted_share"].delta, cards["ghosted_share"].delta_color) == ("+5 pp", "inverse")
    assert (cards["applications"].delta, cards["applications"].delta_color) == ("+20", "off")
    # nothing to measure it on: said in words, and no change
    assert (cards["personal_feedback_coverage"].value, cards["personal_feedback_coverage"].delta) == (
        "not measurable", None)


def test_latency_limits_follow_the_unit():
    assert latency_limits(Settings()) == {"ack_latency": 48.0, "notice_latency": 120.0, "post_interview_latency": None}
    assert latency_limits(Settings(latency_unit="business_days")) == {
        "ack_latency": 2.0, "notice_latency": 5.0, "post_interview_latency": None}


def replace_values(frame: pd.DataFrame, **values) -> pd.DataFrame:
    changed = frame.copy()
    for column, value in values.items():
        changed[column] = value
    return changed


@dataclass(frozen=True)
class StoreStub:
    """What ghosted_applications needs of a store: the pseudonym key and the settings."""

    key: bytes

    def secret_key(self) -> bytes:
        return self.key

    def settings(self) -> Settings:
        return Settings()
