"""The candidate voice on a small hand-written store, each expected number worked out in a comment;
calibration on synthetic comment sets; the page in both languages on an empty store and the demo."""

from __future__ import annotations

import math
import shutil
from datetime import date
from pathlib import Path

import pytest

from analytics.i18n import t
from analytics.ingest.demo import DEMO_PROCESSES, load_demo
from analytics.measure.metrics import Filters, application_facts, metrics_by
from analytics.measure.voice import (
    DRIVERS,
    active_scorer,
    calibrate_from_store,
    cnps_trend,
    comments,
    highlight_drivers,
    labels_version,
    linked_answers,
    nps_distribution,
    previous_window,
    rating_means,
    theme_sentiment,
    verdict_drivers,
    voice_by,
    voice_report,
)
from analytics.present.voice_charts import cnps_by_group_chart, drivers_chart, voice_cards
from analytics.sentiment import SCORER_NAME
from analytics.store import Store
from tests.conftest import run_page

CALIBRATED = f"{SCORER_NAME}+store-calibrated"

EVENTS = """
    INSERT INTO events
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, event_type, epoch_us(occurred_at))) >> 64
                AS UBIGINT),
           candidate_id, process_id, event_type, occurred_at, process_name, NULL, NULL, NULL, channel
    FROM (SELECT CAST(? AS VARCHAR) AS candidate_id, CAST(? AS VARCHAR) AS process_id, CAST(? AS VARCHAR) AS event_type,
                 CAST(? AS TIMESTAMPTZ) AS occurred_at, CAST(? AS VARCHAR) AS process_name, CAST(? AS VARCHAR) AS channel)
"""
ANSWERS = """
    INSERT INTO survey_responses
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, epoch_us(submitted_at))) >> 64 AS UBIGINT),
           candidate_id, process_id, submitted_at, nps, comment, language, label,
           CASE label WHEN 'positive' THEN 0.8 WHEN 'negative' THEN -0.8 WHEN 'neutral' THEN 0.0 END,
           CASE WHEN label IS NOT NULL THEN 'lexicon-v2' END
    FROM (SELECT CAST(? AS VARCHAR) AS candidate_id, CAST(? AS VARCHAR) AS process_id,
                 CAST(? AS TIMESTAMPTZ) AS submitted_at, CAST(? AS TINYINT) AS nps, CAST(? AS VARCHAR) AS comment,
                 CAST(? AS VARCHAR) AS language, CAST(? AS VARCHAR) AS label)
"""
RATINGS = """
    INSERT INTO survey_ratings
    SELECT CAST(md5_number(concat_ws(chr(31), CAST(? AS VARCHAR), 'P1', epoch_us(CAST(? AS TIMESTAMPTZ)))) >> 64
                AS UBIGINT), ?, ?
"""


def timeline(candidate: str, *steps: tuple[str, str, str | None]) -> list[tuple]:
    """Events of one application in process P1, all applied 2026-03-02 09:00Z and sent a survey."""
    rows = [(candidate, "P1", "application_received", "2026-03-02T09:00:00Z", "Lagerchef", "portal")]
    rows += [(candidate, "P1", event_type, at, "Lagerchef", channel) for event_type, at, channel in steps]
    return rows + [(candidate, "P1", "survey_sent", "2026-03-14T09:00:00Z", "Lagerchef", "email")]


ACK = ("acknowledgement_sent", "2026-03-02T10:00:00Z", "email")
INTERVIEW = ("interview_held", "2026-03-10T10:00:00Z", "video")
HIRED = [ACK, INTERVIEW, ("offer_made", "2026-03-12T10:00:00Z", "phone"), ("hired", "2026-03-13T10:00:00Z", None)]
REJECTED_AFTER = [ACK, INTERVIEW, ("rejected", "2026-03-11T10:00:00Z", None),
                  ("rejection_sent", "2026-03-11T12:00:00Z", "email")]
REJECTED_TOLD = [ACK, ("rejected", "2026-03-05T10:00:00Z", None), ("rejection_sent", "2026-03-05T12:00:00Z", "email")]
REJECTED_UNTOLD = [("rejected", "2026-03-05T10:00:00Z", None)]  # never acknowledged, never told

# Ten applications in P1, all sent a survey; P2's one application only sets as_of (2026-04-30).
FIXTURE_EVENTS = [
    *timeline("CAND-h1", *HIRED), *timeline("CAND-h2", *HIRED),
    *timeline("CAND-r1", *REJECTED_AFTER, ("feedback_given", "2026-03-11T13:00:00Z", "phone")),
    *timeline("CAND-r2", *REJECTED_AFTER), *timeline("CAND-r3", *REJECTED_AFTER),
    *timeline("CAND-b1", *REJECTED_TOLD), *timeline("CAND-b2", *REJECTED_TOLD),
    *timeline("CAND-b3", *REJECTED_UNTOLD), *timeline("CAND-b4", *REJECTED_UNTOLD),
    *timeline("CAND-w1", ACK, ("withdrawn", "2026-03-08T10:00:00Z", None)),
    ("CAND-late", "P2", "application_received", "2026-04-30T10:00:00Z", "Truckförare", "portal"),
]
MARCH = "2026-03-20T10:00:00Z"
FIXTURE_ANSWERS = [  # candidate, process, submitted_at, nps, comment, language, label
    ("CAND-h1", "P1", MARCH, 10, "Great process, thank you so much!", "en", "positive"),
    ("CAND-h1", "P1", "2026-03-25T10:00:00Z", 9, None, None, None),  # a repeated answer
    ("CAND-h2", "P1", MARCH, 9, "Inget att tillägga.", "sv", "neutral"),
    ("CAND-r1", "P1", MARCH, 8, "Kind interviewers and quick feedback.", "en", "positive"),
    ("CAND-r2", "P1", MARCH, 3, "The interview felt rude and disrespectful.", "en", "negative"),
    ("CAND-r3", "P1", MARCH, 8, None, None, None),
    ("CAND-b1", "P1", MARCH, 7, "Bra och snabbt besked.", "sv", "positive"),
    ("CAND-b2", "P1", MARCH, 9, "Snabbt och tydligt besked, tack!", "sv", "positive"),
    ("CAND-b3", "P1", "2026-04-02T10:00:00Z", 0, "Jag fick aldrig någon återkoppling.", "sv", "negative"),
    # 22:30 UTC on 31 March is 00:30 on 1 April in Stockholm (CEST): an April answer. Stored unmasked
    # here, as an older store might hold it: comments() must mask it again.
    ("CAND-b4", "P1", "2026-03-31T22:30:00Z", 7, "Never heard back. Mail me at anna.svensson@example.com", "en",
     "negative"),
    ("CAND-zz", "P1", MARCH, 0, "Not in the event log", "en", "negative"),  # ignored
    ("CAND-r3", "P1", "2026-05-02T10:00:00Z", 0, "After as_of", "en", "negative"),  # ignored
]
FIXTURE_RATINGS = [  # candidate, submitted_at, rating, value
    ("CAND-h1", MARCH, "communication", 5), ("CAND-h2", MARCH, "communication", 4),
    ("CAND-r1", MARCH, "communication", 4), ("CAND-r2", MARCH, "communication", 1),
    ("CAND-b3", "2026-04-02T10:00:00Z", "communication", 2),
    ("CAND-h1", MARCH, "respect", 5), ("CAND-r2", MARCH, "respect", 2),
]


@pytest.fixture
def voice_store(store: Store) -> Store:
    with store.transaction() as cursor:
        cursor.executemany(EVENTS, [list(row) for row in FIXTURE_EVENTS])
        cursor.executemany(ANSWERS, [list(row) for row in FIXTURE_ANSWERS])
        cursor.executemany(RATINGS, [list(row) for row in FIXTURE_RATINGS])
    return store


def every_answer_shown(store: Store):
    """Settings that show groups of any size, to check the arithmetic on a few answers."""
    return store.settings().with_values(min_survey_answers=1)


# -- per group --------------------------------------------------------------------------------------

def test_response_rate_cnps_and_sentiment_of_a_process_by_hand(voice_store):
    rows = voice_by(voice_store, "process").set_index("group_key")
    p1 = rows.loc["P1"]
    # 10 applications sent a survey; all but the withdrawn w1 answered (h1 twice, counted once)
    assert (p1["survey_sent"], p1["survey_responses"]) == (10, 9)
    assert p1["survey_response_rate"] == pytest.approx(0.9)
    # NPS answers 10, 9, 9, 8, 3, 8, 7, 9, 0, 7 (zz and the answer after as_of are ignored):
    # promoters 10, 9, 9, 9 = 4; detractors 3, 0 = 2; passives 4 -> 100 * (4 - 2) / 10 = +20
    assert (p1["answers"], p1["nps_answers"]) == (10, 10)
    assert (p1["promoters"], p1["passives"], p1["detractors"]) == (4, 4, 2)
    assert p1["cnps"] == pytest.approx(20.0)
    # its interval: Wilson 95 % of the promoters 4/10 is .1682-.6873, of the detractors 2/10 .0567-.5098;
    # low 100 * (.1682 - .5098) = -34.17, high 100 * (.6873 - .0567) = +63.06
    assert (p1["cnps_low"], p1["cnps_high"]) == (pytest.approx(-34.17, abs=0.01), pytest.approx(63.06, abs=0.01))
    # comments: positive h1, r1, b1, b2; neutral h2; negative r2, b3, b4 -> 100 * (4 - 3) / 8 = +12.5
    assert (p1["comments"], p1["comments_positive"], p1["comments_neutral"], p1["comments_negative"]) == (8, 4, 1, 3)
    assert p1["sentiment_score"] == pytest.approx(12.5)
    assert not p1["suppressed"]
    # P2: no survey sent, no answers: nothing to divide, and nothing shown
    assert math.isnan(rows.loc["P2", "survey_response_rate"]) and rows.loc["P2", "suppressed"]


def test_each_outcome_group_by_hand(voice_store):
    rows = voice_by(voice_store, "outcome", settings=every_answer_shown(voice_store)).set_index("group_key")
    assert list(rows.index) == ["hired", "rejected_after_interview", "rejected_before_interview", "withdrawn", "open"]
    # hired h1, h2: 2 of 2 answered; NPS 10, 9, 9 -> +100; comments positive, neutral -> 100 * 1 / 2 = +50
    assert (rows.loc["hired", "survey_response_rate"], rows.loc["hired", "cnps"]) == (1.0, 100.0)
    assert rows.loc["hired", "sentiment_score"] == pytest.approx(50.0)
    # rejected after interview r1-r3: NPS 8, 3, 8 -> 100 * (0 - 1) / 3; comments positive, negative -> 0
    assert rows.loc["rejected_after_interview", "cnps"] == pytest.approx(-100 / 3)
    assert rows.loc["rejected_after_interview", "sentiment_score"] == pytest.approx(0.0)
    # rejected before interview b1-b4: NPS 7, 9, 0, 7 -> 100 * (1 - 1) / 4 = 0; comments +, +, -, - -> 0
    assert rows.loc["rejected_before_interview", "cnps"] == pytest.approx(0.0)
    assert rows.loc["rejected_before_interview", "survey_response_rate"] == pytest.approx(1.0)
    # withdrawn w1: sent a survey, never answered; no answers means nothing to show, whatever the setting
    assert rows.loc["withdrawn", "survey_response_rate"] == 0.0
    assert rows.loc["withdrawn", "suppressed"] and math.isnan(rows.loc["withdrawn", "cnps"])


def test_stage_groups_and_the_whole_selection(voice_store):
    everything = voice_by(voice_store, "all").iloc[0]
    assert (everything["group_key"], everything["answers"], everything["cnps"]) == ("all", 10, pytest.approx(20.0))
    # no stage was recorded: one group without a stage
    stages = voice_by(voice_store, "stage")
    assert stages["group_key"].isna().tolist() == [True]
    filtered = voice_by(voice_store, "all", filters=Filters(processes=("P2",))).iloc[0]
    assert (filtered["applications"], filtered["answers"], filtered["suppressed"]) == (1, 0, True)


def test_the_answers_of_the_logs_applications_are_counted_without_a_voice_report(voice_store):
    # 12 answers: CAND-zz applied to nothing in the log and CAND-r3's second came after as_of
    assert linked_answers(voice_store) == 10
    assert voice_by(voice_store, "all").at[0, "answers"] == 10


def test_distribution_ratings_and_trend_by_hand(voice_store):
    distribution = nps_distribution(voice_store).set_index("score")["answers"]
    assert distribution.to_dict() == {0: 1, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 2, 8: 2, 9: 3, 10: 1}
    ratings = rating_means(voice_store).set_index("rating")
    # communication 5, 4, 4, 1, 2 -> 16 / 5 = 3.2; respect has only 2 ratings (< 5): no mean
    assert (ratings.loc["communication", "n"], ratings.loc["communication", "mean"]) == (5, pytest.approx(3.2))
    assert ratings.loc["respect", "n"] == 2 and math.isnan(ratings.loc["respect", "mean"])
    trend = cnps_trend(voice_store, settings=every_answer_shown(voice_store)).set_index("month")
    # March (local): h1 twice, h2, r1, r2, r3, b1, b2: NPS 10, 9, 9, 8, 3, 8, 7, 9 -> 100 * (4 - 1) / 8
    # April: b3 (2 April) and b4 (00:30 on 1 April in Stockholm): NPS 0, 7 -> 100 * (0 - 1) / 2
    assert trend["nps_answers"].to_dict() == {"2026-03": 8, "2026-04": 2}
    assert trend["cnps"].to_dict() == {"2026-03": pytest.approx(37.5), "2026-04": pytest.approx(-50.0)}
    # with the default minimum of 5 answers, April is suppressed
    default = cnps_trend(voice_store).set_index("month")
    assert default.loc["2026-04", "suppressed"] and math.isnan(default.loc["2026-04", "cnps"])


def test_themes_by_sentiment_count_each_comment_once_per_theme(voice_store):
    counts = theme_sentiment(voice_store).set_index(["theme", "label"])["comments"]
    # communication: r1, b1, b2 positive; b3, b4 negative. speed: r1, b1, b2 positive.
    # respect and interview: r1 positive, r2 negative. h1's and h2's comments have no theme.
    assert counts["communication"].to_dict() == {"positive": 3, "neutral": 0, "negative": 2}
    assert counts["speed"].to_dict() == {"positive": 3, "neutral": 0, "negative": 0}
    assert counts["respect"].to_dict() == counts["interview"].to_dict() == {"positive": 1, "neutral": 0, "negative": 1}
    assert counts["offer"].sum() == 0


# -- anonymity --------------------------------------------------------------------------------------

def test_groups_with_fewer_answers_than_the_minimum_are_suppressed(voice_store):
    rows = voice_by(voice_store, "outcome").set_index("group_key")  # default minimum: 5 answers
    # hired 3 answers, rejected after interview 3, before interview 4, withdrawn 0: all below 5
    assert rows["suppressed"].all()
    for column in ("cnps", "cnps_low", "promoters", "sentiment_score", "comments_positive"):
        assert rows[column].isna().all(), column
    assert rows.loc["rejected_before_interview", "answers"] == 4  # the size is shown, the verdict is not
    distribution = nps_distribution(voice_store, "outcome")
    assert distribution["answers"].isna().all()


def test_metrics_by_nulls_the_verdict_of_small_groups(voice_store):
    p1 = metrics_by(voice_store, "process").set_index("process_id").loc["P1"]
    assert not p1["few_survey_answers"] and p1["cnps"] == pytest.approx(20.0)  # 10 NPS answers
    strict = voice_store.settings().with_values(min_survey_answers=11)
    p1 = metrics_by(voice_store, "process", settings=strict).set_index("process_id").loc["P1"]
    assert p1["few_survey_answers"] and math.isnan(p1["cnps"]) and math.isnan(p1["sentiment_score"])
    assert p1["survey_answers_nps"] == 10


# -- what drives the verdict -------------------------------------------------------------------------

def test_informed_against_not_informed_difference_and_interval_by_hand(voice_store):
    drivers = verdict_drivers(voice_store, settings=every_answer_shown(voice_store)).set_index(["driver", "measure"])
    informed = drivers.loc["informed", "cnps"]
    # outcome known: h1, h2, r1-r3, b1-b4 (w1 withdrew). Told: all but b3, b4.
    # told: NPS 10, 9, 9, 8, 3, 8, 7, 9 -> n 8, 4 promoters (Wilson .2152-.7848), 1 detractor (.0224-.4709):
    #       cNPS +37.5, interval 100 * (.2152 - .4709) = -25.57 ... 100 * (.7848 - .0224) = +76.24
    # not told: NPS 0, 7 -> n 2, 0 promoters (0-.6576), 1 detractor (.0945-.9055):
    #       cNPS -50, interval -90.55 ... +56.31
    # difference 37.5 - (-50) = 87.5; low 87.5 - sqrt((37.5 + 25.57)² + (56.31 + 50)²) = 87.5 - 123.61,
    # high 87.5 + sqrt((76.24 - 37.5)² + (-50 + 90.55)²) = 87.5 + 56.08
    assert (informed["n_with"], informed["n_without"]) == (8, 2)
    assert (informed["score_with"], informed["score_without"]) == (37.5, -50.0)
    assert informed["difference"] == pytest.approx(87.5)
    assert informed["difference_low"] == pytest.approx(87.5 - 123.61, abs=0.01)
    assert informed["difference_high"] == pytest.approx(87.5 + 56.08, abs=0.01)
    sentiment = drivers.loc["informed", "sentiment"]
    # told: comments +, neutral, +, -, +, + -> n 6, 4 positive (Wilson .3000-.9032), 1 negative (.0301-.5635):
    #       score +50, interval -26.35 ... +87.32; not told: -, - -> n 2, score -100, interval -100 ... +31.52
    # difference 150; high 150 + sqrt((87.32 - 50)² + (-100 + 100)²) = 150 + 37.32: two answers that
    # agree still leave a wide interval (no zero-width interval from a tiny group)
    assert (sentiment["n_with"], sentiment["n_without"], sentiment["difference"]) == (6, 2, pytest.approx(150.0))
    assert sentiment["difference_high"] - sentiment["difference"] == pytest.approx(37.32, abs=0.01)
    # personal feedback among r1-r3: r1 (NPS 8: 0) against r2, r3 (3, 8: -50) -> +50
    assert drivers.loc[("personal_feedback", "cnps"), "difference"] == pytest.approx(50.0)
    # silent longer than 14 days: b3, b4 (never told; silent since 2 March) against the other 8 answers
    silence = drivers.loc["long_silence", "cnps"]
    assert (silence["n_with"], silence["n_without"], silence["difference"]) == (2, 8, pytest.approx(-87.5))
    # acknowledged within the SLA: everyone but b3 and b4, as for the outcome told
    assert drivers.loc[("ack_within_sla", "cnps"), "difference"] == pytest.approx(87.5)


def test_a_comparison_with_a_small_side_is_suppressed(voice_store):
    drivers = verdict_drivers(voice_store).set_index(["driver", "measure"])  # default minimum 5
    informed = drivers.loc["informed", "cnps"]
    assert informed["suppressed"] and (informed["n_with"], informed["n_without"]) == (8, 2)
    assert math.isnan(informed["difference"]) and math.isnan(informed["score_with"])
    figure = drivers_chart(verdict_drivers(voice_store), "en")
    assert any(note.text == "too few answers (n 8 yes / 2 no)" for note in figure.layout.annotations)


def test_the_drivers_chart_gives_each_panel_every_condition_once(voice_store):
    figure = drivers_chart(verdict_drivers(voice_store), "sv")
    conditions = [t(f"voice.driver.{driver}", "sv") for driver in DRIVERS]
    assert [list(trace.y) for trace in figure.data] == [conditions, conditions]   # no half-empty panels
    assert list(figure.layout.yaxis.categoryarray) == conditions


# -- the comment browser ----------------------------------------------------------------------------

def test_comments_never_carry_a_candidate_id_and_mask_an_email(voice_store):
    rows = comments(voice_store)
    assert "candidate_id" not in rows.columns
    assert not rows.astype(str).apply(lambda column: column.str.contains("CAND-")).any().any()
    assert len(rows) == 8
    b4 = rows[rows["comment"].str.startswith("Never heard back")].iloc[0]
    assert b4["comment"] == "Never heard back. Mail me at [email]"
    assert b4["drivers"] == ("-never heard back",) and b4["themes"] == ("communication",)
    assert str(b4["submitted_date"]) == "2026-04-01"  # the local date


def test_comment_filters_and_the_anonymity_of_small_processes(voice_store):
    facts = application_facts(voice_store)  # computed once, as the page's cache does
    negative = comments(voice_store, sentiment="negative", facts=facts)
    assert sorted(negative["nps"]) == [0, 3, 7]  # b3, r2, b4
    assert set(comments(voice_store, theme="speed", facts=facts)["label"]) == {"positive"}
    assert set(comments(voice_store, language="sv", facts=facts)["language"]) == {"sv"}
    assert len(comments(voice_store, limit=3, facts=facts)) == 3
    assert comments(voice_store, process="P2", facts=facts).empty
    strict = voice_store.settings().with_values(min_survey_answers=11)
    assert comments(voice_store, settings=strict, facts=facts).empty  # P1 has 10 answers


def test_highlighting_escapes_the_comment_before_adding_emphasis():
    text = "Trevligt *bemötande* men [klicka här](http://x.se) <b>aldrig</b> svar"
    markdown = highlight_drivers(text, ("+trevligt", "-aldrig"))
    assert markdown.startswith(":green[**Trevligt**] \\*bemötande\\* men \\[klicka här\\]\\(http\\://x\\.se\\)")
    assert "\\<b\\>:red[**aldrig**]\\</b\\>" in markdown


# -- calibration ------------------------------------------------------------------------------------

def add_comment_answers(store: Store, rows: list[tuple[str, int, str]], first: int = 0) -> None:
    """rows: (text, nps, stored label), answers number `first` on; no events are needed to calibrate."""
    answers = [(f"C{i}", "P9", f"2026-03-01T{i // 60:02d}:{i % 60:02d}:00Z", nps, text, "en", label)
               for i, (text, nps, label) in enumerate(rows, start=first)]
    with store.transaction() as cursor:
        cursor.executemany(ANSWERS, [list(row) for row in answers])


# Praise-worded comments from detractors and complaint-worded ones from promoters: the default
# reading is wrong on every one, and a re-weighting of its evidence can learn that.
INVERTED = [("Nice office, great coffee.", 2, "positive")] * 30 + \
           [("Tough interview, hard questions, long day.", 10, "negative")] * 30
# Wording and NPS agree: the default reading is already right on every one.
AGREEING = [("Nice office, great coffee.", 10, "positive")] * 30 + \
           [("Tough interview, hard questions, long day.", 2, "negative")] * 30


def test_a_calibration_that_beats_the_default_is_stored_and_relabels(store):
    add_comment_answers(store, INVERTED)
    assert labels_version(store) == 0
    result = calibrate_from_store(store)
    assert result.beats_default and result.scorer == CALIBRATED
    assert (result.labelled_comments, result.trained_on, result.held_out) == (60, 42, 18)
    assert (result.default_accuracy, result.calibrated_accuracy) == (0.0, 1.0)
    assert result.relabelled == 60 and result.calibrated_at is not None
    stored = store.fetchall("SELECT nps, sentiment_label, sentiment_scorer FROM survey_responses GROUP BY ALL ORDER BY nps")
    assert stored == [(2, "negative", CALIBRATED), (10, "positive", CALIBRATED)]
    assert active_scorer(store) == CALIBRATED and labels_version(store) == 1
    saved = store.fetchall("SELECT default_accuracy, calibrated_accuracy, labelled_comments, definition "
                           "FROM sentiment_calibrations")
    assert saved[0][:3] == (0.0, 1.0, 60) and '"weights": [' in saved[0][3]


def test_a_calibration_that_does_not_beat_the_default_changes_nothing(store):
    add_comment_answers(store, AGREEING)
    result = calibrate_from_store(store)
    assert not result.beats_default and (result.default_accuracy, result.calibrated_accuracy) == (1.0, 1.0)
    assert (result.scorer, result.relabelled) == (SCORER_NAME, 0)
    stored = store.fetchall("SELECT nps, sentiment_label, sentiment_scorer FROM survey_responses GROUP BY ALL ORDER BY nps")
    assert stored == [(2, "negative", SCORER_NAME), (10, "positive", SCORER_NAME)]
    assert active_scorer(store) == SCORER_NAME
    assert store.scalar("SELECT count(*) FROM sentiment_calibrations WHERE NOT beats_default") == 1


def test_too_few_comments_train_nothing_and_a_losing_rerun_restores_default_labels(store):
    add_comment_answers(store, INVERTED[:10])
    untrained = calibrate_from_store(store)
    assert untrained.default_accuracy is None and "at least 30" in untrained.reason
    assert untrained.labelled_comments == 10
    add_comment_answers(store, INVERTED[10:], first=10)
    assert calibrate_from_store(store).beats_default
    # the customer's NPS now agrees with the wording: a new run loses, and the default labels come back
    store.fetchall("UPDATE survey_responses SET nps = CASE WHEN nps = 2 THEN 10 ELSE 2 END")
    rerun = calibrate_from_store(store)
    assert not rerun.beats_default and rerun.relabelled > 0
    assert active_scorer(store) == SCORER_NAME
    assert store.scalar("SELECT count(*) FROM survey_responses WHERE comment LIKE 'Nice%' "
                        "AND sentiment_label <> 'positive'") == 0


# -- the page ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("voice-demo") / "demo.duckdb"
    store = Store(path)
    load_demo(store)
    store.close()
    return path


@pytest.fixture
def demo_app_db(demo_db, tmp_path, monkeypatch) -> Path:
    """A copy of the demo store per test (the calibration button writes to it), with its pseudonym key."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    shutil.copy(demo_db.with_name(demo_db.name + ".key"), path.with_name(path.name + ".key"))
    monkeypatch.setenv("RADAR_DB", str(path))
    monkeypatch.setenv("RADAR_DEMO", "0")
    return path


@pytest.mark.parametrize(("lang", "title", "empty"), [
    ("en", "Candidate voice", "No survey answers for this selection yet"),
    ("sv", "Kandidatens röst", "Inga enkätsvar för det här urvalet ännu"),
])
def test_page_on_an_empty_store(app_db, lang, title, empty):
    at = run_page("content/voice.py", lang)
    assert at.title[0].value == title
    assert at.info[0].value.startswith(empty)


@pytest.mark.parametrize(("lang", "process_column", "told", "n_yes", "n_no", "labels_by"), [
    ("en", "Process", "Told the outcome", "n yes", "n no", t("voice.labels_by", "en", scorer=t("voice.scorer.builtin", "en"))),
    ("sv", "Process", "Fick besked om utfallet", "n ja", "n nej",
     t("voice.labels_by", "sv", scorer=t("voice.scorer.builtin", "sv"))),
])
def test_page_on_the_demo_shows_the_harsh_process_lowest_and_the_drivers(
        demo_app_db, lang, process_column, told, n_yes, n_no, labels_by):
    at = run_page("content/voice.py", lang)
    at.segmented_control(key="w_period").set_value("all").run()     # the whole demo, as verdict_drivers reads it
    groups, drivers = at.dataframe[0].value, at.dataframe[1].value
    cnps_column = groups.columns[4]
    harsh = next(process.name for process in DEMO_PROCESSES if "harsh_comments" in process.planted)
    assert groups.loc[groups[cnps_column].idxmin(), process_column] == harsh
    demo = Store(demo_app_db)
    expected = verdict_drivers(demo).set_index(["driver", "measure"]).loc[("informed", "cnps")]
    demo.close()
    row = drivers[drivers.iloc[:, 0] == told].iloc[0]
    assert (row[n_yes], row[n_no]) == (expected["n_with"], expected["n_without"])
    assert labels_by in [caption.value for caption in at.main.caption]
    assert len(at.metric) == 4


def test_page_groups_by_outcome_filters_comments_and_calibrates(demo_app_db):
    at = run_page("content/voice.py", "en")
    at.radio(key="voice_by").set_value("outcome").run()
    assert "Rejected after interview" in at.dataframe[0].value["Outcome"].tolist()
    at.selectbox(key="voice_comment_sentiment").set_value("negative").run()
    comment_lines = [caption.value for caption in at.caption if " · " in caption.value]
    assert comment_lines and all("Negative" in line for line in comment_lines)
    at.button(key="voice_calibrate").click().run()
    assert not at.exception
    shown = [element.value for element in [*at.success, *at.info]]
    assert any("comments kept aside" in text for text in shown)
    assert [c.value for c in at.main.caption if c.value.startswith("Tone read by ")]


def test_group_chart_puts_the_lowest_cnps_first(voice_store):
    groups = voice_by(voice_store, "outcome", settings=every_answer_shown(voice_store))
    figure = cnps_by_group_chart(groups, "outcome", "en")
    assert list(figure.data[0].x) == pytest.approx([-100 / 3, 0.0, 100.0])
    assert figure.data[0].y[0].startswith("Rejected after interview")
    assert figure.layout.xaxis.title.text.startswith("Candidate NPS")


# -- the headline cards: the window, and its change against the window before --------------------

def test_the_previous_window_has_the_same_length_just_before():
    window = Filters(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31), departments=("IT",))
    assert previous_window(window) == Filters(date_from=date(2026, 1, 29), date_to=date(2026, 2, 28),
                                              departments=("IT",))
    assert previous_window(Filters(date_from=date(2026, 3, 1))) is None     # no closed range: no trend
    assert previous_window(Filters()) is None


def test_voice_cards_show_the_change_in_each_measures_unit():
    now = {"survey_response_rate": 0.43, "cnps": 12.4, "sentiment_score": -5.0, "answers": 40,
           "survey_sent": 100, "survey_responses": 43, "nps_answers": 38, "comments": 20}
    before = {**now, "survey_response_rate": 0.5, "cnps": 2.0, "sentiment_score": -5.2, "answers": 52}
    cards = voice_cards(now, before, "sv")
    assert [(label, value, change) for label, value, change, _, _ in cards] == [
        ("Svarsfrekvens", "43\u00a0%", "-7 p.e."), ("Kandidat-NPS", "+12", "+10"),
        ("Kommentarernas ton", "-5", "0"), ("Svar", "40", "-12")]
    assert [change for _, _, change, _, _ in voice_cards(now, None, "en")] == [None] * 4


def test_page_cards_state_their_window_and_compare_with_the_window_before(demo_app_db):
    at = run_page("content/voice.py", "en", **{"from": "2026-06-01", "to": "2026-08-31"})
    answers = next(card for card in at.metric if card.label == "Answers")
    demo = Store(demo_app_db)
    now = voice_report(demo, "process", Filters(date_from=date(2026, 6, 1), date_to=date(2026, 8, 31))).overall
    before = voice_report(demo, "process", Filters(date_from=date(2026, 3, 1), date_to=date(2026, 5, 31))).overall
    demo.close()
    assert answers.value == str(now["answers"])
    assert answers.delta == (f"{now['answers'] - before['answers']:+d}" if now["answers"] != before["answers"] else "0")
    captions = [caption.value for caption in at.caption]
    assert "Answers from candidates who applied 2026-06-01 – 2026-08-31; the changes compare with those who " \
           "applied 2026-03-01 – 2026-05-31." in captions
