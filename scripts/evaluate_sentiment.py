"""Measure the default comment-sentiment scorer on the labelled development data.

Split (fixed, reproducible): a text is in DEV when int(sha1(utf-8 text), 16) % 10 == 0, else in
TEST. Rules, weights and thresholds were tuned looking at DEV only; report TEST. `--errors` prints
misclassified DEV examples and refuses TEST, so tuning cannot peek at the reported split.

Binary sets (pos/neg): a 'neutral' prediction is decided by the score's sign, and a score of
exactly 0 (no evidence) counts as 'pos'. Three-class sets compare the label directly.

`--band-sweep` measures, on DEV only, the three-class macro-F1 of the English sets for a range of
neutral bands (|score| below the band is neutral): how the scorer's NEUTRAL_BAND was chosen.

`--absabank-experiment` also trains, for measurement only (nothing from it ships), a bag-of-words
plus lexicon-evidence softmax regression on ABSAbank-Imm's official train+dev split and reports
it on the official test split: the ceiling a small linear model reaches on that stance data.

    python scripts/evaluate_sentiment.py [--split test|dev|all] [--errors 30 --set NAME]
                                         [--band-sweep] [--absabank-experiment]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.sentiment import SCORER_NAME, score_text, score_texts  # noqa: E402
from analytics.sentiment.scorer import NEUTRAL_BAND, analyse, label_for  # noqa: E402

DATA = Path("/work/shared/data/sentiment")
DATASETS = {  # name: (language, task)
    "sv_service_reviews": ("sv", "binary"),
    "en_employee_reviews_pros_cons": ("en", "binary"),
    "en_employee_opinions": ("en", "binary"),
    "en_employee_review_headlines": ("en", "3-class"),
    "en_airline_tweets": ("en", "3-class"),
    "sv_absabank_imm": ("sv", "3-class"),
    "sv_social_emoji": ("sv", "pos/neu only"),
}
SHORT_LABEL = {"positive": "pos", "neutral": "neu", "negative": "neg"}


def in_dev_split(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 10 == 0


def load(name: str, split: str) -> list[tuple[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = [(row["text"], row["label"]) for row in csv.DictReader(handle)]
    if split == "all":
        return rows
    return [row for row in rows if in_dev_split(row[0]) == (split == "dev")]


def predicted_label(label: str, score: float, task: str) -> str:
    if task != "binary":
        return SHORT_LABEL[label]
    if label == "neutral":
        return "pos" if score >= 0 else "neg"
    return SHORT_LABEL[label]


@dataclass
class Measurement:
    name: str
    language: str
    task: str
    gold: list[str]
    predicted: list[str]

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in zip(self.gold, self.predicted, strict=True)) / len(self.gold)

    def per_class(self) -> dict[str, tuple[float, float, float, int]]:
        classes = sorted(set(self.gold), key=["pos", "neu", "neg"].index)
        table = {}
        for cls in classes:
            true_pos = sum(g == p == cls for g, p in zip(self.gold, self.predicted, strict=True))
            predicted = sum(p == cls for p in self.predicted)
            actual = sum(g == cls for g in self.gold)
            precision = true_pos / predicted if predicted else 0.0
            recall = true_pos / actual if actual else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[cls] = (precision, recall, f1, actual)
        return table

    @property
    def macro_f1(self) -> float:
        scores = [f1 for _, _, f1, _ in self.per_class().values()]
        return sum(scores) / len(scores)


def measure(name: str, split: str) -> Measurement:
    language, task = DATASETS[name]
    rows = load(name, split)
    results = score_texts(text for text, _ in rows)
    predicted = [predicted_label(r.label, r.score, task) if r else "neu" for r in results]
    return Measurement(name, language, task, [gold for _, gold in rows], predicted)


def print_errors(name: str, count: int) -> None:
    _, task = DATASETS[name]
    shown = 0
    for text, gold in load(name, "dev"):
        result = score_text(text)
        if predicted_label(result.label, result.score, task) != gold:
            print(f"[{gold} -> {result.label} {result.score:+.2f}] {text[:300]}")
            print(f"    drivers: {', '.join(result.drivers)}")
            shown += 1
            if shown >= count:
                return


def band_sweep(bands: tuple[float, ...] = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3)) -> None:
    """Three-class macro-F1 on the English DEV sets for each neutral band (never on TEST)."""
    names = [name for name, (language, task) in DATASETS.items() if language == "en" and task == "3-class"]
    scored = {name: [(analyse(text).score, gold) for text, gold in load(name, "dev")] for name in names}
    print(f"neutral band sweep on DEV (current NEUTRAL_BAND = {NEUTRAL_BAND}); macro-F1:")
    print(f"{'band':>6} " + " ".join(f"{name:>30}" for name in names) + f" {'pooled':>8}")
    for band in bands:
        measurements = [
            Measurement(name, "en", "3-class", [gold for _, gold in rows],
                        [SHORT_LABEL[label_for(score, band)] for score, _ in rows])
            for name, rows in scored.items()
        ]
        pooled = Measurement("pooled", "en", "3-class", [g for m in measurements for g in m.gold],
                             [p for m in measurements for p in m.predicted])
        print(f"{band:6.2f} " + " ".join(f"{m.macro_f1:30.3f}" for m in measurements) + f" {pooled.macro_f1:8.3f}")


def absabank_experiment() -> Measurement:
    """Softmax regression on word presence (words in >= 3 training texts) plus the scorer's
    score, praise and criticism; trained on the official train+dev split, measured on test."""
    with (DATA / "sv_absabank_imm.csv").open(encoding="utf-8", newline="") as handle:
        rows = [(row["text"], row["label"], row["source"].rsplit("/", 1)[-1]) for row in csv.DictReader(handle)]
    train = [(text, label) for text, label, part in rows if part in ("train", "dev")]
    test = [(text, label) for text, label, part in rows if part == "test"]
    classes = ["pos", "neu", "neg"]

    def words_of(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.lower()))

    counts = Counter(word for text, _ in train for word in words_of(text))
    vocabulary = {word: i for i, word in enumerate(w for w, n in counts.items() if n >= 3)}

    def features(text: str) -> list[float]:
        row = [0.0] * len(vocabulary)
        for word in words_of(text):
            if word in vocabulary:
                row[vocabulary[word]] = 1.0
        analysis = analyse(text, "sv")
        return row + [analysis.score, math.log1p(analysis.positive), math.log1p(analysis.negative), 1.0]

    x_train = np.array([features(text) for text, _ in train])
    y_train = np.eye(3)[[classes.index(label) for _, label in train]]
    weights = np.zeros((x_train.shape[1], 3))
    for _ in range(400):  # gradient descent on the L2-penalised cross-entropy
        logits = x_train @ weights
        probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        weights -= 0.5 * (x_train.T @ (probabilities - y_train) + weights) / len(x_train)
    predicted = (np.array([features(text) for text, _ in test]) @ weights).argmax(axis=1)
    return Measurement("absabank bag-of-words experiment", "sv", "3-class",
                       [label for _, label in test], [classes[i] for i in predicted])


def time_scoring(count: int = 5000) -> float:
    """Seconds to score `count` distinct comments from a cold start of the result cache."""
    texts = [text for text, _ in load("sv_service_reviews", "all")]
    texts += [text for text, _ in load("en_airline_tweets", "all")]
    sample = texts[:count]
    started = time.perf_counter()
    score_texts(sample)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--errors", type=int, default=0, help="print N misclassified DEV examples")
    parser.add_argument("--set", choices=sorted(DATASETS), help="only this data set")
    parser.add_argument("--band-sweep", action="store_true",
                        help="three-class macro-F1 on DEV for a range of neutral bands, then stop")
    parser.add_argument("--absabank-experiment", action="store_true",
                        help="also train and report the measurement-only ABSAbank linear model")
    args = parser.parse_args()
    names = [args.set] if args.set else list(DATASETS)
    if args.errors:
        for name in names:
            print_errors(name, args.errors)
        return
    if args.band_sweep:
        band_sweep()
        return

    print(f"scorer: {SCORER_NAME}; split: {args.split} "
          "(dev = sha1(text) % 10 == 0, used for tuning; test = the rest)")
    print("binary sets: a neutral prediction goes by the score's sign, a zero score counts as pos\n")
    print(f"{'data set':32} {'lang':4} {'task':13} {'n':>6} {'accuracy':>8} {'macro-F1':>8}  per class F1 (P/R, n)")
    measurements = [measure(name, args.split) for name in names]
    for m in measurements:
        classes = "  ".join(
            f"{cls} {f1:.3f} ({p:.2f}/{r:.2f}, {n})" for cls, (p, r, f1, n) in m.per_class().items()
        )
        print(f"{m.name:32} {m.language:4} {m.task:13} {len(m.gold):6} {m.accuracy:8.3f} {m.macro_f1:8.3f}  {classes}")

    print("\nper language and task (pooled):")
    groups: dict[tuple[str, str], list[Measurement]] = {}
    for m in measurements:
        groups.setdefault((m.language, m.task), []).append(m)
    for (language, task), group in sorted(groups.items()):
        pooled = Measurement(
            "+".join(m.name for m in group), language, task,
            [g for m in group for g in m.gold], [p for m in group for p in m.predicted],
        )
        print(f"  {language} {task:13} n={len(pooled.gold):6}  accuracy {pooled.accuracy:.3f}  "
              f"macro-F1 {pooled.macro_f1:.3f}")
        print(f"    predicted label counts: {dict(Counter(pooled.predicted))}")
    if args.absabank_experiment:
        m = absabank_experiment()
        classes = "  ".join(f"{cls} {f1:.3f}" for cls, (_, _, f1, _) in m.per_class().items())
        print(f"\nABSAbank-Imm, linear model trained on its official train+dev, official test (n={len(m.gold)}, "
              f"not shipped): accuracy {m.accuracy:.3f}  macro-F1 {m.macro_f1:.3f}  {classes}")
    print(f"\ntiming: 5,000 comments scored in {time_scoring():.2f} s")


if __name__ == "__main__":
    main()
