"""Seeded demo data and a large benchmark log, written as canonical CSV files.

The demo tells a story: a few exemplary processes, one process for each way candidates are let
down, and middling ones in between. `DEMO_PROCESSES` says which is which, so tests and the guided
tour can point at the planted failures. The demo and the benchmark log share one vectorised
simulation, so the benchmark behaves like the demo at any size.

Times are simulated as local Europe/Stockholm wall-clock seconds (office hours are a local notion)
and written with the CET/CEST offset in force at that moment.
"""

from __future__ import annotations

import tempfile
from contextlib import nullcontext
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from analytics.ingest.demo_comments import (
    COMMENTS,
    EMAIL_DOMAINS,
    FIRST_NAMES,
    PHONE_FORMATS,
    PHONE_SUFFIXES,
)
from analytics.ingest.importer import ImportReport, import_file
from analytics.store import Store

DEFAULT_TODAY = date(2026, 11, 20)
STOCKHOLM = ZoneInfo("Europe/Stockholm")

EVENT_COLUMNS = (
    "candidate_id", "process_id", "event_type", "occurred_at",
    "process_name", "department", "recruiter", "stage", "channel",
)
SURVEY_COLUMNS = (
    "candidate_id", "process_id", "submitted_at", "nps",
    "rating_communication", "rating_respect", "rating_speed", "comment", "language",
)
FAILURE_KINDS = (
    "no_acknowledgement", "slow_acknowledgement", "ghosting", "no_personal_feedback",
    "outcome_not_told", "harsh_comments", "getting_worse",
)

HOUR = 3_600
DAY = 86_400
NEVER = np.iinfo(np.int64).max

EVENT_TYPES = np.array([
    "application_received", "acknowledgement_sent", "status_update_sent", "interview_scheduled",
    "interview_held", "rejected", "rejection_sent", "feedback_given", "offer_made", "hired",
    "withdrawn", "survey_sent",
], dtype=object)
(APPLIED, ACKNOWLEDGED, UPDATED, INTERVIEW_SCHEDULED, INTERVIEW_HELD, REJECTED, REJECTION_SENT,
 FEEDBACK, OFFER, HIRED, WITHDRAWN, SURVEY_SENT) = range(len(EVENT_TYPES))

CHANNELS = np.array(["", "email", "sms", "phone", "video", "in_person", "portal"], dtype=object)
NO_CHANNEL, EMAIL, SMS, PHONE, VIDEO, IN_PERSON, PORTAL = range(len(CHANNELS))

LANGUAGES = ("sv", "en")
STAGE_NAMES = np.array([
    ["Screening", "Intervju 1", "Intervju 2", "Erbjudande"],
    ["Screening", "Interview 1", "Interview 2", "Offer"],
], dtype=object)
SCREENING, INTERVIEW_1, INTERVIEW_2, OFFER_STAGE = range(STAGE_NAMES.shape[1])

# Share of local application times per hour of day: office hours and evenings, few at night.
APPLICATION_HOURS = np.array([1, 1, 1, 1, 1, 2, 4, 7, 10, 11, 10, 9, 9, 9, 8, 8, 7, 7, 8, 10, 11, 10, 7, 3], float)
APPLICATION_HOURS /= APPLICATION_HOURS.sum()

UPDATE_SLOTS = 8  # regular status updates an application can get before its decision
WITHDRAW_SHARE = 0.06
SECOND_ROUND_SHARE = 0.5
OFFER_ACCEPTED_SHARE = 0.88
COMMENT_SHARE = 0.72
PERSONAL_DETAILS_SHARE = 0.04
LANGUAGE_GIVEN_SHARE = 0.5


@dataclass(frozen=True)
class QualityProfile:
    """How a recruitment team treats candidates; every share is a chance per application.

    Delays of things people do are in office days (weekdays 08–17), so they land in office hours.
    """

    ack_share: float = 0.92
    ack_auto_share: float = 0.7  # automatic confirmations, sent at any hour
    ack_auto_min_hours: float = 0.02
    ack_auto_max_hours: float = 0.2
    ack_manual_days: float = 1.0  # median of hand-sent confirmations
    ack_manual_spread: float = 0.8  # lognormal sigma
    screening_days: float = 7.0
    update_share: float = 0.5  # chance that each regular update is actually sent
    update_interval_days: float = 7.0  # calendar days
    limbo_share: float = 0.0  # applications that are never decided nor told anything
    notice_share: float = 0.9  # rejected candidates who are told
    notice_days: float = 1.5
    tells_at_decision: bool = False  # the notice or call follows the decision within minutes
    feedback_share: float = 0.6  # told interviewees who also get a personal call
    written_feedback_share: float = 0.3  # the others: written feedback by e-mail
    feedback_days: float = 2.0
    post_interview_days: float = 4.0
    satisfaction: float = 8.0  # respondents' mean NPS before the outcome's effect
    disrespectful: bool = False  # negative comments are about tone and respect
    survey_share: float = 0.85
    response_share: float = 0.4


MIDDLING = QualityProfile()
EXEMPLARY = QualityProfile(
    ack_share=1.0, ack_auto_share=1.0, ack_auto_min_hours=1.0, ack_auto_max_hours=6.0,
    screening_days=3.0, update_share=1.0, update_interval_days=7.0, notice_share=1.0,
    tells_at_decision=True, feedback_share=1.0, written_feedback_share=0.0,
    post_interview_days=1.5, satisfaction=9.6, response_share=0.5,
)
FAILURE_OVERRIDES: dict[str, dict[str, float | bool]] = {
    "no_acknowledgement": {"ack_share": 0.12, "satisfaction": 6.5},
    "slow_acknowledgement": {"ack_share": 0.96, "ack_auto_share": 0.0, "ack_manual_days": 3.5,
                             "ack_manual_spread": 0.3, "satisfaction": 7.0},
    "ghosting": {"limbo_share": 0.4, "update_share": 0.0, "satisfaction": 5.0},
    "outcome_not_told": {"notice_share": 0.45, "feedback_share": 0.2},
    "no_personal_feedback": {"feedback_share": 0.0, "written_feedback_share": 0.1, "satisfaction": 6.5},
    "harsh_comments": {"satisfaction": 2.5, "disrespectful": True, "response_share": 0.55},
}
# The second half of a process that gets worse: a new, overloaded team.
WORSENED = replace(
    MIDDLING, ack_share=0.4, ack_auto_share=0.0, ack_manual_days=3.0, limbo_share=0.3,
    update_share=0.0, notice_share=0.55, feedback_share=0.1, satisfaction=4.0,
)


@dataclass(frozen=True)
class DemoProcess:
    """One recruitment process of the demo and the failures planted in it."""

    process_id: str
    name: str
    department: str
    recruiter: str
    language: str  # 'sv' | 'en': stage names and most survey answers
    opened_months_ago: int
    applications: int
    planted: tuple[str, ...] = ()
    exemplary: bool = False
    posting_days: int = 21

    def opened_month(self, today: date) -> date:
        """First day of the calendar month in which the process opened."""
        return _month_start(today, self.opened_months_ago)


DEMO_PROCESSES: tuple[DemoProcess, ...] = (
    DemoProcess("REQ-1041", "Backend-utvecklare Göteborg", "IT", "Johan Ek", "sv", 11, 120, exemplary=True),
    DemoProcess("REQ-1044", "Ekonomiassistent", "Ekonomi", "Sofia Berg", "sv", 10, 130, ("slow_acknowledgement",)),
    DemoProcess("REQ-1047", "Customer Success Manager", "Sälj", "Emma Nilsson", "en", 9, 110, exemplary=True),
    DemoProcess("REQ-1052", "Kundtjänstmedarbetare Malmö", "Kundtjänst", "Lina Karlsson", "sv", 9, 170,
                ("no_acknowledgement",)),
    DemoProcess("REQ-1055", "Sjuksköterska akutmottagning", "Vård", "Karin Lindqvist", "sv", 8, 190,
                ("getting_worse",), posting_days=150),
    DemoProcess("REQ-1058", "Data Engineer Stockholm", "IT", "Ahmed Hassan", "en", 8, 170, ("no_personal_feedback",)),
    DemoProcess("REQ-1063", "Innesäljare Uppsala", "Sälj", "Mikael Johansson", "sv", 6, 150,
                ("ghosting", "outcome_not_told")),
    DemoProcess("REQ-1066", "HR-specialist", "HR", "Sofia Berg", "sv", 6, 80, exemplary=True),
    DemoProcess("REQ-1070", "Controller", "Ekonomi", "Peter Sandberg", "sv", 5, 130, ("harsh_comments",)),
    DemoProcess("REQ-1072", "Frontend Developer", "IT", "Johan Ek", "en", 5, 100),
    DemoProcess("REQ-1075", "Undersköterska hemtjänst", "Vård", "Karin Lindqvist", "sv", 4, 110),
    DemoProcess("REQ-1079", "Key Account Manager", "Sälj", "Emma Nilsson", "en", 3, 70),
    DemoProcess("REQ-1081", "Lönespecialist", "HR", "Ahmed Hassan", "sv", 3, 60),
    DemoProcess("REQ-1084", "Team Lead Customer Support", "Kundtjänst", "Lina Karlsson", "en", 2, 80),
    DemoProcess("REQ-1088", "DevOps Engineer", "IT", "Ahmed Hassan", "en", 1, 70, exemplary=True),
    DemoProcess("REQ-1090", "Redovisningsekonom Stockholm", "Ekonomi", "Sofia Berg", "sv", 1, 90),
)


@dataclass(frozen=True)
class DemoFiles:
    """Where `write_demo` put the two canonical files."""

    events: Path
    surveys: Path


def write_demo(directory: Path, seed: int = 42, today: date | None = None) -> DemoFiles:
    """Write the demo event log and survey answers as `events.csv` and `surveys.csv` in `directory`.

    The data describe the twelve months before `today` (default `DEFAULT_TODAY`, so the demo is
    the same on every machine); the same seed and day give byte-identical files.
    """
    today = today or DEFAULT_TODAY
    rng = np.random.default_rng(seed)
    processes, profiles = _demo_processes(today, rng)
    counts = processes["applications"].to_numpy()
    directory.mkdir(parents=True, exist_ok=True)
    files = DemoFiles(events=directory / "events.csv", surveys=directory / "surveys.csv")
    with files.events.open("w", encoding="utf-8", newline="") as events, \
            files.surveys.open("w", encoding="utf-8", newline="") as surveys:
        _write_header(events, EVENT_COLUMNS)
        _write_header(surveys, SURVEY_COLUMNS)
        _write_chunk(processes, profiles, counts, _start_of(today), rng, 0, counts.sum(),
                     events=events, surveys=surveys)
    return files


def write_large_log(
    path: Path, applications: int, seed: int = 7, today: date | None = None,
    *, surveys_path: Path | None = None, chunk_size: int = 50_000,
) -> int:
    """Stream a benchmark event log of about 8 events per application; return its number of rows.

    About 200 processes of the same mix of qualities as the demo. Applications are simulated and
    written `chunk_size` at a time, each chunk from its own seeded generator, so memory stays
    bounded and the file depends only on the arguments. Survey answers are written to
    `surveys_path` when given.
    """
    today = today or DEFAULT_TODAY
    processes, profiles = _benchmark_processes(today, applications, np.random.default_rng(seed))
    weights = processes["applications"].to_numpy() / processes["applications"].sum()
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as events, \
            (surveys_path.open("w", encoding="utf-8", newline="") if surveys_path else nullcontext()) as surveys:
        _write_header(events, EVENT_COLUMNS)
        if surveys:
            _write_header(surveys, SURVEY_COLUMNS)
        for chunk, first_application in enumerate(range(0, applications, chunk_size)):
            rng = np.random.default_rng([seed, chunk])
            counts = rng.multinomial(min(chunk_size, applications - first_application), weights)
            rows += _write_chunk(processes, profiles, counts, _start_of(today), rng, first_application,
                                 applications, events=events, surveys=surveys)
    return rows


# --- processes -----------------------------------------------------------------------------------

def _demo_processes(today: date, rng: np.random.Generator) -> tuple[pd.DataFrame, list[QualityProfile]]:
    """The manifest as a process table, each process with its own profile (middling ones vary)."""
    profiles = [_profile_for(process.planted, process.exemplary, rng) for process in DEMO_PROCESSES]
    profiles.append(WORSENED)
    rows = []
    for index, process in enumerate(DEMO_PROCESSES):
        opened = _start_of(process.opened_month(today)) + int(rng.integers(0, 20)) * DAY
        rows.append({
            "process_id": process.process_id, "name": process.name, "department": process.department,
            "recruiter": process.recruiter, "language": LANGUAGES.index(process.language),
            "opened_at": opened, "posting_days": process.posting_days, "applications": process.applications,
            "profile": index,
            "worse_profile": len(profiles) - 1 if "getting_worse" in process.planted else index,
        })
    return _with_flow(pd.DataFrame(rows), rng), profiles


def _profile_for(planted: tuple[str, ...], exemplary: bool, rng: np.random.Generator) -> QualityProfile:
    """A process that gets worse starts out exemplary; its second half follows `WORSENED`."""
    if exemplary or "getting_worse" in planted:
        return EXEMPLARY
    profile = replace(
        MIDDLING,
        ack_share=float(rng.uniform(0.86, 0.97)), notice_share=float(rng.uniform(0.86, 0.96)),
        feedback_share=float(rng.uniform(0.35, 0.8)), update_share=float(rng.uniform(0.45, 0.75)),
        satisfaction=float(rng.uniform(7.4, 8.6)),
    )
    for kind in planted:
        profile = replace(profile, **FAILURE_OVERRIDES.get(kind, {}))
    return profile


ROLES = (
    ("Backend-utvecklare", "IT", "sv"), ("Frontend Developer", "IT", "en"), ("Data Engineer", "IT", "en"),
    ("DevOps Engineer", "IT", "en"), ("Systemförvaltare", "IT", "sv"), ("Sjuksköterska", "Vård", "sv"),
    ("Undersköterska", "Vård", "sv"), ("Fysioterapeut", "Vård", "sv"), ("Ekonomiassistent", "Ekonomi", "sv"),
    ("Controller", "Ekonomi", "sv"), ("Redovisningsekonom", "Ekonomi", "sv"), ("Financial Analyst", "Ekonomi", "en"),
    ("Innesäljare", "Sälj", "sv"), ("Key Account Manager", "Sälj", "en"),
    ("Customer Success Manager", "Sälj", "en"), ("Kundtjänstmedarbetare", "Kundtjänst", "sv"),
    ("Support Specialist", "Kundtjänst", "en"), ("HR-specialist", "HR", "sv"), ("Lönespecialist", "HR", "sv"),
    ("Talent Acquisition Partner", "HR", "en"),
)
CITIES = ("Stockholm", "Göteborg", "Malmö", "Uppsala", "Linköping", "Örebro", "Umeå", "Västerås")
RECRUITER_FIRST = ("Karin", "Ahmed", "Johan", "Sofia", "Emma", "Mikael", "Lina", "Peter", "Sara", "Ali", "Maria")
RECRUITER_LAST = ("Lindqvist", "Hassan", "Ek", "Berg", "Nilsson", "Johansson", "Karlsson", "Sandberg", "Öberg")
BENCHMARK_PROCESSES = 200
# Mix of qualities in the benchmark: (exemplary, middling, then one share per failure kind).
BENCHMARK_QUALITY_MIX = (0.15, 0.55) + (0.3 / len(FAILURE_KINDS),) * len(FAILURE_KINDS)


def _benchmark_processes(
    today: date, applications: int, rng: np.random.Generator,
) -> tuple[pd.DataFrame, list[QualityProfile]]:
    """About 200 processes over twelve months, of the demo's mix of qualities."""
    profiles: list[QualityProfile] = [WORSENED]
    recruiters = [f"{first} {last}" for first in RECRUITER_FIRST for last in RECRUITER_LAST]
    kinds = ("exemplary", "middling") + FAILURE_KINDS
    weights = rng.lognormal(0.0, 0.6, BENCHMARK_PROCESSES)
    rows = []
    for index in range(BENCHMARK_PROCESSES):
        role, department, language = ROLES[rng.integers(len(ROLES))]
        kind = kinds[rng.choice(len(kinds), p=BENCHMARK_QUALITY_MIX)]
        planted = (kind,) if kind in FAILURE_KINDS else ()
        profiles.append(_profile_for(planted, kind == "exemplary", rng))
        continuous = kind == "getting_worse" or rng.random() < 0.08
        opened = _start_of(_month_start(today, int(rng.integers(1, 12)))) + int(rng.integers(0, 20)) * DAY
        rows.append({
            "process_id": f"REQ-{3000 + index}", "name": f"{role} {CITIES[rng.integers(len(CITIES))]}",
            "department": department, "recruiter": recruiters[rng.integers(len(recruiters))],
            "language": LANGUAGES.index(language), "opened_at": opened,
            "posting_days": int(rng.integers(100, 180)) if continuous else int(rng.integers(14, 45)),
            "applications": applications * weights[index] / weights.sum(),
            "profile": len(profiles) - 1, "worse_profile": 0 if kind == "getting_worse" else len(profiles) - 1,
        })
    return _with_flow(pd.DataFrame(rows), rng), profiles


def _with_flow(processes: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Add what every process has whatever its quality: posting window, interview and offer shares."""
    size = len(processes)
    processes["closes_at"] = processes["opened_at"] + processes["posting_days"] * DAY
    processes["batch_screening"] = processes["posting_days"] <= 45  # short postings are screened after closing
    processes["worse_from"] = np.where(
        processes["worse_profile"] != processes["profile"],
        processes["opened_at"] + processes["posting_days"] * DAY // 2, NEVER,
    )
    processes["interview_share"] = rng.uniform(0.2, 0.3, size)
    final_round = processes["applications"] * processes["interview_share"] * SECOND_ROUND_SHARE
    positions = np.maximum(1, np.round(processes["applications"] / 80)) + rng.integers(0, 2, size)
    processes["offer_share"] = np.clip(positions / np.maximum(final_round, 1), 0.05, 0.9)
    return processes


# --- simulation ----------------------------------------------------------------------------------

def _write_chunk(
    processes: pd.DataFrame, profiles: list[QualityProfile], counts: np.ndarray, cutoff: int,
    rng: np.random.Generator, first_application: int, applications_in_file: int,
    *, events: TextIO, surveys: TextIO | None,
) -> int:
    """Simulate `counts[p]` applications to each process p, append their rows; return the events written."""
    process, applied = _draw_applications(processes, counts, cutoff, rng)
    candidates = _candidate_ids(process, first_application, applications_in_file, rng)
    timeline = _simulate(processes, profiles, process, applied, rng)
    rows = _event_rows(timeline, cutoff, rng)
    _events_frame(rows, processes, process, candidates).to_csv(
        events, header=False, index=False, lineterminator="\n")
    if surveys is not None:
        _survey_frame(timeline, processes, process, candidates, cutoff, rng).to_csv(
            surveys, header=False, index=False, lineterminator="\n")
    return len(rows["application"])


def _write_header(file: TextIO, columns: tuple[str, ...]) -> None:
    file.write(",".join(columns) + "\n")


def _draw_applications(
    processes: pd.DataFrame, counts: np.ndarray, cutoff: int, rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Process and local application time of each application, ordered by process and time."""
    process = np.repeat(np.arange(len(processes)), counts)
    opened = processes["opened_at"].to_numpy()[process]
    last = np.minimum(processes["closes_at"].to_numpy()[process], cutoff)
    window_days = np.maximum((last - opened) // DAY, 1)
    day = opened // DAY + (rng.random(process.size) * window_days).astype(np.int64)
    second = rng.choice(24, size=process.size, p=APPLICATION_HOURS) * HOUR + rng.integers(0, HOUR, process.size)
    applied = day * DAY + second
    order = np.lexsort((applied, process))
    return process[order], applied[order]


def _candidate_ids(
    process: np.ndarray, first_application: int, applications_in_file: int, rng: np.random.Generator,
) -> np.ndarray:
    """Source-system style ids ("C-104233"), unique per application except that a few candidates
    apply to more than one process."""
    digits = 6 if applications_in_file <= 900_000 else 7
    space = 9 * 10 ** (digits - 1)
    index = np.arange(first_application, first_application + process.size, dtype=np.int64)
    own = (index * 7_654_321 + 1_234_567) % space  # a bijection: unique, yet not sequential
    earlier = np.maximum(np.arange(process.size) - rng.integers(1, 2_000, process.size), 0)
    repeat = (rng.random(process.size) < 0.04) & (process[earlier] != process)
    number = np.where(repeat, own[earlier], own)
    duplicate = pd.DataFrame({"process": process, "number": number}).duplicated().to_numpy()
    number = np.where(duplicate, own, number)  # never twice in one process
    return np.char.add("C-", (number + space // 9).astype(str)).astype(object)


OFFICE_DAY = 9 * HOUR  # office hours 08–17 on weekdays
EVENING_SHARE = 0.04  # actions that happen in the evening (17–21) instead


def _to_office_clock(moment: np.ndarray) -> np.ndarray:
    """Office seconds since the Monday before 1970-01-01; nights and weekends take no time."""
    day, second = np.divmod(moment, DAY)
    week, weekday = np.divmod(day + 3, 7)  # 1970-01-01 was a Thursday; Monday is 0
    office_second = np.where(weekday >= 5, 0, np.clip(second - 8 * HOUR, 0, OFFICE_DAY))
    return (week * 5 + np.minimum(weekday, 5)) * OFFICE_DAY + office_second


def _from_office_clock(office: np.ndarray) -> np.ndarray:
    office_day, office_second = np.divmod(office, OFFICE_DAY)
    week, weekday = np.divmod(office_day, 5)
    return (week * 7 + weekday - 3) * DAY + 8 * HOUR + office_second


def _office_delay(moment: np.ndarray, office_days: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """When a person acts `office_days` of office time after `moment`; a few act that evening.

    Never earlier than `moment`, so events chained from it keep their order.
    """
    acted = _from_office_clock(_to_office_clock(moment) + (office_days * OFFICE_DAY).astype(np.int64))
    evening = acted // DAY * DAY + 17 * HOUR + rng.integers(0, 4 * HOUR, moment.size)
    works_late = (rng.random(moment.size) < EVENING_SHARE) & (evening > moment)
    return np.where(works_late, evening, acted)


# One possible event of every application: event type, moment, whether it happens, stage, channel.
Slot = tuple[int, np.ndarray, np.ndarray, np.ndarray | int, np.ndarray | int]


@dataclass
class _Timeline:
    """Per application: the moment of each possible event (with whether it happens) and the facts
    the survey answers depend on. Moments past the cutoff are dropped when rows are made."""

    applied: np.ndarray
    language: np.ndarray
    slots: list[Slot]
    survey_at: np.ndarray
    surveyed: np.ndarray
    outcome_mood: np.ndarray
    interviewed: np.ndarray
    called: np.ndarray  # told by a personal feedback call
    unanswered: np.ndarray  # rejected and never told
    profile: dict[str, np.ndarray]


def _simulate(
    processes: pd.DataFrame, profiles: list[QualityProfile], process: np.ndarray, applied: np.ndarray,
    rng: np.random.Generator,
) -> _Timeline:
    """Play each application through acknowledgement, updates, interviews, decision, notice and survey."""
    n = applied.size
    column = {name: processes[name].to_numpy()[process] for name in processes.columns}
    profile_index = np.where(applied >= column["worse_from"], column["worse_profile"], column["profile"])
    p = {f.name: np.array([getattr(profile, f.name) for profile in profiles])[profile_index]
         for f in fields(QualityProfile)}

    def days(low: float, high: float) -> np.ndarray:
        return (rng.uniform(low, high, n) * DAY).astype(np.int64)

    def office(moment: np.ndarray, low: float, high: float) -> np.ndarray:
        return _office_delay(moment, rng.uniform(low, high, n), rng)

    def office_lognormal(moment: np.ndarray, median: np.ndarray, spread: np.ndarray | float) -> np.ndarray:
        return _office_delay(moment, rng.lognormal(np.log(median), spread, n), rng)

    def pick(choices: tuple[int, ...], shares: tuple[float, ...]) -> np.ndarray:
        return rng.choice(np.array(choices), size=n, p=shares)

    acknowledged = rng.random(n) < p["ack_share"]
    automatic = rng.random(n) < p["ack_auto_share"]
    ack_at = np.where(
        automatic,
        applied + (rng.uniform(p["ack_auto_min_hours"], p["ack_auto_max_hours"]) * HOUR).astype(np.int64),
        office_lognormal(applied, p["ack_manual_days"], p["ack_manual_spread"]),
    )

    draw = rng.random(n)
    interviewed = draw < column["interview_share"]
    withdrew_early = ~interviewed & (draw < column["interview_share"] + WITHDRAW_SHARE)
    in_limbo = ~interviewed & ~withdrew_early & (rng.random(n) < p["limbo_share"])
    screening_from = np.where(column["batch_screening"], np.maximum(applied, column["closes_at"]), applied)
    screened_at = office_lognormal(screening_from, p["screening_days"], 0.5)

    held_1 = office(screened_at, 2, 7)
    withdrew_midway = interviewed & (rng.random(n) < 0.07)
    two_rounds = interviewed & ~withdrew_midway & (rng.random(n) < SECOND_ROUND_SHARE)
    scheduled_2 = office(held_1, 1, 4)
    held_2 = office(scheduled_2, 2, 6)
    last_held = np.where(two_rounds, held_2, held_1)
    decided_after_interview = office_lognormal(last_held, p["post_interview_days"], 0.5)
    offer_chance = np.where(two_rounds, column["offer_share"], column["offer_share"] * 0.15)
    offered = interviewed & ~withdrew_midway & (rng.random(n) < offer_chance)
    accepted = offered & (rng.random(n) < OFFER_ACCEPTED_SHARE)
    hired_at = office(decided_after_interview, 1, 4)
    declined = offered & ~accepted
    withdrew = withdrew_early | withdrew_midway | declined
    withdrawn_at = np.select(
        [withdrew_early, withdrew_midway, declined],
        [applied + ((screened_at - applied) * rng.uniform(0.2, 0.9, n)).astype(np.int64),
         held_1 + days(0.5, 4), decided_after_interview + days(1, 5)],
        NEVER,
    )

    rejected = ~withdrew_early & ~withdrew_midway & ~in_limbo & ~offered
    decision_at = np.where(interviewed, decided_after_interview, screened_at)
    informed = rejected & (rng.random(n) < p["notice_share"])
    called = informed & interviewed & (rng.random(n) < p["feedback_share"])
    written_feedback = informed & interviewed & ~called & (rng.random(n) < p["written_feedback_share"])
    within_minutes = decision_at + rng.integers(5 * 60, 30 * 60, n)
    call_at = np.where(p["tells_at_decision"], within_minutes, office_lognormal(decision_at, p["feedback_days"], 0.6))
    # After a feedback call most teams also send the decision in writing.
    rejection_mailed = informed & (~called | (rng.random(n) < 0.6))
    rejection_sent_at = np.where(
        called, office(call_at, 0.02, 1),
        np.where(p["tells_at_decision"], within_minutes, office_lognormal(decision_at, p["notice_days"], 0.7)))
    told_at = np.where(called, call_at, rejection_sent_at)  # written feedback comes with the rejection mail

    updates_until = np.select([withdrew, offered, rejected], [withdrawn_at, decided_after_interview, decision_at], 0)
    first_update_from = np.where(acknowledged, ack_at, applied)
    steps = rng.uniform(0.75, 1.05, (n, UPDATE_SLOTS)) * (p["update_interval_days"] * DAY)[:, None]
    update_due = (first_update_from[:, None] + np.cumsum(steps, axis=1)).astype(np.int64).ravel()
    update_at = _office_delay(update_due, rng.uniform(0, 1, update_due.size), rng).reshape(n, UPDATE_SLOTS)
    updated = (update_at < updates_until[:, None]) & (rng.random((n, UPDATE_SLOTS)) < p["update_share"][:, None])
    # Short postings: applicants hear when the posting closes and when to expect news.
    closing_update_at = office(column["closes_at"], 0, 1.5)
    closing_updated = (column["batch_screening"] & (closing_update_at < updates_until)
                       & (rng.random(n) < p["update_share"]))
    interview_2_stage = two_rounds[:, None] & (update_at >= held_2[:, None])
    update_stage = np.where(
        ~interviewed[:, None] | (update_at < held_1[:, None]), SCREENING,
        np.where(interview_2_stage, INTERVIEW_2, INTERVIEW_1))

    reached = np.select([offered, two_rounds, interviewed], [OFFER_STAGE, INTERVIEW_2, INTERVIEW_1], SCREENING)
    decision_stage = np.where(interviewed, np.where(two_rounds, INTERVIEW_2, INTERVIEW_1), SCREENING)
    withdrawn_stage = np.select([withdrew_early, withdrew_midway], [SCREENING, INTERVIEW_1], OFFER_STAGE)
    unanswered = rejected & ~informed
    closed_at = np.select(
        [withdrew, accepted, informed, unanswered],
        [withdrawn_at, hired_at, told_at, decision_at + days(7, 30)],  # the unanswered: when the post is filled
        NEVER,
    )
    surveyed = (closed_at < NEVER) & (rng.random(n) < np.where(withdrew, 0.5, 1.0) * p["survey_share"])
    survey_at = office(np.where(surveyed, closed_at, 0), 0.5, 2.5)

    everyone = np.ones(n, dtype=bool)
    slots: list[Slot] = [
        (APPLIED, applied, everyone, SCREENING, PORTAL),
        (ACKNOWLEDGED, ack_at, acknowledged, SCREENING, EMAIL),
        (UPDATED, closing_update_at, closing_updated, SCREENING, EMAIL),
        *[(UPDATED, update_at[:, k], updated[:, k], update_stage[:, k], pick((EMAIL, SMS), (0.8, 0.2)))
          for k in range(UPDATE_SLOTS)],
        (INTERVIEW_SCHEDULED, screened_at, interviewed, INTERVIEW_1, pick((EMAIL, PHONE), (0.7, 0.3))),
        (INTERVIEW_HELD, held_1, interviewed, INTERVIEW_1, pick((IN_PERSON, VIDEO, PHONE), (0.5, 0.4, 0.1))),
        (INTERVIEW_SCHEDULED, scheduled_2, two_rounds, INTERVIEW_2, pick((EMAIL, PHONE), (0.6, 0.4))),
        (INTERVIEW_HELD, held_2, two_rounds, INTERVIEW_2, pick((IN_PERSON, VIDEO), (0.7, 0.3))),
        (REJECTED, decision_at, rejected, decision_stage, NO_CHANNEL),
        (REJECTION_SENT, rejection_sent_at, rejection_mailed, decision_stage, EMAIL),
        (FEEDBACK, told_at, called | written_feedback, decision_stage,
         np.where(called, pick((PHONE, VIDEO), (0.75, 0.25)), EMAIL)),
        (OFFER, decided_after_interview, offered, OFFER_STAGE, PHONE),
        (HIRED, hired_at, accepted, OFFER_STAGE, EMAIL),
        (WITHDRAWN, withdrawn_at, withdrew, withdrawn_stage, pick((PORTAL, EMAIL), (0.6, 0.4))),
        (SURVEY_SENT, survey_at, surveyed, reached, EMAIL),
    ]
    outcome_mood = np.select(
        [accepted, called, informed & interviewed, informed, unanswered],
        [1.5, 0.5, -1.0, -0.5, -3.5], 0.0)
    return _Timeline(applied, column["language"], slots, survey_at, surveyed, outcome_mood, interviewed, called,
                     unanswered, p)


def _event_rows(timeline: _Timeline, cutoff: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Flatten the timeline to one row per event before the cutoff, in export order.

    Rows come per application in time order, except for a tenth of the applications whose rows are
    jumbled, as in real exports.
    """
    n = timeline.applied.size
    parts: dict[str, list[np.ndarray]] = {"application": [], "event": [], "at": [], "stage": [], "channel": []}
    for event, at, happens, stage, channel in timeline.slots:
        kept = np.flatnonzero(happens & (at < cutoff))
        parts["application"].append(kept)
        parts["event"].append(np.full(kept.size, event))
        parts["at"].append(at[kept])
        parts["stage"].append(np.broadcast_to(stage, n)[kept])
        parts["channel"].append(np.broadcast_to(channel, n)[kept])
    rows = {name: np.concatenate(values) for name, values in parts.items()}
    jumbled = rng.random(n) < 0.1
    within = np.where(jumbled[rows["application"]], rng.integers(0, NEVER // 2, rows["at"].size), rows["at"])
    order = np.lexsort((rows["event"], within, rows["application"]))
    return {name: values[order] for name, values in rows.items()}


def _events_frame(
    rows: dict[str, np.ndarray], processes: pd.DataFrame, process: np.ndarray, candidates: np.ndarray,
) -> pd.DataFrame:
    """The rows as canonical columns; repeated texts stay categorical so a chunk stays small."""
    row_process = process[rows["application"]]
    language = processes["language"].to_numpy()[row_process]
    return pd.DataFrame({
        "candidate_id": _categorical(candidates, rows["application"]),
        "process_id": _categorical(processes["process_id"].to_numpy(), row_process),
        "event_type": _categorical(EVENT_TYPES, rows["event"]),
        "occurred_at": _local_iso(rows["at"]),
        "process_name": _categorical(processes["name"].to_numpy(), row_process),
        "department": _categorical(processes["department"].to_numpy(), row_process),
        "recruiter": _categorical(processes["recruiter"].to_numpy(), row_process),
        "stage": _categorical(STAGE_NAMES.ravel(), language * STAGE_NAMES.shape[1] + rows["stage"]),
        "channel": _categorical(CHANNELS, rows["channel"]),
    }, columns=list(EVENT_COLUMNS))


def _categorical(values: np.ndarray, index: np.ndarray) -> pd.Categorical:
    """`values[index]` without a text object per row."""
    categories, codes = np.unique(values, return_inverse=True)
    return pd.Categorical.from_codes(codes[index], categories)


def _survey_frame(
    timeline: _Timeline, processes: pd.DataFrame, process: np.ndarray, candidates: np.ndarray, cutoff: int,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Answers of the candidates who respond, with an NPS that follows how they were treated."""
    n = timeline.applied.size
    p = timeline.profile
    submitted_at = timeline.survey_at + (rng.lognormal(np.log(18.0), 1.0, n) * HOUR).astype(np.int64)
    answered = timeline.surveyed & (rng.random(n) < p["response_share"]) & (submitted_at < cutoff)
    mood = p["satisfaction"] + timeline.outcome_mood + rng.normal(0.0, 1.2, n)
    nps = np.clip(np.rint(mood), 0, 10).astype(np.int64)

    def rating(penalty: np.ndarray) -> np.ndarray:
        return np.clip(np.rint(0.8 + 0.42 * nps - penalty + rng.normal(0.0, 0.6, n)), 1, 5).astype(np.int64)

    scores = {
        "nps": nps,
        "rating_communication": rating(np.where(timeline.unanswered, 1.5, 0.0)),
        "rating_respect": rating(np.where(p["disrespectful"], 1.5, 0.0)),
        "rating_speed": rating(np.where(p["ack_manual_days"] >= 3, 1.0, 0.0)),
    }
    skipped = {name: rng.random(n) < (0.02 if name == "nps" else 0.04) for name in scores}
    swedish_share = np.where(timeline.language == LANGUAGES.index("sv"), 0.75, 0.3)
    language = np.where(rng.random(n) < swedish_share, "sv", "en")
    kind = _comment_kinds(nps, timeline, rng)
    language_given = rng.random(n) < LANGUAGE_GIVEN_SHARE
    return pd.DataFrame({
        "candidate_id": candidates[answered],
        "process_id": processes["process_id"].to_numpy()[process[answered]],
        "submitted_at": _local_iso(submitted_at[answered]),
        **{name: pd.arrays.IntegerArray(values[answered], skipped[name][answered]) for name, values in scores.items()},
        "comment": _comments(language[answered], kind[answered], rng),
        "language": np.where(language_given, language, "")[answered],
    }, columns=list(SURVEY_COLUMNS))


def _comment_kinds(nps: np.ndarray, timeline: _Timeline, rng: np.random.Generator) -> np.ndarray:
    """Which kind of comment each respondent writes, in line with their score and what happened to
    them; '' for none. In a well-run process even a low score comes with a mixed comment."""
    n = nps.size
    lukewarm = np.array(["mixed", "neutral", "positive"], dtype=object)[rng.choice(3, n, p=(0.5, 0.25, 0.25))]
    negative = np.select(
        [timeline.unanswered & (rng.random(n) < 0.8), timeline.profile["disrespectful"] & (rng.random(n) < 0.75),
         timeline.profile["satisfaction"] >= 9, timeline.interviewed & (rng.random(n) < 0.5)],
        ["unanswered", "disrespect", "mixed", "after_interview"], "negative")
    kind = np.select([nps >= 9, nps >= 7], ["positive", lukewarm], negative).astype(object)
    kind = np.where((kind == "positive") & timeline.called & (rng.random(n) < 0.6), "feedback_call", kind)
    kind = np.where(rng.random(n) < PERSONAL_DETAILS_SHARE, "personal_details", kind)
    return np.where(rng.random(n) < COMMENT_SHARE, kind, "")


def _comments(language: np.ndarray, kinds: np.ndarray, rng: np.random.Generator) -> list[str]:
    """Comment texts: one template, sometimes two of the same kind, personal details filled in."""
    n = kinds.size
    first, second, combined, name, phone, email = (rng.random(n) for _ in range(6))
    texts = []
    for i, (lang, kind) in enumerate(zip(language, kinds, strict=True)):
        if not kind:
            texts.append("")
            continue
        pool = COMMENTS[(lang, kind)]
        chosen = int(first[i] * len(pool))
        text = pool[chosen]
        if kind not in ("personal_details", "neutral") and combined[i] < 0.3:
            text = f"{text} {pool[(chosen + 1 + int(second[i] * (len(pool) - 1))) % len(pool)]}"
        if kind == "personal_details":
            first_name = FIRST_NAMES[int(name[i] * len(FIRST_NAMES))]
            text = text.format(
                first_name=first_name,
                phone=PHONE_FORMATS[int(phone[i] * len(PHONE_FORMATS))].format(
                    n=PHONE_SUFFIXES[int(second[i] * len(PHONE_SUFFIXES))]),
                email=(f"{first_name.lower()}.{10 + int(email[i] * 90)}"
                       f"@{EMAIL_DOMAINS[int(email[i] * 1000) % len(EMAIL_DOMAINS)]}"),
            )
        texts.append(text)
    return texts


# --- time ----------------------------------------------------------------------------------------

def _month_start(today: date, months_ago: int) -> date:
    month_index = today.year * 12 + today.month - 1 - months_ago
    return date(month_index // 12, month_index % 12 + 1, 1)


def _start_of(day: date) -> int:
    """Local midnight of `day` as simulation seconds (local wall-clock seconds since 1970-01-01)."""
    return (day - date(1970, 1, 1)).days * DAY


def _local_iso(local_seconds: np.ndarray) -> np.ndarray:
    """ISO 8601 text with the Stockholm offset in force; a repeated autumn hour is read as the
    first one and a missing spring hour moves forward, as the importer reads them."""
    wall = pd.DatetimeIndex(local_seconds.astype("datetime64[s]"))
    aware = wall.tz_localize(STOCKHOLM, ambiguous=np.ones(wall.size, dtype=bool), nonexistent="shift_forward")
    shifted_wall = aware.tz_localize(None)
    offset_hours = (shifted_wall - aware.tz_convert("UTC").tz_localize(None)) // pd.Timedelta(hours=1)
    text = np.datetime_as_string(shifted_wall.to_numpy().astype("datetime64[s]"), unit="s")
    return np.char.add(text, np.where(offset_hours.to_numpy() == 2, "+02:00", "+01:00")).astype(object)


DEMO_FILE_NAMES = ("demo-events.csv", "demo-surveys.csv")   # the names the demo's imports are listed under


def load_demo(store: Store) -> list[ImportReport]:
    """Write the seeded demo files and import them like any upload, so the demo tests the importer too."""
    events_name, surveys_name = DEMO_FILE_NAMES
    with tempfile.TemporaryDirectory(prefix="radar-demo-") as folder:
        files = write_demo(Path(folder))
        return [
            import_file(store, files.events, file_name=events_name, kind="events"),
            import_file(store, files.surveys, file_name=surveys_name, kind="surveys"),
        ]
