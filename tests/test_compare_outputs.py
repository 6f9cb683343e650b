"""The outputs comparison (bench/compare_outputs.py) sees a difference, and only a real one."""

import io
import zipfile

from bench.compare_outputs import first_difference, normalised, outputs


def xlsx(core: str, sheet: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as workbook:
        workbook.writestr("docProps/core.xml", core)
        workbook.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def test_every_grouping_the_flags_and_four_reports_are_compared():
    assert [output.name for output in outputs()] == [
        "metrics --by process", "metrics --by recruiter", "metrics --by department", "metrics --by stage",
        "metrics --by month", "metrics --by all", "flags",
        "report en.html", "report sv.html", "report en.xlsx", "report sv.xlsx"]


def test_json_outputs_differ_at_the_first_changed_value():
    before = normalised(b'[{"process_id": "P1", "ghosted": 2}, {"process_id": "P2", "ghosted": 0}]', None)
    after = normalised(b'[{"process_id": "P1", "ghosted": 2}, {"process_id": "P2", "ghosted": 1}]', None)
    assert first_difference(before, after) == "$[1].ghosted: 0 became 1"
    assert first_difference(before, before) is None


def test_a_whole_number_that_becomes_a_float_is_a_difference():
    assert first_difference(normalised(b'{"n": 2}', None), normalised(b'{"n": 2.0}', None)) == "$.n: 2 became 2.0"


def test_only_the_made_time_and_the_figure_ids_are_normalised_in_html():
    page = ('<p>Data as of 2026-11-19 16:52; report made {made} (Europe/Stockholm).</p>'
            '<div id="{first}"></div><script>Plotly.newPlot("{first}")</script><div id="{second}"></div>')
    before = page.format(made="2026-12-06 05:40", first="0f5e6e9a-1b2c-4d3e-8f4a-5b6c7d8e9f00",
                         second="11111111-2222-4333-8444-555555555555")
    after = page.format(made="2026-12-06 05:41", first="aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
                        second="99999999-8888-4777-8666-555555555555")
    assert first_difference(normalised(before.encode(), "r.html"), normalised(after.encode(), "r.html")) is None
    changed = after.replace("2026-11-19 16:52", "2026-11-19 16:53")
    difference = first_difference(normalised(before.encode(), "r.html"), normalised(changed.encode(), "r.html"))
    assert difference.startswith("line 1, character 30: '<p>Data as of 2026-11-19 16:52; report made <made> ")
    assert "became '<p>Data as of 2026-11-19 16:53; report made <made> " in difference
    swapped = page.format(made="2026-12-06 05:41", first="11111111-2222-4333-8444-555555555555",
                          second="11111111-2222-4333-8444-555555555555")
    assert first_difference(normalised(before.encode(), "r.html"), normalised(swapped.encode(), "r.html"))


def test_xlsx_files_are_compared_member_by_member_without_their_own_times():
    before = xlsx("<created>2026-12-06T05:40:00Z</created>", "<c><v>0.75</v></c>")
    same = xlsx("<created>2026-12-06T05:41:13Z</created>", "<c><v>0.75</v></c>")
    changed = xlsx("<created>2026-12-06T05:40:00Z</created>", "<c><v>0.76</v></c>")
    assert first_difference(normalised(before, "r.xlsx"), normalised(same, "r.xlsx")) is None
    assert first_difference(normalised(before, "r.xlsx"), normalised(changed, "r.xlsx")) == (
        "xl/worksheets/sheet1.xml: line 1, character 10: '<c><v>0.75</v></c>' became '<c><v>0.76</v></c>'")
