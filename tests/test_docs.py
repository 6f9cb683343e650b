"""The documentation keeps up with the code: every setting, CLI command and metric is documented."""

import importlib
import re
from pathlib import Path

from analytics.catalogue import METRICS
from analytics.cli import COMMANDS
from analytics.settings import SETTING_SPECS
from tests.conftest import ROOT


def test_every_setting_is_documented_with_its_default():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [spec.name for spec in SETTING_SPECS if f"| `{spec.name}` | {spec.default} |" not in text]
    assert missing == []


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in COMMANDS if f"python -m analytics {name}" not in readme] == []


def test_the_readme_opens_with_exactly_two_set_up_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in first_block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_catalogue_metric_is_in_the_metrics_table():
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    per_group = text.split("## Per group", 1)[1].split("\n## ", 1)[0]
    assert [key for key in METRICS if f"`{key}`" not in per_group] == []


PATH_IN_DOCS = re.compile(r"`((?:analytics|bench|content|data|docs|pages|scripts|tests|ui)/[^`\s]*)`"
                          r"|\]\(((?:docs|data)/[^)\s]+)\)")
NAME_IN_DOCS = re.compile(r"`(analytics(?:\.\w+)+)`")
MADE_AT_RUN_TIME = (".duckdb", ".key")


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "data").glob("*.md"))]


def test_every_path_the_documentation_names_exists():
    named = {(document.relative_to(ROOT).as_posix(), path)
             for document in documents()
             for match in PATH_IN_DOCS.finditer(document.read_text(encoding="utf-8"))
             for path in match.groups() if path and not path.endswith(MADE_AT_RUN_TIME)}
    assert len(named) > 20, "the pattern should find the paths the documents name"
    assert sorted((document, path) for document, path in named if not any(ROOT.glob(path))) == []


def test_every_python_name_the_documentation_gives_exists():
    named = {(document.relative_to(ROOT).as_posix(), name)
             for document in documents() for name in NAME_IN_DOCS.findall(document.read_text(encoding="utf-8"))}
    assert named, "the pattern should find the names the documents give"
    assert sorted((document, name) for document, name in named if not _resolves(name)) == []


def _resolves(name: str) -> bool:
    """The longest importable prefix of the dotted name, then attributes for the rest."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for attribute in parts[end:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_import_option_is_in_the_readme():
    from analytics.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(action for action in _parser()._actions if action.dest == "command")
    options = [flag for action in commands.choices["import"]._actions for flag in action.option_strings
               if flag.startswith("--") and flag not in ("--help", "--db")]
    assert [flag for flag in options if f"[{flag}" not in readme] == []
