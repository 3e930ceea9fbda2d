"""coding: sentences + actor mentions -> PLOVER events with CAMEO codes, scores, factuality and provenance.

For each sentence the rule families propose frames (`frames` runs them all: `verbs`, `nominal`, `speech` over
the `tree`); the `Coder` resolves their argument nodes to actor mentions (`arguments`, `recipients`),
decides `factuality`, fills the scores from the ontology, and records why a frame was dropped in
Document.skipped. No lexicon match means no event: there is no fallback code.
"""

from __future__ import annotations

import dataclasses
import logging

from ...knowledge.lexicon import load_lexicon
from ...knowledge.ontology import load_ontology
from ...pipeline import Context, stage
from ...records import Document, Event, Mention
from .coder import Coder, event_id

log = logging.getLogger(__name__)


def load_coder(ctx: Context) -> Coder:
    def build() -> Coder:
        resolve_text = None
        try:
            from ...knowledge.actors import load_knowledge

            resolve_text = getattr(load_knowledge(ctx), "resolve", None)
        except ImportError:  # the actor knowledge base is optional for coding
            log.warning("actor knowledge base unavailable: argument modifiers are not resolved")
        place_country = None
        try:
            from ...knowledge.gazetteer import load_gazetteer

            gazetteer = load_gazetteer(ctx)

            def place_country(text: str) -> tuple[str | None, str]:
                entry, why = gazetteer.resolve(text)
                return (entry.country_code if entry else None), why
        except ImportError:  # the gazetteer is optional for coding
            log.warning("gazetteer unavailable: places of unnamed targets are not resolved")
        return Coder(load_ontology(), load_lexicon(ctx.lexicon_file), resolve_text, place_country)

    return ctx.resource("coder", build)


@stage("coding", requires=("sentences", "mentions"), provides=("events",))
def code_events(doc: Document, ctx: Context) -> Document:
    """Sentences + mentions -> events. Requires: sentences, mentions. Provides: events."""
    coder = load_coder(ctx)
    max_tokens = int(ctx.settings["max_sentence_tokens"])
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    events: list[Event] = []
    skipped: list[str] = []
    coder.date = doc.reference_date or doc.article.published
    for sent in doc.sentences:
        evs, why = coder.code_sentence(doc, sent, by_sentence.get(sent.index, []), max_tokens)
        events.extend(evs)
        skipped.extend(why)
    return dataclasses.replace(doc, events=tuple(events), skipped=doc.skipped + tuple(skipped))

__all__ = ["Coder", "code_events", "event_id", "load_coder"]
