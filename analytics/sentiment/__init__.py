"""Offline comment sentiment, language, themes and masking for candidate survey comments.

No model is downloaded and no deep-learning framework is used: the scorer combines shipped
lexicons (see docs/sentiment.md for sources and licences) with hand-written rules.
"""

from .annotate import annotate_csv
from .calibration import CalibratedScorer, calibrate_on_store_comments
from .language import detect_language
from .masking import mask_personal_data
from .scorer import SCORER_NAME, SentimentResult, score_text, score_texts
from .themes import THEMES, themes_of

__all__ = [
    "SCORER_NAME",
    "THEMES",
    "CalibratedScorer",
    "SentimentResult",
    "annotate_csv",
    "calibrate_on_store_comments",
    "detect_language",
    "mask_personal_data",
    "score_text",
    "score_texts",
    "themes_of",
]
