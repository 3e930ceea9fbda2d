"""Quotation marks: pair the marks of one paragraph into quote spans (straight, curly, low and guillemets).

An apostrophe between letters is never a mark, nor is one before an elision ('90s, 'em); a stray closing single
mark is a plural possessive. Unbalanced marks never raise: the span carries a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted text in the body: [start, end) is the text inside the marks (trimmed), open/close the marks.

    continues: the quote is still open at the paragraph end and the next paragraph reopens it (news style).
    """

    start: int
    end: int
    open: int
    close: int | None
    reason: str = ""
    continues: bool = False


_DOUBLE, _SINGLE, _GUILLEMET = '"', "'", "«"
_MARK_RE = re.compile("[\"'‘’“”„«»]")
_LEFT_CONTEXT = frozenset("([{—–-/\u00a0\"'“‘«„")
_RIGHT_CONTEXT = frozenset(".,;:!?)]}—–-…\"'”’»")
_ELISION = re.compile(r"(?:\d\d?s?\b|em\b|n\b|n'|til\b|tis\b|twas\b|cause\b|bout\b)", re.IGNORECASE)


def _mark(text: str, i: int) -> tuple[str | None, bool, bool]:
    """(family, can open, can close) of the character at i; family None when it is no quotation mark."""
    c = text[i]
    if c in "“„":
        return _DOUBLE, True, False
    if c == "”":
        return _DOUBLE, False, True
    if c == "«":
        return _GUILLEMET, True, False
    if c == "»":
        return _GUILLEMET, False, True
    if c not in "\"'‘’":
        return None, False, False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c != '"' and prev.isalnum() and nxt.isalnum():
        return None, False, False  # apostrophe: Russia's, don't
    left = prev.isspace() or prev in _LEFT_CONTEXT
    right = nxt.isspace() or nxt in _RIGHT_CONTEXT
    can_open = left and not nxt.isspace()
    can_close = right and not prev.isspace()
    if c == '"':
        return _DOUBLE, can_open, can_close
    if can_open and _ELISION.match(text, i + 1):
        can_open = False  # '90s, 'em, rock 'n' roll
    if c == "‘":
        can_close = False
    return _SINGLE, can_open, can_close


def find_quote_spans(text: str, start: int, end: int, next_start: int | None = None) -> list[QuoteSpan]:
    """Outermost quotations in text[start:end] (one paragraph); nested quotes stay inside their outer quote.

    next_start: offset of the next paragraph, to recognise a quote that continues there.
    Unbalanced marks never raise: an unclosed quote runs to the paragraph end, a stray closing double mark
    starts at the paragraph start; both carry a reason. A stray closing single mark is an apostrophe
    (the states' leaders) and is ignored.
    """
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []
    nested_open = False
    for found in _MARK_RE.finditer(text, start, end):
        i = found.start()
        fam, can_open, can_close = _mark(text, i)
        if fam is None or not (can_open or can_close):
            continue
        families = [f for f, _ in stack]
        if can_close and fam in families:
            while stack[-1][0] != fam:
                stack.pop()
                nested_open = True
            _, o = stack.pop()
            if not stack:
                reason = "a nested quotation mark is never closed" if nested_open else ""
                _add_span(spans, text, o, i, reason)
                nested_open = False
            continue
        if can_open:
            stack.append((fam, i))
        elif can_close and fam != _SINGLE and not stack:
            _add_span(spans, text, start - 1, i,
                      "unbalanced: closing quotation mark with no opening mark; quote taken from the paragraph start")
    if stack:
        fam, o = stack[0]
        continues = next_start is not None and next_start < len(text) and _mark(text, next_start)[0] == fam \
            and _mark(text, next_start)[1]
        reason = ("multi-paragraph quote: continues in the next paragraph" if continues
                  else "unbalanced: opening quotation mark never closed; quote taken to the paragraph end")
        _add_span(spans, text, o, end, reason, continues=continues)
    return spans


def _add_span(spans: list[QuoteSpan], text: str, o: int, c: int, reason: str, *, continues: bool = False) -> None:
    a, b = o + 1, c
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    if b > a:
        spans.append(QuoteSpan(a, b, max(o, 0), c if c < len(text) and _mark(text, c)[0] else None, reason, continues))


# Double quotation marks as they stand in a sentence's text, and as tokens (the parser's PTB-style `` and '' too).
# The parity checks below are the cheap test the coding and dates stages use on one sentence, where the quotes
# stage's spans are not at hand: an odd number of marks before a point means the point is inside a quotation.
DOUBLE_MARKS = "\"“”"
DOUBLE_MARK_TOKENS = frozenset({'"', "“", "”", "``", "''"})


def double_marks(text: str) -> int:
    """How many double quotation marks the text has."""
    return sum(text.count(q) for q in DOUBLE_MARKS)


def open_after(text: str) -> bool:
    """True when a double quotation is left open at the end of the text (an odd number of marks)."""
    return double_marks(text) % 2 == 1


def inside_quotes(texts: Sequence[str], i: int) -> bool:
    """True when token i (of the token texts given) stands after an odd number of double-mark tokens."""
    return sum(t in DOUBLE_MARK_TOKENS for t in texts[:i]) % 2 == 1
