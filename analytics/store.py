"""The DuckDB store: the one module that opens connections and runs SQL (datasette's Database habit).

Values always reach SQL as bound parameters. The session time zone is UTC, so TIMESTAMPTZ values
are instants and local-time work is explicit (`timezone(?, ts)`) in the SQL that needs it.

DuckDB lets one process write a database file, or any number of processes read it. So a store is
opened for what its user does: `access="write"` (import, undo: the CLI, tests, benchmarks) holds a
read-write connection; `access="shared"` (the app, and the CLI's metrics, flags and report) holds
no connection while idle, reads through a read-only one opened on demand and closed a moment after
the last reader, and opens read-write only for the duration of a write (`writing()`, which
`transaction()` enters). So reports run beside the app and on a read-only file. Opening waits up
to `RADAR_LOCK_WAIT` seconds for another process to let go. Whenever a read-write
connection opens, no other process has the file open, so DuckDB's spill folder `<db>.tmp` left by
a killed process is removed then. DuckDB's and the disk's failures reach callers as `StoreError`
in plain words (in use, read-only file, disk full, out of memory).

Long because: the two ways of opening, their locking and the translation of DuckDB's errors
belong to the one module that opens the database.
"""

from __future__ import annotations

import atexit
import errno
import json
import os
import re
import secrets
import shutil
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.settings import Settings, settings_from_rows, validate_setting
from analytics.vocabulary import quote_identifier

SQL_ROOT = Path(__file__).parent  # SQL lives beside the stage that runs it: migrations/, ingest/sql/, measure/sql/
DEFAULT_DB_PATH = Path(__file__).resolve().parents[1] / "data" / "radar.duckdb"
DB_PATH_ENV = "RADAR_DB"
MEMORY_LIMIT_ENV = "RADAR_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "1500MB"
KEY_HEX_DIGITS = 64   # the pseudonym key: 32 random bytes written as hexadecimal digits
LOCK_WAIT_ENV = "RADAR_LOCK_WAIT"
DEFAULT_LOCK_WAIT_SECONDS = 10.0
IDLE_CLOSE_SECONDS = 1.0     # a shared store's read-only connection outlives its last reader by this much
ACCESS_MODES = ("write", "shared")

# Ordered migrations: (version, file under analytics/). A new schema change is a new file, never an edit.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, "migrations/001_schema.sql"), (2, "migrations/002_saved_mappings.sql"),
    (3, "migrations/003_sentiment_calibration.sql"), (4, "migrations/004_evidence_and_aliases.sql"),
    (5, "migrations/005_message_traces.sql"), (6, "migrations/006_preset_evidence_and_lookups.sql"),
    (7, "migrations/007_access_and_audit.sql"),
    (8, "migrations/008_application_facts.sql"),
)


def default_db_path() -> Path:
    """`RADAR_DB` when set, else data/radar.duckdb beside the code."""
    return Path(os.environ.get(DB_PATH_ENV) or DEFAULT_DB_PATH)


def read_sql(name: str) -> str:
    """SQL text by its path under analytics/, e.g. 'measure/sql/application_facts.sql'."""
    return (SQL_ROOT / name).read_text(encoding="utf-8")


def lock_wait_seconds() -> float:
    """How long opening waits for another process to let go of the file (`RADAR_LOCK_WAIT`)."""
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT_SECONDS)))
    except ValueError:
        return DEFAULT_LOCK_WAIT_SECONDS


class StoreError(RuntimeError):
    """A store problem in plain words; `code` keys the message catalogue (`store.error.<code>`)."""

    def __init__(self, code: str, **details: object):
        self.code, self.details = code, {name: str(value) for name, value in details.items()}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(f"store.error.{self.code}", lang, **self.details)


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")
_QUOTED_PATH = re.compile(r'"(/[^"]+)"')
_NO_SPACE = ("no space left on device", "max_temp_directory_size", "failed to offload", "disk quota exceeded")


def plain_error(error: BaseException, path: Path) -> StoreError | None:
    """The StoreError a DuckDB or disk failure means, or None for any other error (a bug to see whole)."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _disk_full(Path(error.filename) if error.filename else path)
    if not isinstance(error, duckdb.Error):
        return None
    text = str(error)
    lowered = text.lower()
    if any(words in lowered for words in _NO_SPACE):
        spilled = "max_temp_directory_size" in lowered or "offload" in lowered
        named = _QUOTED_PATH.search(text)
        return _disk_full(Path(named.group(1)) if named and not spilled else path)   # spills go beside the file
    if "conflicting lock" in lowered or "different configuration" in lowered:
        holder = _LOCK_HOLDER.search(text)
        who = f"{Path(holder.group(1)).name}, PID {holder.group(2)}" if holder else "this program"
        return StoreError("busy", path=path, holder=who, seconds=f"{lock_wait_seconds():g}")
    if "permission denied" in lowered or "read-only file system" in lowered:
        return StoreError("read_only_file", path=path)
    if isinstance(error, duckdb.OutOfMemoryException):
        return StoreError("out_of_memory", limit=os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT))
    return None


def _disk_full(where: Path) -> StoreError:
    folder = where if where.is_dir() else where.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    return StoreError("disk_full", where=folder, free=f"{free / 2**20:.1f} MiB")


def _spill_folder(path: Path) -> Path:
    """Where DuckDB spills what does not fit in memory: `<db>.tmp` beside the database."""
    return path.with_name(path.name + ".tmp")


@contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    """Re-raise DuckDB's and the disk's failures as StoreError; anything else unchanged."""
    try:
        yield
    except (duckdb.Error, OSError) as error:
        problem = plain_error(error, path)
        if problem is None or problem is error:
            raise
        raise problem from error


class KeyProblem(StoreError):
    """The pseudonym key is missing from a store with data, or is not a key: `code` is missing,
    empty, short or malformed (the message catalogue's `key.<code>`, naming the file to restore)."""

    def __init__(self, code: str, key_path: Path):
        self.code, self.key_path, self.details = code, key_path, {"path": str(key_path)}
        RuntimeError.__init__(self, self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(f"key.{self.code}", lang, path=self.key_path)


def _sync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _remove_database_file(path: Path) -> None:
    """A database file and its write-ahead log."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make a rename or new name in `folder` durable (POSIX: fsync the directory)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


_SHARED_STORES: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_shared_stores() -> None:
    """Before the interpreter ends: no idle-close timer may fire into DuckDB while it is torn down."""
    for store in list(_SHARED_STORES):
        store.close()


class Store:
    """One DuckDB database file with the canonical schema, migrated on open.

    access: "write" holds a read-write connection; "shared" opens read-only connections on demand
    and read-write ones only inside `writing()`.
    """

    def __init__(self, path: str | Path | None = None, access: str = "write", wait_seconds: float | None = None):
        if access not in ACCESS_MODES:
            raise ValueError(f"access must be one of {', '.join(ACCESS_MODES)}, not {access!r}")
        self.path = Path(path) if path is not None else default_db_path()
        self.access = access
        self.wait_seconds = lock_wait_seconds() if wait_seconds is None else wait_seconds
        self._state = threading.Condition()
        self._write_lock = threading.RLock()
        self._readers = 0              # shared: threads reading through the read-only connection
        self._writer: int | None = None  # shared: the thread inside writing()
        self._writers_waiting = 0      # shared: threads waiting in writing(); new readers wait behind them
        self._local = threading.local()
        self._idle_timer: threading.Timer | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        if access == "write" or not self.path.exists():
            with _plain_errors(self.path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
        self.created_now = self._open_and_migrate() == 0
        if access == "shared":
            _SHARED_STORES.add(self)

    def _open_and_migrate(self) -> int:
        """Open as `access` says, migrating first (which needs a moment of read-write access)."""
        if self.access == "write":
            self._con = self._connect(read_only=False)
            return self._migrate(self._con)
        found = self._schema_version_if_readable()
        if found is None or found < MIGRATIONS[-1][0]:
            writer = self._connect(read_only=False)
            try:
                found = self._migrate(writer)
            finally:
                writer.close()
        return found

    def _schema_version_if_readable(self) -> int | None:
        """The version of an existing file (migrated when that is possible at once); None for a new file.

        A read-write open without waiting comes first: when it succeeds, no one else has the file,
        so the start cleans a spill folder left by a killed process. Another process reading, or a
        read-only file, leaves a read-only look.
        """
        if not self.path.exists():
            return None
        try:
            writer = self._connect(read_only=False, wait_seconds=0)
        except StoreError as error:
            if error.code not in ("busy", "read_only_file"):
                raise
        else:
            try:
                return self._migrate(writer)
            finally:
                writer.close()
        reader = self._connect(read_only=True)
        try:
            with _plain_errors(self.path):
                return reader.execute(
                    "SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        except duckdb.CatalogException:
            return None
        finally:
            reader.close()

    def _connect(self, read_only: bool, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
        """A connection, retrying while another process holds the file; a read-write one cleans the spill folder."""
        deadline = time.monotonic() + (self.wait_seconds if wait_seconds is None else wait_seconds)
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.Error as error:
                problem = plain_error(error, self.path)
                if problem is not None and problem.code == "busy" and time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                if problem is None:
                    problem = StoreError("unopenable", path=self.path, detail=str(error).strip().splitlines()[0][:300])
                raise problem from error
        with _plain_errors(self.path):
            con.execute("SET TimeZone = 'UTC'")
            # Bounded memory: large imports and metrics spill to disk instead of growing without limit.
            con.execute("SET memory_limit = ?", [os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)])
        if not read_only:   # no one else has the file: what a killed process left is no one's
            shutil.rmtree(_spill_folder(self.path), ignore_errors=True)
            # A copy left by a rewrite that stopped before its rename holds nothing the database lacks.
            _remove_database_file(self._rewrite_path)
        return con

    @property
    def _rewrite_path(self) -> Path:
        return self.path.with_name(self.path.name + ".rewrite")

    def rewrite(self) -> None:
        """Copy the database into a new file and put it in place of the old one, so that deleted rows
        (erasure, retention, undo) are gone from the file's bytes and not only from its tables.

        DuckDB leaves deleted data in the file's freed blocks; its documented way to compact is
        `COPY FROM DATABASE` into a fresh file (tables, sequences, constraints and settings go
        along; the key file beside the database stays as it is). The copy is flushed to disk and
        renamed over the database; until then the old file is untouched, so a crash loses nothing.
        Done inside a write, so a shared store has the file alone.
        """
        fresh = self._rewrite_path
        with self.writing():
            _remove_database_file(fresh)
            try:
                self._con.execute("CHECKPOINT")
                catalog = self._con.execute("SELECT current_database()").fetchone()[0]
                self._con.execute("ATTACH ? AS radar_rewrite", [str(fresh)])
                try:
                    self._con.execute(f"COPY FROM DATABASE {quote_identifier(catalog)} TO radar_rewrite")
                finally:
                    self._con.execute("DETACH radar_rewrite")
                _sync_file(fresh)
            except (duckdb.Error, OSError) as error:
                _remove_database_file(fresh)
                raise StoreError("rewrite_failed", path=self.path, detail=str(error).strip().splitlines()[0][:300]) \
                    from error
            self._con.close()
            try:
                if self.path.with_name(self.path.name + ".wal").exists():   # never a new file under an old log
                    raise StoreError("rewrite_log_left", path=self.path)
                os.replace(fresh, self.path)
                _sync_folder(self.path.parent)
            except OSError as error:
                raise StoreError("rewrite_not_in_place", path=self.path, detail=error.strerror or error) from error
            finally:
                self._con = self._connect(read_only=False)   # removes the copy when it was not put in place

    # -- connections -------------------------------------------------------------------------
    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection to read through: the held one, the writer's own, or a shared read-only one."""
        if self.access != "shared" or self._writer == threading.get_ident():
            if self._con is None:
                raise StoreError("closed", path=self.path)
            with _plain_errors(self.path):
                yield self._con
            return
        with self._state:
            # A waiting writer goes first, or page runs that follow each other would keep an import
            # waiting for ever; a thread already reading goes on (the writer waits for it to finish).
            while self._writer is not None or (self._writers_waiting and not getattr(self._local, "reading", 0)):
                self._state.wait()
            self._cancel_idle_timer()
            if self._con is None:
                self._con = self._connect(read_only=True)
            self._readers += 1
            connection = self._con
        self._local.reading = getattr(self._local, "reading", 0) + 1
        try:
            with _plain_errors(self.path):
                yield connection
        finally:
            self._local.reading -= 1
            with self._state:
                self._readers -= 1
                if not self._readers:
                    self._idle_timer = threading.Timer(IDLE_CLOSE_SECONDS, self._close_if_idle)
                    self._idle_timer.daemon = True
                    self._idle_timer.start()
                    self._state.notify_all()

    def _cancel_idle_timer(self) -> None:
        """Called with `_state` held: a connection in use must not be closed by a pending timer."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _drop_connection(self) -> None:
        """Called with `_state` held: no timer left behind, and the file let go of."""
        self._cancel_idle_timer()
        if self._con is not None:
            self._con.close()
            self._con = None

    def _close_if_idle(self) -> None:
        with self._state:
            if not self._readers and self._writer is None and self._con is not None:
                self._con.close()
                self._con = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Read-write access for the duration of a write (a shared store opens it and closes it after).

        A shared store waits for its own readers to finish (readers that come meanwhile wait behind
        it) and for other processes to let go of the file (up to `wait_seconds`), then raises
        StoreError("busy").
        """
        if self.access == "write" or self._writer == threading.get_ident():
            with self._write_lock, _plain_errors(self.path):
                yield
            return
        if getattr(self._local, "reading", 0):
            raise RuntimeError("enter Store.writing() before taking a cursor: a reader cannot become the writer")
        with self._state:
            self._writers_waiting += 1
            try:
                while self._writer is not None or self._readers:
                    self._state.wait()
            finally:
                self._writers_waiting -= 1
            self._writer = threading.get_ident()
            self._drop_connection()
        try:
            self._con = self._connect(read_only=False)
            with _plain_errors(self.path):
                yield
        finally:
            with self._state:
                if self._con is not None:
                    self._con.close()
                    self._con = None
                self._writer = None
                self._state.notify_all()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one thread (DuckDB's multiple-threads guide), closed on exit."""
        with self._connection() as connection:
            with connection.cursor() as cursor:
                cursor.execute("SET TimeZone = 'UTC'")
                yield cursor

    def close(self) -> None:
        with self._state:
            self._drop_connection()

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        with self.cursor() as cursor:
            return cursor.execute(sql, params or []).df()

    def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        with self.cursor() as cursor:
            return cursor.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        rows = self.fetchall(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self, cursor: duckdb.DuckDBPyConnection | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing writes: commit on success, roll back on any exception.

        Pass a cursor to write on the connection that staged temporary tables for the write (it
        must come from inside `writing()` on a shared store).
        """
        with self.writing(), self._write_lock, (self.cursor() if cursor is None else nullcontext(cursor)) as active:
            active.execute("BEGIN TRANSACTION")
            try:
                yield active
            except BaseException:
                active.execute("ROLLBACK")
                raise
            active.execute("COMMIT")

    # -- schema ------------------------------------------------------------------------------
    def _migrate(self, con: duckdb.DuckDBPyConnection) -> int:
        """Apply missing migrations on a read-write connection; return the version found (0 for a new database)."""
        with _plain_errors(self.path):
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ)"
            )
            applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
            current = max(applied, default=0)
            for version, file_name in MIGRATIONS:
                if version in applied:   # by number, not by the highest: reserved numbers may land out of order
                    continue
                con.execute("BEGIN TRANSACTION")
                con.execute(read_sql(file_name))
                con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
                con.execute("COMMIT")
        return current

    # -- settings ----------------------------------------------------------------------------
    def settings(self) -> Settings:
        return settings_from_rows(self.fetchall("SELECT name, value FROM settings"))

    def save_settings(self, **values: Any) -> Settings:
        for name, value in values.items():
            validate_setting(name, value)
        with self.transaction() as cursor:
            for name, value in values.items():
                cursor.execute(
                    "INSERT OR REPLACE INTO settings VALUES (?, ?)", [name, json.dumps(value)]
                )
        return self.settings()

    # -- the pseudonymisation secret -----------------------------------------------------------
    @property
    def key_path(self) -> Path:
        return self.path.with_name(self.path.name + ".key")

    def secret_key(self) -> bytes:
        """The HMAC key kept beside the database: made once for a store without data, never replaced.

        A store that holds data and has lost its key (or holds a damaged one) refuses: a new key
        would give every candidate new pseudonyms, so the same people would be counted twice.
        """
        if not self.key_path.exists():
            if self.holds_data():
                raise KeyProblem("missing", self.key_path)
            self._create_key()
        text = self.key_path.read_text(encoding="ascii", errors="replace").strip()
        if not text:
            raise KeyProblem("empty", self.key_path)
        if not re.fullmatch(r"[0-9a-fA-F]*", text):
            raise KeyProblem("malformed", self.key_path)
        if len(text) != KEY_HEX_DIGITS:
            raise KeyProblem("short" if len(text) < KEY_HEX_DIGITS else "malformed", self.key_path)
        return bytes.fromhex(text)

    def key_problem(self) -> KeyProblem | None:
        """What is wrong with the key, if anything (the app says so before any page uses it)."""
        try:
            self.secret_key()
        except KeyProblem as problem:
            return problem
        return None

    def _create_key(self) -> None:
        """Write a new key under a temporary name, flush it to disk, then give it its name: a full
        disk or a crash leaves no key (and the next try makes one), never an empty or partial one."""
        temporary = self.key_path.with_name(f"{self.key_path.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                data = secrets.token_hex(KEY_HEX_DIGITS // 2).encode("ascii")
                while data:
                    data = data[os.write(descriptor, data):]
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            try:
                os.link(temporary, self.key_path)   # never over a key another process made meanwhile
            except FileExistsError:
                pass
            _sync_folder(self.key_path.parent)
        except OSError as error:
            raise StoreError("key_unwritable", path=self.key_path, detail=error.strerror or error) from error
        finally:
            temporary.unlink(missing_ok=True)

    # -- contents ----------------------------------------------------------------------------
    def holds_data(self) -> bool:
        """Any import, event or answer: the key of such a store can no longer be replaced."""
        return bool(self.scalar(
            "SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM events) "
            "+ (SELECT count(*) FROM survey_responses)"))

    def is_empty(self) -> bool:
        return not self.scalar("SELECT count(*) FROM events") and not self.scalar(
            "SELECT count(*) FROM survey_responses"
        )

    def data_version(self) -> tuple:
        """Changes whenever imports, erasures, settings or comment labels change: the cache key for everything computed."""
        return tuple(self.fetchall(
            "SELECT (SELECT coalesce(max(import_id), 0) FROM imports), (SELECT count(*) FROM imports), "
            "(SELECT count(*) FROM events), (SELECT count(*) FROM survey_responses), "
            "(SELECT coalesce(string_agg(name || value, ',' ORDER BY name), '') FROM settings), "
            "(SELECT count(*) FROM sentiment_calibrations)"
        )[0])

    def imports(self) -> pd.DataFrame:
        return self.query("SELECT * FROM imports ORDER BY import_id DESC")
