"""The DuckDB store: the one module that opens connections and runs SQL (datasette's Database habit).

Values always reach SQL as bound parameters. The session time zone is UTC, so TIMESTAMPTZ values
are instants and local-time work is explicit (`timezone(?, ts)`) in the SQL that needs it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
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

# Ordered migrations: (version, file under analytics/). A new schema change is a new file, never an edit.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, "migrations/001_schema.sql"), (2, "migrations/002_saved_mappings.sql"),
    (3, "migrations/003_sentiment_calibration.sql"), (4, "migrations/004_evidence_and_aliases.sql"),
    (5, "migrations/005_message_traces.sql"), (6, "migrations/006_preset_evidence_and_lookups.sql"),
    (7, "migrations/007_access_and_audit.sql"),
)


def default_db_path() -> Path:
    """`RADAR_DB` when set, else data/radar.duckdb beside the code."""
    return Path(os.environ.get(DB_PATH_ENV) or DEFAULT_DB_PATH)


def read_sql(name: str) -> str:
    """SQL text by its path under analytics/, e.g. 'measure/sql/application_facts.sql'."""
    return (SQL_ROOT / name).read_text(encoding="utf-8")


class StoreError(RuntimeError):
    """A store problem explained in plain words (locked file, unreadable database)."""


class KeyProblem(StoreError):
    """The pseudonym key is missing from a store with data, or is not a key: `code` is missing,
    empty, short or malformed (the message catalogue's `key.<code>`, naming the file to restore)."""

    def __init__(self, code: str, key_path: Path):
        self.code, self.key_path = code, key_path
        super().__init__(t(f"key.{code}", "en", path=key_path))

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


class Store:
    """One DuckDB database file with the canonical schema, migrated on open."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = self._connect()
        self._write_lock = threading.Lock()
        self.created_now = self._migrate() == 0

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            connection = duckdb.connect(str(self.path))
        except duckdb.IOException as error:
            raise StoreError(
                f"Cannot open the database {self.path}: {error}. If another program (the app or a "
                f"CLI command) has it open, stop it or point {DB_PATH_ENV} at another file."
            ) from error
        # A copy left by a rewrite that stopped before its rename holds nothing the database lacks.
        _remove_database_file(self._rewrite_path)
        connection.execute("SET TimeZone = 'UTC'")
        # Bounded memory: large imports and metrics spill to disk instead of growing without limit.
        connection.execute("SET memory_limit = ?", [os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)])
        return connection

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
        """
        fresh = self._rewrite_path
        with self._write_lock:
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
                raise StoreError(
                    f"Could not rewrite {self.path} without the deleted rows: {error}. The rows are deleted, "
                    f"but their bytes stay in the file until the rewrite succeeds: free disk space (it needs "
                    f"room for a copy of the database) and run the command again."
                ) from error
            self._con.close()
            try:
                if self.path.with_name(self.path.name + ".wal").exists():   # never a new file under an old log
                    raise StoreError(f"Could not rewrite {self.path}: its write-ahead log was not written back "
                                     "on closing. Nothing was changed; run the command again.")
                os.replace(fresh, self.path)
                _sync_folder(self.path.parent)
            except OSError as error:
                raise StoreError(f"Could not put the rewritten copy in place of {self.path}: {error}. The "
                                 "database is as it was; run the command again.") from error
            finally:
                self._con = self._connect()   # removes the copy when it was not put in place

    # -- connections -------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one thread (DuckDB's multiple-threads guide)."""
        cursor = self._con.cursor()
        cursor.execute("SET TimeZone = 'UTC'")
        return cursor

    def close(self) -> None:
        self._con.close()

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

        Pass a cursor to write on the connection that staged temporary tables for the write.
        """
        with self._write_lock, (self.cursor() if cursor is None else nullcontext(cursor)) as active:
            active.execute("BEGIN TRANSACTION")
            try:
                yield active
            except BaseException:
                active.execute("ROLLBACK")
                raise
            active.execute("COMMIT")

    # -- schema ------------------------------------------------------------------------------
    def _migrate(self) -> int:
        """Apply missing migrations; return the version found on open (0 for a new database)."""
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ)"
        )
        current = self._con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        for version, file_name in MIGRATIONS:
            if version <= current:
                continue
            self._con.execute("BEGIN TRANSACTION")
            self._con.execute(read_sql(file_name))
            self._con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
            self._con.execute("COMMIT")
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
            raise StoreError(
                f"Cannot write the pseudonym key {self.key_path}: {error.strerror or error}. "
                "Free disk space (or fix the folder's permissions) and try again; nothing was stored."
            ) from error
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
