"""Screenshots of every page in both languages: on the demo, on real data, on an empty store.

    python scripts/screenshots.py --out /tmp/shots [--pages overview,data] [--stores demo,real,empty]

Starts one app server per store on a free port, opens each page in headless Chromium and writes
PNGs named <store>-<page>-<lang>.png, for a person to look at. "demo" is a first start (the real
store empty, so the labelled demo is shown); "real" has a generated log of 400 applications as the
user's own data, with the demo one switch away; "empty" has the demo turned off.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_browser import BROWSER_FLAGS, CHROMIUM, start_server, wait_idle  # noqa: E402

PAGES = {
    "overview": "Overview", "processes": "Processes", "process_detail": "Process detail",
    "voice": "Candidate voice", "risk": "Brand risk", "data": "Data", "settings": "Settings", "access": "Access & audit",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--stores", default="demo,real,empty")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        for store in args.stores.split(","):
            db_path = Path(folder) / f"{store}.duckdb"
            if store == "real":
                _import_generated_log(db_path, Path(folder))
            with start_server(db_path, demo=store in ("demo", "real")) as url:
                for lang in ("en", "sv"):
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    page.goto(f"{url}/?lang={lang}")
                    wait_idle(page)
                    for name in args.pages.split(","):
                        link = page.locator(f"[data-testid='stSidebarNav'] a[href$='/{name}'], "
                                            f"[data-testid='stSidebarNav'] a[href$='/{name}?lang={lang}']")
                        if name != "overview":
                            if not link.count():
                                print(f"no link to {name}")
                                continue
                            link.first.click()
                            wait_idle(page)
                        page.wait_for_timeout(1500)
                        path = args.out / f"{store}-{name}-{lang}.png"
                        page.screenshot(path=str(path), full_page=True)
                        print(path)
                    page.close()
        browser.close()


def _import_generated_log(db_path: Path, folder: Path) -> None:
    """Real data for the screenshots: a generated log, whose processes are not the demo's."""
    from analytics.ingest.demo import write_large_log
    from analytics.ingest.importer import import_file
    from analytics.store import Store

    log = folder / "real-export.csv"
    write_large_log(log, 400)
    store = Store(db_path)
    try:
        assert import_file(store, log).ok
    finally:
        store.close()


if __name__ == "__main__":
    main()
