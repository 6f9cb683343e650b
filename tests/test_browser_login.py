"""Sign-in for real: a Streamlit server with login configured, a real OpenID Connect provider
(npm's certified `oidc-provider`, tests/oidc/provider.js) on loopback, and Debian's Chromium.

Karin signs in as a recruiter and sees only her processes, and is refused the Access & audit page
and the import; the administrator named in the secrets signs in and finds Karin's sign-in in the
audit log; an anonymous request gets the sign-in page and no data. CI installs the provider with
`npm ci --prefix tests/oidc` (.ci/run); without node or the package this test fails in CI and
skips elsewhere, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from analytics import users
from analytics.access import LOCAL_ADMINISTRATOR
from analytics.operations import import_upload
from analytics.store import Store
from tests.conftest import ROOT
from tests.test_browser import BROWSER_FLAGS, CHROMIUM, free_port, start_server, wait_for_http, wait_idle

PROVIDER = ROOT / "tests" / "oidc" / "provider.js"
NODE = shutil.which("node")
if NODE is None or not (PROVIDER.parent / "node_modules" / "oidc-provider").is_dir():
    if os.environ.get("RADAR_REQUIRE_BROWSER") == "1":
        raise RuntimeError("the login browser test needs node and `npm ci --prefix tests/oidc` (see .ci/run)")
    pytest.skip("no node or oidc-provider (npm ci --prefix tests/oidc)", allow_module_level=True)

EVENTS = """candidate_id,process_id,event_type,occurred_at,process_name,recruiter
C1,P-1,application_received,2026-01-02 09:00,Sjuksköterska Örebro,Karin Lindqvist
C2,P-2,application_received,2026-01-03 09:00,Lastbilschaufför Umeå,Olle Berg
C3,P-3,application_received,2026-01-05 09:00,Kock Malmö,Karin Lindqvist
"""


@contextmanager
def oidc_provider(port: int, redirect_uri: str):
    """The provider on its own loopback port; always stopped."""
    process = subprocess.Popen([NODE, str(PROVIDER)], env=dict(os.environ, PORT=str(port), REDIRECT_URI=redirect_uri),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    issuer = f"http://127.0.0.1:{port}"
    wait_for_http(process, f"{issuer}/.well-known/openid-configuration", "the OpenID Connect provider")
    try:
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def login_app(tmp_path):
    """The app with login through the provider; Karin is a recruiter by the roles table, boss@ an
    administrator by the secrets."""
    db = tmp_path / "login.duckdb"
    store = Store(db)
    try:
        assert import_upload(store, LOCAL_ADMINISTRATOR, EVENTS.encode(), "export.csv").ok
        users.set_grant(store, LOCAL_ADMINISTRATOR, "email", "karin@example.org", "recruiter", "Karin Lindqvist")
    finally:
        store.close()
    app_port, provider_port = free_port(), free_port()
    app_url = f"http://127.0.0.1:{app_port}"
    with oidc_provider(provider_port, f"{app_url}/oauth2callback") as issuer:
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "{app_url}/oauth2callback"\n'
            'cookie_secret = "a-random-secret-for-this-test-only"\n'
            'client_id = "radar"\n'
            'client_secret = "radar-test-secret"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
            # oidc-provider knows the prompts login and consent, not Streamlit's default select_account.
            'client_kwargs = { prompt = "login", scope = "openid profile email groups" }\n'
            "[radar]\n"
            'administrators = ["boss@example.org"]\n',
            encoding="utf-8",
        )
        with start_server(db, port=app_port, options=(f"--secrets.files={secrets}",)) as url:
            yield url, db


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield launched
        launched.close()


def sign_in(browser, url: str, login: str):
    """A fresh browser profile signs in through the provider's own form and returns to the app."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    wait_idle(page)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    page.locator("button[type=submit]").click()
    page.get_by_role("button", name="Continue").click()   # the provider's consent for the scopes
    page.wait_for_url(f"{url}/**", timeout=30_000)
    wait_idle(page)
    return page


def test_sign_in_roles_refusals_and_the_audit_log(login_app, browser, tmp_path):
    url, _ = login_app
    # Anonymous: every address serves the sign-in page and no data, also to plain HTTP requests.
    for path in ("/", "/processes", "/access", "/_stcore/health"):
        body = urllib.request.urlopen(f"{url}{path}", timeout=10).read().decode("utf-8", errors="replace")
        assert "Sjuksköterska" not in body and "Karin" not in body and "P-1" not in body, path
    anonymous = browser.new_context().new_page()
    anonymous.goto(f"{url}/processes")
    wait_idle(anonymous)
    anonymous.get_by_text("Sign in to Candidate Experience Radar").wait_for()
    text = anonymous.locator("body").inner_text()
    assert "Sjuksköterska" not in text and "Lastbilschaufför" not in text and "Processes" not in text
    assert "Page not found" not in text

    # Karin, a recruiter: her two processes, not Olle's, also when a link asks for his.
    karin = sign_in(browser, url, "karin")
    karin.get_by_text("Signed in as karin@example.org (recruiter)").wait_for()
    karin.goto(f"{url}/processes?process=P-2")
    wait_idle(karin)
    karin.get_by_text("Kock Malmö").first.wait_for(state="attached")   # a cell of the table's grid
    cells = " ".join(karin.locator("[role=gridcell]").all_text_contents())
    assert "Sjuksköterska Örebro" in cells and "Kock Malmö" in cells and "Lastbilschaufför" not in cells
    assert "Access & audit" not in karin.locator("[data-testid=stSidebarNav]").inner_text()
    # Refused a page and an action: the audit log, and importing data, reached by link.
    karin.goto(f"{url}/access")
    wait_idle(karin)
    karin.get_by_text("Only administrator may read the audit log.").wait_for()
    karin.goto(f"{url}/data")
    wait_idle(karin)
    karin.get_by_text("Only administrator may import data.").wait_for()
    assert karin.locator("input[type=file]").count() == 0
    karin.screenshot(path=str(tmp_path / "karin-refused.png"))

    # The administrator named in the secrets: the audit log shows Karin's sign-in and her refusals' context.
    boss = sign_in(browser, url, "boss")
    boss.goto(f"{url}/access")
    wait_idle(boss)
    boss.get_by_text("Audit log", exact=True).wait_for()
    log = boss.locator("[data-testid=stDataFrame]").nth(1)
    log.wait_for()
    boss.screenshot(path=str(tmp_path / "boss-audit.png"))
    with boss.expect_download() as download:
        boss.get_by_role("button", name="Download the audit log (CSV)").click()
    rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert any(",karin@example.org,recruiter,sign_in," in row for row in rows), rows
    assert any(",boss@example.org,administrator,sign_in," in row for row in rows), rows
