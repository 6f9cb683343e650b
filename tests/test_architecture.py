"""The house keeps its plan: the README's "Modules" table is checked against the real imports.

Each row of the table names modules (a file, or a folder for every module below it) and what they
may import: other rows' modules, "the ground floor" (the rows marked so), and the outside packages
by name; the standard library is always allowed and a row's own modules may import each other.
The imports are read with `ast`, function-level ones included. The checks: every import is allowed
by its module's row, the modules import no cycle, the rows' rules themselves form layers (no two
rows may import each other, even round about), and no module is over 400 lines unless its
docstring says why (`Long because: ...`). The checker is tested on a small invented house first.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("analytics", "ui", "content", "app.py")
GROUND_FLOOR = "ground floor"
MAX_LINES = 400
LONG_REASON = "Long because:"

# Over 400 lines today with no reason given, reported to the lead (issue 10) for a split or a
# reason. The test fails when a module joins this list and when one leaves it (split, or reason
# written), so that the list is always exactly today's.
AWAITING_A_SPLIT_OR_A_REASON = {
    "analytics/ingest/demo.py",
    "analytics/ingest/importer.py",
    "analytics/ingest/presets.py",
}


@dataclass(frozen=True)
class Row:
    """One row of the Modules table: which modules, what they may import."""

    modules: tuple[str, ...]
    may_import: tuple[str, ...]
    packages: frozenset[str]
    ground_floor: bool


# -- reading the table and the code -----------------------------------------------------------------

def modules_table(readme: str) -> list[Row]:
    """The rows of the table under the heading "## Modules"."""
    section = readme.split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["module", "does", "may import"], header
    cells = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines[2:]]
    ground = tuple(name for module_cell, _, _ in cells if f"({GROUND_FLOOR})" in module_cell
                   for name in backticked(module_cell))
    rows = []
    for module_cell, _does, allowed_cell in cells:
        named = backticked(allowed_cell)
        rows.append(Row(
            modules=backticked(module_cell),
            may_import=tuple(name for name in named if is_project_path(name))
            + (ground if GROUND_FLOOR in allowed_cell else ()),
            packages=frozenset(name for name in named if not is_project_path(name)),
            ground_floor=f"({GROUND_FLOOR})" in module_cell,
        ))
    return rows


def backticked(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([^`]+)`", cell))


def is_project_path(name: str) -> bool:
    return name.endswith((".py", "/"))


def covers(pattern: str, module: str) -> bool:
    """A folder pattern covers every module below it; a file pattern only itself."""
    return module.startswith(pattern) if pattern.endswith("/") else module == pattern


def source_files(root: Path) -> list[str]:
    files = []
    for source in SOURCES:
        path = root / source
        found = [path] if path.is_file() else sorted(path.rglob("*.py"))
        files += [found_path.relative_to(root).as_posix() for found_path in found]
    return files


def dotted(module: str) -> str:
    name = module.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


def imports_of(root: Path, module: str, project: dict[str, str]) -> set[str]:
    """What a module imports: project modules as paths, outside packages by name, no standard library.

    `project` maps dotted names to paths. Every import statement counts, also inside functions.
    """
    tree = ast.parse((root / module).read_text(encoding="utf-8"))
    package = dotted(module) if module.endswith("__init__.py") else dotted(module).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in project else base for alias in node.names]
        else:
            continue
        for name in names:
            resolved = next((project[prefix] for prefix in _prefixes(name) if prefix in project), None)
            top = name.split(".")[0]
            if resolved:
                found.add(resolved)
            elif top not in sys.stdlib_module_names and top != "__future__":
                found.add(top)
    found.discard(module)
    return found


def _prefixes(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(len(parts), 0, -1)]


def house_imports(root: Path) -> dict[str, set[str]]:
    files = source_files(root)
    project = {dotted(module): module for module in files}
    return {module: imports_of(root, module, project) for module in files}


# -- the checks -------------------------------------------------------------------------------------

def row_of(module: str, rows: list[Row]) -> Row | None:
    """The row with the most specific pattern covering the module."""
    matches = [(len(pattern), row) for row in rows for pattern in row.modules if covers(pattern, module)]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def import_problems(imports: dict[str, set[str]], rows: list[Row]) -> list[str]:
    problems = []
    for row in rows:
        for pattern in row.modules + row.may_import:
            if not any(covers(pattern, module) for module in imports):
                problems.append(f"the table names `{pattern}`, which matches no module")
    for module, imported in sorted(imports.items()):
        row = row_of(module, rows)
        if row is None:
            problems.append(f"{module} has no row in the Modules table")
            continue
        for name in sorted(imported):
            if not is_project_path(name):
                if name not in row.packages:
                    problems.append(f"{module} imports {name}, which its row does not list")
            elif row_of(name, rows) is not row and not any(covers(pattern, name) for pattern in row.may_import):
                problems.append(f"{module} imports {name}, which its row does not allow")
    return problems


def import_cycle(imports: dict[str, set[str]]) -> list[str]:
    """One cycle of module imports (as the path round), or [] when there is none."""
    graph = {module: sorted(name for name in imported if name in imports) for module, imported in imports.items()}
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        trail.append(module)
        for target in graph[module]:
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[module] = "done"
        trail.pop()
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return []


def rule_cycle(rows: list[Row], modules: list[str]) -> list[str]:
    """Rows that may import each other, directly or round about: the rules would not be layers."""
    names = {row: " ".join(row.modules) for row in rows}
    allowed = {
        names[row]: {names[other] for other in rows if other is not row
                     and any(covers(pattern, module) and row_of(module, rows) is other
                             for pattern in row.may_import for module in modules)}
        for row in rows
    }
    return import_cycle(allowed)


def long_modules(root: Path, modules: list[str]) -> set[str]:
    """Modules over MAX_LINES lines whose docstring does not say why."""
    long = set()
    for module in modules:
        text = (root / module).read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES and LONG_REASON not in (ast.get_docstring(ast.parse(text)) or ""):
            long.add(module)
    return long


# -- the checker on an invented house ---------------------------------------------------------------

INVENTED_README = """# A house

## Modules

| module | does | may import |
|---|---|---|
| `pkg/words.py` (ground floor) | the vocabulary | standard library |
| `pkg/store.py` | the database | the ground floor, `duckdb` |
| `pkg/measure/` | the numbers | the ground floor, `pkg/store.py`, `pandas` |
| `ui/` | the screens | `pkg/`, `streamlit` |

## Next
"""


def invented_house(**changes: set[str]) -> dict[str, set[str]]:
    imports = {
        "pkg/words.py": set(),
        "pkg/store.py": {"pkg/words.py", "duckdb"},
        "pkg/measure/__init__.py": set(),
        "pkg/measure/rates.py": {"pkg/store.py", "pkg/measure/sums.py", "pandas"},
        "pkg/measure/sums.py": {"pkg/words.py"},
        "ui/page.py": {"pkg/measure/rates.py", "streamlit"},
    }
    return imports | changes


def test_the_checker_reads_the_rows_and_expands_the_ground_floor():
    rows = modules_table(INVENTED_README)
    assert [row.modules for row in rows] == [("pkg/words.py",), ("pkg/store.py",), ("pkg/measure/",), ("ui/",)]
    assert rows[1].may_import == ("pkg/words.py",) and rows[1].packages == {"duckdb"}
    assert rows[2].may_import == ("pkg/store.py", "pkg/words.py")
    assert [row.ground_floor for row in rows] == [True, False, False, False]


def test_the_checker_accepts_a_house_that_keeps_its_plan():
    imports = invented_house()
    rows = modules_table(INVENTED_README)
    assert import_problems(imports, rows) == []
    assert import_cycle(imports) == []
    assert rule_cycle(rows, list(imports)) == []


def test_the_checker_finds_an_upward_import_and_an_unlisted_package():
    imports = invented_house(**{"pkg/store.py": {"pkg/measure/rates.py", "streamlit"}})
    assert import_problems(imports, modules_table(INVENTED_README)) == [
        "pkg/store.py imports pkg/measure/rates.py, which its row does not allow",
        "pkg/store.py imports streamlit, which its row does not list",
    ]


def test_the_checker_finds_an_import_cycle_even_inside_one_row():
    imports = invented_house(**{"pkg/measure/sums.py": {"pkg/measure/rates.py"}})
    assert import_problems(imports, modules_table(INVENTED_README)) == []
    assert import_cycle(imports) == ["pkg/measure/rates.py", "pkg/measure/sums.py", "pkg/measure/rates.py"]


def test_the_checker_finds_rules_that_are_not_layers():
    readme = INVENTED_README.replace("| the database | the ground floor, `duckdb` |",
                                     "| the database | the ground floor, `pkg/measure/`, `duckdb` |")
    rows = modules_table(readme)
    assert rule_cycle(rows, list(invented_house())) == ["pkg/measure/", "pkg/store.py", "pkg/measure/"]


def test_the_checker_finds_modules_without_a_row_and_rows_without_modules():
    imports = invented_house(**{"cli.py": {"pkg/store.py"}})
    del imports["ui/page.py"]
    assert import_problems(imports, modules_table(INVENTED_README)) == [
        "the table names `ui/`, which matches no module",
        "cli.py has no row in the Modules table",
    ]


def test_the_checker_reads_relative_and_function_level_imports(tmp_path):
    (tmp_path / "analytics" / "sub").mkdir(parents=True)
    (tmp_path / "analytics" / "__init__.py").write_text("")
    (tmp_path / "analytics" / "sub" / "__init__.py").write_text("from .inner import X\n")
    (tmp_path / "analytics" / "sub" / "inner.py").write_text("X = 1\n")
    (tmp_path / "analytics" / "top.py").write_text(
        "import json\nfrom analytics import sub\n\ndef late():\n    import duckdb\n    from analytics.sub.inner import X\n")
    project = {dotted(module): module for module in source_files(tmp_path)}
    assert imports_of(tmp_path, "analytics/top.py", project) == {
        "analytics/sub/__init__.py", "analytics/sub/inner.py", "duckdb"}
    assert imports_of(tmp_path, "analytics/sub/__init__.py", project) == {"analytics/sub/inner.py"}


def test_the_checker_finds_long_modules_without_a_reason(tmp_path):
    body = "x = 1\n" * (MAX_LINES + 1)
    (tmp_path / "long.py").write_text('"""Long."""\n' + body)
    (tmp_path / "reasoned.py").write_text(f'"""Long.\n\n{LONG_REASON} a table.\n"""\n' + body)
    (tmp_path / "short.py").write_text('"""Short."""\n' + "x = 1\n" * (MAX_LINES - 1))
    assert long_modules(tmp_path, ["long.py", "reasoned.py", "short.py"]) == {"long.py"}


# -- the real house ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def house() -> tuple[list[Row], dict[str, set[str]]]:
    return modules_table((ROOT / "README.md").read_text(encoding="utf-8")), house_imports(ROOT)


def test_every_import_is_allowed_by_the_readme_modules_table(house):
    rows, imports = house
    assert import_problems(imports, rows) == []


def test_no_module_imports_itself_round_about(house):
    _rows, imports = house
    assert import_cycle(imports) == []


def test_the_tables_rules_are_layers(house):
    rows, imports = house
    assert rule_cycle(rows, list(imports)) == []


def test_analytics_never_may_import_streamlit_or_the_screens(house):
    rows, imports = house
    engine_rows = [row for row in rows if all(module.startswith("analytics/") for module in row.modules)]
    assert engine_rows and all(row_of(module, rows) in engine_rows for module in imports if module.startswith("analytics/"))
    for row in engine_rows:
        assert "streamlit" not in row.packages, row
        assert not [pattern for pattern in row.may_import if pattern.startswith(("ui/", "content/"))], row


def test_measuring_never_may_import_ingesting(house):
    rows, _imports = house
    measure = row_of("analytics/measure/metrics.py", rows)
    assert not [pattern for pattern in measure.may_import if covers(pattern, "analytics/ingest/importer.py")]


def test_no_module_is_long_without_saying_why(house):
    _rows, imports = house
    assert long_modules(ROOT, list(imports)) == AWAITING_A_SPLIT_OR_A_REASON
