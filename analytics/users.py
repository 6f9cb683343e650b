"""Who is which role: e-mail addresses and identity-provider groups mapped to roles.

Administrators edit the mapping (`access_grants`, migration 007) on the Access page; every change
is audited. The first administrators are named outside the database (the app's secrets), so a new
installation, or one whose grants were removed, can always be administered. A person's own e-mail
grant wins over their groups' grants; among groups the most capable role wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import pandas as pd

from analytics import audit
from analytics.access import Principal, Role, require
from analytics.store import Store

SUBJECT_KINDS = ("email", "group")
_CAPABILITY = (Role.ADMINISTRATOR, Role.ANALYST, Role.RECRUITER)   # most capable first


def normalise_email(address: str) -> str:
    return address.strip().lower()


def principal_for(store: Store, email: str | None, groups: Iterable[str] = (), name: str | None = None,
                  administrators: Iterable[str] = ()) -> Principal | None:
    """The role a signed-in person acts in, or None when nothing grants them one.

    administrators: the e-mail addresses named in the app's configuration (the bootstrap list).
    A recruiter whose grant names no recruiter is scoped by their own name (the `name` claim).
    """
    address = normalise_email(email or "")
    if not address:
        return None
    if address in {normalise_email(a) for a in administrators}:
        return Principal(address, Role.ADMINISTRATOR)
    rows = store.fetchall(
        "SELECT subject_kind, role, recruiter FROM access_grants "
        "WHERE (subject_kind = 'email' AND subject = ?) OR (subject_kind = 'group' AND list_contains(?, subject))",
        [address, [str(group) for group in groups]],
    )
    own = [row for row in rows if row[0] == "email"]
    chosen = own or sorted(rows, key=lambda row: _CAPABILITY.index(Role(row[1])))
    if not chosen:
        return None
    _, role, recruiter = chosen[0]
    role = Role(role)
    return Principal(address, role, (recruiter or name) if role is Role.RECRUITER else None)


def grants(store: Store, reader: Principal) -> pd.DataFrame:
    """Every grant, e-mail addresses first; administrators only."""
    require(reader, "manage_users")
    return store.query(
        "SELECT subject_kind, subject, role, recruiter, granted_by, granted_at FROM access_grants "
        "ORDER BY subject_kind, subject"
    )


def set_grant(store: Store, actor: Principal, subject_kind: str, subject: str, role: Role | str,
              recruiter: str | None = None) -> None:
    """Give an e-mail address or a group a role (replacing its earlier one), and audit the change."""
    require(actor, "manage_users")
    subject = _checked_subject(subject_kind, subject)
    role = Role(role)
    recruiter = (recruiter or "").strip() or None if role is Role.RECRUITER else None
    with store.transaction() as cursor:
        before = cursor.execute("SELECT role, recruiter FROM access_grants WHERE subject_kind = ? AND subject = ?",
                                [subject_kind, subject]).fetchone()
        cursor.execute("INSERT OR REPLACE INTO access_grants VALUES (?, ?, ?, ?, ?, ?)",
                       [subject_kind, subject, role.value, recruiter, actor.identity, datetime.now(UTC)])
        audit.record(store, actor, "user_role_change", {
            "subject_kind": subject_kind, "subject": subject, "role": role.value, "recruiter": recruiter,
            "before": before[0] if before else None,
        }, cursor=cursor)


def remove_grant(store: Store, actor: Principal, subject_kind: str, subject: str) -> bool:
    """Take a grant away; False when there was none. Audited."""
    require(actor, "manage_users")
    subject = _checked_subject(subject_kind, subject)
    with store.transaction() as cursor:
        before = cursor.execute("SELECT role FROM access_grants WHERE subject_kind = ? AND subject = ?",
                                [subject_kind, subject]).fetchone()
        if before is None:
            return False
        cursor.execute("DELETE FROM access_grants WHERE subject_kind = ? AND subject = ?", [subject_kind, subject])
        audit.record(store, actor, "user_role_change",
                     {"subject_kind": subject_kind, "subject": subject, "role": None, "before": before[0]},
                     cursor=cursor)
    return True


def _checked_subject(subject_kind: str, subject: str) -> str:
    if subject_kind not in SUBJECT_KINDS:
        raise ValueError(f"unknown kind {subject_kind!r}; choose email or group")
    text = subject.strip()
    if subject_kind == "email":
        text = normalise_email(text)
        if text.count("@") != 1 or text.startswith("@") or text.endswith("@") or " " in text:
            raise ValueError(f"{subject!r} is not an e-mail address (name@example.org)")
    elif not text:
        raise ValueError("a group needs its name or id as the identity provider sends it in the groups claim")
    return text
