"""Documents -> plain row tuples for the store tables (no SQL, no I/O), and the event key.

The event key decides which coded mentions are the same real-world event:
PLOVER type + mode + factuality + date + the set of actor codes + the set of recipient codes.
An entity without a code stands for itself through its normalised text ("?protesters"), so two unresolved
groups are never merged with a resolved country. An undated event is keyed within its own article only.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..hashing import content_id
from ..plover import entity_dict, event_dict, quote_dict
from ..red_lines import speaks_of_red_line

if TYPE_CHECKING:  # the read path (redline events) need not build the record classes
    from ..records import Article, Document, Entity, Event


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What the events aggregation needs of one mention and its article."""

    event_id: str
    article_id: str
    seq: int
    published: dt.date | None
    outlet: str
    tone: float | None
    paragraph: int | None
    event: str
    mode: str | None
    factuality: str
    date: dt.date | None
    actor_codes: list
    recipient_codes: list
    cameo: str
    quad_code: int | None
    goldstein: float | None
    event_scale: float | None
    n: int  # the mention's serial number in the store
    date_precision: str | None  # day, month, year (unknown: no date)
    article_day: dt.date | None  # the article's reference date, else its publication date


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """Every row one Document contributes, ready for `executemany`."""

    article: tuple
    mentions: list[tuple]  # MENTION_COLUMNS; the store puts each mention's serial number `n` before them
    places: list[tuple]
    quotes: list[tuple]  # QUOTE_COLUMNS
    event_keys: dict[str, str]  # event id -> event key, for the events this document mentions

    def facts(self, serials: list[int]) -> list[MentionFacts]:
        """The mentions as the events aggregation reads them, with their serial numbers (given by the store)
        and their article's date, outlet and tone."""
        a = dict(zip(ARTICLE_COLUMNS, self.article, strict=True))
        out = []
        for n, row in zip(serials, self.mentions, strict=True):
            m = dict(zip(MENTION_COLUMNS, row, strict=True))
            out.append(MentionFacts(m["event_id"], m["article_id"], m["seq"], a["published"], a["outlet"], a["tone"],
                                    m["paragraph"], m["event"], m["mode"], m["factuality"], m["date"],
                                    m["actor_codes"], m["recipient_codes"], m["cameo"], m["quad_code"],
                                    m["goldstein"], m["event_scale"], n, m["date_precision"],
                                    a["reference_date"] or a["published"]))
        return out


def _entity_key(e: Entity) -> str:
    return e.code or "?" + " ".join(e.entity_text.lower().split())


def event_key(ev: Event) -> str:
    """The key that merges mentions of one real-world event across articles (see module docstring)."""
    date = ev.date.isoformat() if ev.date else f"undated@{ev.article_id}"
    actors = "+".join(sorted({_entity_key(e) for e in ev.actor}))
    recipients = "+".join(sorted({_entity_key(e) for e in ev.recipient}))
    return "|".join([ev.event, ev.mode or "", str(ev.factuality), date, actors, recipients])


def event_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def codes(entities: tuple[Entity, ...]) -> list[str]:
    """Distinct resolved codes of a list of entities, in order."""
    return list(dict.fromkeys(e.code for e in entities if e.code))


def outlet(article: Article) -> str:
    """Who published the article, for `num_sources`: publisher, else URL host, else the article itself."""
    if article.publisher:
        return article.publisher.strip().lower()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"article:{article.id}"


ARTICLE_COLUMNS = ("id", "content_hash", "title", "published", "reference_date", "reference_reason", "source", "url",
                   "publisher", "outlet", "wires", "removed", "notes", "language", "body", "tone", "sentence_count",
                   "stages", "skipped", "duplicate_of", "dup_kind", "run_id", "added", "first_n", "last_n")


def pack_text(text: str) -> bytes:
    """An article's body as stored: UTF-8, zlib-compressed on its own (2.2x on news text; one article is read
    without touching its neighbours, which DuckDB's block-wise zstd cannot do)."""
    return zlib.compress(text.encode("utf-8"), 6)


def unpack_text(data: bytes | None) -> str | None:
    return zlib.decompress(data).decode("utf-8") if data is not None else None


def unpack_prefix(data: bytes, chars: int) -> str:
    """The first `chars` characters of a stored body (all of it when shorter), decompressing only as far as they
    reach: a sentence early in a long article costs a fraction of the whole text. Equals
    unpack_text(data)[:chars] (UTF-8 decoded incrementally, so a character split between chunks is kept whole)."""
    inflate, decode = zlib.decompressobj(), codecs.getincrementaldecoder("utf-8")()
    parts: list[str] = []
    have, rest = 0, data
    while have < chars:
        chunk = inflate.decompress(rest, max(chars - have, 0) + 1024)  # one character is at least one byte
        rest = inflate.unconsumed_tail
        if not chunk and (inflate.eof or not rest):
            parts.append(decode.decode(inflate.flush(), final=True))
            break
        text = decode.decode(chunk)
        parts.append(text)
        have += len(text)
    return "".join(parts)[:chars]


def now() -> dt.datetime:
    """UTC now without tzinfo (DuckDB TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def article_row(doc_or_article: Document | Article, *, run_id: str | None, duplicate_of: str | None,
                dup_kind: str | None) -> tuple:
    doc = doc_or_article if hasattr(doc_or_article, "article") else None  # a Document, or an Article
    a = doc.article if doc else doc_or_article
    removed = json.dumps([{"line": r.line, "text": r.text, "reason": r.reason} for r in a.removed],
                         ensure_ascii=False)
    return (
        a.id, content_id(a.text), a.title, a.published, doc.reference_date if doc else None,
        doc.reference_reason if doc else None, a.source, a.url, a.publisher, outlet(a), list(a.wires), removed,
        list(a.notes), a.language, pack_text(a.text), doc.tone if doc else None, len(doc.sentences) if doc else None,
        list(doc.stages) if doc else [], list(doc.skipped) if doc else [], duplicate_of, dup_kind, run_id, now(),
        None, None,  # first_n, last_n: the serials of its mentions, given by the store
    )


# event_dict keys kept in their own columns of event_mentions; any other key (one added later to the PLOVER
# record) is kept in the row's `extra` JSON, so nothing the record carries is lost.
_EVENT_KEYS = ("id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc",
               "quad_code", "event_scale", "text", "text_info", "cameo", "goldstein", "factuality",
               "factuality_reason", "date_precision", "date_source", "date_reason", "loc_reason", "claim_source",
               "article_id", "publication", "rule", "confidence", "coder")
_QUOTE_KEYS = ("id", "article_id", "text", "direct", "speaker", "speaker_text", "verb", "medium", "date", "sentence",
               "start", "end", "reason", "event_ids", "tone")
CODER = "redline"
MENTION_COLUMNS = (
    "article_id", "seq", "id", "event_id", "event", "mode", "context", "cameo", "goldstein", "quad_code",
    "event_scale", "factuality", "factuality_reason", "date", "enddate", "date_precision", "date_source",
    "date_reason", "actor_codes", "recipient_codes", "actor", "recipient", "claim_source", "event_loc", "loc_reason",
    "sentence", "paragraph", "start_char", "end_char", "trigger_start", "trigger_end", "event_text", "publication",
    "rule", "confidence", "quote_id", "red_line", "own_text", "extra", "run_id")
QUOTE_COLUMNS = ("article_id", "seq", "id", "direct", "speaker", "speaker_code", "speaker_name", "speaker_text", "verb",
                 "medium", "date", "sentence", "start_char", "end_char", "reason", "event_ids", "tone", "own_text",
                 "extra")


def entity_struct(e: Entity) -> dict:
    """An entity as stored (entity_dict's fields plus every sector and the knowledge-base entry)."""
    d = entity_dict(e)
    return {"entity_text": d["entity_text"], "code": d["code"], "sector": d["sector"], "sectors": list(e.sectors),
            "identifier_text": d["identifier_text"], "identifier_id": d["identifier_id"], "office": d["office"],
            "reason": d["reason"], "entry": e.entry}


def _entity_dict(s: dict) -> dict:
    return {"entity_text": s["entity_text"], "code": s["code"], "sector": s["sector"],
            "identifier_text": s["identifier_text"], "identifier_id": s["identifier_id"], "office": s["office"],
            "reason": s["reason"]}


def _extra(d: dict, known: tuple[str, ...]) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False, default=str) if rest else None


def red_line(text: str) -> bool:
    """Whether a sentence speaks of a "red line" (alerts read the flag stored with each mention); the same test as
    the coder's red-line rules (stages/redlines.py, through redline/red_lines.py)."""
    return speaks_of_red_line(text)


def _own_text(body: str, start: int | None, end: int | None, text: str) -> str | None:
    """None when the text is the body's span at these offsets (then it is not stored again), else the text."""
    if start is not None and end is not None and body[start:end] == text:
        return None
    return text


def _speaker_name(q) -> str | None:
    if q.speaker is not None:
        return q.speaker.identifier_text or q.speaker.entity_text
    return q.speaker_text


def document_rows(doc: Document, *, run_id: str | None, duplicate_of: str | None = None,
                  dup_kind: str | None = None) -> DocumentRows:
    """All rows for one coded Document (entities live in their mention's row; `actors` is a view of them)."""
    aid, body = doc.article.id, doc.article.text
    paragraph = {s.index: s.paragraph for s in doc.sentences}
    mentions, keys = [], {}
    for seq, ev in enumerate(doc.events):
        key = event_key(ev)
        ev_id = event_id(key)
        keys[ev_id] = key
        ti = ev.text_info
        d = event_dict(ev)
        mentions.append((
            aid, seq, ev.id, ev_id, ev.event, ev.mode, list(ev.context), ev.cameo, ev.goldstein, ev.quad_code,
            ev.event_scale, str(ev.factuality), d["factuality_reason"], ev.date, ev.enddate, d["date_precision"],
            d["date_source"], d["date_reason"], codes(ev.actor), codes(ev.recipient),
            [entity_struct(e) for e in ev.actor], [entity_struct(e) for e in ev.recipient],
            [entity_struct(e) for e in ev.claim_source], d["event_loc"], d["loc_reason"],
            ti.sentence, paragraph.get(ti.sentence), ti.start, ti.end, ti.trigger_start, ti.trigger_end,
            ev.event_text, d["publication"], ev.rule, ev.confidence, ev.quote_id, red_line(ev.text),
            _own_text(body, ti.start, ti.end, ev.text), _extra(d, _EVENT_KEYS), run_id,
        ))
    places = [
        (aid, seq, p.name, p.country_code, p.admin1, p.lat, p.lon, p.feature_type, p.precision, p.geonameid,
         p.text, p.sentence, p.start, p.end, p.reason)
        for seq, p in enumerate(doc.places)
    ]
    quotes = []
    for seq, q in enumerate(doc.quotes):
        d = quote_dict(q)
        quotes.append((aid, seq, q.id, q.direct, entity_struct(q.speaker) if q.speaker else None,
                       q.speaker.code if q.speaker else None, _speaker_name(q), q.speaker_text, q.verb, q.medium,
                       q.date, q.sentence, q.start, q.end, q.reason, list(q.event_ids), q.tone,
                       _own_text(body, q.start, q.end, q.text), _extra(d, _QUOTE_KEYS)))
    art = article_row(doc, run_id=run_id, duplicate_of=duplicate_of, dup_kind=dup_kind)
    return DocumentRows(art, mentions, places, quotes, keys)


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def mention_record(m: dict, body: str | None) -> dict:
    """A stored mention row (columns by name) and its article's text -> the PLOVER dict `plover.event_dict` gave.

    The sentence is the article's text at the mention's offsets, unless the row keeps its own text.
    """
    text = m["own_text"] if m.get("own_text") is not None else (body or "")[m["start_char"]:m["end_char"]]
    d = {
        "id": m["id"], "date": _iso(m["date"]), "enddate": _iso(m["enddate"]),
        "actor": [_entity_dict(e) for e in m["actor"] or []],
        "recipient": [_entity_dict(e) for e in m["recipient"] or []],
        "event": [m["event"]], "mode": [m["mode"]] if m["mode"] else [], "context": list(m["context"] or []),
        "event_text": m["event_text"], "event_loc": dict(m["event_loc"]) if m["event_loc"] else None,
        "quad_code": m["quad_code"], "event_scale": m["event_scale"], "text": text,
        "text_info": {"sentence": m["sentence"], "start": m["start_char"], "end": m["end_char"],
                      "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"]},
        "cameo": m["cameo"], "goldstein": m["goldstein"], "factuality": m["factuality"],
        "factuality_reason": m["factuality_reason"], "date_precision": m["date_precision"],
        "date_source": m["date_source"], "date_reason": m["date_reason"], "loc_reason": m["loc_reason"],
        "claim_source": [_entity_dict(e) for e in m["claim_source"] or []], "article_id": m["article_id"],
        "publication": m["publication"], "rule": m["rule"], "confidence": m["confidence"], "coder": CODER,
    }
    if m.get("extra"):
        d.update(json.loads(m["extra"]))
    return d


def quote_record(q: dict, body: str | None) -> dict:
    """A stored quote row (columns by name) and its article's text -> the dict `plover.quote_dict` gave."""
    text = q["own_text"] if q.get("own_text") is not None else (body or "")[q["start_char"]:q["end_char"]]
    d = {
        "id": q["id"], "article_id": q["article_id"], "text": text, "direct": q["direct"],
        "speaker": _entity_dict(q["speaker"]) if q["speaker"] else None, "speaker_text": q["speaker_text"],
        "verb": q["verb"], "medium": q["medium"], "date": _iso(q["date"]), "sentence": q["sentence"],
        "start": q["start_char"], "end": q["end_char"], "reason": q["reason"], "event_ids": list(q["event_ids"] or []),
        "tone": q["tone"],
    }
    if q.get("extra"):
        d.update(json.loads(q["extra"]))
    return d
