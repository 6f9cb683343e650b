"""Load the shipped lexicons and look words and phrases up in them.

Lexicon files list base forms; Swedish inflects and compounds freely ("trevligaste",
"personalbrist", "jättesnabbt"), so a word that is not listed is retried without common endings,
without an intensifying prefix, and as the head of a compound. Every lookup is memoised because
comments repeat the same few thousand words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .rules import INTENSIFYING_PREFIX_FACTOR, INTENSIFYING_PREFIXES

DATA_DIR = Path(__file__).with_name("data")
LEXICON_FILES = {"sv": "lexicon_sv.tsv", "en": "lexicon_en.tsv"}

# Tried shortest first, so the smallest change that finds a listed word wins.
_SUFFIXES = {
    "sv": ("s", "t", "n", "e", "a", "na", "ns", "en", "et", "er", "ar", "or", "at", "ad", "ade",
           "are", "ast", "het", "ande", "ende", "aste", "arna", "erna", "orna", "heten", "arnas",
           "ernas", "ornas"),
    "en": ("s", "d", "es", "ed", "ly", "ing"),
}
_MIN_STEM = 3
_MIN_COMPOUND_HEAD = 5
_COMPOUND_FACTOR = 0.8
_NEGATING_PREFIX = "o"  # "otrevlig", "oprofessionell", "ohjälpsam"
_NEGATING_PREFIX_FACTOR = 0.9


@dataclass(frozen=True)
class Phrase:
    """A multi-word entry; each part is a word, a "stem*" prefix or "_" for any one word."""

    parts: tuple[str, ...]
    weight: float

    def matches(self, words: list[str | None], start: int) -> bool:
        if start + len(self.parts) > len(words):
            return False
        for part, word in zip(self.parts, words[start:start + len(self.parts)]):
            if word is None:
                return False
            if part == "_":
                continue
            if part.endswith("*"):
                if not word.startswith(part[:-1]):
                    return False
            elif word != part:
                return False
        return True


class Lexicon:
    """Word and phrase weights for one language, with inflection-tolerant lookup."""

    def __init__(self, language: str, entries: dict[str, float]) -> None:
        self.language = language
        self.exact: dict[str, float] = {}
        self.stems: dict[str, float] = {}
        self._phrases_by_first: dict[str, list[Phrase]] = {}
        self._phrases_by_stem: dict[str, list[Phrase]] = {}
        for term, weight in entries.items():
            parts = tuple(term.split())
            if len(parts) > 1:
                phrase = Phrase(parts, weight)
                first = parts[0]
                index = self._phrases_by_stem if first.endswith("*") else self._phrases_by_first
                index.setdefault(first.rstrip("*"), []).append(phrase)
            elif term.endswith("*"):
                self.stems[term[:-1]] = weight
            else:
                self.exact[term] = weight
        for index in (self._phrases_by_first, self._phrases_by_stem):
            for phrases in index.values():
                phrases.sort(key=lambda phrase: -len(phrase.parts))
        self._word_cache: dict[str, float | None] = {}

    def match_phrase(self, words: list[str | None], start: int) -> Phrase | None:
        """The longest phrase starting at `start`, or None."""
        word = words[start]
        if word is None:
            return None
        candidates = list(self._phrases_by_first.get(word, ()))
        for end in range(len(word), _MIN_STEM - 1, -1):
            candidates.extend(self._phrases_by_stem.get(word[:end], ()))
        best = None
        for phrase in candidates:
            if phrase.matches(words, start) and (best is None or len(phrase.parts) > len(best.parts)):
                best = phrase
        return best

    def word_weight(self, word: str) -> float | None:
        """Weight of a single word, trying inflections and compounds; None if unknown."""
        if word not in self._word_cache:
            self._word_cache[word] = self._lookup(word)
        return self._word_cache[word]

    def _listed(self, word: str) -> float | None:
        if word in self.exact:
            return self.exact[word]
        for end in range(len(word), _MIN_STEM - 1, -1):
            if word[:end] in self.stems:
                return self.stems[word[:end]]
        return None

    def _uninflected(self, word: str) -> float | None:
        found = self._listed(word)
        if found is not None:
            return found
        for suffix in _SUFFIXES[self.language]:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= _MIN_STEM:
                for candidate in (stem, stem + "a", stem + "e"):
                    found = self._listed(candidate)
                    if found is not None:
                        return found
        return None

    def _lookup(self, word: str) -> float | None:
        found = self._uninflected(word)
        if found is not None or self.language != "sv" or len(word) < 2 * _MIN_STEM:
            return found
        for prefix in INTENSIFYING_PREFIXES:
            if word.startswith(prefix):
                found = self._uninflected(word[len(prefix):])
                if found is not None:
                    return max(-4.0, min(4.0, found * INTENSIFYING_PREFIX_FACTOR))
        if word.startswith(_NEGATING_PREFIX) and len(word) > _MIN_COMPOUND_HEAD:
            found = self._uninflected(word[len(_NEGATING_PREFIX):])
            if found is not None and found > 0:
                return -found * _NEGATING_PREFIX_FACTOR
        for split in range(_MIN_STEM, len(word) - _MIN_COMPOUND_HEAD + 1):
            found = self._uninflected(word[split:])
            if found is not None:
                return found * _COMPOUND_FACTOR
        return None


def read_lexicon_file(path: Path) -> dict[str, float]:
    entries: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, weight = line.split("\t")
            entries[" ".join(term.lower().split())] = float(weight)
    return entries


@cache
def lexicon_for(language: str) -> Lexicon:
    """The shipped lexicon for 'sv' or 'en', loaded once per process."""
    return Lexicon(language, read_lexicon_file(DATA_DIR / LEXICON_FILES[language]))
