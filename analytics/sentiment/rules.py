"""Hand-written grammar cues: negation, intensifiers, contrast and emoji, per language.

These are the project's own rules (no external resource); weights are multipliers on the -4..4
lexicon scale.
"""

from __future__ import annotations

NEGATORS = {
    "sv": frozenset(
        "inte ej icke aldrig ingen inget inga ingenting varken knappast knappt sällan utan mindre".split()
    ),
    "en": frozenset(
        """
        not no never none nobody nothing neither nor without hardly barely rarely seldom less zero
        fewer cannot can't cant non minimal lack lacks lacking lacked
        don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't
        werent won't wont wouldn't wouldnt shouldn't shouldnt couldn't couldnt hasn't hasnt
        haven't havent hadn't hadnt ain't
        """.split()
    ),
}

NEGATED_POSITIVE_FACTOR = 0.8  # "inte bra" is negative, but less so than "dålig"
NEGATED_NEGATIVE_FACTOR = 0.2  # "doesn't fix the issue": the negation belongs to the verb
# A negation that reaches a criticism word with no content word between ("no stress", "not a
# problem", "never late", "nothing to dislike", "inga problem") denies that very thing: praise,
# though milder than the criticism would have been, and capped ("not terrible" is no rave).
NEGATED_NEGATIVE_DIRECT_FACTOR = 0.5
NEGATED_NEGATIVE_DIRECT_CAP = 1.5
NEGATION_WINDOW = 3  # content words after a negator that it can still reach
# A negation that finds no sentiment word still leans negative in a comment ("fick inget besked",
# "no follow-up"), weakly.
UNRESOLVED_NEGATION_WEIGHT = -0.4

# Words a negation reaches across without using up its window ("inte särskilt bra", "not a lot
# of growth", "aldrig anlita eller rekommendera"), and words that end its reach ("inte ... vilket
# var dåligt", "ingen service och dåligt bemötande").
NEGATION_TRANSPARENT = frozenset(
    """
    så särskilt speciellt alls något någon några någonting en ett den det de heller direkt helt
    riktigt för av till med vara varit bli blev blivit är var fått få fick att eller or nor
    a an the any much many lot lots of very too so really at all be been being is was were are
    it as ever even quite particularly especially to for get got getting that
    """.split()
)
NEGATION_TERMINATORS = frozenset(
    """
    som vilket vilka när eftersom därför då fast medan tills och samt
    which who whom when because since while until whereas and
    """.split()
)

# Wishes and suggestions describe what was missing: "should be faster", "borde återkoppla",
# "would have been nice". A positive word in their clause counts against the comment.
IRREALIS = {
    "sv": frozenset(
        ("borde", "bör", "önskar", "önskade", "önskat", "hade varit", "skulle varit",
         "skulle ha varit", "hade kunnat", "kunde ha", "förväntade", "förväntat")
    ),
    "en": frozenset(
        ("should", "wish", "ought", "needs", "would have been", "would've been",
         "could have been", "would be", "expected", "hoped", "would like", "would love to see",
         "need to", "could use", "could be more", "can be more", "if only")
    ),
}
IRREALIS_FACTOR = -0.5
UNRESOLVED_WISH_WEIGHT = -0.4  # a wish without sentiment words is a suggestion: weakly critical
# ... except an expectation, which compares ("lower than expected") rather than asks.
EXPECTATION_CUES = frozenset({"expected", "förväntade", "förväntat"})

# Negators that are criticism themselves when nothing they deny follows: "Lacking." is a complaint,
# "lack of growth" denies growth (its own weight replaces the weak unresolved-negation weight).
NEGATORS_WITH_OWN_WEIGHT = frozenset({"lack", "lacks", "lacking", "lacked", "minimal"})
# A prefix written apart ("non competitive", "non-PTO vacation") negates only the next word, and
# before a word without sentiment it means nothing.
PREFIX_NEGATORS = frozenset({"non"})
# "too" before a word without sentiment marks an excess, which is criticism ("too corporate", "too
# compartmentalized"); before a sentiment word it intensifies ("too slow"). At the end of a clause
# it means "also" and is nothing.
EXCESS_MARKERS = {"sv": frozenset(), "en": frozenset({"too"})}
EXCESS_WEIGHT = -1.0
# Words that deny only praise or a need right after them ("little recognition", "few perks");
# before a criticism they soften it ("little difficult", Indian English for "a little difficult"),
# and after "a" they never deny ("a little slow", "a few perks").
PRAISE_DENIERS = {"sv": frozenset(), "en": frozenset({"little", "few"})}
PRAISE_DENIER_CANCELLERS = frozenset({("a", "little"), ("a", "few")})
# Words that negate only a criticism right after them ("low stress", "reduced overtime"); before
# anything else they keep their own lexicon weight ("low pay", "lower bonus" are complaints).
ABSENCE_MARKERS = {"sv": frozenset(), "en": frozenset({"low", "lower", "reduced"})}
# "stress free", "hassle-free": a criticism followed by one of these words is its absence.
ABSENCE_SUFFIXES = {"sv": frozenset(), "en": frozenset({"free"})}
# Sentence openers that are discourse markers there, not praise: "Well, that's big of you".
DISCOURSE_OPENERS = {"sv": frozenset(), "en": frozenset({"well"})}

# Word pairs where the negator does not negate ("not only good" is good).
NEGATION_CANCELLERS = frozenset(
    {
        ("inte", "bara"),
        ("inte", "minst"),
        ("utan", "tvekan"),
        ("not", "only"),
        ("not", "just"),
        ("no", "doubt"),
        ("without", "doubt"),
    }
)

# Multipliers applied to the next sentiment word; below 1 softens ("ganska bra", "a bit slow").
INTENSIFIERS = {
    "sv": {
        "mycket": 1.3, "väldigt": 1.3, "jätte": 1.35, "riktigt": 1.3, "verkligen": 1.3,
        "otroligt": 1.5, "extremt": 1.5, "enormt": 1.4, "oerhört": 1.5, "ytterst": 1.4,
        "så": 1.2, "helt": 1.2, "särskilt": 1.2, "synnerligen": 1.4, "super": 1.35,
        "sjukt": 1.4, "grymt": 1.4, "galet": 1.3, "alldeles": 1.3, "alltför": 1.4,
        "för": 1.15, "extra": 1.2, "superduper": 1.5, "himla": 1.3, "fruktansvärt": 1.5,
        "ganska": 0.85, "rätt": 0.9, "lite": 0.7, "något": 0.8, "aningen": 0.6,
        "relativt": 0.85, "tämligen": 0.85, "hyfsat": 0.8, "halvt": 0.6,
    },
    "en": {
        "very": 1.3, "really": 1.3, "extremely": 1.5, "so": 1.25, "super": 1.35,
        "incredibly": 1.5, "absolutely": 1.4, "totally": 1.3, "completely": 1.3, "highly": 1.3,
        "truly": 1.3, "quite": 1.1, "pretty": 1.1, "most": 1.2, "too": 1.3, "such": 1.2,
        "especially": 1.2, "exceptionally": 1.5, "remarkably": 1.4, "thoroughly": 1.3,
        "utterly": 1.5, "insanely": 1.5, "hugely": 1.4, "deeply": 1.3, "way": 1.2,
        "slightly": 0.6, "somewhat": 0.7, "fairly": 0.85, "rather": 0.9, "little": 0.7,
        "bit": 0.7, "kinda": 0.7, "relatively": 0.85, "mostly": 0.9, "mildly": 0.6,
        "strongly": 1.3, "major": 1.3, "huge": 1.3, "serious": 1.3, "seriously": 1.3, "minor": 0.5,
        "occasional": 0.7, "occasionally": 0.7, "sometimes": 0.8,
    },
}

# Swedish writes intensifiers as part of the word: "jättebra", "supertrevlig", "skitdålig".
INTENSIFYING_PREFIXES = ("jätte", "super", "mega", "kanon", "skit", "sjukt", "hyper", "toppen", "ultra")
INTENSIFYING_PREFIX_FACTOR = 1.35

# The clause after "but" carries the writer's verdict ("friendly but slow" is negative).
CONTRAST_WORDS = frozenset({"men", "but", "however", "dock"})
BEFORE_CONTRAST_FACTOR = 0.5
AFTER_CONTRAST_FACTOR = 1.5

# A concession is granted, not argued: the clause "although ..." / "även om ..." counts half
# ("Bra kontakt även om beskedet dröjde" is positive).
CONCESSIVE = {
    "sv": frozenset(("även om", "trots att", "fast att", "oavsett om")),
    "en": frozenset(("although", "though", "even though", "even if", "despite")),
}
CONCESSIVE_FACTOR = 0.5

# "Har aldrig blivit så illa bemött", "never been so happy": with "så"/"so" the negator marks an
# extreme, not a denial.
EMPHATIC_NEGATORS = frozenset({"aldrig", "never"})
EMPHATIC_MARKERS = frozenset({"så", "sådant", "sådan", "so", "such", "this"})
EMPHATIC_FACTOR = 1.3

# A question asks rather than praises ("is the flight on time?", "kan ni ge feedback?"), while a
# complaint keeps its edge as a question ("why did nobody answer?").
QUESTION_POSITIVE_FACTOR = 0.3
EXCLAMATION_BOOST = 0.3  # added to a sentence's magnitude per "!", up to three
ALL_CAPS_FACTOR = 1.4

EMOJI = {
    "😊": 2.2, "🙂": 1.5, "😀": 2.2, "😃": 2.2, "😄": 2.2, "😁": 2.2, "😆": 1.8, "😍": 3.0,
    "🥰": 3.0, "😘": 2.6, "😇": 2.0, "🤗": 2.2, "🤩": 3.0, "😎": 1.4, "😉": 1.2, "😋": 1.6,
    "☺": 2.0, "😌": 1.4, "🥳": 2.6, "😂": 1.0, "🤣": 1.0, "😅": 0.4, "❤": 2.6, "♥": 2.6,
    "💕": 2.6, "💖": 2.6, "💗": 2.6, "💓": 2.6, "💞": 2.6, "💘": 2.4, "💝": 2.4, "💛": 2.4,
    "💙": 2.4, "💚": 2.4, "💜": 2.4, "🧡": 2.4, "🤍": 2.2, "🖤": 1.2, "😻": 2.4, "👍": 2.2,
    "👌": 2.0, "👏": 2.2, "🙌": 2.4, "🙏": 1.4, "💪": 1.6, "🎉": 2.2, "🎊": 2.0, "⭐": 1.6,
    "🌟": 1.8, "✨": 1.2, "🏆": 2.0, "🥇": 2.0, "✅": 1.4, "✔": 1.0, "🔥": 1.2, "💯": 2.0,
    "🤝": 1.6, "☀": 1.0, "🌞": 1.4, "🌸": 1.0, "🌹": 1.4,
    "😞": -2.2, "😔": -2.0, "😟": -2.0, "😢": -2.2, "😭": -2.4, "😥": -1.8, "😓": -1.6,
    "😠": -3.0, "😡": -3.2, "🤬": -3.4, "👎": -2.4, "😤": -2.2, "🙁": -2.0, "☹": -2.2,
    "😒": -2.0, "🙄": -2.0, "😩": -2.2, "😫": -2.2, "🤮": -3.0, "🤢": -2.6, "💩": -2.4,
    "😕": -1.6, "😬": -1.0, "😱": -1.8, "💔": -2.6, "😖": -2.2, "😣": -2.0, "😰": -2.0,
    "😨": -2.0, "😿": -2.2, "😑": -0.8, "😐": -0.4, "🤔": -0.3, "😪": -1.4, "🥱": -1.6,
    "❌": -1.6, "⚠": -1.0, "🤦": -2.2, "🤷": -0.6,
}

EMOTICONS = {
    ":)": 2.0, ":-)": 2.0, ":d": 2.4, ":-d": 2.4, ";)": 1.4, ";-)": 1.4, "=)": 2.0, ":]": 1.8,
    "<3": 2.6, "^^": 1.6, ":p": 1.0, ":-p": 1.0,
    ":(": -2.2, ":-(": -2.2, ":/": -1.4, ":-/": -1.4, ":\\": -1.4, ":'(": -2.4, ":[": -1.8,
    ":|": -0.6, ":-|": -0.6, "=(": -2.2,
}
