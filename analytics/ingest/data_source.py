"""Which data the app shows: the user's own store or the built-in demo, kept in a store of its own.

The demo never shares a database with real data, so demo and real processes cannot mix and "as of"
(the latest event in a store) is always worked out within one data set. The demo store lives beside
the real one (`radar.duckdb` -> `radar.demo.duckdb`); uploads never write to it. The app shows the
demo while the real store is empty, and afterwards only when the user asks for it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from analytics.ingest.demo import DEMO_FILE_NAMES, load_demo
from analytics.store import Store

DEMO = "demo"
REAL = "real"
DEMO_ENV = "RADAR_DEMO"   # "0": never show the demo; the app starts on an empty store
DEMO_SUFFIX = ".demo.duckdb"


def demo_db_path(real_path: str | Path) -> Path:
    """The demo store's file beside the real one: `data/radar.duckdb` -> `data/radar.demo.duckdb`."""
    real_path = Path(real_path)
    return real_path.with_name(real_path.stem + DEMO_SUFFIX)


def holds_only_demo(store: Store) -> bool:
    """True when every import in the store is the built-in demo's, so a report made from it is labelled demo."""
    return bool(store.scalar(
        "SELECT count(*) > 0 AND bool_and(list_contains(?, file_name)) FROM imports", [list(DEMO_FILE_NAMES)]
    ))


def demo_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(DEMO_ENV) != "0"


def choose_source(real_is_empty: bool, demo_allowed: bool, requested: str | None) -> str:
    """DEMO or REAL: the demo while there is no real data, afterwards only when asked for."""
    if not demo_allowed:
        return REAL
    if real_is_empty:
        return DEMO
    return DEMO if requested == DEMO else REAL


def can_switch(real_is_empty: bool, demo_allowed: bool) -> bool:
    """The user has a choice only when both data sets exist."""
    return demo_allowed and not real_is_empty


def set_apart_old_demo(real_path: str | Path) -> bool:
    """Move a real store that holds only the demo (earlier versions filled an empty store with it on
    first start) to the demo's place, so the user's own data starts empty; True when it did.

    Nothing is deleted: the file becomes the demo store. A store with real imports beside the demo
    stays where it is; its demo imports are listed on the Data page and can be undone there.
    """
    real_path = Path(real_path)
    demo_path = demo_db_path(real_path)
    if not real_path.exists() or demo_path.exists():
        return False
    store = Store(real_path, access="shared")
    try:
        only_demo = holds_only_demo(store)
    finally:
        store.close()
    if only_demo:
        _move_store(store, demo_path)
    return only_demo


def build_demo_store(path: str | Path, settings_from: Store | None = None) -> Path:
    """Write the seeded demo into a new store at `path` unless one is there; return the path.

    Built under a temporary name and renamed when complete, so a crash halfway never leaves a
    half-filled demo that would be taken for the whole one. `settings_from` copies a store's
    settings, so the demo is measured with the same SLAs and limits as the user's own data.
    """
    path = Path(path)
    if path.exists():
        return path
    building = path.with_name(path.name + ".building")
    for leftover in (building, building.with_name(building.name + ".wal"), building.with_name(building.name + ".key")):
        leftover.unlink(missing_ok=True)
    store = Store(building)
    try:
        reports = load_demo(store)
        failed = [report for report in reports if not report.ok]
        if failed:
            raise RuntimeError(f"The demo data could not be imported: {failed[0].error_message()}")
        if settings_from is not None:
            store.save_settings(**settings_from.settings().as_dict())
    finally:
        store.close()
    _move_store(store, path)
    return path


def _move_store(closed: Store, target: Path) -> None:
    """Rename a closed store's file, with its pseudonymisation key, to `target`."""
    if closed.key_path.exists():
        os.replace(closed.key_path, target.with_name(target.name + ".key"))
    os.replace(closed.path, target)
