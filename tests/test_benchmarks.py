"""Published benchmarks beside your own figures, and the optional Ontario 45-day check, on hand-made facts."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analytics.i18n import t
from analytics.ingest.demo import load_demo
from analytics.measure.benchmarks import (
    BENCHMARKS,
    SILENCE_BENCHMARKS,
    VOICE_BENCHMARKS,
    OurFigure,
    benchmark_line,
    ontario_check,
    ontario_line,
    our_figures,
)
from analytics.store import Store
from tests.conftest import run_page

AS_OF = pd.Timestamp("2026-06-30 12:00", tz="UTC")


def application(interviewed_on: str | None = None, answered_on: str | None = None, *, outcome: str = "open",
                ghosted: bool = False, informed: bool = False, withdrawn: bool = False, measured: bool = True) -> dict:
    """One application's facts: when its last interview was, and when a decision was told after it."""
    return {
        "interviews": 1 if interviewed_on else 0, "withdrawn": withdrawn, "outcome": outcome,
        "last_interview_at": pd.Timestamp(interviewed_on, tz="UTC") if interviewed_on else pd.NaT,
        "post_interview_at": pd.Timestamp(answered_on, tz="UTC") if answered_on else pd.NaT,
        "as_of": AS_OF, "ghosted": ghosted, "informed": informed, "measured_ghosted": measured,
        "measured_informed": measured, "measured_post_interview": measured,
    }


FACTS = pd.DataFrame([
    application("2026-03-01", "2026-04-10", outcome="rejected_after_interview", informed=True),  # 40 days: in time
    application("2026-03-01", "2026-04-15", outcome="rejected_after_interview", informed=True),  # day 45: in time
    application("2026-03-01", "2026-04-16", outcome="rejected_after_interview", informed=True),  # day 46: late
    application("2026-03-01", None, outcome="rejected_after_interview", ghosted=True),            # never told
    application("2026-06-01", None, ghosted=False),               # 29 days ago: not due yet
    application("2026-03-01", None, withdrawn=True, outcome="withdrawn"),   # withdrew: no duty
    application("2026-03-01", None, measured=False),              # sources without messages: unknown
    application(None, None, outcome="rejected_before_interview", ghosted=True),
    application(None, None, outcome="rejected_before_interview", informed=True),
])


def test_the_ontario_check_counts_45_days_from_the_last_interview_by_hand():
    check = ontario_check(FACTS)
    # Due: the first four (interviewed 2026-03-01, day 45 = 2026-04-15 has passed); not the recent one,
    # the withdrawn one, or the one whose sources cannot tell. Told in time: the first two.
    assert (check.due, check.told_in_time, check.unmeasured) == (4, 2, 1)
    assert check.value == 0.5
    assert ontario_line(check, "en") == (
        "50% of interviewed applications (2 of 4) were told a decision within 45 days of their last interview; "
        "2 were not. 1 interviewed applications are not measurable: their sources do not record both "
        "interviews and messages.")
    assert ontario_line(check, "sv").startswith("50\u00a0% av de intervjuade ansökningarna (2 av 4)")


def test_unknown_stays_not_measurable_in_the_ontario_check():
    unknown = pd.DataFrame([application("2026-03-01", "2026-03-10", measured=False)])
    check = ontario_check(unknown)
    assert check.value is None and check.due == 0 and check.unmeasured == 1
    assert ontario_line(check, "en").startswith("No interviewed application has reached 45 days")
    assert ontario_check(FACTS.iloc[:0]).value is None


def test_your_figures_beside_the_benchmarks_by_hand():
    drivers = pd.DataFrame({"driver": ["informed", "informed"], "measure": ["cnps", "sentiment"],
                            "n_with": [30, 20], "n_without": [10, 8], "suppressed": [False, False],
                            "score_with": [-10.0, 5.0], "score_without": [-60.0, -40.0]})
    distribution = pd.DataFrame({"score": range(11), "answers": [2, 1, 1, 0, 0, 0, 0, 4, 4, 4, 4]})
    figures = our_figures(FACTS, drivers, distribution)
    # Interviewed and measured: six (the one without messages left out); ghosted among them: one.
    assert figures["interviewed_ghosted"] == OurFigure(1 / 6, 1, 6)
    # Rejected and measured: six (four after interview, two before); never told: two.
    assert figures["rejected_never_told"] == OurFigure(2 / 6, 2, 6)
    assert figures["ghosted_share"] == OurFigure(2 / 8, 2, 8)
    assert figures["cnps_told"] == OurFigure(-10.0, 30, 30) and figures["cnps_not_told"] == OurFigure(-60.0, 10, 10)
    assert figures["very_unlikely_to_recommend"] == OurFigure(4 / 20, 4, 20)
    assert benchmark_line("trustcruit_never_told", figures, "en") == (
        "Trustcruit (Sweden) (2019): 32% of rejected candidates never got a rejection. Yours: 33% of rejected "
        "applications (2 of 6) were never told. The same question, asked of each rejected application.")
    assert "15\u00a0% av kandidaterna" in benchmark_line("cande_resentment", figures, "sv")
    assert "Tidigare: 14\u00a0% (2024), 12\u00a0% (2023)." in benchmark_line("cande_resentment", figures, "sv")
    assert "−21.9" not in benchmark_line("trustcruit_cnps_told", figures, "en")      # a plain minus, as typed
    assert "-21.9" in benchmark_line("trustcruit_cnps_told", figures, "en")


def test_a_figure_your_data_cannot_tell_is_said_so_not_zero():
    suppressed = pd.DataFrame({"driver": ["informed"], "measure": ["cnps"], "n_with": [3], "n_without": [1],
                               "suppressed": [True], "score_with": [None], "score_without": [None]})
    figures = our_figures(FACTS.assign(measured_ghosted=False), suppressed)
    assert "ghosted_share" not in figures
    assert benchmark_line("linkedin_silence", figures, "en").count("Yours: not in your data.") == 1
    # Suppressed for anonymity is not "not in your data": the answers exist, too few to show.
    assert "Yours: too few answers in this selection to show." in benchmark_line("trustcruit_cnps_told", figures, "en")
    nobody = our_figures(FACTS[FACTS["interviews"] == 0])
    assert nobody["interviewed_ghosted"] == OurFigure(None, 0, 0)
    assert "Yours: nobody to count in this selection." in benchmark_line("greenhouse_ghosted", nobody, "en")


def test_every_benchmark_has_its_words_source_and_year_in_both_languages():
    keys = {benchmark.key for benchmark in BENCHMARKS}
    assert set(VOICE_BENCHMARKS) | set(SILENCE_BENCHMARKS) == keys
    for benchmark in BENCHMARKS:
        for lang in ("en", "sv"):
            line = benchmark_line(benchmark.key, {}, lang)
            assert benchmark.source in line and benchmark.year in line
            assert t(f"benchmark.{benchmark.key}.why", lang) in line


@pytest.fixture
def demo_app(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    store = Store(tmp_path / "built.duckdb")
    load_demo(store)
    store.close()
    shutil.copy(tmp_path / "built.duckdb", path)
    shutil.copy(tmp_path / "built.duckdb.key", tmp_path / "app.duckdb.key")
    monkeypatch.setenv("RADAR_DB", str(path))
    monkeypatch.setenv("RADAR_DEMO", "0")
    return path


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_pages_show_the_benchmarks_and_the_ontario_check_only_when_it_is_on(demo_app, lang):
    detail = run_page("content/process_detail.py", lang, process_detail="REQ-1063")
    captions = " ".join(caption.value for caption in detail.caption)
    assert "Greenhouse Candidate Experience Report (Dec 2024)" in captions and "LinkedIn (Sweden) (2025)" in captions
    assert t("ontario.heading", lang) not in [header.value for header in detail.subheader]   # off by default
    store = Store(demo_app)
    store.save_settings(ontario_rule=True)
    store.close()
    detail = run_page("content/process_detail.py", lang, process_detail="REQ-1063")
    assert t("ontario.heading", lang) in [header.value for header in detail.subheader]
    voice = run_page("content/voice.py", lang)
    captions = " ".join(caption.value for caption in voice.caption)
    assert "Talent Board / Survale CandE Benchmark (2025)" in captions and "Trustcruit (Sweden) (2019)" in captions
