"""The shared vocabulary of the event model: event types, contacts, channels, header names.

It sits at the ground floor so that ingest, measures and views all speak the same words without
importing each other; docs/metrics.md and the README's data contract describe the same lists.
"""

from __future__ import annotations

import re

EVENT_TYPES = (
    "application_received", "acknowledgement_sent", "status_update_sent", "interview_scheduled",
    "interview_held", "rejected", "rejection_sent", "feedback_given", "offer_made", "hired",
    "withdrawn", "survey_sent",
)
CONTACT_EVENT_TYPES = (
    "acknowledgement_sent", "status_update_sent", "interview_scheduled", "interview_held",
    "rejection_sent", "feedback_given", "offer_made", "hired",
)
CHANNELS = ("email", "sms", "phone", "video", "in_person", "portal", "other")
PERSONAL_CHANNELS = ("phone", "video", "in_person")
# Spellings seen in real exports, mapped to the canonical channel.
CHANNEL_SYNONYMS = {
    "e-mail": "email", "mail": "email", "e-post": "email", "epost": "email",
    "text": "sms", "telefon": "phone", "call": "phone", "samtal": "phone",
    "video call": "video", "videosamtal": "video", "teams": "video", "zoom": "video",
    "in person": "in_person", "in-person": "in_person", "onsite": "in_person", "på plats": "in_person",
    "fysiskt möte": "in_person", "möte": "in_person", "karriärsida": "portal", "annat": "other",
}


def normalize_header(name: str) -> str:
    """'Candidate ID ' -> 'candidate_id': letter case, spaces and hyphens do not matter."""
    return re.sub(r"[\s\-]+", "_", name.replace("\ufeff", "").strip().lower()).strip("_")


def quote_identifier(name: str) -> str:
    """The one quoting helper for identifiers that come from outside (CSV headers)."""
    return '"' + name.replace('"', '""') + '"'


# What a source can tell (docs/capabilities.md): the kinds of evidence an import records. A metric
# is computed only over applications for which some source records every kind it needs; elsewhere
# it is "not in your data", never zero.
EVIDENCE = (
    "applications",       # application_received: when each application started
    "decisions",          # rejected, offer_made, hired, withdrawn
    "interviews",         # interview_scheduled, interview_held
    "messages",           # written contacts: acknowledgements, status updates, notices, offers
    "personal_feedback",  # feedback_given by phone, video or in person
    "surveys_sent",       # survey_sent
    "survey_answers",     # survey answers (NPS, ratings, comments)
)
# To which applications an import's evidence applies (import_evidence.scope).
EVIDENCE_SCOPES = (
    "own",        # the applications the import brought rows for (an ATS export, a canonical log)
    "all",        # every application in the store (a survey export: no answer means no answer)
    "addressed",  # every application whose candidate has a known e-mail alias (a message trace)
)
