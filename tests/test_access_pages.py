"""Sign-in, roles and the Access & audit page in AppTest.

Without login configured the single local user is the administrator. With it (`at.secrets` holding
an `[auth]` section), `AppTest.user` stands for the identity cookie Streamlit's st.login sets: the
app reads it through st.user exactly as in a browser (tests/test_browser_login.py signs in for real).
"""

import json

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from analytics import audit, users
from analytics.access import LOCAL_ADMINISTRATOR
from analytics.store import Store
from tests.conftest import APP, run_page

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-secret",
                 "client_id": "radar", "client_secret": "secret",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"},
        "radar": {"administrators": ["boss@example.org"]}}
EVENTS = """candidate_id,process_id,event_type,occurred_at,process_name,recruiter
C1,P-1,application_received,2026-01-02 09:00,Nurse,Karin Lindqvist
C2,P-2,application_received,2026-01-03 09:00,Driver,Olle Berg
C3,P-3,application_received,2026-01-05 09:00,Chef,Karin Lindqvist
"""


@pytest.fixture
def staffed_db(app_db, tmp_path):
    """Three processes (Karin recruits for P-1 and P-3, Olle for P-2); Karin is a recruiter, Ann an analyst."""
    from analytics.operations import import_upload

    store = Store(app_db)
    try:
        assert import_upload(store, LOCAL_ADMINISTRATOR, EVENTS.encode(), "export.csv").ok
        users.set_grant(store, LOCAL_ADMINISTRATOR, "email", "karin@example.org", "recruiter", "Karin Lindqvist")
        users.set_grant(store, LOCAL_ADMINISTRATOR, "group", "hr", "analyst")
    finally:
        store.close()
    return app_db


def signed_in(page: str, user: dict | None, **query: str) -> AppTest:
    """The app with login configured, as `user` (None: an anonymous visitor) reaches `page` by link."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.secrets.update(AUTH)
    at.user = {"is_logged_in": False} if user is None else {"is_logged_in": True, **user}
    at.query_params["lang"] = query.pop("lang", "en")
    at.query_params.update(query)
    at.run()
    if page != "content/overview.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def log_of(db) -> list[tuple]:
    store = Store(db)
    try:
        frame = audit.entries(store, LOCAL_ADMINISTRATOR)
        return list(zip(frame["actor"], frame["role"].fillna(""), frame["action"], strict=True))
    finally:
        store.close()


def shown_text(at: AppTest) -> str:
    return " ".join(str(element.value) for kind in ("title", "markdown", "caption", "info", "warning", "error")
                    for element in getattr(at, kind))


def test_without_login_the_local_user_is_the_administrator_and_is_told_so(app_db):
    at = run_page("content/overview.py", "en")
    assert "Local use: sign-in is not configured" in " ".join(c.value for c in at.sidebar.caption)
    at = run_page("content/access.py", "sv")
    assert at.title[0].value == "Åtkomst och logg"
    assert "Inloggning är inte inställd" in at.info[0].value


def test_an_anonymous_visitor_gets_only_the_sign_in_page(staffed_db):
    for page in ("content/overview.py", "content/processes.py", "content/access.py"):
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.secrets.update(AUTH)
        at.user = {"is_logged_in": False}
        at.run()
        assert at.title[0].value == "Sign in to Candidate Experience Radar", page
        assert [button.label for button in at.button] == ["Sign in"]
        text = shown_text(at)
        assert not any(name in text for name in ("Nurse", "Driver", "P-1", "Karin")), text
        assert not at.dataframe and not at.metric
    assert log_of(staffed_db) == [("local administrator", "administrator", "user_role_change")] * 2 + [
        ("local administrator", "administrator", "import")]


def test_a_signed_in_person_without_a_role_is_told_whom_to_ask_and_it_is_logged(staffed_db):
    at = signed_in("content/overview.py", {"email": "guest@example.org", "name": "Guest", "groups": ["visitors"]})
    assert at.warning[0].value.startswith("You are signed in as guest@example.org, but no role is given")
    assert not at.metric and not at.dataframe
    assert log_of(staffed_db)[0] == ("guest@example.org", "", "access_denied")


def test_a_recruiter_sees_only_their_processes_even_when_a_link_asks_for_more(staffed_db):
    at = signed_in("content/processes.py", {"email": "Karin@example.org", "name": "K. Lindqvist"}, process="P-2")
    cells = " ".join(str(value) for value in at.dataframe[0].value.to_numpy().ravel())
    assert "Nurse" in cells and "Chef" in cells and "Driver" not in cells and "P-2" not in cells
    assert "Signed in as karin@example.org (recruiter)" in " ".join(c.value for c in at.sidebar.caption)
    assert log_of(staffed_db)[0] == ("karin@example.org", "recruiter", "sign_in")


@pytest.mark.parametrize("page, refusal", [
    ("content/access.py", "Only administrator may read the audit log. You are signed in as karin@example.org (recruiter)."),
    ("content/data.py", "Only administrator may import data. You are signed in as karin@example.org (recruiter)."),
    ("content/settings.py", "Only administrator may change settings. You are signed in as karin@example.org (recruiter)."),
])
def test_a_recruiter_is_refused_the_administrators_pages(staffed_db, page, refusal):
    at = signed_in(page, {"email": "karin@example.org"})
    assert [error.value for error in at.error] == [refusal]
    assert not at.dataframe and not at.file_uploader and not at.get("form")


def test_an_analyst_sees_every_process_but_not_the_action_list(staffed_db):
    at = signed_in("content/risk.py", {"email": "ann@example.org", "groups": ["hr"]}, lang="sv")
    assert "Åtgärdslistan namnger kandidater" in " ".join(c.value for c in at.caption)
    assert log_of(staffed_db)[0] == ("ann@example.org", "analyst", "sign_in")


def test_the_administrator_named_in_the_secrets_manages_roles_and_reads_the_log(staffed_db):
    boss = {"email": "boss@example.org", "name": "Boss"}
    at = signed_in("content/access.py", boss)
    assert at.title[0].value == "Access & audit"
    grants = at.dataframe[0].value
    assert grants["subject"].tolist() == ["karin@example.org", "hr"]   # e-mail addresses first
    assert grants["role"].tolist() == ["recruiter", "analyst"]
    log = at.dataframe[1].value
    assert log["actor"].tolist()[0] == "boss@example.org" and log["action"].tolist()[0] == "sign-in"
    # Give Olle the recruiter role, then take Karin's away.
    at.selectbox(key="grant_kind").set_value("email")
    at.text_input(key="grant_subject").input("olle@example.org")
    at.selectbox(key="grant_role").set_value("recruiter")
    at.text_input(key="grant_recruiter").input("Olle Berg")
    [submit] = [button for button in at.button if button.label == "Save the role"]
    submit.click().run()
    assert at.success[0].value == "olle@example.org is now recruiter."
    at.selectbox(key="grant_remove_pick").set_value(("email", "karin@example.org"))
    at.button(key="grant_remove").click().run()
    assert at.success[0].value == "karin@example.org has no role any more."
    store = Store(staffed_db)
    try:
        changes = audit.entries(store, LOCAL_ADMINISTRATOR, action="user_role_change", actor="boss@example.org")
        assert [json.loads(d)["subject"] for d in changes["details"]] == ["karin@example.org", "olle@example.org"]
        assert users.principal_for(store, "karin@example.org", [], "Karin") is None
        assert users.principal_for(store, "olle@example.org", [], "O").recruiter == "Olle Berg"
    finally:
        store.close()


def test_without_login_the_app_refuses_to_show_data_on_an_open_address(app_db):
    saved = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.run()
        assert at.error[0].value.startswith("This server answers on 0.0.0.0 for anyone who can reach it")
        assert not at.metric and not at.dataframe
    finally:
        config.set_option("server.address", saved)


def test_before_sign_in_every_page_address_serves_the_sign_in_page():
    """app.py's PAGE_PATHS lists every routed page but the default, so no address says "page not found"."""
    import ast
    from pathlib import Path

    from tests.conftest import PAGES

    tree = ast.parse(APP.read_text(encoding="utf-8"))
    [paths] = [ast.literal_eval(node.value) for node in ast.walk(tree)
               if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "PAGE_PATHS"]
    assert sorted(paths) == sorted(Path(page).stem for page in PAGES[1:])
