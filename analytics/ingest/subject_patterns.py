"""The subject patterns that tell a traced message's event type, and the HR lead's own ones.

A pattern is a plain piece of text, compared in lower case with the subject; the longest pattern a
subject contains decides (trace_attributed.sql). Built-in patterns come with migration 5 and cannot
be removed; an employer adds the subjects of their own templates ("Välkommen till nästa steg").
"""

from __future__ import annotations

from analytics.store import Store

PATTERN_EVENT_TYPES = ("acknowledgement_sent", "status_update_sent", "interview_scheduled", "offer_made",
                       "rejection_sent")


def subject_patterns(store: Store) -> list[tuple[str, str, str, bool]]:
    """(pattern, event type, language, built in) for every pattern, built-in ones first."""
    return store.fetchall(
        "SELECT pattern, event_type, language, builtin FROM subject_patterns ORDER BY builtin DESC, language, pattern")


def add_subject_pattern(store: Store, pattern: str, event_type: str, language: str) -> str:
    """Add (or re-type) an own pattern; returns it as stored (trimmed, lower case)."""
    text = " ".join(pattern.split()).lower()
    if len(text) < 3:
        raise ValueError("A subject pattern needs at least three characters.")
    if event_type not in PATTERN_EVENT_TYPES:
        raise ValueError(f"A subject pattern gives one of {', '.join(PATTERN_EVENT_TYPES)}, not {event_type!r}.")
    with store.transaction() as cursor:
        if cursor.execute("SELECT count(*) FROM subject_patterns WHERE pattern = ? AND builtin", [text]).fetchone()[0]:
            raise ValueError(f"{text!r} is a built-in pattern already.")
        cursor.execute("INSERT OR REPLACE INTO subject_patterns VALUES (?, ?, ?, false)",
                       [text, event_type, language.strip().lower() or "sv"])
    return text


def delete_subject_pattern(store: Store, pattern: str) -> bool:
    """Remove an own pattern; built-in ones stay. Whether a pattern was removed."""
    with store.transaction() as cursor:
        removed = cursor.execute("DELETE FROM subject_patterns WHERE pattern = ? AND NOT builtin",
                                 [pattern]).fetchone()[0]
    return bool(removed)
