"""Every page of app.py's navigation runs in both languages, on an empty store and on data; the Data page works."""

import pytest

from analytics.store import Store
from tests.conftest import PAGES, ROOT, run_page, seed_examples, seed_store

SMALL_EXPORT = (
    "candidate_id,process_id,event_type,occurred_at,process_name,department,recruiter,channel\n"
    "C1,P1,application_received,2026-03-02T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
    "C1,P1,acknowledgement_sent,2026-03-02T10:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,email\n"
    "C2,P1,application_received,2026-03-03T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
)

# Each page's title as a reader sees it, in English and Swedish.
TITLES = {
    "content/overview.py": ("Candidate Experience Radar", "Kandidatupplevelseradar"),
    "content/processes.py": ("Processes", "Processer"),
    "content/process_detail.py": ("Process detail", "Processdetaljer"),
    "content/data.py": ("Data: import and undo", "Data: importera och ångra"),
    "content/settings.py": ("Settings", "Inställningar"),
    "content/voice.py": ("Candidate voice", "Kandidatens röst"),
    "content/risk.py": ("Brand risk", "Varumärkesrisk"),
    "content/access.py": ("Access & audit", "Åtkomst och logg"),
}


def test_every_page_in_the_navigation_has_its_titles_here():
    assert sorted(PAGES) == sorted(TITLES)
    assert PAGES[0] == "content/overview.py"


@pytest.mark.parametrize("stored", ["empty", "examples"])
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_shows_its_title(app_db, page, lang, stored):
    if stored == "examples":
        seed_examples(app_db)
    at = run_page(page, lang)
    assert at.title[0].value == TITLES[page][lang == "sv"]


def test_overview_counts_what_was_imported(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/overview.py", "en")
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Applications"] == "2"
    assert values["Events"] == "3"


def test_upload_on_the_data_page_imports_and_reports(app_db):
    at = run_page("content/data.py", "en")
    at.file_uploader(key="uploads").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    assert at.success[0].value.replace("\\", "") == (
        "export.csv: read as canonical: 3 rows read, 3 stored, 0 already stored, 0 rejected, 0 left out.")
    assert at.dataframe[0].value["file_name"].tolist() == ["export.csv"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_data_page_accounts_for_every_row_of_a_snapshot_export(app_db, lang):
    fixture = ROOT / "tests" / "fixtures" / "ats" / "teamtailor_applications.csv"
    at = run_page("content/data.py", lang)
    at.file_uploader(key="uploads").set_value(("applications.csv", fixture.read_bytes(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    shown = " ".join(caption.value for caption in at.caption).replace("\\", "")
    expected = {
        "en": ["1 left out: sourced candidates", "This file records: applications, decisions.",
               "Not measurable from this file alone:"],
        "sv": ["1 utelämnade: sourcade kandidater", "Filen innehåller: ansökningar, beslut.",
               "Går inte att mäta med enbart den här filen:"],
    }[lang]
    assert [text for text in expected if text not in shown] == []


def test_a_canonical_file_without_messages_is_recorded_so(app_db):
    at = run_page("content/data.py", "en")
    at.checkbox(key="records_messages").uncheck().run()
    at.file_uploader(key="uploads").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    store = Store(app_db)
    assert [row[0] for row in store.fetchall("SELECT evidence FROM import_evidence ORDER BY 1")] == [
        "applications", "decisions", "interviews", "personal_feedback", "surveys_sent"]
    store.close()


def test_an_imported_file_leaves_the_uploader_and_is_not_imported_again(app_db):
    at = run_page("content/data.py", "en")
    at.file_uploader(key="uploads").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert not at.exception
    # A fresh, empty uploader and no import button: the next click has nothing to import.
    assert [uploader.key for uploader in at.file_uploader] == ["uploads_1"]
    assert not at.file_uploader(key="uploads_1").value
    assert "import_button" not in [button.key for button in at.button]
    at.run()
    assert Store(app_db).scalar("SELECT count(*) FROM imports") == 1

    # The same file chosen again on purpose: nothing new, said so, and not listed as a second import.
    at.file_uploader(key="uploads_1").set_value(("export.csv", SMALL_EXPORT.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert any("same file as import 1" in box.value for box in at.info)
    assert at.dataframe[0].value["import_id"].tolist() == ["1"]
    assert [uploader.key for uploader in at.file_uploader] == ["uploads_2"]


def test_the_undo_choice_follows_the_newest_import(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/data.py", "en")
    at.selectbox(key="undo_pick").set_value(1).run()
    newer = SMALL_EXPORT + "C3,P1,application_received,2026-03-04T09:00:00+01:00,Sjuksköterska Örebro,Vård,Karin,portal\n"
    at.file_uploader(key="uploads").set_value(("newer.csv", newer.encode(), "text/csv")).run()
    at.button(key="import_button").click().run()
    assert at.selectbox(key="undo_pick").value == 2          # not the stale choice of import 1
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    assert [option.split(" (")[0] for option in at.selectbox(key="undo_pick").options] == ["1: export.csv"]
    assert at.selectbox(key="undo_pick").value == 1


def test_undo_asks_before_it_removes_anything(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/data.py", "en")
    at.button(key="undo_button").click().run()
    assert "Undo import 1: export.csv" in at.warning[0].value.replace("\\", "")
    assert Store(app_db).scalar("SELECT count(*) FROM events") == 3     # nothing removed yet
    at.button(key="undo_cancel").click().run()
    assert not at.warning and Store(app_db).scalar("SELECT count(*) FROM events") == 3
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    assert "3 events and 0 survey answers removed" in at.success[0].value


def test_undo_on_the_data_page_removes_the_import(app_db, tmp_path):
    seed_store(app_db, SMALL_EXPORT, tmp_path)
    at = run_page("content/data.py", "en")
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    assert "3 events and 0 survey answers removed" in at.success[0].value
    assert Store(app_db).scalar("SELECT count(*) FROM events") == 0


@pytest.mark.parametrize(("lang", "words"), [("en", "Default: not ticked."), ("sv", "Standard: inte ikryssad.")])
def test_a_checkbox_setting_names_its_default_in_words(app_db, lang, words):
    at = run_page("content/settings.py", lang)
    ontario = [box for box in at.checkbox if box.help and words in box.help]
    assert len(ontario) == 1 and "False" not in ontario[0].help


def test_a_long_table_shows_its_first_rows_and_says_how_many_there_are(app_db, tmp_path, monkeypatch):
    """The Brand risk page's action list: five never-acknowledged candidates, at most three rows shown
    (the real limit is 1,000; Pandas' Styler refuses more than 262,144 cells, which a 25M-event store's
    list exceeded)."""
    import ui.localised

    monkeypatch.setattr(ui.localised, "MAX_SHOWN_ROWS", 3)
    # five applications of 5-9 February, never answered: silent 20-24 days on 1 March, within the 30-day horizon
    rows = [f"C{n},P1,application_received,2026-02-0{n + 4}T09:00:00+01:00,Support,Service,Karin,portal" for n in range(1, 6)]
    rows.append("C6,P1,application_received,2026-03-01T09:00:00+01:00,Support,Service,Karin,portal")
    seed_store(app_db, SMALL_EXPORT.split("\n", 1)[0] + "\n" + "\n".join(rows) + "\n", tmp_path)
    at = run_page("content/risk.py", "en")
    assert len(at.dataframe[-1].value) == 3
    assert "Showing the first 3 of 5 rows." in [caption.value for caption in at.caption]
