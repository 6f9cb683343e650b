"""The default comment-sentiment scorer: lexicon weights combined by hand-written grammar rules.

Each comment is read once, left to right. A phrase from the lexicon wins over its words; a negator
flips the next sentiment word or phrase within a few words; an intensifier scales it; the clause
after "men"/"but" counts more than the one before; "!" strengthens a sentence. The sum is squashed
into [-1, 1]. The words and phrases that contributed are kept as drivers so a reader sees why.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .language import detect_language
from .lexicon import Lexicon, lexicon_for
from .rules import (
    AFTER_CONTRAST_FACTOR,
    ALL_CAPS_FACTOR,
    BEFORE_CONTRAST_FACTOR,
    CONTRAST_WORDS,
    EMOJI,
    EMOTICONS,
    EXCLAMATION_BOOST,
    INTENSIFIERS,
    NEGATION_CANCELLERS,
    NEGATORS,
)
from .text import normalise, tokenize

SCORER_NAME = "lexicon-v1"
LABELS = ("positive", "neutral", "negative")

NEGATION_FACTOR = 0.8  # "inte bra" is negative, but less so than "dålig"
NEGATION_WINDOW = 3  # words after a negator that it can still reach
SQUASH_ALPHA = 6.0  # score = total / sqrt(total² + alpha): one clear word gives about ±0.7
NEUTRAL_BAND = 0.1  # |score| below this is neutral
MAX_DRIVERS = 8
_SENTENCE_ENDS = frozenset(".!?;")


@dataclass(frozen=True)
class SentimentResult:
    label: str
    score: float
    language: str
    drivers: tuple[str, ...]


@dataclass(frozen=True)
class Evidence:
    """One word, phrase or emoji that moved the score, with its signed contribution."""

    text: str
    contribution: float


@dataclass(frozen=True)
class Analysis:
    """Everything the scorer found in one comment; the calibration step reuses it as features."""

    language: str
    evidence: tuple[Evidence, ...]
    total: float
    word_count: int
    negations: int

    @property
    def score(self) -> float:
        return self.total / math.sqrt(self.total * self.total + SQUASH_ALPHA)

    @property
    def positive(self) -> float:
        return sum(item.contribution for item in self.evidence if item.contribution > 0)

    @property
    def negative(self) -> float:
        return -sum(item.contribution for item in self.evidence if item.contribution < 0)

    def drivers(self) -> tuple[str, ...]:
        by_text: dict[str, float] = {}
        for item in self.evidence:
            by_text[item.text] = by_text.get(item.text, 0.0) + item.contribution
        ranked = sorted(by_text.items(), key=lambda pair: -abs(pair[1]))
        return tuple(f"{'+' if value > 0 else '-'}{text}" for text, value in ranked[:MAX_DRIVERS] if value)


def label_for(score: float, neutral_band: float = NEUTRAL_BAND) -> str:
    if score >= neutral_band:
        return "positive"
    if score <= -neutral_band:
        return "negative"
    return "neutral"


class _Rules:
    """The lexicons and cue words used for one detected language."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.lexicons: tuple[Lexicon, ...] = tuple(lexicon_for(language) for language in languages)
        self.negators = frozenset().union(*(NEGATORS[language] for language in languages))
        self.intensifiers: dict[str, float] = {}
        for language in reversed(languages):
            self.intensifiers.update(INTENSIFIERS[language])

    def phrase_at(self, words: list[str | None], start: int):
        for lexicon in self.lexicons:
            phrase = lexicon.match_phrase(words, start)
            if phrase is not None:
                return phrase
        return None

    def word_weight(self, word: str) -> float | None:
        for lexicon in self.lexicons:
            weight = lexicon.word_weight(word)
            if weight is not None:
                return weight
        return None


_RULES_BY_LANGUAGE: dict[str, _Rules] = {}
_LEXICON_ORDER = {"sv": ("sv", "en"), "en": ("en",), "other": ("sv", "en")}


def _rules_for(language: str) -> _Rules:
    if language not in _RULES_BY_LANGUAGE:
        _RULES_BY_LANGUAGE[language] = _Rules(_LEXICON_ORDER[language])
    return _RULES_BY_LANGUAGE[language]


def _rating_weight(token: str) -> float:
    """'4/5' or '9/10' as a star rating: full marks strongly positive, half marks neutral."""
    value, scale = (part.strip().replace(",", ".") for part in token.split("/"))
    share = float(value) / float(scale)
    return max(-3.0, min(3.0, (share - 0.6) * 8.0)) if share <= 1 else 0.0


class _Reader:
    """Left-to-right state while reading one comment: open negation, intensity and contrast."""

    def __init__(self) -> None:
        self.evidence: list[list] = []  # [text, contribution, sentence number]
        self.sentence = 0
        self.sentence_start = 0  # index into evidence of the current sentence's first item
        self.after_contrast = False
        self.exclamations = 0
        self.emphasis = 0.0
        self.negations = 0
        self.reset_modifiers()

    def reset_modifiers(self) -> None:
        self.negation: str | None = None
        self.negation_reach = 0
        self.intensity = 1.0

    def add(self, text: str, weight: float) -> None:
        if self.after_contrast:
            weight *= AFTER_CONTRAST_FACTOR
        self.evidence.append([text, weight, self.sentence])

    def contrast(self) -> None:
        at_sentence_start = self.sentence_start == len(self.evidence) and self.sentence > 0
        weakened = {self.sentence, self.sentence - 1} if at_sentence_start else {self.sentence}
        for item in self.evidence:
            if item[2] in weakened:
                item[1] *= BEFORE_CONTRAST_FACTOR
        self.after_contrast = True
        self.reset_modifiers()

    def end_sentence(self) -> None:
        subtotal = sum(item[1] for item in self.evidence[self.sentence_start:])
        if self.exclamations and subtotal:
            self.emphasis += math.copysign(EXCLAMATION_BOOST * min(self.exclamations, 3), subtotal)
        self.sentence += 1
        self.sentence_start = len(self.evidence)
        self.after_contrast = False
        self.exclamations = 0

    def skip_word(self) -> None:
        self.intensity = 1.0
        if self.negation is not None:
            self.negation_reach -= 1
            if self.negation_reach <= 0:
                self.negation = None


def analyse(text: str, language: str | None = None) -> Analysis:
    """Read one comment and collect the evidence for its sentiment."""
    language = language if language in _LEXICON_ORDER else detect_language(text)
    rules = _rules_for(language)
    tokens = tokenize(normalise(text))
    words = [lower if kind == "word" else None for kind, lower, _ in tokens]
    shouting_everywhere = text.isupper()
    reader = _Reader()

    index = 0
    while index < len(tokens):
        kind, lower, original = tokens[index]
        index += 1
        if kind == "boundary":
            reader.exclamations += original.count("!")
            if original[0] in _SENTENCE_ENDS:
                reader.end_sentence()
            reader.reset_modifiers()
            continue
        if kind in ("emoticon", "symbol"):
            weight = EMOJI.get(original) or EMOTICONS.get(lower)
            if weight:
                reader.add(original, weight)
            continue
        if kind == "rating":
            reader.add(lower.replace(" ", ""), _rating_weight(lower))
            continue
        if lower in CONTRAST_WORDS:
            reader.contrast()
            continue

        start = index - 1
        phrase = rules.phrase_at(words, start)
        if phrase is not None:
            span, weight = len(phrase.parts), phrase.weight
        else:
            next_word = words[index] if index < len(words) else None
            if lower in rules.negators and (lower, next_word) not in NEGATION_CANCELLERS:
                reader.negation, reader.negation_reach = lower, NEGATION_WINDOW
                continue
            if lower in rules.intensifiers and next_word is not None:
                reader.intensity *= rules.intensifiers[lower]
                continue
            span, weight = 1, rules.word_weight(lower)
        if not weight:
            reader.skip_word()
            continue

        matched = " ".join(word for word in words[start:start + span] if word)
        if reader.negation is None:
            weight *= reader.intensity
        else:
            weight = -weight * NEGATION_FACTOR
            matched = f"{reader.negation} {matched}"
            reader.negations += 1
        if original.isupper() and len(original) > 2 and not shouting_everywhere:
            weight *= ALL_CAPS_FACTOR
        reader.add(matched, weight)
        reader.reset_modifiers()
        index = start + span
    reader.end_sentence()

    evidence = tuple(Evidence(text_, contribution) for text_, contribution, _ in reader.evidence)
    total = sum(item.contribution for item in evidence) + reader.emphasis
    word_count = sum(1 for word in words if word)
    return Analysis(language, evidence, total, word_count, reader.negations)


def _result(analysis: Analysis) -> SentimentResult:
    score = round(analysis.score, 4)
    return SentimentResult(label_for(score), score, analysis.language, analysis.drivers())


def score_text(text: str, language: str | None = None) -> SentimentResult:
    """Score one comment; `language` skips detection when the file already says it."""
    return _result(analyse(text, language))


def score_texts(texts: Iterable[str | None]) -> list[SentimentResult | None]:
    """Score many comments, each distinct text once; None for missing or blank text."""
    cache: dict[str, SentimentResult | None] = {}
    results = []
    for text in texts:
        if text is None or (isinstance(text, float) and math.isnan(text)):
            results.append(None)
            continue
        if text not in cache:
            cache[text] = score_text(text) if str(text).strip() else None
        results.append(cache[text])
    return results
