"""Benchmark: import a large Exchange message trace and compare with a bare DuckDB read of the same file.

    python bench/bench_traces.py                    # 1,000,000 messages
    python bench/bench_traces.py --messages 200000

DuckDB writes the files (`generate`): an ATS events file with the candidates' addresses, and an
Exchange trace (`Get-MessageTrace | Export-Csv -NoTypeInformation`, en-US dates, so the culture
parser is measured) with the noise share of the test fixtures (tests/message_trace_fixtures.py):
about 52 % delivered contacts to candidates, 18 % mail between colleagues, 18 % failed, pending or
quarantined deliveries, 6 % candidates' replies and 6 % repeated rows.

Each measured step runs in a child process of its own, so its peak memory (ru_maxrss, the resident
set's high-water mark, KiB on Linux) belongs to it alone; it includes the interpreter and the
libraries. The baseline is DuckDB's own `read_csv` with its defaults into a table of a fresh
database file (`CREATE TABLE AS`), the closest a bare load gets to an import, and `count(*)`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from child_steps import cpu_seconds, mib, peak_kib, run_child  # noqa: E402  (beside this script)

CONTACTS_PER_APPLICATION = 4        # on average: 3, 4 or 5
CONTACT_SHARE = 0.52


# -- the files ----------------------------------------------------------------------------------

GENERATE_SQL = """
CREATE TABLE applications AS
SELECT i, 'C-' || i AS candidate_id, 'REQ-' || (i % 400) AS process_id,
       TIMESTAMP '2026-01-05 08:00:00' + to_seconds(i * $spacing) AS applied_at,
       CAST(3 + hash(i) % 3 AS BIGINT) AS contacts, hash(i * 7) % 10 < 6 AS rejected
FROM range($applications) AS t(i);

COPY (
    SELECT candidate_id, 'cand' || i || '@example.org' AS candidate_email, process_id,
           'application_received' AS event_type, strftime(applied_at, '%Y-%m-%d %H:%M') AS occurred_at
    FROM applications
    UNION ALL
    SELECT candidate_id, 'cand' || i || '@example.org', process_id, 'rejected',
           strftime(applied_at + INTERVAL 10 DAY, '%Y-%m-%d %H:%M')
    FROM applications WHERE rejected
) TO '{events}' (HEADER, DELIMITER ',');

CREATE TABLE contacts AS
SELECT a.i, n, a.applied_at + [INTERVAL 5 MINUTE, INTERVAL 3 DAY, INTERVAL 7 DAY, INTERVAL 12 DAY,
                              INTERVAL 13 DAY][n] AS sent,
       ['Tack för din ansökan – REQ-', 'Uppdatering om din ansökan – REQ-', 'Inbjudan till intervju – REQ-',
        'Angående din ansökan – REQ-', 'Thank you for your application – REQ-'][n] || (a.i % 400) AS subject
FROM applications AS a, range(1, 6) AS r(n)
WHERE n <= a.contacts;

CREATE TABLE trace AS
SELECT sent, 'rekrytering@employer.se' AS sender, 'cand' || i || '@example.org' AS recipient, subject,
       'Delivered' AS status, '<c' || i || '.' || n || '@employer.se>' AS message_id
FROM contacts;

INSERT INTO trace
SELECT TIMESTAMP '2026-01-05 08:00:00' + to_seconds(j * $noise_spacing),
       'staff' || (j % 900) || '@employer.se', 'staff' || ((j * 13) % 900) || '@employer.se',
       'Veckomöte ' || (j % 52), 'Delivered', '<s' || j || '@employer.se>'
FROM range($colleagues) AS t(j);

INSERT INTO trace
SELECT sent - INTERVAL 1 HOUR, sender, recipient, subject,
       ['Failed', 'Pending', 'Quarantined', 'FilteredAsSpam'][CAST(1 + hash(message_id) % 4 AS BIGINT)],
       '<f' || row_number() OVER () || '@employer.se>'
FROM (SELECT * FROM trace WHERE sender = 'rekrytering@employer.se' ORDER BY hash(message_id, 7) LIMIT $failed);

INSERT INTO trace
SELECT sent + INTERVAL 2 HOUR, recipient, sender, 'Re: ' || subject, 'Delivered',
       '<r' || row_number() OVER () || '@example.org>'
FROM (SELECT * FROM trace WHERE sender = 'rekrytering@employer.se' ORDER BY hash(message_id, 11) LIMIT $replies);

INSERT INTO trace
SELECT * FROM (SELECT * FROM trace WHERE status = 'Delivered' AND sender = 'rekrytering@employer.se'
               ORDER BY hash(message_id, 13) LIMIT $repeats);

COPY (
    SELECT strftime(sent, '%-m/%-d/%Y %-I:%M:%S %p') AS "Received", sender AS "SenderAddress",
           recipient AS "RecipientAddress", subject AS "Subject", status AS "Status", message_id AS "MessageId",
           '0b6d' || row_number() OVER () AS "MessageTraceId", 20480 AS "Size", '' AS "ToIP",
           '10.0.0.5' AS "FromIP", 'employer.onmicrosoft.com' AS "Organization"
    FROM trace ORDER BY sent
) TO '{trace}' (HEADER, DELIMITER ',', FORCE_QUOTE *);
"""


def step_generate(args: argparse.Namespace) -> dict:
    import duckdb

    messages = args.messages
    contacts = int(messages * CONTACT_SHARE)
    applications = contacts // CONTACTS_PER_APPLICATION
    noise = messages - contacts
    parameters = {
        "applications": applications, "spacing": max(1, 60 * 86400 // applications),
        "colleagues": int(noise * 0.375), "failed": int(noise * 0.375), "replies": int(noise * 0.125),
        "repeats": noise - int(noise * 0.375) * 2 - int(noise * 0.125),
    }
    parameters["noise_spacing"] = max(1, 75 * 86400 // max(1, parameters["colleagues"]))
    started = time.perf_counter()
    connection = duckdb.connect()
    sql = GENERATE_SQL.format(events=args.events, trace=args.csv)
    for statement in (part.strip() for part in sql.split(";\n")):
        if statement:
            used = {name: value for name, value in parameters.items() if f"${name}" in statement}
            connection.execute(statement, used)
    rows = connection.execute("SELECT count(*) FROM trace").fetchone()[0]
    events = connection.execute(f"SELECT count(*) FROM read_csv('{args.events}')").fetchone()[0]
    return {"seconds": time.perf_counter() - started, "rows": rows, "applications": applications, "events": events}


def step_count(args: argparse.Namespace) -> dict:
    import duckdb

    connection = duckdb.connect()
    started, cpu = time.perf_counter(), cpu_seconds()
    rows = connection.execute("SELECT count(*) FROM read_csv(?)", [args.csv]).fetchone()[0]
    return {"seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu, "rows": rows}


def step_ctas(args: argparse.Namespace) -> dict:
    import duckdb

    connection = duckdb.connect(args.db)
    started, cpu = time.perf_counter(), cpu_seconds()
    connection.execute("CREATE TABLE trace AS SELECT * FROM read_csv(?)", [args.csv])
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    rows = connection.execute("SELECT count(*) FROM trace").fetchone()[0]
    connection.close()
    return {"seconds": seconds, "cpu": cpu, "rows": rows}


def step_import(args: argparse.Namespace) -> dict:
    from analytics.ingest.importer import import_file
    from analytics.store import Store

    store = Store(args.db)
    events = import_file(store, args.events)     # the ATS export: candidates and their aliases, not timed
    if not events.ok:
        return {"ok": False, "error": events.error_message(), "problem_lines": events.problem_lines()[:3]}
    started, cpu = time.perf_counter(), cpu_seconds()
    report = import_file(store, args.csv)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    store.close()
    trace = report.trace
    return {
        "seconds": seconds, "cpu": cpu, "ok": report.ok, "error": report.error_message(),
        "problem_lines": report.problem_lines()[:3],
        "rows_read": report.rows_read, "rows_stored": report.rows_stored,
        "kept": trace.kept if trace else None, "left_out": report.left_out,
        "candidates": trace.candidates if trace else None, "date_order": trace.date_order if trace else None,
    }


STEPS = {"generate": step_generate, "count": step_count, "ctas": step_ctas, "import": step_import}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000, help="rows of the trace")
    parser.add_argument("--workdir", type=Path, help="where to write the files and stores (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--events", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.step:
        result = STEPS[args.step](args)
        result["peak_kib"] = peak_kib()
        print(json.dumps(result, default=str))
        return 0

    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="radar-bench-traces-")) if own_workdir else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    trace_path, events_path = workdir / f"trace-{args.messages}.csv", workdir / f"ats-{args.messages}.csv"
    stores = [workdir / f"{name}{suffix}" for name in ("bare.duckdb", "radar.duckdb") for suffix in ("", ".wal", ".key")]
    for path in stores:
        path.unlink(missing_ok=True)
    try:
        generated = run_child(__file__, "generate", messages=args.messages, csv=trace_path, events=events_path)
        size = trace_path.stat().st_size
        print(f"generate      {generated['seconds']:8.2f} s  {generated['rows']:,} messages, {size / 2**20:,.0f} MiB; "
              f"{generated['applications']:,} applications, {generated['events']:,} ATS events")
        count = run_child(__file__, "count", csv=trace_path)
        ctas = run_child(__file__, "ctas", csv=trace_path, db=workdir / "bare.duckdb")
        imported = run_child(__file__, "import", csv=trace_path, events=events_path, db=workdir / "radar.duckdb")
        if not imported["ok"]:
            print(f"IMPORT FAILED: {imported['error']}")
            for line in imported["problem_lines"]:
                print(f"  {line}")
            return 1
        rows = imported["rows_read"]
        for name, step in (("duckdb count", count), ("duckdb CTAS", ctas), ("trace import", imported)):
            print(f"{name:13} {step['seconds']:8.2f} s  {rows / step['seconds']:>12,.0f} rows/s  cpu {step['cpu']:6.2f} s  "
                  f"(peak {mib(step['peak_kib'])})")
        print(f"trace: {rows:,} read, {imported['kept']:,} kept, {imported['rows_stored']:,} events stored, "
              f"{imported['candidates']:,} candidates; left out {imported['left_out']}; dates {imported['date_order']}")
        ratio, cpu_ratio = imported["seconds"] / ctas["seconds"], imported["cpu"] / ctas["cpu"]
        print(f"trace import / duckdb CTAS = {ratio:.2f}x wall, {cpu_ratio:.2f}x cpu (target at most 2x), "
              f"trace import / duckdb count = {imported['seconds'] / count['seconds']:.2f}x; "
              f"import peak {mib(imported['peak_kib'])} (target under 1,536 MiB)")
        if len({generated["rows"], count["rows"], ctas["rows"], rows}) != 1:
            print("WARNING: row counts differ")
        print(json.dumps({"messages": rows, "file_mib": round(size / 2**20), "import_s": round(imported["seconds"], 2),
                          "ctas_s": round(ctas["seconds"], 2), "count_s": round(count["seconds"], 2),
                          "ratio_ctas": round(ratio, 2),
                          "import_cpu_s": round(imported["cpu"], 2), "ctas_cpu_s": round(ctas["cpu"], 2),
                          "cpu_ratio_ctas": round(cpu_ratio, 2), "import_peak_kib": imported["peak_kib"],
                          "ctas_peak_kib": ctas["peak_kib"]}))
        return 0
    finally:
        if not args.keep:
            if own_workdir:
                shutil.rmtree(workdir, ignore_errors=True)
            else:
                for path in [trace_path, events_path, *stores]:
                    path.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
