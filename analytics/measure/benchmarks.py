"""Published benchmarks, each beside the figure of your own data it compares with, and the Ontario rule.

Every benchmark names its source, year and definition, the figure of yours it is set beside and
why that comparison holds (or how far it does): `benchmark.<key>.definition` and `.why` in
analytics/i18n.py, in English and Swedish. Your figures are computed from the per-application facts
(and, for candidate NPS, the verdict drivers of analytics.measure.voice); a figure your sources
cannot tell is None with the applications it rests on, never a zero.

The Ontario rule (Employment Standards Act, in force 1 January 2026: an employer who interviewed
an applicant must tell them within 45 days of the last interview whether a decision has been made)
is an optional check (`ontario_rule` in the settings), measured by `ontario_check`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from analytics.i18n import t

ONTARIO_DAYS = 45


@dataclass(frozen=True)
class Benchmark:
    key: str
    source: str
    year: str                      # as the source dates it: "2025", "Dec 2024"
    value: float                   # a share (0–1) or a net score (−100 to 100)
    unit: str                      # 'share' | 'score'
    ours: str                      # the key of your figure it compares with (our_figures)
    earlier: tuple[tuple[str, float], ...] = ()   # the same series in earlier years


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("cande_resentment", "Talent Board / Survale CandE Benchmark", "2025", 0.15, "share",
              "very_unlikely_to_recommend", (("2024", 0.14), ("2023", 0.12))),
    Benchmark("greenhouse_ghosted", "Greenhouse Candidate Experience Report", "Dec 2024", 0.61, "share",
              "interviewed_ghosted"),
    Benchmark("trustcruit_cnps_told", "Trustcruit (Sweden)", "2019", -21.9, "score", "cnps_told"),
    Benchmark("trustcruit_cnps_not_told", "Trustcruit (Sweden)", "2019", -44.7, "score", "cnps_not_told"),
    Benchmark("trustcruit_never_told", "Trustcruit (Sweden)", "2019", 0.32, "share", "rejected_never_told"),
    Benchmark("linkedin_silence", "LinkedIn (Sweden)", "2025", 0.35, "share", "ghosted_share"),
)
BY_KEY = {benchmark.key: benchmark for benchmark in BENCHMARKS}
# Where each page shows them: beside the candidates' verdict, and beside the ghosted list.
VOICE_BENCHMARKS = ("cande_resentment", "trustcruit_cnps_told", "trustcruit_cnps_not_told")
SILENCE_BENCHMARKS = ("greenhouse_ghosted", "linkedin_silence", "trustcruit_never_told")


@dataclass(frozen=True)
class OurFigure:
    value: float | None            # None: your sources cannot tell it, or nobody to count
    part: int                      # the candidates or answers it counts
    of: int                        # out of how many


def _share(part: pd.Series, whole: pd.Series) -> OurFigure:
    of = int(whole.sum())
    counted = int((part & whole).sum())
    return OurFigure(counted / of if of else None, counted, of)


def our_figures(facts: pd.DataFrame | None, drivers: pd.DataFrame | None = None,
                distribution: pd.DataFrame | None = None) -> dict[str, OurFigure]:
    """Your figure for each benchmark, from the selected facts and the voice frames, each where given
    (the voice benchmarks need only the voice frames).

    interviewed_ghosted: interviewed applications left without news (ghosted) among the interviewed
    whose silence the sources can tell; rejected_never_told: rejected applications whose candidate
    was never told among the rejected the sources can tell; ghosted_share: ghosted among all that
    can be told; cnps_told / cnps_not_told: candidate NPS of answers from candidates told the outcome
    or not (the 'informed' verdict driver); very_unlikely_to_recommend: answers 0–2 of the
    recommendation question among all answers (the NPS distribution).
    """
    figures = {}
    if facts is not None and len(facts):
        def flag(column: str) -> pd.Series:
            return facts[column].fillna(False).astype(bool)

        interviewed = facts["interviews"].fillna(0) > 0
        rejected = facts["outcome"].astype(str).str.startswith("rejected")
        # A figure no application's sources can tell is left out: "not in your data", not "none".
        if flag("measured_ghosted").any():
            figures["interviewed_ghosted"] = _share(flag("ghosted"), interviewed & flag("measured_ghosted"))
            figures["ghosted_share"] = _share(flag("ghosted"), flag("measured_ghosted"))
        if flag("measured_informed").any():
            figures["rejected_never_told"] = _share(~flag("informed"), rejected & flag("measured_informed"))
    if drivers is not None and len(drivers):
        informed = drivers[(drivers["driver"] == "informed") & (drivers["measure"] == "cnps")].iloc[0]
        hidden = bool(informed["suppressed"])
        for key, score, n in (("cnps_told", "score_with", "n_with"), ("cnps_not_told", "score_without", "n_without")):
            value = None if hidden or pd.isna(informed[score]) else float(informed[score])
            figures[key] = OurFigure(value, int(informed[n]), int(informed[n]))
    if distribution is not None and len(distribution):
        answers = distribution["answers"].fillna(0)
        low = int(answers[distribution["score"].astype(int) <= 2].sum())
        total = int(answers.sum())
        figures["very_unlikely_to_recommend"] = OurFigure(low / total if total else None, low, total)
    return figures


def _format(value: float, unit: str, lang: str) -> str:
    if unit == "score":
        text = f"{value:+.1f}" if value != round(value) else f"{value:+.0f}"
        return text.replace(".", ",") if lang == "sv" else text
    whole = f"{round(value * 100):.0f}"
    return f"{whole}\u00a0%" if lang == "sv" else f"{whole}%"


def benchmark_line(key: str, figures: dict[str, OurFigure], lang: str) -> str:
    """One benchmark as a sentence for a page: the published figure with source and year (and earlier
    years), yours beside it, and what the comparison can and cannot say."""
    benchmark = BY_KEY[key]
    published = t(f"benchmark.{key}.definition", lang, value=_format(benchmark.value, benchmark.unit, lang),
                  source=benchmark.source, year=benchmark.year)
    if benchmark.earlier:
        published += " " + t("benchmark.earlier", lang, years=", ".join(
            f"{_format(value, benchmark.unit, lang)} ({year})" for year, value in benchmark.earlier))
    ours = figures.get(benchmark.ours)
    if ours is None:
        yours = t("benchmark.yours_unknown", lang)
    elif ours.value is None:
        # Counted but not shown: too few answers to show (anonymity), or nobody to count in the selection.
        yours = t("benchmark.yours_too_few" if ours.of else "benchmark.yours_none", lang)
    else:
        yours = t(f"benchmark.{key}.yours", lang, value=_format(ours.value, benchmark.unit, lang),
                  part=ours.part, of=ours.of)
    return f"{published} {yours} {t(f'benchmark.{key}.why', lang)}"


# -- the Ontario rule --------------------------------------------------------------------------------

@dataclass(frozen=True)
class OntarioCheck:
    """Interviewed applications whose 45 days after the last interview have passed, and how many were
    told a decision within them; value None when the sources can tell it for none."""

    due: int
    told_in_time: int
    unmeasured: int                 # interviewed applications whose sources cannot tell the answer

    @property
    def value(self) -> float | None:
        return self.told_in_time / self.due if self.due else None


def ontario_check(facts: pd.DataFrame) -> OntarioCheck:
    """Ontario's 45-day rule on the selected facts.

    Due: applications with an interview held, not withdrawn, whose last interview lies at least 45
    days before as_of. Told in time: the first rejection, feedback or offer after the last interview
    (post_interview_at) came within 45 days of it. A status update does not count: the data cannot
    tell whether it said a decision had been made. Applications whose sources do not record both
    interviews and messages (measured_post_interview) are counted as unmeasured, never as not told.
    """
    if not len(facts):
        return OntarioCheck(0, 0, 0)
    interviewed = (facts["interviews"].fillna(0) > 0) & ~facts["withdrawn"].fillna(False).astype(bool)
    measured = facts["measured_post_interview"].fillna(False).astype(bool)
    limit = timedelta(days=ONTARIO_DAYS)
    last = pd.to_datetime(facts["last_interview_at"], utc=True)
    as_of = pd.to_datetime(facts["as_of"], utc=True)
    answered = pd.to_datetime(facts["post_interview_at"], utc=True)
    due = interviewed & measured & (last + limit <= as_of)
    in_time = due & answered.notna() & (answered <= last + limit)
    return OntarioCheck(int(due.sum()), int(in_time.sum()), int((interviewed & ~measured).sum()))


def ontario_line(check: OntarioCheck, lang: str) -> str:
    """The check in a sentence: told within 45 days, of how many, and what the data cannot tell."""
    if check.value is None:
        text = t("ontario.none_due", lang, days=ONTARIO_DAYS)
    else:
        text = t("ontario.line", lang, value=_format(check.value, "share", lang), told=check.told_in_time,
                 due=check.due, days=ONTARIO_DAYS, late=check.due - check.told_in_time)
    if check.unmeasured:
        text += " " + t("ontario.unmeasured", lang, count=check.unmeasured)
    return text
