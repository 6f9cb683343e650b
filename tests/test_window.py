"""The one time window and the split of the action list into today's calls and the backlog.

Seven applications to one process, as of 31 March 2026 14:00 in Stockholm (12:00 UTC), worked by
hand. The 30-day window ending at "as of" is 2 – 31 March (local dates); the window before it is
31 January – 1 March. With an action horizon of 20 days:

    a1  applied 30 Mar, acknowledged at once            window    no action
    a2  applied 25 Mar, nothing since                   window    never acknowledged, waiting 6 days (not yet silent 14)
    a3  applied 2 Mar, update 15 Mar, nothing since     window    silent open 16 days: today
    a4  applied 1 Mar 23:30 UTC = 2 Mar 00:30 local     window    never acknowledged, silent 29 days: backlog
    a5  applied 10 Feb, interview, rejected 25 Feb      before    feedback call 34 days: backlog (outside the window)
    a6  applied 15 Jan, acknowledged, hired 1 Feb       neither   no action
    a7  applied 10 Mar, interview, rejected 25 Mar      window    feedback call 6 days: today
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.i18n import tn
from analytics.measure.actions import action_list, todays_actions
from analytics.measure.metrics import Filters, application_facts, compare_windows, kept_facts, metrics_by
from analytics.measure.risk import assess_risk
from analytics.measure.window import Window, preset_window, window_from_link
from analytics.settings import Settings
from tests.test_metrics import add_events, event, new_store

AS_OF_DAY = date(2026, 3, 31)
HORIZON = Settings(action_horizon_days=20)
P = dict(process_name="Support", recruiter="Anna")

EVENTS = [
    event("a1", "p", "application_received", "2026-03-30T08:00:00Z", "portal", **P),
    event("a1", "p", "acknowledgement_sent", "2026-03-30T08:05:00Z", "email", **P),
    event("a2", "p", "application_received", "2026-03-25T08:00:00Z", "portal", **P),
    event("a3", "p", "application_received", "2026-03-02T09:00:00Z", "portal", **P),
    event("a3", "p", "status_update_sent", "2026-03-15T09:00:00Z", "email", **P),
    event("a4", "p", "application_received", "2026-03-01T23:30:00Z", "portal", **P),
    event("a5", "p", "application_received", "2026-02-10T09:00:00Z", "portal", **P),
    event("a5", "p", "interview_held", "2026-02-20T09:00:00Z", "video", **P),
    event("a5", "p", "rejected", "2026-02-25T09:00:00Z", **P),
    event("a6", "p", "application_received", "2026-01-15T09:00:00Z", "portal", **P),
    event("a6", "p", "acknowledgement_sent", "2026-01-15T10:00:00Z", "email", **P),
    event("a6", "p", "hired", "2026-02-01T09:00:00Z", "email", **P),
    event("a7", "p", "application_received", "2026-03-10T09:00:00Z", "portal", **P),
    event("a7", "p", "interview_held", "2026-03-20T09:00:00Z", "in_person", **P),
    event("a7", "p", "rejected", "2026-03-25T09:00:00Z", **P),
    # the latest event: "as of" is 31 March 12:00 UTC
    event("a1", "p", "status_update_sent", "2026-03-31T12:00:00Z", "email", **P),
]
WINDOW = Filters(date(2026, 3, 2), date(2026, 3, 31))


@pytest.fixture
def seven(tmp_path):
    store = new_store(tmp_path)
    add_events(store, EVENTS)
    yield store
    store.close()


def test_a_preset_ends_at_as_of_and_compares_with_the_window_before():
    window = preset_window(30, AS_OF_DAY)
    assert window == Window(date(2026, 3, 2), date(2026, 3, 31)) and window.days == 30
    assert window.previous() == Window(date(2026, 1, 31), date(2026, 3, 1))   # 1 + 28 + 1 days
    assert window.preset(AS_OF_DAY) == 30
    assert window.preset(date(2026, 4, 1)) is None                  # a month later it is a custom range
    assert Window(date(2026, 3, 3), date(2026, 3, 31)).preset(AS_OF_DAY) is None


def test_a_link_gives_exactly_its_window():
    first = date(2025, 6, 1)
    assert window_from_link(date(2026, 1, 1), date(2026, 3, 31), AS_OF_DAY, first) == Window(
        date(2026, 1, 1), date(2026, 3, 31))
    assert window_from_link(date(2026, 3, 31), date(2026, 1, 1), AS_OF_DAY, first) == Window(
        date(2026, 1, 1), date(2026, 3, 31))                        # reversed ends are swapped
    assert window_from_link(date(2026, 2, 1), None, AS_OF_DAY, first) == Window(date(2026, 2, 1), AS_OF_DAY)
    assert window_from_link(None, date(2026, 2, 1), AS_OF_DAY, first) == Window(first, date(2026, 2, 1))
    assert window_from_link(None, None, AS_OF_DAY, first) == preset_window(90, AS_OF_DAY)


def test_the_window_selects_applications_by_their_local_date(seven):
    facts = application_facts(seven)
    assert facts["as_of"].iloc[0] == pd.Timestamp("2026-03-31T12:00:00Z")
    comparison = compare_windows(seven, None, WINDOW, facts=facts)
    assert (comparison.previous_from, comparison.previous_to) == (date(2026, 1, 31), date(2026, 3, 1))
    assert comparison.current.at[0, "applications"] == 5      # a1, a2, a3, a4 (local 2 March), a7
    assert comparison.previous.at[0, "applications"] == 1     # a5; a6 is before both
    assert metrics_by(seven, "all", filters=WINDOW, facts=facts).equals(comparison.current)
    # 1 January - 31 March: the 90 days before begin on 3 October, long before a6 (15 January), the
    # first application: that window is not in the data, so there is nothing to compare with
    quarter = compare_windows(seven, None, Filters(date(2026, 1, 1), date(2026, 3, 31)), facts=facts)
    assert quarter.previous_from == date(2025, 10, 3) and quarter.previous.empty
    assert quarter.current.at[0, "applications"] == 7


def test_the_filters_read_from_the_stored_facts_give_what_the_frame_of_every_application_gives(seven):
    """The pages compute only the applications a selection can hold (a day's margin on each side of
    its dates): the numbers are those of every application's facts, filtered afterwards."""
    every = application_facts(seven)
    one_day = Filters(date(2026, 3, 2), date(2026, 3, 2))
    for filters in (WINDOW, one_day, Filters(date(2026, 3, 1), date(2026, 3, 1)), Filters(recruiters=("Anna",)),
                    Filters(departments=("none",))):
        for by in ("all", "process", "month"):
            assert metrics_by(seven, by, filters=filters).equals(metrics_by(seven, by, filters=filters, facts=every))
    # a4 applied at 23:30 UTC on 1 March, 00:30 on 2 March in Stockholm: with a3, in the day of 2 March
    assert metrics_by(seven, "all", filters=one_day)["applications"].tolist() == [2]
    pushed, framed = compare_windows(seven, None, WINDOW), compare_windows(seven, None, WINDOW, facts=every)
    assert pushed.current.equals(framed.current) and pushed.previous.equals(framed.previous)
    risk = assess_risk(seven, HORIZON, WINDOW)
    assert risk.flags.equals(assess_risk(seven, HORIZON, WINDOW, application_facts(seven, HORIZON)).flags)


@pytest.mark.parametrize("window", [WINDOW, Filters(date(2026, 1, 1), date(2026, 3, 31))])
def test_facts_kept_once_for_the_overviews_reads_give_what_each_read_gives_alone(seven, window):
    """The Overview computes the facts of both windows once and reads the comparison, the risk ranking
    and the months from them; the quarter's window before begins before the first application."""
    both = Filters(Window(window.date_from, window.date_to).previous().start, window.date_to)
    with kept_facts(seven, HORIZON, both) as facts:
        comparison = compare_windows(seven, HORIZON, window, facts)
        flags = assess_risk(seven, HORIZON, window, facts).flags
        months = metrics_by(seven, "month", HORIZON, filters=window, facts=facts)
    alone = compare_windows(seven, HORIZON, window)
    assert comparison.current.equals(alone.current) and comparison.previous.equals(alone.previous)
    assert comparison.previous.empty == (window != WINDOW)
    assert flags.equals(assess_risk(seven, HORIZON, window).flags)
    assert months.equals(metrics_by(seven, "month", HORIZON, filters=window))


def test_the_action_list_splits_today_from_the_backlog(seven):
    facts = application_facts(seven, HORIZON)
    today = action_list(seven, HORIZON, WINDOW, facts, backlog=False)
    backlog = action_list(seven, HORIZON, WINDOW, facts, backlog=True)
    assert list(zip(today["candidate_id"], today["days_waiting"], today["reason"], strict=True)) == [
        ("a3", 16, "silent_open"), ("a7", 6, "feedback_call")]
    assert list(zip(backlog["candidate_id"], backlog["days_waiting"], backlog["reason"], strict=True)) == [
        ("a4", 29, "silent_open")]
    assert action_list(seven, HORIZON, WINDOW, facts)["candidate_id"].tolist() == ["a4", "a3", "a7"]   # both
    # without the window, a5 (decided 34 days ago) joins the backlog; a6 was hired
    everything = action_list(seven, HORIZON, Filters(), facts, backlog=True)
    assert everything["candidate_id"].tolist() == ["a5", "a4"]
    # the default horizon (30 days) keeps a4 (29 days) on today's list
    today = action_list(seven, Settings(), WINDOW, application_facts(seven), backlog=False)
    assert today["candidate_id"].tolist() == ["a4", "a3", "a7"]
    assert action_list(seven, Settings(), WINDOW, application_facts(seven), backlog=True).empty


def test_the_pages_action_list_keeps_today_and_counts_what_waits_longer(seven):
    """What the Brand risk page caches: today's part, and per process, recruiter and part how many."""
    kept = todays_actions(seven, HORIZON, WINDOW)
    assert kept.today.equals(action_list(seven, HORIZON, WINDOW, backlog=False))
    assert (kept.total(backlog=False), kept.total(backlog=True)) == (2, 1)   # a3, a7 today; a4 waits longer
    assert kept.counts["candidates"].sum() == len(action_list(seven, HORIZON, WINDOW))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_flag_advice_says_today_only_for_recent_cases(seven, lang):
    flags = assess_risk(seven, HORIZON, WINDOW, application_facts(seven, HORIZON)).flags.set_index("rule")
    # acknowledged within 48 h: a1 only of five; never acknowledged: a2 (6 days, today) and a4 (29, backlog)
    acknowledgement = flags.loc["no_or_slow_acknowledgement"]
    assert acknowledgement["details"]["never_acknowledged"] == 2
    assert acknowledgement["details"]["never_acknowledged_backlog"] == 1
    assert acknowledgement[f"action_{lang}"].endswith(" ".join([
        tn("risk.action.never_acknowledged", 1, lang, horizon=20),
        tn("risk.backlog.never_acknowledged", 1, lang, horizon=20)]))
    # silent for more than 14 days: a3 (16 days, today) and a4 (29 days, backlog)
    silence = flags.loc["left_without_updates"]
    assert silence[f"action_{lang}"] == " ".join([
        tn("risk.action.silent_open", 1, lang, limit="14"),
        tn("risk.backlog.silent_open", 1, lang, horizon=20)])


def test_plural_forms_follow_the_count():
    assert tn("risk.action.never_acknowledged", 1, "en", horizon=30) == (
        "Confirm today 1 application from the last 30 days that was never acknowledged at all.")
    assert tn("risk.action.never_acknowledged", 2, "en", horizon=30) == (
        "Confirm today 2 applications from the last 30 days that were never acknowledged at all.")
    assert tn("risk.action.never_acknowledged", 1, "sv", horizon=30) == (
        "Bekräfta i dag 1 ansökan från de senaste 30 dagarna som aldrig bekräftats alls.")
    assert tn("risk.action.never_acknowledged", 0, "sv", horizon=30).startswith("Bekräfta i dag 0 ansökningar")


def test_the_cli_report_takes_the_window(seven, tmp_path, capsys):
    from analytics.cli import main

    path = str(seven.path)
    seven.close()
    out = tmp_path / "window.xlsx"
    assert main(["report", "--db", path, "--out", str(out), "--from", "2026-03-02", "--to", "2026-03-31"]) == 0
    sheets = pd.read_excel(out, sheet_name=None)
    about, metrics = sheets["About"].iloc[:, 0].tolist(), sheets["Metrics per process"]
    assert "Applied between: 2 Mar 2026 – 31 Mar 2026" in about
    assert metrics["Applications"].tolist() == [5]          # a1, a2, a3, a4 (2 March local), a7
    assert main(["report", "--db", path, "--out", str(out)]) == 0
    assert pd.read_excel(out, sheet_name="Metrics per process")["Applications"].tolist() == [7]
    capsys.readouterr()
    assert main(["report", "--db", path, "--out", str(out), "--from", "2026-03-31", "--to", "2026-03-02"]) == 1
    assert "--from 2026-03-31 comes after --to 2026-03-02; swap them" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--db", path, "--out", str(out), "--from", "31/3/2026"])
    assert "'31/3/2026' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
