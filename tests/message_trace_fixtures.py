"""A complete canonical log, and the same log split as a mail system and an ATS would give it.

Eight applications in two processes, written out by hand (local Stockholm times, March 2026).
`split_files` moves every e-mail contact of the complete log into an Exchange message trace (the
Swedish process, en-US dates, UTC, with PowerShell's `#TYPE` line) or a Google Email Log Search
export (the English process, local time with its zone), with realistic subjects, and keeps
everything else in an events file that carries the candidates' addresses. Noise is placed where counting it
would change the numbers (each placement is explained where it is written):

- a failed delivery of C-2's rejection notice five days before the delivered one;
- C-4's question to the recruiter (never acknowledged: counting it would acknowledge them);
- C-5's reply after the rejection decision (never told: counting it would be the notice);
- a pending and a quarantined message, mail between colleagues and to a vendor, repeated rows,
  and one message present in both exports (overlapping exports).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

AS_OF = "2026-04-15T12:00:00+02:00"
NURSE, DEVELOPER = "Sjuksköterska Örebro", "Backend Developer"
PROCESSES = {"REQ-101": NURSE, "REQ-202": DEVELOPER}
EMPLOYER = "rekrytering@vardbolaget.se"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def to_utc(local: datetime) -> datetime:
    """A naive Stockholm time as a naive UTC time (CET, UTC+1, until 29 March; CEST, UTC+2, after)."""
    return local.replace(tzinfo=STOCKHOLM).astimezone(UTC).replace(tzinfo=None)

# candidate -> the addresses the ATS export gives (C-1 uses a second, private address for REQ-202)
ADDRESSES = {
    "C-1": ["Anna Berg <Anna.Berg@Example.se>", "mailto:anna.berg.privat@example.com"],
    "C-2": ["bertil.nilsson@example.se"], "C-3": ["Cecilia.Holm@example.se"], "C-4": ["david.ek@example.se"],
    "C-5": ["erik.lund@example.org"], "C-6": ["Fatima.Ali@example.org"], "C-7": ["gustav.ro@example.org"],
}
# the address each application's mail goes to, as the mail system writes it
MAILBOX = {("C-1", "REQ-101"): "anna.berg@example.se", ("C-1", "REQ-202"): "anna.berg.privat@example.com",
           ("C-2", "REQ-101"): "bertil.nilsson@example.se", ("C-3", "REQ-101"): "cecilia.holm@example.se",
           ("C-4", "REQ-101"): "david.ek@example.se", ("C-5", "REQ-202"): "erik.lund@example.org",
           ("C-6", "REQ-202"): "fatima.ali@example.org", ("C-7", "REQ-202"): "gustav.ro@example.org"}


@dataclass(frozen=True)
class Row:
    candidate: str
    process: str
    event_type: str
    at: str            # local Stockholm time, 'MM-DD HH:MM' in March 2026
    channel: str = ""

    @property
    def local(self) -> datetime:
        return datetime.strptime(f"2026-{self.at}", "%Y-%m-%d %H:%M")

    @property
    def utc(self) -> datetime:
        return to_utc(self.local)


COMPLETE_LOG = [
    # a1 C-1 REQ-101: acknowledged in 5 min, invited, interviewed, rejected, told by e-mail the next morning
    Row("C-1", "REQ-101", "application_received", "03-02 09:15", "portal"),
    Row("C-1", "REQ-101", "acknowledgement_sent", "03-02 09:20", "email"),
    Row("C-1", "REQ-101", "interview_scheduled", "03-05 10:00", "email"),
    Row("C-1", "REQ-101", "interview_held", "03-10 13:00", "in_person"),
    Row("C-1", "REQ-101", "rejected", "03-12 16:00"),
    Row("C-1", "REQ-101", "rejection_sent", "03-13 09:00", "email"),
    # a2 C-2 REQ-101: acknowledged in 22 h, one update, rejected, told after five days
    Row("C-2", "REQ-101", "application_received", "03-02 10:00", "portal"),
    Row("C-2", "REQ-101", "acknowledgement_sent", "03-03 08:00", "email"),
    Row("C-2", "REQ-101", "status_update_sent", "03-10 09:00", "email"),
    Row("C-2", "REQ-101", "rejected", "03-11 10:00"),
    Row("C-2", "REQ-101", "rejection_sent", "03-16 10:00", "email"),
    # a3 C-3 REQ-101: acknowledged after 76 h (over the 48 h SLA), interviewed, offered by e-mail, hired
    Row("C-3", "REQ-101", "application_received", "03-03 08:00", "portal"),
    Row("C-3", "REQ-101", "acknowledgement_sent", "03-06 12:00", "email"),
    Row("C-3", "REQ-101", "interview_scheduled", "03-09 11:00", "email"),
    Row("C-3", "REQ-101", "interview_held", "03-12 10:00", "video"),
    Row("C-3", "REQ-101", "offer_made", "03-16 14:00", "email"),
    Row("C-3", "REQ-101", "hired", "03-20 09:00", "phone"),
    # a4 C-4 REQ-101: never heard from the employer: ghosted
    Row("C-4", "REQ-101", "application_received", "03-04 09:00", "portal"),
    # a5 C-5 REQ-202: acknowledged, rejected, never told: ghosted
    Row("C-5", "REQ-202", "application_received", "03-02 14:00", "portal"),
    Row("C-5", "REQ-202", "acknowledgement_sent", "03-02 14:05", "email"),
    Row("C-5", "REQ-202", "rejected", "03-04 10:00"),
    # a6 C-6 REQ-202: interviewed, rejected, called with feedback, then the notice by e-mail
    Row("C-6", "REQ-202", "application_received", "03-03 11:00", "portal"),
    Row("C-6", "REQ-202", "acknowledgement_sent", "03-04 09:00", "email"),
    Row("C-6", "REQ-202", "interview_scheduled", "03-06 15:00", "email"),
    Row("C-6", "REQ-202", "interview_held", "03-11 10:00", "video"),
    Row("C-6", "REQ-202", "rejected", "03-13 11:00"),
    Row("C-6", "REQ-202", "feedback_given", "03-13 15:00", "phone"),
    Row("C-6", "REQ-202", "rejection_sent", "03-13 15:30", "email"),
    # a7 C-7 REQ-202: acknowledged in 2 min, one update, then withdrew
    Row("C-7", "REQ-202", "application_received", "03-05 10:00", "portal"),
    Row("C-7", "REQ-202", "acknowledgement_sent", "03-05 10:02", "email"),
    Row("C-7", "REQ-202", "status_update_sent", "03-12 16:00", "email"),
    Row("C-7", "REQ-202", "withdrawn", "03-14 08:00", "portal"),
    # a8 C-1 REQ-202: C-1's second application, open beside a1 until a1's notice: the subject names it
    Row("C-1", "REQ-202", "application_received", "03-04 12:00", "portal"),
    Row("C-1", "REQ-202", "acknowledgement_sent", "03-04 12:10", "email"),
    Row("C-1", "REQ-202", "rejected", "03-18 10:00"),
    Row("C-1", "REQ-202", "rejection_sent", "03-19 09:30", "email"),
]

SUBJECTS = {   # (language, event type) -> subject; {name} is the process name
    ("sv", "acknowledgement_sent"): "Tack för din ansökan – {name}",
    ("sv", "interview_scheduled"): "Inbjudan till intervju – {name}",
    ("sv", "status_update_sent"): "Uppdatering om din ansökan – {name}",
    ("sv", "offer_made"): "Erbjudande om anställning – {name}",
    ("sv", "rejection_sent"): "Angående din ansökan – {name}",
    ("en", "acknowledgement_sent"): "Thank you for your application – {name}",
    ("en", "interview_scheduled"): "Interview invitation – {name}",
    ("en", "status_update_sent"): "An update on your application – {name}",
    ("en", "rejection_sent"): "Your application for the {name} role",
}
LANGUAGE = {"REQ-101": "sv", "REQ-202": "en"}
CANDIDATE_NAMES = ["Anna Berg", "Bertil Nilsson", "Cecilia Holm", "David Ek", "Erik Lund", "Fatima Ali",
                   "Gustav Ro"]


@dataclass(frozen=True)
class Message:
    """One line of a trace: `at` is local Stockholm time."""

    at: datetime
    sender: str
    recipient: str
    subject: str
    status: str        # 'delivered', 'failed', 'pending', 'quarantined'
    message_id: str


def _contact_messages(language: str) -> list[Message]:
    """The complete log's e-mail contacts of the processes in `language`, as delivered messages."""
    messages = []
    for number, row in enumerate(COMPLETE_LOG):
        if row.channel == "email" and LANGUAGE[row.process] == language:
            subject = SUBJECTS[(language, row.event_type)].format(name=PROCESSES[row.process])
            messages.append(Message(row.local, EMPLOYER, MAILBOX[(row.candidate, row.process)], subject, "delivered",
                                    f"<msg{number:03d}.{row.candidate}@vardbolaget.se>"))
    return messages


def _noise(process_language: str) -> list[Message]:
    def at(text: str) -> datetime:
        return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M")

    if process_language == "sv":
        return [
            # colleagues and vendors, on the first and the last day: the trace covers 1 March to 15 April,
            # as_of included (an open application is known to have heard nothing only up to the trace's end)
            Message(at("03-01 08:00"), EMPLOYER, "chef.vard@vardbolaget.se", "Kandidatlista Sjuksköterska Örebro",
                    "delivered", "<n1@vardbolaget.se>"),
            Message(at("04-15 17:00"), "chef.vard@vardbolaget.se", "lon@vardbolaget.se", "Lönesamtal", "delivered",
                    "<n2@vardbolaget.se>"),
            Message(at("03-09 09:00"), EMPLOYER, "faktura@annonsbyran.example", "Faktura annons 2026-03",
                    "delivered", "<n3@vardbolaget.se>"),
            # C-2's notice failed five days before it got through: counting it would cut the
            # notice latency from 120 h to 1 h
            Message(at("03-11 11:00"), EMPLOYER, "bertil.nilsson@example.se", "Angående din ansökan – " + NURSE,
                    "failed", "<f1@vardbolaget.se>"),
            # C-4 asks the recruiter; C-4 was never acknowledged: counting it would acknowledge them
            Message(at("03-05 08:30"), "david.ek@example.se", EMPLOYER, "Fråga om min ansökan", "delivered",
                    "<q1@example.se>"),
            # a pending and a quarantined acknowledgement to C-4, who never heard anything: counted,
            # C-4 would be acknowledged within the SLA (25 h)
            Message(at("03-05 10:00"), EMPLOYER, "david.ek@example.se", "Tack för din ansökan – " + NURSE,
                    "pending", "<p1@vardbolaget.se>"),
            Message(at("03-05 10:05"), EMPLOYER, "david.ek@example.se", "Tack för din ansökan – " + NURSE,
                    "quarantined", "<p2@vardbolaget.se>"),
        ]
    return [
        Message(at("03-01 07:00"), "it@vardbolaget.se", "alla@vardbolaget.se", "Planned maintenance", "delivered",
                "<n4@vardbolaget.se>"),
        Message(at("04-15 19:00"), EMPLOYER, "hiring.manager@vardbolaget.se", "Shortlist Backend Developer",
                "delivered", "<n5@vardbolaget.se>"),
        # C-5 replies after the rejection decision; C-5 was never told: counting the reply would
        # make it the notice, inform C-5 and end their ghosting
        Message(at("03-05 09:00"), "erik.lund@example.org", EMPLOYER,
                "Re: Thank you for your application – " + DEVELOPER, "delivered", "<r1@example.org>"),
    ]


def messages_for(language: str) -> list[Message]:
    """Every line of one export, contacts and noise, in time order; the first contact to C-2 (C-6)
    is exported twice (a repeated page of the export)."""
    rows = sorted(_contact_messages(language) + _noise(language), key=lambda m: m.at)
    repeated = next(m for m in rows if m.recipient in ("bertil.nilsson@example.se", "fatima.ali@example.org"))
    return rows + [repeated]


def _exchange_time(local: datetime) -> str:
    """en-US culture, UTC: '3/2/2026 8:20:00 AM'."""
    utc = to_utc(local)
    hour = utc.hour % 12 or 12
    return f"{utc.month}/{utc.day}/{utc.year} {hour}:{utc:%M:%S} {'AM' if utc.hour < 12 else 'PM'}"


EXCHANGE_STATUS = {"delivered": "Delivered", "failed": "Failed", "pending": "Pending", "quarantined": "Quarantined"}
GOOGLE_STATUS = {"delivered": "DELIVERED", "failed": "BOUNCED", "pending": "DEFERRED", "quarantined": "Quarantined"}


def exchange_trace(messages: list[Message]) -> str:
    """Get-MessageTrace | Export-Csv (Windows PowerShell 5.1 without -NoTypeInformation)."""
    out = io.StringIO()
    out.write("#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace\r\n")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["PSComputerName", "RunspaceId", "PSShowComputerName", "Organization", "MessageId", "Received",
                     "SenderAddress", "RecipientAddress", "Subject", "Status", "ToIP", "FromIP", "Size",
                     "MessageTraceId", "StartDate", "EndDate", "Index"])
    for index, m in enumerate(messages):
        writer.writerow(["outlook.office365.com", "5f0c1a2e-0000-4000-8000-000000000001", "False",
                         "vardbolaget.onmicrosoft.com", m.message_id, _exchange_time(m.at), m.sender, m.recipient,
                         m.subject, EXCHANGE_STATUS[m.status], "", "10.0.0.5", "23817",
                         f"0b6d{index:04d}-aaaa-4bbb-8ccc-00000000{index:04d}", "2/28/2026 11:00:00 PM",
                         "3/31/2026 10:00:00 PM", str(index)])
    return out.getvalue()


def google_export(messages: list[Message]) -> str:
    """Google Admin console > Reporting > Email log search > Export (CSV), Stockholm time with its zone."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Message ID", "Start date", "End date", "Sender", "Message size", "Subject", "Direction",
                     "Attachments", "Recipient address", "Event target", "Event date", "Event status",
                     "Event target IP address", "Has encryption", "Event SMTP reply code", "Event description",
                     "Client Type", "Device User Session ID"])
    for m in messages:
        zone = "CEST" if m.at.replace(tzinfo=STOCKHOLM).dst() else "CET"
        when = f"{m.at:%Y/%m/%d %H:%M:%S} {zone}"
        outgoing = m.sender.endswith("@vardbolaget.se")
        writer.writerow([m.message_id, when, when, m.sender, "18211", m.subject, "Sent" if outgoing else "Received",
                         "0", m.recipient, "SMTP_OUT" if outgoing else "GMAIL_INBOX", when, GOOGLE_STATUS[m.status],
                         "203.0.113.7", "Encrypted", "250", "", "Web", ""])
    return out.getvalue()


def complete_log_csv(rows: list[Row] = COMPLETE_LOG) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["candidate_id", "process_id", "event_type", "occurred_at", "process_name", "channel"])
    for row in rows:
        writer.writerow([row.candidate, row.process, row.event_type, f"2026-{row.at}", PROCESSES[row.process],
                         row.channel])
    return out.getvalue()


def events_file_csv() -> str:
    """The ATS's part: every row but the e-mail contacts, with the candidate's name and address."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["candidate_id", "candidate_name", "candidate_email", "process_id", "event_type", "occurred_at",
                     "process_name", "channel"])
    seen: dict[str, int] = {}
    for row in COMPLETE_LOG:
        if row.channel == "email":
            continue
        addresses = ADDRESSES[row.candidate]
        # C-1's REQ-202 rows carry the private address; every other row the candidate's first one
        address = addresses[-1] if (row.candidate, row.process) == ("C-1", "REQ-202") else addresses[0]
        seen[row.candidate] = seen.get(row.candidate, 0) + 1
        name = CANDIDATE_NAMES[int(row.candidate[2:]) - 1]
        writer.writerow([row.candidate, name, address, row.process, row.event_type, f"2026-{row.at}",
                         PROCESSES[row.process], row.channel])
    return out.getvalue()


def split_files() -> dict[str, str]:
    """The three files an employer would have: ATS events, the Exchange trace, the Google export.

    The Google export repeats one message the Exchange trace has (C-1's REQ-101 invitation): two
    exports that overlap.
    """
    swedish, english = messages_for("sv"), messages_for("en")
    overlap = next(m for m in swedish if m.subject.startswith("Inbjudan"))
    return {"events.csv": events_file_csv(), "exchange-trace.csv": exchange_trace(swedish),
            "google-email-log.csv": google_export(english + [overlap])}
