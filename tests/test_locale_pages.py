"""Swedish pages speak Swedish and show no "None": every widget text the product controls, on every page.

The English-only texts are the catalogue's English messages that differ from their Swedish ones; a
Swedish page must show none of them as a widget's label, help or placeholder, a card or a caption.
Tables with missing values say so with a dash (st.dataframe's own default is the word "None").
"""

import pytest

from analytics.i18n import MESSAGES
from tests.conftest import PAGES, run_page, seed_examples

ENGLISH_ONLY = {texts["en"] for texts in MESSAGES.values() if texts["en"] != texts["sv"] and "{" not in texts["en"]}
WIDGETS = ("selectbox", "multiselect", "radio", "number_input", "text_input", "date_input", "button", "toggle",
           "checkbox", "slider", "select_slider", "text_area", "time_input")


def widget_texts(at) -> list[str]:
    texts = []
    for kind in WIDGETS:
        for widget in getattr(at, kind):
            texts += [widget.label, getattr(widget, "help", None) or "", getattr(widget, "placeholder", None) or ""]
    texts += [part for metric in at.metric for part in (metric.label, metric.value)]
    texts += [element.value for element in (*at.caption, *at.title, *at.subheader, *at.info, *at.success)]
    return [text for text in texts if text]


@pytest.mark.parametrize("page", PAGES)
def test_a_swedish_page_shows_no_english_text_of_ours(app_db, page):
    seed_examples(app_db)
    at = run_page(page, "sv")
    english = sorted({text for text in widget_texts(at) if text in ENGLISH_ONLY})
    assert english == []
    # and the English page does show English (the check above can fail)
    assert {text for text in widget_texts(run_page(page, "en")) if text in ENGLISH_ONLY}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_writes_none(app_db, page, lang):
    seed_examples(app_db)
    at = run_page(page, lang)
    assert [text for text in widget_texts(at) if "None" in text.split()] == []
    for table in at.dataframe:
        frame = table.value
        cells = frame.astype(str).to_numpy().ravel().tolist()
        assert "None" not in cells and "nan" not in cells
        if frame.isna().to_numpy().any():
            assert table.proto.placeholder == "–", "a table with empty cells must not fall back to 'None'"


def test_the_imports_table_names_kinds_and_formats_in_swedish(app_db):
    seed_examples(app_db)
    at = run_page("content/data.py", "sv")
    imports = at.dataframe[0].value
    assert sorted(imports["kind"]) == ["Enkätsvar", "Händelser"]
    assert set(imports["format"]) == {"Produktens eget format"}
    assert at.dataframe[0].proto.placeholder == "–"
