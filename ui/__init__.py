"""Streamlit helpers the page scripts share; the pages themselves are in content/."""
