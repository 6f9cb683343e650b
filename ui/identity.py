"""Who is using the app: the signed-in person's role, the sign-in page, and refusals.

With `[auth]` in .streamlit/secrets.toml, Streamlit's OpenID Connect login (st.login, st.user)
identifies people and analytics.users maps them to a role; without it the single local user is the
administrator, and the app refuses to run on anything but a loopback address. `st.user` is read in
one place, `signed_in_claims`; AppTest sets it through `AppTest.user`, as the identity cookie does.
"""

from __future__ import annotations

import streamlit as st

from analytics import audit
from analytics.access import LOCAL_ADMINISTRATOR, PERMISSIONS, Principal, Role, allows, recruiter_scope
from analytics.i18n import t
from analytics.users import principal_for
from ui.common import lang, principal, real_store

RADAR_SECRETS = "radar"            # [radar] administrators = [...], groups_claim = "groups"
DEFAULT_GROUPS_CLAIM = "groups"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def login_configured() -> bool:
    """Whether `[auth]` is in the app's secrets: then every visitor must sign in."""
    return bool(st.secrets.load_if_toml_exists() and st.secrets.get("auth"))


def _radar_secrets() -> dict:
    return dict(st.secrets.get(RADAR_SECRETS, {})) if st.secrets.load_if_toml_exists() else {}


def bootstrap_administrators() -> tuple[str, ...]:
    """The e-mail addresses the secrets name as administrators: the first ones, and a way back in."""
    return tuple(str(address) for address in _radar_secrets().get("administrators", ()))


def signed_in_claims() -> dict | None:
    """The identity token's claims of the signed-in person, or None for an anonymous visitor."""
    claims = st.user.to_dict()
    return claims if claims.get("is_logged_in") else None


def listens_on_loopback() -> bool:
    address = st.get_option("server.address")
    return bool(address) and (address in LOOPBACK or str(address).startswith("127."))


def current_principal() -> Principal | None:
    """The person this run acts for: the local administrator without login, else the signed-in
    person's role (None: anonymous, or signed in without a role). The first run of a session
    with a role writes the sign-in to the audit log."""
    if not login_configured():
        return LOCAL_ADMINISTRATOR
    claims = signed_in_claims()
    if claims is None:
        return None
    email = claims.get("email") if claims.get("email_verified", True) is not False else None
    groups = claims.get(_radar_secrets().get("groups_claim", DEFAULT_GROUPS_CLAIM)) or ()
    groups = [groups] if isinstance(groups, str) else list(groups)
    principal = principal_for(real_store(), email, groups, claims.get("name"), bootstrap_administrators())
    seen = principal.identity if principal else f"{email or claims.get('sub')} (no role)"
    if st.session_state.get("audited_sign_in") != seen:
        st.session_state["audited_sign_in"] = seen
        details = {"groups": groups} if groups else None
        audit.record(real_store(), principal or (email or str(claims.get("sub"))),
                     "sign_in" if principal else "access_denied", details)
    return principal


def sign_in_page() -> None:
    """All an anonymous visitor gets: what this is and a sign-in button. No data, no navigation."""
    L = lang()
    claims = signed_in_claims()
    st.title(t("auth.sign_in_heading", L))
    if claims is None:
        st.write(t("auth.sign_in_text", L))
        st.button(t("auth.sign_in", L), type="primary", on_click=st.login, key="sign_in")
        return
    if not claims.get("email") or claims.get("email_verified", True) is False:
        st.warning(t("auth.no_email", L))
    else:
        st.warning(t("auth.no_role", L, identity=claims["email"]))
    st.button(t("auth.sign_out", L), on_click=st.logout, key="sign_out")


def open_network_page() -> None:
    st.error(t("auth.open_network", lang(), address=st.get_option("server.address") or "0.0.0.0"))


def who_is_here(person: Principal) -> None:
    """A discreet sidebar line: local use, or who is signed in with which role, and sign-out."""
    L = lang()
    if person is LOCAL_ADMINISTRATOR:
        st.sidebar.caption(t("auth.local", L))
        return
    st.sidebar.caption(t("auth.signed_in_as", L, identity=person.identity, role=t(f"role.{person.role}", L)))
    if (scope := recruiter_scope(person)) is not None:
        st.sidebar.caption(t("auth.recruiter_scope", L, name=scope or "–"))
    st.sidebar.button(t("auth.sign_out", L), on_click=st.logout, key="sign_out", icon=":material/logout:")


def refused_unless(action: str) -> Principal:
    """The page's principal, or a plain refusal and the end of the page when the role may not take
    the action. Pages hidden from a role's navigation are still reachable by link: this guards them."""
    person = principal()
    if not allows(person, action):
        L = lang()
        allowed = f" {t('auth.or', L)} ".join(t(f"role.{role}", L) for role in Role if role in PERMISSIONS[action])
        st.error(t("auth.refused", L, allowed=allowed, what=t(f"action.{action}", L), identity=person.identity,
                   role=t(f"role.{person.role}", L)), icon=":material/block:")
        st.stop()
    return person
