"""Datelines: "BAGHDAD (Reuters) -", "Washington (CNN) --", "KYIV, Ukraine, Feb. 3 (AP) —" opening a paragraph.

A dateline says where a report was filed and which agency filed it. Neither is a party to what the sentence
reports, though the parser often makes the place the subject of the sentence's verb ("MOSCOW (Reuters) - The
Kremlin condemned ...": MOSCOW nsubj). The actors stage makes no mention of its tokens (its place still counts
as a place named by the article) and the coder reads the sentence with them detached (`detached`).

Pure functions of one sentence's text and tokens.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..records import Document, Sentence, Token

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE = r"[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}"
# A dateline opening a paragraph: "BAGHDAD (Reuters) -", "Washington (CNN) --", "KYIV, Ukraine, Feb. 3 (AP) —",
# "ASPEN, Colo. -": the place the report was filed from, a news agency, a dash.
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:,\s*{_PLACE})?"
    rf"(?P<date>,\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
    rf"(?:,?\s+\d{{4}})?)?\s*(?P<agency>\([A-Z][A-Za-z.&' /-]{{0,30}}\))?\s*(?:--|[-—–])(?=\s|$)")


def dateline_end(text: str, toks: Sequence[Token], offset: int) -> int:
    """The number of tokens a dateline takes at the start of a paragraph's first sentence (0 when there is none).
    text: the sentence; offset: its character offset in the article (tokens' idx). A dateline says where a report
    was filed; its place and agency are no party to what the sentence reports. Its form: a place, optionally a
    region and a date, optionally an agency in brackets, then a dash; the place is a place name to the parser
    (or in capitals, before an agency or a date or untagged), and an agency or a date or capitals must mark it
    ("Russia -- which ..." and "NATO - the alliance -" are no datelines)."""
    m = DATELINE_RE.match(text)
    if m is None or not toks:
        return 0
    place = m.group("place")
    caps = sum(c.isupper() for c in place) >= 3 and not any(c.islower() for c in place)
    if not (caps or m.group("agency") or m.group("date")):
        return 0
    named = m.group("agency") or m.group("date") or not toks[0].ent_type
    if toks[0].ent_type not in ("GPE", "LOC", "FAC") and not (caps and named):
        return 0  # "Putin (Reuters) -", "NATO - the alliance -" (an organisation to the parser): no place opens it
    end = offset + m.end()
    return sum(1 for t in toks if t.idx < end)


def lead_sentence(doc: Document, sent: Sentence) -> bool:
    """Whether sent opens its paragraph (only there may a dateline stand)."""
    i = sent.index
    return i == 0 or (i < len(doc.sentences) and doc.sentences[i - 1].paragraph != sent.paragraph)


def detached(tokens: tuple[Token, ...], n: int) -> tuple[Token, ...]:
    """The tokens with the first n (a dateline) given no grammatical role: their relation becomes "dep", so no
    verb takes the dateline's place or agency as its subject or object. The phrase the parser hung on the
    dateline's place as an apposition ("BAGHDAD (Reuters) - Iraqi Prime Minister X condemned": X appos of
    BAGHDAD, BAGHDAD nsubj) is the sentence's own phrase: it takes the place's relation and head."""
    if n <= 0:
        return tokens
    out = list(tokens)
    for t in tokens[:n]:
        if n <= t.head < len(tokens) or t.head == t.i:  # the dateline's own head, hung on the sentence (or root)
            heir = next((u for u in tokens[n:] if u.head == t.i and u.dep == "appos"), None)
            if heir is not None:
                out[heir.i] = dataclasses.replace(heir, dep=t.dep, head=heir.i if t.head == t.i else t.head)
        out[t.i] = dataclasses.replace(t, dep="dep")
    return tuple(out)
