"""The pseudonym key `<db>.key`: made once and atomically, never silently replaced or used damaged.

Each test is one of issue 13's reproductions: a deleted key was recreated (the same e-mail file then
doubled the candidates), an emptied or cut key was used, a full disk left an empty key, and non-hex
content gave a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analytics.cli import main
from analytics.ingest.importer import import_bytes
from analytics.store import KeyProblem, Store
from tests.conftest import ROOT

EMAIL_FILE = (
    b"candidate_email,process_id,event_type,occurred_at\n"
    b"anna.berg@example.se,P-1,application_received,2026-01-15 10:00\n"
    b"bo.ek@example.se,P-1,application_received,2026-01-16 10:00\n"
)


def _counts(store: Store) -> tuple[int, int, int]:
    return (store.scalar("SELECT count(DISTINCT candidate_id) FROM events"), store.scalar("SELECT count(*) FROM events"),
            store.scalar("SELECT count(*) FROM imports"))


@pytest.fixture
def filled(tmp_path) -> Store:
    """A store with two candidates imported by e-mail address only."""
    store = Store(tmp_path / "radar.duckdb")
    assert import_bytes(store, EMAIL_FILE, "people.csv").ok
    assert _counts(store) == (2, 2, 1)
    yield store
    store.close()


def test_a_deleted_key_is_not_recreated_and_the_import_stores_nothing(filled):
    filled.key_path.unlink()
    report = import_bytes(filled, EMAIL_FILE, "people.csv")
    assert not report.ok and report.error_code == "key_problem"
    message = report.error_message()
    assert str(filled.key_path) in message and "is missing" in message and "Restore" in message
    assert "återställ" in report.error_message("sv").lower()
    assert _counts(filled) == (2, 2, 1)   # before the fix: 4 candidates, every pseudonym new
    assert not filled.key_path.exists()


@pytest.mark.parametrize(("content", "code", "words"), [
    ("", "empty", "is empty"),
    ("3f", "short", "too short"),
    ("zz" * 32, "malformed", "not a key"),
    ("3f" * 40, "malformed", "not a key"),
])
def test_a_damaged_key_is_refused_with_what_to_restore(filled, content, code, words):
    filled.key_path.write_text(content)
    report = import_bytes(filled, EMAIL_FILE, "people.csv")
    assert (report.ok, report.error_code, report.error_values["problem"]) == (False, "key_problem", code)
    assert words in report.error_message() and str(filled.key_path) in report.error_message()
    assert _counts(filled) == (2, 2, 1)
    with pytest.raises(KeyProblem, match="Restore that file"):
        filled.secret_key()
    assert filled.key_path.read_text() == content   # left for the user to replace, never overwritten


def test_the_cli_refuses_a_non_hex_key_without_a_traceback(filled, tmp_path, capsys):
    filled.key_path.write_text("not hex at all, but 64 characters long......................")
    upload = tmp_path / "people.csv"
    upload.write_bytes(EMAIL_FILE)
    path = filled.path
    filled.close()
    assert main(["import", "--db", str(path), str(upload)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is not a key" in err and f"{path}.key" in err


def test_a_new_store_gets_a_key_readable_only_by_its_owner(tmp_path):
    store = Store(tmp_path / "radar.duckdb")
    key = store.secret_key()
    assert len(key) == 32 and (store.key_path.stat().st_mode & 0o777) == 0o600
    assert store.key_path.read_text() == key.hex()
    assert sorted(path.name for path in tmp_path.iterdir() if ".key" in path.name) == ["radar.duckdb.key"]
    store.close()


def test_a_full_disk_leaves_no_empty_key(tmp_path):
    """The kernel refuses every write (a file-size limit of 0 bytes stands in for a full disk)."""
    Store(tmp_path / "radar.duckdb").close()
    script = textwrap.dedent(f"""
        import resource, sys
        from analytics.store import Store, StoreError
        store = Store({str(tmp_path / "radar.duckdb")!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
        try:
            store.secret_key()
            print("made a key")
        except StoreError as error:
            print("refused:", error)
        sys.stdout.flush()
        import os; os._exit(0)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert result.stdout.startswith("refused: Cannot write the pseudonym key"), result.stdout + result.stderr
    assert "try again; nothing was stored" in result.stdout
    assert [path.name for path in tmp_path.iterdir() if ".key" in path.name] == []
    # With space again, the key is made as usual.
    store = Store(tmp_path / "radar.duckdb")
    assert len(store.secret_key()) == 32
    store.close()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_app_says_which_key_to_restore_instead_of_showing_data(app_db, tmp_path, lang):
    from tests.conftest import run_page, seed_store

    seed_store(app_db, EMAIL_FILE.decode(), tmp_path)
    Path(f"{app_db}.key").unlink()
    at = run_page("content/overview.py", lang)
    assert len(at.error) == 1 and f"{app_db}.key" in at.error[0].value
    assert ("is missing" if lang == "en" else "saknas") in at.error[0].value
    assert not at.metric and not at.dataframe
    assert not Path(f"{app_db}.key").exists()
