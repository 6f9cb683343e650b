"""The message catalogue is complete: both languages for every key, and every key the code asks for exists."""

import re

from analytics.i18n import LANGUAGES, MESSAGES, t
from tests.conftest import ROOT

KEY_IN_CODE = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[a-z0-9_.{}]+)["']""")


def test_every_message_has_english_and_swedish():
    incomplete = [key for key, texts in MESSAGES.items() if set(texts) != set(LANGUAGES) or not all(texts.values())]
    assert incomplete == []


def test_every_literal_key_used_in_the_code_exists():
    sources = [*ROOT.glob("app.py"), *ROOT.glob("content/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("analytics/**/*.py")]
    used = {match for path in sources for match in KEY_IN_CODE.findall(path.read_text(encoding="utf-8"))}
    literal = {key for key in used if "{" not in key}
    assert literal, "the pattern should find the keys the pages use"
    assert sorted(literal - MESSAGES.keys()) == []


def test_placeholders_are_the_same_in_both_languages():
    field = re.compile(r"{(\w+)")
    differing = [key for key, texts in MESSAGES.items()
                 if set(field.findall(texts["en"])) != set(field.findall(texts["sv"]))]
    assert differing == []


def test_formatting_fills_values_in_the_chosen_language():
    assert t("store.date_range", "sv", first="2026-01-01", last="2026-02-01") == "Händelser från 2026-01-01 till 2026-02-01"
    assert t("store.date_range", "en", first="a", last="b") == "Events from a to b"
