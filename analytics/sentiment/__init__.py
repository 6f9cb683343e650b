"""Offline comment sentiment, language, themes and masking for candidate survey comments."""

from .language import detect_language
from .scorer import SCORER_NAME, SentimentResult, score_text, score_texts

__all__ = ["SCORER_NAME", "SentimentResult", "detect_language", "score_text", "score_texts"]
