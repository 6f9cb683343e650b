"""The default comment-sentiment scorer: lexicon weights combined by hand-written grammar rules.

Each comment is read once, left to right. A phrase from the lexicon wins over its words; a negator
flips the next sentiment word or phrase within a few words; a wish ("borde", "should") turns a
positive word into a complaint; an intensifier scales the next word; the clause after "men"/"but"
counts more than the one before; "!" strengthens a sentence. The sum is squashed into [-1, 1],
pulled towards 0 when a comment praises and criticises in equal measure. The words and phrases
that contributed are kept as drivers so a reader sees why.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .language import language_of_words
from .lexicon import Entry, Lexicon, Phrase, lexicon_for
from .rules import (
    AFTER_CONTRAST_FACTOR,
    ALL_CAPS_FACTOR,
    BEFORE_CONTRAST_FACTOR,
    CONCESSIVE,
    CONCESSIVE_FACTOR,
    CONTRAST_WORDS,
    EMOJI,
    EMOTICONS,
    EMPHATIC_FACTOR,
    EMPHATIC_MARKERS,
    EMPHATIC_NEGATORS,
    EXCLAMATION_BOOST,
    INTENSIFIERS,
    IRREALIS,
    IRREALIS_FACTOR,
    NEGATED_NEGATIVE_FACTOR,
    NEGATED_POSITIVE_FACTOR,
    NEGATION_CANCELLERS,
    NEGATION_TERMINATORS,
    NEGATION_TRANSPARENT,
    NEGATION_WINDOW,
    NEGATORS,
    QUESTION_POSITIVE_FACTOR,
    UNRESOLVED_NEGATION_WEIGHT,
)
from .text import normalise, tokenize

SCORER_NAME = "lexicon-v1"

SQUASH_ALPHA = 6.0  # score = total / sqrt(total² + alpha + mixed): one clear word gives about ±0.7
MIXED_PENALTY = 1.0  # weight of praise × criticism in the squash: mixed comments drift to neutral
NEUTRAL_BAND = 0.1  # |score| below this is neutral
# Praise words turn up in complaints far more often than criticism turns up in praise ("trevlig
# personal men ..."), so criticism counts 1.4 times; chosen on the dev split, same for all sets.
NEGATIVITY_WEIGHT = 1.4
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
    total: float  # sum of the evidence plus the emphasis of "!"

    @property
    def positive(self) -> float:
        return sum(item.contribution for item in self.evidence if item.contribution > 0)

    @property
    def negative(self) -> float:
        return -sum(item.contribution for item in self.evidence if item.contribution < 0)

    @property
    def score(self) -> float:
        spread = SQUASH_ALPHA + MIXED_PENALTY * self.positive * self.negative
        return self.total / math.sqrt(self.total * self.total + spread)

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
        self.irrealis = _cue_index(IRREALIS, languages)
        self.concessive = _cue_index(CONCESSIVE, languages)
        self.intensifiers: dict[str, float] = {}
        for language in reversed(languages):
            self.intensifiers.update(INTENSIFIERS[language])

    def phrase_at(self, words: list[str | None], start: int) -> Phrase | None:
        for lexicon in self.lexicons:
            phrase = lexicon.match_phrase(words, start)
            if phrase is not None:
                return phrase
        return None

    def word_entry(self, word: str) -> Entry | None:
        for lexicon in self.lexicons:
            entry = lexicon.word_entry(word)
            if entry is not None:
                return entry
        return None


def _cue_index(cues: dict[str, frozenset[str]], languages: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Cue phrases ("borde", "would have been", "även om") indexed by their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for language in languages:
        for cue in cues[language]:
            parts = tuple(cue.split())
            index.setdefault(parts[0], []).append(parts)
    return index


def _cue_length(index: dict[str, list[tuple[str, ...]]], words: list[str | None], start: int) -> int:
    """Length of the longest cue starting at `start`, or 0."""
    cues = index.get(words[start] or "")
    if not cues:
        return 0
    return max((len(parts) for parts in cues if tuple(words[start:start + len(parts)]) == parts), default=0)


# Swedish comments are read with the Swedish lexicon only: English look-alikes ("personal" = staff,
# "bad" = asked, "fast" = but/permanent) would mislead; common English loanwords are in hand_sv.
_LEXICON_ORDER = {"sv": ("sv",), "en": ("en",), "other": ("sv", "en")}
_RULES_BY_LANGUAGE: dict[str, _Rules] = {}


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
    """Left-to-right state while reading one comment: open negation, wish, intensity, contrast."""

    def __init__(self) -> None:
        self.evidence: list[list] = []  # [text, contribution, sentence number]
        self.sentence = 0
        self.sentence_start = 0  # index into evidence of the current sentence's first item
        self.after_contrast = False
        self.exclamations = 0
        self.emphasis = 0.0
        self.negation: str | None = None
        self.negation_reach = 0
        self.negation_span: list[str] = []  # words after the negator, for the driver text
        self.negation_content = 0  # how many of them carry meaning (not "så", "a", "någon")
        self.irrealis = False
        self.concession = False
        self.intensity = 1.0

    def reset_modifiers(self) -> None:
        """At a clause boundary: open negations, wishes, concessions and intensifiers end."""
        self.close_negation()
        self.irrealis = False
        self.concession = False
        self.intensity = 1.0

    def open_negation(self, negator: str) -> None:
        self.close_negation()
        self.negation = negator
        self.negation_reach = NEGATION_WINDOW

    def negated_text(self, text: str = "") -> str:
        return " ".join([self.negation or "", *self.negation_span, text]).strip()

    def close_negation(self) -> None:
        """A negation that reached content words but no sentiment word counts weakly negative."""
        if self.negation is not None and self.negation_content:
            self.add(self.negated_text(), UNRESOLVED_NEGATION_WEIGHT)
        self.negation = None
        self.negation_span = []
        self.negation_content = 0

    def add(self, text: str, weight: float) -> None:
        if self.after_contrast:
            weight *= AFTER_CONTRAST_FACTOR
        if self.concession:
            weight *= CONCESSIVE_FACTOR
        if weight < 0:
            weight *= NEGATIVITY_WEIGHT
        self.evidence.append([text, weight, self.sentence])

    def add_sentiment(self, text: str, entry: Entry, shouted: bool) -> None:
        """Add a lexicon hit, applying the open negation, wish and intensity to it."""
        weight = entry.weight
        if self.negation in EMPHATIC_NEGATORS and EMPHATIC_MARKERS.intersection(self.negation_span):
            weight *= EMPHATIC_FACTOR
            text = self.negated_text(text)
            self.negation = None
        elif self.negation is not None:
            if entry.when_negated is not None:
                weight = entry.when_negated
            else:
                weight *= -(NEGATED_POSITIVE_FACTOR if weight > 0 else NEGATED_NEGATIVE_FACTOR)
            text = self.negated_text(text)
            self.negation = None
        elif self.irrealis and weight > 0:
            weight *= IRREALIS_FACTOR
        else:
            weight *= self.intensity
        if shouted:
            weight *= ALL_CAPS_FACTOR
        self.add(text, weight)
        self.negation_span = []
        self.negation_content = 0
        self.intensity = 1.0

    def intensify(self, word: str, factor: float) -> None:
        self.intensity *= factor
        if self.negation is not None:
            self.negation_span.append(word)

    def skip_word(self, word: str) -> None:
        """A word without sentiment: it ends an intensifier and uses up some negation reach."""
        self.intensity = 1.0
        if self.negation is None:
            return
        if word in NEGATION_TERMINATORS:
            self.close_negation()
            return
        self.negation_span.append(word)
        if word in NEGATION_TRANSPARENT:
            return
        self.negation_content += 1
        self.negation_reach -= 1
        if self.negation_reach <= 0:
            self.close_negation()

    def contrast(self) -> None:
        at_sentence_start = self.sentence_start == len(self.evidence) and self.sentence > 0
        weakened = {self.sentence, self.sentence - 1} if at_sentence_start else {self.sentence}
        self.reset_modifiers()
        for item in self.evidence:
            if item[2] in weakened:
                item[1] *= BEFORE_CONTRAST_FACTOR
        self.after_contrast = True

    def end_sentence(self, question: bool = False) -> None:
        self.reset_modifiers()
        if question:
            for item in self.evidence[self.sentence_start:]:
                if item[1] > 0:
                    item[1] *= QUESTION_POSITIVE_FACTOR
        subtotal = sum(item[1] for item in self.evidence[self.sentence_start:])
        if self.exclamations and subtotal:
            self.emphasis += math.copysign(EXCLAMATION_BOOST * min(self.exclamations, 3), subtotal)
        self.sentence += 1
        self.sentence_start = len(self.evidence)
        self.after_contrast = False
        self.exclamations = 0


def analyse(text: str, language: str | None = None) -> Analysis:
    """Read one comment and collect the evidence for its sentiment."""
    tokens = tokenize(normalise(text))
    words = [lower if kind == "word" else None for kind, lower, _ in tokens]
    if language not in _LEXICON_ORDER:
        language = language_of_words([word for word in words if word])
    rules = _rules_for(language)
    shouting_everywhere = text.isupper()
    reader = _Reader()

    index = 0
    while index < len(tokens):
        kind, lower, original = tokens[index]
        index += 1
        if kind == "boundary":
            reader.exclamations += original.count("!")
            if _SENTENCE_ENDS.intersection(original):
                reader.end_sentence(question="?" in original)
            else:
                reader.reset_modifiers()
            continue
        if kind in ("emoticon", "symbol"):
            weight = EMOJI.get(original) or EMOTICONS.get(lower)
            if weight:
                reader.add(original, weight)
            continue
        if kind == "rating":
            weight = _rating_weight(lower)
            if weight:
                reader.add(lower.replace(" ", ""), weight)
            continue
        if lower in CONTRAST_WORDS:
            reader.contrast()
            continue

        start = index - 1
        phrase = rules.phrase_at(words, start)
        if phrase is not None:
            index = start + len(phrase.parts)
            if phrase.entry.weight == 0:  # a listed neutral phrase: "inget att tillägga"
                reader.reset_modifiers()
                continue
            matched = " ".join(word for word in words[start:index] if word)
            reader.add_sentiment(matched, phrase.entry, shouted=False)
            continue
        next_word = words[index] if index < len(words) else None
        if lower in rules.negators and (lower, next_word) not in NEGATION_CANCELLERS:
            reader.open_negation(lower)
            continue
        wish_length = _cue_length(rules.irrealis, words, start)
        if wish_length:
            reader.irrealis = True
            index = start + wish_length
            continue
        concession_length = _cue_length(rules.concessive, words, start)
        if concession_length:
            reader.close_negation()
            reader.concession = True
            index = start + concession_length
            continue
        if lower in rules.intensifiers and next_word is not None:
            reader.intensify(lower, rules.intensifiers[lower])
            continue
        entry = rules.word_entry(lower)
        if entry is None or not entry.weight:
            reader.skip_word(lower)
            continue
        shouted = original.isupper() and len(original) > 2 and not shouting_everywhere
        reader.add_sentiment(lower, entry, shouted)
    reader.end_sentence()

    evidence = tuple(Evidence(item_text, contribution) for item_text, contribution, _ in reader.evidence)
    return Analysis(language, evidence, sum(item.contribution for item in evidence) + reader.emphasis)


def _result(analysis: Analysis) -> SentimentResult:
    score = round(analysis.score, 4)
    return SentimentResult(label_for(score), score, analysis.language, analysis.drivers())


def score_text(text: str, language: str | None = None) -> SentimentResult:
    """Score one comment; `language` skips detection when the file already says it."""
    return _result(analyse(text, language))


def score_distinct(
    texts: Iterable[str | None], score_one: Callable[[str], SentimentResult]
) -> list[SentimentResult | None]:
    """Apply `score_one` to each distinct non-blank text once; None for missing or blank text."""
    cache: dict[str, SentimentResult] = {}
    results: list[SentimentResult | None] = []
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            results.append(None)
            continue
        if text not in cache:
            cache[text] = score_one(text)
        results.append(cache[text])
    return results


def score_texts(texts: Iterable[str | None]) -> list[SentimentResult | None]:
    """Score many comments, each distinct text once; None for missing or blank text."""
    return score_distinct(texts, score_text)
