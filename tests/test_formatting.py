"""How values are written in each language: hand-written expected strings for English (en_GB) and Swedish."""

import math
from datetime import date

import pandas as pd
import pytest

from analytics import formatting as f
from analytics.i18n import t

NBSP = "\u00a0"
MINUS = "-"   # Babel's hyphen-minus: st.metric reads a leading "-" as a fall


@pytest.mark.parametrize(("value", "decimals", "english", "swedish"), [
    (1830, 0, "1,830", f"1{NBSP}830"),
    (1234567.25, 1, "1,234,567.3", f"1{NBSP}234{NBSP}567,3"),
    (-4.75, 1, f"{MINUS}4.8", f"{MINUS}4,8"),
    (-0.04, 1, "0.0", "0,0"),          # no negative zero
    (2.25, 1, "2.3", "2,3"),            # half away from zero, as people round
    (0, 0, "0", "0"),
])
def test_numbers_carry_the_languages_separators(value, decimals, english, swedish):
    assert f.number(value, "en", decimals) == english
    assert f.number(value, "sv", decimals) == swedish


def test_shares_signs_and_points():
    assert (f.percent(0.83, "en"), f.percent(0.83, "sv")) == ("83%", f"83{NBSP}%")
    assert f.percent(0.0695, "sv", decimals=1) == f"7,0{NBSP}%"
    assert (f.signed(12.4, "en"), f.signed(-12.6, "sv"), f.signed(0.3, "en")) == ("+12", f"{MINUS}13", "0")
    assert (f.points(0.052, "en"), f.points(-0.1, "sv"), f.points(0.004, "en")) == ("+5 pp", f"{MINUS}10 p.e.", "0")


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan, pd.NA, pd.NaT])
def test_what_cannot_be_measured_is_said_in_words_never_zero_or_none(missing):
    for write in (f.number, f.percent, f.signed, f.duration, f.day):
        assert write(missing, "en") == "not measurable"
        assert write(missing, "sv") == "kan inte mätas"
    assert f.percent(missing, "sv", missing="–") == "–"
    assert f.cell(missing, "en") == "–"


@pytest.mark.parametrize(("hours", "unit"), [
    (47.9, "hours"), (48.0, "days"),                  # two days is the first value in days
    (8 * 168 - 0.1, "days"), (8 * 168, "weeks"),       # eight weeks is the first value in weeks
    (0.99, "minutes"), (1.0, "hours"),                 # an hour is the first value in hours
    (0.0, "minutes"), (-50.0, "days"),
])
def test_the_readable_unit_changes_at_an_hour_two_days_and_eight_weeks(hours, unit):
    assert f.readable_unit(hours) == unit


def test_durations_in_the_unit_that_reads_best():
    assert f.duration(168.6, "en") == "7.0 days"
    assert f.duration(168.6, "sv") == "7,0 dagar"
    assert f.duration(4.7, "sv") == "4,7 h"
    assert f.duration(0.1, "sv") == "6,0 min"            # under an hour: minutes, not "0,1 h"
    assert f.duration(0.75, "en") == "45 min"
    assert f.duration(0.0, "en") == "0.0 min"
    assert f.duration(36.0, "en") == "36 h"              # ten and more: no decimal
    assert f.duration(47.96, "en") == "48 h"             # still under two days, so still hours
    assert f.duration(427 * 24, "sv") == "61 veckor"     # 427 days
    assert f.duration(14, "en", "days") == "14 days"     # a value given in days
    assert f.duration(24, "en", shown_in="hours") == "24 h"
    assert f.duration(1.25, "sv", "business_days") == "1,3 arbetsdagar"   # business days stay business days
    assert f.duration(-36, "en", sign=True) == f"{MINUS}36 h"
    assert f.duration(72, "sv", sign=True, shown_in="days") == "+3,0 dagar"


def test_one_unit_for_a_whole_axis_from_its_typical_values():
    # nineteen waits of a few hours and one of 800 hours: the axis stays in hours
    assert f.display_unit([*range(2, 21), 800]) == "hours"
    assert f.display_unit([50, 60, 70, 80, 90]) == "days"
    assert f.display_unit([10, 20], "business_days") == "business_days"
    assert f.display_unit([]) == "hours"
    assert f.display_unit([0.1, 0.2, 0.5]) == "minutes"
    assert f.in_unit(pd.Series([0.5]), "hours", "minutes").tolist() == [30.0]
    assert f.in_unit(pd.Series([48.0, 12.0]), "hours", "days").tolist() == [2.0, 0.5]


def test_dates_months_and_moments():
    assert (f.day(date(2026, 3, 2), "en"), f.day(date(2026, 3, 2), "sv")) == ("2 Mar 2026", "2026-03-02")
    assert (f.month("2026-03", "en"), f.month("2026-03", "sv")) == ("Mar 2026", "mars 2026")
    winter = pd.Timestamp("2026-01-15T08:30Z")
    assert f.moment(winter, "sv", "Europe/Stockholm") == "2026-01-15 09:30"
    assert f.moment(winter, "en", "Europe/London") == "15 Jan 2026 08:30"
    assert (f.picker_format("en"), f.picker_format("sv")) == ("DD/MM/YYYY", "YYYY-MM-DD")
    assert f.table_date_format("sv", with_time=True) == "YYYY-MM-DD HH:mm"


def test_table_cells_and_chart_separators():
    assert (f.cell(1830, "sv"), f.cell(4.75, "sv"), f.cell(3.0, "en"), f.cell("REQ-1", "sv")) == (
        f"1{NBSP}830", "4,8", "3", "REQ-1")
    assert (f.plotly_separators("en"), f.plotly_separators("sv")) == (".,", f",{NBSP}")


def test_the_charts_locale_speaks_swedish():
    config = f.plotly_config("sv")
    locale = config["locales"]["sv"]
    assert config["locale"] == "sv"
    assert locale["format"]["months"][2] == "mars" and locale["format"]["days"][1] == "måndag"
    assert locale["dictionary"]["Download plot as a PNG"] == "Ladda ner diagrammet som PNG"
    assert locale["dictionary"]["Reset axes"] == "Återställ axlarna"


def test_messages_write_their_numbers_in_the_language():
    assert t("chart.count_of", "en", count=1830, total=2000) == "1,830 of 2,000"
    assert t("chart.count_of", "sv", count=1830, total=2000) == f"1{NBSP}830 av 2{NBSP}000"
    assert t("chart.count_of", "sv", count="1830", total=True) == "1830 av True"   # text and flags as given
    # a field with a conversion keeps its meaning: the version a mapping file gave, as it gave it
    assert t("mapping.json.version", "sv", version=7000, supported=1000).startswith("Kopplingsfilen har version 7000;")
    assert t("mapping.json.version", "sv", version=7000, supported=1000).endswith(f"version 1{NBSP}000.")
