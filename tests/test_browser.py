"""Real-browser tests: a Streamlit server on a free port, driven by Playwright in Debian's Chromium.

In CI (`RADAR_REQUIRE_BROWSER=1`) a missing browser fails the run; on a laptop without one these
tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def _browser_available() -> bool:
    return Path(CHROMIUM).exists()


if not _browser_available():
    if os.environ.get("RADAR_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"Chromium not found at {CHROMIUM}; CI installs it with apt-get install chromium")
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium to run browser tests)",
                allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(process: subprocess.Popen, url: str, what: str, seconds: float = 60) -> None:
    """Poll `url` until it answers; a server that never does is killed and named in the error."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{what} did not start within {seconds:g} s")


@contextmanager
def start_server(db_path: Path, demo: bool = False, port: int | None = None, options: tuple[str, ...] = ()):
    """A real app server on its own port and database; always stopped.

    With `demo`, the demo is built beside the database on first need and shown while it is empty.
    options: more `--section.option=value` arguments (the login test names its secrets file).
    """
    port = port or free_port()
    env = dict(os.environ, RADAR_DB=str(db_path), RADAR_DEMO="1" if demo else "0")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", *options],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for_http(process, f"{url}/_stcore/health", "the Streamlit server")
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def server(tmp_path):
    with start_server(tmp_path / "browser.duckdb") as url:
        yield url


@pytest.fixture
def chromium_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        yield context.new_page()
        browser.close()


def wait_idle(page) -> None:
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=60_000)


def test_upload_on_data_page_shows_import_report(server, chromium_page, tmp_path):
    page = chromium_page
    events = tmp_path / "export.csv"
    events.write_text(
        "candidate_id;process_id;event_type;occurred_at;process_name\n"
        "C1;P-7;application_received;2026-03-02 09:15;Sjuksköterska Örebro\n"
        "C1;P-7;acknowledgement_sent;2026-03-02 11:00;Sjuksköterska Örebro\n"
        "C2;P-7;applied;2026-03-03 08:00;Sjuksköterska Örebro\n",
        encoding="cp1252",
    )
    page.goto(server)
    wait_idle(page)
    page.get_by_role("link", name="Data").click()
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(str(events))
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    # Strict mode: the unknown event type is reported by row, line and column, and nothing is stored.
    page.get_by_text("nothing was stored").wait_for(timeout=30_000)
    page.get_by_text("export.csv, row 3 (line 4), column event_type: unknown event type 'applied'").wait_for()
    page.screenshot(path=str(tmp_path / "data-strict.png"))

    page.get_by_text("Store the good rows (lenient)").click()
    wait_idle(page)
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    page.get_by_text("3 rows read, 2 stored, 0 already stored, 1 rejected, 0 left out").wait_for(timeout=30_000)
    page.screenshot(path=str(tmp_path / "data-lenient.png"))


def test_an_imported_file_leaves_the_uploader(server, chromium_page, tmp_path):
    from playwright.sync_api import expect

    page = chromium_page
    events = tmp_path / "week-10.csv"
    events.write_text(
        "candidate_id,process_id,event_type,occurred_at\n"
        "C1,P-7,application_received,2026-03-02 09:15\n"
        "C1,P-7,acknowledgement_sent,2026-03-02 11:00\n",
        encoding="utf-8",
    )
    page.goto(f"{server}/data")
    wait_idle(page)
    page.locator("input[type=file]").first.set_input_files(str(events))
    page.get_by_text("week-10.csv").first.wait_for()            # the file is listed in the uploader
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    page.get_by_text("2 rows read, 2 stored").wait_for(timeout=30_000)
    # The uploader is empty again and there is no Import button to press a second time.
    expect(page.locator("[data-testid='stFileUploaderFile']")).to_have_count(0)
    expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    # Undo asks first.
    page.get_by_role("button", name="Undo import").click()
    wait_idle(page)
    page.get_by_text("An undo cannot be reversed").wait_for()
    page.get_by_role("button", name="Cancel").click()
    wait_idle(page)
    expect(page.get_by_text("An undo cannot be reversed")).to_have_count(0)


def choose(page, label: str, option: str) -> None:
    """Pick an option of the Streamlit selectbox with this exact label."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)   # let the rerun the choice triggers begin before waiting for its end
    wait_idle(page)


SWEDISH_EXPORT = (
    "Sökande-ID;Tjänst;Status;Datum;Namn\n"
    "S-1;T-9;Ansökt;2026-03-02 09:15;Anna Svensson\n"
    "S-1;T-9;Bekräftad;2026-03-02 10:00;Anna Svensson\n"
    "S-2;T-9;Ansökt;2026-03-03 08:00;Bo Ek\n"
    "S-2;T-9;Avslag;2026-03-20 08:00;Bo Ek\n"
)


def test_unknown_swedish_export_is_mapped_imported_and_reimported(server, chromium_page, tmp_path):
    page = chromium_page
    first = tmp_path / "export-mars.csv"
    first.write_text(SWEDISH_EXPORT, encoding="cp1252")
    page.goto(server)
    wait_idle(page)
    page.get_by_role("link", name="Data").click()
    wait_idle(page)
    page.locator("input[type=file]").first.set_input_files(str(first))
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    page.get_by_text("Map the columns of export-mars.csv").wait_for(timeout=30_000)

    choose(page, "candidate_id", "Sökande-ID")
    choose(page, "process_id (required)", "Tjänst")
    choose(page, "event_type", "Status")
    choose(page, "occurred_at", "Datum")
    choose(page, "“Ansökt” means", "application_received")
    choose(page, "“Bekräftad” means", "acknowledgement_sent")
    choose(page, "“Avslag” means", "rejected")
    name = page.get_by_label("Name of the mapping")
    name.fill("Vårt ATS")
    name.press("Enter")
    wait_idle(page)
    page.get_by_text("The mapping fits this file.").wait_for(timeout=30_000)
    page.get_by_role("button", name="Save mapping and import").click()
    wait_idle(page)
    page.get_by_text("4 rows read, 4 stored, 0 already stored").wait_for(timeout=30_000)
    page.screenshot(path=str(tmp_path / "mapped.png"))

    # The next export of the same kind imports with the saved mapping in a few clicks.
    second = tmp_path / "export-april.csv"
    second.write_text(SWEDISH_EXPORT + "S-3;T-9;Ansökt;2026-04-01 08:00;Cia Berg\n", encoding="cp1252")
    page.locator("input[type=file]").first.set_input_files(str(second))
    wait_idle(page)
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    page.get_by_text("Map the columns of export-april.csv").wait_for(timeout=30_000)
    choose(page, "Start from a saved mapping", "Vårt ATS")
    page.get_by_role("button", name="Save mapping and import").click()
    wait_idle(page)
    page.get_by_text("5 rows read, 1 stored, 4 already stored").wait_for(timeout=30_000)


def test_a_shared_deep_link_opens_its_page_language_and_filters_on_a_fresh_server(tmp_path, chromium_page):
    page = chromium_page
    with start_server(tmp_path / "fresh.duckdb", demo=True) as url:
        page.goto(f"{url}/settings?lang=sv")
        wait_idle(page)
        page.get_by_role("heading", name="Inställningar").first.wait_for(timeout=30_000)
        assert page.get_by_role("link", name="Översikt").is_visible()   # the app's own navigation


def test_a_report_downloads_from_the_sidebar(tmp_path, chromium_page):
    page = chromium_page
    with start_server(tmp_path / "demo.duckdb", demo=True) as url:
        page.goto(url)
        wait_idle(page)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Download report (HTML)").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
    body = saved.read_bytes()
    assert saved.name.startswith("candidate-experience-demo-organisation-") and saved.suffix == ".html"
    assert body.startswith(b"<!DOCTYPE html>")
    assert b"Candidate experience report" in body and body.count(b"Plotly.newPlot(") >= 3
    assert b'<p class="demo">Demo data: made from the built-in demo' in body   # made while the demo was shown


def test_the_first_upload_moves_the_app_from_the_demo_to_the_users_own_data(tmp_path, chromium_page):
    from playwright.sync_api import expect

    page = chromium_page
    export = tmp_path / "our-export.csv"
    export.write_text(
        "candidate_id,process_id,event_type,occurred_at,process_name\n"
        "C1,P-42,application_received,2026-03-02T09:00:00+01:00,Lagerarbetare Borås\n"
        "C1,P-42,acknowledgement_sent,2026-03-02T10:00:00+01:00,Lagerarbetare Borås\n",
        encoding="utf-8",
    )
    with start_server(tmp_path / "radar.duckdb", demo=True) as url:
        page.goto(f"{url}/data")
        wait_idle(page)
        label = page.locator(".stMarkdownBadge", has_text="Demo data")
        expect(label).to_have_count(2)                   # above the page and in the sidebar
        page.get_by_text("You are looking at the demo.").wait_for()
        page.locator("input[type=file]").first.set_input_files(str(export))
        page.get_by_role("button", name="Import", exact=True).click()
        wait_idle(page)
        page.get_by_text("2 rows read, 2 stored").wait_for(timeout=30_000)
        page.get_by_text("You now see your own data.").wait_for()
        expect(label).to_have_count(0)
        page.screenshot(path=str(tmp_path / "after-import.png"))

        page.get_by_role("link", name="Overview").click()
        wait_idle(page)
        # The user's process, in the table of what is held (its cells are in the page, drawn on a canvas).
        page.get_by_text("Lagerarbetare Borås").first.wait_for(state="attached", timeout=30_000)
        expect(page.get_by_text("Innesäljare Uppsala")).to_have_count(0)         # no demo process beside it
        expect(label).to_have_count(0)

        page.get_by_text("Show demo data").click()        # and back to the demo, by the sidebar switch
        page.wait_for_timeout(300)   # let the rerun the switch triggers begin before waiting for its end
        wait_idle(page)
        page.get_by_text("Innesäljare Uppsala").first.wait_for(state="attached", timeout=30_000)
        expect(label).to_have_count(2)
        assert "data=demo" in page.url
        expect(page.get_by_text("Lagerarbetare Borås")).to_have_count(0)   # once the old page is gone
