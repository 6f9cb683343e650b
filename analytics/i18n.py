"""The message catalogue: every UI and error text in English and Swedish, looked up by key.

`t(key, lang, **values)` formats a message; a missing Swedish text falls back to English, and a
missing key raises, so a typo is found by the tests rather than shown to a user.

Long because: it is data, one entry per message in both languages, grouped by page; it holds no logic
beyond `t`.
"""

from __future__ import annotations

from numbers import Real
from string import Formatter

from babel.numbers import format_decimal

LANGUAGES = ("en", "sv")
# The locale each language writes numbers and dates in (analytics/formatting.py): British English
# (day before month, weeks from Monday, as in Sweden) and Swedish as in Sweden.
LOCALES = {"en": "en_GB", "sv": "sv_SE"}

MESSAGES: dict[str, dict[str, str]] = {
    # -- app shell -----------------------------------------------------------------------------
    "app.title": {"en": "Candidate Experience Radar", "sv": "Kandidatupplevelseradar"},
    "app.tagline": {
        "en": "Is every candidate acknowledged, kept informed and treated with respect?",
        "sv": "Får varje kandidat bekräftelse, löpande besked och ett respektfullt bemötande?",
    },
    "app.language": {"en": "Language", "sv": "Språk"},
    # -- sign-in, roles and the audit log (analytics/access.py, analytics/audit.py) ---------------------
    "nav.access": {"en": "Access & audit", "sv": "Åtkomst och logg"},
    "role.administrator": {"en": "administrator", "sv": "administratör"},
    "role.analyst": {"en": "analyst", "sv": "analytiker"},
    "role.recruiter": {"en": "recruiter", "sv": "rekryterare"},
    "auth.local": {
        "en": "Local use: sign-in is not configured, so you are the administrator and the app answers only on this computer.",
        "sv": "Lokal användning: inloggning är inte inställd, så du är administratör och appen svarar bara på den här datorn.",
    },
    "auth.signed_in_as": {"en": "Signed in as {identity} ({role})", "sv": "Inloggad som {identity} ({role})"},
    "auth.recruiter_scope": {
        "en": "You see the processes where you, {name}, are the recruiter.",
        "sv": "Du ser de processer där du, {name}, är rekryterare.",
    },
    "auth.sign_out": {"en": "Sign out", "sv": "Logga ut"},
    "auth.sign_in_heading": {"en": "Sign in to Candidate Experience Radar", "sv": "Logga in i Kandidatupplevelseradar"},
    "auth.sign_in_text": {
        "en": "Radar holds personal data about candidates, so it shows nothing before you sign in with your organisation's account.",
        "sv": "Radar innehåller personuppgifter om kandidater och visar därför ingenting innan du loggar in med organisationens konto.",
    },
    "auth.sign_in": {"en": "Sign in", "sv": "Logga in"},
    "auth.no_role": {
        "en": "You are signed in as {identity}, but no role is given to this address or to your groups. Ask an administrator to add you on the Access & audit page.",
        "sv": "Du är inloggad som {identity}, men varken adressen eller dina grupper har någon roll. Be en administratör att lägga till dig på sidan Åtkomst och logg.",
    },
    "auth.no_email": {
        "en": "Your identity provider sent no verified e-mail address, which Radar needs to know your role. Ask IT to include the email claim.",
        "sv": "Er identitetsleverantör skickade ingen verifierad e-postadress, och Radar behöver den för att veta din roll. Be IT att ta med anspråket email.",
    },
    "auth.refused": {
        "en": "Only {allowed} may {what}. You are signed in as {identity} ({role}).",
        "sv": "Bara {allowed} får {what}. Du är inloggad som {identity} ({role}).",
    },
    "auth.or": {"en": "or", "sv": "eller"},
    "auth.open_network": {
        "en": "This server answers on {address} for anyone who can reach it, and sign-in is not configured. Radar refuses to show candidate data like that: configure sign-in (README, “Login and roles”) or start it on 127.0.0.1.",
        "sv": "Servern svarar på {address} för alla som når den, och inloggning är inte inställd. Radar visar inte kandidatdata så: ställ in inloggning (README, ”Login and roles”) eller starta den på 127.0.0.1.",
    },
    "action.import": {"en": "import data", "sv": "importera data"},
    "action.undo": {"en": "undo an import", "sv": "ångra en import"},
    "action.settings": {"en": "change settings", "sv": "ändra inställningar"},
    "action.erase": {"en": "erase a candidate", "sv": "radera en kandidat"},
    "action.export_candidate": {"en": "export what is held about a candidate", "sv": "exportera det som finns om en kandidat"},
    "action.retention": {"en": "run retention", "sv": "köra gallring"},
    "action.audit": {"en": "read the audit log", "sv": "läsa loggen"},
    "action.manage_users": {"en": "change who has which role", "sv": "ändra vem som har vilken roll"},
    "action.report": {"en": "download shareable reports", "sv": "ladda ner delbara rapporter"},
    "action.action_list": {"en": "see and download the action list", "sv": "se och ladda ner åtgärdslistan"},
    "action.dashboards": {"en": "see the dashboards", "sv": "se översikterna"},
    "access.intro": {
        "en": "Who may sign in and in which role, and what has been done with the data. Administrators import, undo, change settings and see this page; analysts see every dashboard and shareable report; recruiters see the processes where they are the recruiter, and their own action list.",
        "sv": "Vem som får logga in och med vilken roll, och vad som har gjorts med datan. Administratörer importerar, ångrar, ändrar inställningar och ser den här sidan; analytiker ser alla översikter och delbara rapporter; rekryterare ser de processer där de är rekryterare, och sin egen åtgärdslista.",
    },
    "access.no_login": {
        "en": "Sign-in is not configured, so everyone who opens the app on this computer is the administrator. The roles below take effect once sign-in is configured (README, “Login and roles”).",
        "sv": "Inloggning är inte inställd, så alla som öppnar appen på den här datorn är administratörer. Rollerna nedan gäller när inloggning är inställd (README, ”Login and roles”).",
    },
    "access.bootstrap": {
        "en": "Always administrators (named in the app's secrets, `[radar] administrators`): {names}",
        "sv": "Alltid administratörer (namngivna i appens hemligheter, `[radar] administrators`): {names}",
    },
    "access.bootstrap_none": {
        "en": "No administrator is named in the app's secrets (`[radar] administrators`).",
        "sv": "Ingen administratör är namngiven i appens hemligheter (`[radar] administrators`).",
    },
    "access.grants_heading": {"en": "Who has which role", "sv": "Vem har vilken roll"},
    "access.no_grants": {"en": "No roles given yet.", "sv": "Inga roller tilldelade än."},
    "access.kind": {"en": "Give a role to", "sv": "Ge en roll till"},
    "access.kind.email": {"en": "an e-mail address", "sv": "en e-postadress"},
    "access.kind.group": {"en": "a group (groups claim)", "sv": "en grupp (anspråket groups)"},
    "access.subject": {"en": "Address or group", "sv": "Adress eller grupp"},
    "access.role": {"en": "Role", "sv": "Roll"},
    "access.recruiter": {"en": "Recruiter name in the data", "sv": "Rekryterarens namn i datan"},
    "access.recruiter_help": {
        "en": "For a recruiter: the name as the recruiter column of your exports writes it. Empty: the name the identity provider sends.",
        "sv": "För en rekryterare: namnet som rekryterarkolumnen i era exporter skriver det. Tomt: namnet som identitetsleverantören skickar.",
    },
    "access.save": {"en": "Save the role", "sv": "Spara rollen"},
    "access.saved": {"en": "{subject} is now {role}.", "sv": "{subject} är nu {role}."},
    "access.remove_pick": {"en": "Take a role away from", "sv": "Ta bort rollen för"},
    "access.remove": {"en": "Take the role away", "sv": "Ta bort rollen"},
    "access.removed": {"en": "{subject} has no role any more.", "sv": "{subject} har inte längre någon roll."},
    "col.subject_kind": {"en": "Kind", "sv": "Typ"},
    "col.subject": {"en": "Address or group", "sv": "Adress eller grupp"},
    "col.role": {"en": "Role", "sv": "Roll"},
    "col.granted_by": {"en": "Given by", "sv": "Given av"},
    "col.granted_at": {"en": "Given", "sv": "Given"},
    "audit.heading": {"en": "Audit log", "sv": "Logg"},
    "audit.intro": {
        "en": "Who did what and when, newest first: sign-ins, imports, undos, settings, role changes and downloads, from the app and the command line. Times in {timezone}.",
        "sv": "Vem som gjorde vad och när, senaste först: inloggningar, importer, ångringar, inställningar, rolländringar och nedladdningar, från appen och kommandoraden. Tider i {timezone}.",
    },
    "audit.action_filter": {"en": "Action", "sv": "Händelse"},
    "audit.all": {"en": "All", "sv": "Alla"},
    "audit.empty": {"en": "Nothing logged yet.", "sv": "Inget loggat än."},
    "audit.shown": {"en": "The newest {shown} of {total} entries; the download has them all.",
                    "sv": "De senaste {shown} av {total} posterna; nedladdningen har alla."},
    "audit.download": {"en": "Download the audit log (CSV)", "sv": "Ladda ner loggen (CSV)"},
    "audit.file": {"en": "audit-log", "sv": "logg"},
    "audit.action.sign_in": {"en": "sign-in", "sv": "inloggning"},
    "audit.action.import": {"en": "import", "sv": "import"},
    "audit.action.undo": {"en": "undo", "sv": "ångring"},
    "audit.action.settings": {"en": "settings change", "sv": "ändrad inställning"},
    "audit.action.report_download": {"en": "report download", "sv": "rapport nedladdad"},
    "audit.action.action_list_download": {"en": "action-list download", "sv": "åtgärdslista nedladdad"},
    "audit.action.user_role_change": {"en": "role change", "sv": "ändrad roll"},
    "audit.action.audit_export": {"en": "audit-log download", "sv": "logg nedladdad"},
    "audit.action.erase": {"en": "erasure", "sv": "radering"},
    "audit.action.export_candidate": {"en": "candidate export", "sv": "kandidatexport"},
    "audit.action.retention": {"en": "retention run", "sv": "gallring"},
    "audit.action.access_denied": {"en": "refused", "sv": "nekad"},
    "col.occurred_at": {"en": "When", "sv": "När"},
    "col.actor": {"en": "Who", "sv": "Vem"},
    "col.action": {"en": "What", "sv": "Vad"},
    "col.details": {"en": "Details", "sv": "Detaljer"},
    "risk.actions_not_allowed": {
        "en": "The action list names candidates by their id in your source system, so it is for recruiters and administrators.",
        "sv": "Åtgärdslistan namnger kandidater med deras id i ert källsystem och är därför till för rekryterare och administratörer.",
    },
    # -- how values are written (analytics/formatting.py) -----------------------------------------
    "format.not_measurable": {"en": "not measurable", "sv": "kan inte mätas"},
    "format.percent": {"en": "{value}%", "sv": "{value}\u00a0%"},
    "format.mebibytes": {"en": "{value} MiB", "sv": "{value}\u00a0MiB"},
    "format.bytes": {"en": "{value} bytes", "sv": "{value} byte"},
    "table.first_rows": {"en": "Showing the first {shown} of {total} rows.",
                         "sv": "Visar de första {shown} av {total} raderna."},
    "format.unit.minutes": {"en": "min", "sv": "min"},
    "format.unit.hours": {"en": "h", "sv": "h"},
    "format.unit.days": {"en": "days", "sv": "dagar"},
    "format.unit.weeks": {"en": "weeks", "sv": "veckor"},
    "format.unit.business_days": {"en": "business days", "sv": "arbetsdagar"},
    "format.date_pattern": {"en": "d MMM y", "sv": "y-MM-dd"},
    "format.picker": {"en": "DD/MM/YYYY", "sv": "YYYY-MM-DD"},
    "format.table_date": {"en": "D MMM YYYY", "sv": "YYYY-MM-DD"},
    # -- the built-in demo, kept apart from the user's own data -------------------------------------
    "demo.label": {"en": "Demo data", "sv": "Demodata"},
    "demo.toggle": {"en": "Show demo data", "sv": "Visa demodata"},
    "demo.toggle_help": {
        "en": "Switch between your own data and the built-in demo. The demo is kept apart and never mixes with your data.",
        "sv": "Växla mellan er egen data och den inbyggda demon. Demon hålls åtskild och blandas aldrig med er data.",
    },
    "demo.caption_first": {
        "en": "You are looking at the built-in demo: invented processes and candidates. Import your own export on the Data page; the app then shows your data, and the demo stays one switch away (“Show demo data” in the sidebar).",
        "sv": "Du tittar på den inbyggda demon: påhittade processer och kandidater. Importera er egen export på sidan Data; då visar appen er data, och demon finns kvar ett klick bort (”Visa demodata” i sidofältet).",
    },
    "demo.caption_chosen": {
        "en": "You are looking at the built-in demo, not your own data. Turn off “Show demo data” in the sidebar to return to your data.",
        "sv": "Du tittar på den inbyggda demon, inte på er egen data. Stäng av ”Visa demodata” i sidofältet för att gå tillbaka till er data.",
    },
    "demo.moved": {
        "en": "You now see your own data. The demo is kept apart from it: turn on “Show demo data” in the sidebar to look at the demo again.",
        "sv": "Nu ser du er egen data. Demon hålls åtskild från den: slå på ”Visa demodata” i sidofältet för att titta på demon igen.",
    },
    "nav.overview": {"en": "Overview", "sv": "Översikt"},
    "nav.processes": {"en": "Processes", "sv": "Processer"},
    "nav.process_detail": {"en": "Process detail", "sv": "Processdetaljer"},
    "nav.voice": {"en": "Candidate voice", "sv": "Kandidatens röst"},
    "nav.risk": {"en": "Brand risk", "sv": "Varumärkesrisk"},
    "nav.data": {"en": "Data", "sv": "Data"},
    "nav.settings": {"en": "Settings", "sv": "Inställningar"},
    # -- unknown is never zero: what the imported sources cannot tell ----------------------------
    "unmeasured.short": {"en": "not in your data", "sv": "finns inte i dina data"},
    "unmeasured.value": {"en": "Not in your data", "sv": "Finns inte i dina data"},
    "unmeasured.line": {"en": "{metric}: not in your data: {reason}.", "sv": "{metric}: finns inte i dina data: {reason}."},
    "measured.on": {"en": "on {n} of {total} applications", "sv": "på {n} av {total} ansökningar"},
    "unmeasured.processes": {
        "en": "{metric}: not in your data for {processes}: {reason}.",
        "sv": "{metric}: finns inte i dina data för {processes}: {reason}.",
    },
    "processes.status.unmeasured": {"en": "not in your data", "sv": "finns inte i dina data"},
    "risk.unjudged": {
        "en": "{rule}: not judged for {processes}, not in your data: {reason}.",
        "sv": "{rule}: bedöms inte för {processes}, finns inte i dina data: {reason}.",
    },
    "risk.unjudged_heading": {"en": "Not judged: not in your data ({count})", "sv": "Bedöms inte: finns inte i dina data ({count})"},
    "report.coverage": {"en": "What your data cannot tell", "sv": "Vad era data inte kan visa"},
    "data.measurable_all": {"en": "{metric}: measurable for all {n} applications", "sv": "{metric}: mätbart för alla {n} ansökningar"},
    "data.measurable_part": {
        "en": "{metric}: measurable for {n} of {total} applications; for the others, {reason}",
        "sv": "{metric}: mätbart för {n} av {total} ansökningar; för de övriga gäller att {reason}",
    },
    "measured.line": {
        "en": "{metric} rests on {n} of {total} applications: for the others, {reason}.",
        "sv": "{metric} bygger på {n} av {total} ansökningar: för de övriga gäller att {reason}.",
    },
    "unmeasured.missing.applications": {
        "en": "no source records when these applications started (application_received): import the ATS applications export or an events log with application_received",
        "sv": "ingen källa visar när ansökningarna kom in (application_received): importera ATS-systemets ansökningsexport eller en händelselogg med application_received",
    },
    "unmeasured.missing.decisions": {
        "en": "no source records the decisions (rejections, offers, withdrawals): import the ATS applications export or an events log with rejected and offer_made",
        "sv": "ingen källa visar besluten (avslag, erbjudanden, återtaganden): importera ATS-systemets ansökningsexport eller en händelselogg med rejected och offer_made",
    },
    "unmeasured.missing.interviews": {
        "en": "no source records the interviews: import an interview export or an events log with interview_held",
        "sv": "ingen källa visar intervjuerna: importera en intervjuexport eller en händelselogg med interview_held",
    },
    "unmeasured.missing.messages": {
        "en": "no source records the messages sent to candidates: import a message trace or an events log with acknowledgement_sent",
        "sv": "ingen källa visar meddelandena till kandidaterna: importera en meddelandelogg från e-postservern eller en händelselogg med acknowledgement_sent",
    },
    "unmeasured.missing.personal_feedback": {
        "en": "no source records feedback given by phone, video or in person: import an events log with feedback_given and its channel",
        "sv": "ingen källa visar återkoppling per telefon, video eller på plats: importera en händelselogg med feedback_given och dess kanal",
    },
    "unmeasured.missing.surveys_sent": {
        "en": "no source records which candidates were sent a survey: import the survey tool's invitations or an events log with survey_sent",
        "sv": "ingen källa visar vilka kandidater som fick en enkät: importera enkätverktygets utskick eller en händelselogg med survey_sent",
    },
    "unmeasured.missing.survey_answers": {
        "en": "no source records the survey answers: import the survey export",
        "sv": "ingen källa visar enkätsvaren: importera enkätexporten",
    },
    # -- shared filters --------------------------------------------------------------------------
    "filters.heading": {"en": "Filters", "sv": "Filter"},
    "filters.dates": {"en": "Applied between", "sv": "Ansökt mellan"},
    "filters.process": {"en": "Process", "sv": "Process"},
    "filters.department": {"en": "Department", "sv": "Avdelning"},
    "filters.recruiter": {"en": "Recruiter", "sv": "Rekryterare"},
    "filters.all": {"en": "All", "sv": "Alla"},
    "window.period": {"en": "Period", "sv": "Period"},
    "window.days": {"en": "{days} d", "sv": "{days} d"},
    "window.all": {"en": "All", "sv": "Allt"},
    "window.help": {
        "en": "Every page, card, list, chart, report and link shows the applications made in this window. A period is the last days up to the latest event ({as_of}); “All” runs from the first day with data. Pick dates below for any other range. Changes are compared with the window of equal length just before.",
        "sv": "Varje sida, kort, lista, diagram, rapport och länk visar ansökningarna som gjorts inom det här fönstret. En period är de senaste dagarna fram till den senaste händelsen ({as_of}); ”Allt” börjar den första dagen med data. Välj datum nedan för ett annat intervall. Förändringar jämförs med lika långt fönster precis innan.",
    },
    # -- store overview ------------------------------------------------------------------------
    "store.heading": {
        "en": "What your data holds",
        "sv": "Vad era data innehåller",
    },
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
    "wait.facts": {
        "en": "Reading this process's applications from your data…",
        "sv": "Läser in processens ansökningar ur era data…",
    },
    "wait.metrics": {
        "en": "Measuring the selected applications…",
        "sv": "Mäter de valda ansökningarna…",
    },
    "wait.comparison": {
        "en": "Comparing this period with the one before…",
        "sv": "Jämför perioden med perioden före…",
    },
    "wait.risk": {
        "en": "Assessing every process against the brand-risk rules…",
        "sv": "Bedömer varje process mot reglerna för varumärkesrisk…",
    },
    "wait.actions": {
        "en": "Listing the candidates to contact…",
        "sv": "Listar kandidaterna att kontakta…",
    },
    "wait.voice": {
        "en": "Summarising the candidates' answers and comments…",
        "sv": "Sammanfattar kandidaternas svar och kommentarer…",
    },
    "store.empty": {
        "en": "There is no data yet. Upload an events CSV on the Data page.",
        "sv": "Det finns ingen data ännu. Ladda upp en händelsefil på sidan Data.",
    },
    "store.per_process": {"en": "Applications and events per process", "sv": "Ansökningar och händelser per process"},
    # -- the database file: in use, read-only, disk full (analytics/store.py StoreError) -----------------
    "store.error.busy": {
        "en": "The database {path} is in use by another program ({holder}) and stayed so for {seconds} s. Reading (the app's pages, metrics, flags, report) can share the file; an import, an undo or a settings change needs it alone. Try again in a minute, when the other program has finished (an import from the command line holds the file until it is done).",
        "sv": "Databasen {path} används av ett annat program ({holder}) och gjorde det i {seconds} s. Läsning (appens sidor, metrics, flags, report) kan dela filen; en import, en ångring eller en ändrad inställning behöver den ensam. Försök igen om en minut, när det andra programmet är klart (en import från kommandoraden håller filen tills den är klar).",
    },
    "store.error.read_only_file": {
        "en": "The database {path} is read-only (its file permissions or its file system). Reading commands (metrics, flags, report) work on it; an import, an undo, a settings change or an upgrade to this version needs it writable: make it so (chmod u+w {path}), or copy it to a writable place and point RADAR_DB or --db at the copy.",
        "sv": "Databasen {path} är skrivskyddad (filens behörigheter eller filsystemet). Läsande kommandon (metrics, flags, report) fungerar; en import, en ångring, en ändrad inställning eller en uppgradering till den här versionen kräver att den är skrivbar: gör den det (chmod u+w {path}), eller kopiera den till en skrivbar plats och peka RADAR_DB eller --db på kopian.",
    },
    "store.error.disk_full": {
        "en": "The disk is full: {where} has no space left ({free} free). Nothing was stored; the database is as it was. Free some space there and try again.",
        "sv": "Disken är full: {where} har inget utrymme kvar ({free} ledigt). Inget sparades; databasen är som den var. Frigör utrymme där och försök igen.",
    },
    "store.error.out_of_memory": {
        "en": "The database ran out of memory (limit {limit}). Nothing was stored. Set RADAR_MEMORY_LIMIT higher (e.g. 4GB) if the machine has the memory, or import the file in parts.",
        "sv": "Databasen fick slut på minne (gräns {limit}). Inget sparades. Sätt RADAR_MEMORY_LIMIT högre (t.ex. 4GB) om datorn har minnet, eller importera filen i delar.",
    },
    "store.error.unopenable": {
        "en": "Cannot open the database {path}: {detail}. Check that it is a Candidate Experience Radar database, or point RADAR_DB or --db at another file.",
        "sv": "Kan inte öppna databasen {path}: {detail}. Kontrollera att det är en databas från Candidate Experience Radar, eller peka RADAR_DB eller --db på en annan fil.",
    },
    "store.error.rewrite_failed": {
        "en": "Could not rewrite {path} without the deleted rows: {detail}. The rows are deleted, but their bytes stay in the file until the rewrite succeeds: free disk space (it needs room for a copy of the database) and run the command again.",
        "sv": "Kunde inte skriva om {path} utan de borttagna raderna: {detail}. Raderna är borttagna, men deras byte finns kvar i filen tills omskrivningen lyckas: frigör diskutrymme (det behövs plats för en kopia av databasen) och kör kommandot igen.",
    },
    "store.error.rewrite_log_left": {
        "en": "Could not rewrite {path}: its write-ahead log was not written back on closing. Nothing was changed; run the command again.",
        "sv": "Kunde inte skriva om {path}: dess skrivlogg skrevs inte tillbaka när den stängdes. Inget ändrades; kör kommandot igen.",
    },
    "store.error.rewrite_not_in_place": {
        "en": "Could not put the rewritten copy in place of {path}: {detail}. The database is as it was; run the command again.",
        "sv": "Kunde inte lägga den omskrivna kopian i stället för {path}: {detail}. Databasen är som den var; kör kommandot igen.",
    },
    "store.error.key_unwritable": {
        "en": "Cannot write the pseudonym key {path}: {detail}. Free disk space (or fix the folder's permissions) and try again; nothing was stored.",
        "sv": "Kan inte skriva pseudonymnyckeln {path}: {detail}. Frigör diskutrymme (eller rätta mappens behörigheter) och försök igen; inget sparades.",
    },
    "store.error.closed": {
        "en": "The database {path} is closed.",
        "sv": "Databasen {path} är stängd.",
    },
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
    "data.upload_help": {
        "en": "Drop the files on the box or choose them with its button. At most 200 MB per file; CSV, TSV, TXT or Excel (XLSX).",
        "sv": "Släpp filerna i rutan eller välj dem med rutans knapp (rutans egna ord är Streamlits, på engelska). Högst 200 MB per fil; CSV, TSV, TXT eller Excel (XLSX).",
    },
    "data.kind": {"en": "File kind", "sv": "Filtyp"},
    "data.kind.auto": {"en": "Detect from the columns", "sv": "Avgör från kolumnerna"},
    "data.kind.events": {"en": "Events", "sv": "Händelser"},
    "data.kind.surveys": {"en": "Survey answers", "sv": "Enkätsvar"},
    "data.kind.lookups": {"en": "Lookup table", "sv": "Uppslagstabell"},
    "data.format.own": {"en": "This product's own format", "sv": "Produktens eget format"},
    "data.format.mapping": {"en": "Your mapping “{name}”", "sv": "Er koppling ”{name}”"},
    "data.mode": {"en": "When some rows are bad", "sv": "När några rader är felaktiga"},
    "data.mode.strict": {"en": "Store nothing (strict)", "sv": "Spara ingenting (strikt)"},
    "data.mode.lenient": {"en": "Store the good rows (lenient)", "sv": "Spara de korrekta raderna (tolerant)"},
    "data.import_button": {"en": "Import", "sv": "Importera"},
    "data.importing": {"en": "Importing {file}…", "sv": "Importerar {file}…"},
    "data.failed": {"en": "{file}: nothing was imported.", "sv": "{file}: ingenting importerades."},
    "data.problems_total": {
        "en": "{count} problems in total; the first {shown} are listed.",
        "sv": "{count} problem totalt; de första {shown} visas.",
    },
    "data.problems_listed.one": {"en": "1 problem, listed below.", "sv": "1 problem, som visas nedan."},
    "data.problems_listed.other": {"en": "{count} problems, all listed below.", "sv": "{count} problem, alla visas nedan."},
    "data.all_problems.one": {"en": "The problem as a table", "sv": "Problemet som tabell"},
    "data.all_problems.other": {"en": "All {count} listed problems as a table", "sv": "Alla {count} listade problem som tabell"},
    "data.ignored_columns": {
        "en": "Columns not used: {columns}",
        "sv": "Kolumner som inte används: {columns}",
    },
    "data.imports_heading": {"en": "Imports", "sv": "Importer"},
    "data.undo": {"en": "Undo import", "sv": "Ångra import"},
    "data.undo_pick": {"en": "Import to undo", "sv": "Import att ångra"},
    "data.undo_confirm": {
        "en": "Undo import {label}? It removes the {rows} rows it stored, except those another import also brought. An undo cannot be reversed: only importing the file again brings the rows back.",
        "sv": "Ångra import {label}? Den tar bort de {rows} rader den lagrade, utom de som en annan import också gav. En ångring kan inte göras om: bara en ny import av filen ger tillbaka raderna.",
    },
    "data.undo_yes": {"en": "Yes, undo this import", "sv": "Ja, ångra importen"},
    "data.undo_cancel": {"en": "Cancel", "sv": "Avbryt"},
    "data.repeat": {
        "en": "{file} is the same file as import {id} and brought nothing new: it is not listed as another import.",
        "sv": "{file} är samma fil som import {id} och gav inget nytt: den listas inte som en ny import.",
    },
    "data.undone": {
        "en": "Import {id} undone: {events} events and {answers} survey answers removed.",
        "sv": "Import {id} ångrad: {events} händelser och {answers} enkätsvar borttagna.",
    },
    "data.on_demo": {
        "en": "You are looking at the demo. A file you import here is stored with your own data, never with the demo, and the app then shows your data.",
        "sv": "Du tittar på demon. En fil som du importerar här sparas med er egen data, aldrig med demon, och sedan visar appen er data.",
    },
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
        "en": "Saved with your data, so everyone who uses this app sees the same numbers.",
        "sv": "Sparas med era data, så att alla som använder appen ser samma siffror.",
    },
    "settings.save": {"en": "Save settings", "sv": "Spara inställningar"},
    "settings.saved": {"en": "Settings saved.", "sv": "Inställningarna är sparade."},
    "settings.everywhere": {
        "en": "Settings apply to your own data and to the demo alike.",
        "sv": "Inställningarna gäller både er egen data och demon.",
    },
    "setting.timezone": {"en": "Time zone", "sv": "Tidszon"},
    "setting.ack_sla_hours": {"en": "Acknowledgement SLA (hours)", "sv": "Bekräftelse-SLA (timmar)"},
    "setting.notice_sla_hours": {"en": "Notice SLA (hours)", "sv": "Besked-SLA (timmar)"},
    "setting.retention_months": {"en": "Retention period (months, 0 = keep everything)", "sv": "Lagringstid (månader, 0 = behåll allt)"},
    "setting.silence_limit_days": {"en": "Silence limit (days)", "sv": "Tystnadsgräns (dagar)"},
    "setting.action_horizon_days": {"en": "Action horizon (days)", "sv": "Åtgärdshorisont (dagar)"},
    "setting.min_group_size": {"en": "Minimum group size", "sv": "Minsta gruppstorlek"},
    "setting.min_survey_answers": {"en": "Minimum survey answers per group", "sv": "Minsta antal enkätsvar per grupp"},
    "setting.latency_unit": {"en": "Waiting times counted in", "sv": "Väntetider räknas i"},
    "settings.choice.hours": {"en": "calendar time (hours, days or weeks)", "sv": "kalendertid (timmar, dagar eller veckor)"},
    "settings.choice.days": {"en": "calendar time (hours, days or weeks)", "sv": "kalendertid (timmar, dagar eller veckor)"},
    "settings.choice.business_days": {"en": "business days", "sv": "arbetsdagar"},
    "settings.default": {"en": "Default: {value}.", "sv": "Standard: {value}."},
    "settings.checked": {"en": "ticked", "sv": "ikryssad"},
    "settings.unchecked": {"en": "not ticked", "sv": "inte ikryssad"},
    "settings.timezone_placeholder": {"en": "Choose a time zone", "sv": "Välj en tidszon"},
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
    # -- privacy: the pseudonym key ---------------------------------------------------------------
    "key.missing": {
        "en": "The database holds data, but its pseudonym key {path} is missing. Restore that file from your backup and try again: a new key would give every candidate a new pseudonym, so the same people would be counted twice and reports would no longer match.",
        "sv": "Databasen innehåller data, men dess pseudonymnyckel {path} saknas. Återställ filen från er säkerhetskopia och försök igen: en ny nyckel skulle ge varje kandidat en ny pseudonym, så att samma personer räknades två gånger och rapporterna inte längre stämde.",
    },
    "key.empty": {
        "en": "The pseudonym key {path} is empty. Restore that file from your backup and try again; an empty key would let anyone work out pseudonyms from e-mail addresses.",
        "sv": "Pseudonymnyckeln {path} är tom. Återställ filen från er säkerhetskopia och försök igen; med en tom nyckel kan vem som helst räkna fram pseudonymer från e-postadresser.",
    },
    "key.short": {
        "en": "The pseudonym key {path} is too short: a key is 64 hexadecimal digits. Restore that file from your backup and try again.",
        "sv": "Pseudonymnyckeln {path} är för kort: en nyckel består av 64 hexadecimala siffror. Återställ filen från er säkerhetskopia och försök igen.",
    },
    "key.malformed": {
        "en": "The pseudonym key {path} is not a key: a key is 64 hexadecimal digits (0-9, a-f). Restore that file from your backup and try again.",
        "sv": "Pseudonymnyckeln {path} är ingen nyckel: en nyckel består av 64 hexadecimala siffror (0-9, a-f). Återställ filen från er säkerhetskopia och försök igen.",
    },
    "import.key_problem": {
        "en": "{file}: nothing was imported. {problem}",
        "sv": "{file}: ingenting importerades. {problem}",
    },
    # -- the Data page's administrators' section: access requests, erasure, retention -------------
    "rights.heading": {"en": "A candidate's data: access and erasure (administrators)", "sv": "En kandidats uppgifter: registerutdrag och radering (administratörer)"},
    "rights.intro": {
        "en": "When a candidate asks what you hold about them, download it as JSON; when they ask to be erased, erase them. Erasure removes every row about the candidate from every table and rewrites the database file, so nothing of them is left in it. It cannot be undone.",
        "sv": "När en kandidat frågar vad ni har om hen, ladda ner det som JSON; när hen begär radering, radera. Raderingen tar bort varje rad om kandidaten ur varje tabell och skriver om databasfilen, så att inget av hen finns kvar i den. Den kan inte ångras.",
    },
    "rights.find_by": {"en": "Find the candidate by", "sv": "Hitta kandidaten med"},
    "rights.find_by.candidate_id": {"en": "Candidate id", "sv": "Kandidat-id"},
    "rights.find_by.email": {"en": "E-mail address", "sv": "E-postadress"},
    "rights.given.candidate_id": {"en": "Candidate id (as in your applicant tracking system)", "sv": "Kandidat-id (som i ert rekryteringssystem)"},
    "rights.given.email": {
        "en": "E-mail address (never stored: it is hashed with the key to find the candidate)",
        "sv": "E-postadress (sparas aldrig: den hashas med nyckeln för att hitta kandidaten)",
    },
    "rights.nothing_held": {"en": "Nothing is held about {given}.", "sv": "Ingenting finns sparat om {given}."},
    "rights.found": {"en": "{given}: {applications} application(s) held.", "sv": "{given}: {applications} ansökning(ar) sparade."},
    "rights.export": {"en": "Download everything held (JSON)", "sv": "Ladda ner allt som finns sparat (JSON)"},
    "rights.confirm": {
        "en": "I want to erase {given} from the database for good",
        "sv": "Jag vill radera {given} ur databasen för gott",
    },
    "rights.erase": {"en": "Erase the candidate", "sv": "Radera kandidaten"},
    "rights.erased": {
        "en": "{given} was erased: {applications} application(s), {rows} rows, and the database file was rewritten without them.",
        "sv": "{given} raderades: {applications} ansökning(ar), {rows} rader, och databasfilen skrevs om utan dem.",
    },
    "rights.retention_off": {
        "en": "No retention period is set (Settings: retention period), so every application is kept.",
        "sv": "Ingen lagringstid är inställd (Inställningar: lagringstid), så alla ansökningar behålls.",
    },
    "rights.retention_due": {
        "en": "Retention period {months} months: {count} application(s) are older and are removed when the app starts.",
        "sv": "Lagringstid {months} månader: {count} ansökning(ar) är äldre och tas bort när appen startar.",
    },
    "rights.retention_apply": {"en": "Remove the {count} application(s) now", "sv": "Ta bort de {count} ansökningarna nu"},
    "rights.retention_done": {
        "en": "{applications} application(s) older than {months} months were removed, also from the database file.",
        "sv": "{applications} ansökning(ar) äldre än {months} månader togs bort, även ur databasfilen.",
    },
    # Why an export cannot give a metric: the first kind of evidence (vocabulary.EVIDENCE) it lacks.
    "evidence.missing.applications": {
        "en": "no application dates in this export",
        "sv": "inga ansökningsdatum i exporten",
    },
    "evidence.missing.decisions": {
        "en": "no decisions (rejections, offers, hires, withdrawals) in this export",
        "sv": "inga beslut (avslag, erbjudanden, anställningar, återtaganden) i exporten",
    },
    "evidence.missing.interviews": {
        "en": "no interview dates in this export",
        "sv": "inga intervjudatum i exporten",
    },
    "evidence.missing.messages": {
        "en": "no message times in this export (acknowledgements, status updates, rejection notices): "
              "contacts with candidates cannot be measured",
        "sv": "inga meddelandetider i exporten (bekräftelser, statusbesked, avslagsbesked): "
              "kontakterna med kandidaterna kan inte mätas",
    },
    "evidence.missing.personal_feedback": {
        "en": "no feedback events (with their channel) in this export",
        "sv": "inga återkopplingshändelser (med kanal) i exporten",
    },
    "evidence.missing.surveys_sent": {
        "en": "no survey send times in this export",
        "sv": "inga utskickstider för enkäter i exporten",
    },
    "evidence.missing.survey_answers": {
        "en": "no survey answers in this export: import the survey export",
        "sv": "inga enkätsvar i exporten: importera enkätexporten",
    },
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
    "mapping.download": {"en": "Download the mapping (JSON)", "sv": "Ladda ner kopplingen (JSON)"},
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
    "report.demo": {
        "en": "Demo data: made from the built-in demo's invented processes and candidates, not from real recruitment data.",
        "sv": "Demodata: gjord av den inbyggda demons påhittade processer och kandidater, inte av verklig rekryteringsdata.",
    },
    "report.title_all": {"en": "Candidate experience report", "sv": "Rapport om kandidatupplevelsen"},
    "report.title_process": {"en": "Candidate experience report: {process}", "sv": "Rapport om kandidatupplevelsen: {process}"},
    "report.made": {
        "en": "Data as of {as_of}; report made {made} ({zone}).",
        "sv": "Data per {as_of}; rapporten skapad {made} ({zone}).",
    },
    "report.flags": {"en": "Brand-risk flags", "sv": "Varumärkesrisker"},
    "report.no_flags": {"en": "No flags in this selection.", "sv": "Inga flaggor i detta urval."},
    "report.voice": {"en": "Candidate voice", "sv": "Kandidatens röst"},
    "report.drivers": {"en": "What drives the verdict", "sv": "Vad som avgör omdömet"},
    "report.ghosted": {"en": "Applications left without news (pseudonymised)", "sv": "Ansökningar utan besked (pseudonymiserade)"},
    "report.more_applications": {
        "en": "… and {count} more; the recruiters' action list in the app has them all.",
        "sv": "… och {count} till; rekryterarnas åtgärdslista i appen har alla.",
    },
    "report.download": {"en": "Download report ({fmt})", "sv": "Ladda ner rapport ({fmt})"},
    "report.process_downloads": {"en": "Share a report of this process", "sv": "Dela en rapport över denna process"},
    "report.downloads": {"en": "Share a report of this view", "sv": "Dela en rapport över denna vy"},
    "report.comments": {"en": "What candidates say (newest negative and positive comments, masked)", "sv": "Vad kandidaterna säger (senaste negativa och positiva kommentarer, maskerade)"},
    "report.no_pdf": {
        "en": "PDF reports need Chromium on the server (apt-get install chromium); HTML prints to PDF from any browser.",
        "sv": "PDF-rapporter kräver Chromium på servern (apt-get install chromium); HTML kan skrivas ut som PDF från valfri webbläsare.",
    },
    "report.charts": {"en": "Charts", "sv": "Diagram"},
    "report.fig.trend": {"en": "Monthly trend", "sv": "Trend per månad"},
    "report.fig.ack": {"en": "Acknowledgement latency", "sv": "Tid till bekräftelse"},
    "report.fig.silence": {"en": "Longest silence against the limit", "sv": "Längsta tystnad mot gränsen"},
    "report.fig.drivers": {"en": "What drives the verdict", "sv": "Vad som avgör omdömet"},
    "report.about": {"en": "About this report", "sv": "Om rapporten"},
    "report.low": {"en": "(95 % low)", "sv": "(95 % lägre)"},
    "report.high": {"en": "(95 % high)", "sv": "(95 % övre)"},
    "report.rule": {"en": "Rule", "sv": "Regel"},
    "report.severity": {"en": "Severity", "sv": "Allvarlighet"},
    "report.value": {"en": "Value", "sv": "Värde"},
    "report.affected": {"en": "Affected applications", "sv": "Berörda ansökningar"},
    "report.evidence": {"en": "Evidence", "sv": "Underlag"},
    "report.action": {"en": "Recommended action", "sv": "Rekommenderad åtgärd"},
    "report.sheet.about": {"en": "About", "sv": "Om"},
    "report.sheet.metrics": {"en": "Metrics per process", "sv": "Mått per process"},
    "report.sheet.flags": {"en": "Flags", "sv": "Flaggor"},
    "report.sheet.voice": {"en": "Candidate voice", "sv": "Kandidatens röst"},
    "report.sheet.drivers": {"en": "Drivers", "sv": "Drivkrafter"},
    "report.sheet.ghosted": {"en": "Without news", "sv": "Utan besked"},
    "report.headline": {"en": "Headline", "sv": "Sammanfattning"},
    "report.by_process": {"en": "Per process", "sv": "Per process"},
    "report.no_data": {"en": "No applications in this selection.", "sv": "Inga ansökningar i detta urval."},
    "report.small_group": {"en": "few applications: read with care", "sv": "få ansökningar: tolka med försiktighet"},
    "report.privacy_note": {
        "en": "This report holds no candidate names, e-mail addresses or ids. Listed applications carry keyed pseudonyms; comments are masked. Shares are shown with their 95 % Wilson interval.",
        "sv": "Rapporten innehåller inga kandidatnamn, e-postadresser eller id:n. Listade ansökningar har nyckelbaserade pseudonymer; kommentarer är maskerade. Andelar visas med sitt 95 % Wilson-intervall.",
    },
    # -- published benchmarks and the Ontario rule (analytics/measure/benchmarks.py) -----------------
    "benchmark.heading": {"en": "Published benchmarks", "sv": "Publicerade jämförelsetal"},
    "benchmark.earlier": {"en": "Earlier: {years}.", "sv": "Tidigare: {years}."},
    "benchmark.yours_unknown": {"en": "Yours: not in your data.", "sv": "Era: finns inte i era data."},
    "benchmark.yours_too_few": {
        "en": "Yours: too few answers in this selection to show.", "sv": "Era: för få svar i detta urval för att visas.",
    },
    "benchmark.yours_none": {"en": "Yours: nobody to count in this selection.", "sv": "Era: ingen att räkna i detta urval."},
    "benchmark.cande_resentment.definition": {
        "en": "{source} ({year}): {value} of candidates report resentment, an experience so poor that they say they are unlikely to apply again, refer others or buy from the employer.",
        "sv": "{source} ({year}): {value} av kandidaterna känner agg, en upplevelse så dålig att de säger att de knappast söker igen, rekommenderar andra eller köper av arbetsgivaren.",
    },
    "benchmark.cande_resentment.yours": {
        "en": "Yours: {value} of survey answers ({part} of {of}) score 0–2 on recommending applying here.",
        "sv": "Era: {value} av enkätsvaren ({part} av {of}) ger 0–2 på frågan om de skulle rekommendera att söka här.",
    },
    "benchmark.cande_resentment.why": {
        "en": "The closest question here is the recommendation (0–10); CandE also asks about applying again and buying, so read the two as an order of magnitude, not a match.",
        "sv": "Närmaste fråga här är rekommendationen (0–10); CandE frågar också om att söka igen och att köpa, så läs dem som en storleksordning, inte en exakt jämförelse.",
    },
    "benchmark.greenhouse_ghosted.definition": {
        "en": "{source} ({year}): {value} of job seekers say an employer ghosted them after a job interview.",
        "sv": "{source} ({year}): {value} av de arbetssökande säger att en arbetsgivare slutat höra av sig efter en intervju.",
    },
    "benchmark.greenhouse_ghosted.yours": {
        "en": "Yours: {value} of interviewed applications ({part} of {of}) are without news now.",
        "sv": "Era: {value} av de intervjuade ansökningarna ({part} av {of}) är utan besked nu.",
    },
    "benchmark.greenhouse_ghosted.why": {
        "en": "Both count interviewed candidates left without news; theirs is each job seeker's experience across employers, yours each application here, against your silence limit.",
        "sv": "Båda räknar intervjuade kandidater som lämnas utan besked; deras är varje arbetssökandes erfarenhet hos alla arbetsgivare, era varje ansökan här, mot er tystnadsgräns.",
    },
    "benchmark.trustcruit_cnps_told.definition": {
        "en": "{source} ({year}): rejected candidates who got a rejection gave a candidate NPS of {value}.",
        "sv": "{source} ({year}): kandidater med avslag som fick besked gav ett kandidat-NPS på {value}.",
    },
    "benchmark.trustcruit_cnps_told.yours": {
        "en": "Yours: {value} from {part} answers of candidates told the outcome.",
        "sv": "Era: {value} från {part} svar av kandidater som fått besked om utfallet.",
    },
    "benchmark.trustcruit_cnps_told.why": {
        "en": "Both are candidate NPS split by whether candidates were told; Trustcruit counts rejected candidates only, yours every candidate told an outcome (offers too).",
        "sv": "Båda är kandidat-NPS uppdelat på om kandidaterna fick besked; Trustcruit räknar bara kandidater med avslag, ni alla som fått besked om utfallet (även erbjudanden).",
    },
    "benchmark.trustcruit_cnps_not_told.definition": {
        "en": "{source} ({year}): rejected candidates who never got a rejection gave {value}.",
        "sv": "{source} ({year}): kandidater med avslag som aldrig fick besked gav {value}.",
    },
    "benchmark.trustcruit_cnps_not_told.yours": {
        "en": "Yours: {value} from {part} answers of candidates never told.",
        "sv": "Era: {value} från {part} svar av kandidater som aldrig fått besked.",
    },
    "benchmark.trustcruit_cnps_not_told.why": {
        "en": "The gap between the two is the point: being told was worth about 23 points in Trustcruit's data.",
        "sv": "Skillnaden mellan de två är poängen: att få besked var värt ungefär 23 poäng i Trustcruits data.",
    },
    "benchmark.trustcruit_never_told.definition": {
        "en": "{source} ({year}): {value} of rejected candidates never got a rejection.",
        "sv": "{source} ({year}): {value} av kandidaterna med avslag fick aldrig något besked.",
    },
    "benchmark.trustcruit_never_told.yours": {
        "en": "Yours: {value} of rejected applications ({part} of {of}) were never told.",
        "sv": "Era: {value} av ansökningarna med avslag ({part} av {of}) fick aldrig besked.",
    },
    "benchmark.trustcruit_never_told.why": {
        "en": "The same question, asked of each rejected application.",
        "sv": "Samma fråga, ställd för varje ansökan med avslag.",
    },
    "benchmark.linkedin_silence.definition": {
        "en": "{source} ({year}): {value} of professionals in Sweden have had a recruiter stop communicating without warning.",
        "sv": "{source} ({year}): {value} av yrkesverksamma i Sverige har haft en rekryterare som slutat höra av sig utan förvarning.",
    },
    "benchmark.linkedin_silence.yours": {
        "en": "Yours: {value} of applications ({part} of {of}) are without news now.",
        "sv": "Era: {value} av ansökningarna ({part} av {of}) är utan besked nu.",
    },
    "benchmark.linkedin_silence.why": {
        "en": "Theirs counts people who ever met it, across employers and years; yours the applications here today, so yours should lie far below.",
        "sv": "Deras räknar personer som någon gång råkat ut för det, hos alla arbetsgivare och år; era ansökningarna här i dag, så era bör ligga långt under.",
    },
    "ontario.heading": {"en": "Ontario 45-day rule", "sv": "Ontarios 45-dagarsregel"},
    "ontario.line": {
        "en": "{value} of interviewed applications ({told} of {due}) were told a decision within {days} days of their last interview; {late} were not.",
        "sv": "{value} av de intervjuade ansökningarna ({told} av {due}) fick besked om ett beslut inom {days} dagar efter sista intervjun; {late} fick det inte.",
    },
    "ontario.none_due": {
        "en": "No interviewed application has reached {days} days after its last interview yet.",
        "sv": "Ingen intervjuad ansökan har ännu nått {days} dagar efter sista intervjun.",
    },
    "ontario.unmeasured": {
        "en": "{count} interviewed applications are not measurable: their sources do not record both interviews and messages.",
        "sv": "{count} intervjuade ansökningar går inte att mäta: deras källor visar inte både intervjuer och meddelanden.",
    },
    "ontario.caption": {
        "en": "From 1 January 2026, Ontario requires employers to tell interviewed applicants within 45 days of the last interview whether a decision has been made. Counted here: a rejection, feedback or offer after the last interview; a status update is not counted, since the data cannot tell whether it said a decision had been made.",
        "sv": "Från 1 januari 2026 kräver Ontario att arbetsgivare inom 45 dagar efter sista intervjun berättar för intervjuade sökande om ett beslut har fattats. Här räknas ett avslag, en återkoppling eller ett erbjudande efter sista intervjun; en lägesuppdatering räknas inte, eftersom data inte visar om den sa att ett beslut fattats.",
    },
    "setting.ontario_rule": {"en": "Ontario 45-day rule (check it)", "sv": "Ontarios 45-dagarsregel (kontrollera den)"},
    # -- brand risk ---
    "risk.title": {"en": "Brand risk", "sv": "Varumärkesrisk"},
    "risk.intro": {
        "en": "Where candidates are let down, how sure the numbers are, and what to do today. Each flag compares a process with a threshold from Settings; its severity says how far the 95% interval lies beyond it.",
        "sv": "Var kandidater blir illa behandlade, hur säkra siffrorna är och vad ni gör i dag. Varje flagga jämför en process med en tröskel från Inställningar; allvarlighetsgraden visar hur långt bortom tröskeln 95 %-intervallet ligger.",
    },
    "risk.ranking_heading": {"en": "Processes that need attention first", "sv": "Processer som behöver uppmärksamhet först"},
    "risk.ranking_caption": {
        "en": "Risk score: the points of the process's flags added up, high 3, medium 2, low 1 (the columns count its flags of each severity). Processes with fewer than {min} applications come last.",
        "sv": "Riskpoäng: processens flaggor adderade, hög 3, medel 2, låg 1 (kolumnerna räknar flaggorna per allvarlighetsgrad). Processer med färre än {min} ansökningar kommer sist.",
    },
    "risk.unflagged": {"en": "{count} of {total} processes carry no flag.", "sv": "{count} av {total} processer har ingen flagga."},
    "risk.no_flags": {"en": "No process is flagged in this selection.", "sv": "Ingen process flaggas i detta urval."},
    "risk.flags_heading": {"en": "Flags by process: what to do", "sv": "Flaggor per process: vad ni gör"},
    "risk.severity_filter": {"en": "Show", "sv": "Visa"},
    "risk.card.action": {"en": "What to do", "sv": "Vad ni gör"},
    "risk.actions_heading": {"en": "Action list: whom to contact", "sv": "Åtgärdslista: vilka ni kontaktar"},
    "risk.actions_caption": {
        "en": "Interviewees rejected without personal feedback, rejected candidates never told, and open applications without news for more than {limit} days. Candidate ids are the ids in your source system, for the recruiter's own follow-up: do not share the list.",
        "sv": "Intervjuade som fått avslag utan personlig återkoppling, kandidater med avslag som aldrig meddelats och öppna ansökningar utan besked i mer än {limit} dagar. Kandidat-id är id:t i ert källsystem, för rekryterarens egen uppföljning: dela inte listan.",
    },
    "risk.actions_recruiter": {"en": "Recruiter", "sv": "Rekryterare"},
    "risk.actions_all": {"en": "All recruiters", "sv": "Alla rekryterare"},
    "risk.actions_count.one": {
        "en": "{count} candidate to contact, waiting at most {horizon} days.",
        "sv": "{count} kandidat att kontakta, som väntat högst {horizon} dagar.",
    },
    "risk.actions_count.other": {
        "en": "{count} candidates to contact, waiting at most {horizon} days.",
        "sv": "{count} kandidater att kontakta, som väntat högst {horizon} dagar.",
    },
    "risk.backlog_heading.one": {
        "en": "Backlog: {count} candidate waiting more than {horizon} days",
        "sv": "Eftersläpning: {count} kandidat som väntat mer än {horizon} dagar",
    },
    "risk.backlog_heading.other": {
        "en": "Backlog: {count} candidates waiting more than {horizon} days",
        "sv": "Eftersläpning: {count} kandidater som väntat mer än {horizon} dagar",
    },
    "risk.backlog_caption": {
        "en": "These candidates have waited longer than the action horizon ({horizon} days, in Settings). A call today will not undo the wait: close each case with an apology and a clear outcome, and ask whether an open process is still open.",
        "sv": "De här kandidaterna har väntat längre än åtgärdshorisonten ({horizon} dagar, under Inställningar). Ett samtal i dag gör inte väntan ogjord: avsluta varje ärende med en ursäkt och ett tydligt besked, och kontrollera om en öppen process fortfarande är öppen.",
    },
    "risk.actions_none_today": {
        "en": "Nobody has waited {horizon} days or less: every case on the list is in the backlog below.",
        "sv": "Ingen har väntat {horizon} dagar eller mindre: alla ärenden finns i eftersläpningen nedan.",
    },
    "risk.sheet_backlog": {"en": "Backlog", "sv": "Eftersläpning"},
    "risk.actions_process": {"en": "Process", "sv": "Process"},
    "risk.actions_all_processes": {"en": "All processes", "sv": "Alla processer"},
    "risk.actions_empty": {
        "en": "Nobody is waiting: no silent candidates and no interviewees without personal feedback.",
        "sv": "Ingen väntar: inga kandidater utan besked och inga intervjuade utan personlig återkoppling.",
    },
    "risk.download_csv": {"en": "Download CSV", "sv": "Ladda ner CSV"},
    "risk.download_xlsx": {"en": "Download Excel", "sv": "Ladda ner Excel"},
    "risk.sheet_actions": {"en": "Action list", "sv": "Åtgärdslista"},
    "risk.col.risk_score": {"en": "Risk score", "sv": "Riskpoäng"},
    "risk.col.candidate_id": {"en": "Candidate id (source system)", "sv": "Kandidat-id (källsystem)"},
    "risk.col.process_id": {"en": "Process id", "sv": "Process-id"},
    "risk.col.process_name": {"en": "Process", "sv": "Process"},
    "risk.col.recruiter": {"en": "Recruiter", "sv": "Rekryterare"},
    "risk.col.reason": {"en": "Why", "sv": "Varför"},
    "risk.col.contact": {"en": "Suggested contact", "sv": "Föreslagen kontakt"},
    "risk.col.days_waiting": {"en": "Days waiting", "sv": "Dagar i väntan"},
    "risk.col.waiting_since": {"en": "Waiting since", "sv": "Väntar sedan"},
    "risk.rule.no_or_slow_acknowledgement": {"en": "No or slow acknowledgement", "sv": "Ingen eller sen bekräftelse"},
    "risk.rule.left_without_updates": {"en": "Candidates left without updates", "sv": "Kandidater lämnas utan besked"},
    "risk.rule.outcome_not_told": {"en": "Outcome not told in time", "sv": "Besked om utfallet dröjer eller uteblir"},
    "risk.rule.no_personal_feedback": {
        "en": "Interviewees rejected without personal feedback",
        "sv": "Intervjuade får avslag utan personlig återkoppling",
    },
    "risk.rule.negative_candidate_voice": {"en": "Negative candidate voice", "sv": "Negativ kandidatröst"},
    "risk.rule.getting_worse": {"en": "Getting worse", "sv": "Blir sämre"},
    "risk.severity.high": {"en": "High", "sv": "Hög"},
    "risk.severity.medium": {"en": "Medium", "sv": "Medel"},
    "risk.severity.low": {"en": "Low", "sv": "Låg"},
    "risk.score_part": {"en": "{points} {rule}", "sv": "{points} {rule}"},
    "risk.rule_short.no_or_slow_acknowledgement": {"en": "acknowledgement", "sv": "bekräftelse"},
    "risk.rule_short.left_without_updates": {"en": "updates", "sv": "uppdateringar"},
    "risk.rule_short.outcome_not_told": {"en": "outcome", "sv": "utfall"},
    "risk.rule_short.no_personal_feedback": {"en": "feedback", "sv": "återkoppling"},
    "risk.rule_short.negative_candidate_voice": {"en": "voice", "sv": "röst"},
    "risk.rule_short.getting_worse": {"en": "trend", "sv": "trend"},
    "risk.process_heading": {
        "en": "**{name}** · {id} · risk score {score} · {counts}",
        "sv": "**{name}** · {id} · riskpoäng {score} · {counts}",
    },
    "risk.count.high": {"en": "{count} high", "sv": "{count} hög"},
    "risk.count.medium": {"en": "{count} medium", "sv": "{count} medel"},
    "risk.count.low": {"en": "{count} low", "sv": "{count} låg"},
    "risk.summary.processes_flagged": {
        "en": "{count} of {total} processes flagged", "sv": "{count} av {total} processer flaggade",
    },
    "risk.recruiter_line": {"en": "Recruiter: {recruiter}", "sv": "Rekryterare: {recruiter}"},
    "risk.col.worst": {"en": "Worst flag", "sv": "Värsta flagga"},
    "risk.evidence": {"en": "Evidence", "sv": "Underlag"},
    "risk.flags_caption": {
        "en": "One section per flagged process, riskiest first; inside, its flags by severity (then by the applications affected). Open “Evidence” under a flag for its numbers and interval.",
        "sv": "Ett avsnitt per flaggad process, störst risk först; i varje, flaggorna efter allvarlighetsgrad (sedan efter antal berörda ansökningar). Öppna ”Underlag” under en flagga för siffrorna och intervallet.",
    },
    "risk.headline.share": {
        "en": "{measure}: {value} (threshold {threshold}) · {affected} of {n} applications affected",
        "sv": "{measure}: {value} (tröskel {threshold}) · {affected} av {n} ansökningar berörda",
    },
    "risk.headline.share_max": {
        "en": "{measure}: {value} (threshold at most {threshold}) · {affected} of {n} applications affected",
        "sv": "{measure}: {value} (tröskel högst {threshold}) · {affected} av {n} ansökningar berörda",
    },
    "risk.headline.score": {
        "en": "{measure}: {value} (threshold {threshold}) · {n} answers",
        "sv": "{measure}: {value} (tröskel {threshold}) · {n} svar",
    },
    "risk.headline.worse": {
        "en": "{measure}: {points} points worse than in the half before (flagged from {threshold}) · {affected} applications affected in the recent half",
        "sv": "{measure}: {points} enheter sämre än i halvan före (flaggas från {threshold}) · {affected} ansökningar berörda i den senare halvan",
    },
    "risk.measure.ack_within_sla_share": {"en": "Acknowledged within the SLA", "sv": "Bekräftade inom SLA"},
    "risk.measure.ghosted_share": {"en": "Left without updates", "sv": "Utan besked"},
    "risk.measure.told_in_time_share": {"en": "Rejections told in time", "sv": "Avslag meddelade i tid"},
    "risk.measure.personal_feedback_share": {"en": "Personal feedback after interview", "sv": "Personlig återkoppling efter intervju"},
    "risk.measure.cnps": {"en": "Candidate NPS", "sv": "Kandidat-NPS"},
    "risk.measure.sentiment_score": {"en": "Comment sentiment", "sv": "Kommentarernas ton"},
    "risk.evidence.no_or_slow_acknowledgement": {
        "en": "{value} of {n} applications past the {sla} h deadline were acknowledged within it (95% interval {low}–{high}; threshold {threshold}). Median time to acknowledgement {median}; {never} never acknowledged.",
        "sv": "{value} av {n} ansökningar förbi fristen på {sla} h bekräftades inom den (95 %-intervall {low}–{high}; tröskel {threshold}). Mediantid till bekräftelse {median}; {never} bekräftades aldrig.",
    },
    "risk.evidence.left_without_updates": {
        "en": "{affected} of {n} applications ({value}, 95% interval {low}–{high}; threshold at most {threshold}) have heard nothing for more than {limit} days: {open} open, {not_told} rejected and never told. Median silence {days}.",
        "sv": "{affected} av {n} ansökningar ({value}, 95 %-intervall {low}–{high}; tröskel högst {threshold}) har inte hört något på mer än {limit} dagar: {open} öppna, {not_told} med avslag som aldrig meddelats. Mediantystnad {days}.",
    },
    "risk.evidence.outcome_not_told": {
        "en": "{value} of {n} rejections decided more than {sla} h ago were told within {sla} h (95% interval {low}–{high}; threshold {threshold}); {never} were never told. Median time to notice {median}.",
        "sv": "{value} av {n} avslag som beslutades för mer än {sla} h sedan meddelades inom {sla} h (95 %-intervall {low}–{high}; tröskel {threshold}); {never} fick aldrig besked. Mediantid till besked {median}.",
    },
    "risk.evidence.no_personal_feedback": {
        "en": "{value} of {n} interviewees who were rejected got personal feedback by phone, video or in person (95% interval {low}–{high}; threshold {threshold}).",
        "sv": "{value} av {n} intervjuade som fick avslag fick personlig återkoppling per telefon, video eller på plats (95 %-intervall {low}–{high}; tröskel {threshold}).",
    },
    "risk.evidence.cnps": {
        "en": "Candidate NPS {value} from {n} answers ({detractors} scored 0–6).",
        "sv": "Kandidat-NPS {value} från {n} svar ({detractors} gav 0–6).",
    },
    "risk.evidence.sentiment": {
        "en": "Comment sentiment {value} from {n} comments ({negative} negative).",
        "sv": "Kommentarernas ton {value} från {n} kommentarer ({negative} negativa).",
    },
    "risk.evidence.negative_themes": {
        "en": "Negative comments are mostly about {themes}.",
        "sv": "De negativa kommentarerna handlar mest om {themes}.",
    },
    "risk.evidence.decisive_score": {
        "en": "{measure}: 95% interval {low} to {high}; threshold {threshold}.",
        "sv": "{measure}: 95 %-intervall {low} till {high}; tröskel {threshold}.",
    },
    "risk.evidence.getting_worse": {
        "en": "{measure} went from {previous} (n = {previous_n}, applied {previous_from} – {previous_to}) to {current} (n = {current_n}, applied {current_from} – {current_to}): {points} percentage points worse (95% interval {low} to {high}; threshold {threshold}).",
        "sv": "{measure} gick från {previous} (n = {previous_n}, ansökt {previous_from} – {previous_to}) till {current} (n = {current_n}, ansökt {current_from} – {current_to}): {points} procentenheter sämre (95 %-intervall {low} till {high}; tröskel {threshold}).",
    },
    "risk.action.no_or_slow_acknowledgement": {
        "en": "Acknowledge every application within {sla} h, automatically on receipt if you can, saying what happens next and when: {affected} of {n} candidates waited longer.",
        "sv": "Bekräfta varje ansökan inom {sla} h, gärna automatiskt när den kommer in, med vad som händer härnäst och när: {affected} av {n} kandidater väntade längre.",
    },
    "risk.action.never_acknowledged.one": {
        "en": "Confirm today {count} application from the last {horizon} days that was never acknowledged at all.",
        "sv": "Bekräfta i dag {count} ansökan från de senaste {horizon} dagarna som aldrig bekräftats alls.",
    },
    "risk.action.never_acknowledged.other": {
        "en": "Confirm today {count} applications from the last {horizon} days that were never acknowledged at all.",
        "sv": "Bekräfta i dag {count} ansökningar från de senaste {horizon} dagarna som aldrig bekräftats alls.",
    },
    "risk.backlog.never_acknowledged.one": {
        "en": "Backlog: {count} application has waited more than {horizon} days without any acknowledgement; answer it with an apology and a clear outcome.",
        "sv": "Eftersläpning: {count} ansökan har väntat mer än {horizon} dagar utan bekräftelse; svara med en ursäkt och ett tydligt besked.",
    },
    "risk.backlog.never_acknowledged.other": {
        "en": "Backlog: {count} applications have waited more than {horizon} days without any acknowledgement; answer them with an apology and a clear outcome.",
        "sv": "Eftersläpning: {count} ansökningar har väntat mer än {horizon} dagar utan bekräftelse; svara med en ursäkt och ett tydligt besked.",
    },
    "risk.action.silent_open.one": {
        "en": "Send a status update today to {count} candidate still waiting who has heard nothing for more than {limit} days, and say when they will hear from you next.",
        "sv": "Skicka en lägesuppdatering i dag till {count} kandidat som fortfarande väntar och inte hört något på mer än {limit} dagar, och berätta när hen hör av er nästa gång.",
    },
    "risk.action.silent_open.other": {
        "en": "Send a status update today to {count} candidates still waiting who have heard nothing for more than {limit} days, and tell each of them when they will hear from you next.",
        "sv": "Skicka en lägesuppdatering i dag till {count} kandidater som fortfarande väntar och inte hört något på mer än {limit} dagar, och berätta för var och en när de hör av er nästa gång.",
    },
    "risk.backlog.silent_open.one": {
        "en": "Backlog: {count} open application has had no news for more than {horizon} days; check whether it is still open, and if not, close it with an apology.",
        "sv": "Eftersläpning: {count} öppen ansökan har inte fått något besked på mer än {horizon} dagar; kontrollera om den fortfarande är öppen, och avsluta den annars med en ursäkt.",
    },
    "risk.backlog.silent_open.other": {
        "en": "Backlog: {count} open applications have had no news for more than {horizon} days; check which are still open, and close the others with an apology.",
        "sv": "Eftersläpning: {count} öppna ansökningar har inte fått något besked på mer än {horizon} dagar; kontrollera vilka som fortfarande är öppna, och avsluta de andra med en ursäkt.",
    },
    "risk.action.silent_not_told.one": {
        "en": "Tell {count} rejected candidate the outcome today: they have waited more than {limit} days without news.",
        "sv": "Ge i dag besked till {count} kandidat med avslag som väntat mer än {limit} dagar utan att höra något.",
    },
    "risk.action.silent_not_told.other": {
        "en": "Tell {count} rejected candidates their outcome today: they have waited more than {limit} days without news.",
        "sv": "Ge i dag besked till {count} kandidater med avslag som väntat mer än {limit} dagar utan att höra något.",
    },
    "risk.backlog.rejected_not_told.one": {
        "en": "Backlog: {count} rejected candidate has waited more than {horizon} days for the outcome; send it with an apology.",
        "sv": "Eftersläpning: {count} kandidat med avslag har väntat mer än {horizon} dagar på beskedet; skicka det med en ursäkt.",
    },
    "risk.backlog.rejected_not_told.other": {
        "en": "Backlog: {count} rejected candidates have waited more than {horizon} days for their outcome; send it with an apology.",
        "sv": "Eftersläpning: {count} kandidater med avslag har väntat mer än {horizon} dagar på beskedet; skicka det med en ursäkt.",
    },
    "risk.action.outcome_not_told.one": {
        "en": "Tell {count} rejected candidate who never heard from you the outcome today.",
        "sv": "Meddela i dag {count} kandidat med avslag som aldrig hört av er.",
    },
    "risk.action.outcome_not_told.other": {
        "en": "Tell {count} rejected candidates who never heard from you their outcome today.",
        "sv": "Meddela i dag {count} kandidater med avslag som aldrig hört av er.",
    },
    "risk.backlog.never_told.one": {
        "en": "Backlog: {count} rejected candidate, decided more than {horizon} days ago, never heard from you; send the outcome with an apology.",
        "sv": "Eftersläpning: {count} kandidat vars avslag beslutades för mer än {horizon} dagar sedan har aldrig hört av er; skicka beskedet med en ursäkt.",
    },
    "risk.backlog.never_told.other": {
        "en": "Backlog: {count} rejected candidates, decided more than {horizon} days ago, never heard from you; send the outcome with an apology.",
        "sv": "Eftersläpning: {count} kandidater vars avslag beslutades för mer än {horizon} dagar sedan har aldrig hört av er; skicka beskedet med en ursäkt.",
    },
    "risk.action.notice_rule": {
        "en": "Tell every decision within {sla} h; a short, kind e-mail is enough for those who were not interviewed.",
        "sv": "Ge besked om varje beslut inom {sla} h; ett kort, vänligt mejl räcker för dem som inte intervjuades.",
    },
    "risk.action.outcome_told_late.one": {
        "en": "Tell every decision within {sla} h: {count} rejected candidate waited longer. Send the rejection the day it is decided; a short, kind e-mail is enough for those who were not interviewed.",
        "sv": "Ge besked om varje beslut inom {sla} h: {count} kandidat med avslag väntade längre. Skicka avslaget samma dag som det beslutas; ett kort, vänligt mejl räcker för dem som inte intervjuades.",
    },
    "risk.action.outcome_told_late.other": {
        "en": "Tell every decision within {sla} h: {count} rejected candidates waited longer. Send the rejection the day it is decided; a short, kind e-mail is enough for those who were not interviewed.",
        "sv": "Ge besked om varje beslut inom {sla} h: {count} kandidater med avslag väntade längre. Skicka avslaget samma dag som det beslutas; ett kort, vänligt mejl räcker för dem som inte intervjuades.",
    },
    "risk.action.no_personal_feedback.one": {
        "en": "Call {count} interviewee rejected in the last {horizon} days without personal feedback.",
        "sv": "Ring {count} intervjuad som fått avslag de senaste {horizon} dagarna utan personlig återkoppling.",
    },
    "risk.action.no_personal_feedback.other": {
        "en": "Call {count} interviewees rejected in the last {horizon} days without personal feedback.",
        "sv": "Ring {count} intervjuade som fått avslag de senaste {horizon} dagarna utan personlig återkoppling.",
    },
    "risk.backlog.feedback_missing.one": {
        "en": "Backlog: {count} interviewee rejected more than {horizon} days ago got no personal feedback; a personal message with an apology is still better than silence.",
        "sv": "Eftersläpning: {count} intervjuad som fick avslag för mer än {horizon} dagar sedan fick ingen personlig återkoppling; ett personligt meddelande med en ursäkt är ändå bättre än tystnad.",
    },
    "risk.backlog.feedback_missing.other": {
        "en": "Backlog: {count} interviewees rejected more than {horizon} days ago got no personal feedback; a personal message with an apology is still better than silence.",
        "sv": "Eftersläpning: {count} intervjuade som fick avslag för mer än {horizon} dagar sedan fick ingen personlig återkoppling; ett personligt meddelande med en ursäkt är ändå bättre än tystnad.",
    },
    "risk.action.feedback_how": {
        "en": "Base the feedback on the job ad's requirements, and be ready to say what they lacked compared with the person who got the job and to give tips for their next interview.",
        "sv": "Utgå från jobbannonsens krav och var beredd att berätta vad de saknade jämfört med den som fick jobbet och att ge tips inför nästa intervju.",
    },
    "risk.action.negative_candidate_voice": {
        "en": "Read what the {affected} unhappy candidates answered and wrote, and review tone and respect with the hiring team: how invitations, interviews and rejections are worded and carried out.",
        "sv": "Läs vad de {affected} missnöjda kandidaterna svarade och skrev, och gå igenom ton och bemötande med rekryteringsteamet: hur inbjudningar, intervjuer och avslag formuleras och genomförs.",
    },
    "risk.action.getting_worse": {
        "en": "Find out what changed in this process around {since} (team, workload, tools): “{measure}” got worse, and {affected} candidates who applied since then were let down.",
        "sv": "Ta reda på vad som ändrades i processen runt {since} (team, arbetsbelastning, verktyg): ”{measure}” blev sämre, och {affected} kandidater som sökt sedan dess drabbades.",
    },
    "risk.reason.feedback_call": {"en": "Interviewed and rejected, no personal feedback", "sv": "Intervjuad och fått avslag, ingen personlig återkoppling"},
    "risk.reason.outcome_not_told": {"en": "Rejected, never told", "sv": "Avslag som aldrig meddelats"},
    "risk.reason.silent_open": {"en": "No news for too long", "sv": "Inget besked på för länge"},
    "risk.contact.phone": {"en": "Phone call with personal feedback", "sv": "Telefonsamtal med personlig återkoppling"},
    "risk.contact.email": {"en": "Tell the outcome by e-mail", "sv": "Meddela utfallet per mejl"},
    "risk.contact.email_or_phone": {"en": "Status update by e-mail or phone", "sv": "Lägesuppdatering per mejl eller telefon"},
    "setting.risk_ack_within_sla_min": {"en": "Flag when acknowledged within SLA is below (%)", "sv": "Flagga när bekräftade inom SLA är under (%)"},
    "setting.risk_ghosted_max": {"en": "Flag when left without news is above (%)", "sv": "Flagga när andelen utan besked är över (%)"},
    "setting.risk_told_in_time_min": {"en": "Flag when rejections told in time are below (%)", "sv": "Flagga när avslag meddelade i tid är under (%)"},
    "setting.risk_personal_feedback_min": {"en": "Flag when personal feedback after interview is below (%)", "sv": "Flagga när personlig återkoppling efter intervju är under (%)"},
    "setting.risk_cnps_min": {"en": "Flag when candidate NPS (−100 to +100) is below", "sv": "Flagga när kandidat-NPS (−100 till +100) är under"},
    "setting.risk_sentiment_min": {"en": "Flag when the comments' tone (−100 to +100) is below", "sv": "Flagga när kommentarernas ton (−100 till +100) är under"},
    "setting.risk_worsening_min": {"en": "Flag as getting worse from a drop of (percentage points)", "sv": "Flagga som försämrad från en nedgång på (procentenheter)"},
    "setting.risk_high_margin": {"en": "A flag is high from this margin beyond the limit (percentage points)", "sv": "En flagga är hög från denna marginal bortom gränsen (procentenheter)"},
    # -- metric pages ---
    "metrics.empty_selection": {
        "en": "No applications match the filters. Widen the dates or clear a filter in the sidebar.",
        "sv": "Inga ansökningar matchar filtren. Vidga datumen eller ta bort ett filter i sidopanelen.",
    },
    "overview.headline": {"en": "How candidates are treated", "sv": "Hur kandidaterna bemöts"},
    "overview.vs_previous": {"en": "vs the {days} days before", "sv": "mot {days} dagar innan"},
    "overview.period_caption_alone": {
        "en": "Applications made {start} – {end}. Your data do not reach back over the {days} days before, so no change is shown.",
        "sv": "Ansökningar gjorda {start} – {end}. Era data sträcker sig inte över de {days} dagarna innan, så ingen förändring visas.",
    },
    "overview.period_caption": {
        "en": "Applications made {start} – {end}, against those made {previous_start} – {previous_end}.",
        "sv": "Ansökningar gjorda {start} – {end}, jämfört med dem gjorda {previous_start} – {previous_end}.",
    },
    "overview.attention": {"en": "Processes that need attention first", "sv": "Processer som behöver åtgärdas först"},
    "overview.attention_caption": {
        "en": "Ranked by the brand-risk score: every rule a process breaks adds 3 (high), 2 (medium) or 1 (low) points, by how surely its 95% interval lies beyond the threshold. Processes with fewer than {n} applications never rank above larger ones. The Brand risk page shows every flag and whom to contact.",
        "sv": "Rangordnade efter varumärkesriskpoängen: varje regel som en process bryter mot ger 3 (hög), 2 (medel) eller 1 (låg) poäng, efter hur säkert dess 95 %-intervall ligger bortom gränsen. Processer med färre än {n} ansökningar rankas aldrig över större. Sidan Varumärkesrisk visar alla flaggor och vem som ska kontaktas.",
    },
    "overview.attention_item": {
        "en": "**{name}** ({process_id}, {applications} applications): risk score {score} = {parts}. Worst: {worst}. {evidence}",
        "sv": "**{name}** ({process_id}, {applications} ansökningar): riskpoäng {score} = {parts}. Värst: {worst}. {evidence}",
    },
    "overview.attention_more": {"en": "…and {count} more on the Processes page.", "sv": "…och {count} till på sidan Processer."},
    "overview.attention_none": {
        "en": "No process is clearly below a target in this selection.",
        "sv": "Ingen process ligger tydligt under något mål i detta urval.",
    },
    "overview.trends": {"en": "Month by month", "sv": "Månad för månad"},
    "overview.trends_caption": {
        "en": "By month of application. Bars are 95% intervals, dashed lines the targets; grey points are months with fewer than {n} applications.",
        "sv": "Per ansökningsmånad. Staplarna är 95 %-intervall, streckade linjer målen; grå punkter är månader med färre än {n} ansökningar.",
    },
    "processes.caption": {
        "en": "One row per process, farthest from its targets first: the distance is how many percentage points its worst share lies on the wrong side of its target, in bands (on target, up to 5, 5–15, 15–30, over 30 points); each share is coloured by its own band. Grey rows have fewer than {n} applications: shown, not judged. Scroll right for the 95% intervals and waiting times; click a column header to sort; select a row to open the process.",
        "sv": "En rad per process, längst från sina mål först: avståndet är hur många procentenheter den sämsta andelen ligger på fel sida om sitt mål, i band (når målet, högst 5, 5–15, 15–30, över 30 enheter); varje andel färgas efter sitt eget band. Grå rader har färre än {n} ansökningar: visas men bedöms inte. Skrolla åt höger för 95 %-intervallen och väntetiderna; klicka på en kolumnrubrik för att sortera; markera en rad för att öppna processen.",
    },
    "processes.status": {"en": "Distance from target", "sv": "Avstånd till målen"},
    "processes.risk_help": {
        "en": "The brand-risk score: 3, 2 or 1 points per broken rule (high, medium, low). The Brand risk page explains each flag.",
        "sv": "Varumärkesriskpoängen: 3, 2 eller 1 poäng per regel som bryts (hög, medel, låg). Sidan Varumärkesrisk förklarar varje flagga.",
    },
    "processes.status.on_target": {"en": "on target", "sv": "når målen"},
    "processes.status.within_5": {"en": "up to 5 pts off", "sv": "högst 5 p.e. från"},
    "processes.status.within_15": {"en": "5–15 pts off", "sv": "5–15 p.e. från"},
    "processes.status.within_30": {"en": "15–30 pts off", "sv": "15–30 p.e. från"},
    "processes.status.beyond_30": {"en": "over 30 pts off", "sv": "över 30 p.e. från"},
    "processes.distance": {"en": "Distance (pts)", "sv": "Avstånd (p.e.)"},
    "processes.distance_help": {
        "en": "Percentage points between the process's worst share and its target (0: every target it can be measured on is met).",
        "sv": "Procentenheter mellan processens sämsta andel och dess mål (0: alla mål som kan mätas nås).",
    },
    "processes.farthest": {"en": "Farthest from target", "sv": "Längst från målet"},
    "processes.status.small": {"en": "too few to judge", "sv": "för få att bedöma"},
    "processes.interval_of": {"en": "{metric}: 95% interval", "sv": "{metric}: 95 %-intervall"},
    "processes.interval_help": {
        "en": "The range the true share lies in with 95% confidence (Wilson interval): wide for few applications.",
        "sv": "Intervallet där den sanna andelen ligger med 95 % säkerhet (Wilsonintervall): brett vid få ansökningar.",
    },
    "processes.short.ack_within_sla_share": {"en": "Acknowledged in time", "sv": "Bekräftade i tid"},
    "processes.short.outcome_coverage": {"en": "Outcome told", "sv": "Fått besked"},
    "processes.short.personal_feedback_coverage": {"en": "Personal feedback", "sv": "Personlig återkoppling"},
    "processes.short.ghosted_share": {"en": "Ghosted", "sv": "Ghostade"},
    "processes.short.ack_latency_median": {"en": "Time to acknowledge", "sv": "Tid till bekräftelse"},
    "processes.short.longest_silence_d_median": {"en": "Longest silence", "sv": "Längsta tystnad"},
    "processes.short.ack_within_sla_share_interval": {"en": "Acknowledged: range", "sv": "Bekräftade: intervall"},
    "processes.short.outcome_coverage_interval": {"en": "Told: range", "sv": "Besked: intervall"},
    "processes.short.personal_feedback_coverage_interval": {"en": "Feedback: range", "sv": "Återkoppling: intervall"},
    "processes.short.ghosted_share_interval": {"en": "Ghosted: range", "sv": "Ghostade: intervall"},
    "processes.ranking": {"en": "Compare processes on one metric", "sv": "Jämför processerna på ett mått"},
    "processes.ranking_metric": {"en": "Metric", "sv": "Mått"},
    "detail.pick_process": {"en": "Process", "sv": "Process"},
    "detail.cards_caption": {
        "en": "Applications within the filters. Under each share: its distance from the target in percentage points.",
        "sv": "Ansökningar inom filtren. Under varje andel: avståndet till målet i procentenheter.",
    },
    "detail.card_target": {"en": "Target: {target}.", "sv": "Mål: {target}."},
    "detail.vs_target": {"en": "vs target", "sv": "mot målet"},
    "detail.progress": {"en": "Where candidates got to, and how long they waited in silence", "sv": "Hur långt kandidaterna kom, och hur länge de väntade utan besked"},
    "detail.latencies": {"en": "How fast candidates heard from us", "sv": "Hur snabbt kandidaterna fick besked"},
    "detail.ghosted": {"en": "Ghosted applications ({count})", "sv": "Ghostade ansökningar ({count})"},
    "detail.ghosted_caption": {
        "en": "Open applications without news for more than {limit} days, or rejected and never told; longest silence first. Candidates appear by pseudonym only.",
        "sv": "Öppna ansökningar utan besked i mer än {limit} dagar, eller avslag som aldrig meddelats; längst tystnad först. Kandidaterna visas bara med pseudonym.",
    },
    "detail.ack_note": {
        "en": "The funnel counts {acknowledged} of {applied} applications ({acknowledged_share}) acknowledged at all, at any time. The card “Acknowledged within SLA” asks more: of the {eligible} applications past the {sla} h deadline, {within} ({within_share}) were acknowledged within {sla} h. The other acknowledgements came later, or are too recent to judge.",
        "sv": "Tratten räknar {acknowledged} av {applied} ansökningar ({acknowledged_share}) som bekräftats över huvud taget, när som helst. Kortet ”Bekräftade inom SLA” kräver mer: av de {eligible} ansökningar som passerat fristen på {sla} h bekräftades {within} ({within_share}) inom {sla} h. Övriga bekräftelser kom senare eller är för nya för att bedömas.",
    },
    "detail.actions_link": {"en": "Contact them: the action list for this process", "sv": "Kontakta dem: åtgärdslistan för processen"},
    "detail.actions_link_help": {
        "en": "The action list names each candidate by the id in your source system, so a recruiter can call them; this list shows pseudonyms only.",
        "sv": "Åtgärdslistan anger varje kandidat med id:t i ert källsystem, så att en rekryterare kan ringa; den här listan visar bara pseudonymer.",
    },
    "detail.ghosted_none": {"en": "Nobody in this process is ghosted right now.", "sv": "Ingen i den här processen är ghostad just nu."},
    "detail.waiting.decision": {"en": "a decision or news", "sv": "ett beslut eller besked"},
    "detail.waiting.notice": {"en": "the rejection notice", "sv": "avslagsbeskedet"},
    "detail.col.application": {"en": "Application (pseudonym)", "sv": "Ansökan (pseudonym)"},
    "detail.col.days_silent": {"en": "Days without news", "sv": "Dagar utan besked"},
    "detail.col.last_contact": {"en": "Last contact", "sv": "Senaste kontakt"},
    "detail.col.applied": {"en": "Applied", "sv": "Ansökte"},
    "detail.col.stage": {"en": "Stage reached", "sv": "Steg"},
    "detail.col.waiting_for": {"en": "Waiting for", "sv": "Väntar på"},
    "detail.timeline": {"en": "One application's timeline", "sv": "En ansökans tidslinje"},
    "detail.pick_application": {"en": "Application (pseudonym; ghosted ones first)", "sv": "Ansökan (pseudonym; ghostade först)"},
    "detail.timeline_caption": {
        "en": "Filled circles: the candidate heard from us. Open diamonds: events the candidate does not see.",
        "sv": "Fyllda cirklar: kandidaten hörde av oss. Tomma romber: händelser som kandidaten inte ser.",
    },
    "chart.no_data": {"en": "Nothing to show in this selection", "sv": "Inget att visa i detta urval"},
    "chart.unit.count": {"en": "applications", "sv": "ansökningar"},
    "chart.unit.score": {"en": "−100 to +100", "sv": "−100 till +100"},
    "chart.unit.pp": {"en": "pp", "sv": "p.e."},
    "chart.count_of": {"en": "{count} of {total}", "sv": "{count} av {total}"},
    "chart.applications_n": {"en": "{count} applications", "sv": "{count} ansökningar"},
    "chart.interval": {"en": "95% interval {low}–{high}", "sv": "95 %-intervall {low}–{high}"},
    "chart.target_line": {"en": "target {target}", "sv": "mål {target}"},
    "chart.month": {"en": "Month of application", "sv": "Ansökningsmånad"},
    "chart.trend_title": {"en": "The promises to candidates, by month of application", "sv": "Löftena till kandidaterna, per ansökningsmånad"},
    "chart.ranking_title": {"en": "{metric}, per process (worst first)", "sv": "{metric}, per process (sämst först)"},
    "chart.status.small": {"en": "fewer than {n} applications", "sv": "färre än {n} ansökningar"},
    "chart.applications_axis": {"en": "Applications", "sv": "Ansökningar"},
    "chart.within_limit": {"en": "within the limit", "sv": "inom gränsen"},
    "chart.over_limit": {"en": "over the limit", "sv": "över gränsen"},
    "chart.limit_line": {"en": "limit {limit}", "sv": "gräns {limit}"},
    "chart.longer": {"en": "longer than {limit}", "sv": "längre än {limit}"},
    "chart.unit.minutes": {"en": "minutes", "sv": "minuter"},
    "chart.unit.hours": {"en": "hours", "sv": "timmar"},
    "chart.unit.days": {"en": "days", "sv": "dagar"},
    "chart.unit.weeks": {"en": "weeks", "sv": "veckor"},
    "chart.unit.business_days": {"en": "business days", "sv": "arbetsdagar"},
    "chart.empty.ack_latency": {
        "en": "No application in this selection has been acknowledged, so there is no waiting time to show.",
        "sv": "Ingen ansökan i urvalet har bekräftats, så det finns ingen väntetid att visa.",
    },
    "chart.empty.notice_latency": {
        "en": "No rejected candidate in this selection has been told yet, so there is no waiting time to show.",
        "sv": "Ingen kandidat med avslag i urvalet har fått besked ännu, så det finns ingen väntetid att visa.",
    },
    "chart.empty.post_interview_latency": {
        "en": "No interviewed candidate in this selection has had an answer yet, so there is no waiting time to show.",
        "sv": "Ingen intervjuad kandidat i urvalet har fått svar ännu, så det finns ingen väntetid att visa.",
    },
    "chart.empty.silence": {
        "en": "No application in this selection can be measured for silence.",
        "sv": "Ingen ansökan i urvalet kan mätas för tystnad.",
    },
    "chart.latency.ack_latency": {"en": "Time to acknowledgement", "sv": "Tid till bekräftelse"},
    "chart.latency.notice_latency": {"en": "Time from rejection to notice", "sv": "Tid från avslag till besked"},
    "chart.latency.post_interview_latency": {"en": "Time from interview to an answer", "sv": "Tid från intervju till svar"},
    "chart.distribution_subtitle": {"en": "median {median}, {count} applications", "sv": "median {median}, {count} ansökningar"},
    "chart.distribution_subtitle_limit": {
        "en": "median {median}, {count} applications; {over} over the limit (red)",
        "sv": "median {median}, {count} ansökningar; {over} över gränsen (rött)",
    },
    "chart.silence_title": {"en": "Longest silence per application", "sv": "Längsta tystnad per ansökan"},
    "chart.silence_axis": {"en": "Longest silence", "sv": "Längsta tystnad"},
    "chart.silence_subtitle": {
        "en": "{over} of {count} applications waited more than {limit} for news at some point (red)",
        "sv": "{over} av {count} ansökningar väntade någon gång mer än {limit} på besked (rött)",
    },
    "chart.funnel_title": {"en": "How far applications got", "sv": "Hur långt ansökningarna kom"},
    "chart.stage.applied": {"en": "Applied", "sv": "Ansökt"},
    "chart.stage.acknowledged": {"en": "Acknowledged", "sv": "Bekräftade"},
    "chart.stage.interviewed": {"en": "Interviewed", "sv": "Intervjuade"},
    "chart.stage.offered": {"en": "Offered a job", "sv": "Fick erbjudande"},
    "chart.stage.hired": {"en": "Hired", "sv": "Anställda"},
    "chart.timeline_title": {"en": "Timeline of {application}", "sv": "Tidslinje för {application}"},
    "chart.time_axis": {"en": "Date (local time)", "sv": "Datum (lokal tid)"},
    "chart.data_end": {"en": "data up to {date}", "sv": "data till {date}"},
    "chart.day_format": {"en": "%-d %b %Y", "sv": "%Y-%m-%d"},
    "chart.toolbar.zoom": {"en": "Zoom", "sv": "Zooma"},
    "chart.toolbar.pan": {"en": "Pan", "sv": "Panorera"},
    "chart.toolbar.box_select": {"en": "Box select", "sv": "Välj med rektangel"},
    "chart.toolbar.lasso_select": {"en": "Lasso select", "sv": "Välj med lasso"},
    "chart.toolbar.zoom_in": {"en": "Zoom in", "sv": "Zooma in"},
    "chart.toolbar.zoom_out": {"en": "Zoom out", "sv": "Zooma ut"},
    "chart.toolbar.autoscale": {"en": "Autoscale", "sv": "Anpassa skalan"},
    "chart.toolbar.reset_axes": {"en": "Reset axes", "sv": "Återställ axlarna"},
    "chart.toolbar.download_png": {"en": "Download the chart as PNG", "sv": "Ladda ner diagrammet som PNG"},
    "chart.toolbar.download": {"en": "Download the chart", "sv": "Ladda ner diagrammet"},
    "chart.toolbar.spikelines": {"en": "Show or hide guide lines", "sv": "Visa eller dölj hjälplinjer"},
    "chart.toolbar.hover_closest": {"en": "Show the closest point on hover", "sv": "Visa närmaste punkt vid hovring"},
    "chart.toolbar.hover_compare": {"en": "Compare points on hover", "sv": "Jämför punkter vid hovring"},
    "chart.toolbar.double_click": {"en": "Double-click to zoom back out", "sv": "Dubbelklicka för att zooma ut igen"},
    "chart.toolbar.snapshot": {"en": "Taking a picture of the chart, this may take a few seconds", "sv": "Tar en bild av diagrammet, det kan ta några sekunder"},
    "chart.toolbar.snapshot_done": {"en": "Picture taken", "sv": "Bilden är klar"},
    "chart.since_contact": {
        "en": "{duration} from the last contact to the end of the data",
        "sv": "{duration} från senaste kontakten till slutet av datan",
    },
    "chart.contact": {"en": "the candidate heard from us", "sv": "kandidaten hörde av oss"},
    "chart.other_event": {"en": "internal event", "sv": "intern händelse"},
    "chart.event.application_received": {"en": "Application received", "sv": "Ansökan mottagen"},
    "chart.event.acknowledgement_sent": {"en": "Acknowledgement sent", "sv": "Bekräftelse skickad"},
    "chart.event.status_update_sent": {"en": "Status update sent", "sv": "Lägesbesked skickat"},
    "chart.event.interview_scheduled": {"en": "Interview scheduled", "sv": "Intervju bokad"},
    "chart.event.interview_held": {"en": "Interview held", "sv": "Intervju genomförd"},
    "chart.event.rejected": {"en": "Rejected (decision)", "sv": "Avslag (beslut)"},
    "chart.event.rejection_sent": {"en": "Rejection sent", "sv": "Avslag skickat"},
    "chart.event.feedback_given": {"en": "Feedback given", "sv": "Återkoppling given"},
    "chart.event.offer_made": {"en": "Offer made", "sv": "Erbjudande lämnat"},
    "chart.event.hired": {"en": "Hired", "sv": "Anställd"},
    "chart.event.withdrawn": {"en": "Withdrawn", "sv": "Återtagen"},
    "chart.event.survey_sent": {"en": "Survey sent", "sv": "Enkät skickad"},
    "chart.channel.email": {"en": "by e-mail", "sv": "via e-post"},
    "chart.channel.sms": {"en": "by text message", "sv": "via sms"},
    "chart.channel.phone": {"en": "by phone", "sv": "per telefon"},
    "chart.channel.video": {"en": "by video", "sv": "via video"},
    "chart.channel.in_person": {"en": "in person", "sv": "på plats"},
    "chart.channel.portal": {"en": "in the portal", "sv": "i portalen"},
    "chart.channel.other": {"en": "other channel", "sv": "annan kanal"},
    # -- candidate voice ---
    "voice.title": {"en": "Candidate voice", "sv": "Kandidatens röst"},
    "voice.intro": {
        "en": "What candidates say about how they were treated: survey response rate, candidate NPS, ratings and the tone of their comments, per process, stage reached and outcome.",
        "sv": "Vad kandidaterna säger om hur de blev bemötta: svarsfrekvens, kandidat-NPS, betyg och tonen i deras kommentarer, per process, uppnått steg och utfall.",
    },
    "voice.no_answers": {
        "en": "No survey answers for this selection yet. Import survey answers on the Data page.",
        "sv": "Inga enkätsvar för det här urvalet ännu. Importera enkätsvar på sidan Data.",
    },
    "voice.anonymity": {
        "en": "Anonymity: results of a group with fewer than {minimum} answers are not shown on their own (setting “Minimum survey answers per group”).",
        "sv": "Anonymitet: resultat för en grupp med färre än {minimum} svar visas inte separat (inställningen ”Minsta antal enkätsvar per grupp”).",
    },
    "voice.help.response_rate": {
        "en": "{answered} of {sent} applications sent a survey answered it.",
        "sv": "{answered} av {sent} ansökningar som fick en enkät besvarade den.",
    },
    "voice.help.n": {"en": "Based on {n} answers.", "sv": "Bygger på {n} svar."},
    "voice.help.answers": {
        "en": "Survey answers from candidates whose applications fall in the window and filters.",
        "sv": "Enkätsvar från kandidater vars ansökningar ligger inom perioden och filtren.",
    },
    "voice.period": {
        "en": "Answers from candidates who applied {start} – {end}; the changes compare with those who applied {previous_start} – {previous_end}.",
        "sv": "Svar från kandidater som sökte {start} – {end}; förändringarna jämför med dem som sökte {previous_start} – {previous_end}.",
    },
    "voice.period_open": {
        "en": "Answers from candidates who applied {start} – {end}. Choose a closed date range to see the change against the period before.",
        "sv": "Svar från kandidater som sökte {start} – {end}. Välj ett avgränsat datumintervall för att se förändringen mot perioden före.",
    },
    "voice.vs_previous": {"en": "vs the period before", "sv": "mot perioden före"},
    "voice.unlinked": {
        "en": "Your data holds {total} survey answers; {unlinked} of them belong to no imported application, so no window or filter counts them.",
        "sv": "Era data innehåller {total} enkätsvar; {unlinked} av dem hör inte till någon importerad ansökan, så ingen period eller filter räknar dem.",
    },
    "voice.help.comments": {"en": "Based on {n} comments.", "sv": "Bygger på {n} kommentarer."},
    "voice.groups_heading": {"en": "Verdict per group", "sv": "Omdöme per grupp"},
    "voice.group_by": {"en": "Group by", "sv": "Gruppera efter"},
    "voice.by.process": {"en": "Process", "sv": "Process"},
    "voice.by.stage": {"en": "Stage reached", "sv": "Uppnått steg"},
    "voice.by.outcome": {"en": "Outcome", "sv": "Utfall"},
    "voice.outcome.hired": {"en": "Offered or hired", "sv": "Erbjuden eller anställd"},
    "voice.outcome.rejected_after_interview": {"en": "Rejected after interview", "sv": "Avslag efter intervju"},
    "voice.outcome.rejected_before_interview": {"en": "Rejected before interview", "sv": "Avslag före intervju"},
    "voice.outcome.withdrawn": {"en": "Withdrawn", "sv": "Återtagen"},
    "voice.outcome.open": {"en": "Still open", "sv": "Fortfarande öppen"},
    "voice.no_stage": {"en": "(no stage)", "sv": "(inget steg)"},
    "voice.col.survey_sent": {"en": "Surveys sent", "sv": "Enkäter skickade"},
    "voice.col.response_rate": {"en": "Response rate", "sv": "Svarsfrekvens"},
    "voice.col.answers": {"en": "Answers", "sv": "Svar"},
    "voice.col.cnps": {"en": "Candidate NPS", "sv": "Kandidat-NPS"},
    "voice.col.interval": {"en": "95% interval", "sv": "95 %-intervall"},
    "voice.col.comments": {"en": "Comments", "sv": "Kommentarer"},
    "voice.col.sentiment": {"en": "Comment sentiment", "sv": "Kommentarernas ton"},
    "voice.col.note": {"en": "Note", "sv": "Anmärkning"},
    "voice.col.condition": {"en": "Condition", "sv": "Villkor"},
    "voice.col.measure": {"en": "Measure", "sv": "Mått"},
    "voice.col.n_with": {"en": "n yes", "sv": "n ja"},
    "voice.col.n_without": {"en": "n no", "sv": "n nej"},
    "voice.col.score_with": {"en": "Yes", "sv": "Ja"},
    "voice.col.score_without": {"en": "No", "sv": "Nej"},
    "voice.col.difference": {"en": "Difference (yes − no)", "sv": "Skillnad (ja − nej)"},
    "voice.too_few_answers": {"en": "hidden: < {minimum} answers", "sv": "dolt: < {minimum} svar"},
    "voice.series.cnps": {"en": "Candidate NPS", "sv": "Kandidat-NPS"},
    "voice.series.sentiment": {"en": "Comment sentiment", "sv": "Kommentarernas ton"},
    "voice.trend_heading": {"en": "Month by month", "sv": "Månad för månad"},
    "voice.distribution_heading": {"en": "How candidates score (0–10)", "sv": "Hur kandidaterna svarar (0–10)"},
    "voice.ratings_heading": {"en": "Ratings (1–5)", "sv": "Betyg (1–5)"},
    "voice.themes_heading": {"en": "What the comments are about", "sv": "Vad kommentarerna handlar om"},
    "voice.rating.communication": {"en": "Communication", "sv": "Kommunikation"},
    "voice.rating.respect": {"en": "Respect", "sv": "Respekt"},
    "voice.rating.speed": {"en": "Speed", "sv": "Tempo"},
    "voice.theme.communication": {"en": "Communication", "sv": "Kommunikation"},
    "voice.theme.speed": {"en": "Speed", "sv": "Tempo"},
    "voice.theme.respect": {"en": "Respect and tone", "sv": "Respekt och bemötande"},
    "voice.theme.interview": {"en": "Interview", "sv": "Intervju"},
    "voice.theme.job_info": {"en": "Information about the job", "sv": "Information om tjänsten"},
    "voice.theme.offer": {"en": "Offer and terms", "sv": "Erbjudande och villkor"},
    "voice.label.positive": {"en": "Positive", "sv": "Positiv"},
    "voice.label.neutral": {"en": "Neutral", "sv": "Neutral"},
    "voice.label.negative": {"en": "Negative", "sv": "Negativ"},
    "voice.axis.cnps": {"en": "Candidate NPS (−100 to +100), 95% interval", "sv": "Kandidat-NPS (−100 till +100), 95 %-intervall"},
    "voice.axis.net_score": {"en": "Score (−100 to +100)", "sv": "Poäng (−100 till +100)"},
    "voice.axis.month": {"en": "Month the answer was given", "sv": "Månad då svaret lämnades"},
    "voice.axis.nps_score": {"en": "NPS answer (0–10)", "sv": "NPS-svar (0–10)"},
    "voice.axis.answers": {"en": "Answers", "sv": "Svar"},
    "voice.axis.rating": {"en": "Mean rating (1–5)", "sv": "Medelbetyg (1–5)"},
    "voice.axis.comments": {"en": "Comments", "sv": "Kommentarer"},
    "voice.axis.cnps_difference": {"en": "Candidate NPS", "sv": "Kandidat-NPS"},
    "voice.axis.sentiment_difference": {"en": "Comment sentiment", "sv": "Kommentarernas ton"},
    "voice.axis.points": {"en": "Difference yes − no (points)", "sv": "Skillnad ja − nej (poäng)"},
    "voice.chart.nothing_shown": {
        "en": "Nothing to show: too few answers in this selection.",
        "sv": "Inget att visa: för få svar i urvalet.",
    },
    "voice.chart.too_few": {"en": "too few answers", "sv": "för få svar"},
    "voice.drivers_heading": {"en": "What goes with the verdict", "sv": "Vad som hänger ihop med omdömet"},
    "voice.drivers_intro": {
        "en": "Answers from candidates for whom something went right against those for whom it did not: the difference in candidate NPS and comment sentiment (yes − no, in points) with its 95% interval and the number of answers on each side. An association, not proof of cause.",
        "sv": "Svar från kandidater där något gick rätt mot dem där det inte gjorde det: skillnaden i kandidat-NPS och kommentarernas ton (ja − nej, i poäng) med 95 %-intervall och antalet svar på varje sida. Ett samband, inte ett bevis för orsak.",
    },
    "voice.driver.informed": {"en": "Told the outcome", "sv": "Fick besked om utfallet"},
    "voice.driver.ack_within_sla": {"en": "Acknowledged within the SLA", "sv": "Bekräftad inom SLA"},
    "voice.driver.personal_feedback": {"en": "Personal feedback after interview", "sv": "Personlig återkoppling efter intervju"},
    "voice.driver.long_silence": {"en": "Silent longer than the limit", "sv": "Tystnad längre än gränsen"},
    "voice.driver_n": {"en": "n {n_with} yes / {n_without} no", "sv": "n {n_with} ja / {n_without} nej"},
    "voice.comments_heading": {"en": "In their own words", "sv": "Med egna ord"},
    "voice.sentiment": {"en": "Sentiment", "sv": "Ton"},
    "voice.theme": {"en": "Theme", "sv": "Tema"},
    "voice.language": {"en": "Language", "sv": "Språk"},
    "voice.language.sv": {"en": "Swedish", "sv": "Svenska"},
    "voice.language.en": {"en": "English", "sv": "Engelska"},
    "voice.language.other": {"en": "Other", "sv": "Annat"},
    "voice.comments_shown": {
        "en": "Newest matching comments: {shown} (at most 200), the words behind their tone in bold: green for praise, red for criticism. Personal data is masked; comments from processes with fewer than {minimum} answers are not listed.",
        "sv": "Senaste matchande kommentarer: {shown} (högst 200), med orden bakom tonen i fetstil: grönt för beröm, rött för kritik. Personuppgifter är maskerade; kommentarer från processer med färre än {minimum} svar listas inte.",
    },
    "voice.no_comments": {"en": "No comments match.", "sv": "Inga kommentarer matchar."},
    "voice.calibration_heading": {"en": "Learn from your own comments", "sv": "Lär av era egna kommentarer"},
    "voice.calibration_intro": {
        "en": "Teaches the reading of tone your own candidates' words: comments with NPS 9–10 count as positive and 0–6 as negative, and the result is tested on comments kept aside for the test. The tone shown changes only if it reads them better than the built-in word lists.",
        "sv": "Lär tolkningen av tonen era egna kandidaters ord: kommentarer med NPS 9–10 räknas som positiva och 0–6 som negativa, och resultatet prövas på kommentarer som sparats undan för provet. Tonen som visas ändras bara om den tolkar dem bättre än de inbyggda ordlistorna.",
    },
    "voice.calibrate": {
        "en": "Learn from your comments",
        "sv": "Lär av era kommentarer",
    },
    "voice.calibration_won": {
        "en": "Learned {when} from {n} comments: {calibrated} read right on {held_out} comments kept aside, against {default} with the built-in word lists. The tone is now read this way; {relabelled} comments changed tone.",
        "sv": "Inlärt {when} av {n} kommentarer: {calibrated} rätt tolkade på {held_out} undansparade kommentarer, mot {default} med de inbyggda ordlistorna. Tonen tolkas nu så; {relabelled} kommentarer bytte ton.",
    },
    "voice.calibration_lost": {
        "en": "Learned {when} from {n} comments: {calibrated} read right on {held_out} comments kept aside, against {default} with the built-in word lists. The built-in word lists are kept; {relabelled} comments changed tone.",
        "sv": "Inlärt {when} av {n} kommentarer: {calibrated} rätt tolkade på {held_out} undansparade kommentarer, mot {default} med de inbyggda ordlistorna. De inbyggda ordlistorna behålls; {relabelled} kommentarer bytte ton.",
    },
    "voice.calibration_untrained": {
        "en": "Nothing was learned: it needs at least 30 comments with NPS 0–6 or 9–10, of both kinds ({n} so far).",
        "sv": "Ingenting lärdes in: det behövs minst 30 kommentarer med NPS 0–6 eller 9–10, av båda slagen ({n} hittills).",
    },
    "voice.labels_by": {"en": "Tone read by {scorer}.", "sv": "Tonen tolkas av {scorer}."},
    "voice.scorer.builtin": {"en": "the built-in word lists (Swedish and English)", "sv": "de inbyggda ordlistorna (svenska och engelska)"},
    "voice.scorer.calibrated": {"en": "the word lists, tuned to your comments", "sv": "ordlistorna, anpassade efter era kommentarer"},
    # -- import review fixes ---
    "problem.out_of_range": {
        "en": "{value!r} lies outside the accepted dates ({detail}, UTC); a date before 1990 or more than a year ahead is a typo or a placeholder such as 1970-01-01 or 9999-12-31. Write the real date and time, or leave the row out",
        "sv": "{value!r} ligger utanför de godtagna datumen ({detail}, UTC); ett datum före 1990 eller mer än ett år framåt är ett skrivfel eller en platshållare som 1970-01-01 eller 9999-12-31. Skriv det verkliga datumet och klockslaget, eller ta bort raden",
    },
    "problem.whole_row": {
        "en": "(whole row)",
        "sv": "(hela raden)",
    },
    "problem.field_count": {
        "en": "expected {expected} fields, found {found}",
        "sv": "väntade {expected} fält, fann {found}",
    },
    "import.personal_column": {
        "en": "{file}: the column(s) {column} hold names or other personal data, which are never imported, so the chosen format or mapping cannot read them. Map another column; an e-mail column can only be candidate_email.",
        "sv": "{file}: kolumnen/kolumnerna {column} innehåller namn eller andra personuppgifter, som aldrig importeras, så det valda formatet eller kopplingen kan inte läsa dem. Koppla en annan kolumn; en e-postkolumn kan bara vara candidate_email.",
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
    "import.mixed_line_ends": {
        "en": "{file} could not be split into rows: line {line} ends with another line break than the lines before it (Windows and Unix line ends mixed, as when two exports are put together). Open the file in a spreadsheet program or text editor and save it again as CSV.",
        "sv": "{file} kunde inte delas upp i rader: rad {line} slutar med en annan radbrytning än raderna före den (Windows- och Unix-radslut blandade, som när två exporter har satts ihop). Öppna filen i ett kalkylprogram eller en textredigerare och spara den igen som CSV.",
    },
    "import.unknown_kind": {
        "en": "{file}: cannot tell whether this is an events file or a survey file. Events need event_type and occurred_at; survey answers need submitted_at. Columns found: {found}.",
        "sv": "{file}: kan inte avgöra om detta är en händelsefil eller en enkätfil. Händelser behöver event_type och occurred_at; enkätsvar behöver submitted_at. Kolumner som hittades: {found}.",
    },
    "import.missing_columns": {
        "en": "{file}: required column(s) missing: {missing}. Columns found: {found}. Expected: {expected}. Rename the columns in the export (letter case and spaces do not matter).",
        "sv": "{file}: obligatoriska kolumner saknas: {missing}. Kolumner som hittades: {found}. Förväntade: {expected}. Byt namn på kolumnerna i exporten (versaler och mellanslag spelar ingen roll).",
    },
    "import.no_such_file": {"en": "{file}: no such file", "sv": "{file}: filen finns inte"},
    # -- hardened reading: no special files, bounded workbooks, encodings per row, NUL bytes ----------
    "import.not_a_file": {
        "en": "{file} is not a regular file (it is a device, a pipe or a folder), so it is not read: it could have no end. Import an exported file.",
        "sv": "{file} är ingen vanlig fil (utan en enhet, en pipe eller en mapp), så den läses inte: den kan sakna slut. Importera en exporterad fil.",
    },
    "import.too_large": {
        "en": "{file} is {size}, more than the import limit of {limit}. Split the export by date range, or raise RADAR_MAX_IMPORT_MB if this machine can take it.",
        "sv": "{file} är {size}, mer än importgränsen {limit}. Dela exporten per datumintervall, eller höj RADAR_MAX_IMPORT_MB om datorn klarar det.",
    },
    "import.workbook_too_many_rows": {
        "en": "{file} is a workbook with {found} rows or more; a workbook may have at most {limit}. Nothing was stored. Save the sheet as CSV UTF-8 (Excel: File > Save As > CSV UTF-8) and import that: CSV files have no such limit.",
        "sv": "{file} är en arbetsbok med {found} rader eller fler; en arbetsbok får ha högst {limit}. Inget sparades. Spara bladet som CSV UTF-8 (Excel: Arkiv > Spara som > CSV UTF-8) och importera den: CSV-filer har ingen sådan gräns.",
    },
    "import.workbook_too_many_cells": {
        "en": "{file} is a workbook with {found} cells or more; a workbook may have at most {limit}. Nothing was stored. Save the sheet as CSV UTF-8 (Excel: File > Save As > CSV UTF-8) and import that: CSV files have no such limit.",
        "sv": "{file} är en arbetsbok med {found} celler eller fler; en arbetsbok får ha högst {limit}. Inget sparades. Spara bladet som CSV UTF-8 (Excel: Arkiv > Spara som > CSV UTF-8) och importera den: CSV-filer har ingen sådan gräns.",
    },
    "import.workbook_too_many_size": {
        "en": "{file} unpacks to {found} bytes, more than the {limit} a workbook may hold. Nothing was stored. Save the sheet as CSV UTF-8 and import that.",
        "sv": "{file} packas upp till {found} byte, mer än de {limit} en arbetsbok får rymma. Inget sparades. Spara bladet som CSV UTF-8 och importera den.",
    },
    "import.warning.mixed_encoding.one": {
        "en": "{file}: 1 row ({rows}) is in {other}, the rest of the file in {main}. Each row was read in its own encoding, so å, ä and ö are right in both; check that row, and save the whole file as CSV UTF-8 next time.",
        "sv": "{file}: 1 rad ({rows}) är i {other}, resten av filen i {main}. Varje rad lästes i sin egen teckenkodning, så å, ä och ö blir rätt i båda; kontrollera den raden, och spara hela filen som CSV UTF-8 nästa gång.",
    },
    "import.warning.mixed_encoding.other": {
        "en": "{file}: {count} rows ({rows}) are in {other}, the rest of the file in {main}. Each row was read in its own encoding, so å, ä and ö are right in both; check those rows, and save the whole file as CSV UTF-8 next time.",
        "sv": "{file}: {count} rader ({rows}) är i {other}, resten av filen i {main}. Varje rad lästes i sin egen teckenkodning, så å, ä och ö blir rätt i båda; kontrollera de raderna, och spara hela filen som CSV UTF-8 nästa gång.",
    },
    "problem.nul_byte": {
        "en": "holds a NUL byte (an invisible character 0), which would make two values that look alike; remove it, or export the file again",
        "sv": "innehåller en NUL-byte (ett osynligt tecken 0), som skulle göra två värden som ser likadana ut; ta bort den, eller exportera filen igen",
    },
    "problem.bad_encoding": {
        "en": "holds bytes that are neither UTF-8 nor Windows-1252 beside UTF-8 text, so it cannot be read without garbling it; save the file as CSV UTF-8 (Excel: File > Save As > CSV UTF-8) and import it again",
        "sv": "innehåller byte som varken är UTF-8 eller Windows-1252 bredvid UTF-8-text, så den kan inte läsas utan att förvanskas; spara filen som CSV UTF-8 (Excel: Arkiv > Spara som > CSV UTF-8) och importera den igen",
    },
    "problem.bad_utf16": {
        "en": "holds bytes that are not valid UTF-16 (a character lost in an earlier conversion), so it cannot be read without garbling it; export the file again, or save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8), and import it again",
        "sv": "innehåller byte som inte är giltig UTF-16 (ett tecken som gått förlorat vid en tidigare konvertering), så den kan inte läsas utan att förvanskas; exportera filen igen, eller spara den som CSV UTF-8 (Excel: Arkiv > Spara som > CSV UTF-8), och importera den igen",
    },
    "import.unknown_format": {
        "en": "{file}: there is no import format called {format!r}. Known formats: auto, canonical, {known}.",
        "sv": "{file}: det finns inget importformat som heter {format!r}. Kända format: auto, canonical, {known}.",
    },
    "import.duplicate_columns": {
        "en": "{file}: the column {column} appears more than once (letter case and spaces ignored). Remove or rename one of them.",
        "sv": "{file}: kolumnen {column} finns mer än en gång (versaler och mellanslag ignoreras). Ta bort eller byt namn på en av dem.",
    },
    "import.rows_rejected.one": {
        "en": "{file}: 1 row problem; nothing was stored. Fix the row listed below, or choose lenient mode to store the good rows.",
        "sv": "{file}: 1 radfel; ingenting sparades. Rätta raden nedan, eller välj tolerant läge för att spara de korrekta raderna.",
    },
    "import.rows_rejected.other": {
        "en": "{file}: {count} row problems; nothing was stored. Fix the rows listed below, or choose lenient mode to store the good rows.",
        "sv": "{file}: {count} radfel; ingenting sparades. Rätta raderna nedan, eller välj tolerant läge för att spara de korrekta raderna.",
    },
    # -- message traces (analytics/ingest/message_traces.py, docs/message-traces.md) -------------
    "import.trace_date_order": {
        "en": "{file}: every date in this message trace reads both as day/month and as month/day (all days are 1–12), so the exporting computer's date order cannot be told from the file. Choose the date order on the Data page, or pass --date-order dmy (02/03/2026 = 2 March) or --date-order mdy (3/2/2026 = March 2).",
        "sv": "{file}: varje datum i meddelandespårningen kan läsas både som dag/månad och som månad/dag (alla dagar är 1–12), så den exporterande datorns datumordning går inte att avgöra från filen. Välj datumordning på sidan Data, eller ange --date-order dmy (02/03/2026 = 2 mars) eller --date-order mdy (3/2/2026 = 2 mars i amerikansk ordning).",
    },
    "problem.bad_trace_time": {
        "en": "cannot read {value!r} as the message's time; Exchange writes it as 2026-03-02 09:15:03, 3/2/2026 9:15:03 AM or 02/03/2026 09:15:03 (UTC), Google as 2026/03/02 09:15:03 CET",
        "sv": "kan inte läsa {value!r} som meddelandets tid; Exchange skriver den som 2026-03-02 09:15:03, 3/2/2026 9:15:03 AM eller 02/03/2026 09:15:03 (UTC), Google som 2026/03/02 09:15:03 CET",
    },
    "trace.summary": {
        "en": "{file} ({format}): {read} messages read, {kept} kept as e-mail contacts ({stored} new events).",
        "sv": "{file} ({format}): {read} meddelanden lästa, {kept} behållna som e-postkontakter ({stored} nya händelser).",
    },
    "trace.left_out": {"en": "Left out: {reasons}.", "sv": "Utelämnade: {reasons}."},
    "trace.reason.not_delivered": {"en": "not delivered", "sv": "inte levererade"},
    "trace.reason.from_candidate": {"en": "from a candidate", "sv": "från en kandidat"},
    "trace.reason.not_to_candidate": {"en": "not to a candidate", "sv": "inte till en kandidat"},
    "trace.reason.duplicate": {"en": "duplicate", "sv": "dubbletter"},
    "trace.reason.no_open_application": {"en": "no open application", "sv": "ingen öppen ansökan"},
    "trace.matched": {
        "en": "{candidates} candidates and {applications} applications matched.",
        "sv": "{candidates} kandidater och {applications} ansökningar matchade.",
    },
    "trace.ambiguous": {
        "en": "{count} messages reached a candidate with several open applications and a subject naming none of them; each was counted on the most recently started one.",
        "sv": "{count} meddelanden gick till en kandidat med flera öppna ansökningar och en ämnesrad som inte nämnde någon av dem; vart och ett räknades på den senast startade.",
    },
    "trace.type.acknowledgement_sent": {"en": "acknowledgements", "sv": "bekräftelser"},
    "trace.type.status_update_sent": {"en": "status updates", "sv": "statusbesked"},
    "trace.type.interview_scheduled": {"en": "interview invitations", "sv": "intervjukallelser"},
    "trace.type.offer_made": {"en": "offers", "sv": "erbjudanden"},
    "trace.type.rejection_sent": {"en": "rejection notices", "sv": "avslagsbesked"},
    "trace.period": {
        "en": "Period covered: {start} – {end}. For applications of candidates with a known address in this period, acknowledgement, updates, notice, silence and ghosting can now be measured; personal feedback (phone, video, in person) still comes from the sources that record it.",
        "sv": "Period som täcks: {start} – {end}. För ansökningar från kandidater med känd adress under perioden kan nu bekräftelse, uppdateringar, besked, tystnad och ghosting mätas; personlig återkoppling (telefon, video, på plats) kommer fortfarande från de källor som registrerar den.",
    },
    "trace.event_types": {"en": "Contacts by type: {types}.", "sv": "Kontakter per typ: {types}."},
    "trace.no_candidates": {
        "en": "No message went to a known candidate address. Import the ATS export with the candidates' e-mail addresses first (they are kept only as keyed hashes), then the trace.",
        "sv": "Inget meddelande gick till en känd kandidatadress. Importera först ATS-exporten med kandidaternas e-postadresser (de sparas bara som nycklade hashvärden), sedan spårningen.",
    },
    "data.date_order": {"en": "Dates in a message trace", "sv": "Datum i en meddelandespårning"},
    "data.date_order.auto": {"en": "Tell from the file", "sv": "Avgör från filen"},
    "data.date_order.dmy": {"en": "Day first (02/03/2026 = 2 March)", "sv": "Dagen först (02/03/2026 = 2 mars)"},
    "data.date_order.mdy": {"en": "Month first (3/2/2026 = March 2)", "sv": "Månaden först (3/2/2026 = 2 mars)"},
    "patterns.heading": {"en": "Subject patterns for message traces", "sv": "Ämnesmönster för meddelandespårning"},
    "patterns.intro": {
        "en": "A traced e-mail's type comes from its subject: the longest pattern the subject contains decides (letter case ignored); a subject with none is a status update, and the first e-mail after a rejection decision is the notice. Add the subjects of your own templates; built-in patterns stay.",
        "sv": "Ett spårat e-postmeddelandes typ avgörs av ämnesraden: det längsta mönster som ämnesraden innehåller avgör (versaler ignoreras); en ämnesrad utan mönster är ett statusbesked, och det första meddelandet efter ett avslagsbeslut är beskedet. Lägg till ämnesraderna i era egna mallar; inbyggda mönster finns kvar.",
    },
    "patterns.pattern": {"en": "Pattern (part of the subject)", "sv": "Mönster (del av ämnesraden)"},
    "patterns.event_type": {"en": "Gives", "sv": "Ger"},
    "patterns.language": {"en": "Language", "sv": "Språk"},
    "patterns.builtin": {"en": "Built in", "sv": "Inbyggt"},
    "patterns.yes": {"en": "yes", "sv": "ja"},
    "patterns.add": {"en": "Add pattern", "sv": "Lägg till mönster"},
    "patterns.added": {"en": "Added the pattern “{pattern}”.", "sv": "Mönstret ”{pattern}” har lagts till."},
    "patterns.remove_pick": {"en": "Own pattern to remove", "sv": "Eget mönster att ta bort"},
    "patterns.remove": {"en": "Remove pattern", "sv": "Ta bort mönster"},
    "trace.help_heading": {
        "en": "Message traces: e-mail contacts from Exchange Online or Google Workspace",
        "sv": "Meddelandespårning: e-postkontakter från Exchange Online eller Google Workspace",
    },
    "trace.help_intro": {
        "en": "If your applicant tracking system does not record the e-mails you send, your mail system does. Import the ATS export with the candidates' e-mail addresses first, then a message trace of the same period: Radar keeps only delivered messages from you to a known candidate, as contacts, and stores no address or subject. Exports it reads:",
        "sv": "Om ert rekryteringssystem inte registrerar de e-postmeddelanden ni skickar gör ert e-postsystem det. Importera först ATS-exporten med kandidaternas e-postadresser, sedan en meddelandespårning för samma period: Radar behåller bara levererade meddelanden från er till en känd kandidat, som kontakter, och sparar ingen adress eller ämnesrad. Exporter som läses:",
    },
    "trace.help_powershell": {
        "en": "**Exchange Online, PowerShell** (last 10 days per query with Get-MessageTrace, 90 days with Get-MessageTraceV2): `Connect-ExchangeOnline`, then `Get-MessageTrace -StartDate 2026-03-01 -EndDate 2026-03-10 -PageSize 5000 | Export-Csv -Path trace.csv -NoTypeInformation -Encoding UTF8`. Dates in the file follow the computer's regional format; Radar tells the order from the file or asks.",
        "sv": "**Exchange Online, PowerShell** (senaste 10 dagarna per fråga med Get-MessageTrace, 90 dagar med Get-MessageTraceV2): `Connect-ExchangeOnline`, sedan `Get-MessageTrace -StartDate 2026-03-01 -EndDate 2026-03-10 -PageSize 5000 | Export-Csv -Path trace.csv -NoTypeInformation -Encoding UTF8`. Datumen i filen följer datorns regionala format; Radar avgör ordningen från filen eller frågar.",
    },
    "trace.help_admin_center": {
        "en": "**Exchange admin center**: admin.exchange.microsoft.com > Mail flow > Message trace > Start a trace; choose the period (up to 90 days) and the report type *Enhanced summary*, then download the finished report from *Downloadable reports*.",
        "sv": "**Exchange administrationscenter**: admin.exchange.microsoft.com > E-postflöde > Meddelandespårning > Starta en spårning; välj period (upp till 90 dagar) och rapporttypen *Utökad sammanfattning*, och ladda sedan ned den färdiga rapporten under *Nedladdningsbara rapporter*.",
    },
    "trace.help_google": {
        "en": "**Google Workspace**: Google Admin console > Reporting > Email log search; search the period with your recruiting address as sender, then Export (CSV, up to 1,000 messages per export: split longer periods).",
        "sv": "**Google Workspace**: Googles administratörskonsol > Rapporter > Sökning i e-postloggen; sök perioden med er rekryteringsadress som avsändare och välj Exportera (CSV, högst 1 000 meddelanden per export: dela upp längre perioder).",
    },
    "trace.help_other": {
        "en": "**Another mail system**: rename the log's columns to sent_at, sender, recipient, subject, message_id, status (delivered, sent, levererad or skickad count as delivered); times as in the events file.",
        "sv": "**Ett annat e-postsystem**: byt namn på loggens kolumner till sent_at, sender, recipient, subject, message_id, status (delivered, sent, levererad eller skickad räknas som levererade); tider som i händelsefilen.",
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
    # -- where every row of an import went (issue 11) ----------------------------------------
    "import.summary": {
        "en": "{file}: read as {format}: {read} rows read, {stored} stored, {duplicate} already stored, {rejected} rejected, {left_out} left out.",
        "sv": "{file}: lästes som {format}: {read} rader lästa, {stored} sparade, {duplicate} fanns redan, {rejected} avvisade, {left_out} utelämnade.",
    },
    "import.left_out_line": {"en": "{count} left out: {reason}", "sv": "{count} utelämnade: {reason}"},
    "import.partly_line": {"en": "{count} stored without a part: {reason}", "sv": "{count} sparade utan en del: {reason}"},
    "import.records": {"en": "This file records: {kinds}.", "sv": "Filen innehåller: {kinds}."},
    "import.records_nothing": {"en": "This file records no events or answers.", "sv": "Filen innehåller inga händelser eller svar."},
    "import.cannot_measure": {
        "en": "Not measurable from this file alone: {metrics}.",
        "sv": "Går inte att mäta med enbart den här filen: {metrics}.",
    },
    "left_out.prospect": {
        "en": "prospects who never applied (prospect = true, or converted to an application)",
        "sv": "prospekt som aldrig sökte (prospect = true, eller omvandlade till en ansökan)",
    },
    "left_out.deleted": {
        "en": "deleted in the source system (a warehouse copy keeps them, marked deleted)",
        "sv": "raderade i källsystemet (en lagerkopia behåller dem, markerade som raderade)",
    },
    "left_out.lead": {"en": "leads who never applied", "sv": "leads som aldrig sökte"},
    "left_out.sourced": {
        "en": "sourced candidates: added by a recruiter, they never applied",
        "sv": "sourcade kandidater: tillagda av en rekryterare, de sökte aldrig",
    },
    "left_out.internal_activity": {
        "en": "internal items (notes, stage moves, other activities): no contact with the candidate",
        "sv": "interna poster (anteckningar, stegbyten, andra aktiviteter): ingen kontakt med kandidaten",
    },
    "left_out.undone_later": {
        "en": "rejections or hires undone later (unrejected, unhired)",
        "sv": "avslag eller anställningar som ångrades senare",
    },
    "left_out.stage_move": {
        "en": "later stage moves: only the first move into an applicant stage is an event",
        "sv": "senare stegbyten: bara det första steget som sökande är en händelse",
    },
    "left_out.other_survey_type": {
        "en": "other survey types (diversity, EEOC, consent): never read",
        "sv": "andra enkättyper (mångfald, EEOC, samtycke): läses aldrig",
    },
    "left_out.canceled_transaction": {
        "en": "rescinded or canceled business processes",
        "sv": "återkallade eller avbrutna affärsprocesser",
    },
    "left_out.skipped_value": {"en": "statuses the mapping skips", "sv": "statusar som kopplingen hoppar över"},
    "left_out.no_event_date": {
        "en": "no date for any event the row could give",
        "sv": "inget datum för någon händelse raden kunde ge",
    },
    "partly.archive_reason_unknown": {
        "en": "archived, reason unknown: the outcome is not stored (import Lever's archive reasons, then this export again)",
        "sv": "arkiverade, okänd orsak: utfallet sparas inte (importera Levers arkiveringsorsaker och sedan den här exporten igen)",
    },
    "evidence.applications": {"en": "applications", "sv": "ansökningar"},
    "evidence.decisions": {"en": "decisions", "sv": "beslut"},
    "evidence.interviews": {"en": "interviews", "sv": "intervjuer"},
    "evidence.messages": {"en": "messages sent", "sv": "skickade meddelanden"},
    "evidence.personal_feedback": {"en": "personal feedback", "sv": "personlig återkoppling"},
    "evidence.surveys_sent": {"en": "surveys sent", "sv": "skickade enkäter"},
    "evidence.survey_answers": {"en": "survey answers", "sv": "enkätsvar"},
    "data.records_heading": {
        "en": "What canonical files record (complete unless you say otherwise)",
        "sv": "Vad kanoniska filer innehåller (fullständiga om du inte säger annat)",
    },
    "data.records_messages": {
        "en": "Every message sent to candidates (acknowledgements, status updates, rejection notices)",
        "sv": "Varje meddelande till kandidaterna (bekräftelser, statusbesked, avslagsbesked)",
    },
    "data.records_feedback": {
        "en": "Every personal feedback (phone, video, in person)",
        "sv": "All personlig återkoppling (telefon, video, på plats)",
    },
    "mapping.records_heading": {"en": "What this export records", "sv": "Vad exporten innehåller"},
    "mapping.records_messages": {
        "en": "Does this export record every message you send to candidates (acknowledgements, status updates, rejection notices)?",
        "sv": "Innehåller exporten varje meddelande ni skickar till kandidaterna (bekräftelser, statusbesked, avslagsbesked)?",
    },
    "mapping.records_feedback": {
        "en": "Does it record every personal feedback (phone, video, in person)?",
        "sv": "Innehåller den all personlig återkoppling (telefon, video, på plats)?",
    },
    "mapping.records_help": {
        "en": "Answer yes only if you know it does: a few messages in a file do not show that all of them are there. With no, the metrics that need them say \"not in your data\" instead of 0%.",
        "sv": "Svara ja bara om du vet det: några meddelanden i en fil visar inte att alla finns där. Med nej står det \"finns inte i era data\" i stället för 0 % för mått som behöver dem.",
    },
    "answer.yes": {"en": "yes", "sv": "ja"},
    "answer.no": {"en": "no", "sv": "nej"},
    "col.rows_left_out": {"en": "Left out", "sv": "Utelämnade"},
}


def tn(key: str, count: int, lang: str = "en", **values: object) -> str:
    """The message `key` in the form that fits `count`: `key.one` for exactly one, else `key.other`
    (English and Swedish share this rule), with `count` among the values."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", lang, count=count, **values)


def t(key: str, lang: str = "en", **values: object) -> str:
    """The message `key` in `lang`, formatted with `values`; numbers among them are written with the
    language's separators ("1,830" / "1 830"). Pass an identifier that is a number as text."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return _LocalFormatter(lang).vformat(text, (), values) if values else text


class _LocalFormatter(Formatter):
    """str.format, but a plain number field ("{count}", no conversion, no format spec) is written
    with the language's separators; "{value!r}" and "{x:.1f}" keep their meaning."""

    def __init__(self, lang: str) -> None:
        self.locale = LOCALES.get(lang, LOCALES["en"])

    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec and isinstance(value, Real) and not isinstance(value, bool) and value == value:
            return format_decimal(value, locale=self.locale)
        return super().format_field(value, format_spec)
