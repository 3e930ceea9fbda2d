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
from ...records import Document, Entity, Event, Factuality, Mention, Sentence
from .arguments import FIRST_PERSON
from .authors import stem
from .coder import Coder, event_id
from .readings import comes_mention
from .vectors import GROUPS
from .veto import Veto, load_veto, split_vetoed

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


def load_veto_model(ctx: Context) -> Veto:
    """The shipped veto model (at the setting `veto_threshold` when given), or one that vetoes nothing when the
    setting `veto` is off (--no-veto)."""
    if not ctx.settings.get("veto", True):
        return Veto({})
    model = load_veto()
    if not ctx.settings.get("token_vectors") and any(k.startswith(GROUPS) for k in model.weights):
        ctx.resource("veto_vectors_warned", lambda: log.warning(
            "the veto's weights use the parser's token vectors but the setting token_vectors is off: "
            "it scores without them (set REDLINE_TOKEN_VECTORS=1)"))
    threshold = ctx.settings.get("veto_threshold")
    return model if threshold is None else dataclasses.replace(model, threshold=float(threshold))


@stage("coding", requires=("sentences", "mentions", "quotes"), provides=("events",))
def code_events(doc: Document, ctx: Context) -> Document:
    """Sentences + mentions (+ quote speakers) -> events. Requires: sentences, mentions, quotes. Provides: events."""
    coder = load_coder(ctx)
    max_tokens = int(ctx.settings["max_sentence_tokens"])
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    voices = QuoteVoices.of(doc)
    events: list[Event] = []
    skipped: list[str] = []
    coder.date = doc.reference_date or doc.article.published
    reported: set[tuple] = set()  # acts coded so far: a later nominal mention of one refers back to it
    done_by: set[tuple[str, str]] = set()  # (type, actor code) of the acts coded so far
    veto = load_veto_model(ctx)
    visits: dict[tuple[str, str], int] = {}  # (visitor, host) codes of the visits coded so far -> last sentence
    coder.recent_attackers = []
    for sent in doc.sentences:
        voices.apply(coder, sent.index)
        evs, why = coder.code_sentence(doc, sent, by_sentence.get(sent.index, []), max_tokens)
        evs, vetoed = split_vetoed(evs, sent, veto)
        why.extend(veto.reason(ev, sent) for ev in vetoed)
        for ev in evs:
            key = act_key(ev)
            # a mention in a phrase ("after Russia's annexation of Crimea") refers back to the same act told
            # earlier in any words ("Russia annexed Crimea")
            if ev.rule.startswith("nominal") and (key in reported or (
                    ev.rule.startswith(("nominal-possessor-mention", "nominal-possessor-object"))
                    and (key[0], "", *key[2:]) in reported)):
                why.append(f"sentence {sent.index}: {ev.rule} '{ev.event_text}': refers back to a {ev.event} "
                           "reported earlier in the article (not coded again)")
                continue
            by = {(ev.event, a.code) for a in ev.actor if a.code}
            if by & done_by and comes_mention(sent, ev):
                why.append(f"sentence {sent.index}: {ev.rule} '{ev.event_text}': the subject of 'comes' names a "
                           f"{ev.event} of its actor reported earlier in the article (a bare mention, not coded again)")
                continue
            if visit_told(ev, sent.index, visits):
                why.append(f"sentence {sent.index}: {ev.rule} '{ev.event_text}': talks held on a visit of the same "
                           "parties coded in this or the sentence before (one occasion, not coded again)")
                continue
            if ev.event == "CONSULT" and ev.mode == "visit":
                visits.update(((a.code, r.code), sent.index) for a in ev.actor for r in ev.recipient
                              if a.code and r.code)
            reported.update((key, (key[0], "", *key[2:])))
            done_by.update(by)
            events.append(ev)
        # what a definite attack noun in the next sentences may tell again (authors.retold_attackers)
        coder.recent_attackers.extend((sent.index, stem(ev.event_text or ""), tuple(a for a in ev.actor if a.code))
                                      for ev in evs if ev.event == "ASSAULT" and ev.factuality != Factuality.NEGATED
                                      and any(a.code for a in ev.actor))
        skipped.extend(why)
    voices.apply(coder, None)
    return dataclasses.replace(doc, events=tuple(events), skipped=doc.skipped + tuple(skipped))

def visit_told(ev: Event, index: int, visits: dict[tuple[str, str], int]) -> bool:
    """A meeting named in a phrase (encounters.py) between a visitor and its host, when the visit was coded in this
    sentence or the one before: "The Danish minister travelled to Nairobi on Monday. He pledged aid during talks with
    the Kenyan president" tells one occasion (seventeenth round, meetings)."""
    if ev.event != "CONSULT" or not ev.rule.startswith("meeting-phrase"):
        return False
    codes = {a.code for a in ev.actor if a.code}
    return any(v in codes and h in codes and v != h and index - visits[(v, h)] <= 1 for v, h in visits)


def headline_speaker(sent: Sentence, mentions: list[Mention]) -> Entity | None:
    """The speaker of a headline or lead written "Name: statement" ("McCain: U.S. should impose a no-fly zone"):
    a resolved person or body (a metonym such as "Kremlin" included, a bare country not: "Syria: 20 killed" is a
    topic) that is the whole text before a colon in the first five words."""
    colon = sent.text.find(":")
    before = sent.text[:colon].strip()
    if colon <= 0 or len(before.split()) > 5:
        return None
    for m in mentions:
        if m.entity.code and before.endswith(m.text) and before.startswith(m.text.split()[0]) and (
                m.entity.identifier_text or m.kind in ("metonym", "title", "surname")):
            return dataclasses.replace(m.entity, reason=f"{m.entity.reason}; speaker of the headline '{before}: ...'")
    return None


def act_key(ev: Event) -> tuple:
    """What makes two codings the same act for back-references: type, the parties on both sides, and the word
    that names it ("the summit" after "held their first summit"; "an agreement to return the ambassadors" is not
    the earlier "agreed to regular talks")."""
    return (ev.event, ev.event_text.lower().split()[-1] if ev.event_text else "",
            frozenset(e.code or e.entity_text for e in ev.actor), frozenset(e.code or e.entity_text for e in ev.recipient))


def quote_speakers(doc: Document) -> dict[int, Entity]:
    """Sentence index -> the resolved speaker of the direct quote that holds most of that sentence, else of a
    headline written "Name: statement"."""
    out: dict[int, Entity] = {}
    for q in doc.quotes:
        if not q.direct or q.speaker is None or not (q.speaker.code or q.speaker.sector):
            continue
        for s in doc.sentences:
            inside = min(s.end, q.end) - max(s.start, q.start)
            if inside > 0 and inside * 2 >= s.end - s.start:
                out.setdefault(s.index, q.speaker)
    for s in doc.sentences:
        if s.index not in out and ":" in s.text:
            found = headline_speaker(s, [m for m in doc.mentions if m.sentence == s.index])
            if found is not None:
                out[s.index] = found
    return out


def first_person_speakers(doc: Document) -> dict[int, dict[int, Entity]]:
    """Sentence index -> token index -> the resolved speaker of the direct quote an "I", "we", "us" stands in,
    also when the quote is only part of its sentence ("The president added: 'Today I ask the world to join.'")."""
    out: dict[int, dict[int, Entity]] = {}
    for q in doc.quotes:
        if not q.direct or q.speaker is None or not (q.speaker.code or q.speaker.sector):
            continue
        for s in doc.sentences:
            if s.start < q.end and q.start < s.end:
                for t in s.tokens:
                    if q.start <= t.idx < q.end and t.pos == "PRON" and t.lower in FIRST_PERSON:
                        out.setdefault(s.index, {}).setdefault(t.i, q.speaker)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class QuoteVoices:
    """Who speaks in each sentence of a document, for the coder: the speaker of the quote holding most of the
    sentence (`quote_speakers`) and of each first-person pronoun inside a quote (`first_person_speakers`)."""

    speakers: dict[int, Entity]
    first_person: dict[int, dict[int, Entity]]

    @classmethod
    def of(cls, doc: Document) -> QuoteVoices:
        return cls(quote_speakers(doc), first_person_speakers(doc))

    def apply(self, coder: Coder, index: int | None) -> None:
        """Set the coder's speakers for sentence `index` (None: clear them)."""
        coder.speaker = self.speakers.get(index) if index is not None else None
        coder.voices = self.first_person.get(index, {}) if index is not None else {}


__all__ = ["Coder", "QuoteVoices", "code_events", "event_id", "first_person_speakers", "load_coder",
           "quote_speakers"]
