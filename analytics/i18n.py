"""The message catalogue: every UI and error text in English and Swedish, looked up by key.

`t(key, lang, **values)` formats a message; a missing Swedish text falls back to English, and a
missing key raises, so a typo is found by the tests rather than shown to a user.
"""

from __future__ import annotations

LANGUAGES = ("en", "sv")

MESSAGES: dict[str, dict[str, str]] = {
    # -- app shell -----------------------------------------------------------------------------
    "app.title": {"en": "Candidate Experience Radar", "sv": "Kandidatupplevelseradar"},
    "app.tagline": {
        "en": "Is every candidate acknowledged, kept informed and treated with respect?",
        "sv": "Får varje kandidat bekräftelse, löpande besked och ett respektfullt bemötande?",
    },
    "app.language": {"en": "Language", "sv": "Språk"},
    "app.demo_loaded": {
        "en": "The store was empty, so it opened on the built-in demo data. Import your own export on the Data page; you can remove the demo there.",
        "sv": "Databasen var tom, så den öppnades med inbyggd demodata. Importera er egen export på sidan Data; där kan du också ta bort demon.",
    },
    "nav.overview": {"en": "Overview", "sv": "Översikt"},
    "nav.processes": {"en": "Processes", "sv": "Processer"},
    "nav.process_detail": {"en": "Process detail", "sv": "Processdetaljer"},
    "nav.voice": {"en": "Candidate voice", "sv": "Kandidatens röst"},
    "nav.risk": {"en": "Brand risk", "sv": "Varumärkesrisk"},
    "nav.data": {"en": "Data", "sv": "Data"},
    "nav.settings": {"en": "Settings", "sv": "Inställningar"},
    # -- shared filters --------------------------------------------------------------------------
    "filters.heading": {"en": "Filters", "sv": "Filter"},
    "filters.dates": {"en": "Applied between", "sv": "Ansökt mellan"},
    "filters.process": {"en": "Process", "sv": "Process"},
    "filters.department": {"en": "Department", "sv": "Avdelning"},
    "filters.recruiter": {"en": "Recruiter", "sv": "Rekryterare"},
    "filters.all": {"en": "All", "sv": "Alla"},
    # -- store overview ------------------------------------------------------------------------
    "store.heading": {"en": "What is in the store", "sv": "Vad som finns i databasen"},
    "store.applications": {"en": "Applications", "sv": "Ansökningar"},
    "store.events": {"en": "Events", "sv": "Händelser"},
    "store.processes": {"en": "Processes", "sv": "Processer"},
    "store.survey_answers": {"en": "Survey answers", "sv": "Enkätsvar"},
    "store.date_range": {"en": "Events from {first} to {last}", "sv": "Händelser från {first} till {last}"},
    "store.last_import": {
        "en": "Last import: {file} ({rows} new rows) at {when}",
        "sv": "Senaste import: {file} ({rows} nya rader) {when}",
    },
    "store.no_imports": {"en": "No imports yet.", "sv": "Inga importer ännu."},
    "store.empty": {
        "en": "The store is empty. Upload an events CSV on the Data page, or load the demo data.",
        "sv": "Databasen är tom. Ladda upp en händelsefil på sidan Data, eller läs in demodata.",
    },
    "store.per_process": {"en": "Applications and events per process", "sv": "Ansökningar och händelser per process"},
    "col.process_id": {"en": "Process id", "sv": "Process-id"},
    "col.process_name": {"en": "Process", "sv": "Process"},
    "col.department": {"en": "Department", "sv": "Avdelning"},
    "col.recruiter": {"en": "Recruiter", "sv": "Rekryterare"},
    "col.applications": {"en": "Applications", "sv": "Ansökningar"},
    "col.events": {"en": "Events", "sv": "Händelser"},
    "col.first_event": {"en": "First event", "sv": "Första händelse"},
    "col.last_event": {"en": "Last event", "sv": "Senaste händelse"},
    # -- data page -----------------------------------------------------------------------------
    "data.heading": {"en": "Data: import and undo", "sv": "Data: importera och ångra"},
    "data.upload_label": {
        "en": "Upload events or survey exports (CSV, TSV or Excel; several files at once)",
        "sv": "Ladda upp händelse- eller enkätexporter (CSV, TSV eller Excel; flera filer samtidigt)",
    },
    "data.kind": {"en": "File kind", "sv": "Filtyp"},
    "data.kind.auto": {"en": "Detect from the columns", "sv": "Avgör från kolumnerna"},
    "data.kind.events": {"en": "Events", "sv": "Händelser"},
    "data.kind.surveys": {"en": "Survey answers", "sv": "Enkätsvar"},
    "data.mode": {"en": "When some rows are bad", "sv": "När några rader är felaktiga"},
    "data.mode.strict": {"en": "Store nothing (strict)", "sv": "Spara ingenting (strikt)"},
    "data.mode.lenient": {"en": "Store the good rows (lenient)", "sv": "Spara de korrekta raderna (tolerant)"},
    "data.import_button": {"en": "Import", "sv": "Importera"},
    "data.importing": {"en": "Importing {file}…", "sv": "Importerar {file}…"},
    "data.imported": {
        "en": "{file}: {stored} new rows stored, {duplicate} already in the store, {rejected} rejected ({kind}, {encoding}, separator {delimiter}).",
        "sv": "{file}: {stored} nya rader sparade, {duplicate} fanns redan, {rejected} avvisade ({kind}, {encoding}, avgränsare {delimiter}).",
    },
    "data.failed": {"en": "{file}: nothing was imported.", "sv": "{file}: ingenting importerades."},
    "data.problems_total": {
        "en": "{count} problems in total; the first {shown} are listed.",
        "sv": "{count} problem totalt; de första {shown} visas.",
    },
    "data.all_problems": {"en": "All {count} listed problems as a table", "sv": "Alla {count} listade problem som tabell"},
    "data.ignored_columns": {
        "en": "Columns not used: {columns}",
        "sv": "Kolumner som inte används: {columns}",
    },
    "data.imports_heading": {"en": "Imports", "sv": "Importer"},
    "data.undo": {"en": "Undo import", "sv": "Ångra import"},
    "data.undo_pick": {"en": "Import to undo", "sv": "Import att ångra"},
    "data.undone": {
        "en": "Import {id} undone: {events} events and {answers} survey answers removed.",
        "sv": "Import {id} ångrad: {events} händelser och {answers} enkätsvar borttagna.",
    },
    "data.load_demo": {"en": "Load demo data", "sv": "Läs in demodata"},
    "data.contract_heading": {"en": "What a file must contain", "sv": "Vad en fil måste innehålla"},
    "data.contract_text": {
        "en": "Events: one row per event with candidate_id (or candidate_email), process_id, event_type and occurred_at. Survey answers: candidate_id, process_id, submitted_at and any of nps, rating_*, comment. Names and e-mail addresses are never stored.",
        "sv": "Händelser: en rad per händelse med candidate_id (eller candidate_email), process_id, event_type och occurred_at. Enkätsvar: candidate_id, process_id, submitted_at och någon av nps, rating_*, comment. Namn och e-postadresser sparas aldrig.",
    },
    "col.import_id": {"en": "Id", "sv": "Id"},
    "col.file_name": {"en": "File", "sv": "Fil"},
    "col.kind": {"en": "Kind", "sv": "Typ"},
    "col.format": {"en": "Format", "sv": "Format"},
    "col.rows_stored": {"en": "New rows", "sv": "Nya rader"},
    "col.rows_duplicate": {"en": "Already stored", "sv": "Fanns redan"},
    "col.rows_rejected": {"en": "Rejected", "sv": "Avvisade"},
    "col.imported_at": {"en": "Imported at", "sv": "Importerad"},
    "col.row": {"en": "Row", "sv": "Rad"},
    "col.line": {"en": "Line", "sv": "Radnr i filen"},
    "col.column": {"en": "Column", "sv": "Kolumn"},
    "col.value": {"en": "Value", "sv": "Värde"},
    "col.problem": {"en": "Problem", "sv": "Problem"},
    # -- settings page -------------------------------------------------------------------------
    "settings.heading": {"en": "Settings", "sv": "Inställningar"},
    "settings.intro": {
        "en": "Saved in the database, so every user of this store sees the same numbers.",
        "sv": "Sparas i databasen, så att alla som använder den ser samma siffror.",
    },
    "settings.save": {"en": "Save settings", "sv": "Spara inställningar"},
    "settings.saved": {"en": "Settings saved.", "sv": "Inställningarna är sparade."},
    "settings.database": {"en": "Database file: {path}", "sv": "Databasfil: {path}"},
    "setting.timezone": {"en": "Time zone", "sv": "Tidszon"},
    "setting.ack_sla_hours": {"en": "Acknowledgement SLA (hours)", "sv": "Bekräftelse-SLA (timmar)"},
    "setting.notice_sla_hours": {"en": "Notice SLA (hours)", "sv": "Besked-SLA (timmar)"},
    "setting.silence_limit_days": {"en": "Silence limit (days)", "sv": "Tystnadsgräns (dagar)"},
    "setting.min_group_size": {"en": "Minimum group size", "sv": "Minsta gruppstorlek"},
    "setting.min_survey_answers": {"en": "Minimum survey answers per group", "sv": "Minsta antal enkätsvar per grupp"},
    "setting.latency_unit": {"en": "Show latencies in", "sv": "Visa svarstider i"},
    "unit.hours": {"en": "calendar hours", "sv": "kalendertimmar"},
    "unit.days": {"en": "calendar days", "sv": "kalenderdagar"},
    "unit.business_days": {"en": "business days", "sv": "arbetsdagar"},
    # -- presets and mappings ---
    "data.format": {"en": "Export format", "sv": "Exportformat"},
    "data.format.auto": {"en": "Recognise from the header row", "sv": "Känn igen från rubrikraden"},
    "data.format.canonical": {"en": "Canonical (this product's own format)", "sv": "Kanoniskt (produktens eget format)"},
    "data.format_detected": {
        "en": "{file}: read as {preset}. If that is wrong, choose the export format above and import again.",
        "sv": "{file}: lästes som {preset}. Om det är fel, välj exportformat ovan och importera igen.",
    },
    "data.metrics_heading": {"en": "What the imported data can measure", "sv": "Vad importerad data kan mäta"},
    "data.metric_available": {"en": "{metric}: available", "sv": "{metric}: tillgängligt"},
    "data.metric_unavailable": {"en": "{metric}: not available: {reason}", "sv": "{metric}: inte tillgängligt: {reason}"},
    "mapping.heading": {"en": "Map the columns of {file}", "sv": "Koppla kolumnerna i {file}"},
    "mapping.intro": {
        "en": "This file matches neither the canonical format nor a known ATS export. Say which column holds what; the mapping is saved under a name, so the next export of the same kind imports in one click.",
        "sv": "Filen passar varken det kanoniska formatet eller en känd ATS-export. Ange vilken kolumn som innehåller vad; kopplingen sparas under ett namn, så att nästa export av samma slag importeras med ett klick.",
    },
    "mapping.columns": {"en": "Columns in the file: {columns}", "sv": "Kolumner i filen: {columns}"},
    "mapping.preview": {
        "en": "The first rows (names, e-mail addresses and phone numbers masked)",
        "sv": "De första raderna (namn, e-postadresser och telefonnummer maskerade)",
    },
    "mapping.saved_pick": {"en": "Start from a saved mapping", "sv": "Utgå från en sparad koppling"},
    "mapping.saved_none": {"en": "(a new mapping)", "sv": "(en ny koppling)"},
    "mapping.kind": {"en": "The file holds", "sv": "Filen innehåller"},
    "mapping.fields_heading": {"en": "Which column holds each field", "sv": "Vilken kolumn som innehåller varje fält"},
    "mapping.field_required": {"en": "{field} (required)", "sv": "{field} (obligatoriskt)"},
    "mapping.identity_help": {
        "en": "candidate_id or candidate_email is required; an e-mail address is only used to make a pseudonym and is never stored.",
        "sv": "candidate_id eller candidate_email krävs; en e-postadress används bara för att skapa en pseudonym och sparas aldrig.",
    },
    "mapping.not_mapped": {"en": "— not in this file —", "sv": "— finns inte i filen —"},
    "mapping.ratings": {"en": "Columns with 1–5 ratings", "sv": "Kolumner med betyg 1–5"},
    "mapping.values_heading": {
        "en": "The values of {column} and the event each one means",
        "sv": "Värdena i {column} och vilken händelse vart och ett betyder",
    },
    "mapping.values_help": {
        "en": "Choose “skip” for statuses that are not events, e.g. Sparad.",
        "sv": "Välj ”skip” för statusar som inte är händelser, t.ex. Sparad.",
    },
    "mapping.milestones_heading": {
        "en": "Date columns that are milestones (one event per filled-in date)",
        "sv": "Datumkolumner som är milstolpar (en händelse per ifyllt datum)",
    },
    "mapping.value_label": {"en": "“{value}” means", "sv": "”{value}” betyder"},
    "mapping.not_mapped_value": {"en": "— choose —", "sv": "— välj —"},
    "mapping.col_event_type": {"en": "Event type", "sv": "Händelsetyp"},
    "mapping.col_column": {"en": "Column", "sv": "Kolumn"},
    "mapping.valid": {"en": "The mapping fits this file.", "sv": "Kopplingen passar filen."},
    "mapping.problems_heading": {"en": "Fix these before saving:", "sv": "Rätta detta innan du sparar:"},
    "mapping.supports_heading": {"en": "What this mapping can measure", "sv": "Vad kopplingen kan mäta"},
    "mapping.name": {"en": "Name of the mapping", "sv": "Kopplingens namn"},
    "mapping.save_import": {"en": "Save mapping and import", "sv": "Spara kopplingen och importera"},
    "mapping.saved": {"en": "Mapping {name} saved.", "sv": "Kopplingen {name} är sparad."},
    "mapping.download": {"en": "Download the mapping (JSON)", "sv": "Ladda ned kopplingen (JSON)"},
    "mapping.upload": {"en": "Load a mapping file (JSON)", "sv": "Läs in en kopplingsfil (JSON)"},
    "mapping.uploaded": {"en": "Mapping {name} loaded and saved.", "sv": "Kopplingen {name} är inläst och sparad."},
    "mapping.problem.no_name": {"en": "Give the mapping a name.", "sv": "Ge kopplingen ett namn."},
    "mapping.problem.unknown_kind": {
        "en": "The kind {kind!r} is unknown; a mapping is for events or surveys.",
        "sv": "Typen {kind!r} är okänd; en koppling gäller events eller surveys.",
    },
    "mapping.problem.unknown_field": {
        "en": "{field!r} is not a canonical field; use one of: {known} (survey files also rating_*).",
        "sv": "{field!r} är inget kanoniskt fält; använd något av: {known} (enkätfiler även rating_*).",
    },
    "mapping.problem.missing_identity": {
        "en": "Choose the column with candidate_id or with candidate_email.",
        "sv": "Välj kolumnen med candidate_id eller med candidate_email.",
    },
    "mapping.problem.unmapped_field": {
        "en": "Choose the column for {field}.",
        "sv": "Välj kolumnen för {field}.",
    },
    "mapping.problem.no_events": {
        "en": "Choose the event_type and occurred_at columns, or at least one milestone date column.",
        "sv": "Välj kolumnerna för event_type och occurred_at, eller minst en datumkolumn som milstolpe.",
    },
    "mapping.problem.values_without_column": {
        "en": "Values are mapped to event types, but no column is chosen for event_type.",
        "sv": "Värden är kopplade till händelsetyper, men ingen kolumn är vald för event_type.",
    },
    "mapping.problem.unknown_event_type": {
        "en": "The value {value!r} is mapped to {target!r}, which is no event type; use one of: {allowed}, or skip.",
        "sv": "Värdet {value!r} är kopplat till {target!r}, som inte är någon händelsetyp; använd en av: {allowed}, eller skip.",
    },
    "mapping.problem.unknown_milestone_type": {
        "en": "The date column {column!r} is mapped to {target!r}, which is no event type; use one of: {allowed}.",
        "sv": "Datumkolumnen {column!r} är kopplad till {target!r}, som inte är någon händelsetyp; använd en av: {allowed}.",
    },
    "mapping.problem.missing_column": {
        "en": "The file has no column {column!r} (letter case and spaces do not matter); the mapping does not fit this file.",
        "sv": "Filen har ingen kolumn {column!r} (versaler och mellanslag spelar ingen roll); kopplingen passar inte filen.",
    },
    "mapping.problem.unmapped_value": {
        "en": "The value {value!r} of {column} is not mapped to an event type; choose one, or skip.",
        "sv": "Värdet {value!r} i {column} är inte kopplat till någon händelsetyp; välj en, eller skip.",
    },
    "mapping.problem.personal_column": {
        "en": "The column {column!r} holds personal data and cannot be {field}: names are never imported, and an e-mail column can only be candidate_email.",
        "sv": "Kolumnen {column!r} innehåller personuppgifter och kan inte vara {field}: namn importeras aldrig, och en e-postkolumn kan bara vara candidate_email.",
    },
    "mapping.json.not_json": {
        "en": "The mapping file is not valid JSON: {detail}.",
        "sv": "Kopplingsfilen är inte giltig JSON: {detail}.",
    },
    "mapping.json.not_mapping": {
        "en": "The file is not a column mapping of this product (its \"format\" must be {format!r}).",
        "sv": "Filen är ingen kolumnkoppling från den här produkten (dess \"format\" måste vara {format!r}).",
    },
    "mapping.json.version": {
        "en": "The mapping file has version {version!r}; this version of the product reads version {supported}.",
        "sv": "Kopplingsfilen har version {version!r}; den här versionen av produkten läser version {supported}.",
    },
    "mapping.json.bad_part": {
        "en": "The mapping file's {part!r} is missing or has the wrong shape (text, or an object of text to text).",
        "sv": "Kopplingsfilens {part!r} saknas eller har fel form (text, eller ett objekt från text till text).",
    },
    # -- shared reports ---
    "report.title_all": {"en": "Candidate experience report", "sv": "Rapport om kandidatupplevelsen"},
    "report.title_process": {"en": "Candidate experience report: {process}", "sv": "Rapport om kandidatupplevelsen: {process}"},
    "report.made": {
        "en": "Data as of {as_of}; report made {made} ({zone}).",
        "sv": "Data per {as_of}; rapporten skapad {made} ({zone}).",
    },
    "report.headline": {"en": "Headline", "sv": "Sammanfattning"},
    "report.by_process": {"en": "Per process", "sv": "Per process"},
    "report.no_data": {"en": "No applications in this selection.", "sv": "Inga ansökningar i detta urval."},
    "report.small_group": {"en": "few applications: read with care", "sv": "få ansökningar: tolka med försiktighet"},
    "report.privacy_note": {
        "en": "This report holds no candidate names, e-mail addresses or ids. Listed applications carry keyed pseudonyms; comments are masked. Shares are shown with their 95 % Wilson interval.",
        "sv": "Rapporten innehåller inga kandidatnamn, e-postadresser eller id:n. Listade ansökningar har nyckelbaserade pseudonymer; kommentarer är maskerade. Andelar visas med sitt 95 % Wilson-intervall.",
    },
    # -- import errors: file level -------------------------------------------------------------
    "import.empty_file": {
        "en": "{file} is empty. Export the data again from your applicant tracking system and upload the new file.",
        "sv": "{file} är tom. Exportera data igen från ert rekryteringssystem och ladda upp den nya filen.",
    },
    "import.header_only": {
        "en": "{file} has a header row but no data rows. Check the export's date range or filters and export again.",
        "sv": "{file} har en rubrikrad men inga datarader. Kontrollera exportens datumintervall eller filter och exportera igen.",
    },
    "import.binary_file": {
        "en": "{file} is not a text table (it looks like a binary file). Upload a CSV, a tab-separated text file or an Excel workbook (.xlsx).",
        "sv": "{file} är ingen texttabell (den ser ut att vara en binärfil). Ladda upp en CSV-fil, en tabbseparerad textfil eller en Excel-arbetsbok (.xlsx).",
    },
    "import.unreadable": {
        "en": "{file} could not be read as a table: {detail}. Save it again as CSV (UTF-8) and upload it.",
        "sv": "{file} kunde inte läsas som en tabell: {detail}. Spara den igen som CSV (UTF-8) och ladda upp den.",
    },
    "import.bad_quotes": {
        "en": "{file} could not be split into columns: the quote (\") opened on line {line} is never closed. Close it, or open the file in a spreadsheet program and save it again as CSV.",
        "sv": "{file} kunde inte delas upp i kolumner: citattecknet (\") som öppnas på rad {line} stängs aldrig. Stäng det, eller öppna filen i ett kalkylprogram och spara den igen som CSV.",
    },
    "import.unknown_kind": {
        "en": "{file}: cannot tell whether this is an events file or a survey file. Events need event_type and occurred_at; survey answers need submitted_at. Columns found: {found}.",
        "sv": "{file}: kan inte avgöra om detta är en händelsefil eller en enkätfil. Händelser behöver event_type och occurred_at; enkätsvar behöver submitted_at. Kolumner som hittades: {found}.",
    },
    "import.missing_columns": {
        "en": "{file}: required column(s) missing: {missing}. Columns found: {found}. Expected: {expected}. Rename the columns in the export (letter case and spaces do not matter).",
        "sv": "{file}: obligatoriska kolumner saknas: {missing}. Kolumner som hittades: {found}. Förväntade: {expected}. Byt namn på kolumnerna i exporten (versaler och mellanslag spelar ingen roll).",
    },
    "import.unknown_format": {
        "en": "{file}: there is no import format called {format!r}. Known formats: auto, canonical, {known}.",
        "sv": "{file}: det finns inget importformat som heter {format!r}. Kända format: auto, canonical, {known}.",
    },
    "import.duplicate_columns": {
        "en": "{file}: the column {column} appears more than once (letter case and spaces ignored). Remove or rename one of them.",
        "sv": "{file}: kolumnen {column} finns mer än en gång (versaler och mellanslag ignoreras). Ta bort eller byt namn på en av dem.",
    },
    "import.rows_rejected": {
        "en": "{file}: {count} row problem(s); nothing was stored. Fix the rows listed below, or choose lenient mode to store the good rows.",
        "sv": "{file}: {count} radfel; ingenting sparades. Rätta raderna nedan, eller välj tolerant läge för att spara de korrekta raderna.",
    },
    # -- import errors: row level (shown as "row 37 (line 38), column occurred_at: ...") --------
    "import.row_prefix": {
        "en": "{file}, row {row} (line {line}), column {column}",
        "sv": "{file}, rad {row} (filrad {line}), kolumn {column}",
    },
    "problem.unknown_event_type": {
        "en": "unknown event type {value!r}; use one of: {allowed}",
        "sv": "okänd händelsetyp {value!r}; använd en av: {allowed}",
    },
    "problem.bad_timestamp": {
        "en": "cannot read {value!r} as a date-time; write it as 2026-03-02T09:15:00+01:00, 2026-03-02 09:15, 2026-03-02 or epoch milliseconds",
        "sv": "kan inte läsa {value!r} som datum och tid; skriv det som 2026-03-02T09:15:00+01:00, 2026-03-02 09:15, 2026-03-02 eller epok-millisekunder",
    },
    "problem.missing_value": {
        "en": "the value is empty; every row needs one",
        "sv": "värdet är tomt; varje rad behöver ett",
    },
    "problem.missing_candidate": {
        "en": "neither candidate_id nor candidate_email is given; every row needs one of them",
        "sv": "varken candidate_id eller candidate_email finns; varje rad behöver en av dem",
    },
    "problem.unknown_channel": {
        "en": "unknown channel {value!r}; use one of: {allowed}",
        "sv": "okänd kanal {value!r}; använd en av: {allowed}",
    },
    "problem.bad_nps": {
        "en": "{value!r} is not a whole number from 0 to 10",
        "sv": "{value!r} är inget heltal från 0 till 10",
    },
    "problem.bad_rating": {
        "en": "{value!r} is not a rating from 1 to 5",
        "sv": "{value!r} är inget betyg från 1 till 5",
    },
    "problem.bad_structure": {
        "en": "the row does not fit the header ({detail}); check for a stray separator or an unclosed quote",
        "sv": "raden passar inte rubrikraden ({detail}); leta efter en extra avgränsare eller ett oavslutat citattecken",
    },
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The message `key` in `lang`, formatted with `values`."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
