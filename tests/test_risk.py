"""Brand-risk flags, the risk score and the action list, on generated logs with planted problems,
on a hand-written fixture, and on the demo data (the issue's acceptance criterion)."""

from __future__ import annotations

import io
import json
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.i18n import t
from analytics.ingest.demo import DEMO_PROCESSES, load_demo
from analytics.measure.actions import ACTION_COLUMNS, action_list, action_table, with_recruiter
from analytics.measure.metrics import Filters, application_facts
from analytics.measure.risk import (
    FLAG_COLUMNS,
    assess_risk,
    flag_headline,
    flags_command,
    order_flags,
    process_risk,
    ranking_table,
    risk_flags,
    severity_counts,
)
from analytics.measure.risk_rules import SEVERITY_POINTS, Check
from analytics.present.exports import to_csv_bytes, to_xlsx_bytes
from analytics.settings import SETTING_SPECS, Settings
from analytics.store import Store
from tests.conftest import ROOT, run_page
from tests.test_metrics import add_answers, add_events, event

# The rule that must catch each failure kind the demo (and the generated logs) plant.
RULE_FOR_KIND = {
    "no_acknowledgement": "no_or_slow_acknowledgement",
    "slow_acknowledgement": "no_or_slow_acknowledgement",
    "ghosting": "left_without_updates",
    "outcome_not_told": "outcome_not_told",
    "no_personal_feedback": "no_personal_feedback",
    "harsh_comments": "negative_candidate_voice",
    "getting_worse": "getting_worse",
}
NO_FILTERS = Filters()


def new_store(tmp_path) -> Store:
    return Store(tmp_path / f"r-{uuid.uuid4().hex}.duckdb")


def flagged(flags: pd.DataFrame) -> dict[str, dict[str, str]]:
    """process_id -> {rule: severity}."""
    result: dict[str, dict[str, str]] = {}
    for flag in flags.to_dict("records"):
        result.setdefault(flag["process_id"], {})[flag["rule"]] = flag["severity"]
    return result


# --- generated logs ------------------------------------------------------------------------------

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


@dataclass(frozen=True)
class Profile:
    """How a generated process treats its candidates (the clean default treats them well)."""

    ack_share: float = 1.0
    ack_hours: float = 0.5
    silent_share: float = 0.0  # acknowledged, then never hear anything again
    notice_share: float = 1.0
    feedback_channel: str = "phone"
    nps: tuple[int, int] = (9, 10)
    comment_label: str = "positive"


CLEAN = Profile()
PLANTED = {
    "no_acknowledgement": Profile(ack_share=0.1),
    "slow_acknowledgement": Profile(ack_hours=100),
    "ghosting": Profile(silent_share=0.5),
    "outcome_not_told": Profile(notice_share=0.4),
    "no_personal_feedback": Profile(feedback_channel="email"),
    "harsh_comments": Profile(nps=(0, 4), comment_label="negative"),
}
WORSE = Profile(ack_share=0.1, feedback_channel="email")  # the second half of 'getting_worse'


def iso(moment: datetime) -> str:
    return moment.isoformat()


def simulate(rng: random.Random, process: str, number: int, applied: datetime, profile: Profile,
             recruiter: str) -> tuple[list, list]:
    """The events and survey answers of one application, all before NOW."""
    candidate = f"{process}-c{number}"
    events = [event(candidate, process, "application_received", iso(applied), "portal", recruiter=recruiter,
                    process_name=f"Process {process}")]
    answers = []

    def add(event_type: str, at: datetime, channel: str | None = None) -> None:
        if at <= NOW:
            events.append(event(candidate, process, event_type, iso(at), channel))

    if rng.random() < profile.ack_share:
        add("acknowledgement_sent", applied + timedelta(hours=profile.ack_hours), "email")
    if rng.random() < profile.silent_share:
        return events, answers
    add("status_update_sent", applied + timedelta(days=7), "email")
    interviewed = rng.random() < 0.4
    if interviewed:
        add("interview_scheduled", applied + timedelta(days=3), "email")
        add("interview_held", applied + timedelta(days=6), "video")
    decided = applied + timedelta(days=10)
    if decided > NOW:
        return events, answers
    if interviewed and rng.random() < 0.15:
        add("offer_made", decided, "phone")
        return events, answers
    add("rejected", decided)
    if rng.random() < profile.notice_share:
        add("rejection_sent", decided + timedelta(hours=2), "email")
        if interviewed:
            add("feedback_given", decided + timedelta(hours=3), profile.feedback_channel)
        submitted = decided + timedelta(days=2)
        if submitted <= NOW:
            answers.append((candidate, process, iso(submitted), rng.randint(*profile.nps), "a comment",
                            profile.comment_label))
    return events, answers


def generate(store: Store, processes: dict[str, Profile | tuple[Profile, Profile]], seed: int = 7,
             applications: int = 60, days: int = 160) -> None:
    """Each process gets `applications` applications spread over the `days` before NOW; a pair of
    profiles means the first half of the window follows the first, the second half the second."""
    rng = random.Random(seed)
    events, answers = [], []
    for process, profiles in processes.items():
        before, after = profiles if isinstance(profiles, tuple) else (profiles, profiles)
        for number in range(applications):
            offset = rng.uniform(1, days)
            applied = NOW - timedelta(days=offset)
            profile = after if offset < days / 2 else before
            more_events, more_answers = simulate(rng, process, number, applied, profile, f"Recruiter {process}")
            events += more_events
            answers += more_answers
    add_events(store, events)
    add_answers(store, answers)


def assess(store: Store, settings: Settings | None = None, filters: Filters = NO_FILTERS):
    settings = settings or Settings()
    return assess_risk(store, settings, filters, facts=application_facts(store, settings, as_of=NOW))


@dataclass(frozen=True)
class Planted:
    """A store with generated processes and its facts, computed once: the risk_* settings do not
    change the facts, so every threshold can be tried on the same frame."""

    store: Store
    facts: pd.DataFrame

    def assess(self, settings: Settings | None = None, filters: Filters = NO_FILTERS):
        return assess_risk(self.store, settings or Settings(), filters, facts=self.facts)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """Two clean processes and one per failure kind."""
    opened = Store(tmp_path_factory.mktemp("planted") / "planted.duckdb")
    generate(opened, {"clean-a": CLEAN, "clean-b": CLEAN, **PLANTED, "getting_worse": (CLEAN, WORSE)})
    yield Planted(opened, application_facts(opened, Settings(), as_of=NOW))
    opened.close()


@pytest.mark.parametrize("kind", sorted(RULE_FOR_KIND))
def test_each_rule_fires_on_its_planted_process(planted, kind):
    flags = flagged(planted.assess().flags)
    assert RULE_FOR_KIND[kind] in flags.get(kind, {}), flags.get(kind)


def test_no_rule_fires_on_a_clean_process(planted):
    flags = flagged(planted.assess().flags)
    assert "clean-a" not in flags and "clean-b" not in flags, {p: flags.get(p) for p in ("clean-a", "clean-b")}


def test_a_process_getting_worse_is_measured_half_against_half(planted):
    flags = planted.assess().flags
    worse = flags[(flags["process_id"] == "getting_worse") & (flags["rule"] == "getting_worse")].iloc[0]
    details = worse["details"]
    assert worse["measure"] in ("ack_within_sla_share", "personal_feedback_share")
    assert details["previous_value"] > details["current_value"]
    assert worse["interval_low"] > 0  # proven worse, not a chance difference
    assert date.fromisoformat(details["previous_to"]) < date.fromisoformat(details["current_from"])


def test_every_flag_carries_its_evidence_and_action_in_both_languages(planted):
    flags = planted.assess().flags
    assert list(flags.columns) == list(FLAG_COLUMNS)
    for flag in flags.to_dict("records"):
        assert flag["interval_low"] - 1e-9 <= flag["value"] <= flag["interval_high"] + 1e-9
        assert flag["n"] > 0 and flag["affected"] >= 0 and flag["points"] == SEVERITY_POINTS[flag["severity"]]
        for language in ("en", "sv"):
            assert flag[f"evidence_{language}"] and flag[f"action_{language}"]
            assert "{" not in flag[f"evidence_{language}"] + flag[f"action_{language}"]
        assert f"{flag['n']}" in flag["evidence_en"] or flag["rule"] == "getting_worse"


def test_personal_feedback_action_names_the_interviewees_to_call(planted):
    flags = planted.assess().flags
    flag = flags[(flags["process_id"] == "no_personal_feedback") & (flags["rule"] == "no_personal_feedback")].iloc[0]
    assert flag["value"] == 0 and flag["affected"] == flag["n"]
    backlog = flag["details"]["feedback_missing_backlog"]
    assert 0 < backlog < flag["affected"]   # the planted log runs over months: some calls are long overdue
    assert flag["action_en"].startswith(f"Call {flag['affected'] - backlog} interviewee")
    assert f"Backlog: {backlog} interviewees rejected more than 30 days ago" in flag["action_en"]
    assert "job ad's requirements" in flag["action_en"] and "jobbannonsens krav" in flag["action_sv"]


STRICTER = [
    ("risk_ack_within_sla_min", 0.5, 0.99),
    ("risk_ghosted_max", 0.6, 0.0),
    ("risk_told_in_time_min", 0.3, 0.99),
    ("risk_personal_feedback_min", 0.0, 0.99),
    ("risk_cnps_min", -100.0, 99.0),
    ("risk_sentiment_min", -100.0, 99.0),
    ("risk_worsening_min", 0.9, 0.0),
    ("risk_high_margin", 1.0, 0.01),
]
# cNPS and sentiment raise one flag together: test each with the other switched off.
SWITCHED_OFF = {"risk_cnps_min": {"risk_sentiment_min": -100.0}, "risk_sentiment_min": {"risk_cnps_min": -100.0}}


@pytest.mark.parametrize(("name", "lenient", "strict"), STRICTER)
def test_a_stricter_threshold_gives_more_or_higher_flags(planted, name, lenient, strict):
    def points(value) -> dict[tuple[str, str], int]:
        settings = Settings().with_values(**SWITCHED_OFF.get(name, {}), **{name: value})
        flags = planted.assess(settings).flags
        return {(f["process_id"], f["rule"]): f["points"] for f in flags.to_dict("records")}

    relaxed, tightened = points(lenient), points(strict)
    assert all(tightened.get(key, 0) >= value for key, value in relaxed.items())
    assert sum(tightened.values()) > sum(relaxed.values())


def test_the_default_thresholds_are_documented_settings():
    names = {spec.name for spec in SETTING_SPECS}
    documented = (ROOT / "docs" / "risk.md").read_text(encoding="utf-8")
    for name, _, _ in STRICTER:
        assert name in names and f"`{name}`" in documented
        assert t(f"setting.{name}", "sv") != t(f"setting.{name}", "en")


def test_small_groups_fire_only_when_the_interval_proves_the_breach(tmp_path):
    store = new_store(tmp_path)
    applied = NOW - timedelta(days=30)
    events = []
    # 'none': six applications, none acknowledged within 48 h (0 of 6: interval 0–39 %, below 95 %).
    # 'most': five of six acknowledged (83 %, interval 44–97 %: may well reach 95 %).
    for process, acknowledged in (("none", 0), ("most", 5)):
        for number in range(6):
            candidate = f"{process}{number}"
            events.append(event(candidate, process, "application_received", iso(applied), recruiter="R"))
            delay = timedelta(hours=1) if number < acknowledged else timedelta(days=3)
            events.append(event(candidate, process, "acknowledgement_sent", iso(applied + delay), "email"))
            events.append(event(candidate, process, "status_update_sent", iso(NOW - timedelta(days=1)), "email"))
    add_events(store, events)

    flags = assess(store).flags.set_index(["process_id", "rule"])
    assert ("most", "no_or_slow_acknowledgement") not in flags.index  # 6 < min_group_size and not proven
    proven = flags.loc[("none", "no_or_slow_acknowledgement")]
    assert proven["severity"] == "high" and proven["n"] == 6
    assert proven["interval_high"] == pytest.approx(0.390, abs=1e-3)

    lowered = assess(store, Settings().with_values(min_group_size=5)).flags.set_index(["process_id", "rule"])
    assert lowered.loc[("most", "no_or_slow_acknowledgement"), "severity"] == "low"
    store.close()


@pytest.mark.parametrize(("value", "low", "high", "n", "expected"), [
    (0.96, 0.90, 0.99, 100, None),  # better than the threshold
    (0.90, 0.85, 0.97, 100, "low"),  # worse, but the interval reaches the threshold
    (0.90, 0.85, 0.97, 9, None),  # the same in a group below min_group_size
    (0.80, 0.70, 0.90, 9, "medium"),  # the interval proves it, whatever the size
    (0.50, 0.40, 0.60, 9, "high"),  # proven by at least risk_high_margin (0.20)
])
def test_severity_follows_the_interval(value, low, high, n, expected):
    check = Check("ack_within_sla_share", value, low, high, n, 0.95, True)
    assert check.severity(Settings()) == expected


def test_severity_of_a_score_uses_a_margin_twice_as_wide():
    # cNPS threshold 0: an interval ending at −30 is proven below but by less than 40 points.
    assert Check("cnps", -50, -70, -30, 40, 0, True, 200).severity(Settings()) == "medium"
    assert Check("cnps", -80, -95, -45, 40, 0, True, 200).severity(Settings()) == "high"


def test_the_risk_score_adds_up_the_points_of_the_flags(planted):
    assessment = planted.assess()
    processes = assessment.processes
    assert list(processes.columns[:8]) == ["process_id", "process_name", "recruiter", "applications", "small_group",
                                           "risk_score", "score_parts", "flags"]
    for process in processes.to_dict("records"):
        own = assessment.flags[assessment.flags["process_id"] == process["process_id"]]
        assert process["risk_score"] == own["points"].sum() and process["flags"] == len(own)
        if len(own):
            assert sum(int(part.split(" ")[0]) for part in process["score_parts"].split(" + ")) == process["risk_score"]
            worst = order_flags(own, [process["process_id"]]).iloc[0]   # most points first, then most affected
            assert (process["worst_rule"], process["worst_severity"]) == (worst["rule"], worst["severity"])
    assert processes["risk_score"].is_monotonic_decreasing
    assert set(processes["process_id"].tail(2)) == {"clean-a", "clean-b"}


def test_process_risk_keeps_its_signature_and_speaks_swedish(planted):
    settings = Settings()
    ranked = process_risk(planted.store, settings, Filters(), planted.facts)
    swedish = process_risk(planted.store, settings, Filters(), planted.facts, lang="sv")
    assert ranked["risk_score"].tolist() == swedish["risk_score"].tolist()
    worst = swedish.iloc[0]
    assert t(f"risk.rule_short.{worst['worst_rule']}", "sv") in worst["score_parts"]


def test_small_processes_are_never_ranked_above_larger_ones(tmp_path):
    store = new_store(tmp_path)
    generate(store, {"tiny-bad": PLANTED["no_acknowledgement"]}, applications=8)
    generate(store, {"large-ok": Profile(ack_share=0.85)}, seed=8, applications=60)
    processes = assess(store).processes
    assert processes["process_id"].tolist() == ["large-ok", "tiny-bad"]
    assert processes.set_index("process_id").loc["tiny-bad", "risk_score"] > 0
    store.close()


def test_filters_narrow_the_flags(planted):
    only = planted.assess(filters=Filters(processes=("ghosting",))).flags
    assert set(only["process_id"]) == {"ghosting"}
    assert planted.assess(filters=Filters(processes=("nothing",))).flags.empty


# --- the action list, by hand ---------------------------------------------------------------------

AS_OF = "2026-03-31T12:00:00+00:00"
EVIL = '=HYPERLINK("http://evil.example","x")'
ACTION_EVENTS = [
    # s1: acknowledged on 1 March, then silence: open, 30 days 2 h without news.
    event("s1", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna", process_name="Support agent"),
    event("s1", "q1", "acknowledgement_sent", "2026-03-01T10:00:00Z", "email"),
    # s2: interviewed, rejected on 12 March, told by e-mail only: call for personal feedback (19 days).
    event("s2", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna"),
    event("s2", "q1", "acknowledgement_sent", "2026-03-01T10:00:00Z", "email"),
    event("s2", "q1", "interview_held", "2026-03-10T09:00:00Z", "video"),
    event("s2", "q1", "rejected", "2026-03-12T09:00:00Z"),
    event("s2", "q1", "rejection_sent", "2026-03-12T10:00:00Z", "email"),
    # s3: interviewed, rejected, called: nothing to do.
    event("s3", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna"),
    event("s3", "q1", "interview_held", "2026-03-10T09:00:00Z", "video"),
    event("s3", "q1", "rejected", "2026-03-12T09:00:00Z"),
    event("s3", "q1", "feedback_given", "2026-03-12T11:00:00Z", "phone"),
    # s4: rejected on 5 March without interview, never told: 26 days.
    event("s4", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna"),
    event("s4", "q1", "acknowledgement_sent", "2026-03-01T10:00:00Z", "email"),
    event("s4", "q1", "rejected", "2026-03-05T09:00:00Z"),
    # s5: rejected six days ago, not told yet: within the silence limit.
    event("s5", "q1", "application_received", "2026-03-20T09:00:00Z", recruiter="Anna"),
    event("s5", "q1", "acknowledgement_sent", "2026-03-20T10:00:00Z", "email"),
    event("s5", "q1", "rejected", "2026-03-25T09:00:00Z"),
    # s6: open, updated two days ago.
    event("s6", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna"),
    event("s6", "q1", "status_update_sent", "2026-03-29T12:00:00Z", "email"),
    # s7: withdrew.
    event("s7", "q1", "application_received", "2026-03-01T09:00:00Z", recruiter="Anna"),
    event("s7", "q1", "withdrawn", "2026-03-03T09:00:00Z"),
    # s8: interviewed, rejected eleven days ago, never told; a recruiter name that is a formula.
    event("s8", "q2", "application_received", "2026-03-02T09:00:00Z", recruiter=EVIL, process_name="Nurse"),
    event("s8", "q2", "interview_held", "2026-03-15T09:00:00Z", "in_person"),
    event("s8", "q2", "rejected", "2026-03-20T09:00:00Z"),
    # s9: interviewed, rejected on 1 March, never told: a feedback call (listed once).
    event("s9", "q1", "application_received", "2026-02-20T09:00:00Z", recruiter="Anna"),
    event("s9", "q1", "interview_held", "2026-02-27T09:00:00Z", "video"),
    event("s9", "q1", "rejected", "2026-03-01T09:00:00Z"),
]
EXPECTED_ACTIONS = [
    ("s1", 30, date(2026, 3, 1), "silent_open", "email_or_phone", "Support agent", "Anna", "q1"),
    ("s9", 30, date(2026, 3, 1), "feedback_call", "phone", "Support agent", "Anna", "q1"),
    ("s4", 26, date(2026, 3, 5), "outcome_not_told", "email", "Support agent", "Anna", "q1"),
    ("s2", 19, date(2026, 3, 12), "feedback_call", "phone", "Support agent", "Anna", "q1"),
    ("s8", 11, date(2026, 3, 20), "feedback_call", "phone", "Nurse", EVIL, "q2"),
]


@pytest.fixture
def action_store(tmp_path):
    store = new_store(tmp_path)
    add_events(store, ACTION_EVENTS)
    yield store
    store.close()


def actions_of(store: Store, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    return action_list(store, Settings(), filters, facts=application_facts(store, Settings(), as_of=AS_OF))


def test_action_list_by_hand(action_store):
    actions = actions_of(action_store)
    assert list(actions.columns) == [*ACTION_COLUMNS, "backlog"]
    # the longest wait is 30 days, the default action horizon: nobody is in the backlog yet
    assert list(actions[list(ACTION_COLUMNS)].itertuples(index=False, name=None)) == EXPECTED_ACTIONS
    assert not actions["backlog"].any()


def test_action_list_by_recruiter(action_store):
    anna = actions_of(action_store, with_recruiter(Filters(), "Anna"))
    assert anna["candidate_id"].tolist() == ["s1", "s9", "s4", "s2"]
    assert with_recruiter(Filters(processes=("q1",)), None) == Filters(processes=("q1",))


def test_action_table_speaks_the_users_language(action_store):
    table = action_table(actions_of(action_store), "sv")
    assert table.columns[0] == "Kandidat-id (källsystem)"
    assert table.iloc[1][t("risk.col.contact", "sv")] == "Telefonsamtal med personlig återkoppling"


def test_action_list_exports_are_formula_safe_and_typed(action_store):
    table = action_table(actions_of(action_store), "en")
    csv_text = to_csv_bytes(table).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    assert csv_text.splitlines()[1] == (
        "s1,30,2026-03-01,No news for too long,Status update by e-mail or phone,Support agent,Anna,q1")

    sheet = load_workbook(io.BytesIO(to_xlsx_bytes({"Action list": table}))).active
    last = list(sheet.iter_rows(min_row=2))[-1]
    assert last[6].value == "'" + EVIL and last[6].data_type == "s"  # text, never a formula
    assert isinstance(last[1].value, int) and last[1].value == 11
    assert last[2].is_date and last[2].value.date() == date(2026, 3, 20)
    assert sheet.column_dimensions["G"].width >= len(EVIL)


# --- JSON -------------------------------------------------------------------------------------------

def test_flags_command_prints_json_safe_flags(tmp_path):
    store = Store(tmp_path / "cli.duckdb")
    generate(store, {"ghosting": PLANTED["ghosting"], "clean": CLEAN})
    store.close()
    printed = json.loads(flags_command(tmp_path / "cli.duckdb", as_of=NOW.isoformat()))
    assert {flag["process_id"] for flag in printed} == {"ghosting"}
    flag = next(flag for flag in printed if flag["rule"] == "left_without_updates")
    assert set(FLAG_COLUMNS) <= set(flag)
    assert flag["severity"] == "high" and flag["interval_low"] <= flag["value"] <= flag["interval_high"]
    assert isinstance(flag["details"]["silence_limit_days"], float) and flag["action_sv"]
    latest = json.loads(flags_command(tmp_path / "cli.duckdb"))  # as_of: the latest event
    assert [(f["process_id"], f["rule"]) for f in latest] == [(f["process_id"], f["rule"]) for f in printed]


# --- the demo: the acceptance criterion --------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store = Store(path)
    assert all(report.ok for report in load_demo(store))
    store.close()
    return path


@pytest.fixture(scope="module")
def demo_flags(demo_db):
    store = Store(demo_db)
    flags = risk_flags(store)
    store.close()
    return flagged(flags)


@pytest.mark.parametrize("process", [p for p in DEMO_PROCESSES if p.planted], ids=lambda p: p.process_id)
def test_every_planted_demo_failure_is_flagged_with_the_right_rule(demo_flags, process):
    for kind in process.planted:
        assert demo_flags.get(process.process_id, {}).get(RULE_FOR_KIND[kind]) == "high", (kind, demo_flags)


def test_the_voice_flag_names_what_the_negative_comments_are_about(demo_db):
    store = Store(demo_db)
    flags = risk_flags(store, filters=Filters(processes=("REQ-1070",)))
    store.close()
    voice = flags[flags["rule"] == "negative_candidate_voice"].iloc[0]
    assert voice["details"]["negative_themes"][0][0] == "respect"  # the demo plants disrespectful comments
    assert "respect and tone" in voice["evidence_en"] and "respekt och bemötande" in voice["evidence_sv"]


def test_exemplary_demo_processes_carry_no_flag(demo_flags):
    exemplary = [p.process_id for p in DEMO_PROCESSES if p.exemplary]
    assert exemplary and {p: demo_flags.get(p) for p in exemplary} == dict.fromkeys(exemplary)


# --- the order people read flags in ----------------------------------------------------------------

def _flag_row(process_id: str, rule: str, severity: str, affected: int) -> dict:
    return {"process_id": process_id, "rule": rule, "severity": severity, "points": SEVERITY_POINTS[severity],
            "affected": affected}


def test_flags_run_from_high_to_low_within_a_process_then_by_applications_affected_then_by_rule():
    flags = pd.DataFrame([
        _flag_row("P1", "getting_worse", "low", 50),
        _flag_row("P2", "no_personal_feedback", "high", 3),
        _flag_row("P1", "no_personal_feedback", "medium", 4),
        _flag_row("P1", "outcome_not_told", "high", 7),
        _flag_row("P1", "left_without_updates", "high", 12),
        _flag_row("P1", "no_or_slow_acknowledgement", "medium", 4),   # ties with feedback: the rules' order
        _flag_row("P3", "outcome_not_told", "low", 1),                 # a process outside the ranking: last
    ])
    ordered = order_flags(flags, ["P2", "P1"])
    assert list(zip(ordered["process_id"], ordered["rule"], strict=True)) == [
        ("P2", "no_personal_feedback"),
        ("P1", "left_without_updates"), ("P1", "outcome_not_told"),           # high: 12, then 7 affected
        ("P1", "no_or_slow_acknowledgement"), ("P1", "no_personal_feedback"),  # medium, 4 each: rule order
        ("P1", "getting_worse"),                                                # low, however many affected
        ("P3", "outcome_not_told"),
    ]
    assert order_flags(flags.iloc[::-1], ["P2", "P1"]).equals(ordered)   # the same whatever order they came in
    assert severity_counts(flags) == {"high": 3, "medium": 2, "low": 2}
    assert severity_counts(flags.iloc[:0]) == {"high": 0, "medium": 0, "low": 0}


def test_ranking_table_counts_each_processes_flags_by_severity(planted):
    assessment = planted.assess()
    table = ranking_table(assessment, "sv")
    flagged = assessment.processes[assessment.processes["risk_score"].fillna(0) > 0]
    assert table[t("col.process_name", "sv")].tolist() == flagged["process_name"].tolist()
    high, medium, low = (t(f"risk.severity.{s}", "sv") for s in ("high", "medium", "low"))
    points = table[high] * 3 + table[medium] * 2 + table[low]
    assert points.tolist() == table[t("risk.col.risk_score", "sv")].tolist()
    assert table[t("risk.col.worst", "sv")].iloc[0] == t(f"risk.rule.{flagged['worst_rule'].iloc[0]}", "sv")


def test_a_flag_headline_names_the_measure_value_threshold_and_applications():
    share = {"rule": "no_or_slow_acknowledgement", "measure": "ack_within_sla_share", "value": 0.78,
             "threshold": 0.95, "affected": 33, "n": 150}
    assert flag_headline(share, "en") == (
        "Acknowledged within the SLA: 78% (threshold 95%) · 33 of 150 applications affected")
    assert flag_headline(share, "sv") == (
        "Bekräftade inom SLA: 78\u00a0% (tröskel 95\u00a0%) · 33 av 150 ansökningar berörda")
    ghosted = {**share, "rule": "left_without_updates", "measure": "ghosted_share", "value": 0.69, "threshold": 0.05}
    assert "69% (threshold at most 5%)" in flag_headline(ghosted, "en")
    voice = {"rule": "negative_candidate_voice", "measure": "cnps", "value": -95.0, "threshold": 0.0, "affected": 36,
             "n": 37}
    assert flag_headline(voice, "en") == "Candidate NPS: -95 (threshold 0) · 37 answers"


# --- the page ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "sv"])
def test_risk_page_on_an_empty_store(app_db, lang):
    at = run_page("content/risk.py", lang)
    assert at.title[0].value == t("risk.title", lang)
    assert at.info[0].value == t("store.empty", lang)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_risk_page_on_the_demo(demo_db, monkeypatch, lang):
    monkeypatch.setenv("RADAR_DB", str(demo_db))   # the demo's data as the user's own, unlabelled
    monkeypatch.setenv("RADAR_DEMO", "0")
    at = run_page("content/risk.py", lang)
    at.segmented_control(key="w_period").set_value("all").run()     # the whole demo, not the last 90 days
    ranking = at.dataframe[0].value
    assert ranking.iloc[0][t("col.process_name", lang)] == "Innesäljare Uppsala"
    markdown = " ".join(element.value for element in at.markdown)
    assert t("risk.rule.no_personal_feedback", lang) in markdown
    headings = [expander.label.replace("\\", "") for expander in at.expander]   # as read
    assert headings[0].startswith("**Innesäljare Uppsala** · REQ-1063") and any("REQ-1058" in h for h in headings)
    assert headings[0].endswith(t("risk.count.high", lang, count=4) + ", " + t("risk.count.medium", lang, count=1))
    # Summary: every flag counted once by severity, the same number the engine gives.
    engine = Store(demo_db)
    flags = assess_risk(engine, lang=lang).flags
    engine.close()
    summary = next(element.value for element in at.markdown if t("risk.summary.processes_flagged", lang,
                                                                 count=12, total=16) in element.value)
    for severity, count in severity_counts(flags).items():
        assert t(f"risk.count.{severity}", lang, count=count) in summary
    # Within the first process, the flags as drawn run from high to low severity.
    drawn = [element.value for element in at.markdown if "-badge[" in element.value and "**" in element.value]
    first = [flag for flag in flags.to_dict("records") if flag["process_id"] == "REQ-1063"]
    assert len(drawn) == len(flags)
    assert all(t(f"risk.severity.{flag['severity']}", lang) in line and t(f"risk.rule.{flag['rule']}", lang) in line
               for flag, line in zip(first, drawn, strict=False))
    assert [SEVERITY_POINTS[flag["severity"]] for flag in first] == sorted(
        (SEVERITY_POINTS[flag["severity"]] for flag in first), reverse=True)
    actions = at.dataframe[1].value
    recruiter_column = t("risk.col.recruiter", lang)
    assert actions[recruiter_column].nunique() > 1

    at.selectbox(key="risk_recruiter").set_value("Ahmed Hassan").run()
    assert not at.exception
    drawn = len(at.dataframe)
    # The backlog is read and drawn only once its expander is opened.
    at.session_state["risk_backlog_open"] = True
    at.run()
    assert not at.exception and len(at.dataframe) == drawn + 1
    backlog = at.dataframe[-1].value
    assert len(backlog) and all(set(frame.value[recruiter_column]) == {"Ahmed Hassan"} for frame in at.dataframe[1:])
    assert (backlog[t("risk.col.days_waiting", lang)] > Settings().action_horizon_days).all()

    # The link from a process's ghosted list: the action list narrowed to that process, named so in the file.
    narrowed = run_page("content/risk.py", lang, actions_process="REQ-1052",
                        **{"from": "2025-01-01", "to": "2026-12-31"})
    assert narrowed.selectbox(key="risk_action_process").value == "REQ-1052"
    narrowed.session_state["risk_backlog_open"] = True   # today's list and the backlog
    narrowed.run()
    listed = pd.concat([frame.value for frame in narrowed.dataframe[1:]])
    assert len(listed) and set(listed[t("risk.col.process_id", lang)]) == {"REQ-1052"}
    narrowed.selectbox(key="risk_action_process").set_value(None).run()
    widened = pd.concat([frame.value for frame in narrowed.dataframe[1:]])
    assert set(widened[t("risk.col.process_id", lang)]) != {"REQ-1052"}
    assert "actions_process" not in narrowed.query_params

    at.pills(key="risk_severities").set_value(["high"]).run()
    badges = [element.value for element in at.markdown if "-badge[" in element.value and "**" in element.value]
    assert badges and all(t("risk.severity.high", lang) in badge for badge in badges)
