"""Benchmark: import a large canonical event log and compare with a bare DuckDB read of the same file.

    python bench/bench_import.py --applications 200000
    python bench/bench_import.py                       # 1,000,000 applications, about 8M events

The log is written by `analytics.ingest.demo.write_large_log`. Each measured step runs in a child process
of its own, so every peak-memory figure (ru_maxrss, KiB on Linux) belongs to that step alone; it
includes the Python interpreter and the imported libraries (the `idle` line shows that floor).
The baselines are DuckDB's own `read_csv` with its defaults: `count(*)` in memory and
`CREATE TABLE AS` into a fresh database file, which is the closest a bare load gets to an import.
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

from child_steps import mib, peak_kib, run_child  # noqa: E402  (beside this script)

# -- the steps, each run in a child process -----------------------------------------------------

def step_idle(args: argparse.Namespace) -> dict:
    import duckdb  # noqa: F401  the same libraries as the import step, nothing read
    import pandas  # noqa: F401

    import analytics.ingest.importer  # noqa: F401
    return {"seconds": 0.0}


def step_generate(args: argparse.Namespace) -> dict:
    from analytics.ingest.demo import write_large_log

    started = time.perf_counter()
    rows = write_large_log(Path(args.csv), args.applications, args.seed)
    return {"seconds": time.perf_counter() - started, "rows": rows}


def step_count(args: argparse.Namespace) -> dict:
    import duckdb

    connection = duckdb.connect()
    started = time.perf_counter()
    rows = connection.execute("SELECT count(*) FROM read_csv(?)", [args.csv]).fetchone()[0]
    return {"seconds": time.perf_counter() - started, "rows": rows}


def step_ctas(args: argparse.Namespace) -> dict:
    import duckdb

    connection = duckdb.connect(args.db)
    started = time.perf_counter()
    connection.execute("CREATE TABLE events AS SELECT * FROM read_csv(?)", [args.csv])
    seconds = time.perf_counter() - started
    connection.execute("CHECKPOINT")
    checkpoint = time.perf_counter() - started - seconds
    rows = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    connection.close()
    return {"seconds": seconds, "checkpoint_seconds": checkpoint, "rows": rows}


def step_import(args: argparse.Namespace) -> dict:
    from analytics.ingest.importer import import_file
    from analytics.store import Store

    store = Store(args.db)
    store.secret_key()   # create the key file outside the timed part
    started = time.perf_counter()
    report = import_file(store, args.csv, kind="events")
    seconds = time.perf_counter() - started
    store.fetchall("CHECKPOINT")
    checkpoint = time.perf_counter() - started - seconds
    stored = store.scalar("SELECT count(*) FROM events")
    store.close()
    return {
        "seconds": seconds, "checkpoint_seconds": checkpoint, "ok": report.ok, "error": report.error_message(),
        "rows_read": report.rows_read,
        "rows_stored": report.rows_stored, "rows_duplicate": report.rows_duplicate,
        "rows_rejected": report.rows_rejected, "problem_lines": report.problem_lines()[:3], "events": stored,
    }


STEPS = {"idle": step_idle, "generate": step_generate, "count": step_count, "ctas": step_ctas, "import": step_import}


# -- the report ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=1_000_000, help="applications to simulate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="where to write the log and the stores (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.step:   # a child: run one step, print its figures as JSON
        result = STEPS[args.step](args)
        result["peak_kib"] = peak_kib()
        print(json.dumps(result))
        return 0

    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="radar-bench-")) if own_workdir else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    csv_path = workdir / f"events-{args.applications}.csv"
    created = [csv_path] + [workdir / f"{name}{suffix}" for name in ("bare.duckdb", "radar.duckdb")
                            for suffix in ("", ".wal", ".key")]
    for path in created[1:]:   # fresh stores every run
        path.unlink(missing_ok=True)
    try:
        print(f"applications: {args.applications:,} (seed {args.seed}); files in {workdir}")
        generated = run_child(__file__, "generate", applications=args.applications, seed=args.seed, csv=csv_path)
        size = csv_path.stat().st_size
        print(f"generate      {generated['seconds']:8.2f} s  {generated['rows']:,} events, {size / 2**20:,.0f} MiB "
              f"(peak {mib(generated['peak_kib'])})")
        idle = run_child(__file__, "idle")
        count = run_child(__file__, "count", csv=csv_path)
        ctas = run_child(__file__, "ctas", csv=csv_path, db=workdir / "bare.duckdb")
        imported = run_child(__file__, "import", csv=csv_path, db=workdir / "radar.duckdb")
        if not imported["ok"]:
            print(f"IMPORT FAILED: {imported['error']}")
            for line in imported["problem_lines"]:
                print(f"  {line}")
            return 1
        rows = imported["rows_read"]
        print(f"idle process                                      (peak {mib(idle['peak_kib'])})")
        for name, step in (("duckdb count", count), ("duckdb CTAS", ctas), ("import_file", imported)):
            checkpoint = f", then CHECKPOINT {step['checkpoint_seconds']:.2f} s" if "checkpoint_seconds" in step else ""
            print(f"{name:13} {step['seconds']:8.2f} s  {rows / step['seconds']:>12,.0f} rows/s  "
                  f"(peak {mib(step['peak_kib'])}{checkpoint})")
        print(f"import: {imported['rows_read']:,} read, {imported['rows_stored']:,} stored, "
              f"{imported['rows_duplicate']:,} duplicate, {imported['rows_rejected']:,} rejected; "
              f"{imported['events']:,} events in the store")
        print(f"import / duckdb count = {imported['seconds'] / count['seconds']:.1f}x, "
              f"import / duckdb CTAS = {imported['seconds'] / ctas['seconds']:.1f}x")
        checks = {"generated rows": generated["rows"], "count(*)": count["rows"], "CTAS rows": ctas["rows"],
                  "rows read": imported["rows_read"]}
        if len(set(checks.values())) != 1:
            print(f"WARNING: row counts differ: {checks}")
        print(json.dumps({"applications": args.applications, "events": rows, "file_mib": round(size / 2**20),
                          "import_s": round(imported["seconds"], 2), "count_s": round(count["seconds"], 2),
                          "ctas_s": round(ctas["seconds"], 2), "import_checkpoint_s": round(imported["checkpoint_seconds"], 2),
                          "ctas_checkpoint_s": round(ctas["checkpoint_seconds"], 2), "import_peak_kib": imported["peak_kib"],
                          "ctas_peak_kib": ctas["peak_kib"], "count_peak_kib": count["peak_kib"],
                          "idle_peak_kib": idle["peak_kib"]}))
        return 0
    finally:
        if not args.keep:
            if own_workdir:
                shutil.rmtree(workdir, ignore_errors=True)
            else:
                for path in created:
                    path.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
