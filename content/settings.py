"""Settings: every setting with its default and help text, saved with the data.

Shares are shown and entered as percentages (0.95 is "95 %"), scores as the whole numbers people know
(a candidate NPS of −10), the time zone picked from the IANA list; where the data lives is not shown.
"""

import streamlit as st

from analytics import formatting
from analytics.i18n import t
from analytics.settings import SETTING_SPECS, SettingSpec, time_zones
from ui.common import lang, real_store, save_settings_everywhere
from ui.identity import refused_unless
from ui.message_traces import render_subject_patterns

# The latency units offered: calendar time (written in the unit that reads best) or business days.
# 'days' stays a valid stored value and is shown as calendar time.
LATENCY_CHOICES = ("hours", "business_days")

L = lang()
person = refused_unless("settings")
store = real_store()   # settings are the organisation's; save_settings_everywhere copies them to the demo
current = store.settings().as_dict()
st.title(t("settings.heading", L))
st.caption(f'{t("settings.intro", L)} {t("settings.everywhere", L)}')


def default_text(spec: SettingSpec) -> str:
    """The default as people read it: "95 %", "48", "Europe/Stockholm", "calendar time"."""
    if spec.percent:
        return formatting.percent(spec.default, L)
    if spec.choices:
        return t(f"settings.choice.{spec.default}", L)
    if isinstance(spec.default, bool):
        return t("settings.checked" if spec.default else "settings.unchecked", L)
    if isinstance(spec.default, str):
        return spec.default
    return formatting.number(spec.default, L, 0 if float(spec.default).is_integer() else 1)


def setting_input(spec: SettingSpec):
    """One setting's widget; returns the value to save, in the setting's own unit."""
    label = t(f"setting.{spec.name}", L)
    help_text = (f"{spec.help_sv if L == 'sv' else spec.help_en} "
                 f"{t('settings.default', L, value=default_text(spec))}")
    key, value = f"setting_{spec.name}", current[spec.name]
    if spec.name == "timezone":
        zones = sorted(time_zones())
        return st.selectbox(label, zones, index=zones.index(value), help=help_text, key=key,
                            placeholder=t("settings.timezone_placeholder", L))
    if spec.name == "latency_unit":
        chosen = "business_days" if value == "business_days" else "hours"
        return st.selectbox(label, LATENCY_CHOICES, index=LATENCY_CHOICES.index(chosen), help=help_text, key=key,
                            format_func=lambda choice: t(f"settings.choice.{choice}", L))
    if spec.choices:
        return st.selectbox(label, spec.choices, index=spec.choices.index(value), help=help_text, key=key,
                            format_func=lambda choice: t(f"settings.choice.{choice}", L))
    if isinstance(spec.default, bool):
        return st.checkbox(label, bool(value), help=help_text, key=key)
    if isinstance(spec.default, str):
        return st.text_input(label, value, help=help_text, key=key)
    if spec.percent:
        entered = st.number_input(label, round(spec.minimum * 100), round(spec.maximum * 100),
                                  round(float(value) * 100), step=1, format="%d", help=help_text, key=key)
        return entered / 100
    if isinstance(spec.default, int):
        return st.number_input(label, int(spec.minimum), int(spec.maximum), int(value), step=1, format="%d",
                               help=help_text, key=key)
    return st.number_input(label, float(spec.minimum), float(spec.maximum), float(value), step=1.0, format="%g",
                           help=help_text, key=key)


with st.form("settings_form"):
    values = {spec.name: setting_input(spec) for spec in SETTING_SPECS}
    if st.form_submit_button(t("settings.save", L)):
        try:
            save_settings_everywhere(**values)
            st.success(t("settings.saved", L))
        except ValueError as error:
            st.error(str(error))

render_subject_patterns(store, person, L)
