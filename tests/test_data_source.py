"""The demo lives in a store of its own: which store is shown, how the demo store is built, and that
"as of" is worked out within one data set, never across the demo and real data."""

from io import BytesIO
from pathlib import Path

import pandas as pd
import pytest

from analytics.cli import main
from analytics.i18n import t
from analytics.ingest.data_source import (
    DEMO,
    REAL,
    build_demo_store,
    can_switch,
    choose_source,
    demo_db_path,
    demo_enabled,
    holds_only_demo,
    set_apart_old_demo,
)
from analytics.ingest.demo import load_demo
from analytics.ingest.importer import import_file
from analytics.measure.metrics import application_facts
from analytics.present.reports import ReportScope, collect_report, render_html, render_xlsx, report_file_name
from analytics.store import Store

# Two applications in March 2026; the demo's events run to November 2026.
REAL_EXPORT = (
    "candidate_id,process_id,event_type,occurred_at,process_name\n"
    "C1,P1,application_received,2026-03-02T09:00:00+01:00,Lagerarbetare Borås\n"
    "C1,P1,acknowledgement_sent,2026-03-02T10:00:00+01:00,Lagerarbetare Borås\n"
    "C2,P1,application_received,2026-03-05T09:00:00+01:00,Lagerarbetare Borås\n"
)


def import_real(store: Store, folder: Path) -> None:
    export = folder / "ats-export.csv"
    export.write_text(REAL_EXPORT, encoding="utf-8")
    assert import_file(store, export).ok


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> Path:
    return build_demo_store(tmp_path_factory.mktemp("demo") / "radar.demo.duckdb")


# -- which store is shown ---------------------------------------------------------------------------

def test_the_demo_store_sits_beside_the_real_one():
    assert demo_db_path(Path("/srv/radar/data/radar.duckdb")) == Path("/srv/radar/data/radar.demo.duckdb")
    assert demo_db_path("hr.duckdb") == Path("hr.demo.duckdb")


@pytest.mark.parametrize(("real_is_empty", "allowed", "requested", "shown"), [
    (True, True, None, DEMO),        # first start: nothing of the user's yet, so the demo
    (True, True, REAL, DEMO),        # asking for real data that does not exist still shows the demo
    (False, True, None, REAL),       # after the first import: the user's own data
    (False, True, DEMO, DEMO),       # ... unless the user switches (or a link says ?data=demo)
    (False, True, REAL, REAL),
    (True, False, None, REAL),       # RADAR_DEMO=0: never the demo, even on an empty store
    (False, False, DEMO, REAL),
])
def test_choose_source(real_is_empty, allowed, requested, shown):
    assert choose_source(real_is_empty, allowed, requested) == shown


def test_the_switch_is_offered_only_when_both_data_sets_exist():
    assert can_switch(real_is_empty=False, demo_allowed=True)
    assert not can_switch(real_is_empty=True, demo_allowed=True)
    assert not can_switch(real_is_empty=False, demo_allowed=False)


def test_radar_demo_zero_turns_the_demo_off():
    assert demo_enabled({}) and demo_enabled({"RADAR_DEMO": "1"})
    assert not demo_enabled({"RADAR_DEMO": "0"})


# -- building the demo store ------------------------------------------------------------------------

def test_the_demo_store_is_built_whole_with_the_real_settings(tmp_path):
    real = Store(tmp_path / "radar.duckdb")
    real.save_settings(ack_sla_hours=24)
    path = build_demo_store(demo_db_path(real.path), settings_from=real)
    assert path == tmp_path / "radar.demo.duckdb"
    assert sorted(p.name for p in tmp_path.glob("radar.demo*")) == [
        "radar.demo.duckdb", "radar.demo.duckdb.key"]   # nothing left under the building name
    demo = Store(path)
    assert demo.settings().ack_sla_hours == 24
    assert holds_only_demo(demo) and demo.scalar("SELECT count(*) FROM imports") == 2
    assert real.is_empty()          # the real store got nothing
    demo.close()
    built_at = path.stat().st_mtime_ns
    assert build_demo_store(path) == path and path.stat().st_mtime_ns == built_at   # built once


def test_a_store_with_real_imports_is_not_taken_for_the_demo(tmp_path):
    store = Store(tmp_path / "mixed.duckdb")
    assert not holds_only_demo(store)       # empty
    load_demo(store)
    assert holds_only_demo(store)
    import_real(store, tmp_path)
    assert not holds_only_demo(store)


def test_an_old_store_holding_only_the_demo_becomes_the_demo_store(tmp_path):
    old = Store(tmp_path / "radar.duckdb")
    load_demo(old)
    events = old.scalar("SELECT count(*) FROM events")
    old.close()
    assert set_apart_old_demo(tmp_path / "radar.duckdb")
    assert not (tmp_path / "radar.duckdb").exists()
    moved = Store(tmp_path / "radar.demo.duckdb")
    assert moved.scalar("SELECT count(*) FROM events") == events and moved.key_path.exists()


def test_an_old_store_with_real_data_stays_where_it_is(tmp_path):
    old = Store(tmp_path / "radar.duckdb")
    load_demo(old)
    import_real(old, tmp_path)
    old.close()
    assert not set_apart_old_demo(tmp_path / "radar.duckdb")
    assert (tmp_path / "radar.duckdb").exists() and not (tmp_path / "radar.demo.duckdb").exists()


# -- "as of" per data set ---------------------------------------------------------------------------

def test_real_silence_is_measured_against_the_real_datas_latest_event(tmp_path, built_demo):
    real = Store(tmp_path / "radar.duckdb")
    import_real(real, tmp_path)
    demo = Store(built_demo)
    assert demo.scalar("SELECT max(occurred_at) FROM events") > pd.Timestamp("2026-11-01", tz="UTC")

    facts = application_facts(real).set_index("candidate_id")
    # As of C2's application, 2026-03-05 09:00 +01:00, not the demo's November.
    assert (facts["as_of"] == pd.Timestamp("2026-03-05 08:00", tz="UTC")).all()
    # C1: acknowledged an hour after applying, then nothing until as of: 3 days less that hour = 71 h.
    assert facts.at["C1", "longest_silence_d"] == pytest.approx(71 / 24)
    # C2 applied at the as-of moment itself.
    assert facts.at["C2", "longest_silence_d"] == pytest.approx(0)
    assert not facts["ghosted"].any()


# -- reports say when they are made from the demo ---------------------------------------------------

def test_a_report_on_the_demo_says_demo_in_its_header_sheet_and_name(built_demo):
    store = Store(built_demo)
    scope = ReportScope(lang="sv", demo=True)
    content = collect_report(store, scope)
    html = render_html(content).decode("utf-8")
    assert html.index("Demodata: gjord av den inbyggda demons") < html.index("<h2>")   # in the header
    about = pd.read_excel(BytesIO(render_xlsx(content)), sheet_name=0)
    assert about.iloc[0, 0] == "Rapport om kandidatupplevelsen"
    assert about.iloc[1, 0] == t("report.demo", "sv")
    assert report_file_name(scope, "pdf", pd.Timestamp("2026-12-06")) == \
        "candidate-experience-demo-organisationen-2026-12-06.pdf"


def test_a_report_on_real_data_has_no_demo_label(tmp_path):
    store = Store(tmp_path / "radar.duckdb")
    import_real(store, tmp_path)
    content = collect_report(store, ReportScope(lang="en"))
    assert "Demo data" not in render_html(content).decode("utf-8")
    assert report_file_name(ReportScope(), "html", pd.Timestamp("2026-12-06")) == \
        "candidate-experience-organisation-2026-12-06.html"


# -- the command line -------------------------------------------------------------------------------

def test_cli_demo_builds_a_store_of_its_own_and_never_fills_one_with_data(tmp_path, capsys):
    path = tmp_path / "showcase.duckdb"
    assert main(["demo", "--db", str(path)]) == 0
    assert capsys.readouterr().out == f"built the demo in {path}: 1830 applications, 590 survey answers\n"
    assert main(["demo", "--db", str(path)]) == 1
    assert "already holds data (2 imports)" in capsys.readouterr().err
    assert main(["report", "--db", str(path), "--out", str(tmp_path / "r.html")]) == 0
    assert "Demo data: made from the built-in demo" in (tmp_path / "r.html").read_text(encoding="utf-8")

    real = tmp_path / "real.duckdb"
    import_real(Store(real), tmp_path)
    assert main(["demo", "--db", str(real)]) == 1
