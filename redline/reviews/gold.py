"""Reviews as gold data: `redline reviews export` writes them in a format `redline eval` reads.

Two formats, both existing `redline eval` formats (docs/evaluation.md):

- `realnews` (default): the real-article gold format (docs/annotation.md), one line per sentence with its
  span and hash in the article text, plus a corpus file of the reviewed articles' stored text next to it
  (`<out>.articles.jsonl`). `redline eval OUT --format realnews --corpus OUT.articles.jsonl` codes whole
  articles, as ingest did, so a confirmed event comes out exactly as it was reviewed.
- `redline`: the sentence gold format, one self-contained file; each sentence is coded alone, so an event
  that needs the article around it ("he", "the two presidents") may not come out the same.

A sentence is exported only when every event coded in it has a review: gold lists all the events of its
sentences, and an unreviewed event would count as a false positive. Rejected events make no gold event (a
sentence whose events were all rejected is a no-event sentence). What is left out is listed with its reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..exports import write_jsonl_file

FORMATS = ("realnews", "redline")


@dataclass(frozen=True, slots=True)
class GoldExport:
    """What `export_gold` wrote: files, counts, and what it left out (each {"article", "sentence", "reason"})."""

    path: str
    corpus_path: str | None
    fmt: str
    sentences: int
    events: int
    reviews: int
    articles: int
    left_out: list[dict] = field(default_factory=list)

    @property
    def eval_command(self) -> str:
        if self.fmt == "realnews":
            return f"redline eval {self.path} --format realnews --corpus {self.corpus_path}"
        return f"redline eval {self.path} --format redline"


def export_gold(store, out: str | os.PathLike, *, fmt: str = "realnews", reviewer: str | None = None,
                reserved: set[str] | None = None) -> GoldExport:
    """Write the current reviews of the store as gold to `out` (and its corpus file for realnews).

    reviewer: only sentences all of whose reviews are by this reviewer. reserved: article ids never to
    export (e.g. a held-out list); their sentences are left out with that reason.
    """
    from ..evaluate.corpus import text_hash
    from ..evaluate.realnews import SECTORS, known_codes

    if fmt not in FORMATS:
        raise UsageError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    reviews = {r["event_id"]: r for r in store.reviews(limit=None, orphaned=False)}
    if not reviews:
        raise UsageError(f"no reviews in {store.path} to export (review events with `redline review`)")
    sentences = store.reviewed_sentences(sorted(reviews))
    lines, articles, left_out, used = [], {}, [], set()  # articles: id -> a mention carrying the article
    for (aid, n), mentions in sentences.items():
        where = {"article": aid, "sentence": n}
        if reserved and aid in reserved:
            left_out.append({**where, "reason": "the article is reserved for held-out evaluation"})
            continue
        missing = sorted({m["event_id"] for m in mentions if m["event_id"] not in reviews})
        if missing:
            left_out.append({**where, "reason": f"{len(missing)} event(s) coded in the sentence have no review "
                                                f"({', '.join(missing[:5])}); review them to export it"})
            continue
        revs = [reviews[m["event_id"]] for m in mentions]
        if reviewer and any(r["reviewer"] != reviewer for r in revs):
            left_out.append({**where, "reason": f"reviewed (partly) by someone other than {reviewer}"})
            continue
        events, problem = [], None
        for m, r in zip(mentions, revs, strict=True):
            if r["verdict"] == "rejected":
                continue
            ev, problem = _gold_event(m, r, codes=known_codes(), sectors=SECTORS)
            if problem:
                break
            events.append(ev)
        if problem:
            left_out.append({**where, "reason": problem})
            continue
        first = mentions[0]
        annotator = ",".join(sorted({r["reviewer"] for r in revs}))
        text = first["article_text"][first["start"]:first["end"]]
        if fmt == "realnews":
            lines.append({"article": aid, "n": n, "start": first["start"], "end": first["end"],
                          "sha": text_hash(text), "events": events, "tags": [], "annotator": annotator})
        else:
            published = first["reference_date"] or first["published"]
            lines.append({"id": f"{aid}#{n}", "text": " ".join(text.split()), "published": published,
                          "events": [_sentence_event(e) for e in events], "tags": ["review"]})
        articles[aid] = first
        used.update(r["id"] for r in revs)
    if not lines:
        reasons = "; ".join(sorted({x["reason"] for x in left_out})[:3])
        raise UsageError(f"no sentence could be exported ({len(left_out)} left out: {reasons})")
    path = Path(out)
    corpus = path.with_name(path.name + ".articles.jsonl") if fmt == "realnews" else None
    write_jsonl_file(path, lines)
    if corpus is not None:
        write_jsonl_file(corpus, ({"id": aid, "text": a["article_text"], "date": a["published"], "title": a["title"],
                               "source": a["source"]} for aid, a in sorted(articles.items())))
    return GoldExport(str(path), str(corpus) if corpus else None, fmt, len(lines),
                      sum(len(x["events"]) for x in lines), len(used), len(articles), left_out)


def _party(entities: list[dict], i: int, p: dict) -> dict:
    """A gold party: the mention's own words for it when it has a party at that place, else the code."""
    text = entities[i].get("entity_text") if i < len(entities) else None
    return {"text": text or p["code"] or p["sector"], "code": p["code"], "sector": p["sector"]}


def _gold_event(mention: dict[str, Any], review: dict[str, Any], *, codes, sectors) -> tuple[dict | None, str | None]:
    """The realnews gold event of one reviewed mention, or why it cannot be written in that format."""
    plover = mention["plover"]
    out = {"event": review["event"], "mode": review["mode"], "trigger": plover.get("event_text"),
           "actor": [_party(plover.get("actor") or [], i, p) for i, p in enumerate(review["actor"])],
           "recipient": [_party(plover.get("recipient") or [], i, p) for i, p in enumerate(review["recipient"])],
           "factuality": review["factuality"], "date": review["date"],
           "date_precision": (review["date_precision"] or "day") if review["date"] else "unknown",
           "place": ({"text": review["place"].get("text") or review["place"]["name"],
                      "country": review["place"].get("country_code")} if review["place"] else None)}
    if not out["actor"]:
        return None, f"event {review['event_id']}: no actor (the gold format needs one)"
    for side in ("actor", "recipient"):
        for p in out[side]:
            if p["code"] is not None and p["code"] not in codes:
                return None, (f"event {review['event_id']}: {side} code {p['code']!r} is not a code the gold "
                              "format knows (ISO alpha-3, an igos.csv code, IMG, NGO, IGO, MNC, ISM)")
            if p["sector"] is not None and p["sector"] not in sectors:
                return None, f"event {review['event_id']}: {side} sector {p['sector']!r} is not a gold sector"
    if out["place"] and out["place"]["country"] and out["place"]["country"] not in codes:
        return None, f"event {review['event_id']}: place country {out['place']['country']!r} is not ISO alpha-3"
    return out, None


def _sentence_event(e: dict) -> dict:
    """A realnews gold event in the sentence format (no date, place or trigger there)."""
    return {k: e[k] for k in ("event", "mode", "actor", "recipient", "factuality")}

