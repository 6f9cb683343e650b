"""Settings: every setting with its default and help text, saved in the store."""

import streamlit as st

from analytics.i18n import t
from analytics.settings import SETTING_SPECS
from ui.common import lang, real_store, save_settings_everywhere
from ui.identity import refused_unless
from ui.message_traces import render_subject_patterns

L = lang()
person = refused_unless("settings")
store = real_store()   # settings are the organisation's; save_settings_everywhere copies them to the demo
current = store.settings().as_dict()
st.title(t("settings.heading", L))
st.caption(f'{t("settings.intro", L)} {t("settings.everywhere", L)}')

with st.form("settings_form"):
    values = {}
    for spec in SETTING_SPECS:
        label, help_text = t(f"setting.{spec.name}", L), (spec.help_sv if L == "sv" else spec.help_en)
        help_text = f"{help_text} (default: {spec.default})"
        key = f"setting_{spec.name}"
        if spec.choices:
            values[spec.name] = st.selectbox(label, spec.choices, index=spec.choices.index(current[spec.name]),
                                             format_func=lambda c: t(f"unit.{c}", L), help=help_text, key=key)
        elif isinstance(spec.default, str):
            values[spec.name] = st.text_input(label, current[spec.name], help=help_text, key=key)
        elif isinstance(spec.default, int):
            values[spec.name] = st.number_input(label, int(spec.minimum), int(spec.maximum), int(current[spec.name]),
                                                step=1, help=help_text, key=key)
        else:
            values[spec.name] = st.number_input(label, float(spec.minimum), float(spec.maximum),
                                                float(current[spec.name]), help=help_text, key=key)
    if st.form_submit_button(t("settings.save", L)):
        try:
            save_settings_everywhere(**values)
            st.success(t("settings.saved", L))
        except ValueError as error:
            st.error(str(error))
st.caption(t("settings.database", L, path=store.path))

render_subject_patterns(store, person, L)
