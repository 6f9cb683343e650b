"""Detect whether a comment is Swedish, English or something else.

Candidate comments are often a few words long, so the detector counts function words and very
common evaluative words (a short comment like "Bra!" has nothing else), then, more weakly, words
only one of the two sentiment lexicons knows, and uses å/ä/ö as a Swedish cue unless another
language's words explain them better. Words both languages share ("process", "team", "feedback",
"ok") are no cue at all.
"""

from __future__ import annotations

from .lexicon import lexicon_for
from .text import words

_LEXICON_CUE = 0.5  # a word only one lexicon knows counts half as much as a function word
_SHARED_WORDS = frozenset("ok okay process team feedback cool super top wow".split())

SWEDISH_WORDS = frozenset(
    """
    och att det som en på är av för med till den har de inte om ett han men var jag sig från vi
    så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut
    får finns vara hade alla andra mycket än här då sedan över bara in blir upp även vad få två
    vill ha många hur mer går sverige kronor detta nya procent skriver stor utan ingen mig dig
    honom henne oss er dem mitt min din ditt sitt våra vår deras hans hennes jag du ni dom
    fick blev hela inga inget något några någon redan aldrig alltid väldigt riktigt ganska lite
    jättebra bra dåligt dålig trevlig trevligt trevliga tack snabbt snabb långsam bättre sämre
    kul roligt tråkigt tyvärr toppen okej nöjd missnöjd tydlig tydligt otydlig svar återkoppling
    intervju intervjun rekrytering rekryteraren processen bemötande känns kändes tycker tyckte
    hörde hört fått gick går gör gjorde varit vet veta tid jobb jobbet tjänsten ansökan lång
    bästa sämsta proffsigt professionellt allt hej hejdå mvh superbra kanon grymt ja nej
    """.split()
)

ENGLISH_WORDS = frozenset(
    """
    the and to of a in is that for it was on with as i be at by this have from or had not but
    what all were when we there can an your which their said if do will each about how up out
    them then she many some so these would other into has more her two like him see time could
    no make than first been its who now people my made over did down only way find use may
    very after our just where most know get through back much good great bad before must well
    any also too here why should me you they he his us are am really thanks thank nice quick
    slow never always interview recruiter job felt feel experience awesome excellent terrible
    poor friendly helpful professional respectful happy love loved again company everything
    nothing got went heard response reply still waiting worst best hi hello regards sincerely
    amazing fantastic horrible rude fine sure
    work working worked life pay paid salary benefits hours schedule people management culture
    environment career growth balance employees employee staff office training opportunities
    flight flights customer boss coworkers colleagues leadership managers
    """.split()
)

# Words that mark a third language strongly enough to answer 'other' (German, Norwegian/Danish,
# Finnish, French, Spanish): a comment in those languages should not be scored with our lexicons.
OTHER_LANGUAGE_WORDS = frozenset(
    """
    und ich nicht ist das die der sehr gut war mit auf für ein eine wir sie es zu den dem
    ikke jeg og er til meget godt veldig hyggelig bare ble fikk kun hvad hvor
    ei oli ole kiitos hyvä erittäin huono mutta että kanssa
    le la les et est une des je pas très bien avec pour merci mais
    el los las que muy bueno pero gracias por una con está
    """.split()
)

_SWEDISH_LETTERS = frozenset("åäö")
_OTHER_LETTERS = frozenset("æøüßñçéèêàõ")


def detect_language(text: str) -> str:
    """Return 'sv', 'en' or 'other' for a comment (empty or symbol-only text is 'other')."""
    return language_of_words(words(text or ""))


def language_of_words(tokens: list[str]) -> str:
    """Language detection on already tokenised lower-case words (the scorer's own tokens)."""
    if not tokens:
        return "other"
    swedish = english = other = 0.0
    for token in tokens:
        in_swedish = token in SWEDISH_WORDS
        in_english = token in ENGLISH_WORDS
        if token in OTHER_LANGUAGE_WORDS and not in_swedish and not in_english:
            other += 1.0
        swedish += in_swedish
        english += in_english
        if not in_swedish and not in_english and token not in _SHARED_WORDS:
            known_swedish = lexicon_for("sv").word_entry(token) is not None
            known_english = lexicon_for("en").word_entry(token) is not None
            if known_swedish != known_english:
                swedish += _LEXICON_CUE * known_swedish
                english += _LEXICON_CUE * known_english
        if not in_swedish and _SWEDISH_LETTERS.intersection(token):
            swedish += 0.75
        if _OTHER_LETTERS.intersection(token):
            other += 0.75
    best = max(swedish, english, other)
    if best == 0 or other == best:
        return "other"
    if swedish == english:
        return "sv" if _SWEDISH_LETTERS.intersection("".join(tokens)) else "other"
    return "sv" if swedish > english else "en"
