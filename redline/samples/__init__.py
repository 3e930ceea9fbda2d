"""Bundled sample articles for `redline demo`: short wire stories written for redline, boilerplate and all.

Each file is raw text as a wire page would give it (dateline, "SEE ALSO" cross-links, wire credits, a
copyright line, newsletter prompts), so the demo shows cleaning as well as coding. Between them they cover
all 16 PLOVER event types.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..records import Article
from ..stages.clean import clean_text


def sample_paths() -> list[Path]:
    """The sample article files, in name order."""
    folder = Path(str(resources.files("redline.samples")))
    return sorted(folder.glob("*.txt"))


def load_samples() -> list[Article]:
    """Every sample, read and cleaned (source "sample:<file name>")."""
    return [clean_text(p.read_text(encoding="utf-8"), source=f"sample:{p.name}") for p in sample_paths()]
