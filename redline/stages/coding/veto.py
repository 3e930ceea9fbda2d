"""The veto: a learnt filter that drops asserted events which are probably not acts (or not acts of their type).

Seven rounds of hand rules raised precision on the dev split far more than on held-out articles. The veto is a
logistic model over cheap features read off the Event and its parsed Sentence (no extra parse): the event type,
rule family and rule, the trigger lemma and its type, how the actor and recipient were resolved, factuality and
reporting cues, the trigger's tense and place in the tree, the sentence's shape, and (eleventh round) whether
the parties are of one country, a sentence opening with a quotation mark and a word of condition, and (fifteenth
round, `vectors.py`) the parser's token vectors when the sentence carries them (the setting `token_vectors`; the
shipped weights have none, measured no better in docs/coding.md). It scores the
probability that the asserted event is right (a real act of that type); an event scored below the shipped threshold is
dropped from the events with a recorded reason in Document.skipped ("... vetoed: p(right)=0.21 < 0.30; against:
..."), and `redline explain` shows it with its score and strongest features.

The weights are written as text to knowledge/data/veto.toml by `redline gold veto-train`, which fits them on our
own judgements of fresh articles (redline/gold/veto-judgements.tsv) plus the dev split's matches. Nothing is
downloaded; without the file (or with the setting `veto` off, `--no-veto`) no event is vetoed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...errors import KnowledgeError
from ...records import Entity, Event, Factuality, Sentence, Token
from ..quote_marks import DOUBLE_MARKS, open_after
from .confidence import COREFERENCE, DERIVED, logistic, read_weights
from .vectors import vector_features

STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM", "UAF"})
GROUP_SECTORS = frozenset({"REB", "PTY", "OPP", "NGO", "IGO", "BUS", "LAB", "REL", "MED", "JRN", "EDU", "CRM",
                           "REF", "AGR", "ELI", "SOC", "PRE"})
MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "must", "shall", "'ll", "wo", "ca"})
SUBORDINATE = frozenset({"advcl", "relcl", "xcomp", "ccomp", "acl", "pcomp", "csubj", "conj"})
NOUN_ROLES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod", "poss"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "report", "claim", "write", "note", "according"})
QUOTES = DOUBLE_MARKS
# Words of a condition or a counterfactual anywhere in the sentence (the eleventh round's features).
CONDITIONS = frozenset({"if", "unless", "whether", "would", "could", "might"})


def _kind(entities: tuple[Entity, ...]) -> str:
    """One word for who a side is: none, unknown, state, person, group, country (a bare code), uncoded."""
    if not entities:
        return "none"
    e = entities[0]
    if e.entity_text.startswith("(unknown") or (not e.code and not e.sector):
        return "unknown"
    if e.identifier_text and e.sector not in STATE_SECTORS and not (e.code and len(e.code) == 3 and not e.sector):
        return "person"
    if e.sector in STATE_SECTORS:
        return "state"
    if e.sector in GROUP_SECTORS or (e.code and len(e.code) != 3):
        return "group"
    if e.code and not e.sector:
        return "country"
    return "civilian" if e.sector == "CVL" else "other"


def _side(prefix: str, entities: tuple[Entity, ...], out: dict[str, float]) -> str:
    kind = _kind(entities)
    out[f"{prefix}_{kind}"] = 1.0
    if any(any(d in e.reason for d in DERIVED) for e in entities):
        out[f"{prefix}_derived"] = 1.0
    if any(any(c in e.reason for c in COREFERENCE) for e in entities):
        out[f"{prefix}_coreference"] = 1.0
    if len(entities) > 1:
        out[f"{prefix}_several"] = 1.0
    return kind


def trigger_head(ev: Event, sent: Sentence) -> Token | None:
    """The token of the trigger span whose head lies outside it (the span's syntactic head)."""
    start, end = ev.trigger
    span = [t for t in sent.tokens[start:end]] if sent.tokens else []
    for t in span:
        if not start <= t.head < end or t.head == t.i:
            return t
    return span[-1] if span else None


def _in_quotes(sent: Sentence, tok: Token) -> bool:
    before = sent.text[: max(0, tok.idx - sent.start)]
    return open_after(before)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"le{edge}"
    return f"gt{edges[-1]}"


def context_features(ev: Event, sent: Sentence) -> dict[str, float]:
    """The eleventh round's features, kept where article-grouped cross-validation showed a gain: whether the
    actor and recipient are of the same country or across a border, a sentence that opens with a quotation
    mark (a quoted speaker's words), and a word of condition in the sentence."""
    out: dict[str, float] = {}
    actor_codes = {e.code for e in ev.actor if e.code}
    recipient_codes = {e.code for e in ev.recipient if e.code}
    if actor_codes and recipient_codes:  # acts across a border were more often right than acts at home
        out["parties=" + ("same_country" if actor_codes & recipient_codes else "cross_border")] = 1.0
    if sent.text.strip()[:1] in QUOTES:
        out["opens_quote"] = 1.0
    if any(t.lower in CONDITIONS for t in sent.tokens):
        out["condition_word"] = 1.0
    return out


def features(ev: Event, sent: Sentence) -> dict[str, float]:
    """The model's inputs for one event and its sentence (names are stable: they key the weights file)."""
    rule = ev.rule.split("#", 1)[0]
    family = rule.split(":", 1)[0]
    out: dict[str, float] = {"bias": 1.0, f"type={ev.event}": 1.0, f"family={family}": 1.0, f"rule={rule}": 1.0,
                             f"type_family={ev.event}|{family}": 1.0}
    if ev.mode:
        out[f"mode={ev.event}|{ev.mode}"] = 1.0
    head = trigger_head(ev, sent)
    if head is not None:
        lemma = head.lemma.lower()
        out[f"lemma={lemma}"] = 1.0
        out[f"type_lemma={ev.event}|{lemma}"] = 1.0
        out[f"tag={head.tag}"] = 1.0
        role = ("root" if head.head == head.i else "sub" if head.dep in SUBORDINATE
                else "noun" if head.dep in NOUN_ROLES else "other")
        out[f"role={role}"] = 1.0
        out[f"lemma_role={lemma}|{role}"] = 1.0
        out[f"dep={head.dep}"] = 1.0
        children = [t for t in sent.tokens if t.head == head.i and t.i != head.i]
        if any(t.lower in MODALS for t in children):
            out["modal_aux"] = 1.0
        if any(t.dep == "neg" for t in children):
            out["negated"] = 1.0
        for t in children:
            if t.dep in ("dobj", "attr", "prep"):
                out[f"{t.dep}={t.lemma.lower()}"] = 1.0
        if any(t.lower == "to" and t.dep == "aux" for t in children):
            out["infinitive"] = 1.0
        if "Aspect=Prog" in head.morph:
            out["progressive"] = 1.0
        if head.head != head.i and 0 <= head.head < len(sent.tokens):
            gov = sent.tokens[head.head]
            out[f"governor={gov.lemma.lower()}"] = 1.0
            if gov.lower in MODALS or any(t.lower in MODALS for t in sent.tokens if t.head == gov.i):
                out["governor_modal"] = 1.0
        if _in_quotes(sent, head):
            out["quoted"] = 1.0
        if head.pos in ("NOUN", "PROPN"):
            out["nominal_trigger"] = 1.0
    actor = _side("actor", ev.actor, out)
    recipient = _side("recipient", ev.recipient, out)
    out[f"kinds={actor}>{recipient}"] = 1.0
    out[f"type_actor={ev.event}|{actor}"] = 1.0
    if ev.claim_source:
        out["reported"] = 1.0
    if ev.quote_id:
        out["in_quote"] = 1.0
    if ev.factuality != Factuality.ASSERTED:
        out[f"factuality={ev.factuality}"] = 1.0
    if ev.context:
        out["context"] = 1.0
    text = sent.text.strip()
    if text.endswith("?"):
        out["question"] = 1.0
    if text and text[-1] not in ".?!\"'”’)":
        out["no_final_stop"] = 1.0  # headlines, captions, bylines
    if any(w in text for w in ("Photo", "(AP", "(Reuters", "Getty")):
        out["caption_words"] = 1.0
    out[f"length={_bucket(len(sent.tokens), (8, 20, 35, 55))}"] = 1.0
    if any(t.lemma in SPEECH_LEMMAS and t.pos == "VERB" for t in sent.tokens):
        out["speech_verb_in_sentence"] = 1.0
    names = {(s.text, s.label) for s in sent.entities if s.label in ("GPE", "ORG", "NORP", "PERSON")}
    out[f"names={_bucket(len(names), (0, 1, 2, 4))}"] = 1.0
    out.update(context_features(ev, sent))
    out.update(vector_features(sent, head))
    return out


@dataclass(frozen=True, slots=True)
class Veto:
    """Weights of the veto model and its threshold; with no weights it scores every event 1.0 (vetoes nothing)."""

    weights: Mapping[str, float]
    threshold: float = 0.0

    def score(self, ev: Event, sent: Sentence) -> float:
        """Probability that the asserted event is right."""
        if not self.weights:
            return 1.0
        return logistic(self.weights, features(ev, sent))

    def vetoes(self, ev: Event, sent: Sentence) -> bool:
        """Only asserted events are vetoed (the others are not in the default output anyway)."""
        return ev.factuality == Factuality.ASSERTED and bool(self.weights) and self.score(ev, sent) < self.threshold

    def strongest(self, ev: Event, sent: Sentence, n: int = 3) -> list[tuple[str, float]]:
        """The n features that push the score down most (name, weight), the bias left out."""
        parts = [(k, self.weights.get(k, 0.0) * v) for k, v in features(ev, sent).items() if k != "bias"]
        return [(k, round(w, 2)) for k, w in sorted(parts, key=lambda p: p[1])[:n] if w < 0]

    def reason(self, ev: Event, sent: Sentence) -> str:
        against = ", ".join(f"{k} {w:+.2f}" for k, w in self.strongest(ev, sent))
        return (f"sentence {sent.index}: {ev.rule} '{ev.event_text}': {ev.event} vetoed: p(right)="
                f"{self.score(ev, sent):.2f} < {self.threshold:.2f}; against: {against or 'bias'}")


def split_vetoed(events: Iterable[Event], sent: Sentence, model: Veto) -> tuple[list[Event], list[Event]]:
    """(kept, vetoed) events of one sentence."""
    kept: list[Event] = []
    vetoed: list[Event] = []
    for ev in events:
        (vetoed if model.vetoes(ev, sent) else kept).append(ev)
    return kept, vetoed


def parse_veto(text: str, name: str = "veto.toml") -> Veto:
    data, weights = read_weights(text, name)
    threshold = data.get("threshold", 0.0)
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise KnowledgeError(f"{name}: threshold must be a number between 0 and 1")
    return Veto(weights, float(threshold))


@lru_cache(maxsize=1)
def load_veto() -> Veto:
    """The shipped model (knowledge/data/veto.toml), or one that vetoes nothing when the file is absent."""
    ref = resources.files("redline.knowledge").joinpath("data/veto.toml")
    if not ref.is_file():
        return Veto({})
    return parse_veto(ref.read_text(encoding="utf-8"))
