"""Whether a sentence speaks of a "red line": one test for the coder (stages/redlines.py) and the store's red-line
flag (store/rows.py), in a module that imports only `re`, so a store query loads no pipeline."""

from __future__ import annotations

import re

# "red line", "red lines", "red-line", "redline" as whole words (ASCII word boundaries, as DuckDB's regexp)
_RED_LINE = re.compile(r"\bred[- ]?lines?\b", re.ASCII)


def speaks_of_red_line(text: str) -> bool:
    """Whether a sentence speaks of a "red line" ("red lines", "red-line", "redline")."""
    return bool(_RED_LINE.search(text.lower()))
