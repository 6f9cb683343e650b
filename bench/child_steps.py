"""What the import benchmarks share: each step runs in a child process of its own, so its peak
memory and CPU time are its own, and reports them as one JSON line."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux


def cpu_seconds() -> float:
    """User and system time of this process, DuckDB's threads included: what the step cost the
    machine, whatever else runs on it (wall-clock times depend on the load)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_child(script: str, step: str, **options: str | int) -> dict:
    """Run `script --step STEP --option value ...` and return the JSON its last line prints."""
    command = [sys.executable, script, "--step", step]
    for name, value in options.items():
        command += [f"--{name.replace('_', '-')}", str(value)]
    finished = subprocess.run(command, check=False, capture_output=True, text=True, cwd=ROOT)
    if finished.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"
