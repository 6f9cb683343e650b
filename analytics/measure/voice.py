"""The candidate's own verdict: surveys, candidate NPS, ratings and comment sentiment.

Per group of applications (process, stage reached, outcome) this gives the response rate, the
candidate NPS with its distribution, rating means and the comment sentiment; the cNPS trend by
month; themes by sentiment; what goes with the verdict (told the outcome or not, ...); the comments
themselves for reading; and the step that calibrates the sentiment scorer on the store's own
comments. Definitions, the anonymity rule and the interval formulas: docs/voice.md.

Like metrics.py, everything is computed in DuckDB over `application_facts` (the stored facts, or a
frame as `facts`) filtered by `selected_facts`; the long SQL is in sql/voice_*.sql. No result carries a candidate id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import duckdb
import pandas as pd

from analytics.measure.metrics import NO_FILTERS, Filters, KeptFacts, facts_cursor
from analytics.measure.window import Window
from analytics.privacy import escape_markdown
from analytics.sentiment import (
    SCORER_NAME,
    THEMES,
    CalibratedScorer,
    calibrate_on_store_comments,
    mask_personal_data,
    score_text,
    score_texts,
    themes_of,
)
from analytics.settings import Settings
from analytics.store import Store, read_sql

GROUPS = ("process", "stage", "outcome", "all")
DRIVERS = ("informed", "ack_within_sla", "personal_feedback", "long_silence")
LABELS = ("positive", "neutral", "negative")


def previous_window(filters: Filters) -> Filters | None:
    """The comparison window of the filters' dates (Window.previous, as on the Overview; the other
    filters kept), to show a trend against; None when the filters set no closed date range."""
    if filters.date_from is None or filters.date_to is None:
        return None
    before = Window(filters.date_from, filters.date_to).previous()
    return replace(filters, date_from=before.start, date_to=before.end)


@dataclass(frozen=True)
class VoiceReport:
    """Everything the Candidate voice page draws for one selection, computed on one connection."""

    groups: pd.DataFrame  # voice_by: one row per group of the chosen grouping
    processes: pd.DataFrame  # voice_by 'process'
    trend: pd.DataFrame  # cnps_trend: one row per local month of submitted_at
    distribution: pd.DataFrame  # nps_distribution of the whole selection: scores 0..10
    ratings: pd.DataFrame  # rating_means of the whole selection
    themes: pd.DataFrame  # theme_sentiment: theme x label counts
    drivers: pd.DataFrame  # verdict_drivers
    overall: dict[str, Any]  # the 'all' row of voice_by
    min_survey_answers: int


@dataclass(frozen=True)
class CalibrationResult:
    """One calibration run as stored: the evidence, and what it did to the stored labels."""

    calibrated_at: datetime
    labelled_comments: int  # stored comments with NPS 0-6 or 9-10
    trained_on: int
    held_out: int
    default_accuracy: float | None
    calibrated_accuracy: float | None
    beats_default: bool
    scorer: str  # the scorer whose labels the stored comments now carry
    relabelled: int  # answers whose label changed
    reason: str  # why nothing was trained, else ''


# -- the selection ---------------------------------------------------------------------------------

@contextmanager
def _voice_cursor(store: Store, settings: Settings, filters: Filters,
                  facts: pd.DataFrame | KeptFacts | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection holding `voice_answers`: the selected applications' answers with their facts."""
    with facts_cursor(store, settings, filters, facts, materialize=True, macros=("voice_macros.sql",)) as cursor:
        cursor.execute("CREATE OR REPLACE TEMP TABLE voice_answers AS " + read_sql("measure/sql/voice_answers.sql"),
                       {"timezone": settings.timezone, **filters.parameters()})
        yield cursor
        cursor.execute("DROP TABLE voice_answers")   # a kept_facts connection lives on


def _check_group(by: str) -> None:
    if by not in GROUPS:
        raise ValueError(f"Cannot group the candidate voice by {by!r}; choose one of {', '.join(GROUPS)}")


# -- aggregates ------------------------------------------------------------------------------------

def _groups(cursor, by: str, settings: Settings, filters: Filters) -> pd.DataFrame:
    parameters = {"group_by": by, "min_survey_answers": settings.min_survey_answers, **filters.parameters()}
    return cursor.execute(read_sql("measure/sql/voice_by_group.sql"), parameters).df()


def _per_group(cursor, name: str, by: str, settings: Settings) -> pd.DataFrame:
    parameters = {"group_by": by, "min_survey_answers": settings.min_survey_answers}
    return cursor.execute(read_sql(f"measure/sql/{name}"), parameters).df()


def _trend(cursor, settings: Settings) -> pd.DataFrame:
    return cursor.execute(read_sql("measure/sql/voice_trend.sql"), {"min_survey_answers": settings.min_survey_answers}).df()


def _drivers(cursor, settings: Settings) -> pd.DataFrame:
    return cursor.execute(read_sql("measure/sql/voice_drivers.sql"), {
        "silence_limit_days": float(settings.silence_limit_days),
        "min_survey_answers": settings.min_survey_answers,
    }).df()


@lru_cache(maxsize=50_000)
def _themes(text: str, language: str | None) -> tuple[str, ...]:
    """Themes of one stored comment; comments repeat across answers and page runs, so cached."""
    return themes_of(text, language)


def _theme_sentiment(cursor, settings: Settings) -> pd.DataFrame:
    labelled = cursor.execute(
        "SELECT comment, language, sentiment_label, count(*) AS comments FROM voice_answers "
        "WHERE sentiment_label IS NOT NULL GROUP BY comment, language, sentiment_label"
    ).df()
    counts = {(theme, label): 0 for theme in THEMES for label in LABELS}
    for text, language, label, number in labelled.itertuples(index=False):
        for theme in _themes(text, language if isinstance(language, str) else None):
            counts[theme, label] += int(number)
    suppressed = int(labelled["comments"].sum()) < settings.min_survey_answers
    return pd.DataFrame([
        {"theme": theme, "label": label, "comments": None if suppressed else number, "suppressed": suppressed}
        for (theme, label), number in counts.items()
    ])


def _resolve(store: Store, settings: Settings | None) -> Settings:
    return settings or store.settings()


def voice_by(store: Store, by: str = "process", filters: Filters = NO_FILTERS, settings: Settings | None = None,
             facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """Response rate, cNPS (with interval and n), label counts and sentiment score per group.

    by: 'process' (key process_id, plus process_name), 'stage' (the stage reached), 'outcome'
    (hired, rejected_after_interview, rejected_before_interview, withdrawn, open) or 'all' (one
    row, also for an empty selection). Groups with fewer answers than min_survey_answers have
    `suppressed` set and NULL results.
    """
    _check_group(by)
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _groups(cursor, by, settings, filters)


def nps_distribution(store: Store, by: str = "all", filters: Filters = NO_FILTERS, settings: Settings | None = None,
                     facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """Answers per NPS score 0..10 and group (group_key, score, answers, suppressed)."""
    _check_group(by)
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _per_group(cursor, "voice_distribution.sql", by, settings)


def rating_means(store: Store, by: str = "all", filters: Filters = NO_FILTERS, settings: Settings | None = None,
                 facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """Mean of each 1-5 rating per group, with n (group_key, process_name, rating, n, mean, suppressed)."""
    _check_group(by)
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _per_group(cursor, "voice_ratings.sql", by, settings)


def cnps_trend(store: Store, filters: Filters = NO_FILTERS, settings: Settings | None = None,
               facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """cNPS with its interval, and sentiment score, per local month (YYYY-MM) of submitted_at."""
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _trend(cursor, settings)


def theme_sentiment(store: Store, filters: Filters = NO_FILTERS, settings: Settings | None = None,
                    facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """Comments per theme and sentiment label (a comment counts once for each of its themes)."""
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _theme_sentiment(cursor, settings)


def verdict_drivers(store: Store, filters: Filters = NO_FILTERS, settings: Settings | None = None,
                    facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """cNPS and sentiment of answers with and without each condition in DRIVERS, the difference
    and its 95 % interval, n per side (sql/voice_drivers.sql)."""
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        return _drivers(cursor, settings)


def voice_report(store: Store, by: str = "process", filters: Filters = NO_FILTERS, settings: Settings | None = None,
                 facts: pd.DataFrame | KeptFacts | None = None) -> VoiceReport:
    """All of the above for one selection in one pass: what a page caches."""
    _check_group(by)
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        overall = _groups(cursor, "all", settings, filters).iloc[0].to_dict()
        processes = _groups(cursor, "process", settings, filters)
        return VoiceReport(
            groups=processes if by == "process" else _groups(cursor, by, settings, filters),
            processes=processes,
            trend=_trend(cursor, settings),
            distribution=_per_group(cursor, "voice_distribution.sql", "all", settings),
            ratings=_per_group(cursor, "voice_ratings.sql", "all", settings),
            themes=_theme_sentiment(cursor, settings),
            drivers=_drivers(cursor, settings),
            overall=overall,
            min_survey_answers=settings.min_survey_answers,
        )


def linked_answers(store: Store, settings: Settings | None = None) -> int:
    """The answers of the log's applications (by as_of): voice_by 'all' without filters, all a selection can hold."""
    with facts_cursor(store, _resolve(store, settings)) as cursor:
        return cursor.execute("SELECT count(*) FROM survey_responses AS r JOIN application_facts AS f "
                              "USING (candidate_id, process_id) WHERE r.submitted_at <= f.as_of").fetchone()[0]


# -- the comment browser ---------------------------------------------------------------------------

COMMENT_COLUMNS = ("process_id", "process_name", "submitted_date", "language", "nps", "label", "score",
                   "comment", "drivers", "themes")


def comments(store: Store, filters: Filters = NO_FILTERS, process: str | None = None, sentiment: str | None = None,
             theme: str | None = None, language: str | None = None, limit: int = 200,
             settings: Settings | None = None, facts: pd.DataFrame | KeptFacts | None = None) -> pd.DataFrame:
    """The newest comments of the selection, masked, with their drivers and themes (COMMENT_COLUMNS).

    Comments of a process with fewer answers in the selection than min_survey_answers are left out
    (anonymity). Drivers are re-read from the stored text for the returned rows only.
    """
    settings = _resolve(store, settings)
    with _voice_cursor(store, settings, filters, facts) as cursor:
        rows = cursor.execute(
            """
            SELECT process_id, process_name, submitted_date, language, nps,
                   sentiment_label AS label, sentiment_score AS score, comment
            FROM voice_answers
            WHERE comment IS NOT NULL AND trim(comment) <> ''
              AND ($process IS NULL OR process_id = $process)
              AND ($label IS NULL OR sentiment_label = $label)
              AND ($language IS NULL OR language = $language)
              AND process_id IN (SELECT process_id FROM voice_answers GROUP BY process_id
                                 HAVING count(*) >= $min_survey_answers)
            ORDER BY submitted_at DESC, response_key
            """,
            {"process": process, "label": sentiment, "language": language,
             "min_survey_answers": settings.min_survey_answers},
        ).df()
    rows["themes"] = [_themes(text, lang if isinstance(lang, str) else None)
                      for text, lang in zip(rows["comment"], rows["language"], strict=True)]
    if theme is not None:
        rows = rows[[theme in found for found in rows["themes"]]]
    rows = rows.head(limit).reset_index(drop=True)
    rows["submitted_date"] = rows["submitted_date"].dt.date
    # Stored comments were masked at import; masking again costs little and guards older rows.
    rows["comment"] = [mask_personal_data(text) for text in rows["comment"]]
    rows["drivers"] = [score_text(text).drivers for text in rows["comment"]]
    return rows[list(COMMENT_COLUMNS)]


def _driver_spans(text: str, drivers: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, sign) of each driver in the text: the whole phrase, else its single words."""
    spans = []
    for driver in drivers:
        sign, phrase = driver[:1], driver[1:]
        words = phrase.split()
        exact = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
        found = list(exact.finditer(text))
        if not found and len(words) > 1:
            found = [m for word in words if len(word) > 2
                     for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE)]
        spans += [(match.start(), match.end(), sign) for match in found]
    merged: list[tuple[int, int, str]] = []
    for start, end, sign in sorted(spans):
        if merged and start < merged[-1][1]:
            last_start, last_end, last_sign = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_sign)
        else:
            merged.append((start, end, sign))
    return merged


def highlight_drivers(text: str, drivers: tuple[str, ...]) -> str:
    """Markdown of a comment with its driver words in bold, green for praise and red for criticism.

    The comment is user input: it is escaped first, and only our own emphasis is markup.
    """
    text = " ".join(text.split())
    parts, position = [], 0
    for start, end, sign in _driver_spans(text, drivers):
        parts.append(escape_markdown(text[position:start]) if start > position else "")
        colour = "green" if sign == "+" else "red"
        parts.append(f":{colour}[**{escape_markdown(text[start:end])}**]")
        position = end
    parts.append(escape_markdown(text[position:]))
    return "".join(parts)


# -- calibration on the store's own comments -------------------------------------------------------

def active_scorer(store: Store) -> str:
    """The scorer(s) that produced the stored labels, most used first."""
    rows = store.fetchall(
        "SELECT sentiment_scorer FROM survey_responses WHERE sentiment_scorer IS NOT NULL "
        "GROUP BY sentiment_scorer ORDER BY count(*) DESC, sentiment_scorer"
    )
    return ", ".join(name for (name,) in rows) or SCORER_NAME


def labels_version(store: Store) -> int:
    """Changes whenever a calibration run may have rewritten the stored labels: part of a cache key."""
    return store.scalar("SELECT coalesce(max(calibration_id), 0) FROM sentiment_calibrations")


_RESULT_COLUMNS = ("calibrated_at, labelled_comments, trained_on, held_out, default_accuracy, calibrated_accuracy, "
                   "beats_default, scorer, relabelled, reason")


def latest_calibration(store: Store) -> CalibrationResult | None:
    rows = store.fetchall(f"SELECT {_RESULT_COLUMNS} FROM sentiment_calibrations ORDER BY calibration_id DESC LIMIT 1")
    return CalibrationResult(*rows[0]) if rows else None


def calibrate_from_store(store: Store, seed: int = 0) -> CalibrationResult:
    """Fit the scorer to the stored comments, with NPS as weak labels, and keep it only if it wins.

    Promoters (9-10) count as positive and detractors (0-6) as negative (calibrate_on_store_comments).
    The run is saved in sentiment_calibrations. When the calibrated scorer beats the default on the
    held-out comments, every stored comment is re-labelled with it; when it does not, comments a
    previous calibration labelled go back to the default scorer. All in one transaction.
    """
    stored = store.query("SELECT comment, nps FROM survey_responses WHERE comment IS NOT NULL")
    calibrated = calibrate_on_store_comments(stored["comment"].tolist(), stored["nps"].tolist(), seed=seed)
    labelled = int((stored["comment"].str.strip().ne("") & (stored["nps"].le(6) | stored["nps"].ge(9))).sum())
    scorer = calibrated if calibrated.beats_default else None
    with store.transaction() as cursor:
        relabelled = _relabel(cursor, scorer)
        cursor.execute(
            f"INSERT INTO sentiment_calibrations SELECT nextval('calibration_ids'), {', '.join(['?'] * 11)}",
            [datetime.now(UTC), labelled, calibrated.trained_on, calibrated.held_out, calibrated.default_accuracy,
             calibrated.calibrated_accuracy, calibrated.beats_default, calibrated.scorer_name, relabelled,
             calibrated.reason, calibrated.to_json()],
        )
    return latest_calibration(store)


def _relabel(cursor: duckdb.DuckDBPyConnection, scorer: CalibratedScorer | None) -> int:
    """Re-label every stored comment with a winning `scorer`; with None, put back the default
    labels where an earlier calibration wrote them. Returns the number of answers whose label changed.
    """
    name = scorer.scorer_name if scorer is not None else SCORER_NAME
    # A new calibration replaces an older one of the same name; the default only undoes others.
    stale = "sentiment_label IS NOT NULL AND (? OR sentiment_scorer <> ?)"
    texts = [text for (text,) in cursor.execute(
        f"SELECT DISTINCT comment FROM survey_responses WHERE {stale}", [scorer is not None, name]
    ).fetchall()]
    if not texts:
        return 0
    results = scorer.score_texts(texts) if scorer is not None else score_texts(texts)
    cursor.register("relabels", pd.DataFrame({
        "comment": pd.Series(texts, dtype=object),
        "label": pd.Series([result.label for result in results], dtype=object),
        "score": pd.Series([result.score for result in results], dtype=float),
    }))
    changed = cursor.execute(
        f"SELECT count(*) FROM survey_responses JOIN relabels AS f USING (comment) "
        f"WHERE {stale} AND sentiment_label <> f.label", [scorer is not None, name],
    ).fetchone()[0]
    cursor.execute(
        f"UPDATE survey_responses SET sentiment_label = f.label, sentiment_score = f.score, sentiment_scorer = ? "
        f"FROM relabels AS f WHERE survey_responses.comment = f.comment AND {stale}",
        [name, scorer is not None, name],
    )
    cursor.unregister("relabels")
    return changed
