-- Schema version 5: message traces (docs/message-traces.md).

-- Subject patterns that tell a message's event type. A message's subject is compared in lower case
-- with every pattern (a plain piece of text, not a regular expression); the longest pattern found
-- wins. `builtin` rows come with the product; the HR lead adds their own templates' subjects.
-- The first message at or after a rejection decision is the notice whatever its subject.
CREATE TABLE IF NOT EXISTS subject_patterns (
    pattern    VARCHAR PRIMARY KEY,      -- lower case
    event_type VARCHAR NOT NULL,         -- acknowledgement_sent | status_update_sent | interview_scheduled | offer_made | rejection_sent
    language   VARCHAR NOT NULL,         -- 'sv' | 'en' | another code
    builtin    BOOLEAN NOT NULL
);

INSERT INTO subject_patterns VALUES
    ('tack för din ansökan', 'acknowledgement_sent', 'sv', true),
    ('vi har tagit emot din ansökan', 'acknowledgement_sent', 'sv', true),
    ('bekräftelse på din ansökan', 'acknowledgement_sent', 'sv', true),
    ('ansökan mottagen', 'acknowledgement_sent', 'sv', true),
    ('inbjudan till intervju', 'interview_scheduled', 'sv', true),
    ('kallelse till intervju', 'interview_scheduled', 'sv', true),
    ('intervju', 'interview_scheduled', 'sv', true),
    ('anställningserbjudande', 'offer_made', 'sv', true),
    ('erbjudande om anställning', 'offer_made', 'sv', true),
    ('uppdatering om din ansökan', 'status_update_sent', 'sv', true),
    ('status för din ansökan', 'status_update_sent', 'sv', true),
    ('thank you for your application', 'acknowledgement_sent', 'en', true),
    ('thanks for applying', 'acknowledgement_sent', 'en', true),
    ('we have received your application', 'acknowledgement_sent', 'en', true),
    ('application received', 'acknowledgement_sent', 'en', true),
    ('interview invitation', 'interview_scheduled', 'en', true),
    ('invitation to interview', 'interview_scheduled', 'en', true),
    ('interview', 'interview_scheduled', 'en', true),
    ('job offer', 'offer_made', 'en', true),
    ('offer of employment', 'offer_made', 'en', true),
    ('employment offer', 'offer_made', 'en', true),
    ('update on your application', 'status_update_sent', 'en', true),
    ('application status', 'status_update_sent', 'en', true);

-- Which trace import brought which delivered message to a candidate: 64 bits of MD5 over the
-- message id and the recipient's keyed hash. A later, overlapping export finds its repeats here.
-- Undo removes an import's rows.
CREATE TABLE IF NOT EXISTS message_keys (
    message_key UBIGINT NOT NULL,
    import_id   INTEGER NOT NULL
);
