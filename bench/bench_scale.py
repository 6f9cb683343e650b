"""Benchmark: every step issue 14 names, each as a ratio to a bare DuckDB read of the same log in the same run.

    python bench/bench_scale.py --applications 100000
    python bench/bench_scale.py                        # 1,000,000 applications, about 7.7M events
    python bench/bench_scale.py --workdir /tmp/b --keep
    python bench/bench_scale.py --workdir /tmp/b --keep --only pages   # again, on the store that run left
    python bench/bench_scale.py --applications 3400000  # 25M events, a large employer's three years

The log is `analytics.ingest.demo.write_large_log`'s. Its last week of events is also split off,
so that an incremental import (that week on top of a store holding everything before it) is
measured as well; and so are its last 1 % of events, the share issue 14 names (the week holds nearer
2 %). Each step runs in a child process of its own (bench/child_steps.py): its peak
memory is its own, and its CPU time shows what it cost whatever else the machine ran. The bare
read is `CREATE TABLE AS SELECT * FROM read_csv(...)` into a fresh database file; it is measured
twice, first and last, and the ratios use the mean, since a shared machine's load changes meanwhile.

The pages are run with Streamlit's AppTest (the server's script run without a browser): the first
page after a start (nothing cached), Brand risk opened first after a start, then a switch between
cached pages and a filter change.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from child_steps import cpu_seconds, mib, peak_kib, run_child  # noqa: E402  (beside this script)

from analytics.ingest.textfiles import MAX_IMPORT_MB_ENV, max_import_bytes  # noqa: E402

APP = ROOT / "app.py"


# -- the steps, each run in a child process -----------------------------------------------------

def step_generate(args: argparse.Namespace) -> dict:
    """The log, and its last week apart (`week`) with everything before it (`base`)."""
    from analytics.ingest.demo import write_large_log

    rows = write_large_log(Path(args.csv), args.applications, args.seed)
    _split_log(args, "max(instant) - INTERVAL 7 DAY", "base", "week")
    return {"rows": rows}


def step_split_share(args: argparse.Namespace) -> dict:
    """The log's last 1 % of events apart (`last-1pct`) with everything before it (`base-1pct`): the
    share issue 14 names, where the log's last week holds nearer 2 %."""
    return {"cutoff": _split_log(args, "quantile_disc(instant, 0.99)", "base-1pct", "last-1pct")}


def _split_log(args: argparse.Namespace, cutoff: str, before: str, after: str) -> str:
    """The log's events before the instant `cutoff` (an aggregate of `instant`, a constant of this
    script) into `before`.csv and the rest into `after`.csv, as the log's own text."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("CREATE TABLE log AS SELECT *, CAST(occurred_at AS TIMESTAMPTZ) AS instant "
                       "FROM read_csv(?, all_varchar = true)", [args.csv])
    moment = connection.execute(f"SELECT {cutoff} FROM log").fetchall()[0][0]
    for name, condition in ((before, "<"), (after, ">=")):
        connection.execute(f"COPY (SELECT * EXCLUDE (instant) FROM log WHERE instant {condition} ?) "
                           f"TO '{args.workdir}/{name}.csv' (HEADER)", [moment])
    return str(moment)


def step_ctas(args: argparse.Namespace) -> dict:
    import duckdb

    Path(args.db).unlink(missing_ok=True)
    connection = duckdb.connect(args.db)
    started = time.perf_counter()
    connection.execute("CREATE TABLE events AS SELECT * FROM read_csv(?)", [args.csv])
    seconds = time.perf_counter() - started
    connection.close()
    return {"seconds": seconds}


def step_import(args: argparse.Namespace) -> dict:
    """One import of `csv` into the store `db` (new, or as the previous step left it)."""
    from analytics.ingest.importer import import_file
    from analytics.store import Store

    store = Store(args.db)
    store.secret_key()
    started = time.perf_counter()
    report = import_file(store, args.csv, kind="events")
    seconds = time.perf_counter() - started
    result = {"seconds": seconds, "ok": report.ok, "error": report.error_message(), "stored": report.rows_stored,
              "events": store.scalar("SELECT count(*) FROM events"),
              "applications": store.scalar("SELECT count(*) FROM application_facts")}
    store.close()
    return result


def step_cli(args: argparse.Namespace) -> dict:
    """One `python -m analytics ...` command (args.command, words separated by '|'), output discarded."""
    from analytics.cli import main

    words = args.command.split("|")
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        status = main([words[0], "--db", args.db, *words[1:]])
    return {"seconds": time.perf_counter() - started, "status": status}


# Every page that shows the data, by the name the report prints.
PAGES = (("overview", "content/overview.py"), ("risk", "content/risk.py"), ("processes", "content/processes.py"),
         ("detail", "content/process_detail.py"), ("voice", "content/voice.py"), ("data", "content/data.py"))


def step_pages(args: argparse.Namespace) -> dict:
    """A server's first page after its start (args.page), then a cached page switch and a filter change."""
    os.environ["RADAR_DB"] = args.db
    os.environ["RADAR_DEMO"] = "0"
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(APP), default_timeout=1800)
    started, cpu = time.perf_counter(), cpu_seconds()
    if args.page:
        app.switch_page(args.page)
    app.run()
    if app.exception:
        raise SystemExit(str(app.exception))
    figures = {"first_seconds": time.perf_counter() - started, "first_cpu_seconds": cpu_seconds() - cpu}
    for name, page in PAGES:
        for when in ("", "_again"):   # cold the first time it is opened, then cached
            started, cpu = time.perf_counter(), cpu_seconds()
            app.switch_page(page).run()
            figures[f"{name}{when}_seconds"] = time.perf_counter() - started
            figures[f"{name}{when}_cpu_seconds"] = cpu_seconds() - cpu
    app.switch_page("content/overview.py").run()   # a page with the filters (the Data page has none)
    department = app.multiselect(key="w_department")
    if department.options:
        started = time.perf_counter()
        department.set_value([department.options[0]]).run()
        figures["filter_seconds"] = time.perf_counter() - started
    return figures


STEPS = {"generate": step_generate, "split_share": step_split_share, "ctas": step_ctas, "import": step_import,
         "cli": step_cli, "pages": step_pages}


# -- the report ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="where the logs and stores go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the files (a kept log is reused)")
    parser.add_argument("--only", choices=("pages", "import"),
                        help="pages: only the commands and pages, on the store a --keep run left in --workdir; "
                             "import: only the bare reads and the imports (full and incremental)")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--command", help=argparse.SUPPRESS)
    parser.add_argument("--page", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.step:
        result = STEPS[args.step](args)
        result["peak_kib"], result["cpu_seconds"] = peak_kib(), cpu_seconds()
        print(json.dumps(result))
        return 0

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="radar-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / f"events-{args.applications}.csv"
    full, incremental, bare = workdir / "full.duckdb", workdir / "incremental.duckdb", workdir / "bare.duckdb"
    one_percent = workdir / "incremental-1pct.duckdb"
    for path in (incremental, one_percent, bare) if args.only == "pages" else (full, incremental, one_percent, bare):
        for suffix in ("", ".wal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    try:
        if not (log.exists() and (workdir / "week.csv").exists()):
            run_child(__file__, "generate", applications=args.applications, seed=args.seed, csv=log, workdir=workdir)
        if not (workdir / "last-1pct.csv").exists():
            run_child(__file__, "split_share", csv=log, workdir=workdir)
        print(f"applications: {args.applications:,}; log {log.stat().st_size / 2**20:,.0f} MiB, files in {workdir}")
        if log.stat().st_size > max_import_bytes():   # 25M events: 3.1 GB, over the app's default limit
            os.environ[MAX_IMPORT_MB_ENV] = str(math.ceil(log.stat().st_size / 2**20) + 1)
            print(f"the log is over the import limit: {MAX_IMPORT_MB_ENV}={os.environ[MAX_IMPORT_MB_ENV]} for this run")
        rows: list[tuple[str, dict]] = []

        def step(name: str, kind: str, **options) -> dict:
            """Run one child step and print its raw figures at once: a long run is never lost."""
            result = run_child(__file__, kind, **options)
            print(f"  ({name}: {result.get('seconds', result.get('first_seconds', 0)):.2f} s wall, "
                  f"{result['cpu_seconds']:.1f} s cpu)", flush=True)
            return result

        bare_first = step("bare read", "ctas", csv=log, db=bare)
        if args.only != "pages":
            rows.append(("import (events, facts included)", step("import", "import", csv=log, db=full)))
        pages = args.only != "import"
        for name, command in (("metrics --by process --json", "metrics|--by|process|--json"),
                              ("flags --json", "flags|--json"),
                              ("report --out .html", f"report|--out|{workdir}/report.html"),
                              ("report --out .xlsx", f"report|--out|{workdir}/report.xlsx")) if pages else ():
            rows.append((name, step(name, "cli", db=full, command=command)))
        overview = step("Overview first", "pages", db=full, page="") if pages else {}
        risk = step("Brand risk first", "pages", db=full, page="content/risk.py") if pages else {}
        if args.only != "pages":
            step("import of all before the last week", "import", csv=workdir / "base.csv", db=incremental)
            week = step("import of the last week", "import", csv=workdir / "week.csv", db=incremental)
            step("import of all before the last 1 %", "import", csv=workdir / "base-1pct.csv", db=one_percent)
            last = step("import of the last 1 %", "import", csv=workdir / "last-1pct.csv", db=one_percent)
        bare_last = step("bare read", "ctas", csv=log, db=bare)
        read = (bare_first["seconds"] + bare_last["seconds"]) / 2

        print(f"bare read (CTAS)  {bare_first['seconds']:7.2f} s first, {bare_last['seconds']:.2f} s last: "
              f"{read:.2f} s, the unit of every ratio (cpu {bare_first['cpu_seconds']:.1f} s and "
              f"{bare_last['cpu_seconds']:.1f} s; peak {mib(bare_first['peak_kib'])})")
        if args.only != "pages":
            for label, run in (("last week", week), ("last 1 %", last)):
                share = run["stored"] / max(run["events"] - run["stored"], 1)
                rows.append((f"incremental import ({label}, {share:.1%} of the store)", run))
        read_cpu = (bare_first["cpu_seconds"] + bare_last["cpu_seconds"]) / 2
        print(f"{'':52} {'wall':>7}    {'ratio':>5}   {'cpu':>6}    {'ratio':>5}")
        for name, step in rows:
            print(f"{name:52} {step['seconds']:7.2f} s  {step['seconds'] / read:5.2f}x  "
                  f"{step['cpu_seconds']:6.1f} s  {step['cpu_seconds'] / read_cpu:5.2f}x  peak {mib(step['peak_kib'])}")
        if pages:
            for label, run in (("first Overview after a start", overview), ("first Brand risk after a start", risk)):
                print(f"{label:52} {run['first_seconds']:7.2f} s  {run['first_seconds'] / read:5.2f}x  "
                      f"{run['first_cpu_seconds']:6.1f} s  {run['first_cpu_seconds'] / read_cpu:5.2f}x  "
                      f"server peak {mib(run['peak_kib'])}")
            for name, _ in PAGES:
                print(f"  {name:10} page: opened {overview[f'{name}_seconds']:6.2f} s "
                      f"({overview[f'{name}_seconds'] / read:.2f}x, cpu {overview[f'{name}_cpu_seconds']:.1f} s), "
                      f"again {overview[f'{name}_again_seconds']:6.2f} s (cpu {overview[f'{name}_again_cpu_seconds']:.1f} s)")
            if "filter_seconds" in overview:
                print(f"  filter change {overview['filter_seconds']:6.2f} s")
        print(json.dumps({"applications": args.applications, "bare_read_s": round(read, 2),
                          **{name: round(step["seconds"], 2) for name, step in rows},
                          "pages_overview": overview, "pages_risk": risk}))
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
