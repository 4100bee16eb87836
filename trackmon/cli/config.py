"""`trackmon config example|show`: the settings reference and the settings in effect."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from trackmon.cli.common import handle_errors, state
from trackmon.redact import mask_url

config_app = typer.Typer(help="Settings: the reference and what is in effect.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")


@config_app.command("example")
def example() -> None:
    """Print every setting with its default, description and environment variable (TOML)."""
    from trackmon.config_doc import example_toml

    typer.echo(example_toml(), nl=False)


@config_app.command("show")
@handle_errors
def show(ctx: typer.Context,
         as_json: Annotated[bool, typer.Option("--json", help="JSON instead of TOML-like text.")] = False) -> None:
    """Print the settings in effect (file + environment), secrets masked."""
    data = masked_settings(state(ctx).settings().model_dump(mode="json"))
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def masked_settings(value: Any, key: str = "") -> Any:
    """Settings as printed: SecretStr values are already `**********`; every URL has its
    credentials masked (`trackmon.redact.mask_url`), apprise URLs down to their scheme."""
    if isinstance(value, dict):
        return {k: masked_settings(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [masked_settings(v, key) for v in value]
    if isinstance(value, str) and "://" in value:
        return mask_url(value, opaque=key == "apprise_urls")
    return value
