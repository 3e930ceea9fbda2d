"""The Python API for quotes: query the store, or find the quotes of one text. Nothing here sees CLI objects."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from .errors import UsageError
from .records import Quote


def quotes_from_store(
    db: str | os.PathLike = "redline.duckdb",
    *,
    speaker: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    contains: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored statements, newest first, as quote_dict rows plus the article's title, url, publication date and
    outlet. A direct quote that is a fragment of a reported statement is folded into it (see fold_fragments).

    speaker: an actor code (RUS) or part of a speaker's name ("Peskov"); since/until: YYYY-MM-DD bounds on the
    quote date (the article's reference date when the quote has none); contains: text the quote must contain.
    """
    from .store import Store

    if since and until and str(since) > str(until):
        raise UsageError(f"since {since} is after until {until}")
    with Store(db, read_only=True) as store:
        return fold_fragments(store.quotes(speaker=speaker, since=since, until=until, contains=contains,
                                           limit=limit))


def fold_fragments(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per statement: a direct quote lying inside an indirect statement of the same article ("Peskov said
    the plan 'raises our concerns.'") is the statement's quoted wording, not a second statement. It is dropped
    and its text listed in the statement's `fragments`; `direct` of such a statement is "partly".
    """
    statements: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if not r.get("direct"):
            statements.setdefault(r["article_id"], []).append(r)
    out = []
    for r in rows:
        if r.get("direct"):
            host = next((s for s in statements.get(r["article_id"], [])
                         if s["start"] <= r["start"] and r["end"] <= s["end"]), None)
            if host is not None:
                host.setdefault("fragments", []).append(r["text"])
                host["direct"] = "partly"
                continue
        out.append(r)
    return out


def quotes_of_text(text: str, *, published: dt.date | str | None = None, pipeline=None) -> list[Quote]:
    """The quotes (direct and indirect, with speakers and tone) of one raw article text."""
    from .api import extract_document

    return list(extract_document(text, published=published, pipeline=pipeline).quotes)


def quote_row(d: dict[str, Any]) -> dict[str, Any]:
    """A flat row for table and csv output: the speaker's code and name beside its surface text."""
    sp = d.get("speaker") or {}
    return {
        "date": d.get("date") or d.get("article_published"),
        "speaker_code": sp.get("code"),
        "speaker": sp.get("identifier_text") or d.get("speaker_text"),
        "verb": d.get("verb"),
        "direct": d.get("direct"),
        "text": d.get("text"),
        "medium": d.get("medium"),
        "tone": None if d.get("tone") is None else round(d["tone"], 1),
        "outlet": d.get("outlet"),
        "article": d.get("article_title") or d.get("article_id"),
        "reason": d.get("reason"),
        "id": d.get("id"),
    }
