"""Options shared by several commands, and the one way every command resolves its settings."""

from __future__ import annotations

from typing import Any

import click

from ..settings import load_settings


def db_option(fn=None, *, help_text: str = "Path of the DuckDB store."):
    """--db; unset means the `db` setting (REDLINE_DB, then the REDLINE_CONFIG file, then redline.duckdb)."""
    opt = click.option("--db", default=None, type=click.Path(dir_okay=False),
                       help=f"{help_text} [default: setting db: $REDLINE_DB, the config file, redline.duckdb]")
    return opt(fn) if fn is not None else opt


def settings(**flags: Any) -> dict[str, Any]:
    """Settings for one command: its flags (None = not given) > environment > config file > defaults."""
    return load_settings(overrides=flags)
