"""The one time window in a real browser: a link with only `from` and `to` shows exactly that window
on the cards, on every page and in the report, and a period chosen in the sidebar is in the URL at once.

Issue 15 found the Overview cards on the last 90 days beside a report of all data, and a link that
changed only after the next click.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlparse

from analytics.catalogue import METRICS
from analytics.ingest.data_source import build_demo_store
from analytics.measure.metrics import Filters, metrics_by
from analytics.store import Store
from tests.test_browser import chromium_page, start_server, wait_idle  # noqa: F401  (the fixture)

WINDOW = Filters(date(2026, 1, 1), date(2026, 3, 31))
APPLICATIONS, ACKNOWLEDGED = METRICS["applications"].label("en"), METRICS["ack_within_sla_share"].label("en")


def window_of(url: str) -> tuple[str | None, str | None]:
    query = parse_qs(urlparse(url).query)
    return (query.get("from", [None])[0], query.get("to", [None])[0])


def wait_for_window(page, window: tuple[str, str]) -> None:
    """Until the page's link holds the window (a run writes it; no other click is made meanwhile)."""
    page.wait_for_url(lambda url: window_of(url) == window, timeout=30_000)


def card(page, label: str) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=re.compile(f"^{re.escape(label)}$")))
    return metric.first.locator("[data-testid='stMetricValue']").inner_text().strip()


def report_card(html_text: str, label: str) -> str:
    return re.search(r'<div class="v">([^<]*)</div><div class="l">' + re.escape(label) + "</div>", html_text).group(1)


def digits(text: str) -> str:
    """The first number of a card, without its thousands separators ("48 % (44–52)" → "48")."""
    return re.sub(r"\D", "", re.search(r"\d[\d ,\u00a0\u202f]*", text).group(0))


def test_a_link_with_only_from_and_to_shows_that_window_everywhere(tmp_path, chromium_page):  # noqa: F811
    from playwright.sync_api import expect

    # The engine's numbers for the window, on a demo built the same way as the server's.
    reference = Store(build_demo_store(tmp_path / "reference.demo.duckdb"))
    try:
        expected = metrics_by(reference, "all", filters=WINDOW).iloc[0]
    finally:
        reference.close()
    page = chromium_page
    with start_server(tmp_path / "radar.duckdb", demo=True) as url:
        page.goto(f"{url}/?from=2026-01-01&to=2026-03-31")
        wait_idle(page)
        page.get_by_text("Applications made 1 Jan 2026 – 31 Mar 2026.").wait_for(timeout=60_000)
        assert window_of(page.url) == ("2026-01-01", "2026-03-31")
        shown = {label: card(page, label) for label in (APPLICATIONS, ACKNOWLEDGED)}
        assert digits(shown[APPLICATIONS]) == str(int(expected["applications"]))
        assert digits(shown[ACKNOWLEDGED]) == str(round(expected["ack_within_sla_share"] * 100))

        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="Download report (HTML)").click()
        report = download.value.path().read_text(encoding="utf-8")
        assert "1 Jan 2026 – 31 Mar 2026" in report
        assert {label: digits(report_card(report, label)) for label in shown} == {
            label: digits(value) for label, value in shown.items()}

        for name in ("Processes", "Candidate voice", "Brand risk"):
            page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
            page.get_by_role("heading", name=name).first.wait_for(timeout=60_000)
            wait_idle(page)
            wait_for_window(page, ("2026-01-01", "2026-03-31"))
            ends = page.locator("[data-testid='stSidebar'] [data-testid='stDateInput'] input[type=date]")
            expect(ends).to_have_count(2)           # retried while the sidebar is drawn again
            expect(ends.first).to_have_value("2026-01-01")
            expect(ends.last).to_have_value("2026-03-31")

        # A preset chosen: the link holds its window as soon as the page has run, with no other click.
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Overview").click()
        wait_idle(page)
        page.locator("[data-testid='stSidebar'] [data-testid='stButtonGroup'] button", has_text="30 d").click()
        page.wait_for_timeout(300)   # let the rerun the click triggers begin before waiting for its end
        wait_idle(page)
        page.get_by_text("Applications made 21 Oct 2026 – 19 Nov 2026").wait_for(timeout=60_000)
        wait_for_window(page, ("2026-10-21", "2026-11-19"))
