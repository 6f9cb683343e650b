"""Column mappings: the user's own preset for an export no built-in preset knows.

A `ColumnMapping` says which of the file's columns holds each canonical field, which of the file's
values mean which event type ("Avslag" -> rejected), and which wide date columns are milestones
("Datum för intervju 1" -> interview_held). It behaves like a `presets.Preset` (`name`, `kind`,
`to_canonical_sql`, `missing_columns`), so the importer validates and stores its rows exactly as
a canonical file. Mappings are saved in the store under a name and travel as small JSON files.

No value from a file is ever written into SQL: the value map matches cells by the MD5 of their
trimmed, lower-cased text, and the SQL holds only those digests, quoted column names and event
types from `vocabulary.EVENT_TYPES`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.ingest.presets import MetricSupport, evidence_of_events, metric_support
from analytics.ingest.textfiles import prepare_table
from analytics.store import Store
from analytics.vocabulary import EVENT_TYPES, EVIDENCE, normalize_header, quote_identifier

JSON_FORMAT = "candidate-experience-radar/column-mapping"
JSON_VERSION = 1
KINDS = ("events", "surveys")
SKIP = "skip"   # value-map target: rows with this value give no event (statuses that are not events)
IDENTITY_FIELDS = ("candidate_id", "candidate_email")
EVENT_FIELDS = IDENTITY_FIELDS + (
    "process_id", "event_type", "occurred_at", "process_name", "department", "recruiter", "stage", "channel",
)
SURVEY_FIELDS = IDENTITY_FIELDS + ("process_id", "submitted_at", "nps", "comment", "language")
REQUIRED_FIELDS = {"events": ("process_id",), "surveys": ("process_id", "submitted_at")}   # besides an identity
RATING_FIELD = re.compile(r"rating_[a-z0-9_]+")
# Headers (normalised) whose cells are personal data: shown masked in a preview, never offered as
# values. On import a name column masks the name in the rest of a survey row and is then dropped, an
# e-mail column becomes a pseudonym, and any other personal column is dropped. Id headers
# (candidate_id, Kandidat-ID, Sökande-ID) and names of other things (process_name, recruiter.name,
# Avdelningsnamn, Datum för telefonintervju) are not personal.
PERSONAL_HEADER = re.compile(
    r"(?P<name>^((candidate|applicant|contact|kandidat|kandidatens|sökande|sökandens|full)[_.]?)?(name|namn)$"
    r"|^(candidate|applicant)$|first_?name|last_?name|given_?name|family_?name|surname|förnamn|efternamn)"
    r"|(?P<email>e_?mail|(^|_)mail|e_?post|epost)"
    r"|(?P<other>(phones?|telefon)(_?(number|nummer|no|nr))?$|^(tel|mobil|mobile|cell)(_?(number|nummer|no|nr))?$"
    r"|mobilnummer|personnummer|födelsedatum|birth_?date|date_of_birth)"
)
EMAIL_VALUE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MASK = "•••"
# Evidence only the user can confirm: one acknowledgement in a file does not say that every
# acknowledgement is in it. The rest a mapped export records by its rows being there.
CONFIRMABLE_EVIDENCE = ("messages", "personal_feedback")


class MappingError(ValueError):
    """A mapping (or its JSON) that cannot be used; `problems` says each thing that is wrong."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _value_key(value: str) -> str:
    """How a value-map entry matches a cell; SQL computes the same with md5(lower(trim(cell)))."""
    return hashlib.md5(value.strip(" ").lower().encode("utf-8")).hexdigest()


@dataclass
class ColumnMapping:
    name: str
    kind: str = "events"
    fields: dict[str, str] = field(default_factory=dict)        # canonical field -> the file's column
    event_values: dict[str, str] = field(default_factory=dict)  # the file's value -> event type or SKIP
    milestones: dict[str, str] = field(default_factory=dict)    # the file's date column -> event type
    # Kinds of evidence the user confirmed the export records completely ("messages",
    # "personal_feedback"): the file alone cannot show that every message is in it.
    records: list[str] = field(default_factory=list)

    # -- JSON --------------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(
            {"format": JSON_FORMAT, "version": JSON_VERSION, "name": self.name, "kind": self.kind,
             "fields": self.fields, "event_values": self.event_values, "milestones": self.milestones,
             "records": self.records},
            ensure_ascii=False, indent=2,
        )

    @classmethod
    def from_json(cls, text: str, lang: str = "en") -> ColumnMapping:
        """Read a mapping file; MappingError names what is wrong with it."""
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise MappingError([t("mapping.json.not_json", lang, detail=str(error))]) from error
        if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
            raise MappingError([t("mapping.json.not_mapping", lang, format=JSON_FORMAT)])
        if document.get("version") != JSON_VERSION:
            raise MappingError([t("mapping.json.version", lang, version=document.get("version"), supported=JSON_VERSION)])
        problems = [
            t("mapping.json.bad_part", lang, part=part)
            for part in ("fields", "event_values", "milestones")
            if not _is_text_map(document.get(part, {}))
        ]
        problems += [t("mapping.json.bad_part", lang, part=part) for part in ("name", "kind")
                     if not isinstance(document.get(part), str)]
        records = document.get("records", [])
        if not isinstance(records, list) or not set(records) <= set(CONFIRMABLE_EVIDENCE):
            problems.append(t("mapping.json.bad_part", lang, part="records"))
        if problems:
            raise MappingError(problems)
        return cls(document["name"], document["kind"], document.get("fields", {}),
                   document.get("event_values", {}), document.get("milestones", {}), list(records))

    # -- the Preset protocol -------------------------------------------------------------------
    @property
    def required_columns(self) -> tuple[str, ...]:
        """The file's columns this mapping reads, normalised."""
        used = [*self.fields.values(), *self.milestones]
        return tuple(dict.fromkeys(normalize_header(column) for column in used))

    def missing_columns(self, columns: Collection[str]) -> list[str]:
        return [name for name in self.required_columns if name not in columns]

    def also_events_sql(self, columns: dict[str, str]) -> None:
        return None

    def left_out_conditions(self, columns: dict[str, str]) -> tuple[tuple[str, str], ...]:
        """Rows whose status the mapping skips give no event: left out with that reason."""
        skipped = [_value_key(value) for value, kind in self.event_values.items() if kind == SKIP]
        if self.kind != "events" or "event_type" not in self.fields or not skipped:
            return ()
        cell = _Cells(columns)(self.fields["event_type"])
        return (("skipped_value", f"md5(lower({cell})) IN ({', '.join(map(_digest_literal, skipped))})"),)

    def partly_stored_conditions(self, columns: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return ()

    def evidence(self, event_types: Collection[str]) -> tuple[tuple[str, str], ...]:
        """What an import with this mapping records: the kinds its rows show (`event_types`, the types
        the import holds), and messages and personal feedback only when the user confirmed them."""
        if self.kind == "surveys":
            return (("survey_answers", "all"),)
        shown = sorted(evidence_of_events(event_types) - set(CONFIRMABLE_EVIDENCE), key=EVIDENCE.index)
        return tuple((kind, "own") for kind in dict.fromkeys([*shown, *self.records]))

    def email_columns(self, columns: Collection[str]) -> frozenset[str]:
        """The column mapped to candidate_email: the importer replaces it by its pseudonym as it reads."""
        email = normalize_header(self.fields.get("candidate_email", ""))
        return frozenset({email} & set(columns))

    def to_canonical_sql(self, columns: dict[str, str]) -> str:
        """SELECT over `raw` giving canonical rows; the mapping must be valid (see `mapping_problems`)."""
        if problems := mapping_problems(self):
            raise MappingError(problems)
        cell = _Cells(columns)
        identity = [f"{cell(self.fields[name])} AS {name}" for name in IDENTITY_FIELDS if name in self.fields]
        if self.kind == "surveys":
            optional = [name for name in self.fields if name not in IDENTITY_FIELDS]
            selected = identity + [f"{cell(self.fields[name])} AS {quote_identifier(name)}" for name in optional]
            return f"SELECT __row, {', '.join(selected)} FROM raw"
        return self._events_sql(cell, [name for name in IDENTITY_FIELDS if name in self.fields], identity)

    def _events_sql(self, cell: _Cells, identity_names: list[str], identity: list[str]) -> str:
        described = ("process_name", "department", "recruiter", "stage", "channel")
        source_columns = identity + [
            f"{cell(self.fields.get('process_id'))} AS process_id",
            *(f"{cell(self.fields.get(name))} AS {name}" for name in described),
            f"{cell(self.fields.get('event_type'))} AS event_value",
            f"md5(lower({cell(self.fields.get('event_type'))})) AS value_key",
            f"{cell(self.fields.get('occurred_at'))} AS occurred_text",
            *(f"{cell(column)} AS milestone_{index}" for index, column in enumerate(self.milestones)),
        ]
        keys = ", ".join(identity_names + ["process_id"])
        branches = []
        if "event_type" in self.fields:
            mapped = {_value_key(value): kind for value, kind in self.event_values.items() if kind != SKIP}
            skipped = [_value_key(value) for value, kind in self.event_values.items() if kind == SKIP]
            cases = " ".join(f"WHEN {_digest_literal(digest)} THEN '{kind}'" for digest, kind in mapped.items())
            event_type = f"CASE value_key {cases} ELSE event_value END" if cases else "event_value"
            not_skipped = f"coalesce(value_key NOT IN ({', '.join(map(_digest_literal, skipped))}), true)" if skipped else "true"
            branches.append(
                f"SELECT __row, {keys}, {event_type} AS event_type, occurred_text AS occurred_at, "
                f"process_name, department, recruiter, stage, channel FROM source WHERE {not_skipped}"
            )
        for index, kind in enumerate(self.milestones.values()):
            branches.append(
                f"SELECT __row, {keys}, '{kind}' AS event_type, milestone_{index} AS occurred_at, process_name, "
                f"department, recruiter, CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS VARCHAR) AS channel "
                f"FROM source WHERE milestone_{index} IS NOT NULL"
            )
        return f"WITH source AS (SELECT __row, {', '.join(source_columns)} FROM raw) " + " UNION ALL ".join(branches)

    # -- what the mapping can give -------------------------------------------------------------
    def event_types(self) -> set[str]:
        """The event types rows of this mapping can have (values written as a type count too)."""
        if self.kind != "events":
            return set()
        return {kind for kind in [*self.event_values.values(), *self.milestones.values()] if kind in EVENT_TYPES}

    def metric_support(self) -> list[MetricSupport]:
        """What an import with this mapping can measure: the evidence it records (`evidence`)."""
        return metric_support([kind for kind, _ in self.evidence(self.event_types())])


def _digest_literal(digest: str) -> str:
    """An MD5 hex digest as a SQL literal (hex digits only, so nothing from the file reaches SQL)."""
    return f"'{digest}'"


def _is_text_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


class _Cells:
    """A file column (as the user chose it) as trimmed, NULL-when-empty SQL text."""

    def __init__(self, columns: dict[str, str]):
        self.columns = columns

    def __call__(self, column: str | None) -> str:
        if column is None or normalize_header(column) not in self.columns:
            return "CAST(NULL AS VARCHAR)"
        return f"nullif(trim(raw.{quote_identifier(self.columns[normalize_header(column)])}), '')"


# -- validation ----------------------------------------------------------------------------------

def allowed_fields(kind: str) -> tuple[str, ...]:
    return SURVEY_FIELDS if kind == "surveys" else EVENT_FIELDS


def mapping_problems(mapping: ColumnMapping, lang: str = "en") -> list[str]:
    """What is wrong with the mapping itself, whatever the file: empty means it can be saved."""
    problems = []
    if not mapping.name.strip():
        problems.append(t("mapping.problem.no_name", lang))
    if mapping.kind not in KINDS:
        return problems + [t("mapping.problem.unknown_kind", lang, kind=mapping.kind)]
    known = allowed_fields(mapping.kind)
    for name in mapping.fields:
        if name not in known and not (mapping.kind == "surveys" and RATING_FIELD.fullmatch(name)):
            problems.append(t("mapping.problem.unknown_field", lang, field=name, known=", ".join(known)))
    if not any(name in mapping.fields for name in IDENTITY_FIELDS):
        problems.append(t("mapping.problem.missing_identity", lang))
    problems += [t("mapping.problem.unmapped_field", lang, field=name)
                 for name in REQUIRED_FIELDS[mapping.kind] if name not in mapping.fields]
    if mapping.kind == "events":
        problems += _event_problems(mapping, lang)
    return problems


def _event_problems(mapping: ColumnMapping, lang: str) -> list[str]:
    problems = []
    long_part = [name for name in ("event_type", "occurred_at") if name in mapping.fields]
    if len(long_part) == 1:
        other = "occurred_at" if long_part == ["event_type"] else "event_type"
        problems.append(t("mapping.problem.unmapped_field", lang, field=other))
    if not long_part and not mapping.milestones:
        problems.append(t("mapping.problem.no_events", lang))
    if mapping.event_values and "event_type" not in mapping.fields:
        problems.append(t("mapping.problem.values_without_column", lang))
    allowed = ", ".join(EVENT_TYPES)
    problems += [
        t("mapping.problem.unknown_event_type", lang, value=value, target=target, allowed=allowed)
        for value, target in mapping.event_values.items() if target not in EVENT_TYPES and target != SKIP
    ]
    problems += [
        t("mapping.problem.unknown_milestone_type", lang, column=column, target=target, allowed=allowed)
        for column, target in mapping.milestones.items() if target not in EVENT_TYPES
    ]
    return problems


def validate(mapping: ColumnMapping, columns: Collection[str], values: Iterable[str] | None = None,
             lang: str = "en") -> list[str]:
    """Everything that stops `mapping` from importing this file (columns: its normalised headers).

    values: the distinct values of the mapped event-type column, when known; each must be mapped,
    be an event type already, or be skipped.
    """
    problems = mapping_problems(mapping, lang)
    used = [*mapping.fields.values(), *mapping.milestones]
    problems += [t("mapping.problem.missing_column", lang, column=column)
                 for column in dict.fromkeys(used) if normalize_header(column) not in columns]
    problems += [t("mapping.problem.personal_column", lang, column=column, field=name)
                 for name, column in mapping.fields.items() if name != "candidate_email" and is_personal_column(column)]
    if values is not None and mapping.kind == "events" and "event_type" in mapping.fields:
        mapped = {_value_key(value) for value in mapping.event_values}
        problems += [
            t("mapping.problem.unmapped_value", lang, value=value, column=mapping.fields["event_type"])
            for value in values
            if _value_key(value) not in mapped and value.strip(" ").lower() not in EVENT_TYPES
        ]
    return problems


# -- the store -----------------------------------------------------------------------------------

def save_mapping(store: Store, mapping: ColumnMapping, lang: str = "en") -> None:
    """Save (or replace) the mapping under its name; MappingError when it is not valid."""
    if problems := mapping_problems(mapping, lang):
        raise MappingError(problems)
    with store.transaction() as cursor:
        cursor.execute("INSERT OR REPLACE INTO saved_mappings VALUES (?, ?, now())", [mapping.name, mapping.to_json()])


def load_mapping(store: Store, name: str) -> ColumnMapping:
    rows = store.fetchall("SELECT definition FROM saved_mappings WHERE name = ?", [name])
    if not rows:
        known = ", ".join(m.name for m in list_mappings(store)) or "(none)"
        raise KeyError(f"There is no saved mapping called {name!r}; saved mappings: {known}")
    return ColumnMapping.from_json(rows[0][0])


def list_mappings(store: Store) -> list[ColumnMapping]:
    return [ColumnMapping.from_json(text) for (text,) in store.fetchall(
        "SELECT definition FROM saved_mappings ORDER BY name")]


def import_mapping_json(store: Store, text: str, lang: str = "en") -> ColumnMapping:
    """Read, check and save a mapping file; MappingError names what is wrong with it."""
    mapping = ColumnMapping.from_json(text, lang)
    save_mapping(store, mapping, lang)
    return mapping


# -- helping the mapping step ----------------------------------------------------------------------

class FilePreview(NamedTuple):
    columns: dict[str, str]      # normalised header -> the file's header
    rows: pd.DataFrame           # the first rows, personal-data columns masked
    values: list[str]            # distinct values of the chosen column, most frequent first


def is_personal_column(header: str, kind: str | None = None) -> bool:
    """Whether the header names personal data; with `kind` ('name', 'email', 'other'), data of that kind."""
    normal = normalize_header(header)
    if kind is None:
        return bool(PERSONAL_HEADER.search(normal))
    return any(match.lastgroup == kind for match in PERSONAL_HEADER.finditer(normal))


def preview_file(path: str | Path, rows: int = 20, value_column: str | None = None, max_values: int = 100) -> FilePreview:
    """The file's columns, its first rows and the distinct values of one column, read as the importer reads it.

    Personal data stays out of sight: name, e-mail and phone columns and e-mail-like cells are
    masked, and such a column offers no values.
    """
    prepared = prepare_table(Path(path))
    source = ("read_csv(?, delim = ?, header = true, all_varchar = true, quote = '\"', escape = '\"', "
              "ignore_errors = true)")
    parameters = [str(prepared.csv_path), prepared.delimiter]
    try:
        with duckdb.connect() as connection:   # in memory: reads the upload, touches no database
            frame = connection.execute(f"SELECT * FROM {source} LIMIT ?", [*parameters, rows]).df()
            values = []
            if value_column is not None and value_column in frame.columns and not is_personal_column(value_column):
                values = [row[0] for row in connection.execute(
                    f"SELECT trim({quote_identifier(value_column)}) AS value FROM {source} "
                    "WHERE nullif(trim(value), '') IS NOT NULL GROUP BY value ORDER BY count(*) DESC, value LIMIT ?",
                    [*parameters, max_values],
                ).fetchall()]
    finally:
        prepared.cleanup()
    for header in frame.columns:
        if is_personal_column(header):
            frame[header] = frame[header].map(lambda cell: None if pd.isna(cell) else MASK)
        else:
            frame[header] = frame[header].map(
                lambda cell: MASK if isinstance(cell, str) and EMAIL_VALUE.search(cell) else cell)
    return FilePreview({normalize_header(header): header for header in frame.columns}, frame, values)


def rating_field(header: str) -> str:
    """The survey field a rating column becomes: 'Betyg – bemötande' -> 'rating_betyg_bemotande'."""
    plain = unicodedata.normalize("NFKD", normalize_header(header)).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    return f"rating_{name or 'value'}"


def guess_fields(columns: dict[str, str], kind: str) -> dict[str, str]:
    """Start the mapping step from the headers that already are canonical names."""
    return {name: columns[name] for name in allowed_fields(kind) if name in columns}


def default_value_map(values: Iterable[str], saved: dict[str, str]) -> dict[str, str]:
    """Each value's event type for the editor: as saved, the value itself when it is a type, else unset ('')."""
    by_key = {_value_key(value): kind for value, kind in saved.items()}
    return {value: by_key.get(_value_key(value), value.strip(" ").lower() if value.strip(" ").lower() in EVENT_TYPES else "")
            for value in values}
