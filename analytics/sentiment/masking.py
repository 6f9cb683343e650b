"""Mask e-mail addresses, phone numbers and personal names in comments before they are shown.

Candidates thank or blame people by name ("Tack Anna Svensson för samtalet"); the product never
shows names. Names are found two ways: a compact list of common Swedish and English first names
(plus the capitalised surname that follows), and any capitalised word right after a cue such as
"tack", "thanks", "med", "with" or "rekryteraren". The tokens are language-neutral.
"""

from __future__ import annotations

import re

from .language import ENGLISH_WORDS, SWEDISH_WORDS
from .lexicon import lexicon_for

EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"
NAME_TOKEN = "[name]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# A phone number starts with +, 00, 0 or "(" and has 8-15 digits: 070-123 45 67,
# +46 70 123 45 67, +46 (0)8-123 456 78, +44 20 7946 0958, (555) 123-4567.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\()?\d[\d \-/()]{6,22}\d(?!\w)")
_PHONE_DIGITS = (8, 15)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")

_CAPITALISED = r"[A-ZÅÄÖÉÜ][a-zåäöéüæøèá]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüæøèá]+)?"
_NAME_SPAN = re.compile(rf"\b(?P<first>{_CAPITALISED})(?:'s|s)?(?P<rest>(?:\s+{_CAPITALISED})*)")
_CUE = re.compile(
    r"(?i:\b(?:tack(?:\s+till)?|thanks(?:\s+to)?|thank\s+you|med|with|hej|hi|hello|dear|"
    r"rekryteraren|rekryterare|recruiter|intervjuaren|interviewer|chefen|manager|"
    r"kontaktpersonen|herr|fru|mr|mrs|ms|dr)\b[,:]?\s+)"
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED})?)"
)

FIRST_NAMES = frozenset(
    """
    anna eva maria karin sara kristina lena emma kerstin marie malin ingrid jenny hanna linda
    annika susanne elin monica birgitta sofia johanna carina elisabeth ulla julia katarina linnea
    ida helena camilla åsa anette sandra frida ebba alice maja elsa astrid wilma ella lisa matilda
    amanda josefin caroline louise therese petra jessica sofie moa felicia agnes stina lovisa
    emelie erika ulrika cecilia mikaela rebecka tove selma freja tilda ronja lina nora alva
    lars mikael anders johan erik karl peter jan thomas daniel fredrik hans andreas stefan mats
    magnus mattias jonas marcus niklas oskar alexander martin henrik bengt viktor jakob simon emil
    gustav filip anton axel oliver william lucas hugo elias adam ludvig isak sebastian rasmus
    robin tobias kristoffer patrik joakim jesper linus olle nils sven göran leif åke kjell rolf
    lennart ingemar roger tommy christer jörgen claes ola pontus albin edvin hampus kevin jimmy
    dennis leo noah liam mohammed ahmed ali omar fatima yasmin
    james john robert michael david richard joseph charles christopher matthew anthony donald
    steven paul andrew joshua kenneth brian george timothy ronald edward jason jeffrey ryan jacob
    gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
    patrick raymond jack jerry tyler aaron jose nathan henry zachary kyle ethan harry charlie tom
    mike chris dave steve jim ben sam alex tim dan matt nick joe tony luke
    mary patricia jennifer elizabeth barbara susan sarah karen nancy betty margaret ashley
    kimberly emily donna michelle carol dorothy melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy angela shirley brenda pamela nicole helen samantha katherine christine
    rachel carolyn janet catherine heather diane ruth julie olivia joyce victoria kelly christina
    lauren joan evelyn judith megan andrea cheryl jacqueline martha gloria teresa ann madison
    kathryn janice jean abigail judy sophia denise amber doris marilyn danielle beverly isabella
    theresa diana natalie brittany charlotte kayla alexis lori kate katie jane lucy chloe mia zoe
    """.split()
)
# First names that are also everyday words ("per mejl", "max två veckor", "Klara besked", "Hans
# återkoppling" = his feedback): masked only after a cue word, never on their own.
AMBIGUOUS_FIRST_NAMES = frozenset(
    "per bo max klara saga sten björn ulf hans tom dan ben matt nick will mark frank grace rose "
    "joy hope faith june may april bill pat art".split()
)
# Capitalised words that follow a cue but are not people.
_NOT_NAMES = frozenset(
    """
    hr teams zoom skype google meet linkedin microsoft outlook webcruiter teamtailor varbi
    reachmee workday i jag vi ni de du hon han det den the a an we you they he she it this that
    """.split()
)


def _is_common_word(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_NAMES or lower in SWEDISH_WORDS or lower in ENGLISH_WORDS:
        return True
    return any(lexicon_for(language).word_entry(lower) is not None for language in ("sv", "en"))


def _mask_phone(match: re.Match[str]) -> str:
    number = match.group()
    digits = sum(ch.isdigit() for ch in number)
    starts_like_phone = number[0] in "+(0"
    if starts_like_phone and _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1] and not _DATE.search(number):
        return PHONE_TOKEN
    return number


def _mask_cued_name(match: re.Match[str]) -> str:
    kept = []
    for word in match.group("name").split():
        if _is_common_word(word) and not _is_first_name(word):
            break
        kept.append(word)
    if not kept:
        return match.group()
    name_text = " ".join(kept)
    start = match.start("name") - match.start()
    prefix = match.group()[:start]
    remainder = match.group()[start + len(name_text):]
    return f"{prefix}{NAME_TOKEN}{remainder}"


def _first_name_of(word: str) -> str | None:
    """The listed first name a word is, also in the Swedish genitive ("Annas" -> "anna")."""
    lower = word.lower()
    if lower in FIRST_NAMES:
        return lower
    return lower[:-1] if lower.endswith("s") and lower[:-1] in FIRST_NAMES else None


def _is_first_name(word: str) -> bool:
    return _first_name_of(word) is not None


def _mask_listed_name(match: re.Match[str]) -> str:
    name = _first_name_of(match.group("first"))
    if name is None or name in AMBIGUOUS_FIRST_NAMES:
        return match.group()
    rest = match.group("rest").split()
    surname = rest[0] if rest and not _is_common_word(rest[0]) else None
    if surname is None:
        return NAME_TOKEN + match.group()[len(match.group()) - len(match.group("rest")):]
    tail = match.group("rest")
    return NAME_TOKEN + tail[tail.index(surname) + len(surname):]


def mask_personal_data(text: str) -> str:
    """Replace e-mail addresses, phone numbers and personal names with [email], [phone], [name]."""
    if not text:
        return text
    masked = _EMAIL.sub(EMAIL_TOKEN, text)
    masked = _PHONE.sub(_mask_phone, masked)
    masked = _CUE.sub(_mask_cued_name, masked)
    return _NAME_SPAN.sub(_mask_listed_name, masked)
