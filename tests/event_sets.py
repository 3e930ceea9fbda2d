"""The asserted events of a text as comparable sets, shared by the table tests of coding and actors."""

from __future__ import annotations


def coded(pipeline, text: str, published: str = "2023-05-10") -> set[tuple]:
    """(type, actor codes, recipient codes) of the asserted events of a text, codes sorted, '?' for no code."""
    from redline.api import extract

    return {(e["event"][0], tuple(sorted(a["code"] or "?" for a in e["actor"])),
             tuple(sorted({r["code"] or "?" for r in e["recipient"]})))
            for e in extract(text, published=published, pipeline=pipeline)}
