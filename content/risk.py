"""Brand risk: the processes that let candidates down, the evidence, and whom to contact today."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from analytics import operations
from analytics.access import Principal, allows, recruiter_scope
from analytics.i18n import t, tn
from analytics.measure.actions import (
    TodaysActions,
    action_list,
    action_processes,
    action_recruiters,
    action_table,
    todays_actions,
    with_process,
    with_recruiter,
)
from analytics.measure.metrics import Filters
from analytics.measure.risk import (
    MAX_SCORE,
    SEVERITY_COLOURS,
    flag_headline,
    flagged_processes,
    ranking_table,
    severity_counts,
)
from analytics.measure.risk_rules import SEVERITY_POINTS
from analytics.present.coverage import unjudged_notes
from analytics.present.exports import download_name, to_csv_bytes, to_xlsx_bytes
from analytics.present.links import ACTIONS_PROCESS_PARAMETER
from analytics.privacy import escape_markdown as md
from ui.common import (
    get_store,
    inventory,
    lang,
    metrics,
    principal,
    real_store,
    risk_assessment,
    showing_demo,
    sidebar_filters,
    waiting,
)
from ui.localised import show_table

SEVERITY_ICONS = {"high": ":material/error:", "medium": ":material/warning:", "low": ":material/info:"}
EXPANDED_PROCESSES = 1  # the riskiest process shows its flags open; the others one click away


@st.cache_data(show_spinner=False, max_entries=32)
def cached_actions(db_path: str, version: tuple, filters: Filters) -> TodaysActions:
    """Today's list and the counts: the backlog, often far longer, is read only when someone opens it."""
    return todays_actions(get_store(), filters=filters)


@st.cache_data(show_spinner=False, max_entries=2)
def cached_backlog(db_path: str, version: tuple, filters: Filters) -> pd.DataFrame:
    return action_list(get_store(), filters=filters, backlog=True)


def action_downloads(chosen: Filters, part: int, person: Principal, details: dict) -> None:
    """One part of the action list (today's or the backlog) as CSV and XLSX, named with the day and the
    filters they hold, made (checked and written to the audit log) only when a button is pressed."""
    day = datetime.now(ZoneInfo(settings.timezone)).date()
    prefix = "-".join(("radar", "backlog" if part else "actions", *(("demo",) if showing_demo() else ())))
    sheet = t("risk.sheet_backlog" if part else "risk.sheet_actions", L)

    def table() -> pd.DataFrame:
        return action_table(action_list(store, filters=chosen, backlog=bool(part)), L)

    def audited(fmt: str, write):
        return lambda: operations.downloaded(real_store(), person, "action_list", lambda: write(table()),
                                             details | {"format": fmt})

    with st.container(horizontal=True):
        st.download_button(t("risk.download_csv", L), audited("csv", to_csv_bytes),
                           file_name=download_name(prefix, day, chosen, "csv"), mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"actions_csv_{part}")
        st.download_button(
            t("risk.download_xlsx", L), audited("xlsx", lambda frame: to_xlsx_bytes({sheet: frame})),
            file_name=download_name(prefix, day, chosen, "xlsx"),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
            icon=":material/download:", key=f"actions_xlsx_{part}")


filters = sidebar_filters()
L = lang()
store = get_store()
key = (str(store.path), store.data_version())
settings = store.settings()

st.title(t("risk.title", L))
st.caption(t("risk.intro", L))
if inventory().is_empty:
    st.info(t("store.empty", L))
    st.stop()

assessment = risk_assessment(filters, L)

# -- summary: flags counted by severity, then the flagged processes, worst first ----------------------
st.subheader(t("risk.ranking_heading", L))
ranking = ranking_table(assessment, L)
counted = severity_counts(assessment.flags)
# One line of badges: as short on a phone as on a desk.
st.markdown(" ".join(
    f":{SEVERITY_COLOURS[severity]}-badge[{SEVERITY_ICONS[severity]} "
    f"{t(f'risk.count.{severity}', L, count=counted[severity])}]" for severity in SEVERITY_POINTS)
    + " · " + t("risk.summary.processes_flagged", L, count=len(ranking), total=len(assessment.processes)))
if ranking.empty:
    st.success(t("risk.no_flags", L))
else:
    severity_columns = {t(f"risk.severity.{severity}", L): st.column_config.NumberColumn(width="small")
                        for severity in SEVERITY_POINTS}
    show_table(ranking, hide_index=True, height="content", column_config={
        t("risk.col.risk_score", L): st.column_config.ProgressColumn(
            t("risk.col.risk_score", L), format="%d", min_value=0, max_value=MAX_SCORE, width="small"),
        **severity_columns,
    })
st.caption(t("risk.ranking_caption", L, min=settings.min_group_size) + " "
           + t("risk.unflagged", L, count=len(assessment.processes) - len(ranking), total=len(assessment.processes)))
if unjudged := unjudged_notes(assessment.processes, metrics("process", filters), L):
    with st.expander(t("risk.unjudged_heading", L, count=len(unjudged)), expanded=True):
        for note in unjudged:
            st.caption(note)

# -- per process: its flags by severity, the evidence on demand ---------------------------------------
if not ranking.empty:
    st.subheader(t("risk.flags_heading", L))
    st.caption(t("risk.flags_caption", L))
    severities = st.pills(t("risk.severity_filter", L), list(SEVERITY_POINTS), selection_mode="multi",
                          default=list(SEVERITY_POINTS), format_func=lambda s: t(f"risk.severity.{s}", L),
                          key="risk_severities")
    for rank, (process, flags) in enumerate(flagged_processes(assessment, tuple(severities))):
        own = severity_counts(pd.DataFrame(flags))
        counts = ", ".join(t(f"risk.count.{severity}", L, count=number) for severity, number in own.items() if number)
        heading = t("risk.process_heading", L, name=md(process["process_name"]), id=md(process["process_id"]),
                    score=process["risk_score"], counts=counts)
        with st.expander(heading, expanded=rank < EXPANDED_PROCESSES,
                         icon=SEVERITY_ICONS[process["worst_severity"]]):
            st.caption(t("risk.recruiter_line", L, recruiter=md(process["recruiter"] or "–")))
            for flag in flags:
                with st.container(border=True):
                    severity, rule = flag["severity"], t(f"risk.rule.{flag['rule']}", L)
                    badge = f":{SEVERITY_COLOURS[severity]}-badge[{SEVERITY_ICONS[severity]} {t(f'risk.severity.{severity}', L)}]"
                    st.markdown(f"{badge} **{rule}** · {flag_headline(flag, L)}")
                    st.markdown(f"**{t('risk.card.action', L)}:** {flag[f'action_{L}']}")
                    with st.expander(t("risk.evidence", L)):
                        st.write(flag[f"evidence_{L}"])

st.subheader(t("risk.actions_heading", L))
person = principal()
if not allows(person, "action_list"):
    st.caption(t("risk.actions_not_allowed", L))
    st.stop()
st.caption(t("risk.actions_caption", L, limit=settings.silence_limit_days))
own = recruiter_scope(person)   # a recruiter sees only the candidates they are the recruiter of
with waiting("actions"):
    listed_processes = action_processes(cached_actions(*key, with_recruiter(filters, own)).counts)
# A link from a process's ghosted list (?actions_process=) opens the list narrowed to that process.
requested = st.query_params.get(ACTIONS_PROCESS_PARAMETER)
if requested in listed_processes and st.session_state.get("risk_action_process") != requested:
    st.session_state["risk_action_process"] = requested


def _process_in_link() -> None:
    if chosen_process := st.session_state["risk_action_process"]:
        st.query_params[ACTIONS_PROCESS_PARAMETER] = chosen_process
    else:
        st.query_params.pop(ACTIONS_PROCESS_PARAMETER, None)


pick_process, pick_recruiter = st.columns(2)
process = pick_process.selectbox(
    t("risk.actions_process", L), [None, *listed_processes], key="risk_action_process", on_change=_process_in_link,
    format_func=lambda pid: t("risk.actions_all_processes", L) if pid is None else f"{listed_processes[pid]} ({pid})")
if process is None:
    st.query_params.pop(ACTIONS_PROCESS_PARAMETER, None)   # a process the filters no longer hold
if own is not None:
    recruiter = own
else:
    with waiting("actions"):
        in_process = cached_actions(*key, with_process(filters, process)).counts
    recruiter = pick_recruiter.selectbox(
        t("risk.actions_recruiter", L), [None, *action_recruiters(in_process)],
        format_func=lambda name: t("risk.actions_all", L) if name is None else name, key="risk_recruiter")
chosen = with_recruiter(with_process(filters, process), recruiter)
with waiting("actions"):
    actions = cached_actions(*key, chosen)
horizon = settings.action_horizon_days
waiting_today, waiting_longer = actions.total(backlog=False), actions.total(backlog=True)
if not waiting_today and not waiting_longer:
    st.success(t("risk.actions_empty", L))
else:
    if not waiting_today:
        st.info(t("risk.actions_none_today", L, horizon=horizon))
    else:
        st.write(tn("risk.actions_count", waiting_today, L, horizon=horizon))
        show_table(action_table(actions.today, L), hide_index=True)
        action_downloads(chosen, 0, person, {"rows": waiting_today, "recruiter": recruiter})
    if waiting_longer:
        backlog = st.expander(tn("risk.backlog_heading", waiting_longer, L, horizon=horizon), expanded=False,
                              key="risk_backlog_open", on_change="rerun")
        if backlog.open:   # read and drawn only when opened: it can hold many thousands of candidates
            with backlog:
                st.caption(t("risk.backlog_caption", L, horizon=horizon))
                with waiting("actions"):
                    listed = cached_backlog(*key, chosen)
                show_table(action_table(listed, L), hide_index=True)
                action_downloads(chosen, 1, person, {"rows": waiting_longer, "recruiter": recruiter, "backlog": True})
