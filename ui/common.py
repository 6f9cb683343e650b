"""Helpers every page shares: the cached stores, which data is shown, the UI language and cached reads.

Pages stay thin: they read filters, call `analytics`, and draw. Everything cached here is keyed by
the store's path and data version, so the demo and the user's own data never share a cache entry,
and an import, an undo or a settings change refreshes every page.

Long because: every cached read the pages share is here, each behind a spinner that says in words
what it waits for (issue 14), so that no page leaves a user waiting blind.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import streamlit as st

from analytics import formatting, operations
from analytics.access import Principal, allows, recruiter_scope
from analytics.erasure import RETENTION_SETTING, apply_retention
from analytics.i18n import LANGUAGES, t
from analytics.ingest.data_source import (
    DEMO,
    REAL,
    build_demo_store,
    can_switch,
    choose_source,
    demo_db_path,
    demo_enabled,
    set_apart_old_demo,
)
from analytics.measure.inventory import FilterOptions, Inventory, filter_options, store_inventory
from analytics.measure.metrics import (
    Filters,
    PeriodComparison,
    application_facts,
    compare_windows,
    kept_facts,
    metrics_by,
)
from analytics.measure.risk import RiskAssessment, assess_risk
from analytics.measure.window import DEFAULT_DAYS, PRESET_DAYS, Window, preset_window, window_from_link
from analytics.present.links import ACTIONS_PROCESS_PARAMETER, FILTER_PARAMETERS, filters_from_query, filters_to_query
from analytics.present.pdf import find_chromium
from analytics.present.reports import REPORT_FORMATS, ReportScope, build_report, report_file_name
from analytics.store import Store, default_db_path

DATA_PARAMETER = "data"   # ?data=demo: a shared link opens on the demo even when real data exists
# Session keys whose values name one data set's processes, dates or people: forgotten on a switch.
VIEW_STATE = ("filters_seeded", "f_period", "f_dates", "f_process", "f_department", "f_recruiter", "detail_process",
              "detail_picker", "process_table", "risk_recruiter", "risk_action_process", "voice_comment_process",
              "voice_calibration_run")
VIEW_PARAMETERS = (*FILTER_PARAMETERS, "process_detail", ACTIONS_PROCESS_PARAMETER)
ALL_DATA = "all"   # the window preset that spans all the data, first day to "as of"


@st.cache_resource
def _open_store(path: str) -> Store:
    """Shared: no connection while idle, read-write only for a write, so the CLI can use the file too."""
    return Store(path, access="shared")


@st.cache_resource(show_spinner=False)
def _open_demo_store(real_path: str) -> Store:
    """The demo's own store beside the real one, built from the seeded demo on first need."""
    built = build_demo_store(demo_db_path(real_path), settings_from=_open_real_store(real_path))
    return _open_store(str(built))


@st.cache_resource
def _open_real_store(path: str) -> Store:
    """The user's own store, opened once per server: the retention period, when set, is applied now."""
    if demo_enabled():
        set_apart_old_demo(path)
    store = _open_store(path)
    if (months := store.settings().retention_months) and store.key_problem() is None:
        apply_retention(store, months, RETENTION_SETTING)
    return store


def real_store() -> Store:
    """The user's own data: every upload, undo and mapping goes here, whatever is shown."""
    return _open_real_store(str(default_db_path()))


def choose_data() -> str:
    """Decide once per run which data the pages show (DEMO or REAL), and keep the choice in the URL.

    A change of data set forgets the filters and the chosen process, which name the other set's
    processes and dates.
    """
    if "data_requested" not in st.session_state:
        st.session_state["data_requested"] = DEMO if st.query_params.get(DATA_PARAMETER) == DEMO else None
    real_is_empty = real_store().is_empty()
    shown = choose_source(real_is_empty, demo_enabled(), st.session_state["data_requested"])
    if st.session_state.get("data_shown", shown) != shown:
        for key in VIEW_STATE:
            st.session_state.pop(key, None)
        for name in VIEW_PARAMETERS:
            st.query_params.pop(name, None)
    st.session_state["data_shown"] = shown
    if shown == DEMO and can_switch(real_is_empty, demo_enabled()):
        st.query_params[DATA_PARAMETER] = DEMO
    else:
        st.query_params.pop(DATA_PARAMETER, None)
    return shown


def stop_on_key_problem() -> None:
    """A lost or damaged pseudonym key stops every page with what to restore, rather than a traceback
    (or, as before, a silently new key that would give every candidate a second pseudonym)."""
    if (problem := real_store().key_problem()) is not None:
        st.error(problem.message(lang()), icon=":material/key_off:")
        st.stop()


def showing_demo() -> bool:
    return st.session_state.get("data_shown") == DEMO


def get_store() -> Store:
    """The store the pages read: the demo's or the user's own, as `choose_data` decided."""
    if "data_shown" not in st.session_state:
        choose_data()
    return _open_demo_store(str(default_db_path())) if showing_demo() else real_store()


def show_real_data() -> None:
    """After an import: the next run shows the user's own data and says how to return to the demo."""
    if st.session_state.get("data_requested") != REAL and showing_demo():
        st.session_state["data_moved"] = True
    st.session_state["data_requested"] = REAL


def principal() -> Principal:
    """The person this run acts for, as app.py resolved it (ui.identity) before any page runs."""
    return st.session_state["principal"]


def save_settings_everywhere(**values) -> None:
    """Settings are the organisation's rules, so they apply to its own data and to the demo alike:
    trying a stricter SLA on the demo is the same as setting it for the real data."""
    real = real_store()
    demo_path = demo_db_path(real.path)
    operations.save_settings(real, principal(), also=[_open_store(str(demo_path))] if demo_path.exists() else [],
                             **values)


def _toggle_demo() -> None:
    st.session_state["data_requested"] = DEMO if st.session_state["w_show_demo"] else REAL


def data_source_notice() -> None:
    """The "Demo data" label in the sidebar and above every page, and the switch when both data sets exist.

    Drawn by the app's entry point before the page, so every page carries it without a line of its own.
    """
    L = lang()
    real_is_empty = real_store().is_empty()
    if can_switch(real_is_empty, demo_enabled()):
        st.session_state["w_show_demo"] = showing_demo()
        st.sidebar.toggle(t("demo.toggle", L), key="w_show_demo", on_change=_toggle_demo,
                          help=t("demo.toggle_help", L))
    if showing_demo():
        st.sidebar.badge(t("demo.label", L), icon=":material/science:", color="orange")
        st.badge(t("demo.label", L), icon=":material/science:", color="orange")
        st.caption(t("demo.caption_first" if real_is_empty else "demo.caption_chosen", L))
    elif st.session_state.pop("data_moved", False):
        st.success(t("demo.moved", L))


def lang() -> str:
    """The UI language: the sidebar switch, kept in the URL so a shared link keeps it."""
    if "lang" not in st.session_state:
        requested = st.query_params.get("lang", "en")
        st.session_state["lang"] = requested if requested in LANGUAGES else "en"
    return st.session_state["lang"]


def language_switch() -> None:
    current = lang()
    st.sidebar.radio(
        t("app.language", current), LANGUAGES, key="lang", horizontal=True,
        format_func=lambda code: {"en": "English", "sv": "Svenska"}[code],
    )
    st.query_params["lang"] = st.session_state["lang"]


@st.cache_data(show_spinner=False)
def cached_inventory(db_path: str, version: tuple) -> Inventory:
    return store_inventory(_open_store(db_path))


def inventory() -> Inventory:
    store = get_store()
    return cached_inventory(str(store.path), store.data_version())


def format_time(value) -> str:
    """An instant as local time in the configured zone, written as the UI language writes it."""
    return formatting.moment(value, lang(), get_store().settings().timezone, missing="–")


@st.cache_data(show_spinner=False)
def cached_filter_options(db_path: str, version: tuple, scope_recruiter: str | None) -> FilterOptions:
    return filter_options(_open_store(db_path), scope_recruiter)


def _query_dict() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in FILTER_PARAMETERS}


def _remember(widget_key: str, filter_key: str) -> None:
    st.session_state[filter_key] = st.session_state[widget_key]


def _local_day(moment: pd.Timestamp | None) -> date:
    """The local date of an instant in the configured zone; today for an empty store."""
    zone = get_store().settings().timezone
    return (pd.Timestamp.now(tz=zone) if moment is None else pd.Timestamp(moment).tz_convert(zone)).date()


def _choose_period() -> None:
    """A preset chosen: the window becomes its range and follows "as of" when new data comes in."""
    if st.session_state["w_period"] is not None:
        st.session_state["f_period"] = st.session_state["w_period"]


def _choose_dates() -> None:
    """Dates picked by hand: the window is exactly them (a preset it matches is shown as chosen)."""
    st.session_state["f_dates"] = st.session_state["w_dates"]
    st.session_state["f_period"] = None


def _current_window(as_of_day: date, first_day: date | None) -> Window:
    """The window of the session: the chosen preset's range (recomputed, so it follows "as of"), else
    the picked dates; a half-picked range runs from its first day to "as of"."""
    period = st.session_state["f_period"]
    if period == ALL_DATA:
        return Window(min(first_day or as_of_day, as_of_day), as_of_day)
    if period is not None:
        return preset_window(period, as_of_day)
    dates = tuple(st.session_state["f_dates"] or ())
    if not dates:
        return preset_window(DEFAULT_DAYS, as_of_day)
    return window_from_link(dates[0], dates[1] if len(dates) > 1 else None, as_of_day, first_day)


def _shown_period(window: Window, as_of_day: date, first_day: date | None) -> int | str | None:
    """The preset button that names the window, if one does."""
    if (preset := window.preset(as_of_day)) is not None:
        return preset
    return ALL_DATA if first_day is not None and window == Window(first_day, as_of_day) else None


def _period_label(period: int | str, language: str) -> str:
    return t("window.all", language) if period == ALL_DATA else t("window.days", language, days=period)


def sidebar_filters() -> Filters:
    """The filters every metric page shares, drawn in the sidebar and kept in the URL.

    The time window is one control: a preset (the last N days up to "as of", or all data) or dates
    picked by hand; every card, list, chart, report and link of every page uses it. Chosen values
    live under their own session keys (not the widgets'), so they survive visits to pages without
    filters; a link's query parameters seed them on a session's first run, and the URL is rewritten
    in the same run as every change.
    """
    L = lang()
    store = get_store()
    scope = recruiter_scope(principal())   # a recruiter's own processes, whatever the link asks for
    options = cached_filter_options(str(store.path), store.data_version(), scope)
    as_of_day = _local_day(options.last_day)
    first_day = None if options.first_day is None else _local_day(options.first_day)
    if "filters_seeded" not in st.session_state:
        seeded = filters_from_query(_query_dict())
        linked = seeded.date_from is not None or seeded.date_to is not None
        window = window_from_link(seeded.date_from, seeded.date_to, as_of_day, first_day)
        st.session_state.update({
            "f_period": None if linked else DEFAULT_DAYS,
            "f_dates": (window.start, window.end),
            "f_process": [p for p in seeded.processes if p in options.processes],
            "f_department": [d for d in seeded.departments if d in options.departments],
            "f_recruiter": [r for r in seeded.recruiters if r in options.recruiters],
            "filters_seeded": True,
        })
    window = _current_window(as_of_day, first_day)
    if st.session_state["f_period"] is not None or len(tuple(st.session_state["f_dates"] or ())) != 1:
        st.session_state["f_dates"] = (window.start, window.end)   # a half-picked range stays half-picked
    sidebar = st.sidebar
    sidebar.subheader(t("filters.heading", L))
    st.session_state["w_period"] = _shown_period(window, as_of_day, first_day)
    sidebar.segmented_control(
        t("window.period", L), (*PRESET_DAYS, ALL_DATA), key="w_period", on_change=_choose_period,
        format_func=lambda period: _period_label(period, L),
        help=t("window.help", L, as_of=formatting.day(as_of_day, L, missing="–")))
    for name in ("dates", "process", "department", "recruiter"):
        st.session_state[f"w_{name}"] = st.session_state[f"f_{name}"]
    sidebar.date_input(t("filters.dates", L), key="w_dates", on_change=_choose_dates, format=formatting.picker_format(L))
    sidebar.multiselect(t("filters.process", L), list(options.processes), key="w_process",
                        format_func=options.processes.get, on_change=_remember, args=("w_process", "f_process"),
                        placeholder=t("filters.all", L))
    sidebar.multiselect(t("filters.department", L), options.departments, key="w_department",
                        on_change=_remember, args=("w_department", "f_department"), placeholder=t("filters.all", L))
    sidebar.multiselect(t("filters.recruiter", L), options.recruiters, key="w_recruiter",
                        on_change=_remember, args=("w_recruiter", "f_recruiter"), placeholder=t("filters.all", L))
    filters = Filters(
        date_from=window.start,
        date_to=window.end,
        processes=tuple(st.session_state["f_process"]),
        departments=tuple(st.session_state["f_department"]),
        recruiters=tuple(st.session_state["f_recruiter"]),
        scope_recruiter=scope,
    )
    if options.processes:
        sidebar.caption(t("report.downloads", L))
        report_downloads(ReportScope(lang=L, filters=filters), sidebar, key="organisation_report")
    # Rewrite only the filter parameters; others (the language, a page's own) stay as they are.
    wanted = filters_to_query(filters)
    if wanted != {name: values for name, values in _query_dict().items() if values}:
        for name in FILTER_PARAMETERS:
            if name in wanted:
                st.query_params[name] = wanted[name]
            else:
                st.query_params.pop(name, None)
    return filters


def waiting(what: str):
    """A spinner with a sentence saying what is being worked on (wait.<what>); Streamlit shows it only
    when the work takes longer than half a second, so a cached read never flickers."""
    return st.spinner(t(f"wait.{what}", lang()))


@st.cache_data(show_spinner=False, max_entries=16)
def _cached_process_facts(db_path: str, version: tuple, filters: Filters) -> pd.DataFrame:
    return application_facts(_open_store(db_path), filters=filters)


def process_facts(filters: Filters, process_id: str) -> pd.DataFrame:
    """The facts of one process's applications the filters select (one row each), read from the store
    for that process alone: the server never holds every application's facts."""
    store = get_store()
    with waiting("facts"):
        return _cached_process_facts(str(store.path), store.data_version(), replace(filters, processes=(process_id,)))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_metrics(db_path: str, version: tuple, by: str, filters: Filters) -> pd.DataFrame:
    return metrics_by(_open_store(db_path), by, filters=filters)


def store_metrics(store: Store, by: str) -> pd.DataFrame:
    """Metrics of a given store, unfiltered (the Data page reads the user's own, whatever the pages show)."""
    with waiting("metrics"):
        return _cached_metrics(str(store.path), store.data_version(), by, Filters())


def metrics(by: str, filters: Filters) -> pd.DataFrame:
    """Metrics per group for the filters, from the stored facts of the applications they select."""
    store = get_store()
    with waiting("metrics"):
        return _cached_metrics(str(store.path), store.data_version(), by, filters)


def metrics_or_stop(by: str, filters: Filters, language: str) -> pd.DataFrame:
    """The metrics per group, or a plain message and the end of the page when there is nothing to show."""
    if inventory().is_empty:
        st.info(t("store.empty", language))
        st.stop()
    frame = metrics(by, filters)
    if frame.empty:
        st.info(t("metrics.empty_selection", language))
        st.stop()
    return frame


@dataclass(frozen=True)
class OverviewReads:
    """What the Overview draws from the facts: the window against the one before, the risk ranking,
    the months."""

    comparison: PeriodComparison
    assessment: RiskAssessment
    by_month: pd.DataFrame


@st.cache_data(show_spinner=False, max_entries=32)
def _cached_overview(db_path: str, version: tuple, filters: Filters, language: str) -> OverviewReads:
    store = _open_store(db_path)
    settings = store.settings()
    both = replace(filters, date_from=Window(filters.date_from, filters.date_to).previous().start)
    with kept_facts(store, settings, both) as facts:   # one computation of the facts for the three reads
        return OverviewReads(compare_windows(store, settings, filters, facts),
                             assess_risk(store, settings, filters, facts, lang=language),
                             metrics_by(store, "month", settings, filters=filters, facts=facts))


def overview_reads(filters: Filters, language: str) -> OverviewReads:
    """The Overview's window comparison, risk ranking and months (the filters hold the shared window)."""
    store = get_store()
    with waiting("comparison"):
        return _cached_overview(str(store.path), store.data_version(), filters, language)


def report_downloads(scope: ReportScope, container=None, key: str = "report") -> None:
    """One download button per report format; each report is made (checked and audited) only when its
    button is pressed. A report made while the demo is shown says so in its header."""
    where = container or st.sidebar
    store, person = get_store(), principal()
    if not allows(person, "report"):
        return
    scope = replace(scope, demo=showing_demo())
    for fmt, (mime, _) in REPORT_FORMATS.items():
        if fmt == "pdf" and find_chromium() is None:
            where.caption(t("report.no_pdf", scope.lang))
            continue
        where.download_button(
            t("report.download", scope.lang, fmt=fmt.upper()),
            data=lambda fmt=fmt: operations.downloaded(real_store(), person, "report", lambda: build_report(
                store, scope, fmt), {"format": fmt, "process": scope.process_id, "demo": scope.demo}),
            file_name=report_file_name(scope, fmt), mime=mime, key=f"{key}_{fmt}", on_click="ignore",
            icon=":material/download:",
        )


@st.cache_data(show_spinner=False, max_entries=32)
def _cached_risk(db_path: str, version: tuple, filters: Filters, language: str) -> RiskAssessment:
    return assess_risk(_open_store(db_path), filters=filters, lang=language)


def risk_assessment(filters: Filters, language: str) -> RiskAssessment:
    """Flags and the ranking by risk score for the filters: one cached computation every page shares."""
    store = get_store()
    with waiting("risk"):
        return _cached_risk(str(store.path), store.data_version(), filters, language)
