"""`trackmon --help` stays quick: building the command tree imports none of the heavy stacks
(the database, the carriers, the HTTP client, the classifier); each loads when its command runs.
The start-up time itself is measured by `python -m bench.cli_start`, not asserted here."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "sqlmodel", "httpx", "carriers", "trackmon.classify", "trackmon.models", "alembic",
         "fastapi", "jinja2", "apprise", "babel", "pypinyin")


def test_help_imports_no_heavy_module() -> None:
    code = ("import sys, trackmon.cli as c\n"
            "from typer.main import get_command\n"
            "get_command(c.app)\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "", f"imported for --help: {out.stdout.strip()}"
