"""Load the shipped lexicons and look words and phrases up in them.

Lexicon files list words, "stem*" prefixes, "*head" compound heads and phrases. Swedish compounds
freely ("personalbrist", "jättesnabbt", "otrevligt"), so a Swedish word that is not listed is
retried without an intensifying prefix, without the negating prefix "o", and against the listed
compound heads; English words are retried without regular endings. Lookups are memoised because
comments repeat the same few thousand words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .rules import INTENSIFYING_PREFIX_FACTOR, INTENSIFYING_PREFIXES

DATA_DIR = Path(__file__).with_name("data")
LEXICON_FILES = {"sv": "lexicon_sv.tsv", "en": "lexicon_en.tsv"}

# Swedish inflections are generated at build time. English lists base forms, so regular endings
# are undone at run time: "delays" -> "delay", "hated" -> "hate", "helpfully" -> "helpful".
_ENGLISH_ENDINGS = (("s", ("",)), ("es", ("",)), ("ed", ("", "e")), ("ing", ("", "e")),
                    ("ly", ("",)), ("ily", ("y",)))
_MIN_STEM = 3
# "otrevlig", "unhelpful": the prefix turns a positive word negative; the rest must be long
# enough that "ok", "ost" or "under" are not read as negated words.
_NEGATING_PREFIX = {"sv": ("o", 5), "en": ("un", 5)}
_NEGATING_PREFIX_FACTOR = 0.9


@dataclass(frozen=True)
class Entry:
    """A lexicon weight; `when_negated` overrides the generic negation rule where it misleads
    ("fick aldrig någon återkoppling" is far worse than "återkoppling" is good)."""

    weight: float
    when_negated: float | None = None

    def scaled(self, factor: float) -> Entry:
        negated = None if self.when_negated is None else self.when_negated * factor
        return Entry(max(-4.0, min(4.0, self.weight * factor)), negated)


@dataclass(frozen=True)
class Phrase:
    """A multi-word entry; each part is a word, a "stem*" prefix or "_" for any one word."""

    parts: tuple[str, ...]
    entry: Entry

    def matches(self, words: list[str | None], start: int) -> bool:
        if start + len(self.parts) > len(words):
            return False
        for part, word in zip(self.parts, words[start:start + len(self.parts)], strict=True):
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

    def __init__(self, language: str, entries: dict[str, Entry]) -> None:
        self.language = language
        self.exact: dict[str, Entry] = {}
        self.stems: dict[str, Entry] = {}
        self.heads: dict[str, Entry] = {}
        self._phrases_by_first: dict[str, list[Phrase]] = {}
        self._phrases_by_stem: dict[str, list[Phrase]] = {}
        for term, entry in entries.items():
            parts = tuple(term.split())
            if len(parts) > 1:
                first = parts[0]
                index = self._phrases_by_stem if first.endswith("*") else self._phrases_by_first
                index.setdefault(first.rstrip("*"), []).append(Phrase(parts, entry))
            elif term.endswith("*"):
                self.stems[term[:-1]] = entry
            elif term.startswith("*"):
                self.heads[term[1:]] = entry
            else:
                self.exact[term] = entry
        self._word_cache: dict[str, Entry | None] = {}
        self._phrase_cache: dict[str, list[Phrase]] = {}

    def _phrases_starting_with(self, word: str) -> list[Phrase]:
        """Phrases whose first part fits `word`, longest first (memoised per word)."""
        if word not in self._phrase_cache:
            candidates = list(self._phrases_by_first.get(word, ()))
            for end in range(len(word), _MIN_STEM - 1, -1):
                candidates.extend(self._phrases_by_stem.get(word[:end], ()))
            self._phrase_cache[word] = sorted(candidates, key=lambda phrase: -len(phrase.parts))
        return self._phrase_cache[word]

    def match_phrase(self, words: list[str | None], start: int) -> Phrase | None:
        """The longest phrase starting at `start`, or None."""
        word = words[start]
        if word is None:
            return None
        for phrase in self._phrases_starting_with(word):
            if phrase.matches(words, start):
                return phrase
        return None

    def word_entry(self, word: str) -> Entry | None:
        """The entry for a single word, trying inflections and compounds; None if unknown."""
        if word not in self._word_cache:
            self._word_cache[word] = self._lookup(word)
        return self._word_cache[word]

    def _listed(self, word: str) -> Entry | None:
        if word in self.exact:
            return self.exact[word]
        for end in range(len(word), _MIN_STEM - 1, -1):
            if word[:end] in self.stems:
                return self.stems[word[:end]]
        return None

    def _uninflected(self, word: str) -> Entry | None:
        found = self._listed(word)
        if found is not None or self.language != "en":
            return found
        for ending, replacements in _ENGLISH_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= _MIN_STEM:
                for replacement in replacements:
                    found = self._listed(stem + replacement)
                    if found is not None:
                        return found
        return None

    def _lookup(self, word: str) -> Entry | None:
        found = self._uninflected(word)
        if found is not None:
            return found
        prefix, min_rest = _NEGATING_PREFIX[self.language]
        if word.startswith(prefix) and len(word) - len(prefix) >= min_rest:
            found = self._uninflected(word[len(prefix):])
            if found is not None and found.weight > 0:
                return Entry(-found.weight * _NEGATING_PREFIX_FACTOR)
        if self.language != "sv":
            return None
        for prefix in INTENSIFYING_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
                found = self._uninflected(word[len(prefix):])
                if found is not None:
                    return found.scaled(INTENSIFYING_PREFIX_FACTOR)
        for split in range(1, len(word) - _MIN_STEM + 1):
            if word[split:] in self.heads:
                return self.heads[word[split:]]
        return None


def read_lexicon_file(path: Path) -> dict[str, Entry]:
    """Read term<TAB>weight[<TAB>weight when negated] lines; '#' starts a comment line."""
    entries: dict[str, Entry] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, weight, *negated = line.split("\t")
            entries[" ".join(term.lower().split())] = Entry(
                float(weight), float(negated[0]) if negated else None
            )
    return entries


@cache
def lexicon_for(language: str) -> Lexicon:
    """The shipped lexicon for 'sv' or 'en', loaded once per process."""
    return Lexicon(language, read_lexicon_file(DATA_DIR / LEXICON_FILES[language]))
