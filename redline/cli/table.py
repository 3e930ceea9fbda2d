"""A plain text table for the terminal: rich's look (heavy header, light rules), none of its start-up cost.

Importing and rendering with rich took about a third of `redline events`' wall time; this renders the same
boxes with the standard library. Cells are folded (words wrapped, over-long words cut) to fit the width;
wide East Asian characters count as two columns and combining marks as none, as a terminal shows them.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Sequence

MIN_WIDTH = 120  # the narrowest table width (a wider terminal gets a wider table)
_MIN_COLUMN = 4


def render(header: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None,
           width: int | None = None) -> str:
    """The table as text, ending in a newline. width: total columns (default: the terminal's, at least 120)."""
    width = width or max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)
    columns = range(len(header))
    widths = _fit([max([cell_len(header[i])] + [_longest_line(r[i]) for r in rows]) for i in columns],
                  width - 3 * len(header) - 1,
                  words=[max([_longest_word(r[i]) for r in rows], default=0) for i in columns])
    out = []
    if title:
        total = sum(widths) + 3 * len(widths) + 1
        out.append(title.center(total).rstrip())
    out.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
    out += _lines(header, widths, "┃")
    out.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for r in rows:
        out += _lines(r, widths, "│")
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"


def cell_len(text: str) -> int:
    """Terminal columns of `text`."""
    n = 0
    for ch in text:
        if ch.isascii():
            n += ch >= " "
        elif unicodedata.combining(ch):
            continue
        else:
            n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def fold(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns: words wrapped, words longer than a line cut; line breaks kept."""
    out: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0
        for word in para.split():
            w = cell_len(word)
            if line and used + 1 + w <= width:
                line, used = f"{line} {word}", used + 1 + w
                continue
            if line:
                out.append(line)
                line, used = "", 0
            while w > width:  # cut a word longer than the line
                part, taken = _prefix(word, width)
                out.append(part)
                word, w = word[len(part):], w - taken
            line, used = word, w
        out.append(line)
    return out


def _prefix(word: str, width: int) -> tuple[str, int]:
    taken = 0
    for i, ch in enumerate(word):
        c = cell_len(ch)
        if taken + c > width and i:
            return word[:i], taken
        taken += c
    return word, taken


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def _fit(widths: list[int], room: int, floors: list[int] | None = None, words: list[int] | None = None) -> list[int]:
    """Narrow the widest columns first until the columns fit in `room` (never below `floors`, by default a few
    characters). words: each column's longest word, kept whole while the others can give way."""
    widths = [max(1, w) for w in widths]
    if words is not None:  # first narrow down to each column's longest word, then below it if still too wide
        widths = _fit(widths, room, [min(w, max(n, _MIN_COLUMN)) for w, n in zip(widths, words, strict=True)])
    floor = floors or [min(w, _MIN_COLUMN) for w in widths]
    excess = sum(widths) - max(room, sum(floor))
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        top = max(widths[i] for i in shrinkable)
        widest = [i for i in shrinkable if widths[i] == top]
        lower = max([widths[i] for i in shrinkable if widths[i] < top] + [max(floor[i] for i in widest)])
        step = max(1, min(top - lower, -(-excess // len(widest))))
        for i in widest:
            cut = min(step, widths[i] - floor[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths


def _lines(cells: Sequence[str], widths: list[int], bar: str) -> list[str]:
    folded = [fold(c, w) for c, w in zip(cells, widths, strict=True)]
    height = max(len(f) for f in folded)
    return [bar + bar.join(f" {_pad(f[k] if k < len(f) else '', w)} " for f, w in zip(folded, widths, strict=True)) + bar
            for k in range(height)]


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))
