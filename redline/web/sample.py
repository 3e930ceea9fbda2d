"""Synthetic coded documents for the dashboard demo, the API benchmark and tests (no model, no corpus).

Sentences are generated from templates written here ("Russia shelled Ukraine in Donetsk."), so every event
has a real evidence sentence with trigger offsets, and scores come from the shipped ontology. Deterministic
for a given seed. Not a source of knowledge: it only exercises the store, the analysis and the web views.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, Entity, Event, Factuality, Place, Sentence, TextInfo
from ..records import Document as Doc

# (code, name in a sentence, sector)
ACTORS = (
    ("RUS", "Russia", "GOV"), ("UKR", "Ukraine", "GOV"), ("USA", "The United States", "GOV"),
    ("NATO", "NATO", "IGO"), ("BLR", "Belarus", "GOV"), ("DEU", "Germany", "GOV"), ("FRA", "France", "GOV"),
    ("POL", "Poland", "GOV"), ("CHN", "China", "GOV"), ("TUR", "Turkey", "GOV"),
)
# (name, ISO3, lat, lon): capitals and a few contested cities, coordinates rounded.
PLACES = (
    ("Kyiv", "UKR", 50.45, 30.52), ("Moscow", "RUS", 55.76, 37.62), ("Donetsk", "UKR", 48.0, 37.8),
    ("Brussels", "BEL", 50.85, 4.35), ("Washington", "USA", 38.9, -77.04), ("Warsaw", "POL", 52.23, 21.01),
    ("Minsk", "BLR", 53.9, 27.57), ("Berlin", "DEU", 52.52, 13.4), ("Paris", "FRA", 48.86, 2.35),
    ("Beijing", "CHN", 39.9, 116.4), ("Ankara", "TUR", 39.93, 32.85), ("Sevastopol", "UKR", 44.6, 33.52),
)
# PLOVER type -> the verb our templates use for it
VERBS = {
    "AGREE": "agreed to talks with", "CONSULT": "met with", "SUPPORT": "praised", "CONCEDE": "made concessions to",
    "COOPERATE": "signed a trade deal with", "AID": "sent aid to", "RETREAT": "withdrew troops from",
    "REQUEST": "called on", "ACCUSE": "accused", "REJECT": "rejected the proposal of", "THREATEN": "threatened",
    "PROTEST": "protested against", "SANCTION": "imposed sanctions on", "MOBILIZE": "massed troops near",
    "COERCE": "blockaded", "ASSAULT": "shelled",
}
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _event_kinds():
    from ..knowledge.ontology import load_ontology

    onto = load_ontology()
    out = {}
    for name in VERBS:
        cameo = sorted(onto.cameo_for(name))[0]
        out[name] = (onto.quad(name), onto.score(name), cameo, onto.goldstein(cameo))
    return out


def documents(n_articles: int, *, events_per_article: int = 8, seed: int = 7,
              start: dt.date = dt.date(2013, 6, 1), days: int = 1500,
              crisis: tuple[dt.date, dt.date] | None = (dt.date(2014, 2, 20), dt.date(2014, 9, 30))
              ) -> Iterator[Doc]:
    """`n_articles` synthetic coded Documents; in the `crisis` window Russia -> Ukraine turns to conflict."""
    rng = random.Random(seed)
    kinds = _event_kinds()
    coop = [k for k in VERBS if k not in CONFLICT]
    for a in range(n_articles):
        published = start + dt.timedelta(days=rng.randrange(days))
        in_crisis = crisis is not None and crisis[0] <= published <= crisis[1]
        parts, sentences, pending = [], [], []
        pos = 0
        for s in range(events_per_article):
            if in_crisis and rng.random() < 0.7:
                actor, recipient = ACTORS[0], ACTORS[1]
                kind = rng.choice(CONFLICT[2:])
            else:
                actor, recipient = rng.sample(ACTORS, 2)
                kind = rng.choice(coop if rng.random() < 0.6 else list(CONFLICT))
            place = rng.choice(PLACES)
            day = published - dt.timedelta(days=rng.randrange(3))
            verb = VERBS[kind]
            text = f"{actor[1]} {verb} {recipient[1]} in {place[0]} on {day:%B} {day.day}."
            trig = pos + len(actor[1]) + 1
            sentences.append(Sentence(index=s, paragraph=s // 2, start=pos, end=pos + len(text), text=text))
            pending.append((s, kind, actor, recipient, place, day, text, pos, trig, trig + len(verb.split()[0])))
            parts.append(text)
            pos += len(text) + 1
        body = " ".join(parts)
        art_id = f"sample-{seed}-{a:06d}"
        events = []
        for s, kind, actor, recipient, place, day, text, s_start, t0, t1 in pending:
            quad, score, cameo, goldstein = kinds[kind]
            fact = Factuality.ASSERTED if rng.random() < 0.9 else Factuality.FUTURE
            events.append(Event(
                id=f"{art_id}-e{s}", article_id=art_id, event=kind,
                actor=(Entity(actor[1], actor[0], actor[2]),), recipient=(Entity(recipient[1], recipient[0],
                                                                                 recipient[2]),),
                cameo=cameo, goldstein=goldstein, quad_code=quad, event_scale=score, factuality=fact, text=text,
                text_info=TextInfo(s, s_start, s_start + len(text), t0, t1), event_text=body[t0:t1],
                rule="sample", confidence=1.0, date=day,
                event_loc=Place(place[0], place[1], lat=place[2], lon=place[3], feature_type="city",
                                precision="city", text=place[0]),
            ))
        article = Article(id=art_id, text=body, title=f"Sample article {a}", published=published,
                          source="sample", publisher=f"sample outlet {a % 7}")
        yield Doc(article=article, sentences=tuple(sentences), events=tuple(events))


def make_document(article_id: str, published: dt.date, events: list[tuple], *, title: str | None = None,
                  publisher: str | None = None) -> Doc:
    """One hand-made coded Document: one sentence per event, offsets computed from the sentence.

    events: (date, PLOVER type, actor code, recipient code, sentence, trigger word[, factuality[, place]]);
    the actor and recipient entity_text are the codes unless the sentence names them as listed in ACTORS;
    place is (name, ISO3, lat, lon).
    """
    kinds = _event_kinds()
    names = {c: n for c, n, _ in ACTORS}
    parts, sentences, evs = [], [], []
    pos = 0
    for i, spec in enumerate(events):
        day, kind, actor, recipient, text, trigger = spec[:6]
        fact = Factuality(spec[6]) if len(spec) > 6 else Factuality.ASSERTED
        place = spec[7] if len(spec) > 7 else None
        t0 = pos + text.index(trigger)
        quad, score, cameo, goldstein = kinds[kind]

        sentences.append(Sentence(index=i, paragraph=i, start=pos, end=pos + len(text), text=text))
        evs.append(Event(
            id=f"{article_id}-e{i}", article_id=article_id, event=kind, actor=_entity(actor, text, names),
            recipient=_entity(recipient, text, names),
            cameo=cameo, goldstein=goldstein, quad_code=quad, event_scale=score, factuality=fact, text=text,
            text_info=TextInfo(i, pos, pos + len(text), t0, t0 + len(trigger)), event_text=trigger, rule="hand",
            confidence=1.0, date=day,
            event_loc=Place(place[0], place[1], lat=place[2], lon=place[3], text=place[0]) if place else None,
        ))
        parts.append(text)
        pos += len(text) + 1
    article = Article(id=article_id, text=" ".join(parts), title=title or article_id, published=published,
                      source="hand", publisher=publisher or "hand")
    return Doc(article=article, sentences=tuple(sentences), events=tuple(evs))


def with_one_event(doc: Doc, *, day: dt.date | None = None, kind: str = "ASSAULT") -> Doc:
    """`doc` with one hand-made event Russia -> Ukraine on `day`: a stand-in for the coder in tests."""
    sentence = "Russia shelled Ukraine."
    events = make_document(doc.article.id, day, [(day, kind, "RUS", "UKR", sentence, "shelled")]).events
    return dataclasses.replace(doc, events=events)


def _entity(code: str | None, text: str, names: dict[str, str]) -> tuple[Entity, ...]:
    if not code:
        return ()
    name = names.get(code, code)
    return (Entity(name if name in text else code, code, "GOV"),)


def write_documents(path: str | Path, docs) -> int:
    """Write Documents into the store at `path` (created when missing); return how many events were written."""
    from ..store import Store

    n = 0
    with Store(path) as store:
        run_id = store.begin_run("sample", [str(path)])
        for doc in docs:
            store.write_document(doc, run_id=run_id)
            n += len(doc.events)
        store.finish_run(run_id, counts={"events": n}, status="ok")
    return n


def build_store(path: str | Path, n_articles: int, **kwargs) -> int:
    """Write `n_articles` synthetic Documents into the store at `path`; return how many events were written."""
    return write_documents(path, documents(n_articles, **kwargs))
