"""Import presets: each turns one ATS export into canonical rows, in SQL over the `raw` table.

A preset's `to_canonical_sql(columns)` returns a SELECT over `raw` (the file, every cell text, with
`__row`, the data-row number) that yields `__row` and canonical column names; the importer then
validates and stores those rows exactly as it does a canonical file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    kind: str                      # 'events' | 'surveys'
    signature: frozenset[str]      # normalised headers that identify the export

    def to_canonical_sql(self, columns: dict[str, str]) -> str:
        raise NotImplementedError


PRESETS: dict[str, Preset] = {}


def detect_preset(columns: set[str]) -> Preset | None:
    """The preset whose signature the header holds (the most specific one), or None for canonical."""
    matching = [preset for preset in PRESETS.values() if preset.signature <= columns]
    return max(matching, key=lambda preset: len(preset.signature), default=None)
