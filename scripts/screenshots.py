"""Screenshots of every page in both languages, on the demo data and on an empty store.

    python scripts/screenshots.py --out /tmp/shots [--pages overview,data]

Starts two app servers (demo store, empty store) on free ports, opens each page in headless
Chromium and writes PNGs named <store>-<page>-<lang>.png, for a person to look at.
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
    "voice": "Candidate voice", "risk": "Brand risk", "data": "Data", "settings": "Settings",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--stores", default="demo,empty")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        for store in args.stores.split(","):
            with start_server(Path(folder) / f"{store}.duckdb", demo=store == "demo") as url:
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


if __name__ == "__main__":
    main()
