"""The documentation keeps up with the code: every setting, CLI command and metric is documented."""

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
