"""Documents -> plain row tuples for the store tables (no SQL, no I/O), and the event key.

The event key decides which coded mentions are the same real-world event:
PLOVER type + mode + factuality + date + the set of actor codes + the set of recipient codes.
An entity without a code stands for itself through its normalised text ("?protesters"), so two unresolved
groups are never merged with a resolved country. An undated event is keyed within its own article only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..plover import event_dict, quote_dict
from ..records import Article, Document, Entity, Event
from ..stages.clean import content_id


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


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """Every row one Document contributes, ready for `executemany`."""

    article: tuple
    mentions: list[tuple]
    actors: list[tuple]
    places: list[tuple]
    quotes: list[tuple]
    event_keys: dict[str, str]  # event id -> event key, for the events this document mentions

    def facts(self) -> list[MentionFacts]:
        """The mentions as the events aggregation reads them (with their article's date, outlet and tone)."""
        a = self.article
        return [MentionFacts(m[3], m[0], m[1], a[3], a[9], a[15], m[17], m[4], m[5], m[11], m[12], m[14], m[15],
                             m[7], m[9], m[8], m[10]) for m in self.mentions]


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


def now() -> dt.datetime:
    """UTC now without tzinfo (DuckDB TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def article_row(doc_or_article: Document | Article, *, run_id: str | None, duplicate_of: str | None,
                dup_kind: str | None) -> tuple:
    doc = doc_or_article if isinstance(doc_or_article, Document) else None
    a = doc.article if doc else doc_or_article
    removed = json.dumps([{"line": r.line, "text": r.text, "reason": r.reason} for r in a.removed],
                         ensure_ascii=False)
    return (
        a.id, content_id(a.text), a.title, a.published, doc.reference_date if doc else None,
        doc.reference_reason if doc else None, a.source, a.url, a.publisher, outlet(a), list(a.wires), removed,
        list(a.notes), a.language, a.text, doc.tone if doc else None, len(doc.sentences) if doc else None,
        list(doc.stages) if doc else [], list(doc.skipped) if doc else [], duplicate_of, dup_kind, run_id, now(),
    )


def _entity_rows(article_id: str, seq: int, ev_id: str, role: str, ents: tuple[Entity, ...]) -> list[tuple]:
    return [
        (article_id, seq, role, pos, ev_id, e.entity_text, e.code, e.sector, list(e.sectors), e.identifier_text,
         e.identifier_id, e.office, e.reason, e.entry)
        for pos, e in enumerate(ents)
    ]


def _speaker_name(q) -> str | None:
    if q.speaker is not None:
        return q.speaker.identifier_text or q.speaker.entity_text
    return q.speaker_text


def document_rows(doc: Document, *, run_id: str | None, duplicate_of: str | None = None,
                  dup_kind: str | None = None) -> DocumentRows:
    """All rows for one coded Document."""
    aid = doc.article.id
    paragraph = {s.index: s.paragraph for s in doc.sentences}
    mentions, actors, keys = [], [], {}
    for seq, ev in enumerate(doc.events):
        key = event_key(ev)
        ev_id = event_id(key)
        keys[ev_id] = key
        ti = ev.text_info
        plover = json.dumps(event_dict(ev), ensure_ascii=False, default=str)
        mentions.append((
            aid, seq, ev.id, ev_id, ev.event, ev.mode, list(ev.context), ev.cameo, ev.goldstein, ev.quad_code,
            ev.event_scale, str(ev.factuality), ev.date, ev.enddate, codes(ev.actor), codes(ev.recipient),
            ti.sentence, paragraph.get(ti.sentence), ti.start, ti.end, ti.trigger_start, ti.trigger_end,
            ev.event_text, ev.text, ev.rule, ev.confidence, ev.quote_id, plover, run_id,
        ))
        actors += _entity_rows(aid, seq, ev_id, "actor", ev.actor)
        actors += _entity_rows(aid, seq, ev_id, "recipient", ev.recipient)
        actors += _entity_rows(aid, seq, ev_id, "claim_source", ev.claim_source)
    places = [
        (aid, seq, p.name, p.country_code, p.admin1, p.lat, p.lon, p.feature_type, p.precision, p.geonameid,
         p.text, p.sentence, p.start, p.end, p.reason)
        for seq, p in enumerate(doc.places)
    ]
    quotes = [
        (aid, seq, q.id, q.text, q.direct, q.speaker.code if q.speaker else None, _speaker_name(q),
         q.speaker_text, q.date, json.dumps(quote_dict(q), ensure_ascii=False, default=str))
        for seq, q in enumerate(doc.quotes)
    ]
    art = article_row(doc, run_id=run_id, duplicate_of=duplicate_of, dup_kind=dup_kind)
    return DocumentRows(art, mentions, actors, places, quotes, keys)
