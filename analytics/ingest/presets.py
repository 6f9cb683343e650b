"""Import presets: each turns one ATS export into canonical rows, in SQL over the `raw` table.

A preset's `to_canonical_sql(columns)` returns a SELECT over `raw` (the file, every cell text, with
`__row`, the data-row number) that yields `__row` and canonical column names; the importer then
validates and stores those rows exactly as it does a canonical file. Times stay text: the importer
reads them with `parse_instant`, so every documented style (`Z`, offsets, naive local, epoch
milliseconds, dates) is handled in one place.

Most exports are snapshots (one row per application with a few dates): one UNION ALL branch per
event type that a date column can give, and a row gives only the events whose date is filled in.
Exports that name the candidate but not the job (Greenhouse scorecards and activity feed,
Teamtailor NPS responses) attach each row to the candidate's application already in the store:
the one that started last at or before the row's time. docs/presets.md has one table per preset.

Column names are the file's headers normalised (`vocabulary.normalize_header`); `columns` maps them
to the headers as written. Identifiers go through `quote_identifier`; the only literals written
into SQL are constants of this module. Names and e-mail addresses are never selected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from analytics.catalogue import DATA, missing_evidence, shown_in
from analytics.i18n import t
from analytics.settings import SPECS_BY_NAME
from analytics.vocabulary import EVENT_TYPES, normalize_header, quote_identifier

NULL_TEXT = "CAST(NULL AS VARCHAR)"


def _literal(text: str) -> str:
    """A constant of this module as a SQL string literal (never used for values from a file)."""
    return "'" + text.replace("'", "''") + "'"


# The store's time-zone setting as SQL, for comparing a file's naive times with stored instants.
_STORE_TIMEZONE = (
    "(SELECT coalesce(max(value::JSON ->> '$'), "
    f"{_literal(SPECS_BY_NAME['timezone'].default)}) FROM settings WHERE name = 'timezone')"
)


def _flattenings(path: str) -> list[tuple[str, str | None]]:
    """Each (column, JSON path inside it) a tool may have written the nested field `path` as.

    `jobs[0].id` is `jobs[0].id`, `jobs.0.id` or `jobs_0_id` (pandas, ELT tools), or the JSON text
    of `jobs.0` / `jobs` (Airbyte writes nested objects and arrays as JSON) read at `$.id` / `$[0].id`.
    `a|b` names alternatives (`createdAt|created_at`): the first the file has is read. Column names
    compare normalised (letter case does not matter); JSON keys keep the case written here.
    """
    ways: list[tuple[str, str | None]] = []
    for alternative in path.split("|"):
        parts = re.findall(r"[^.\[\]]+", alternative)
        for cut in range(len(parts), 0, -1):
            head, rest = parts[:cut], parts[cut:]
            inside = ("$" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in rest)) if rest else None
            bracketed = re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", ".".join(head))
            for column in dict.fromkeys(map(normalize_header, (".".join(head), "_".join(head), bracketed))):
                ways.append((column, inside))
    return ways


class _Columns:
    """The file's columns as SQL text expressions: trimmed, NULL when empty or absent."""

    def __init__(self, columns: dict[str, str]):
        self.columns = columns

    def has(self, path: str) -> bool:
        """Whether the file holds the field `path` in any of the ways it can be flattened."""
        return any(column in self.columns for column, _ in _flattenings(path))

    def _cell(self, path: str) -> str | None:
        for column, inside in _flattenings(path):
            if column in self.columns:
                cell = f"nullif(trim(raw.{quote_identifier(self.columns[column])}), '')"
                if inside is None:
                    return cell
                return f"nullif(trim(json_extract_string(try_cast({cell} AS JSON), {_literal(inside)})), '')"
        return None

    def text(self, *names: str) -> str:
        """The first of `names` the file has that is not empty on the row (NULL when none)."""
        present = [cell for cell in map(self._cell, names) if cell is not None]
        if not present:
            return NULL_TEXT
        return present[0] if len(present) == 1 else f"coalesce({', '.join(present)})"

    def lower(self, *names: str) -> str:
        return f"lower({self.text(*names)})"


@dataclass(frozen=True)
class _Event:
    """One UNION ALL branch: rows of `source` meeting `when` give `event_type` at the time `moment`."""

    event_type: str
    moment: str                    # SQL over the source columns: the event's time as text
    when: str = "true"
    stage: str = "stage"
    channel: str = "channel"


def _source(
    *, candidate: str, process: str, process_name: str = NULL_TEXT, department: str = NULL_TEXT,
    recruiter: str = NULL_TEXT, stage: str = NULL_TEXT, channel: str = NULL_TEXT,
    extra: dict[str, str] | None = None, where: str = "true",
) -> str:
    extras = "".join(f", {expression} AS {name}" for name, expression in (extra or {}).items())
    return (
        f"SELECT __row, {candidate} AS candidate_id, {process} AS process_id, {process_name} AS process_name, "
        f"{department} AS department, {recruiter} AS recruiter, {stage} AS stage, {channel} AS channel{extras} "
        f"FROM raw WHERE {where}"
    )


def _events_sql(source: str, events: Sequence[_Event], keep: str = "true") -> str:
    """One event per branch and row whose time is given; `keep` filters whole applications."""
    branches = [
        f"SELECT __row, candidate_id, process_id, {_literal(event.event_type)} AS event_type, "
        f"{event.moment} AS occurred_at, process_name, department, recruiter, {event.stage} AS stage, "
        f"{event.channel} AS channel FROM source WHERE {event.moment} IS NOT NULL AND ({event.when}) AND ({keep})"
        for event in events
    ]
    return f"WITH source AS ({source}) " + " UNION ALL ".join(branches)


def _surveys_sql(*, candidate: str, process: str, submitted_at: str, nps: str = NULL_TEXT,
                 comment: str = NULL_TEXT, where: str = "true") -> str:
    return (
        f"SELECT __row, {candidate} AS candidate_id, {process} AS process_id, {submitted_at} AS submitted_at, "
        f"{nps} AS nps, {comment} AS comment FROM raw WHERE {where}"
    )


def _process_in_store(candidate: str, moment: str) -> str:
    """The candidate's application in the store that started last at or before `moment`, else its first."""
    return (
        "(SELECT coalesce(arg_max(process_id, started) FILTER (WHERE started <= "
        f"parse_instant({moment}, {_STORE_TIMEZONE})), arg_min(process_id, started)) "
        f"FROM (SELECT process_id, min(occurred_at) AS started FROM events WHERE candidate_id = {candidate} "
        "GROUP BY process_id))"
    )


def _as_utc(text: str) -> str:
    """Warehouse (Fivetran) times are UTC written without a zone: mark them so."""
    return (
        f"CASE WHEN regexp_full_match({text}, '\\d{{4}}-\\d{{2}}-\\d{{2}}[T ]\\d{{1,2}}:\\d{{2}}(:\\d{{2}}(\\.\\d+)?)?') "
        f"THEN {text} || 'Z' ELSE {text} END"
    )


def _deleted(c: _Columns) -> str:
    """Rows a warehouse copy keeps after the vendor deleted them (Fivetran's soft deletes)."""
    return _is_true(c.lower("_fivetran_deleted", "is_deleted"))


def _before_today(text: str) -> str:
    """A planned date that has passed by the import day: the interview can have taken place."""
    return f"coalesce(try_cast(left({text}, 10) AS DATE) < current_date, false)"


def _is_true(text: str) -> str:
    return f"coalesce({text} IN ('true', 'yes', '1', 'ja'), false)"


def _voided_later(application: str, moment: str, kind: str, undo: str) -> str:
    """SQL: a later `undo` row (unreject, unhire) of the same application voids this row."""
    return (
        f"coalesce(max(CASE WHEN {kind} = {_literal(undo)} THEN parse_instant({moment}, 'UTC') END) "
        f"OVER (PARTITION BY {application}) > parse_instant({moment}, 'UTC'), false)"
    )


# -- Greenhouse -------------------------------------------------------------------------------------

GREENHOUSE_PROCESS = "greenhouse"


def _greenhouse_applications(c: _Columns) -> str:
    status = c.lower("status")
    source = _source(
        candidate=c.text("candidate_id"),
        process=f"coalesce({c.text('jobs[0].id', 'job_id')}, {_literal(GREENHOUSE_PROCESS)})",
        process_name=c.text("jobs[0].name", "job_name"), recruiter=c.text("recruiter.name"),
        stage=c.text("current_stage.name"),
        extra={
            "applied_at": _as_utc(c.text("applied_at")), "rejected_at": _as_utc(c.text("rejected_at")),
            "last_activity_at": _as_utc(c.text("last_activity_at")), "status": status,
            "they_rejected_us": f"coalesce({c.lower('rejection_reason.type.name')} = 'they rejected us', false)",
        },
        where=f"NOT ({_greenhouse_prospect(c)} OR {_deleted(c)})",
    )
    return _events_sql(source, [
        _Event("application_received", "applied_at"),
        _Event("rejected", "rejected_at", "status = 'rejected' AND NOT they_rejected_us"),
        _Event("withdrawn", "rejected_at", "status = 'rejected' AND they_rejected_us"),
        _Event("hired", "last_activity_at", "status = 'hired'"),
    ])


def _greenhouse_prospect(c: _Columns) -> str:
    """Prospects never applied; a converted prospect lives on as a new application row."""
    return f"{_is_true(c.lower('prospect'))} OR coalesce({c.lower('status')}, '') = 'converted'"


def _after_rejection(candidate: str, process: str, moment: str, subject: str) -> str:
    """SQL: a rejection of this application at or before `moment`, stored already or in the same feed."""
    instant = f"parse_instant({moment}, 'UTC')"
    in_store = (f"EXISTS (SELECT 1 FROM events AS decided WHERE decided.candidate_id = {candidate} "
                f"AND decided.process_id = {process} AND decided.event_type = 'rejected' "
                f"AND decided.occurred_at <= {instant})")
    last = "max(CASE WHEN {subject} = {kind} THEN {instant} END) OVER (PARTITION BY {candidate}, {process})"
    rejected = last.format(subject=subject, kind="'candidate rejected'", instant=instant, candidate=candidate,
                           process=process)
    unrejected = last.format(subject=subject, kind="'candidate unrejected'", instant=instant, candidate=candidate,
                             process=process)
    # The feed's last rejection stands unless an unrejection came after it.
    in_feed = f"coalesce({rejected} <= {instant} AND {rejected} > coalesce({unrejected}, '-infinity'::TIMESTAMPTZ), false)"
    return f"({in_store} OR {in_feed})"


def _greenhouse_activity(c: _Columns) -> str:
    candidate, moment, job = c.text("candidate_id"), _as_utc(c.text("created_at")), c.text("job_id", "jobs[0].id")
    subject, application = c.lower("subject"), f"{candidate}, {job}"
    process = f"coalesce({job}, {_process_in_store(candidate, moment)})"
    source = _source(
        candidate=candidate, process=process,
        extra={
            "item_kind": c.lower("kind"), "subject": subject, "created_at": moment,
            "unrejected_later": _voided_later(application, moment, subject, "candidate unrejected"),
            "unhired_later": _voided_later(application, moment, subject, "candidate unhired"),
            "after_rejection": _after_rejection(candidate, process, moment, subject),
        },
    )
    # Greenhouse does not mark the rejection e-mail: as for message traces, an e-mail at or after the
    # application's rejection is its notice (the first of them is what the metrics read as the notice).
    return _events_sql(source, [
        _Event("rejection_sent", "created_at", "item_kind = 'email' AND after_rejection", channel="'email'"),
        _Event("status_update_sent", "created_at", "item_kind = 'email' AND NOT after_rejection", channel="'email'"),
        _Event("rejected", "created_at", "item_kind = 'activity' AND subject = 'candidate rejected' AND NOT unrejected_later"),
        _Event("hired", "created_at", "item_kind = 'activity' AND subject = 'candidate hired' AND NOT unhired_later"),
    ])


def _greenhouse_scorecards(c: _Columns) -> str:
    candidate, moment = c.text("candidate_id"), _as_utc(c.text("interviewed_at"))
    source = _source(
        candidate=candidate,
        process=f"coalesce({c.text('job_id', 'jobs[0].id')}, {_process_in_store(candidate, moment)})",
        stage=c.text("interview_step.name", "interview.name", "interview"),
        extra={"interviewed_at": moment},
    )
    return _events_sql(source, [_Event("interview_held", "interviewed_at")])


# -- Lever --------------------------------------------------------------------------------------

LEVER_PROCESS = "lever"
LEVER_WITHDRAWN_REASONS = ("withdrew", "candidate withdrew", "offer declined")


def _lever_process(c: _Columns) -> str:
    return f"coalesce({c.text('posting_id')}, {_literal(LEVER_PROCESS)})"


LEVER_UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def _lever_reason(reason: str, part: str) -> str:
    """An archive reason's text or category (lower case) from the stored Lever archive reasons."""
    return (f"(SELECT lower({part}) FROM vendor_lookups WHERE vendor = 'lever' AND kind = 'archive_reason' "
            f"AND id = {reason})")


def _lever_reason_text(c: _Columns) -> str:
    """The archive reason's text (lower case), or NULL when its kind is unknown.

    The API's `archived.reason` is the reason's id (a UUID; the warehouse's `archived_reason_id` an
    id of any form): it is read from the imported archive reasons. Some exports write the text
    itself (`archived_reason` = "Underqualified"), which is taken as written.
    """
    given = c.text("archived.reason", "archivereason")
    written = f"CASE WHEN NOT regexp_full_match({given}, {_literal(LEVER_UUID)}) THEN lower({given}) END"
    reason_id = c.text("archived_reason_id", "archived.reason", "archivereason")
    return f"coalesce({_lever_reason(reason_id, 'text')}, {written})"


def _lever_opportunities(c: _Columns) -> str:
    """An archived opportunity whose reason's kind is unknown gives no decision event (the import
    report counts it as "archived, reason unknown"): never a guessed rejection."""
    reason_id = c.text("archived_reason_id", "archived.reason", "archivereason")
    source = _source(
        candidate=c.text("id"), process=_lever_process(c), stage=c.text("stage.text", "stage", "stage_id", "stage.id"),
        extra={"created_at": _as_utc(c.text("createdAt", "created_at")),
               "archived_at": _as_utc(c.text("archived.archivedAt", "archivedat", "archived_at")),
               "reason": _lever_reason_text(c), "category": _lever_reason(reason_id, "category")},
        where=f"NOT ({_lever_lead(c)} OR {_deleted(c)})",
    )
    withdrawn = ", ".join(_literal(reason) for reason in LEVER_WITHDRAWN_REASONS)
    hired = "(reason = 'hired' OR coalesce(category = 'hired', false))"
    return _events_sql(source, [
        _Event("application_received", "created_at"),
        _Event("hired", "archived_at", hired),
        _Event("withdrawn", "archived_at", f"NOT {hired} AND reason IN ({withdrawn})"),
        _Event("rejected", "archived_at", f"NOT {hired} AND reason NOT IN ({withdrawn})"),
    ])


def _lever_lead(c: _Columns) -> str:
    """Leads never applied: an opportunity still in a `lead-*` stage."""
    return f"coalesce({c.lower('stage', 'stage_id', 'stage.id')} LIKE 'lead-%', false)"


def _lever_unknown_reason(c: _Columns) -> str:
    """Archived, but the reason's kind is not known: an id with no imported archive reason, or none."""
    archived = c.text("archived.archivedAt", "archivedat", "archived_at")
    return f"{archived} IS NOT NULL AND NOT ({_lever_lead(c)} OR {_deleted(c)}) AND {_lever_reason_text(c)} IS NULL"


def _lever_archive_reasons(c: _Columns) -> str:
    """Lever's archive reasons (API `/archive_reasons` or the warehouse `archive_reason` table)."""
    return (f"SELECT __row, {c.text('id')} AS id, {c.text('text')} AS text, {c.lower('type')} AS category "
            "FROM raw")


def _lever_stage_moves(updated_column: str, stage_column: str, in_utc: bool) -> Callable[[_Columns], str]:
    """Stage changes give the application: the first move into a stage that is not a lead stage."""

    def build(c: _Columns) -> str:
        updated = _as_utc(c.text(updated_column)) if in_utc else c.text(updated_column)
        opportunity = c.text("opportunity_id")
        applicant = f"coalesce({c.lower(stage_column)} NOT LIKE 'lead-%', false)"
        first_applicant_move = (
            f"min(CASE WHEN {applicant} THEN parse_instant({updated}, 'UTC') END) OVER (PARTITION BY {opportunity})"
        )
        source = _source(
            candidate=opportunity, process=_lever_process(c), stage=c.text(stage_column),
            extra={"updated": updated,
                   "first_move": f"{applicant} AND parse_instant({updated}, 'UTC') = {first_applicant_move}"},
        )
        return _events_sql(source, [_Event("application_received", "updated", "first_move")])

    return build


def _lever_interviews(c: _Columns) -> str:
    planned = _as_utc(c.text("date"))
    source = _source(
        candidate=c.text("opportunity_id"), process=_lever_process(c),
        extra={"created_at": _as_utc(c.text("created_at")), "planned": planned,
               "canceled": f"{c.text('canceled_at')} IS NOT NULL"},
    )
    return _events_sql(source, [
        _Event("interview_scheduled", "created_at"),
        _Event("interview_held", "planned", f"NOT canceled AND {_before_today('planned')}"),
    ])


# -- Teamtailor ---------------------------------------------------------------------------------

# Activity codes: only `created` is documented; these are the codes of Teamtailor's activity
# stream as its UI names them (an assumption: map other codes with a saved mapping).
TEAMTAILOR_MESSAGE_CODES = {"message": "email", "sms": "sms"}


def _teamtailor_applications(c: _Columns) -> str:
    source = _source(
        candidate=c.text("candidate_id"), process=c.text("job_id"), stage=c.text("stage_id", "job_stage_id"),
        extra={"created_at": _as_utc(c.text("created_at")), "rejected_at": _as_utc(c.text("rejected_at"))},
        where=f"NOT ({_teamtailor_sourced(c)} OR {_deleted(c)})",
    )
    return _events_sql(source, [
        _Event("application_received", "created_at"),
        _Event("rejected", "rejected_at"),
    ])


def _teamtailor_sourced(c: _Columns) -> str:
    """Sourced candidates were added by a recruiter: they never applied."""
    return _is_true(c.lower("sourced"))


def _teamtailor_activities(c: _Columns) -> str:
    candidate, moment, code, job = c.text("candidate_id"), _as_utc(c.text("created_at")), c.lower("code"), c.text("job_id")
    channel = "CASE code " + " ".join(
        f"WHEN {_literal(code_name)} THEN {_literal(channel)}" for code_name, channel in TEAMTAILOR_MESSAGE_CODES.items()
    ) + " END"
    source = _source(
        candidate=candidate, process=f"coalesce({job}, {_process_in_store(candidate, moment)})",
        extra={"code": code, "created_at": moment,
               "unrejected_later": _voided_later(f"{candidate}, {job}", moment, code, "unrejected")},
    )
    messages = ", ".join(_literal(code_name) for code_name in TEAMTAILOR_MESSAGE_CODES)
    return _events_sql(source, [
        _Event("status_update_sent", "created_at", f"code IN ({messages})", channel=channel),
        _Event("interview_scheduled", "created_at", "code = 'interview'"),
        _Event("rejected", "created_at", "code = 'rejected' AND NOT unrejected_later"),
        _Event("hired", "created_at", "code = 'hired'"),
    ])


def _teamtailor_nps(c: _Columns) -> str:
    candidate, scored = c.text("candidate_id"), _as_utc(c.text("scored_at"))
    return _surveys_sql(
        candidate=candidate, process=_process_in_store(candidate, _as_utc(c.text("sent_at", "scored_at"))),
        submitted_at=scored, nps=c.text("score"), comment=c.text("feedback"),
        where=f"{scored} IS NOT NULL",   # sent but not answered: a survey sent, see _teamtailor_nps_sent
    )


def _teamtailor_nps_sent(c: _Columns) -> str:
    """Every row is a survey sent (answered or not): the base of the response rate."""
    candidate, sent = c.text("candidate_id"), _as_utc(c.text("sent_at"))
    source = _source(candidate=candidate, process=_process_in_store(candidate, sent), extra={"sent_at": sent})
    return _events_sql(source, [_Event("survey_sent", "sent_at")])


# -- Ashby --------------------------------------------------------------------------------------

ASHBY_PROCESS = "ashby"


def _ashby_history(c: _Columns) -> str:
    title = c.lower("title")
    source = _source(
        candidate=c.text("applicationid"), process=f"coalesce({c.text('jobid')}, {_literal(ASHBY_PROCESS)})",
        stage=c.text("title"),
        extra={
            "entered": c.text("enteredstageat"), "title": title,
            "first_entered": f"min(parse_instant({c.text('enteredstageat')}, 'UTC')) "
                             f"FILTER (WHERE coalesce({title}, '') NOT IN ('lead', 'archived')) "
                             f"OVER (PARTITION BY {c.text('applicationid')})",
        },
    )
    return _events_sql(source, [
        _Event("application_received", "entered",
               "coalesce(title, '') NOT IN ('lead', 'archived') AND parse_instant(entered, 'UTC') = first_entered"),
        _Event("offer_made", "entered", "title = 'offer'"),
        _Event("hired", "entered", "title = 'hired'"),
        _Event("rejected", "entered", "title = 'archived'"),
    ], keep="first_entered IS NOT NULL")   # applications that only ever were leads never applied


def _json_value(document: str, key_pattern: str) -> str:
    """The first value of the JSON object whose key matches `key_pattern` (a module constant)."""
    return (
        f"(SELECT value ->> '$' FROM json_each(try_cast({document} AS JSON)) "
        f"WHERE regexp_matches(lower(key), {_literal(key_pattern)}) ORDER BY id LIMIT 1)"
    )


def _ashby_surveys(c: _Columns) -> str:
    values = c.text("submittedvalues")
    return _surveys_sql(
        candidate=c.text("applicationid"), process=f"coalesce({c.text('jobid')}, {_literal(ASHBY_PROCESS)})",
        submitted_at=c.text("submittedat"),
        nps=_json_value(values, "nps|recommend"), comment=_json_value(values, "comment|feedback"),
        where=f"{c.lower('surveytype')} = 'candidateexperience'",
    )


# -- SmartRecruiters ------------------------------------------------------------------------------

SMARTRECRUITERS_PROCESS = "smartrecruiters"
SMARTRECRUITERS_INTERVIEW_CHANNELS = {"ONSITE": "in_person", "PHONE": "phone", "VIDEO": "video"}


def _smartrecruiters_process(c: _Columns) -> str:
    return f"coalesce({c.text('jobid')}, {_literal(SMARTRECRUITERS_PROCESS)})"


def _smartrecruiters_applications(c: _Columns) -> str:
    status = f"upper({c.text('applicationstage')})"
    source = _source(
        candidate=c.text("applicationid"), process=_smartrecruiters_process(c), process_name=c.text("jobtitle"),
        stage=c.text("applicationstage"),
        extra={"created": c.text("applicationcreationdate"), "updated": c.text("applicationlastupdate"),
               "status": status},
        where=f"coalesce({status}, '') <> 'LEAD'",
    )
    return _events_sql(source, [
        _Event("application_received", "created"),
        _Event("offer_made", "updated", "status = 'OFFER'"),
        _Event("hired", "updated", "status = 'HIRED'"),
        _Event("rejected", "updated", "status = 'REJECTED'"),
        _Event("withdrawn", "updated", "status = 'WITHDRAWN'"),
    ])


def _smartrecruiters_interviews(c: _Columns) -> str:
    channel = f"CASE upper({c.text('interviewtype')}) " + " ".join(
        f"WHEN {_literal(kind)} THEN {_literal(channel)}" for kind, channel in SMARTRECRUITERS_INTERVIEW_CHANNELS.items()
    ) + " END"
    source = _source(
        candidate=c.text("applicationid"), process=_smartrecruiters_process(c), stage=c.text("applicationstage"),
        channel=channel,
        extra={"created": c.text("interviewcreatedate"), "starts": c.text("interviewstartdate"),
               "called_off": f"{_is_true(c.lower('interviewcanceled'))} "
                             f"OR coalesce(upper({c.text('candidatestatus')}) = 'DECLINED', false)"},
    )
    return _events_sql(source, [
        _Event("interview_scheduled", "created", channel=NULL_TEXT),
        _Event("interview_held", "starts", f"NOT called_off AND {_before_today('starts')}"),
    ])


# -- Workday ------------------------------------------------------------------------------------

WORKDAY_VOID_STATUSES = ("rescinded", "canceled", "cancelled")


def _workday(c: _Columns) -> str:
    void = ", ".join(_literal(status) for status in WORKDAY_VOID_STATUSES)
    source = _source(
        candidate=c.text("candidate_id"), process=c.text("job_req_id"), process_name=c.text("job_posting_title"),
        department=c.text("supervisory_organization"), recruiter=c.text("recruiter"), stage=c.text("candidate_stage"),
        extra={"initiated": c.text("date_and_time_initiated"), "completed": c.text("date_and_time_completed"),
               "now_in": c.lower("candidate_stage"), "left_from": c.text("last_recruiting_stage")},
        where=f"coalesce({c.lower('transaction_status')}, '') NOT IN ({void})",
    )
    return _events_sql(source, [
        _Event("application_received", "initiated"),
        _Event("rejected", "completed", "now_in LIKE 'declin%' OR now_in LIKE 'reject%'", stage="left_from"),
        _Event("withdrawn", "completed", "now_in LIKE 'withdr%'", stage="left_from"),
        _Event("hired", "completed", "now_in IN ('hire', 'hired', 'ready for hire')", stage="left_from"),
    ])


# -- EasyCruit ----------------------------------------------------------------------------------

# Wide milestone-date columns (normalised Swedish headers) and the event each gives.
EASYCRUIT_MILESTONES: tuple[tuple[str, str, str | None], ...] = (
    ("ansökningsdatum", "application_received", None),
    ("datum_för_kallelse_till_telefonintervju", "interview_scheduled", None),
    ("datum_för_kallelse_till_intervju_1", "interview_scheduled", None),
    ("datum_för_kallelse_till_intervju_2", "interview_scheduled", None),
    ("datum_för_kallelse_till_intervju_3", "interview_scheduled", None),
    ("datum_för_informationsmöte/telefonintervju", "interview_held", "phone"),
    ("datum_för_intervju_1", "interview_held", None),
    ("datum_för_intervju_2", "interview_held", None),
    ("datum_för_intervju_3", "interview_held", None),
    ("datum_för_jobberbjudande", "offer_made", None),
    ("anställningsdatum", "hired", None),
)


def _easycruit(c: _Columns) -> str:
    milestones = {f"m{index}": c.text(column) for index, (column, _, _) in enumerate(EASYCRUIT_MILESTONES)}
    source = _source(
        candidate=c.text("kandidatens_id"), process=c.text("projekt/annons_id"), process_name=c.text("rekryteringstitel"),
        department=c.text("avdelningsnamn"), stage=c.text("ansökningsstatus"),
        extra=milestones | {"updated": c.text("ansökan_uppdaterad"), "status": c.lower("ansökningsstatus")},
    )
    events = [
        _Event(event_type, f"m{index}", _before_today(f"m{index}") if event_type == "interview_held" else "true",
               channel=_literal(channel) if channel else NULL_TEXT)
        for index, (_, event_type, channel) in enumerate(EASYCRUIT_MILESTONES)
    ]
    return _events_sql(source, [*events, _Event("rejected", "updated", "status = 'avslag'")])


# -- process-mining event logs ------------------------------------------------------------------

PROCESS_MINING_PROCESS = "process-mining"
# Activity names common in recruitment event logs (lower case), English and Swedish.
ACTIVITY_SYNONYMS: dict[str, str] = {
    "apply": "application_received", "applied": "application_received", "application submitted": "application_received",
    "application received": "application_received", "ansökan inkommen": "application_received",
    "ansökan mottagen": "application_received", "ansökt": "application_received",
    "send acknowledgement": "acknowledgement_sent", "acknowledge": "acknowledgement_sent",
    "bekräftelse skickad": "acknowledgement_sent", "send status update": "status_update_sent",
    "schedule interview": "interview_scheduled", "invite to interview": "interview_scheduled",
    "kallelse till intervju": "interview_scheduled", "interview": "interview_held", "intervju": "interview_held",
    "reject": "rejected", "rejection": "rejected", "avslag": "rejected", "send rejection": "rejection_sent",
    "avslagsbesked skickat": "rejection_sent", "give feedback": "feedback_given", "återkoppling": "feedback_given",
    "make offer": "offer_made", "offer": "offer_made", "erbjudande": "offer_made", "hire": "hired",
    "anställd": "hired", "withdraw": "withdrawn", "withdrew": "withdrawn", "återtagen": "withdrawn",
    "send survey": "survey_sent", "enkät skickad": "survey_sent",
}


def _process_mining(case: str, activity: str, timestamp: str, resource: str) -> Callable[[_Columns], str]:
    """Event logs: a case is an application; an activity named like no event type is passed on as
    written, so the importer lists it (lenient mode stores the rest)."""

    def build(c: _Columns) -> str:
        name = f"regexp_replace({c.lower(activity)}, '[\\s_-]+', ' ', 'g')"
        synonyms = " ".join(f"WHEN {_literal(spoken)} THEN {_literal(kind)}" for spoken, kind in ACTIVITY_SYNONYMS.items())
        event_type = (
            f"CASE WHEN list_contains({_literal_list(EVENT_TYPES)}, replace({name}, ' ', '_')) THEN replace({name}, ' ', '_') "
            f"ELSE coalesce(CASE {name} {synonyms} END, {c.text(activity)}) END"
        )
        return (
            f"SELECT __row, {c.text(case)} AS candidate_id, "
            f"coalesce({c.text('process_id')}, {_literal(PROCESS_MINING_PROCESS)}) AS process_id, "
            f"{event_type} AS event_type, {c.text(timestamp)} AS occurred_at, {NULL_TEXT} AS process_name, "
            f"{NULL_TEXT} AS department, {c.text(resource)} AS recruiter, {NULL_TEXT} AS stage, "
            f"{NULL_TEXT} AS channel FROM raw"
        )

    return build


def _literal_list(values: Collection[str]) -> str:
    return "[" + ", ".join(_literal(value) for value in values) + "]"


# -- the registry -------------------------------------------------------------------------------

class MetricSupport(NamedTuple):
    key: str
    available: bool
    reason_en: str
    reason_sv: str


# The evidence an export's event types show by being there. An offer or a feedback call is not
# evidence that the export records the written messages (a snapshot export knows offers but no messages).
EVENT_EVIDENCE: dict[str, str] = {
    "application_received": "applications",
    "rejected": "decisions", "offer_made": "decisions", "hired": "decisions", "withdrawn": "decisions",
    "interview_scheduled": "interviews", "interview_held": "interviews",
    "acknowledgement_sent": "messages", "status_update_sent": "messages", "rejection_sent": "messages",
    "feedback_given": "personal_feedback",
    "survey_sent": "surveys_sent",
}


def evidence_of_events(event_types: Collection[str]) -> frozenset[str]:
    """The kinds of evidence (vocabulary.EVIDENCE) a source giving these event types records."""
    return frozenset(EVENT_EVIDENCE[event_type] for event_type in event_types if event_type in EVENT_EVIDENCE)


def metric_support(evidence: Collection[str]) -> list[MetricSupport]:
    """Every metric the Data page lists, with whether data recording `evidence` supports it, and why not.

    The metrics and what each needs come from the catalogue; the reason names the first kind of
    evidence missing (analytics/i18n.py, evidence.missing.*).
    """
    rows = []
    for metric in shown_in(DATA):
        missing = missing_evidence(metric, frozenset(evidence))
        if missing:
            key = f"evidence.missing.{missing[0]}"
            rows.append(MetricSupport(metric.key, False, t(key, "en"), t(key, "sv")))
        else:
            rows.append(MetricSupport(metric.key, True, "", ""))
    return rows


_Conditions = Callable[[_Columns], tuple[tuple[str, str], ...]]


def _none(c: _Columns) -> tuple[tuple[str, str], ...]:
    return ()


@dataclass(frozen=True)
class Preset:
    name: str
    kind: str                      # 'events' | 'surveys' | 'lookups' (a vendor code table)
    # Normalised headers that identify the export; a nested field matches in any flattening
    # (`_flattenings`), `a|b` is either.
    signature: frozenset[str]
    title: str
    build: Callable[[_Columns], str]
    # (canonical event type, or for surveys submitted_at / nps / comment; the file's columns)
    events_supported: tuple[tuple[str, str], ...]
    also_required: frozenset[str] = frozenset()   # needed for events, but not part of the signature
    detectable: bool = True
    # What the export records (vocabulary.EVIDENCE kind, EVIDENCE_SCOPES scope): docs/presets.md.
    evidence: tuple[tuple[str, str], ...] = ()
    # (reason, SQL over `raw`) for rows left out on purpose, in order; other rows that give nothing
    # are counted as "no_event_date".
    leaves_out: _Conditions = _none
    # (reason, SQL over `raw`) for rows stored without a part of them (an outcome of unknown kind).
    stores_partly: _Conditions = _none
    # Events the same rows also give, stored by the same import (survey invitations in an answer export).
    also_events: Callable[[_Columns], str] | None = None
    lookup: tuple[str, str] = ("", "")   # for kind 'lookups': (vendor, kind) in vendor_lookups

    def to_canonical_sql(self, columns: dict[str, str]) -> str:
        return self.build(_Columns(columns))

    def also_events_sql(self, columns: dict[str, str]) -> str | None:
        return self.also_events(_Columns(columns)) if self.also_events else None

    def left_out_conditions(self, columns: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return self.leaves_out(_Columns(columns))

    def partly_stored_conditions(self, columns: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return self.stores_partly(_Columns(columns))

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(sorted(self.signature | self.also_required))

    def matches(self, columns: Collection[str]) -> bool:
        """Whether a file with these (normalised) headers holds the preset's signature."""
        held = _Columns({name: name for name in columns})
        return all(held.has(name) for name in self.signature)

    def missing_columns(self, columns: Collection[str]) -> list[str]:
        """Names this preset needs that the file lacks (a forced preset on the wrong file)."""
        held = _Columns({name: name for name in columns})
        return [name for name in self.required_columns if not held.has(name)]

    def email_columns(self, columns: Collection[str]) -> frozenset[str]:
        """Columns the importer must pseudonymise as it reads the file: presets read no addresses."""
        return frozenset()

    @property
    def recorded(self) -> frozenset[str]:
        """The kinds of evidence this export records (its declaration, without the scopes)."""
        return frozenset(kind for kind, _ in self.evidence)

    @property
    def metrics_unavailable(self) -> tuple[tuple[str, str, str], ...]:
        """(metric key, reason en, reason sv) for each metric this export alone cannot give."""
        if self.kind == "lookups":
            return ()   # a code table measures nothing and needs nothing
        return tuple((m.key, m.reason_en, m.reason_sv) for m in metric_support(self.recorded) if not m.available)


_OWN_SNAPSHOT = (("applications", "own"), ("decisions", "own"))


def _reasons(*pairs: tuple[str, Callable[[_Columns], str]]) -> _Conditions:
    return lambda c: tuple((reason, condition(c)) for reason, condition in pairs)


def _lever_moves_lead(stage_column: str) -> Callable[[_Columns], str]:
    """Every row of an opportunity that never left the lead stages."""
    def condition(c: _Columns) -> str:
        return (f"NOT coalesce(bool_or({c.lower(stage_column)} NOT LIKE 'lead-%') "
                f"OVER (PARTITION BY {c.text('opportunity_id')}), false)")
    return condition


def _greenhouse_internal(c: _Columns) -> str:
    return (f"NOT coalesce({c.lower('kind')} = 'email' OR ({c.lower('kind')} = 'activity' AND "
            f"{c.lower('subject')} IN ('candidate rejected', 'candidate hired')), false)")


def _teamtailor_internal(c: _Columns) -> str:
    codes = ", ".join(_literal(code) for code in (*TEAMTAILOR_MESSAGE_CODES, "interview", "rejected", "hired"))
    return f"NOT coalesce({c.lower('code')} IN ({codes}), false)"


def _ashby_lead(c: _Columns) -> str:
    return (f"NOT coalesce(bool_or(coalesce({c.lower('title')}, '') NOT IN ('lead', 'archived')) "
            f"OVER (PARTITION BY {c.text('applicationid')}), false)")


_EASYCRUIT_SIGNATURE = frozenset({"kandidatens_id", "projekt/annons_id", "ansökningsstatus", "ansökningsdatum"})

_PRESET_LIST: tuple[Preset, ...] = (
    Preset(
        "greenhouse_applications", "events",
        frozenset({"id", "candidate_id", "prospect", "applied_at", "rejected_at", "status"}),
        "Greenhouse: applications (Harvest)", _greenhouse_applications,
        (("application_received", "applied_at"), ("rejected", "rejected_at, status = rejected"),
         ("withdrawn", "rejected_at, rejection_reason.type.name = They rejected us"),
         ("hired", "last_activity_at, status = hired")),
        evidence=_OWN_SNAPSHOT, leaves_out=_reasons(("deleted", _deleted), ("prospect", _greenhouse_prospect)),
    ),
    Preset(
        "greenhouse_activity", "events", frozenset({"kind", "id", "created_at", "subject", "body"}),
        "Greenhouse: activity feed", _greenhouse_activity,
        (("rejection_sent", "created_at, kind = email, at or after the application's rejection"),
         ("status_update_sent", "created_at, kind = email, before any rejection"),
         ("rejected", "created_at, subject = Candidate Rejected"),
         ("hired", "created_at, subject = Candidate Hired")),
        frozenset({"candidate_id"}),
        evidence=(("decisions", "own"), ("messages", "own")),
        leaves_out=_reasons(("internal_activity", _greenhouse_internal),
                            ("undone_later", lambda c: f"{c.lower('kind')} = 'activity'")),
    ),
    Preset(
        "greenhouse_scorecards", "events",
        frozenset({"candidate_id", "application_id", "interviewed_at", "submitted_at", "overall_recommendation"}),
        "Greenhouse: scorecards", _greenhouse_scorecards, (("interview_held", "interviewed_at"),),
        evidence=(("interviews", "own"),),
    ),
    Preset(
        "lever_opportunities", "events",
        frozenset({"id", "createdat|created_at", "origin", "stage|stage_id|stage.id"}),
        "Lever: opportunities", _lever_opportunities,
        (("application_received", "createdAt"),
         ("hired", "archived.archivedAt, archived.reason = Hired (or an archive reason of type hired)"),
         ("withdrawn", "archived.archivedAt, archived.reason = Withdrew / Offer declined"),
         ("rejected", "archived.archivedAt, any other known archived.reason")),
        evidence=_OWN_SNAPSHOT, leaves_out=_reasons(("deleted", _deleted), ("lead", _lever_lead)),
        stores_partly=_reasons(("archive_reason_unknown", _lever_unknown_reason)),
    ),
    Preset(
        "lever_archive_reasons", "lookups", frozenset({"id", "text"}),
        "Lever: archive reasons", _lever_archive_reasons,
        (("archive reason", "id, text, type (hired / non-hired)"),), lookup=("lever", "archive_reason"),
    ),
    Preset(
        "lever_stage_changes", "events", frozenset({"opportunity_id", "tostageid", "tostageindex", "updatedat"}),
        "Lever: stage changes (API)", _lever_stage_moves("updatedat", "tostageid", in_utc=False),
        (("application_received", "updatedAt of the first move to a stage that is not lead-*"),),
        evidence=(("applications", "own"),),
        leaves_out=_reasons(("lead", _lever_moves_lead("tostageid")), ("stage_move", lambda c: "true")),
    ),
    Preset(
        "lever_stage_history", "events", frozenset({"opportunity_id", "updated_at", "stage_id", "to_stage_index"}),
        "Lever: opportunity stage history (warehouse)", _lever_stage_moves("updated_at", "stage_id", in_utc=True),
        (("application_received", "updated_at of the first move to a stage that is not lead-*"),),
        evidence=(("applications", "own"),),
        leaves_out=_reasons(("lead", _lever_moves_lead("stage_id")), ("stage_move", lambda c: "true")),
    ),
    Preset(
        "lever_interviews", "events", frozenset({"opportunity_id", "canceled_at", "date", "feedback_reminder", "panel_id"}),
        "Lever: interviews (warehouse)", _lever_interviews,
        (("interview_scheduled", "created_at"), ("interview_held", "date, not canceled, before the import day")),
        evidence=(("interviews", "own"),),
    ),
    Preset(
        "teamtailor_applications", "events",
        frozenset({"created_at", "changed_stage_at", "rejected_at", "sourced", "candidate_id", "job_id"}),
        "Teamtailor: job applications", _teamtailor_applications,
        (("application_received", "created-at"), ("rejected", "rejected-at")),
        evidence=_OWN_SNAPSHOT, leaves_out=_reasons(("deleted", _deleted), ("sourced", _teamtailor_sourced)),
    ),
    Preset(
        "teamtailor_activities", "events", frozenset({"code", "created_at", "data", "candidate_id"}),
        "Teamtailor: activities", _teamtailor_activities,
        (("status_update_sent", "created-at, code = message / sms"), ("interview_scheduled", "created-at, code = interview"),
         ("rejected", "created-at, code = rejected"), ("hired", "created-at, code = hired")),
        evidence=(("decisions", "own"), ("messages", "own")),
        leaves_out=_reasons(("internal_activity", _teamtailor_internal),
                            ("undone_later", lambda c: f"{c.lower('code')} = 'rejected'")),
    ),
    Preset(
        "teamtailor_nps", "surveys", frozenset({"score", "scored_at", "sent_at", "on_reject", "candidate_id"}),
        "Teamtailor: NPS responses", _teamtailor_nps,
        (("survey_sent", "sent-at (every row, answered or not)"), ("submitted_at", "scored-at"), ("nps", "score"),
         ("comment", "feedback")),
        evidence=(("surveys_sent", "own"), ("survey_answers", "own")), also_events=_teamtailor_nps_sent,
    ),
    Preset(
        "ashby_application_history", "events",
        frozenset({"applicationid", "stageid", "title", "enteredstageat", "leftstageat", "stagenumber"}),
        "Ashby: application history", _ashby_history,
        (("application_received", "enteredStageAt of the first stage that is not Lead"),
         ("offer_made", "enteredStageAt, title = Offer"), ("hired", "enteredStageAt, title = Hired"),
         ("rejected", "enteredStageAt, title = Archived")),
        evidence=_OWN_SNAPSHOT, leaves_out=_reasons(("lead", _ashby_lead), ("stage_move", lambda c: "true")),
    ),
    Preset(
        "ashby_survey_submissions", "surveys",
        frozenset({"surveyformdefinitionid", "submittedat", "applicationid", "surveytype", "submittedvalues"}),
        "Ashby: survey submissions", _ashby_surveys,
        (("submitted_at", "submittedAt"), ("nps", "submittedValues: a field named *nps* or *recommend*"),
         ("comment", "submittedValues: a field named *comment* or *feedback*")),
        evidence=(("survey_answers", "all"),),
        leaves_out=_reasons(("other_survey_type", lambda c: f"coalesce({c.lower('surveytype')} <> 'candidateexperience', true)")),
    ),
    Preset(
        "smartrecruiters_applications", "events",
        frozenset({"applicationcreationdate", "applicationid", "applicationlastupdate", "applicationstage", "appliedvia"}),
        "SmartRecruiters: applications report", _smartrecruiters_applications,
        (("application_received", "applicationCreationDate"),
         ("offer_made", "applicationLastUpdate, applicationStage = OFFER"),
         ("hired", "applicationLastUpdate, applicationStage = HIRED"),
         ("rejected", "applicationLastUpdate, applicationStage = REJECTED"),
         ("withdrawn", "applicationLastUpdate, applicationStage = WITHDRAWN")),
        evidence=_OWN_SNAPSHOT,
        leaves_out=_reasons(("lead", lambda c: f"coalesce(upper({c.text('applicationstage')}) = 'LEAD', false)")),
    ),
    Preset(
        "smartrecruiters_interviews", "events",
        frozenset({"applicationid", "interviewid", "interviewstartdate", "interviewcanceled", "interviewcreatedate"}),
        "SmartRecruiters: interviews report", _smartrecruiters_interviews,
        (("interview_scheduled", "interviewCreateDate"),
         ("interview_held", "interviewStartDate, not canceled or declined, before the import day")),
        evidence=(("interviews", "own"),),
    ),
    Preset(
        "workday", "events", frozenset({"candidate_id", "job_req_id", "last_recruiting_stage", "candidate_stage"}),
        "Workday: recruiting custom report", _workday,
        (("application_received", "Date and Time Initiated"),
         ("rejected", "Date and Time Completed, Candidate_Stage = Decline*/Reject*"),
         ("withdrawn", "Date and Time Completed, Candidate_Stage = Withdr*"),
         ("hired", "Date and Time Completed, Candidate_Stage = Hire / Hired / Ready for Hire")),
        frozenset({"date_and_time_initiated", "date_and_time_completed"}),
        evidence=_OWN_SNAPSHOT,
        leaves_out=_reasons(("canceled_transaction", lambda c: f"coalesce({c.lower('transaction_status')} IN "
                             f"({', '.join(map(_literal, WORKDAY_VOID_STATUSES))}), false)")),
    ),
    Preset(
        "easycruit", "events", _EASYCRUIT_SIGNATURE, "EasyCruit: Kandidatexport", _easycruit,
        (("application_received", "Ansökningsdatum"),
         ("interview_scheduled", "Datum för kallelse till telefonintervju / Intervju 1, 2, 3"),
         ("interview_held", "Datum för informationsmöte/telefonintervju (phone), Datum för intervju 1, 2, 3"),
         ("offer_made", "Datum för jobberbjudande"), ("hired", "Anställningsdatum"),
         ("rejected", "Ansökan uppdaterad, Ansökningsstatus = Avslag")),
        evidence=(*_OWN_SNAPSHOT, ("interviews", "own")),
    ),
    Preset(
        "process_mining", "events", frozenset({"case_id", "activity", "timestamp"}),
        "Process-mining event log (case id, activity, timestamp)",
        _process_mining("case_id", "activity", "timestamp", "resource"),
        tuple((event_type, "activity") for event_type in EVENT_TYPES),
        evidence=(*_OWN_SNAPSHOT, ("interviews", "own")),
    ),
    Preset(
        "process_mining_xes", "events", frozenset({"case:concept:name", "concept:name", "time:timestamp"}),
        "Process-mining event log, pm4py / XES names",
        _process_mining("case:concept:name", "concept:name", "time:timestamp", "org:resource"),
        tuple((event_type, "concept:name") for event_type in EVENT_TYPES),
        evidence=(*_OWN_SNAPSHOT, ("interviews", "own")),
    ),
)

PRESETS: dict[str, Preset] = {preset.name: preset for preset in _PRESET_LIST}


def detect_preset(columns: set[str]) -> Preset | None:
    """The preset whose signature the header holds (the most specific one), or None for canonical."""
    matching = [preset for preset in PRESETS.values() if preset.detectable and preset.matches(columns)]
    return max(matching, key=lambda preset: len(preset.signature), default=None)


