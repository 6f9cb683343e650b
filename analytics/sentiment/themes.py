"""Tag comments with the topics HR leads ask about, in Swedish and English.

A theme is a hand-written list of word stems and phrases per language ("återkoppl*",
"heard back"); a comment gets every theme with at least one match. One compiled pattern per
theme and language keeps tagging thousands of comments fast.
"""

from __future__ import annotations

import re
from functools import cache

from .language import detect_language
from .text import normalise

THEMES = ("communication", "speed", "respect", "interview", "job_info", "offer")

# "stem*" matches any word starting with stem; several words form a phrase.
_KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "communication": {
        "sv": ("återkoppl*", "feedback", "svar", "svaret", "svarade", "svarar", "besked*",
               "kommunikation*", "kommunicer*", "informerad*", "informera*", "uppdater*",
               "kontakt*", "hör* av", "hört av", "hörde av", "hörts av", "ringde", "ringa", "ring",
               "mejl*", "mail*", "e-post", "meddel*", "återkom*", "tystnad*", "ghost*", "respons",
               "löpande information", "tydlig information", "ingen information", "dialog*"),
        "en": ("feedback", "communicat*", "respon*", "repl*", "answer*", "update*", "informed",
               "kept me posted", "contact*", "email*", "e-mail*", "call*", "phone*", "heard back",
               "hear back", "heard from", "heard nothing", "got back", "get back", "ghost*",
               "silence", "follow up", "follow-up", "followed up", "message*", "notif*",
               "in the loop", "in the dark"),
    },
    "speed": {
        "sv": ("snabb*", "långsam*", "seg", "segt", "sega", "väntan", "vänta*", "väntetid*",
               "lång tid", "långa tid", "tog tid", "dröj*", "försen*", "veckor", "månader",
               "tempo*", "fort", "evighet*", "utdrag*", "direkt", "omgående", "tidsplan*",
               "i tid", "sent", "långdragen", "lång process", "lång rekryteringsprocess"),
        "en": ("slow*", "fast", "faster", "quick*", "wait*", "delay*", "long time", "lengthy",
               "took long", "weeks", "months", "forever", "ages", "prompt*", "timely", "speed*",
               "dragged", "drag on", "drawn out", "timeline*", "on time", "late", "long process"),
    },
    "respect": {
        "sv": ("respekt*", "bemöt*", "trevlig*", "otrevlig*", "vänlig*", "ovänlig*", "artig*",
               "oartig*", "nedlåtande", "professionell*", "oprofessionell*", "proffsig*",
               "oproffsig*", "seriös*", "oseriös*", "arrogant*", "dryg", "dryga", "kränk*",
               "diskriminer*", "sedd", "värdefull", "välkom*", "tonen", "attityd*", "empati*",
               "lyhörd*", "behandlad*", "behandlade", "nonchalant*", "otrevligt", "ohövlig*"),
        "en": ("respect*", "disrespect*", "rude*", "polite*", "impolite", "friendly",
               "unfriendly", "kind", "kindness", "courteous", "professional*", "unprofessional*",
               "treated", "treat*", "tone", "attitude", "welcom*", "valued", "condescending",
               "arrogant", "dismissive", "discriminat*", "humane", "empath*", "felt like a number",
               "respectful*"),
    },
    "interview": {
        "sv": ("intervju*", "arbetsprov*", "case", "caset", "personlighetstest*", "tester",
               "testerna", "test", "testet", "färdighetstest*", "videointervju*", "samtalet",
               "intervjuare*", "rekryteringsträff*", "bedömning*"),
        "en": ("interview*", "assessment*", "test", "tests", "testing", "case study",
               "case studies", "panel", "technical round", "screening call", "screening",
               "assignment"),
    },
    "job_info": {
        "sv": ("annons*", "jobbannons*", "platsannons*", "arbetsuppgift*", "rollen",
               "befattning*", "tjänstebeskrivning*", "arbetsbeskrivning*", "kravprofil*",
               "om tjänsten", "om jobbet", "om rollen", "tjänstens innehåll", "beskrivningen",
               "arbetsplats*", "ansvarsområde*"),
        "en": ("job description*", "description", "role", "about the position",
               "responsibilit*", "job ad*", "posting", "vacancy", "advert*", "requirements",
               "about the job", "duties", "job info*"),
    },
    "offer": {
        "sv": ("erbjudande*", "erbjöd*", "erbjuda*", "lön", "lönen", "löne*", "anställningsavtal*",
               "avtal*", "förmån*", "villkor*", "kontrakt*", "fick jobbet", "tackade ja",
               "tackade nej", "lönebud*", "löneförhandling*", "startdatum"),
        "en": ("offer*", "salary", "salaries", "pay", "compensation", "package", "contract*",
               "benefits", "negotiat*", "rescind*", "lowball*", "start date", "got the job"),
    },
}


def _pattern_for(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = []
    for term in terms:
        words = [re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
                 for word in term.split()]
        alternatives.append(r"\s+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


@cache
def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    languages = ("sv", "en") if language not in ("sv", "en") else (language,)
    return tuple(
        (theme, _pattern_for(tuple(t for lang in languages for t in _KEYWORDS[theme][lang])))
        for theme in THEMES
    )


def themes_of(text: str, language: str | None = None) -> tuple[str, ...]:
    """The themes a comment touches, in THEMES order; a comment may have none or several."""
    if not text or not text.strip():
        return ()
    language = language or detect_language(text)
    lowered = normalise(text).lower()
    return tuple(theme for theme, pattern in _patterns(language) if pattern.search(lowered))
