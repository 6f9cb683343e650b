"""Benchmark of the metrics engine against a straightforward pandas version of its core metrics.

    python bench/bench_metrics.py                       # 1,000,000 applications
    python bench/bench_metrics.py --applications 50000  # a quick run

Generates the demo's large event log (analytics.demo.write_large_log) into bench/out/ (reused when
it exists), loads it with a plain INSERT ... SELECT FROM read_csv, then times:
  * metrics_by('process'), cold (a fresh connection) and warm;
  * a filter change (one department and a date range: metrics_by('all') and by month), on facts
    cached with application_facts() as a page would, and recomputed from the events;
  * pandas computing ack latency median/p90, acknowledged-within-SLA share, outcome coverage,
    personal feedback coverage and ghosted per process, and checks that both agree.
Targets: SQL at least 10x faster than pandas, a filter change under 1 s, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.demo import write_large_log  # noqa: E402
from analytics.metrics import Filters, application_facts, metrics_by  # noqa: E402
from analytics.settings import Settings  # noqa: E402
from analytics.store import Store  # noqa: E402

OUT = ROOT / "bench" / "out"
CONTACT_TYPES = ["acknowledgement_sent", "status_update_sent", "interview_scheduled", "interview_held",
                 "rejection_sent", "feedback_given", "offer_made", "hired"]
PERSONAL_CHANNELS = ["phone", "video", "in_person"]
CORE_KEYS = ["applications", "ack_latency_h_median", "ack_latency_h_p90", "ack_within_sla_share",
             "outcome_coverage", "personal_feedback_coverage", "ghosted"]

LOAD_EVENTS = """
    INSERT INTO events
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, event_type, epoch_us(occurred_at))) >> 64
                AS UBIGINT),
           candidate_id, process_id, event_type, occurred_at, process_name, department, recruiter, stage, channel
    FROM read_csv(?, header = true, columns = {
        'candidate_id': 'VARCHAR', 'process_id': 'VARCHAR', 'event_type': 'VARCHAR',
        'occurred_at': 'TIMESTAMPTZ', 'process_name': 'VARCHAR', 'department': 'VARCHAR',
        'recruiter': 'VARCHAR', 'stage': 'VARCHAR', 'channel': 'VARCHAR'})
"""
# The sentiment label would come from the importer's scorer; a label from the NPS stands in for it
# so that the sentiment aggregates do their real amount of work.
LOAD_SURVEYS = """
    INSERT INTO survey_responses
    SELECT CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, epoch_us(submitted_at))) >> 64 AS UBIGINT),
           candidate_id, process_id, submitted_at, nps, comment, language,
           CASE WHEN comment IS NULL THEN NULL WHEN nps >= 9 THEN 'positive' WHEN nps <= 6 THEN 'negative'
                ELSE 'neutral' END,
           NULL, 'bench'
    FROM read_csv(?, header = true, columns = {
        'candidate_id': 'VARCHAR', 'process_id': 'VARCHAR', 'submitted_at': 'TIMESTAMPTZ', 'nps': 'TINYINT',
        'rating_communication': 'TINYINT', 'rating_respect': 'TINYINT', 'rating_speed': 'TINYINT',
        'comment': 'VARCHAR', 'language': 'VARCHAR'})
"""


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def timed(label: str, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - started
    print(f"  {label:<58} {seconds:8.2f} s")
    return result, seconds


def build_store(applications: int, seed: int) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    events_csv = OUT / f"events_{applications}_{seed}.csv"
    surveys_csv = OUT / f"surveys_{applications}_{seed}.csv"
    if not events_csv.exists() or not surveys_csv.exists():
        timed("generate the event log (write_large_log)", write_large_log, events_csv, applications, seed,
              surveys_path=surveys_csv)
    db_path = OUT / f"bench_{applications}_{seed}.duckdb"
    db_path.unlink(missing_ok=True)
    Path(f"{db_path}.wal").unlink(missing_ok=True)
    store = Store(db_path)

    def load():
        with store.transaction() as cursor:
            cursor.execute(LOAD_EVENTS, [str(events_csv)])
            cursor.execute(LOAD_SURVEYS, [str(surveys_csv)])

    timed("load into the store (INSERT ... SELECT FROM read_csv)", load)
    print(f"  {store.scalar('SELECT count(*) FROM events'):,} events, "
          f"{store.scalar('SELECT count(*) FROM survey_responses'):,} survey answers")
    store.close()
    return db_path


def pandas_core_metrics(events: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> pd.DataFrame:
    """The core metrics per process, written the way one would in pandas (same definitions)."""
    events = events[events["occurred_at"] <= as_of]
    key = ["candidate_id", "process_id"]
    kind = events["event_type"]

    def first(mask):
        return events[mask].groupby(key)["occurred_at"].min()

    apps = events.groupby(key)["occurred_at"].min().rename("first_event_at").to_frame()
    apps["applied_at"] = first(kind == "application_received").reindex(apps.index).fillna(apps["first_event_at"])
    apps["decision_at"] = first(kind == "rejected")
    apps["offered_at"] = first(kind.isin(["offer_made", "hired"]))
    apps["withdrawn_at"] = first(kind == "withdrawn")
    apps["last_interview_at"] = events[kind == "interview_held"].groupby(key)["occurred_at"].max()

    contacts = events[kind.isin(CONTACT_TYPES)].join(
        apps[["applied_at", "decision_at", "last_interview_at"]], on=key)
    apps["last_contact_at"] = contacts.groupby(key)["occurred_at"].max()
    apps["ack_at"] = contacts[contacts["occurred_at"] >= contacts["applied_at"]].groupby(key)["occurred_at"].min()
    notices = contacts[contacts["event_type"].isin(["rejection_sent", "feedback_given"])
                       & (contacts["occurred_at"] >= contacts["decision_at"])]
    apps["notice_at"] = notices.groupby(key)["occurred_at"].min()
    personal = contacts[(contacts["event_type"] == "feedback_given")
                        & contacts["channel"].isin(PERSONAL_CHANNELS)
                        & (contacts["occurred_at"] >= contacts["last_interview_at"])]
    apps["personal_feedback_given"] = personal.groupby(key).size().reindex(apps.index).fillna(0) > 0

    withdrawn = apps["withdrawn_at"].notna()
    offered = apps["offered_at"].notna() & ~withdrawn
    rejection_stands = apps["decision_at"].notna() & apps["offered_at"].isna() & ~withdrawn
    still_open = apps["decision_at"].isna() & apps["offered_at"].isna() & ~withdrawn
    hours_since_applied = (as_of - apps["applied_at"]).dt.total_seconds() / 3600
    apps["ack_latency_h"] = (apps["ack_at"] - apps["applied_at"]).dt.total_seconds() / 3600
    apps["ack_eligible"] = hours_since_applied >= settings.ack_sla_hours
    apps["ack_within_sla"] = apps["ack_eligible"] & (apps["ack_latency_h"] <= settings.ack_sla_hours)
    apps["outcome_known"] = rejection_stands | offered
    apps["informed"] = offered | (rejection_stands & apps["notice_at"].notna())
    apps["interviewed_rejected"] = apps["last_interview_at"].notna() & rejection_stands
    apps["personal_feedback"] = apps["interviewed_rejected"] & apps["personal_feedback_given"]
    last_news = pd.concat([apps["applied_at"], apps["last_contact_at"]], axis=1).max(axis=1)
    days_silent = np.where(still_open, (as_of - last_news).dt.total_seconds() / 86400,
                           np.where(rejection_stands & apps["notice_at"].isna(),
                                    (as_of - apps["decision_at"]).dt.total_seconds() / 86400, np.nan))
    apps["ghosted"] = days_silent > settings.silence_limit_days

    per_process = apps.groupby(level="process_id").agg(
        applications=("applied_at", "size"),
        ack_latency_h_median=("ack_latency_h", "median"),
        ack_latency_h_p90=("ack_latency_h", lambda latency: latency.quantile(0.9)),
        ack_eligible=("ack_eligible", "sum"),
        ack_within_sla=("ack_within_sla", "sum"),
        outcome_known=("outcome_known", "sum"),
        informed=("informed", "sum"),
        interviewed_rejected=("interviewed_rejected", "sum"),
        personal_feedback=("personal_feedback", "sum"),
        ghosted=("ghosted", "sum"),
    )
    per_process["ack_within_sla_share"] = per_process["ack_within_sla"] / per_process["ack_eligible"]
    per_process["outcome_coverage"] = per_process["informed"] / per_process["outcome_known"]
    per_process["personal_feedback_coverage"] = (per_process["personal_feedback"]
                                                 / per_process["interviewed_rejected"])
    return per_process[CORE_KEYS]


def compare(sql: pd.DataFrame, pandas: pd.DataFrame, processes: list[str]) -> bool:
    sql = sql.set_index("process_id")[CORE_KEYS].astype(float)
    pandas = pandas[CORE_KEYS].astype(float)
    agree = True
    for process in processes:
        same = np.allclose(sql.loc[process], pandas.loc[process], rtol=1e-9, atol=1e-9, equal_nan=True)
        agree &= bool(same)
        print(f"  check {process}: {'same' if same else 'DIFFERENT'}  "
              + ", ".join(f"{key}={sql.at[process, key]:.4g}" for key in CORE_KEYS))
    return agree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    settings = Settings()

    print(f"Benchmark with {args.applications:,} applications")
    db_path = build_store(args.applications, args.seed)

    print("SQL (DuckDB)")
    store = Store(db_path)
    by_process, sql_cold = timed("metrics_by('process'), cold", metrics_by, store, "process", settings)
    timed("metrics_by('process'), warm", metrics_by, store, "process", settings)
    facts, _ = timed("application_facts(), the page's cached facts", application_facts, store, settings)
    department = facts["department"].dropna().iloc[0]
    last_day = facts["applied_date"].max()
    selection = Filters(date_from=date(last_day.year, 1, 1), date_to=last_day, departments=(department,))

    def filter_change(cached):
        return (metrics_by(store, "all", settings, filters=selection, facts=cached),
                metrics_by(store, "month", settings, filters=selection, facts=cached))

    _, filter_seconds = timed(f"filter change ({department}, {selection.date_from}..): all + month, cached facts",
                              filter_change, facts)
    timed("the same filter change, facts recomputed", filter_change, None)
    sql_peak = peak_memory_mb()
    as_of = facts["as_of"].iloc[0]
    del facts
    store.close()

    print("pandas")
    reader = Store(db_path)
    events, _ = timed("read the events into pandas (not counted)", reader.query,
                      "SELECT candidate_id, process_id, event_type, occurred_at, channel FROM events")
    reader.close()
    pandas_result, pandas_seconds = timed("core metrics by process", pandas_core_metrics, events,
                                          pd.Timestamp(as_of), settings)

    print("Results")
    agree = compare(by_process, pandas_result, sorted(by_process["process_id"])[:3])
    ratio = pandas_seconds / sql_cold
    print(f"  pandas / SQL (all metrics by process, cold): {ratio:.1f}x   (target >= 10x)")
    print(f"  filter change: {filter_seconds:.2f} s   (target < 1 s)")
    print(f"  peak memory during the SQL runs: {sql_peak:,.0f} MB   (target < 2048 MB); "
          f"after pandas: {peak_memory_mb():,.0f} MB")
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
