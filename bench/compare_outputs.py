"""Do two versions of the code give identical outputs on the same data? A check for refactorings.

    python bench/compare_outputs.py                              # the demo, against 81b5506
    python bench/compare_outputs.py --applications 1000000       # and a 1M-application log
    python bench/compare_outputs.py --baseline main~3

The baseline revision is checked out into a temporary `git worktree`. The baseline code builds
each database once (the demo with `demo --db`; the large log with `demo --applications N --out`,
then `import`), since a newer version migrates a schema it opens and an older one may not read the
result. Each version then opens its own copy (with its pseudonym key) and runs, through its own
`python -m analytics`: `metrics --by X --json` for every grouping, `flags --json`, and `report`
to HTML and XLSX in English and Swedish. Each output is printed as "identical" or with its first
difference, with both versions' seconds.

Normalised before comparing, and nothing else: the report's "made" time, the random ids Plotly
gives each figure's <div> (one uuid4 per figure per run), and the XLSX file's own creation and
modification times (`docProps/core.xml`). XLSX files are compared member by member of the zip.
When an output differs, the baseline makes it once more, to tell a change from an output that
varies from run to run on its own.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = "81b5506"  # the commit before issue 10's restructuring
GROUPINGS = ("process", "recruiter", "department", "stage", "month", "all")
REPORTS = ("en.html", "sv.html", "en.xlsx", "sv.xlsx")
MADE_TIME = re.compile(r"(report made|rapporten skapad) [^;()<]*?\d{2}:\d{2}")   # the date as the language writes it
PLOTLY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
XLSX_OWN_TIMES = "docProps/core.xml"


@dataclass(frozen=True)
class Output:
    """One command's output: its name, the arguments after `--db PATH`, and the file it writes."""

    name: str
    arguments: tuple[str, ...]
    file_name: str | None = None


def outputs() -> list[Output]:
    listed = [Output(f"metrics --by {by}", ("metrics", "--by", by, "--json")) for by in GROUPINGS]
    listed.append(Output("flags", ("flags", "--json")))
    for report in REPORTS:
        lang, suffix = report.split(".")
        listed.append(Output(f"report {report}", ("report", "--lang", lang, "--out"), f"report-{lang}.{suffix}"))
    return listed


def run(code: Path, *arguments: str) -> tuple[bytes, float]:
    """`python -m analytics ARGUMENTS` with the code in `code`; stdout and seconds taken."""
    environment = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "RADAR_DB")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "analytics", *arguments], cwd=code, env=environment,
                          capture_output=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{code.name}: python -m analytics {' '.join(arguments)} failed:\n"
                         f"{done.stderr.decode(errors='replace')}")
    return done.stdout, seconds


def copy_store(database: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / database.name
    shutil.copy(database, copy)
    shutil.copy(database.with_name(database.name + ".key"), copy.with_name(copy.name + ".key"))
    return copy


def produce(code: Path, database: Path, output: Output) -> tuple[bytes, float]:
    if output.file_name is None:
        return run(code, *output.arguments[:1], "--db", str(database), *output.arguments[1:])
    target = database.parent / output.file_name
    _stdout, seconds = run(code, output.arguments[0], "--db", str(database), *output.arguments[1:], str(target))
    return target.read_bytes(), seconds


def normalised(data: bytes, file_name: str | None) -> dict[str, bytes]:
    """The output as named parts (one for text, one per zip member for XLSX), normalised."""
    if file_name and file_name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            return {member: _without_run_noise(workbook.read(member)) for member in sorted(workbook.namelist())
                    if member != XLSX_OWN_TIMES}
    return {"": _without_run_noise(data)}


def _without_run_noise(data: bytes) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    text = MADE_TIME.sub(r"\1 <made>", text)
    ids = {found: f"<figure {number}>" for number, found in enumerate(dict.fromkeys(PLOTLY_ID.findall(text)))}
    text = PLOTLY_ID.sub(lambda match: ids[match.group(0)], text)
    return text.encode("utf-8", errors="surrogateescape")


def first_difference(before: dict[str, bytes], after: dict[str, bytes]) -> str | None:
    """None when identical, else where the two first differ, in words."""
    if before.keys() != after.keys():
        return f"parts differ: only before {sorted(before.keys() - after.keys())}, " \
               f"only after {sorted(after.keys() - before.keys())}"
    for part in before:
        if before[part] == after[part]:
            continue
        where = f"{part}: " if part else ""
        old, new = before[part].decode(errors="replace"), after[part].decode(errors="replace")
        json_difference = _json_difference(old, new)
        if json_difference:
            return where + json_difference
        old_lines, new_lines = old.splitlines(), new.splitlines()
        line = len(os.path.commonprefix([old_lines, new_lines]))
        if line == min(len(old_lines), len(new_lines)):
            return where + f"{len(old_lines)} lines became {len(new_lines)}, the same up to there"
        old_line, new_line = old_lines[line], new_lines[line]
        at = len(os.path.commonprefix([old_line, new_line]))
        return (f"{where}line {line + 1}, character {at + 1}: "
                f"{old_line[max(0, at - 60):at + 60]!r} became {new_line[max(0, at - 60):at + 60]!r}")
    return None


def _json_difference(old: str, new: str) -> str | None:
    try:
        before, after = json.loads(old), json.loads(new)
    except ValueError:
        return None
    return _walk(before, after, "$")


def _walk(before, after, path: str) -> str | None:
    if isinstance(before, dict) and isinstance(after, dict):
        if list(before) != list(after):
            return f"{path}: keys {list(before)} became {list(after)}"
        return next((found for key in before if (found := _walk(before[key], after[key], f"{path}.{key}"))), None)
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return f"{path}: {len(before)} items became {len(after)}"
        return next((found for index, (a, b) in enumerate(zip(before, after, strict=True))
                     if (found := _walk(a, b, f"{path}[{index}]"))), None)
    return None if before == after and type(before) is type(after) else f"{path}: {before!r} became {after!r}"


def build_databases(baseline: Path, folder: Path, applications: int | None) -> dict[str, Path]:
    """The demo (and the large log) stored by the baseline code, once."""
    databases = {"demo": folder / "demo.duckdb"}
    started = time.perf_counter()
    run(baseline, "demo", "--db", str(databases["demo"]))
    print(f"demo database built by the baseline in {time.perf_counter() - started:.1f} s", flush=True)
    if applications:
        log = folder / f"log-{applications}.csv"
        databases[f"{applications:,} applications"] = large = folder / f"large-{applications}.duckdb"
        started = time.perf_counter()
        run(baseline, "demo", "--applications", str(applications), "--out", str(log))
        written = time.perf_counter() - started
        stdout, imported = run(baseline, "import", str(log), "--db", str(large))
        print(f"{applications:,}-application log written in {written:.1f} s and imported by the baseline in "
              f"{imported:.1f} s: {stdout.decode().strip()}", flush=True)
        log.unlink()
    return databases


def compare(baseline: Path, databases: dict[str, Path], folder: Path) -> bool:
    identical = True
    for label, database in databases.items():
        print(f"\n{label}: output, result, seconds (baseline / current)")
        copies = {"baseline": copy_store(database, folder / "baseline" / label.replace(",", "").replace(" ", "-")),
                  "current": copy_store(database, folder / "current" / label.replace(",", "").replace(" ", "-"))}
        for output in outputs():
            before, before_seconds = produce(baseline, copies["baseline"], output)
            after, after_seconds = produce(ROOT, copies["current"], output)
            difference = first_difference(normalised(before, output.file_name), normalised(after, output.file_name))
            if difference:
                again, _seconds = produce(baseline, copies["baseline"], output)
                unstable = first_difference(normalised(before, output.file_name), normalised(again, output.file_name))
                if unstable:
                    difference += f" (and the baseline run twice differs from itself: {unstable})"
            identical = identical and difference is None
            print(f"  {output.name:<24} {difference or 'identical':<12} {before_seconds:7.2f} / {after_seconds:7.2f}",
                  flush=True)
    return identical


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help=f"the revision to compare with "
                        f"(default {DEFAULT_BASELINE})")
    parser.add_argument("--applications", type=int, help="also compare on a generated log of N applications")
    args = parser.parse_args(argv)
    revision = subprocess.run(["git", "rev-parse", "--short", args.baseline], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    current = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip()
    print(f"baseline {revision}, current {current}{' with uncommitted changes' if dirty else ''}")
    with tempfile.TemporaryDirectory(prefix="compare-outputs-") as temporary:
        folder = Path(temporary)
        baseline = folder / "baseline-code"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(baseline), revision], cwd=ROOT, check=True)
        try:
            identical = compare(baseline, build_databases(baseline, folder, args.applications), folder)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=True)
    print("\nall outputs identical" if identical else "\nsome outputs differ")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
