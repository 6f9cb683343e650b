"""Who may do what: three roles and the one table of actions each may take.

The engine's entry points for writes and sensitive reads call `require`, so a role is enforced
however the action is reached (a page, the command line, a crafted request), not only by hidden
buttons. Without login configured, and on the command line, the single local user is the
administrator (`LOCAL_ADMINISTRATOR`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    ANALYST = "analyst"
    RECRUITER = "recruiter"


# What each action means, in the words a refusal uses.
ACTIONS: dict[str, str] = {
    "import": "import data",
    "undo": "undo an import",
    "settings": "change settings",
    "erase": "erase a candidate",
    "export_candidate": "export what is held about a candidate",
    "retention": "run retention",
    "audit": "read the audit log",
    "manage_users": "change who has which role",
    "report": "download shareable reports",
    "action_list": "download the action list",
    "dashboards": "see the dashboards",
}

_ALL = frozenset(Role)
_ADMIN = frozenset({Role.ADMINISTRATOR})
# Analysts see everything but only in pseudonymised form, so not the action list (source ids);
# recruiters see their own processes (the scope is applied to every read, see `recruiter_scope`).
PERMISSIONS: dict[str, frozenset[Role]] = {
    "import": _ADMIN, "undo": _ADMIN, "settings": _ADMIN, "erase": _ADMIN, "export_candidate": _ADMIN,
    "retention": _ADMIN, "audit": _ADMIN, "manage_users": _ADMIN,
    "report": _ALL, "dashboards": _ALL,
    "action_list": frozenset({Role.ADMINISTRATOR, Role.RECRUITER}),
}


@dataclass(frozen=True)
class Principal:
    """A signed-in person (identity = e-mail) or the local administrator, with the role they act in.

    A recruiter's `recruiter` is their name as the events' recruiter column writes it; a recruiter
    without one sees no process.
    """

    identity: str
    role: Role
    recruiter: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))


LOCAL_ADMINISTRATOR = Principal("local administrator", Role.ADMINISTRATOR)


class AccessDenied(PermissionError):
    """An action the principal's role does not allow; the message says who, what and which role may."""

    def __init__(self, principal: Principal, action: str):
        self.principal, self.action = principal, action
        self.allowed = tuple(role for role in Role if role in PERMISSIONS[action])
        super().__init__(
            f"{principal.identity} ({principal.role}) may not {ACTIONS[action]}: "
            f"only {' or '.join(role.value for role in self.allowed)} may."
        )


def allows(principal: Principal, action: str) -> bool:
    """Whether the principal's role may take the action (for drawing only what a user may use)."""
    if action not in PERMISSIONS:
        raise ValueError(f"unknown action {action!r}; known: {', '.join(PERMISSIONS)}")
    return principal.role in PERMISSIONS[action]


def require(principal: Principal, action: str) -> None:
    """Raise AccessDenied unless the principal's role may take the action."""
    if not allows(principal, action):
        raise AccessDenied(principal, action)


def recruiter_scope(principal: Principal) -> str | None:
    """The recruiter name every read of a recruiter is limited to; None for roles that see all.

    A recruiter without a name gets an empty string, which matches no process.
    """
    return (principal.recruiter or "") if principal.role is Role.RECRUITER else None
