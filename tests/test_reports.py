"""Shared reports: the bytes of each format are self-contained, exact and carry nothing personal."""

import io
import re
import zipfile
from datetime import date
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from analytics.ingest.importer import import_file
from analytics.measure.metrics import Filters
from analytics.present.exports import download_name
from analytics.present.pdf import find_chromium
from analytics.present.reports import (
    ReportScope,
    build_report,
    collect_report,
    render_html,
    render_xlsx,
    report_file_name,
)

PERSONAL = ("Anna", "Svensson", "anna.svensson@example.se", "Bertil", "bertil@example.org")
SOURCE_IDS = ("CAND-7001", "CAND-7002", "CAND-7003")

EVENTS = "\n".join([
    "candidate_id,candidate_name,candidate_email,process_id,event_type,occurred_at,process_name,department,recruiter,channel",
    "CAND-7001,Anna Svensson,anna.svensson@example.se,P-1,application_received,2026-01-05T09:00:00+01:00,"
    "<b>Utvecklare</b>,IT,\"=HYPERLINK(\"\"http://x\"\")\",portal",
    "CAND-7001,Anna Svensson,anna.svensson@example.se,P-1,interview_held,2026-01-12T10:00:00+01:00,,,,in_person",
    "CAND-7001,Anna Svensson,anna.svensson@example.se,P-1,rejected,2026-01-14T10:00:00+01:00,,,,",
    "CAND-7001,Anna Svensson,anna.svensson@example.se,P-1,rejection_sent,2026-01-14T11:00:00+01:00,,,,email",
    "CAND-7001,Anna Svensson,anna.svensson@example.se,P-1,survey_sent,2026-01-15T11:00:00+01:00,,,,email",
    "CAND-7002,Bertil Ek,bertil@example.org,P-1,application_received,2026-01-06T09:00:00+01:00,,IT,"
    "\"=HYPERLINK(\"\"http://x\"\")\",portal",
    "CAND-7003,,,P-1,application_received,2026-02-20T09:00:00+01:00,,,,portal",
]) + "\n"

SURVEYS = "\n".join([
    "candidate_id,candidate_name,process_id,submitted_at,nps,comment",
    'CAND-7001,Anna Svensson,P-1,2026-01-16T12:00:00+01:00,2,"<script>alert(1)</script> Anna Svensson here: '
    'never heard back, mail me at anna.svensson@example.se"',
]) + "\n"


@pytest.fixture
def report_store(store, tmp_path):
    (tmp_path / "events.csv").write_text(EVENTS, encoding="utf-8")
    (tmp_path / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    assert import_file(store, tmp_path / "events.csv").ok
    assert import_file(store, tmp_path / "surveys.csv").ok
    store.save_settings(min_survey_answers=1, min_group_size=1)   # one answer, shown for the test's sake
    return store


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.references += [value or "" for name, value in attrs if name in ("src", "href", "action")]


def test_html_is_self_contained_with_its_figures(report_store):
    content = collect_report(report_store, ReportScope(lang="en"))
    page = render_html(content).decode("utf-8")
    links = _Links()
    links.feed(page)
    assert [ref for ref in links.references if re.match(r"(https?:)?//", ref)] == []
    assert page.count("Plotly.newPlot(") == len(content.figures) >= 3
    assert "<script src=" not in page


def test_html_escapes_uploaded_text_and_states_its_context(report_store):
    page = render_html(collect_report(report_store, ReportScope(lang="sv"))).decode("utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Utvecklare</b>" not in page and "&lt;b&gt;Utvecklare&lt;/b&gt;" in page
    for expected in ("Data per 2026-02-20 09:00", "Bekräftelse-SLA (timmar): 48", "Tystnadsgräns (dagar): 14",
                     "Ansökt mellan: Alla", "Rapport om kandidatupplevelsen"):
        assert expected in page


@pytest.mark.parametrize("process_id", [None, "P-1"])
def test_no_name_email_or_source_id_in_html_or_xlsx(report_store, process_id):
    scope = ReportScope(lang="en", process_id=process_id)
    content = collect_report(report_store, scope)
    html_text = render_html(content).decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(render_xlsx(content))) as workbook:
        xlsx_text = "".join(workbook.read(name).decode("utf-8", "replace") for name in workbook.namelist())
    for text in (html_text, xlsx_text):
        for secret in PERSONAL + SOURCE_IDS:
            assert secret not in text


def test_a_process_report_lists_applications_by_pseudonym(report_store):
    content = collect_report(report_store, ReportScope(lang="en", process_id="P-1"))
    # CAND-7002 applied 2026-01-06 and heard nothing until as_of (2026-02-20): ghosted; so is nobody else
    # yet (CAND-7003 applied that very day; CAND-7001 was told).
    assert len(content.listed_applications) == 1
    assert content.listed_applications["application"].iloc[0].startswith("K-")


def test_xlsx_has_typed_sheets_and_neutralised_formulas(report_store):
    workbook = load_workbook(io.BytesIO(render_xlsx(collect_report(report_store, ReportScope(lang="en", process_id="P-1")))))
    assert workbook.sheetnames == ["About", "Metrics per process", "Flags", "Candidate voice", "Drivers", "Without news"]
    metrics = workbook["Metrics per process"]
    header = [cell.value for cell in metrics[1]]
    row = dict(zip(header, [cell.value for cell in metrics[2]], strict=True))
    assert row["Process id"] == "P-1"
    assert row["Applications"] == 3 and isinstance(row["Applications"], int)
    assert row["Outcome told"] == 1.0          # the one rejection was told
    ghosted = workbook["Without news"]
    recruiters = [cell.value for cell in ghosted["G"]][1:]
    assert recruiters == ["'=HYPERLINK(\"http://x\")"]
    cells = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [value for value in cells if isinstance(value, str) and value.startswith(("=", "+", "@"))]


def test_xlsx_cells_carry_number_formats_and_intervals_as_numbers(report_store):
    workbook = load_workbook(io.BytesIO(render_xlsx(collect_report(report_store, ReportScope(lang="en")))))
    metrics = workbook["Metrics per process"]
    formats = {cell.value: below.number_format for cell, below in zip(metrics[1], metrics[2], strict=True)}
    assert formats["Outcome told"] == "0%" and formats["Outcome told (95 % low)"] == "0%"
    assert formats["Applications"] == "0"
    voice = workbook["Candidate voice"]
    header = [cell.value for cell in voice[1]]
    assert "95% interval (95 % low)" in header and "95% interval (95 % high)" in header
    assert "95% interval" not in header                            # no text interval left to be quoted
    flags = workbook["Flags"]
    for row in flags.iter_rows(min_row=2):
        value = row[4]
        assert value.number_format == ("+0;-0;0" if "voice" in str(row[2].value) else "0%")
    # Apostrophes only where the text itself began with a formula character (never a number or interval).
    quoted = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row
              if isinstance(cell.value, str) and cell.value.startswith("'")]
    assert quoted == ["'=HYPERLINK(\"http://x\")"] * len(quoted)


@pytest.mark.skipif(find_chromium() is None, reason="PDF reports are printed by Chromium (apt-get install chromium)")
def test_pdf_has_pages_with_the_report_text(report_store):
    pdf = build_report(report_store, ReportScope(lang="en"), "pdf")
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "Candidate experience report" in text and "Per process" in text
    for secret in PERSONAL + SOURCE_IDS:
        assert secret not in text


def test_report_file_names_say_what_and_when():
    from datetime import datetime

    day = datetime(2026, 11, 25)
    assert report_file_name(ReportScope(process_id="REQ/1 2"), "pdf", day) == "candidate-experience-req-1-2-2026-11-25.pdf"
    assert report_file_name(ReportScope(lang="sv"), "xlsx", day) == "candidate-experience-organisationen-2026-11-25.xlsx"
    # The filters follow the date, in characters every file system accepts.
    filtered = ReportScope(filters=Filters(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31), departments=("Vård",)))
    assert report_file_name(filtered, "html", day) == (
        "candidate-experience-organisation-2026-11-25-from-2026-01-01-to-2026-03-31-department-vard.html")
    one = ReportScope(process_id="REQ-1063", filters=Filters(processes=("REQ-1063",), recruiters=("Åsa Öberg",)))
    assert report_file_name(one, "pdf", day) == "candidate-experience-req-1063-2026-11-25-recruiter-asa-oberg.pdf"


def test_download_names_carry_the_date_and_the_filters_in_safe_characters():
    day = date(2026, 12, 6)
    assert download_name("radar-actions", day, Filters(processes=("REQ-1063",)), "xlsx") == \
        "radar-actions-2026-12-06-process-req-1063.xlsx"
    assert download_name("radar-actions", day, Filters(), "csv") == "radar-actions-2026-12-06.csv"
    many = Filters(recruiters=("A", "B", "C"), departments=("IT", "Vård & omsorg"))
    assert download_name("radar-actions", day, many, "csv") == \
        "radar-actions-2026-12-06-department-it-vard-omsorg-3-recruiters.csv"
    hostile = download_name("radar-actions", day, Filters(processes=("../../etc/passwd\x00;rm",)), "csv")
    assert hostile == "radar-actions-2026-12-06-process-etc-passwd-rm.csv"
    assert len(download_name("radar-actions", day, Filters(processes=("x" * 300,)), "csv")) <= 124
