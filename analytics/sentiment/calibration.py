"""Calibrate the scorer on a customer's own comments, using their NPS answers as weak labels.

Promoters (NPS 9-10) are taken as positive and detractors (0-6) as negative; passives are left
out. A tiny logistic regression (numpy, L2-regularised) re-weighs the default scorer's evidence
(its score, its praise and its criticism) on part of the comments and is measured on the rest
against the default scorer. The result says both accuracies; callers should use the calibrated
scorer only when `beats_default` is true, and `score_texts` falls back to the default otherwise.

Comments in which the default scorer finds no evidence stay neutral: calibration re-weighs
evidence, it does not guess a mood from a blank ("Inget att tillägga" from a promoter).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from .scorer import SCORER_NAME, Analysis, SentimentResult, analyse, label_for, score_distinct

CALIBRATED_SCORER_NAME = f"{SCORER_NAME}+store-calibrated"
FEATURES = ("score", "log_praise", "log_criticism", "english")
HOLD_OUT_SHARE = 0.3
MIN_LABELLED = 30  # fewer weakly labelled comments than this cannot say anything reliable
L2_PENALTY = 1.0
_JSON_VERSION = 1


def _features(analysis: Analysis) -> list[float]:
    return [analysis.score, math.log1p(analysis.positive), math.log1p(analysis.negative),
            1.0 if analysis.language == "en" else 0.0]


def _fit_logistic(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Newton's method on the L2-penalised log loss; the last weight is the intercept."""
    design = np.hstack([features, np.ones((len(features), 1))])
    weights = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2_PENALTY
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    for _ in range(25):
        probabilities = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (probabilities - labels) + penalty @ weights
        curvature = design.T @ (design * (probabilities * (1 - probabilities))[:, None]) + penalty
        step = np.linalg.solve(curvature, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def _as_nps(value: object) -> float | None:
    """An NPS answer as a number, or None for blanks, NaN and pandas' NA."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _default_says_positive(analysis: Analysis) -> bool:
    """The binary reading of the default scorer: a score of exactly 0 counts as positive."""
    return analysis.score >= 0


@dataclass(frozen=True)
class CalibratedScorer:
    """A store-specific re-weighting of the default scorer plus the evidence for using it."""

    weights: tuple[float, ...] | None  # one per FEATURES, then the intercept; None if not trained
    default_accuracy: float | None  # on the held-back comments
    calibrated_accuracy: float | None
    trained_on: int
    held_out: int
    seed: int
    reason: str = ""  # why no calibration was trained, when weights is None
    base_scorer: str = SCORER_NAME  # the features come from this scorer; another one voids them

    @property
    def beats_default(self) -> bool:
        return (
            self.weights is not None
            and self.base_scorer == SCORER_NAME
            and self.calibrated_accuracy is not None
            and self.default_accuracy is not None
            and self.calibrated_accuracy > self.default_accuracy
        )

    @property
    def scorer_name(self) -> str:
        """The name to store with each result: the calibrated one only when it is in use."""
        return CALIBRATED_SCORER_NAME if self.beats_default else SCORER_NAME

    def probability_positive(self, analysis: Analysis) -> float:
        if self.weights is None:
            raise ValueError(f"no calibration was trained: {self.reason}")
        *coefficients, intercept = self.weights
        logit = sum(w * x for w, x in zip(coefficients, _features(analysis), strict=True)) + intercept
        return 1.0 / (1.0 + math.exp(-logit))

    def _result(self, analysis: Analysis) -> SentimentResult:
        if not self.beats_default or not analysis.evidence:
            score = round(analysis.score, 4)
        else:
            score = round(2.0 * self.probability_positive(analysis) - 1.0, 4)
        return SentimentResult(label_for(score), score, analysis.language, analysis.drivers())

    def score_text(self, text: str, language: str | None = None) -> SentimentResult:
        return self._result(analyse(text, language))

    def score_texts(self, texts: Iterable[str | None]) -> list[SentimentResult | None]:
        """Like `score_texts` of the default scorer; uses the calibration only if it won."""
        return score_distinct(texts, self.score_text)

    def to_json(self) -> str:
        return json.dumps({"version": _JSON_VERSION, **asdict(self)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, document: str) -> CalibratedScorer:
        data = json.loads(document)
        if data.pop("version", None) != _JSON_VERSION:
            raise ValueError("unsupported sentiment calibration format; recalibrate")
        weights = data.pop("weights")
        if weights is not None and len(weights) != len(FEATURES) + 1:
            raise ValueError(f"calibration has {len(weights)} weights, expected {len(FEATURES) + 1}")
        return cls(weights=None if weights is None else tuple(float(w) for w in weights), **data)


def calibrate_on_store_comments(
    texts: Sequence[str | None], nps_values: Sequence[int | float | None], seed: int = 0
) -> CalibratedScorer:
    """Train on ~70% of the comments with NPS 0-6 or 9-10, measure on the other ~30%."""
    if len(texts) != len(nps_values):
        raise ValueError(f"{len(texts)} comments but {len(nps_values)} NPS values")
    analyses: list[Analysis] = []
    labels: list[int] = []
    for text, value in zip(texts, nps_values, strict=True):
        nps = _as_nps(value)
        if not isinstance(text, str) or not text.strip() or nps is None:
            continue
        if nps >= 9 or nps <= 6:
            analyses.append(analyse(text))
            labels.append(1 if nps >= 9 else 0)
    untrained = {"weights": None, "default_accuracy": None, "calibrated_accuracy": None, "seed": seed}
    if len(analyses) < MIN_LABELLED:
        return CalibratedScorer(**untrained, trained_on=0, held_out=0, reason=(
            f"{len(analyses)} comments with NPS 0-6 or 9-10; at least {MIN_LABELLED} are needed"))

    order = np.random.default_rng(seed).permutation(len(analyses))
    held_out_count = max(1, round(len(order) * HOLD_OUT_SHARE))
    held_out, training = order[:held_out_count], order[held_out_count:]
    # Only comments with evidence are re-weighed; the rest keep the default reading.
    fit_rows = [i for i in training if analyses[i].evidence]
    fit_labels = {labels[i] for i in fit_rows}
    if len(fit_labels) < 2:
        return CalibratedScorer(**untrained, trained_on=len(training), held_out=held_out_count,
                                reason="the training comments with sentiment evidence have only one NPS class")

    features = np.array([_features(analyses[i]) for i in fit_rows])
    weights = _fit_logistic(features, np.array([labels[i] for i in fit_rows], dtype=float))
    candidate = CalibratedScorer(
        weights=tuple(float(w) for w in weights), default_accuracy=None, calibrated_accuracy=None,
        trained_on=len(training), held_out=held_out_count, seed=seed,
    )

    def calibrated_says_positive(analysis: Analysis) -> bool:
        if not analysis.evidence:
            return _default_says_positive(analysis)
        return candidate.probability_positive(analysis) >= 0.5

    default_hits = sum(_default_says_positive(analyses[i]) == bool(labels[i]) for i in held_out)
    calibrated_hits = sum(calibrated_says_positive(analyses[i]) == bool(labels[i]) for i in held_out)
    return CalibratedScorer(
        weights=candidate.weights,
        default_accuracy=round(default_hits / held_out_count, 4),
        calibrated_accuracy=round(calibrated_hits / held_out_count, 4),
        trained_on=len(training), held_out=held_out_count, seed=seed,
    )
