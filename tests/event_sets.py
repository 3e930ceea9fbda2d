"""The asserted events of a text as comparable sets, and its actor mentions, shared by the table tests of coding and
actors."""

from __future__ import annotations


def coded(pipeline, text: str, published: str = "2023-05-10") -> set[tuple]:
    """(type, actor codes, recipient codes) of the asserted events of a text, codes sorted, '?' for no code."""
    from redline.api import extract

    return {(e["event"][0], tuple(sorted(a["code"] or "?" for a in e["actor"])),
             tuple(sorted({r["code"] or "?" for r in e["recipient"]})))
            for e in extract(text, published=published, pipeline=pipeline)}


def mentions(pipeline, text: str, published: str = "2019-05-10") -> list[tuple[int, str, str | None]]:
    """(sentence, mention text, code) of every actor mention of a text."""
    from redline.api import extract_document

    doc = extract_document(text, published=published, pipeline=pipeline)
    return [(m.sentence, m.text, m.entity.code) for m in doc.mentions]


def codes_of(found, sentence: int, text: str) -> list[str | None]:
    """The codes of the mentions of `text` in that sentence (at least one must be there)."""
    hits = [c for s, t, c in found if s == sentence and t == text]
    assert hits, (text, found)
    return hits
