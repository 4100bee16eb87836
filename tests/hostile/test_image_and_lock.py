"""Issue 10, findings 3 and 10 for the image: the base image is pinned to a patch release,
every dependency is pinned by constraints.txt (used by the README, CI and the Dockerfile),
and the image and compose example run with a token from a secret, never a literal one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.test_container import env_of, final_stage, instructions
from trackmon.api.auth import check_exposure
from trackmon.errors import ConfigError
from trackmon.settings import load

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_base_images_are_pinned_to_a_patch_release() -> None:
    bases = [args.split()[0] for word, args in instructions() if word == "FROM"]
    assert bases and all(re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", b) for b in bases)


def test_constraints_pin_every_dependency_and_are_used_everywhere() -> None:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version.strip(), f"not an exact pin: {line}"
            pins[name.lower().replace("_", "-")] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert _name(requirement) in pins, f"{requirement} is not pinned in constraints.txt"
    installs = [args for word, args in instructions() if word == "RUN" and "pip install" in args]
    assert installs and all("-c constraints.txt" in args for args in installs)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_line = next(line for line in readme.splitlines() if "pytest" in line and "pip install" in line)
    assert "-c constraints.txt" in test_line and test_line in ci.splitlines()


def test_image_takes_its_token_from_a_secret_and_refuses_to_run_open(tmp_path) -> None:
    env = {k: v for k, v in env_of(final_stage()).items() if k.startswith("TRACKMON_")}
    assert "TRACKMON_API_TOKEN" not in env and env["TRACKMON_API_TOKEN_FILE"].startswith("/run/secrets/")
    with pytest.raises(ConfigError, match=r"token_file .*missing.*TRACKMON_API_TOKEN"):  # no secret, no variable
        check_exposure(load(None, env={**env, "TRACKMON_API_TOKEN_FILE": str(tmp_path / "missing")}))
    secret = tmp_path / "token"
    secret.write_text("from-a-secret\n", encoding="utf-8")
    settings = load(None, env={**env, "TRACKMON_API_TOKEN_FILE": str(secret)})
    assert settings.api.token is not None and settings.api.token.get_secret_value() == "from-a-secret"
    check_exposure(settings)  # 0.0.0.0 with a token: allowed
    open_env = {k: v for k, v in env.items() if k != "TRACKMON_API_TOKEN_FILE"}
    with pytest.raises(ConfigError, match=r"0\.0\.0\.0"):
        check_exposure(load(None, env=open_env))
    check_exposure(load(None, env={**open_env, "TRACKMON_API_ALLOW_ANONYMOUS_READ": "true"}))


def test_compose_mounts_the_token_secret_and_holds_no_literal_token() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert compose["secrets"]["trackmon_api_token"]["file"] == "./trackmon_api_token"
    for service in (s for s in compose["services"].values() if s.get("build") == "."):
        assert "trackmon_api_token" in service["secrets"]
        assert "TRACKMON_API_TOKEN" not in service["environment"]
    for ignore in (".gitignore", ".dockerignore"):
        assert "trackmon_api_token" in (ROOT / ignore).read_text().splitlines()
