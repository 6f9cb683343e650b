"""The metric catalogue: every metric the product shows, declared once.

Each entry says what the metric is called (English and Swedish), its unit (which says how it is
written: analytics/formatting.py), what it means, which way is good and the target a process
should reach, which columns of the metrics frame make up a share (numerator, denominator, Wilson
interval), what evidence it needs from the data (kinds in `analytics.vocabulary.EVIDENCE`), and
where it is shown. Settings defaults for the brand-risk thresholds, the Overview cards, the
Processes ranking, the reports, the "what this export can measure" lists, the docs table
(tests/test_docs.py) and the benchmark all read it.

The numbers themselves come from SQL (measure/sql/application_facts.sql per application,
measure/sql/metrics_by_group.sql per group). Adding a metric means its SQL, one entry here and the
messages it needs in analytics/i18n.py.

Latency units: contract columns keep their unit (`*_h` calendar hours, `*_d` calendar days) so
that `metrics --json` means the same whatever the settings. A latency's `display_key` names the
unit-free column (`ack_latency_median`, ...) that restates it in `Settings.latency_unit`;
`display_metric` gives that column's label and unit.

This module sits at the ground floor: it imports nothing of the product but the vocabulary and the
formatting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from analytics import formatting
from analytics.vocabulary import EVIDENCE

# Where a metric is shown.
CARD = "card"                      # the Overview's headline cards and the Process detail's
RANKING = "ranking"                # what the Processes page can rank processes by
REPORT = "report"                  # the reports' headline cards, process table and XLSX metrics sheet
REPORT_INTERVAL = "report_interval"  # ... with its Wilson interval beside the value
REPORT_TREND = "report_trend"      # the reports' monthly trend chart
REPORT_RANKING = "report_ranking"  # the organisation report's per-process ranking charts
DATA = "data"                      # the keys `metrics --json` promises (the spec's section 4): the Data
                                   # page and the mapping step say whether the imports can measure each
PLACES = (CARD, RANKING, REPORT, REPORT_INTERVAL, REPORT_TREND, REPORT_RANKING, DATA)

LATENCY_UNITS = ("hours", "days", "business_days")  # Settings.latency_unit


@dataclass(frozen=True)
class MetricDefinition:
    """One metric: how people see it, how it is built from the frame's columns, what data it needs."""

    key: str
    label_en: str
    label_sv: str
    unit: str  # 'share' | 'hours' | 'days' | 'business_days' | 'count' | 'score' (analytics/formatting.py)
    explanation_en: str
    explanation_sv: str
    higher_is_better: bool | None  # None: neither (plain counts)
    target: float | None = None  # shares only: the level a process should reach (or stay below)
    ratio: tuple[str, str] | None = None  # shares: (numerator, denominator) columns of the metrics frame
    interval: tuple[str, str] | None = None  # shares: (low, high) columns, Wilson 95 %
    needs: tuple[str, ...] = ()  # EVIDENCE kinds some source must record for the metric to be known
    shown: frozenset[str] = frozenset()  # PLACES
    display_key: str | None = None  # latencies: the column restating it in Settings.latency_unit

    def label(self, language: str = "en") -> str:
        return self.label_sv if language == "sv" else self.label_en

    def explanation(self, language: str = "en") -> str:
        return self.explanation_sv if language == "sv" else self.explanation_en

    def format_value(self, value: Any, lang: str, missing: str | None = None, sign: bool = False) -> str:
        """The value as people read it in `lang`: "83%", "1 830", "+12", "7.0 days"; a value that cannot
        be measured in words (or `missing`); with `sign`, a change ("+5 pp", "−1.5 h")."""
        if self.unit == "share":
            return (formatting.points if sign else formatting.percent)(value, lang, missing=missing)
        if self.unit == "score":
            return formatting.signed(value, lang, missing=missing)
        if self.unit == "count":
            return (formatting.signed if sign else formatting.number)(value, lang, missing=missing)
        return formatting.duration(value, lang, self.unit, missing=missing, sign=sign)


def _share(key, label_en, label_sv, explanation_en, explanation_sv, *, ratio, needs, shown=(),
           higher_is_better=True, target=None):
    return MetricDefinition(key, label_en, label_sv, "share", explanation_en, explanation_sv,
                            higher_is_better, target, ratio, (f"{key}_low", f"{key}_high"), needs, frozenset(shown))


def _count(key, label_en, label_sv, explanation_en, explanation_sv, *, needs, shown=(), higher_is_better=None):
    return MetricDefinition(key, label_en, label_sv, "count", explanation_en, explanation_sv,
                            higher_is_better, needs=needs, shown=frozenset(shown))


def _hours(key, label_en, label_sv, explanation_en, explanation_sv, *, needs, display_key, shown=()):
    return MetricDefinition(key, label_en, label_sv, "hours", explanation_en, explanation_sv,
                            False, needs=needs, shown=frozenset(shown), display_key=display_key)


def _days(key, label_en, label_sv, explanation_en, explanation_sv, *, needs, shown=()):
    return MetricDefinition(key, label_en, label_sv, "days", explanation_en, explanation_sv,
                            False, needs=needs, shown=frozenset(shown))


def _score(key, label_en, label_sv, explanation_en, explanation_sv, *, needs, shown=()):
    return MetricDefinition(key, label_en, label_sv, "score", explanation_en, explanation_sv,
                            True, needs=needs, shown=frozenset(shown))


# What each family of metrics needs from the data (spec section 5).
_ACK = ("applications", "messages")
_NOTICE = ("decisions", "messages")
_FEEDBACK = ("interviews", "decisions", "personal_feedback")
_AFTER_INTERVIEW = ("interviews", "messages")
_SILENCE = ("applications", "messages", "decisions")
_RESPONSE = ("surveys_sent", "survey_answers")
_VOICE = ("survey_answers",)

# In reading order: the cards, the reports' table and the Data page list them in this order.
_METRIC_LIST: tuple[MetricDefinition, ...] = (
    _count("applications", "Applications", "Ansökningar",
           "Applications (candidate and process) with at least one event by the reference time.",
           "Ansökningar (kandidat och process) med minst en händelse fram till referenstiden.",
           needs=(), shown=(CARD, REPORT, DATA)),
    _count("ack_eligible", "Applications past the acknowledgement deadline",
           "Ansökningar förbi bekräftelsefristen",
           "Applications whose acknowledgement deadline has passed: the base of the SLA share.",
           "Ansökningar vars bekräftelsefrist har passerat: underlaget för andelen inom SLA.",
           needs=("applications",)),
    _count("ack_within_sla", "Acknowledged within SLA (count)", "Bekräftade inom SLA (antal)",
           "Applications past the deadline that were acknowledged within the SLA hours.",
           "Ansökningar förbi fristen som bekräftades inom SLA-timmarna.", needs=_ACK, higher_is_better=True),
    _share("ack_within_sla_share", "Acknowledged within SLA", "Bekräftade inom SLA",
           "Of applications past the deadline, the share acknowledged within the SLA hours.",
           "Andel av ansökningarna förbi fristen som bekräftades inom SLA-timmarna.", target=0.95,
           ratio=("ack_within_sla", "ack_eligible"), needs=_ACK,
           shown=(CARD, RANKING, REPORT, REPORT_INTERVAL, REPORT_TREND, REPORT_RANKING, DATA)),
    _hours("ack_latency_h_median", "Time to acknowledgement (median)", "Tid till bekräftelse (median)",
           "Median time from application to the first contact at or after it, acknowledged applications.",
           "Mediantid från ansökan till första kontakten vid eller efter den, bland bekräftade ansökningar.",
           needs=_ACK, display_key="ack_latency_median", shown=(CARD, RANKING, REPORT, DATA)),
    _hours("ack_latency_h_p90", "Time to acknowledgement (90th percentile)",
           "Tid till bekräftelse (90:e percentilen)",
           "Nine in ten acknowledged applications heard from the employer within this time.",
           "Nio av tio bekräftade ansökningar fick svar inom denna tid.",
           needs=_ACK, display_key="ack_latency_p90", shown=(DATA,)),
    _hours("notice_latency_h_median", "Time to rejection notice (median)", "Tid till avslagsbesked (median)",
           "Median time from the rejection decision to telling the candidate.",
           "Mediantid från avslagsbeslut till att kandidaten får besked.",
           needs=_NOTICE, display_key="notice_latency_median", shown=(DATA,)),
    _hours("notice_latency_h_p90", "Time to rejection notice (90th percentile)",
           "Tid till avslagsbesked (90:e percentilen)",
           "Nine in ten told rejections were told within this time of the decision.",
           "Nio av tio meddelade avslag meddelades inom denna tid från beslutet.",
           needs=_NOTICE, display_key="notice_latency_p90"),
    _count("outcome_known", "Decided applications", "Avgjorda ansökningar",
           "Applications rejected or offered a job (withdrawn ones left out).",
           "Ansökningar med avslag eller erbjudande (återtagna räknas inte).", needs=("decisions",), shown=(DATA,)),
    _count("outcome_informed", "Candidates told the outcome", "Kandidater som fått besked",
           "Decided applications whose candidate was told: a notice after a rejection, or an offer.",
           "Avgjorda ansökningar där kandidaten fått besked: avslagsbesked eller erbjudande.",
           needs=_NOTICE, shown=(DATA,)),
    _share("outcome_coverage", "Outcome told", "Besked lämnat",
           "Share of decided applications whose candidate was told the outcome.",
           "Andel avgjorda ansökningar där kandidaten fått besked.", target=0.95,
           ratio=("outcome_informed", "outcome_known"), needs=_NOTICE,
           shown=(CARD, RANKING, REPORT, REPORT_INTERVAL, REPORT_TREND, DATA)),
    _count("interviewed_rejected", "Rejected after interview", "Avslag efter intervju",
           "Applications with at least one interview held and a rejection that stands.",
           "Ansökningar med minst en genomförd intervju och ett avslag som står fast.",
           needs=("interviews", "decisions"), shown=(DATA,)),
    _count("personal_feedback", "Personal feedback given", "Personlig återkoppling given",
           "Rejected after interview and given feedback by phone, video or in person after the last interview.",
           "Avslag efter intervju med återkoppling per telefon, video eller på plats efter sista intervjun.",
           needs=_FEEDBACK, shown=(DATA,)),
    _share("personal_feedback_coverage", "Personal feedback after interview",
           "Personlig återkoppling efter intervju",
           "Of candidates rejected after an interview, the share given personal feedback.",
           "Andel av kandidaterna med avslag efter intervju som fått personlig återkoppling.", target=0.90,
           ratio=("personal_feedback", "interviewed_rejected"), needs=_FEEDBACK,
           shown=(CARD, RANKING, REPORT, REPORT_INTERVAL, REPORT_TREND, REPORT_RANKING, DATA)),
    _hours("post_interview_latency_h_median", "Time to answer after interview (median)",
           "Tid till svar efter intervju (median)",
           "Median time from the last interview to the first feedback, rejection notice or offer.",
           "Mediantid från sista intervjun till första återkoppling, avslagsbesked eller erbjudande.",
           needs=_AFTER_INTERVIEW, display_key="post_interview_latency_median", shown=(DATA,)),
    _hours("post_interview_latency_h_p90", "Time to answer after interview (90th percentile)",
           "Tid till svar efter intervju (90:e percentilen)",
           "Nine in ten interviewed candidates who got an answer got it within this time.",
           "Nio av tio intervjuade kandidater som fick svar fick det inom denna tid.",
           needs=_AFTER_INTERVIEW, display_key="post_interview_latency_p90"),
    _days("longest_silence_d_median", "Longest silence (median)", "Längsta tystnad (median)",
          "Median over applications of the longest stretch without hearing from the employer.",
          "Median över ansökningarna av den längsta perioden utan besked från arbetsgivaren.",
          needs=_SILENCE, shown=(RANKING, DATA)),
    _days("longest_silence_d_p90", "Longest silence (90th percentile)", "Längsta tystnad (90:e percentilen)",
          "Nine in ten applications never waited longer than this without news.",
          "Nio av tio ansökningar väntade aldrig längre än så utan besked.", needs=_SILENCE),
    _count("ghosted", "Ghosted", "Ghostade",
           "Open applications without news for longer than the silence limit, or rejected and never told.",
           "Öppna ansökningar utan besked längre än tystnadsgränsen, eller avslag som aldrig meddelats.",
           needs=_SILENCE, shown=(REPORT, DATA), higher_is_better=False),
    _share("ghosted_share", "Ghosted share", "Andel ghostade",
           "Share of applications that are ghosted (withdrawn applications never are).",
           "Andel ansökningar som är ghostade (återtagna är det aldrig).", higher_is_better=False, target=0.05,
           ratio=("ghosted", "applications"), needs=_SILENCE, shown=(CARD, RANKING)),
    _count("outcome_hired", "Offers and hires", "Erbjudanden och anställningar",
           "Applications that ended in an offer (accepted or not).",
           "Ansökningar som slutade med ett erbjudande (antaget eller inte).", needs=("decisions",)),
    _count("outcome_withdrawn", "Withdrawn", "Återtagna",
           "Applications the candidate withdrew.",
           "Ansökningar som kandidaten drog tillbaka.", needs=("decisions",)),
    _count("outcome_open", "Open", "Öppna",
           "Applications without a decision, offer or withdrawal yet.",
           "Ansökningar utan beslut, erbjudande eller återtagande ännu.", needs=("decisions",)),
    _count("survey_sent", "Surveys sent", "Enkäter skickade",
           "Applications whose candidate was sent a survey.",
           "Ansökningar där kandidaten fått en enkät.", needs=("surveys_sent",), shown=(DATA,)),
    _count("survey_responses", "Surveys answered", "Enkäter besvarade",
           "Applications sent a survey with at least one answer (a repeated answer counts once).",
           "Ansökningar med enkät och minst ett svar (upprepade svar räknas en gång).",
           needs=_RESPONSE, shown=(DATA,), higher_is_better=True),
    _share("survey_response_rate", "Survey response rate", "Svarsfrekvens",
           "Of applications sent a survey, the share that answered.",
           "Andel av ansökningarna med enkät som svarade.",
           ratio=("survey_responses", "survey_sent"), needs=_RESPONSE, shown=(REPORT, DATA)),
    _count("survey_answers_nps", "Answers with NPS", "Svar med NPS",
           "Survey answers with a 0–10 recommendation score: the base of the candidate NPS.",
           "Enkätsvar med rekommendationsbetyg 0–10: underlaget för kandidat-NPS.", needs=_VOICE),
    _score("cnps", "Candidate NPS", "Kandidat-NPS",
           "Percentage of answers scoring 9–10 minus percentage scoring 0–6.",
           "Procent svar med 9–10 minus procent svar med 0–6.", needs=_VOICE, shown=(REPORT, DATA)),
    _count("comments", "Comments", "Kommentarer",
           "Survey answers with a comment that has a sentiment label.",
           "Enkätsvar med en kommentar som har en sentimentetikett.", needs=_VOICE),
    _score("sentiment_score", "Comment sentiment", "Kommentarernas ton",
           "100 × (positive − negative comments) / comments.",
           "100 × (positiva − negativa kommentarer) / kommentarer.", needs=_VOICE, shown=(REPORT, DATA)),
)

METRICS: dict[str, MetricDefinition] = {metric.key: metric for metric in _METRIC_LIST}

# The unit-free latency columns and the hours metric each restates in Settings.latency_unit.
DISPLAY_LATENCIES: dict[str, str] = {metric.display_key: metric.key for metric in _METRIC_LIST if metric.display_key}


def display_metric(key: str, latency_unit: str = "hours") -> MetricDefinition:
    """The definition of any metrics-frame column pages show, latencies in the chosen unit."""
    if key in DISPLAY_LATENCIES:
        hours_metric = METRICS[DISPLAY_LATENCIES[key]]
        return replace(hours_metric, key=key, unit=latency_unit)
    return METRICS[key]


def shown_in(place: str) -> tuple[MetricDefinition, ...]:
    """The metrics shown in a place, in catalogue order."""
    if place not in PLACES:
        raise ValueError(f"Unknown place {place!r}; choose one of {', '.join(PLACES)}")
    return tuple(metric for metric in _METRIC_LIST if place in metric.shown)


def keys_shown_in(place: str, *, follow_latency_unit: bool = False) -> tuple[str, ...]:
    """The keys of a place's metrics; with follow_latency_unit, latencies by their unit-free column."""
    return tuple((metric.display_key or metric.key) if follow_latency_unit else metric.key
                 for metric in shown_in(place))


def shares() -> tuple[MetricDefinition, ...]:
    """The shares, each with its ratio and interval columns."""
    return tuple(metric for metric in _METRIC_LIST if metric.ratio is not None)


def missing_evidence(metric: MetricDefinition, evidence: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The evidence kinds the metric needs that `evidence` lacks, in the vocabulary's order."""
    return tuple(kind for kind in EVIDENCE if kind in metric.needs and kind not in evidence)
