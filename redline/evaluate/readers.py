"""Read any sentence-level gold file: the format from --format or the suffix, then its reader."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .gold import FORMATS, GoldRecord, unique_ids
from .petrarch import read_petrarch
from .plover import read_plover
from .sentences import read_redline

def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "petrarch"
    if suffix == ".jsonl":
        return "redline"
    if suffix == ".json":
        return "plover"
    raise InputError(f"{path}: cannot tell the gold format from the suffix {suffix!r}; pass --format")


def read_gold(path: str | Path, *, fmt: str | None = None) -> list[GoldRecord]:
    """Read a gold file. fmt: "plover", "petrarch" or "redline"; None guesses from the suffix."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown gold format {fmt!r} (known: {', '.join(FORMATS)})")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    reader = {"plover": read_plover, "petrarch": read_petrarch, "redline": read_redline}[fmt]
    records = reader(text, name=str(path))
    if not records:
        raise InputError(f"{path}: no gold records found (is it a {fmt} gold file?)")
    return unique_ids(records, strict=fmt == "redline", name=str(path))
