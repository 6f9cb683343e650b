"""Access & audit: who has which role, and the audit log (administrators only)."""

import streamlit as st

from analytics import audit
from analytics.access import Role
from analytics.i18n import t
from analytics.operations import audit_csv
from analytics.users import SUBJECT_KINDS, grants, remove_grant, set_grant
from ui.common import lang, real_store
from ui.identity import bootstrap_administrators, login_configured, refused_unless

SHOWN_ENTRIES = 500

L = lang()
person = refused_unless("audit")
store = real_store()
st.title(t("nav.access", L))
st.caption(t("access.intro", L))
if not login_configured():
    st.info(t("access.no_login", L), icon=":material/info:")
if flash := st.session_state.pop("access_flash", None):
    st.success(flash)

st.subheader(t("access.grants_heading", L))
named = bootstrap_administrators()
st.caption(t("access.bootstrap", L, names=", ".join(named)) if named else t("access.bootstrap_none", L))
given = grants(store, person)
timezone = store.settings().timezone
if given.empty:
    st.write(t("access.no_grants", L))
else:
    shown = given.assign(subject_kind=given["subject_kind"].map(lambda kind: t(f"access.kind.{kind}", L)),
                         role=given["role"].map(lambda role: t(f"role.{role}", L)),
                         granted_at=given["granted_at"].dt.tz_convert(timezone))
    st.dataframe(shown, hide_index=True, column_config={
        name: t(f"col.{name}", L) for name in ("subject_kind", "subject", "role", "recruiter", "granted_by")
    } | {"granted_at": st.column_config.DatetimeColumn(t("col.granted_at", L), format="YYYY-MM-DD HH:mm")})

with st.form("grant_form", clear_on_submit=True):
    left, middle, right = st.columns((2, 3, 2))
    kind = left.selectbox(t("access.kind", L), SUBJECT_KINDS, key="grant_kind",
                          format_func=lambda k: t(f"access.kind.{k}", L))
    subject = middle.text_input(t("access.subject", L), key="grant_subject", placeholder="name@example.org")
    role = right.selectbox(t("access.role", L), list(Role), key="grant_role", format_func=lambda r: t(f"role.{r}", L))
    recruiter = st.text_input(t("access.recruiter", L), key="grant_recruiter", help=t("access.recruiter_help", L))
    if st.form_submit_button(t("access.save", L)):
        try:
            set_grant(store, person, kind, subject, role, recruiter)
        except ValueError as error:
            st.error(str(error))
        else:
            st.session_state["access_flash"] = t("access.saved", L, subject=subject.strip(), role=t(f"role.{role}", L))
            st.rerun()

if not given.empty:
    subjects = list(zip(given["subject_kind"], given["subject"], strict=True))
    chosen = st.selectbox(t("access.remove_pick", L), subjects, key="grant_remove_pick",
                          format_func=lambda pair: f"{pair[1]} ({t(f'access.kind.{pair[0]}', L)})")
    if st.button(t("access.remove", L), key="grant_remove"):
        remove_grant(store, person, *chosen)
        st.session_state["access_flash"] = t("access.removed", L, subject=chosen[1])
        st.rerun()

st.subheader(t("audit.heading", L))
st.caption(t("audit.intro", L, timezone=timezone))
action = st.selectbox(t("audit.action_filter", L), [None, *audit.AUDITED_ACTIONS], key="audit_action",
                      format_func=lambda a: t("audit.all", L) if a is None else t(f"audit.action.{a}", L), width=360)
log = audit.entries(store, person, action=action)
if log.empty:
    st.write(t("audit.empty", L))
else:
    if len(log) > SHOWN_ENTRIES:
        st.caption(t("audit.shown", L, shown=SHOWN_ENTRIES, total=len(log)))
    shown_log = log.head(SHOWN_ENTRIES).assign(
        occurred_at=lambda frame: frame["occurred_at"].dt.tz_convert(timezone),
        action=lambda frame: frame["action"].map(lambda a: t(f"audit.action.{a}", L)),
        role=lambda frame: frame["role"].map(lambda r: t(f"role.{r}", L) if isinstance(r, str) else ""),
    )
    st.dataframe(shown_log.drop(columns="entry_id"), hide_index=True, column_config={
        name: t(f"col.{name}", L) for name in ("actor", "role", "action", "details")
    } | {"occurred_at": st.column_config.DatetimeColumn(t("col.occurred_at", L), format="YYYY-MM-DD HH:mm:ss")})
    st.download_button(t("audit.download", L), data=lambda: audit_csv(store, person, action=action),
                       file_name=f"{t('audit.file', L)}.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key="audit_download")
