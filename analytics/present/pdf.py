"""PDF: an HTML report printed by headless Chromium, the browser the tests already use.

It draws the same Plotly charts as the HTML file, so both formats show identical figures, and it
adds no Python PDF dependency; the cost is that PDF export needs Chromium where the app runs.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer", "--virtual-time-budget=20000",
)



class ReportError(RuntimeError):
    """A report could not be made; the message says what to install or change."""


def find_chromium() -> str | None:
    for name in CHROMIUM_CANDIDATES:
        if path := shutil.which(name):
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def html_to_pdf(html_bytes: bytes) -> bytes:
    """Print the HTML report to PDF with headless Chromium, offline (no network flags)."""
    chromium = find_chromium()
    if chromium is None:
        raise ReportError("PDF reports need Chromium: install it with `apt-get install chromium`, "
                          "or download the HTML report and print it from a browser.")
    with tempfile.TemporaryDirectory(prefix="radar-report-") as folder:
        source, target = Path(folder) / "report.html", Path(folder) / "report.pdf"
        source.write_bytes(html_bytes)
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                   f"--print-to-pdf={target}", source.as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, timeout=120, check=False)
        except subprocess.TimeoutExpired as error:
            raise ReportError("Chromium took more than 2 minutes to print the report; try the HTML report.") from error
        if not target.exists():
            raise ReportError(f"Chromium could not print the report (exit {result.returncode}): "
                              f"{result.stderr.decode(errors='replace')[-300:]}")
        return target.read_bytes()
