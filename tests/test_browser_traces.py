"""Real browser: an ATS export without messages, then a mail trace, imported on the Data page;
the contact metrics go from "not in your data" to numbers (issue 12's done-when)."""

from __future__ import annotations

from tests.test_browser import chromium_page, server, wait_idle  # noqa: F401  (fixtures)

# A Workday recruiting report: one row per application, no messages, the candidate's address.
WORKDAY = (
    "Candidate_ID,Job_Req_ID,Job_Posting_Title,Last_Recruiting_Stage,Candidate_Stage,"
    "Date_and_Time_Initiated,Date_and_Time_Completed,Email\n"
    "W-1,R-7,Undersköterska Växjö,Screen,Review,2026-03-02 09:00,,ada.w@example.se\n"
    "W-2,R-7,Undersköterska Växjö,Interview,Rejected,2026-03-02 10:00,2026-03-10 10:00,Bo W <bo.w@example.se>\n"
    "W-3,R-7,Undersköterska Växjö,Offer,Hired,2026-03-03 08:00,2026-03-20 09:00,cia.w@example.se\n"
)
# Get-MessageTrace | Export-Csv on a Swedish computer: sv-SE dates, UTC.
TRACE = (
    '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId","MessageTraceId","Size"\n'
    '"2026-03-02 08:05:00","hr@vard.se","ada.w@example.se","Tack för din ansökan","Delivered","<a1@v>","t1","9"\n'
    '"2026-03-02 09:10:00","hr@vard.se","bo.w@example.se","Tack för din ansökan","Delivered","<a2@v>","t2","9"\n'
    '"2026-03-03 07:30:00","hr@vard.se","cia.w@example.se","Tack för din ansökan","Failed","<a3@v>","t3","9"\n'
    '"2026-03-03 07:40:00","hr@vard.se","cia.w@example.se","Tack för din ansökan","Delivered","<a4@v>","t4","9"\n'
    '"2026-03-11 08:00:00","hr@vard.se","bo.w@example.se","Angående din ansökan","Delivered","<a5@v>","t5","9"\n'
    '"2026-03-16 12:00:00","hr@vard.se","cia.w@example.se","Erbjudande om anställning","Delivered","<a6@v>","t6","9"\n'
    '"2026-03-12 08:00:00","ada.w@example.se","hr@vard.se","Fråga","Delivered","<q1@e>","t7","9"\n'
    '"2026-03-25 16:00:00","hr@vard.se","chef@vard.se","Veckorapport","Delivered","<n1@v>","t8","9"\n'
)


def _import(page, path) -> None:
    page.get_by_role("link", name="Data").click()
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Import", exact=True).click()
    wait_idle(page)
    page.get_by_text("Already stored").first.wait_for(state="attached", timeout=30_000)   # the imports list


def _open_overview(page, url: str) -> None:
    """A fresh load, not a sidebar click: a click during the Data page's rerun after an import can be lost."""
    page.goto(url)
    wait_idle(page)
    page.get_by_text("How candidates are treated").wait_for(timeout=30_000)


def test_an_ats_export_and_a_trace_make_the_contact_metrics_appear(server, chromium_page, tmp_path):  # noqa: F811
    page = chromium_page
    workday, trace = tmp_path / "workday.csv", tmp_path / "trace.csv"
    workday.write_text(WORKDAY, encoding="utf-8")
    trace.write_text(TRACE, encoding="utf-8")
    page.goto(server)
    wait_idle(page)

    _import(page, workday)
    _open_overview(page, server)
    page.get_by_text("Acknowledged within SLA: not in your data").wait_for(timeout=30_000)
    page.screenshot(path=str(tmp_path / "overview-before.png"), full_page=True)

    _import(page, trace)
    page.get_by_text("8 messages read, 5 kept as e-mail contacts").wait_for(timeout=30_000)
    page.get_by_text("Left out: not delivered 1, from a candidate 1, not to a candidate 1.").wait_for()
    _open_overview(page, server)
    page.screenshot(path=str(tmp_path / "overview-after.png"), full_page=True)
    # All three acknowledged within 48 h: 5, 10 and 40 minutes (the failed delivery of 08:30 does not count)
    page.get_by_text("Acknowledged within SLA").first.wait_for(timeout=30_000)
    assert page.get_by_text("Acknowledged within SLA: not in your data").count() == 0
    assert page.get_by_text("100%").count() >= 1
