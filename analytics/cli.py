"""`python -m analytics ...`: the same engine as the dashboard, for scheduled reports and checks.

A failed command exits non-zero with a message that names the file, row and column.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from analytics.access import LOCAL_ADMINISTRATOR
from analytics.store import Store, StoreError, default_db_path


def command_line_user():
    """Whoever runs the CLI is the administrator (they hold the database file), audited by OS user name."""
    from analytics.access import Principal, Role

    try:
        name = getpass.getuser()
    except (KeyError, OSError):   # no user name in the environment or the password database
        name = "unknown"
    return Principal(f"os:{name}", Role.ADMINISTRATOR)


def _default_demo_path() -> Path:
    from analytics.ingest.data_source import demo_db_path

    return demo_db_path(default_db_path())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="Candidate Experience Radar engine")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--db", type=Path, default=None, help=f"database file (default {default_db_path()})")
        return sub

    demo = commands.add_parser("demo", help="build the demo data set in a store of its own")
    demo.add_argument("--db", type=Path, default=None,
                      help="the demo's database file (default: beside the app's, "
                           f"{_default_demo_path()}); it must not hold other data")
    demo.add_argument("--applications", type=int, help="instead: write a large events log of N applications")
    demo.add_argument("--out", type=Path, help="the file for --applications (default demo-large.csv)")
    demo.add_argument("--seed", type=int, default=7)

    imp = with_db(commands.add_parser("import", help="import event or survey files"))
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--kind", choices=("auto", "events", "surveys"), default="auto")
    imp.add_argument("--mode", choices=("strict", "lenient"), default="strict")
    imp.add_argument("--date-order", dest="date_order", choices=("auto", "dmy", "mdy"), default="auto",
                     help="how an Exchange message trace writes dates when the file cannot tell: "
                          "dmy (02/03/2026 = 2 March) or mdy (3/2/2026 = March 2)")
    imp.add_argument("--format", default="auto",
                     help="auto (recognise a message trace or an ATS export by its header), canonical, "
                          "a preset name (docs/presets.md) or a message-trace format")
    imp.add_argument("--mapping", help="the name of a saved column mapping to import with")
    imp.add_argument("--records", type=_evidence_list,
                     help="what the files record, replacing what their format declares: comma-separated kinds of "
                          "applications, decisions, interviews, messages, personal_feedback, surveys_sent, survey_answers")
    imp.add_argument("--no-messages", action="store_true",
                     help="the files do not hold every message sent to candidates (e.g. a canonical file without them)")
    imp.add_argument("--json", action="store_true",
                     help="print, per file, where every row went and what the file cannot measure")

    undo = with_db(commands.add_parser("undo", help="undo one import by its id"))
    undo.add_argument("import_id", type=int)

    metrics = with_db(commands.add_parser("metrics", help="metrics per group"))
    metrics.add_argument("--by", choices=("process", "recruiter", "department", "stage", "month", "all"),
                         default="process")
    metrics.add_argument("--as-of", dest="as_of", help="the moment the data describes (ISO 8601)")
    metrics.add_argument("--json", action="store_true", help="print JSON (the only output format)")

    flags = with_db(commands.add_parser("flags", help="brand-risk flags with evidence and actions"))
    flags.add_argument("--as-of", dest="as_of", help="the moment the data describes (ISO 8601)")
    flags.add_argument("--json", action="store_true", help="print JSON (the only output format)")

    report = with_db(commands.add_parser("report", help="a shareable report: HTML, PDF or XLSX by the file's suffix"))
    report.add_argument("--out", type=Path, required=True, help="FILE.html, FILE.pdf or FILE.xlsx")
    report.add_argument("--process", help="one process id (default: the whole organisation)")
    report.add_argument("--lang", choices=("en", "sv"), default="en")
    report.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD",
                        help="only applications made on or after this day (local time), as the app's 'Applied between'")
    report.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD",
                        help="only applications made on or before this day (local time)")

    erase = with_db(commands.add_parser(
        "erase", help="erase one candidate from every table, also from the database file's bytes (GDPR art. 17)"))
    _candidate_choice(erase)

    export = with_db(commands.add_parser(
        "export-candidate", help="everything held about one candidate, as JSON (an access request, GDPR art. 15)"))
    _candidate_choice(export)
    export.add_argument("--out", type=Path, required=True, help="the JSON file to write")

    retention = with_db(commands.add_parser(
        "retention", help="remove applications whose last event is more than N months old, also from the file's bytes"))
    retention.add_argument("--months", type=int,
                           help="the retention period (default: the setting retention_months; Swedish practice "
                                "keeps candidate data about two years, 24)")
    retention.add_argument("--dry-run", dest="dry_run", action="store_true",
                           help="only count the applications that would be removed")

    sentiment = commands.add_parser("sentiment", help="add language and sentiment columns to a CSV")
    sentiment.add_argument("file", type=Path)
    sentiment.add_argument("--text-column", required=True)
    sentiment.add_argument("--out", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (StoreError, ValueError, KeyError, FileNotFoundError) as error:
        print(f"error: {error.args[0] if error.args else error}", file=sys.stderr)
        return 1


def _demo(args) -> int:
    if args.applications:
        from analytics.ingest.demo import write_large_log

        out = args.out or Path("demo-large.csv")
        rows = write_large_log(out, args.applications, seed=args.seed)
        print(f"wrote {rows} events of {args.applications} applications to {out}")
        return 0
    from analytics.ingest.data_source import build_demo_store

    path = args.db or _default_demo_path()
    if path.exists():
        store = Store(path, access="shared")
        held = store.scalar("SELECT count(*) FROM imports")
        store.close()
        raise ValueError(f"{path} already holds data ({held} imports); the demo gets a database of its own, "
                         "so it never mixes with real data: name a new file with --db")
    build_demo_store(path)
    store = Store(path, access="shared")
    applications = store.scalar("SELECT count(DISTINCT (candidate_id, process_id)) FROM events")
    answers = store.scalar("SELECT count(*) FROM survey_responses")
    print(f"built the demo in {path}: {applications} applications, {answers} survey answers")
    return 0


def _candidate_choice(sub: argparse.ArgumentParser) -> None:
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--candidate-id", dest="candidate_id", help="the candidate's id as stored (the source system's id)")
    who.add_argument("--email", help="the candidate's e-mail address (never stored: it is hashed with the key to find them)")


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01") from None


def _evidence_list(text: str) -> tuple[str, ...]:
    from analytics.vocabulary import EVIDENCE

    kinds = tuple(kind.strip() for kind in text.split(",") if kind.strip())
    if unknown := [kind for kind in kinds if kind not in EVIDENCE]:
        raise argparse.ArgumentTypeError(f"unknown kinds {', '.join(unknown)}; known: {', '.join(EVIDENCE)}")
    return kinds


def _import(args) -> int:
    from analytics.ingest.importer import ImportReport
    from analytics.ingest.mappings import load_mapping
    from analytics.ingest.message_traces import summary_lines
    from analytics.operations import import_path

    store = Store(args.db)
    mapping = load_mapping(store, args.mapping) if args.mapping else None
    failed = False
    results = []
    for path in args.files:
        if not path.exists():
            report = ImportReport(file_name=str(path), error_code="no_such_file")
        else:
            report = import_path(store, command_line_user(), path, kind=args.kind, mode=args.mode, format=args.format,
                                 mapping=mapping, date_order=args.date_order, records=args.records,
                                 not_recorded={"messages"} if args.no_messages else ())
        failed = failed or not report.ok
        if args.json:
            results.append(_report_json(report))
            continue
        if report.error_code:
            print(f"error: {report.error_message()}", file=sys.stderr)
        for line in report.warning_lines():
            print(f"warning: {line}", file=sys.stderr)
        for line in report.problem_lines():
            print(f"  {line}", file=sys.stderr)
        if report.problem_count > len(report.problem_lines()):
            print(f"  ... {report.problem_count} problems in total", file=sys.stderr)
        if report.ok:
            print(f"{report.summary()} Import {report.import_id} ({report.kind}, {report.encoding}, {report.delimiter}).")
            lines = (summary_lines(report.file_name, report.format, report.rows_stored, report.trace)
                     if report.trace is not None else report.accounting_lines())
            for line in lines:
                print(f"  {line}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _report_json(report) -> dict:
    """The per-file object of `import --json`: where every row went, a trace's counts with its period."""
    result = report.as_json()
    if (trace := report.trace) is not None:
        result["messages"] = {
            "read": trace.messages_read, "kept": trace.kept, "candidates": trace.candidates,
            "applications": trace.applications, "ambiguous": trace.ambiguous, "date_order": trace.date_order,
            "event_types": trace.event_types,
            "covers_from": trace.covers_from.isoformat() if trace.covers_from else None,
            "covers_to": trace.covers_to.isoformat() if trace.covers_to else None,
        }
    return result


def _undo(args) -> int:
    from analytics.operations import undo

    result = undo(Store(args.db), command_line_user(), args.import_id)
    print(f"import {result.import_id} undone: {result.events_removed} events, "
          f"{result.answers_removed} survey answers removed")
    return 0


def _metrics(args) -> int:
    from analytics.measure.metrics import metrics_command

    print(metrics_command(args.db or default_db_path(), args.by, args.as_of))
    return 0


def _flags(args) -> int:
    from analytics.measure.risk import flags_command

    print(flags_command(args.db or default_db_path(), args.as_of))
    return 0


def _report(args) -> int:
    from analytics.ingest.data_source import holds_only_demo
    from analytics.measure.metrics import Filters
    from analytics.present.pdf import ReportError
    from analytics.present.reports import ReportScope, build_report

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValueError(f"--from {args.date_from} comes after --to {args.date_to}; swap them")
    fmt = args.out.suffix.lower().lstrip(".")
    store = Store(args.db, access="shared")   # works while the app runs, and on a read-only file
    if args.process and not store.scalar("SELECT count(*) FROM events WHERE process_id = ?", [args.process]):
        raise ValueError(f"--process: there is no process {args.process!r} in {store.path}")
    try:
        scope = ReportScope(lang=args.lang, filters=Filters(date_from=args.date_from, date_to=args.date_to),
                            process_id=args.process, demo=holds_only_demo(store))
        data = build_report(store, scope, fmt)
    except ReportError as error:
        raise ValueError(str(error)) from error
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


def _chosen_candidates(store: Store, args) -> tuple[str, list[str]]:
    """Who `--candidate-id` or `--email` names, as (how to refer to them, their stored ids)."""
    from analytics.erasure import candidates_by_email, held_candidates

    if args.email:
        return "the candidate with that e-mail address", candidates_by_email(store, args.email)
    return args.candidate_id, held_candidates(store, [args.candidate_id])


def _erase(args) -> int:
    from analytics.erasure import erase_candidates

    store = Store(args.db)
    who, ids = _chosen_candidates(store, args)
    if not ids:
        raise ValueError(f"nothing is held about {who} in {store.path}; nothing was erased")
    removal = erase_candidates(store, ids, LOCAL_ADMINISTRATOR)
    print(f"erased {who}: {removal.applications} applications, {removal.total_rows} rows "
          f"({', '.join(f'{table} {count}' for table, count in removal.rows.items())}); "
          f"the database file was rewritten without them")
    return 0


def _export_candidate(args) -> int:
    from analytics.erasure import candidate_record_json

    store = Store(args.db)
    who, ids = _chosen_candidates(store, args)
    if not ids:
        raise ValueError(f"nothing is held about {who} in {store.path}")
    args.out.write_text(candidate_record_json(store, ids, LOCAL_ADMINISTRATOR), encoding="utf-8")
    print(f"wrote everything held about {who} to {args.out}")
    return 0


def _retention(args) -> int:
    from analytics.erasure import apply_retention, expired_applications

    store = Store(args.db)
    months = args.months if args.months is not None else store.settings().retention_months
    if not months:
        raise ValueError("no retention period: give --months N, or set retention_months on the Settings page")
    if args.dry_run:
        print(f"would remove {expired_applications(store, months)} applications whose last event is more than "
              f"{months} months old")
        return 0
    removal = apply_retention(store, months, LOCAL_ADMINISTRATOR)
    print(f"removed {removal.applications} applications whose last event was more than {months} months old "
          f"({removal.total_rows} rows, {removal.candidates} candidates of whom nothing is left)")
    return 0


def _sentiment(args) -> int:
    from analytics.sentiment import annotate_csv

    annotate_csv(args.file, args.text_column, args.out)
    return 0


COMMANDS = {
    "demo": _demo, "import": _import, "undo": _undo, "metrics": _metrics, "flags": _flags, "report": _report,
    "sentiment": _sentiment, "erase": _erase, "export-candidate": _export_candidate, "retention": _retention,
}
