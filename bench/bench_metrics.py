"""Benchmark of the metrics engine against a straightforward pandas version of the same metrics.

    python bench/bench_metrics.py                       # 1,000,000 applications
    python bench/bench_metrics.py --applications 50000  # a quick run

Generates the demo's large event log (analytics.ingest.demo.write_large_log) into bench/out/ (reused when
it exists), loads it with a plain INSERT ... SELECT FROM read_csv, then times:
  * metrics_by('process'), cold (a fresh connection) and warm. The store is filled by a plain INSERT,
    not by the importer, so the cold run also makes every application's stored facts once (as an
    import does): SQL and pandas both start from the events;
  * a filter change (one department and a date range: metrics_by('all') and by month), read as the
    pages read it (the selection's stored facts computed once with kept_facts, then both reads), with
    each read computing them itself, and on a frame of every application's facts from application_facts();
  * pandas computing, per process, every metric metrics_by gives (the 30 of analytics.catalogue.METRICS
    and the process name), and, as earlier runs did, only the core ones (ack latency median/p90,
    acknowledged-within-SLA share, outcome coverage, personal feedback coverage, ghosted);
  * and checks that pandas and SQL agree on every process.
Targets: SQL at least 10x faster than pandas on the same metrics, a filter change under 1 s, peak
memory under 2 GB.

The pandas code is what one would write: vectorised groupbys on the (candidate_id, process_id)
key, as in the docs' definitions. It is not tuned: factorizing the key once into integer codes
roughly halves the core version's time.
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

from analytics.catalogue import METRICS  # noqa: E402
from analytics.ingest.demo import write_large_log  # noqa: E402
from analytics.measure.metrics import Filters, application_facts, kept_facts, metrics_by  # noqa: E402
from analytics.settings import Settings  # noqa: E402
from analytics.store import Store  # noqa: E402

OUT = ROOT / "bench" / "out"
CONTACT_TYPES = ["acknowledgement_sent", "status_update_sent", "interview_scheduled", "interview_held",
                 "rejection_sent", "feedback_given", "offer_made", "hired"]
PERSONAL_CHANNELS = ["phone", "video", "in_person"]
CORE_KEYS = ["applications", "ack_latency_h_median", "ack_latency_h_p90", "ack_within_sla_share",
             "outcome_coverage", "personal_feedback_coverage", "ghosted"]
ALL_KEYS = list(METRICS)  # every metric of metrics_by, in the engine's order
CORE_COLUMNS = ["candidate_id", "process_id", "event_type", "occurred_at", "channel"]

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

# As the importer records two canonical files: which import brought each row, and what each records.
RECORD_IMPORTS = """
    INSERT INTO imports (import_id, file_name, sha256, kind, format, rows_read, rows_stored, rows_duplicate,
                         rows_rejected, imported_at)
    VALUES (1, 'events.csv', '', 'events', 'canonical', 0, 0, 0, 0, now()),
           (2, 'surveys.csv', '', 'surveys', 'canonical', 0, 0, 0, 0, now());
    INSERT INTO event_sources SELECT event_key, 1 FROM events;
    INSERT INTO survey_sources SELECT response_key, 2 FROM survey_responses;
    INSERT INTO import_evidence
    SELECT 1, evidence, 'own', NULL, NULL
    FROM unnest(['applications', 'decisions', 'interviews', 'messages', 'personal_feedback', 'surveys_sent'])
        AS kinds(evidence)
    UNION ALL SELECT 2, 'survey_answers', 'all', NULL, NULL;
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
            cursor.execute(RECORD_IMPORTS)

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


def pandas_all_metrics(events: pd.DataFrame, answers: pd.DataFrame, as_of: pd.Timestamp,
                       settings: Settings) -> pd.DataFrame:
    """Every metric of metrics_by('process') and the process name, written the way one would in pandas."""
    events = events[events["occurred_at"] <= as_of]
    answers = answers[answers["submitted_at"] <= as_of]
    key = ["candidate_id", "process_id"]
    kind = events["event_type"]

    def first(mask):
        return events[mask].groupby(key)["occurred_at"].min()

    def hours(later, earlier):
        return (later - earlier).dt.total_seconds() / 3600

    # per application: milestones, then the contacts measured against them
    apps = events.groupby(key)["occurred_at"].min().rename("first_event_at").to_frame()
    apps["applied_at"] = first(kind == "application_received").reindex(apps.index).fillna(apps["first_event_at"])
    apps["decision_at"] = first(kind == "rejected")
    apps["offered_at"] = first(kind.isin(["offer_made", "hired"]))
    apps["withdrawn_at"] = first(kind == "withdrawn")
    apps["last_interview_at"] = events[kind == "interview_held"].groupby(key)["occurred_at"].max()
    apps["survey_sent"] = events[kind == "survey_sent"].groupby(key).size().reindex(apps.index).fillna(0) > 0

    contacts = events[kind.isin(CONTACT_TYPES)].join(
        apps[["applied_at", "decision_at", "last_interview_at"]], on=key)
    at = contacts["occurred_at"]
    apps["last_contact_at"] = contacts.groupby(key)["occurred_at"].max()
    apps["ack_at"] = contacts[at >= contacts["applied_at"]].groupby(key)["occurred_at"].min()
    notices = contacts[contacts["event_type"].isin(["rejection_sent", "feedback_given"])
                       & (at >= contacts["decision_at"])]
    apps["notice_at"] = notices.groupby(key)["occurred_at"].min()
    answered = contacts[contacts["event_type"].isin(["feedback_given", "rejection_sent", "offer_made"])
                        & (at >= contacts["last_interview_at"])]
    apps["post_interview_at"] = answered.groupby(key)["occurred_at"].min()
    personal = contacts[(contacts["event_type"] == "feedback_given")
                        & contacts["channel"].isin(PERSONAL_CHANNELS)
                        & (at >= contacts["last_interview_at"])]
    apps["personal_feedback_given"] = personal.groupby(key).size().reindex(apps.index).fillna(0) > 0

    withdrawn = apps["withdrawn_at"].notna()
    offered = apps["offered_at"].notna() & ~withdrawn
    rejection_stands = apps["decision_at"].notna() & apps["offered_at"].isna() & ~withdrawn
    still_open = apps["decision_at"].isna() & apps["offered_at"].isna() & ~withdrawn
    apps["withdrawn"], apps["offered"], apps["open"] = withdrawn, offered, still_open
    apps["ack_latency_h"] = hours(apps["ack_at"], apps["applied_at"])
    apps["ack_eligible"] = (as_of - apps["applied_at"]).dt.total_seconds() / 3600 >= settings.ack_sla_hours
    apps["ack_within_sla"] = apps["ack_eligible"] & (apps["ack_latency_h"] <= settings.ack_sla_hours)
    apps["notice_latency_h"] = hours(apps["notice_at"], apps["decision_at"]).where(rejection_stands)
    apps["outcome_known"] = rejection_stands | offered
    apps["informed"] = offered | (rejection_stands & apps["notice_at"].notna())
    apps["interviewed_rejected"] = apps["last_interview_at"].notna() & rejection_stands
    apps["personal_feedback"] = apps["interviewed_rejected"] & apps["personal_feedback_given"]
    apps["post_interview_latency_h"] = hours(apps["post_interview_at"], apps["last_interview_at"])

    # longest silence: the largest gap between consecutive moments of applied_at, the contacts up to
    # the end, and the end (the first of notice, offer and withdrawal; else as_of)
    end = pd.concat([apps["notice_at"], apps["offered_at"], apps["withdrawn_at"]], axis=1).min(axis=1).fillna(as_of)
    apps["timeline_end_at"] = pd.concat([apps["applied_at"], end], axis=1).max(axis=1)
    timed_contacts = contacts.join(apps["timeline_end_at"], on=key)
    on_timeline = timed_contacts[(timed_contacts["occurred_at"] >= timed_contacts["applied_at"])
                                 & (timed_contacts["occurred_at"] <= timed_contacts["timeline_end_at"])]
    moments = pd.concat([on_timeline[[*key, "occurred_at"]],
                         apps["applied_at"].rename("occurred_at").reset_index(),
                         apps["timeline_end_at"].rename("occurred_at").reset_index()])
    moments = moments.sort_values("occurred_at")  # diff() follows this order within each application
    moments["gap"] = moments.groupby(key)["occurred_at"].diff()
    apps["longest_silence_d"] = moments.groupby(key)["gap"].max().dt.total_seconds() / 86400

    last_news = pd.concat([apps["applied_at"], apps["last_contact_at"]], axis=1).max(axis=1)
    days_silent = np.where(still_open, (as_of - last_news).dt.total_seconds() / 86400,
                           np.where(rejection_stands & apps["notice_at"].isna(),
                                    (as_of - apps["decision_at"]).dt.total_seconds() / 86400, np.nan))
    apps["ghosted"] = days_silent > settings.silence_limit_days

    # survey answers, counted for the applications in the log only (the join drops the others)
    answers = answers.assign(promoter=answers["nps"] >= 9, detractor=answers["nps"] <= 6,
                             positive=answers["sentiment_label"] == "positive",
                             negative=answers["sentiment_label"] == "negative")
    apps = apps.join(answers.groupby(key).agg(
        survey_answers=("submitted_at", "size"), nps_answers=("nps", "count"), nps_promoters=("promoter", "sum"),
        nps_detractors=("detractor", "sum"), comments=("sentiment_label", "count"),
        comments_positive=("positive", "sum"), comments_negative=("negative", "sum")))
    apps["survey_responses"] = apps["survey_sent"] & (apps["survey_answers"] > 0)

    per_process = apps.groupby(level="process_id").agg(
        applications=("applied_at", "size"),
        ack_eligible=("ack_eligible", "sum"), ack_within_sla=("ack_within_sla", "sum"),
        outcome_known=("outcome_known", "sum"), outcome_informed=("informed", "sum"),
        interviewed_rejected=("interviewed_rejected", "sum"), personal_feedback=("personal_feedback", "sum"),
        ghosted=("ghosted", "sum"), outcome_hired=("offered", "sum"), outcome_withdrawn=("withdrawn", "sum"),
        outcome_open=("open", "sum"), survey_sent=("survey_sent", "sum"), survey_responses=("survey_responses", "sum"),
        survey_answers_nps=("nps_answers", "sum"), nps_promoters=("nps_promoters", "sum"),
        nps_detractors=("nps_detractors", "sum"), comments=("comments", "sum"),
        comments_positive=("comments_positive", "sum"), comments_negative=("comments_negative", "sum"),
    )
    latencies = apps.groupby(level="process_id")[
        ["ack_latency_h", "notice_latency_h", "post_interview_latency_h", "longest_silence_d"]]
    per_process = per_process.join(latencies.median().add_suffix("_median"))
    per_process = per_process.join(latencies.quantile(0.9).add_suffix("_p90"))

    def share(part, whole):
        return (per_process[part] / per_process[whole]).where(per_process[whole] > 0)

    per_process["ack_within_sla_share"] = share("ack_within_sla", "ack_eligible")
    per_process["outcome_coverage"] = share("outcome_informed", "outcome_known")
    per_process["personal_feedback_coverage"] = share("personal_feedback", "interviewed_rejected")
    per_process["ghosted_share"] = share("ghosted", "applications")
    per_process["survey_response_rate"] = share("survey_responses", "survey_sent")
    # survey verdicts of groups with few answers are not reported (anonymity)
    enough = per_process["survey_answers_nps"] >= settings.min_survey_answers
    per_process["cnps"] = (100 * (per_process["nps_promoters"] - per_process["nps_detractors"])
                           / per_process["survey_answers_nps"]).where(enough)
    per_process["sentiment_score"] = (100 * (per_process["comments_positive"] - per_process["comments_negative"])
                                      / per_process["comments"]).where(
        enough & (per_process["comments"] >= settings.min_survey_answers))

    # the process name: the first non-empty one in time order, event_key breaking ties
    named = events[events["process_name"].notna()]
    earliest = named[named["occurred_at"] == named.groupby("process_id")["occurred_at"].transform("min")]
    per_process["process_name"] = earliest.sort_values("event_key").groupby("process_id")["process_name"].first()
    return per_process[["process_name", *ALL_KEYS]]


def compare(sql: pd.DataFrame, pandas: pd.DataFrame, keys: list[str], label: str, examples: int = 0) -> bool:
    """Whether pandas and SQL agree on every process and metric; prints `examples` processes and any difference."""
    sql = sql.set_index("process_id")
    missing = [key for key in keys if key not in pandas.columns]
    keys = [key for key in keys if key in pandas.columns]
    left = sql[keys].astype(float)
    right = pandas.reindex(left.index)[keys].astype(float)
    same = pd.DataFrame(np.isclose(left, right, rtol=1e-9, atol=1e-9, equal_nan=True), index=left.index, columns=keys)
    if "process_name" in pandas.columns:
        same["process_name"] = sql["process_name"] == pandas["process_name"].reindex(sql.index)
    for process in sorted(left.index)[:examples]:
        print(f"  check {process}: {'same' if same.loc[process].all() else 'DIFFERENT'}  "
              + ", ".join(f"{key}={left.at[process, key]:.4g}" for key in CORE_KEYS))
    different = [column for column in same.columns if not same[column].all()]
    agree = not different and not missing and len(pandas) == len(sql)
    print(f"  {label}: {len(same.columns)} values x {len(sql)} processes "
          + ("all the same" if agree else f"DIFFERENT: {different}, missing in pandas: {missing}"))
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
    by_process, sql_cold = timed("metrics_by('process'), cold (making the facts once)", metrics_by, store, "process", settings)
    timed("metrics_by('process'), warm", metrics_by, store, "process", settings)
    facts, _ = timed("application_facts(), every application's facts as a frame", application_facts, store, settings)
    department = facts["department"].dropna().iloc[0]
    last_day = facts["applied_date"].max()
    selection = Filters(date_from=date(last_day.year, 1, 1), date_to=last_day, departments=(department,))

    def filter_change(cached):
        return (metrics_by(store, "all", settings, filters=selection, facts=cached),
                metrics_by(store, "month", settings, filters=selection, facts=cached))

    def filter_change_kept():
        """As the pages read it: the selection's facts computed once (kept_facts), then both reads."""
        with kept_facts(store, settings, selection) as kept:
            return filter_change(kept)

    _, filter_seconds = timed(f"filter change ({department}, {selection.date_from}..): all + month, as the pages "
                              "read it (the selection's stored facts kept once)", filter_change_kept)
    timed("the same, each read computing the selection's facts itself", filter_change, None)
    timed("the same filter change on the frame of every application's facts", filter_change, facts)
    sql_peak = peak_memory_mb()
    as_of = facts["as_of"].iloc[0]
    del facts
    store.close()

    print("pandas")
    reader = Store(db_path)

    def read():
        return (reader.query("SELECT candidate_id, process_id, event_type, occurred_at, channel, process_name, "
                             "event_key FROM events"),
                reader.query("SELECT candidate_id, process_id, submitted_at, nps, sentiment_label "
                             "FROM survey_responses"))

    (events, answers), _ = timed("read the events and answers into pandas (not counted)", read)
    reader.close()
    core_events = events[CORE_COLUMNS]  # the columns the core version always had
    all_result, all_seconds = timed("all 30 metrics by process, as metrics_by gives them", pandas_all_metrics,
                                    events, answers, pd.Timestamp(as_of), settings)
    core_result, core_seconds = timed("the 7 core metrics only (what earlier runs timed)", pandas_core_metrics,
                                      core_events, pd.Timestamp(as_of), settings)

    print("Results")
    agree = compare(by_process, all_result, ALL_KEYS, "all metrics and process names", examples=3)
    agree &= compare(by_process, core_result, CORE_KEYS, "core metrics")
    print(f"  pandas / SQL, the same metrics by process (SQL cold): {all_seconds / sql_cold:.1f}x   (target >= 10x)")
    print(f"  pandas on the 7 core metrics only / SQL on all metrics (SQL cold): {core_seconds / sql_cold:.1f}x")
    print(f"  filter change: {filter_seconds:.2f} s   (target < 1 s)")
    print(f"  peak memory during the SQL runs: {sql_peak:,.0f} MB   (target < 2048 MB); "
          f"after pandas: {peak_memory_mb():,.0f} MB")
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
