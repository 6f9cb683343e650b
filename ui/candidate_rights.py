"""The Data page's administrators' section: a candidate's access request (what is held, as JSON) and
erasure with a confirmation, and the retention period applied on request. Thin: the work is
analytics.erasure's."""

from __future__ import annotations

import streamlit as st

from analytics.access import Principal, allows
from analytics.erasure import (
    apply_retention,
    candidate_record_json,
    candidates_by_email,
    erase_candidates,
    expired_applications,
    held_applications,
    held_candidates,
)
from analytics.i18n import t
from analytics.privacy import escape_markdown as md
from analytics.store import Store

FIND_BY = ("candidate_id", "email")


def render_candidate_rights(store: Store, person: Principal, lang: str) -> None:
    """Find one candidate by id or e-mail address, download what is held, erase after a confirmation.
    Drawn for administrators only; the engine refuses anyone else whatever the page shows."""
    if not allows(person, "erase"):
        return
    st.subheader(t("rights.heading", lang))
    st.caption(t("rights.intro", lang))
    find_by = st.radio(t("rights.find_by", lang), FIND_BY, horizontal=True, key="rights_find_by",
                       format_func=lambda how: t(f"rights.find_by.{how}", lang))
    given = st.text_input(t(f"rights.given.{find_by}", lang), key="rights_given").strip()
    if given:
        ids = candidates_by_email(store, given) if find_by == "email" else held_candidates(store, [given])
        if not ids:
            st.info(t("rights.nothing_held", lang, given=md(given)))
        else:
            _render_found(store, person, ids, given, lang)
    _render_retention(store, person, lang)


def _render_found(store: Store, person: Principal, ids: list[str], given: str, lang: str) -> None:
    st.write(t("rights.found", lang, given=md(given), applications=held_applications(store, ids)))
    st.download_button(t("rights.export", lang), data=lambda: candidate_record_json(store, ids, person).encode("utf-8"),
                       file_name="candidate-record.json", mime="application/json", key="rights_export",
                       on_click="ignore", icon=":material/download:")
    confirmed = st.checkbox(t("rights.confirm", lang, given=md(given)), key="rights_confirm")
    if st.button(t("rights.erase", lang), key="rights_erase", type="primary", disabled=not confirmed,
                 icon=":material/delete_forever:"):
        removal = erase_candidates(store, ids, person)
        for key in ("rights_given", "rights_confirm"):
            st.session_state.pop(key, None)
        st.session_state["data_flash"] = t("rights.erased", lang, given=md(given), applications=removal.applications,
                                           rows=removal.total_rows)
        st.rerun()


def _render_retention(store: Store, person: Principal, lang: str) -> None:
    """The retention setting's effect now: how many applications are past it, and a button to remove them."""
    months = store.settings().retention_months
    if not months:
        st.caption(t("rights.retention_off", lang))
        return
    due = expired_applications(store, months)
    st.caption(t("rights.retention_due", lang, months=months, count=due))
    if due and st.button(t("rights.retention_apply", lang, count=due), key="rights_retention"):
        removal = apply_retention(store, months, person)
        st.session_state["data_flash"] = t("rights.retention_done", lang, applications=removal.applications,
                                           months=months)
        st.rerun()
