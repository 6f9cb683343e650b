"""The default comment-sentiment scorer: lexicon weights combined by hand-written grammar rules.

Each comment is read once, left to right. A phrase from the lexicon wins over its words; a negator
flips the next sentiment word or phrase within a few words (a criticism denied outright, "no
stress", becomes mild praise); a wish ("borde", "should") turns a positive word into a complaint
and is weakly critical on its own; an intensifier scales the next word; the clause after
"men"/"but" counts more than the one before; "!" strengthens a sentence. English hyphenated
compounds are read as their parts unless listed, and a few English words act only in context
("low stress", "little recognition", "too corporate", "stress free", sentence-initial "well"). The sum is squashed into [-1, 1],
pulled towards 0 when a comment praises and criticises in equal measure. The words and phrases
that contributed are kept as drivers so a reader sees why.

Long because: the rules above act on one shared reading state (`_Reader`) in one pass; the word
lists are already apart (`rules.py`, `lexicon.py`), and cutting the pass in two would scatter it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .language import language_of_words
from .lexicon import Entry, Lexicon, Phrase, lexicon_for
from .rules import (
    ABSENCE_MARKERS,
    ABSENCE_SUFFIXES,
    AFTER_CONTRAST_FACTOR,
    ALL_CAPS_FACTOR,
    BEFORE_CONTRAST_FACTOR,
    CONCESSIVE,
    CONCESSIVE_FACTOR,
    CONTRAST_WORDS,
    DISCOURSE_OPENERS,
    EMOJI,
    EMOTICONS,
    EMPHATIC_FACTOR,
    EMPHATIC_MARKERS,
    EMPHATIC_NEGATORS,
    EXCESS_MARKERS,
    EXCESS_WEIGHT,
    EXCLAMATION_BOOST,
    EXPECTATION_CUES,
    INTENSIFIERS,
    IRREALIS,
    IRREALIS_FACTOR,
    NEGATED_NEGATIVE_DIRECT_CAP,
    NEGATED_NEGATIVE_DIRECT_FACTOR,
    NEGATED_NEGATIVE_FACTOR,
    NEGATED_POSITIVE_FACTOR,
    NEGATION_CANCELLERS,
    NEGATION_TERMINATORS,
    NEGATION_TRANSPARENT,
    NEGATION_WINDOW,
    NEGATORS,
    NEGATORS_WITH_OWN_WEIGHT,
    PRAISE_DENIER_CANCELLERS,
    PRAISE_DENIERS,
    PREFIX_NEGATORS,
    QUESTION_POSITIVE_FACTOR,
    UNRESOLVED_NEGATION_WEIGHT,
    UNRESOLVED_WISH_WEIGHT,
)
from .text import normalise, tokenize

SCORER_NAME = "lexicon-v2"

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
        self.absence_markers = frozenset().union(*(ABSENCE_MARKERS[language] for language in languages))
        self.absence_suffixes = frozenset().union(*(ABSENCE_SUFFIXES[language] for language in languages))
        self.discourse_openers = frozenset().union(*(DISCOURSE_OPENERS[language] for language in languages))
        self.excess_markers = frozenset().union(*(EXCESS_MARKERS[language] for language in languages))
        self.praise_deniers = frozenset().union(*(PRAISE_DENIERS[language] for language in languages))
        # English writes many compounds with a hyphen ("non-competitive", "low-stress", "well-paid");
        # an unlisted one is read as its parts. Swedish text is left as it is.
        self.split_hyphens = "en" in languages

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

    def listed(self, word: str) -> bool:
        """Whether `word` is listed as it is (not only through a stem such as "stress*")."""
        return any(word in lexicon.exact for lexicon in self.lexicons)

    def entry_at(self, words: list[str | None], start: int) -> tuple[Entry | None, int]:
        """The lexicon entry (phrase or word) starting at `start` and how many words it spans."""
        if start >= len(words) or words[start] is None:
            return None, 0
        phrase = self.phrase_at(words, start)
        if phrase is not None:
            return phrase.entry, len(phrase.parts)
        return self.word_entry(words[start]), 1


def _absence(entry: Entry) -> Entry:
    """A criticism denied outright ("no stress", "stress free") as the praise it becomes."""
    return Entry(min(-entry.weight * NEGATED_NEGATIVE_DIRECT_FACTOR, NEGATED_NEGATIVE_DIRECT_CAP))


def _split_hyphenated(tokens: list[tuple[str, str, str]], rules: _Rules) -> list[tuple[str, str, str]]:
    """Unlisted hyphenated English words as separate words: "low-stress" -> "low", "stress"."""
    result = []
    for kind, lower, original in tokens:
        if kind != "word" or "-" not in lower or rules.listed(lower):
            result.append((kind, lower, original))
            continue
        for part_lower, part_original in zip(lower.split("-"), original.split("-"), strict=True):
            if part_lower:
                result.append((kind, part_lower, part_original))
    return result


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
        self.negation_fallback: float | None = None  # the negator's own weight ("lacking")
        self.negation_reach = 0
        self.negation_span: list[str] = []  # words after the negator, for the driver text
        self.negation_content = 0  # how many of them carry meaning (not "så", "a", "någon")
        self.irrealis = False
        self.wish: tuple[str, int] | None = None  # the wish cue and the evidence count when it came
        self.bare_wishes: list[int] = []  # evidence indices of wishes without sentiment words
        self.concession = False
        self.intensity = 1.0

    def open_wish(self, cue: str) -> None:
        self.close_wish()
        self.irrealis = True
        self.wish = (cue, len(self.evidence))

    def close_wish(self) -> None:
        """A wish that names no sentiment word is still a suggestion, and so weakly critical
        ("salary should be revised", "borde ringa tillbaka")."""
        if self.wish is not None and len(self.evidence) == self.wish[1] and self.wish[0] not in EXPECTATION_CUES:
            self.add(self.wish[0], UNRESOLVED_WISH_WEIGHT)
            self.bare_wishes.append(len(self.evidence) - 1)
        self.wish = None

    def reset_modifiers(self) -> None:
        """At a clause boundary: open negations, wishes, concessions and intensifiers end."""
        self.close_negation()
        self.close_wish()
        self.irrealis = False
        self.concession = False
        self.intensity = 1.0

    def open_negation(self, negator: str, fallback: float | None = None, reach: int = NEGATION_WINDOW) -> None:
        self.close_negation()
        self.negation = negator
        self.negation_fallback = fallback
        self.negation_reach = reach

    def negated_text(self, text: str = "") -> str:
        return " ".join([self.negation or "", *self.negation_span, text]).strip()

    def close_negation(self) -> None:
        """A negation that reached content words but no sentiment word counts weakly negative; a
        negator with a weight of its own ("lacking") counts that."""
        if self.negation is not None and self.negation_fallback is not None:
            if self.negation_fallback:
                self.add(self.negated_text(), self.negation_fallback)
        elif self.negation is not None and self.negation_content:
            self.add(self.negated_text(), UNRESOLVED_NEGATION_WEIGHT)
        self.negation = None
        self.negation_fallback = None
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
            elif weight > 0:
                weight *= -NEGATED_POSITIVE_FACTOR
            elif self.negation_content == 0:
                weight = _absence(entry).weight
            else:
                weight *= -NEGATED_NEGATIVE_FACTOR
            text = self.negated_text(text)
            self.negation = None
        elif self.irrealis and weight > 0:
            weight *= IRREALIS_FACTOR
        else:
            weight *= self.intensity
        if shouted:
            weight *= ALL_CAPS_FACTOR
        if weight:  # a need named without negation ("salary", "growth") is no judgement
            self.add(text, weight)
        self.negation_span = []
        self.negation_content = 0
        self.negation_fallback = None
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
            for position in self.bare_wishes:  # "should I book Sunday or Monday?" asks
                self.evidence[position][1] = 0.0
        self.bare_wishes = []
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
    if rules.split_hyphens:
        tokens = _split_hyphenated(tokens, rules)
        words = [lower if kind == "word" else None for kind, lower, _ in tokens]
    shouting_everywhere = text.isupper()
    reader = _Reader()

    index = 0
    while index < len(tokens):
        kind, lower, original = tokens[index]
        previous_word = words[index - 1] if index > 0 else None
        clause_start = index == 0 or tokens[index - 1][0] == "boundary"
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
            if phrase.entry.weight == 0 and phrase.entry.when_negated is None:  # "inget att tillägga"
                reader.reset_modifiers()
                continue
            matched = " ".join(word for word in words[start:index] if word)
            entry = phrase.entry
            if entry.weight < 0 and index < len(words) and words[index] in rules.absence_suffixes:
                entry, matched, index = _absence(entry), f"{matched} {words[index]}", index + 1  # "hassle free"
            reader.add_sentiment(matched, entry, shouted=False)
            continue
        next_word = words[index] if index < len(words) else None
        if lower in rules.negators and (lower, next_word) not in NEGATION_CANCELLERS:
            if lower in PREFIX_NEGATORS:
                reader.open_negation(lower, fallback=0.0, reach=1)
                continue
            own = rules.word_entry(lower) if lower in NEGATORS_WITH_OWN_WEIGHT else None
            reader.open_negation(lower, own.weight if own is not None and own.weight < 0 else None)
            continue
        if lower in rules.praise_deniers and (previous_word, lower) not in PRAISE_DENIER_CANCELLERS:
            following, _ = rules.entry_at(words, index)
            if following is not None and (following.weight > 0 or following.when_negated is not None):
                reader.open_negation(lower)  # "little recognition", not "little difficult"
                continue
        if lower in rules.absence_markers and next_word not in rules.negators:
            following, _ = rules.entry_at(words, index)
            if following is not None and following.weight < 0:  # "low stress", not "low pay"
                reader.open_negation(lower)
                continue
        if lower in rules.discourse_openers and clause_start:
            reader.skip_word(lower)
            continue
        wish_length = _cue_length(rules.irrealis, words, start)
        if wish_length:
            reader.open_wish(" ".join(word for word in words[start:start + wish_length] if word))
            index = start + wish_length
            continue
        concession_length = _cue_length(rules.concessive, words, start)
        if concession_length:
            reader.close_negation()
            reader.concession = True
            index = start + concession_length
            continue
        if lower in rules.excess_markers and next_word is not None:
            following, _ = rules.entry_at(words, index)
            if following is None and next_word not in NEGATION_TRANSPARENT and reader.negation is None:
                reader.add(f"{lower} {next_word}", EXCESS_WEIGHT)  # "too corporate"
                index += 1
                continue
        if lower in rules.intensifiers and next_word is not None:
            reader.intensify(lower, rules.intensifiers[lower])
            continue
        entry = rules.word_entry(lower)
        if entry is None or (not entry.weight and entry.when_negated is None):
            reader.skip_word(lower)
            continue
        shouted = original.isupper() and len(original) > 2 and not shouting_everywhere
        if entry.weight < 0 and next_word in rules.absence_suffixes:  # "stress free"
            entry, lower, index = _absence(entry), f"{lower} {next_word}", index + 1
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
