"""The metric catalogue is consistent, and the places that show metrics read it."""

from __future__ import annotations

import math

import pandas as pd

from analytics.catalogue import (
    CARD,
    DISPLAY_LATENCIES,
    METRICS,
    PLACES,
    REPORT,
    display_metric,
    keys_shown_in,
    missing_evidence,
    shares,
    shown_in,
)
from analytics.present import process_view, reports
from analytics.settings import Settings
from analytics.vocabulary import EVIDENCE


def test_every_metric_is_complete_and_names_known_evidence_and_places():
    for metric in METRICS.values():
        assert metric.label_en and metric.label_sv and metric.explanation_en and metric.explanation_sv, metric.key
        assert set(metric.needs) <= set(EVIDENCE), metric.key
        assert metric.shown <= set(PLACES), metric.key
        assert (metric.target is None) or metric.unit == "share", metric.key


def test_every_share_names_its_parts_and_interval_and_they_are_metrics_or_columns():
    for metric in shares():
        numerator, denominator = metric.ratio
        assert numerator in METRICS and denominator in METRICS, metric.key
        assert metric.interval == (f"{metric.key}_low", f"{metric.key}_high")
        # a share needs at least what its parts need
        assert set(METRICS[numerator].needs) | set(METRICS[denominator].needs) <= set(metric.needs), metric.key


def test_latencies_restate_in_the_chosen_unit_under_their_own_key():
    assert DISPLAY_LATENCIES["ack_latency_median"] == "ack_latency_h_median"
    # 1.25 calendar days are 30 hours: under two days, so written in hours; business days stay so
    assert display_metric("ack_latency_median", "days").format_value(1.25, "en") == "30 h"
    assert display_metric("ack_latency_median", "business_days").format_value(1.25, "sv") == "1,3 arbetsdagar"
    assert display_metric("ack_latency_median", "days").label("sv") == METRICS["ack_latency_h_median"].label("sv")


def test_places_keep_the_order_pages_and_reports_draw_them_in():
    assert keys_shown_in(CARD, follow_latency_unit=True) == process_view.CARD_KEYS == (
        "applications", "ack_within_sla_share", "ack_latency_median", "outcome_coverage",
        "personal_feedback_coverage", "ghosted_share")
    assert keys_shown_in(REPORT) == reports.PROCESS_TABLE_KEYS == (
        "applications", "ack_within_sla_share", "ack_latency_h_median", "outcome_coverage",
        "personal_feedback_coverage", "ghosted", "survey_response_rate", "cnps", "sentiment_score")
    assert process_view.RANKING_KEYS == (
        "ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage", "ghosted_share",
        "ack_latency_median", "longest_silence_d_median")
    assert reports.SHARE_WITH_INTERVAL == reports.TREND_KEYS == (
        "ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage")
    assert reports.RANKED_KEYS == ("ack_within_sla_share", "personal_feedback_coverage")
    assert process_view.SHARE_PARTS["survey_response_rate"] == ("survey_responses", "survey_sent")
    assert process_view.TARGET_KEYS == ("ack_within_sla_share", "outcome_coverage", "personal_feedback_coverage",
                                        "ghosted_share")


def test_the_risk_thresholds_on_catalogue_shares_default_to_their_targets():
    defaults = Settings()
    assert defaults.risk_ack_within_sla_min == METRICS["ack_within_sla_share"].target == 0.95
    assert defaults.risk_ghosted_max == METRICS["ghosted_share"].target == 0.05
    assert defaults.risk_personal_feedback_min == METRICS["personal_feedback_coverage"].target == 0.90


def test_missing_evidence_is_named_in_the_vocabulary_order():
    ack = METRICS["ack_within_sla_share"]
    assert missing_evidence(ack, {"applications", "decisions"}) == ("messages",)
    assert missing_evidence(ack, set()) == ("applications", "messages")
    assert missing_evidence(METRICS["applications"], set()) == ()
    assert [metric.key for metric in shown_in(CARD)][0] == "applications"


def test_a_missing_value_is_not_measurable_whatever_kind_of_missing():
    share = METRICS["outcome_coverage"]
    for missing in (None, float("nan"), math.nan, pd.NA, pd.NaT):
        assert share.format_value(missing, "en") == "not measurable"
        assert share.format_value(missing, "sv") == "kan inte mätas"
        assert share.format_value(missing, "en", missing="–") == "–"
    assert share.format_value(0.753, "en") == "75%"
    assert share.format_value(0.753, "sv") == "75\u00a0%"
    assert METRICS["cnps"].format_value(-12.4, "en") == "-12"
    assert METRICS["applications"].format_value(1830, "sv") == "1\u00a0830"
