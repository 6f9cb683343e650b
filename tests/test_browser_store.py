"""Real server, real browser, real second processes: scheduled reports and a command-line import
while the app is open, and a plain message on the page while another process writes (issue 13)."""

from __future__ import annotations

from tests.test_browser import chromium_page, start_server, wait_idle  # noqa: F401  (fixtures)
from tests.test_store_access import NEW_EVENTS, cli, holding_the_file, seed


def test_reports_and_an_import_from_the_cli_while_the_app_is_open(tmp_path, chromium_page, monkeypatch):  # noqa: F811
    monkeypatch.setenv("RADAR_LOCK_WAIT", "2")   # the server's wait for the file, before it says so
    db = seed(tmp_path / "radar.duckdb")
    (tmp_path / "new.csv").write_text(NEW_EVENTS, encoding="utf-8")
    page = chromium_page
    with start_server(db) as url:
        page.goto(f"{url}/data")
        wait_idle(page)
        page.get_by_text("example-events.csv").first.wait_for(state="attached", timeout=30_000)

        metrics = cli("metrics", "--db", db, "--json")
        report = cli("report", "--db", db, "--out", tmp_path / "weekly.html")
        imported = cli("import", tmp_path / "new.csv", "--db", db, RADAR_LOCK_WAIT="60")
        assert metrics.returncode == 0, metrics.stderr
        assert report.returncode == 0, report.stderr
        assert imported.returncode == 0, imported.stderr

        page.reload()
        wait_idle(page)
        page.get_by_text("new.csv").first.wait_for(state="attached", timeout=30_000)   # the app lists the CLI's import

        with holding_the_file(db, "write"):   # a long command-line import in progress
            page.reload()
            wait_idle(page)
            page.get_by_text("is in use by another program").wait_for(timeout=60_000)
            assert page.get_by_text("Traceback").count() == 0
            page.screenshot(path=str(tmp_path / "busy.png"))
        page.reload()
        wait_idle(page)
        page.get_by_text("new.csv").first.wait_for(state="attached", timeout=30_000)
