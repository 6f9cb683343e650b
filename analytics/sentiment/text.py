"""Text normalisation and tokenisation shared by the scorer, language detection and themes.

One compiled tokenizer keeps words, emoticons, emoji and the punctuation that ends a clause, so
every later step works on the same tokens and nothing re-tokenises.
"""

from __future__ import annotations

import re
import unicodedata

# Variation selectors and skin-tone modifiers change how an emoji looks, not what it means.
_EMOJI_NOISE = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u200d]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})
_URL_OR_HANDLE = re.compile(r"https?://\S+|www\.\S+|@\w+|#")

TOKEN_PATTERN = re.compile(
    r"""
      (?P<emoticon>(?<!\w)(?:[:;=8][\-o^']?[)(\]\[dDpP/\\|*3]+|<3|\^\^|:-?\|)(?!\w))
    | (?P<rating>\b\d{1,2}(?:[.,]\d)?\s?/\s?(?:5|10)\b)
    | (?P<word>[^\W\d_](?:[\w'\-]*\w)?)
    | (?P<boundary>[.!?;:,\n]+)
    | (?P<symbol>[^\w\s])
    """,
    re.VERBOSE,
)


def normalise(text: str) -> str:
    """NFC, unified apostrophes, no emoji modifiers, URLs and @handles removed (they carry no tone)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = _EMOJI_NOISE.sub("", text)
    return _URL_OR_HANDLE.sub(" ", text)


def tokenize(text: str) -> list[tuple[str, str, str]]:
    """Split normalised text into (kind, lower-case token, original token) triples."""
    tokens = []
    for match in TOKEN_PATTERN.finditer(text):
        kind = match.lastgroup
        original = match.group()
        if kind == "boundary":
            original = original.replace("\n", ".")  # a line break ends a sentence
        tokens.append((kind, original.lower(), original))
    return tokens


def words(text: str) -> list[str]:
    """Lower-case word tokens only, for language detection."""
    return [lower for kind, lower, _ in tokenize(normalise(text)) if kind == "word"]
