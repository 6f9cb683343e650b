"""Issue 13, store robustness, with real second processes: reports while the app runs, an import
that waits or says when to retry, a read-only file, a full disk, a spill folder left by a kill.

The app holds its store `access="shared"`: no connection while idle, a read-only one while a page
reads, a read-write one only inside a write. A test holds a read open (a page in mid-run) while a
CLI command runs in a child process.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.ingest.importer import import_file
from analytics.store import Store, StoreError
from tests.conftest import APP, EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
NEW_EVENTS = ("candidate_id,process_id,event_type,occurred_at\n"
              "C-9001,P-99,application_received,2026-03-02 09:15\n"
              "C-9001,P-99,acknowledgement_sent,2026-03-02 10:15\n")


def cli(*args: object, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env=dict(os.environ, **env))


def seed(path: Path) -> Path:
    store = Store(path)
    try:
        assert import_file(store, EXAMPLES[0]).ok
    finally:
        store.close()
    return path


@pytest.fixture
def seeded(tmp_path) -> Path:
    return seed(tmp_path / "radar.duckdb")


@contextlib.contextmanager
def holding_the_file(path: Path, access: str):
    """Another process holding the store, in the middle of a read, until the block ends: read-write
    with access "write", read-only with "shared"."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from analytics.store import Store; "
         f"store = Store(sys.argv[1], access={access!r})\nwith store.cursor(): print('ready', flush=True); "
         "time.sleep(600)", str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        yield child
    finally:
        child.kill()
        child.wait(timeout=30)


def test_reports_run_from_the_cli_while_the_app_reads(seeded, tmp_path):
    """Before: the app held a read-write connection, so metrics, flags and report were refused."""
    app = Store(seeded, access="shared")
    try:
        with app.cursor() as page:   # a page in mid-run
            assert page.execute("SELECT count(*) FROM events").fetchone() == (37,)
            metrics = cli("metrics", "--db", seeded, "--by", "all", "--json")
            flags = cli("flags", "--db", seeded, "--json")
            report = cli("report", "--db", seeded, "--out", tmp_path / "report.html")
    finally:
        app.close()
    assert metrics.returncode == 0, metrics.stderr
    assert json.loads(metrics.stdout)[0]["applications"] == 8
    assert flags.returncode == 0, flags.stderr
    assert isinstance(json.loads(flags.stdout), list)
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "report.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_cli_import_says_when_to_retry_while_the_app_reads(seeded, tmp_path):
    (tmp_path / "new.csv").write_text(NEW_EVENTS, encoding="utf-8")
    app = Store(seeded, access="shared")
    try:
        with app.cursor():
            result = cli("import", tmp_path / "new.csv", "--db", seeded, RADAR_LOCK_WAIT="1")
    finally:
        app.close()
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: The database {seeded} is in use by another program (")
    assert f"PID {os.getpid()}) and stayed so for 1 s." in result.stderr
    assert "Try again in a minute, when the other program has finished" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_cli_import_waits_while_the_app_reads_and_then_imports(seeded, tmp_path):
    (tmp_path / "new.csv").write_text(NEW_EVENTS, encoding="utf-8")
    app = Store(seeded, access="shared")
    reading, done = threading.Event(), threading.Event()

    def page_run():
        with app.cursor():
            reading.set()
            done.wait(timeout=120)

    reader = threading.Thread(target=page_run)
    reader.start()
    try:
        assert reading.wait(timeout=30)
        child = subprocess.Popen([sys.executable, "-m", "analytics", "import", str(tmp_path / "new.csv"), "--db",
                                  str(seeded)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=dict(os.environ, RADAR_LOCK_WAIT="300"))
        time.sleep(1)   # the child starts and waits for the file; the page run then ends
        done.set()
        reader.join()
        out, err = child.communicate(timeout=600)
    finally:
        done.set()
    assert child.returncode == 0, err
    assert "2 rows read, 2 stored" in out
    assert app.scalar("SELECT count(*) FROM events") == 39   # the app reads the import at once
    app.close()


def test_a_waiting_write_goes_before_the_page_runs_that_come_after_it(seeded):
    """Before: page runs that followed each other could keep an in-app import waiting for ever."""
    app = Store(seeded, access="shared")
    order, first_reading, release_first = [], threading.Event(), threading.Event()

    def first_page():
        with app.cursor():
            first_reading.set()
            release_first.wait(timeout=60)

    def import_run():
        with app.writing():
            order.append("write")

    def later_page():
        with app.cursor() as cursor:
            order.append(("later page", cursor.execute("SELECT count(*) FROM events").fetchone()[0]))

    first, writer, later = (threading.Thread(target=run) for run in (first_page, import_run, later_page))
    try:
        first.start()
        assert first_reading.wait(timeout=30)
        writer.start()
        deadline = time.monotonic() + 30
        while not app._writers_waiting and time.monotonic() < deadline:   # the write waits for the first page
            time.sleep(0.01)
        later.start()
        later.join(timeout=0.5)
        assert later.is_alive() and order == []   # the later page waits behind the write
    finally:
        release_first.set()
        for thread in (first, writer, later):
            if thread.ident is not None:   # started
                thread.join(timeout=60)
    assert order == ["write", ("later page", 37)]
    app.close()


def test_the_app_writes_only_inside_a_write_and_lets_go_after(seeded, tmp_path):
    """Settings, mappings, undo and imports open read-write for their duration only."""
    (tmp_path / "new.csv").write_text(NEW_EVENTS, encoding="utf-8")
    app = Store(seeded, access="shared")
    try:
        app.save_settings(ack_sla_hours=24.0)
        result = cli("import", tmp_path / "new.csv", "--db", seeded, RADAR_LOCK_WAIT="60")
        assert result.returncode == 0, result.stderr
        report = import_file(app, EXAMPLES[1])   # the app's own import, then the CLI reads beside it
        assert report.ok, report.error_message()
        assert cli("metrics", "--db", seeded, "--json").returncode == 0
        assert app.settings().ack_sla_hours == 24.0
    finally:
        app.close()


def test_a_reader_waits_for_the_apps_own_write_and_a_cursor_cannot_become_a_writer(seeded):
    app = Store(seeded, access="shared")
    try:
        with app.cursor(), pytest.raises(RuntimeError, match="enter Store.writing"):
            with app.writing():
                pass
        with app.transaction() as cursor:
            cursor.execute("DELETE FROM settings")
        assert app.scalar("SELECT count(*) FROM events") == 37
    finally:
        app.close()


def test_the_app_shows_a_message_not_a_traceback_while_another_process_writes(seeded, monkeypatch):
    monkeypatch.setenv("RADAR_DB", str(seeded))
    monkeypatch.setenv("RADAR_DEMO", "0")
    monkeypatch.setenv("RADAR_LOCK_WAIT", "0.5")
    with holding_the_file(seeded, "write") as child:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.run()
        assert not at.exception, at.exception
        assert [error.value for error in at.error] == [
            f"The database {seeded} is in use by another program (python{sys.version_info.major}."
            f"{sys.version_info.minor}, PID {child.pid}) and stayed so for 0.5 s. Reading (the app's pages, metrics, "
            "flags, report) can share the file; an import, an undo or a settings change needs it alone. Try again "
            "in a minute, when the other program has finished (an import from the command line holds the file "
            "until it is done)."]
    at.run()   # the other process has let go: the page works again
    assert not at.exception and not at.error


def spill_leftover(db: Path) -> Path:
    """What DuckDB leaves in `<db>.tmp` when a process spilling there is killed (its pid, its owner file)."""
    folder = db.with_name(db.name + ".tmp")
    folder.mkdir()
    (folder / "duckdb_temp_4242_0_owner").write_bytes(b"")
    (folder / "duckdb_temp_4242_0_storage_DEFAULT-0.tmp").write_bytes(b"\0" * 65536)
    return folder


@pytest.mark.parametrize("access", ["write", "shared"])
def test_a_spill_folder_left_by_a_kill_is_removed_when_no_one_else_has_the_file(seeded, access):
    with holding_the_file(seeded, "shared"):
        folder = spill_leftover(seeded)
        Store(seeded, access="shared").close()   # someone else reads: the folder may be theirs
        assert folder.exists()
    Store(seeded, access=access).close()
    assert not folder.exists()


def read_only_copy(seeded: Path, folder: Path):
    """The store in a folder that cannot be written: a read-only file system as root (root may
    write any file), else a file without write permission."""
    folder.mkdir()
    if os.geteuid() != 0:
        for name in (seeded.name, seeded.name + ".key"):
            shutil.copy(seeded.with_name(name), folder / name)
        (folder / seeded.name).chmod(0o444)
        folder.chmod(0o555)
        return contextlib.nullcontext(folder / seeded.name)
    return _read_only_mount(seeded, folder)


@contextlib.contextmanager
def _read_only_mount(seeded: Path, folder: Path):
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], check=True)
    try:
        for name in (seeded.name, seeded.name + ".key"):
            shutil.copy(seeded.with_name(name), folder / name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / seeded.name
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_file_serves_reports_and_refuses_writes_with_the_right_hint(seeded, tmp_path):
    (tmp_path / "new.csv").write_text(NEW_EVENTS, encoding="utf-8")
    with read_only_copy(seeded, tmp_path / "ro") as read_only:
        metrics = cli("metrics", "--db", read_only, "--json")
        report = cli("report", "--db", read_only, "--out", tmp_path / "report.xlsx")
        imported = cli("import", tmp_path / "new.csv", "--db", read_only)
    assert metrics.returncode == 0, metrics.stderr
    assert json.loads(metrics.stdout)
    assert report.returncode == 0, report.stderr
    assert imported.returncode == 1
    assert imported.stderr.startswith(f"error: The database {read_only} is read-only (its file permissions or its "
                                      "file system). Reading commands (metrics, flags, report) work on it;")
    assert "chmod u+w" in imported.stderr and "another program" not in imported.stderr


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str):
    """A file system of `size` (a tmpfs; mounting needs root, which CI has)."""
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def big_events(path: Path, rows: int) -> Path:
    lines = [f"C-{n},P-{n % 50},application_received,2026-03-02 09:{n % 60:02d},Process number {n * 7919}"
             for n in range(rows)]
    path.write_text("candidate_id,process_id,event_type,occurred_at,process_name\n" + "\n".join(lines) + "\n")
    return path


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root (CI runs as root)")
@pytest.mark.parametrize("memory_limit", ["1500MB", "40MB"])   # 40MB: DuckDB spills, and the spill fills the disk
def test_a_full_disk_is_reported_as_a_full_disk_and_nothing_is_stored(tmp_path, memory_limit):
    """Before: a traceback ending in 'No space left on device' or 'Out of Memory'."""
    big = big_events(tmp_path / "big.csv", 40_000)
    with tiny_disk(tmp_path / "disk", "3m") as disk:
        db = seed(disk / "radar.duckdb")
        result = cli("import", big, "--db", db, RADAR_MEMORY_LIMIT=memory_limit)
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: The disk is full: {disk} has no space left (")
        assert "Nothing was stored; the database is as it was." in result.stderr
        assert "Traceback" not in result.stderr and "Out of Memory" not in result.stderr
        store = Store(db, access="shared")
        try:
            assert store.fetchall("SELECT count(*), count(DISTINCT process_id) FROM events") == [(37, 2)]
        finally:
            store.close()


def test_disk_full_and_busy_errors_read_in_plain_words(tmp_path):
    """The translation itself, for the failures DuckDB and the disk raise (no mount needed)."""
    import duckdb

    from analytics.store import plain_error

    db = tmp_path / "radar.duckdb"
    full = plain_error(OSError(28, "No space left on device", str(tmp_path / "x.csv")), db)
    assert full.code == "disk_full" and full.details["where"] == str(tmp_path)
    spilled = plain_error(duckdb.OutOfMemoryException(
        "Out of Memory Error: failed to offload data block of size 256.0 KiB (1.6 MiB/1.7 MiB used).\n"
        "This limit was set by the 'max_temp_directory_size' setting."), db)
    assert spilled.code == "disk_full" and spilled.details["where"] == str(tmp_path)
    busy = plain_error(duckdb.IOException(
        f'IO Error: Could not set lock on file "{db}": Conflicting lock is held in /usr/bin/python3.11 (PID 4242).'), db)
    assert busy.code == "busy" and busy.details["holder"] == "python3.11, PID 4242"
    assert plain_error(duckdb.CatalogException("Catalog Error: Table with name x does not exist!"), db) is None
    assert isinstance(full, StoreError) and "Free some space there" in full.message() and full.message("sv")
