"""Every user-facing setting in one table, with its default and a help text (datasette's SETTINGS habit).

Values are saved in the store's `settings` table as JSON; anything not saved falls back to the default.
Pages, the CLI and the tests read settings only through `Settings`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any

from analytics.catalogue import METRICS


@dataclass(frozen=True)
class SettingSpec:
    name: str
    default: Any
    help_en: str
    help_sv: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    percent: bool = False  # a share (0–1) people read and enter as a percentage (0.95 is "95 %")


SETTING_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "timezone", "Europe/Stockholm",
        "Time zone for timestamps without offset, local months and business days.",
        "Tidszon för tidsstämplar utan offset, lokala månader och arbetsdagar.",
    ),
    SettingSpec(
        "ack_sla_hours", 48.0,
        "An application should be acknowledged within this many hours.",
        "En ansökan ska bekräftas inom så här många timmar.", 1, 24 * 30,
    ),
    SettingSpec(
        "notice_sla_hours", 120.0,
        "After a rejection decision, the candidate should be told within this many hours.",
        "Efter ett avslagsbeslut ska kandidaten få besked inom så här många timmar.", 1, 24 * 60,
    ),
    SettingSpec(
        "silence_limit_days", 14.0,
        "A candidate who hears nothing for longer than this is left without updates (ghosted).",
        "En kandidat som inte hört något på längre tid än så lämnas utan besked (ghostad).", 1, 120,
    ),
    SettingSpec(
        "action_horizon_days", 30,
        "Candidates who have waited at most this many days are on today's action list; those who have "
        "waited longer are a backlog, listed apart, to be closed with an apology rather than called today.",
        "Kandidater som väntat högst så här många dagar står på dagens åtgärdslista; de som väntat längre "
        "är en eftersläpning som listas för sig och avslutas med en ursäkt i stället för att ringas i dag.", 1, 365,
    ),
    SettingSpec(
        "min_group_size", 10,
        "Groups with fewer applications are shown greyed, never ranked above larger ones and never "
        "flagged on their own.",
        "Grupper med färre ansökningar visas gråade, rankas aldrig över större grupper och flaggas "
        "aldrig ensamma.", 1, 1000,
    ),
    SettingSpec(
        "min_survey_answers", 5,
        "Survey results of a group with fewer answers are not shown on their own (anonymity).",
        "Enkätresultat för en grupp med färre svar visas inte separat (anonymitet).", 1, 100,
    ),
    SettingSpec(
        "latency_unit", "hours",
        "Count waiting times in calendar time, written in hours, days or weeks as reads best, or in business "
        "days (weekends and Swedish public holidays skipped). 'days' is kept for older settings and reads "
        "as calendar time.",
        "Räkna väntetider i kalendertid, skrivna i timmar, dagar eller veckor efter vad som läses lättast, "
        "eller i arbetsdagar (helger och svenska helgdagar hoppas över). 'days' finns kvar för äldre "
        "inställningar och läses som kalendertid.", choices=("hours", "days", "business_days"),
    ),
    SettingSpec(
        "retention_months", 0,
        "Applications whose last event is more than this many months old are removed when the app starts "
        "(and by `python -m analytics retention`), also from the database file. 0 keeps everything. Swedish "
        "practice is to keep candidate data about two years (24 months), to answer a discrimination claim.",
        "Ansökningar vars senaste händelse är äldre än så här många månader tas bort när appen startar "
        "(och med `python -m analytics retention`), även ur databasfilen. 0 behåller allt. I Sverige sparas "
        "kandidatuppgifter normalt i omkring två år (24 månader), för att kunna bemöta ett diskrimineringsärende.",
        0, 240,
    ),
    # Brand-risk flags (analytics/measure/risk.py, docs/risk.md). A flag is raised when a process is
    # worse than the threshold; its severity says how far the 95 % interval lies beyond it. Where a
    # flag judges a catalogue share, the default is that share's target.
    SettingSpec(
        "risk_ack_within_sla_min", METRICS["ack_within_sla_share"].target,
        "Flag a process when fewer than this share of its applications are acknowledged within "
        "the acknowledgement SLA.",
        "Flagga en process när en mindre andel än så här av ansökningarna bekräftas inom "
        "bekräftelse-SLA:n.", 0, 1, percent=True,
    ),
    SettingSpec(
        "risk_ghosted_max", METRICS["ghosted_share"].target,
        "Flag a process when more than this share of its applications have heard nothing for "
        "longer than the silence limit.",
        "Flagga en process när en större andel än så här av ansökningarna inte har hört något på "
        "längre tid än tystnadsgränsen.", 0, 1, percent=True,
    ),
    SettingSpec(
        "risk_told_in_time_min", 0.90,
        "Flag a process when fewer than this share of its rejected candidates are told within the "
        "notice SLA.",
        "Flagga en process när en mindre andel än så här av kandidaterna med avslag får besked inom "
        "besked-SLA:n.", 0, 1, percent=True,
    ),
    SettingSpec(
        "risk_personal_feedback_min", METRICS["personal_feedback_coverage"].target,
        "Flag a process when fewer than this share of its interviewees who were rejected get "
        "personal feedback (phone, video or in person).",
        "Flagga en process när en mindre andel än så här av de intervjuade som fått avslag får "
        "personlig återkoppling (telefon, video eller på plats).", 0, 1, percent=True,
    ),
    SettingSpec(
        "risk_cnps_min", 0.0,
        "Flag a process whose candidate NPS (−100 to 100) is below this, when it has enough survey answers.",
        "Flagga en process vars kandidat-NPS (−100 till 100) är lägre än så här, när den har tillräckligt "
        "många enkätsvar.", -100, 100,
    ),
    SettingSpec(
        "risk_sentiment_min", 0.0,
        "Flag a process whose comment sentiment score (−100 to 100) is below this, when it has enough comments.",
        "Flagga en process vars kommentarston (−100 till 100) är lägre än så här, när den har tillräckligt "
        "många kommentarer.", -100, 100,
    ),
    SettingSpec(
        "risk_worsening_min", 0.10,
        "Flag a process as getting worse when a share in the recent half of its applications is this many "
        "percentage points worse than in the half before.",
        "Flagga en process som försämrad när en andel i den senare halvan av ansökningarna är så här många "
        "procentenheter sämre än i halvan före.", 0, 1, percent=True,
    ),
    SettingSpec(
        "risk_high_margin", 0.20,
        "A flag is high when its whole 95 % interval lies at least this many percentage points beyond the "
        "threshold (twice as many points for candidate NPS and comment tone).",
        "En flagga är hög när hela dess 95 %-intervall ligger minst så här många procentenheter bortom "
        "tröskeln (dubbelt så många poäng för kandidat-NPS och kommentarernas ton).", 0.01, 1, percent=True,
    ),
    SettingSpec(
        "ontario_rule", False,
        "Check Ontario's rule (from 1 January 2026): interviewed applicants are told within 45 days of their "
        "last interview whether a decision has been made. Off by default; when on, Process detail measures it.",
        "Kontrollera Ontarios regel (från 1 januari 2026): intervjuade sökande får inom 45 dagar efter sista "
        "intervjun veta om ett beslut har fattats. Av som standard; när den är på mäter Processdetaljer den.",
    ),
)

SPECS_BY_NAME = {spec.name: spec for spec in SETTING_SPECS}


@dataclass(frozen=True)
class Settings:
    """The effective settings; build with `Settings()` for defaults or `Store.settings()`."""

    timezone: str = SPECS_BY_NAME["timezone"].default
    ack_sla_hours: float = SPECS_BY_NAME["ack_sla_hours"].default
    notice_sla_hours: float = SPECS_BY_NAME["notice_sla_hours"].default
    silence_limit_days: float = SPECS_BY_NAME["silence_limit_days"].default
    action_horizon_days: int = SPECS_BY_NAME["action_horizon_days"].default
    min_group_size: int = SPECS_BY_NAME["min_group_size"].default
    min_survey_answers: int = SPECS_BY_NAME["min_survey_answers"].default
    latency_unit: str = SPECS_BY_NAME["latency_unit"].default
    risk_ack_within_sla_min: float = SPECS_BY_NAME["risk_ack_within_sla_min"].default
    risk_ghosted_max: float = SPECS_BY_NAME["risk_ghosted_max"].default
    risk_told_in_time_min: float = SPECS_BY_NAME["risk_told_in_time_min"].default
    risk_personal_feedback_min: float = SPECS_BY_NAME["risk_personal_feedback_min"].default
    risk_cnps_min: float = SPECS_BY_NAME["risk_cnps_min"].default
    risk_sentiment_min: float = SPECS_BY_NAME["risk_sentiment_min"].default
    risk_worsening_min: float = SPECS_BY_NAME["risk_worsening_min"].default
    risk_high_margin: float = SPECS_BY_NAME["risk_high_margin"].default
    retention_months: int = SPECS_BY_NAME["retention_months"].default
    ontario_rule: bool = SPECS_BY_NAME["ontario_rule"].default

    def with_values(self, **values: Any) -> Settings:
        for name, value in values.items():
            validate_setting(name, value)
        return replace(self, **values)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def validate_setting(name: str, value: Any) -> None:
    """Raise ValueError with a message naming the setting when a value is out of range."""
    spec = SPECS_BY_NAME.get(name)
    if spec is None:
        raise ValueError(f"Unknown setting {name!r}; known settings: {', '.join(SPECS_BY_NAME)}")
    if spec.choices and value not in spec.choices:
        raise ValueError(f"Setting {name!r} must be one of {', '.join(spec.choices)}, not {value!r}")
    if isinstance(spec.default, bool) and not isinstance(value, bool):
        raise ValueError(f"Setting {name!r} must be true or false, not {value!r}")
    if spec.minimum is not None and not spec.minimum <= float(value) <= spec.maximum:
        raise ValueError(f"Setting {name!r} must be between {spec.minimum} and {spec.maximum}, not {value!r}")
    if name == "timezone" and value not in time_zones():
        raise ValueError(f"Setting 'timezone': unknown time zone {value!r}; use an IANA name such as Europe/Stockholm")


def time_zones() -> set[str]:
    """IANA zone names that both Python and DuckDB know (tzdata's posix/ and right/ copies are not)."""
    from zoneinfo import available_timezones

    return {name for name in available_timezones()
            if not name.startswith(("posix/", "right/")) and name not in ("localtime", "posixrules", "Factory")}


def settings_from_rows(rows: list[tuple[str, str]]) -> Settings:
    saved = {name: json.loads(value) for name, value in rows if name in SPECS_BY_NAME}
    return Settings().with_values(**saved)
