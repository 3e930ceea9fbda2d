"""Lexicon coverage by measurement: which predicates link two parties in real news, and does redline decide them?

A two-party occurrence is a verb or noun whose actor argument is an actor mention and whose other argument
(object, passive subject, prepositional object) is another actor mention or a place: the shape of every
dyadic event. `count_two_party` counts them by predicate over coded documents; a predicate is *decided* when
the lexicon codes it (a verb, phrasal verb, light verb or event noun) or the decision list
(`knowledge/data/lexicon/decisions.tsv`) says why it is no event. The share of occurrences decided is the
coverage figure of docs/coding.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from ..errors import KnowledgeError
from ..knowledge.lexicon import Lexicon
from ..records import Document, Sentence

OTHER_DEPS = {"dobj", "nsubjpass", "dative", "attr", "oprd"}
NOUN_ACTOR_DEPS = {"poss", "compound", "amod", "nmod"}
NOUN_PREPS = {"on", "against", "with", "to", "in", "into", "between", "of", "from", "over", "toward", "towards", "at"}
DECISIONS = ("event", "none")


@dataclass(frozen=True, slots=True)
class Decision:
    """One decided predicate: key (lemma, or lemma + particle), part of speech, decision and its reason."""

    key: str
    pos: str
    decision: str
    reason: str
    count: int = 0


def _party_tokens(doc: Document, sent: Sentence) -> set[int]:
    """Token indexes of the sentence inside an actor mention or a place."""
    out: set[int] = set()
    for m in doc.mentions:
        if m.sentence == sent.index and (m.entity.code or m.entity.sector):
            out.update(range(m.start, m.end))
    for p in doc.places:
        if p.sentence == sent.index and p.start is not None:
            out.update(t.i for t in sent.tokens if p.start <= t.idx < (p.end or p.start))
    return out


def _kids(sent: Sentence) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for t in sent.tokens:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t.i)
    return kids


def _pobjs(sent: Sentence, kids: dict[int, list[int]], i: int, preps: set[str] | None = None) -> list[int]:
    """Objects of the prepositions attached to token i (only those prepositions, when given)."""
    toks = sent.tokens
    return [g for k in kids.get(i, []) if toks[k].dep == "prep" and (preps is None or toks[k].lower in preps)
            for g in kids.get(k, []) if toks[g].dep == "pobj"]


def two_party(doc: Document, *, agents: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """(predicate key, "VERB"/"NOUN") for every two-party occurrence in a coded document.

    agents: agent nouns ("ambassador", "police"), which name parties, not predicates.
    """
    for sent in doc.sentences:
        parties = _party_tokens(doc, sent)
        if len(parties) < 2:
            continue
        kids = _kids(sent)
        toks = sent.tokens
        for t in toks:
            here = kids.get(t.i, [])
            if t.pos == "VERB":
                subj = [k for k in here if toks[k].dep == "nsubj"] + [g for k in here if toks[k].dep == "agent"
                                                                      for g in kids.get(k, [])]
                other = [k for k in here if toks[k].dep in OTHER_DEPS] + _pobjs(sent, kids, t.i)
                prt = next((toks[k].lower for k in here if toks[k].dep == "prt"), None)
                key = f"{t.lemma.lower()} {prt}" if prt else t.lemma.lower()
            elif t.pos == "NOUN" and t.i not in parties and t.lemma.lower() not in agents:
                subj = [k for k in here if toks[k].dep in NOUN_ACTOR_DEPS] + _pobjs(sent, kids, t.i, {"by"})
                other = _pobjs(sent, kids, t.i, NOUN_PREPS)
                key = t.lemma.lower()
            else:
                continue
            if any(s in parties for s in subj) and any(o in parties and o not in subj for o in other):
                yield key, t.pos


def count_two_party(docs: Iterable[Document], *, agents: frozenset[str] = frozenset()) -> Counter:
    """(key, pos) -> occurrences over the documents."""
    counts: Counter = Counter()
    for doc in docs:
        counts.update(two_party(doc, agents=agents))
    return counts


def in_lexicon(key: str, pos: str, lex: Lexicon) -> bool:
    """Does the built-in (or layered) lexicon code this predicate?"""
    lemma, _, particle = key.partition(" ")
    if pos == "VERB":
        entries = lex.verbs.get(lemma, ())
        light = lex.light.get(lemma, ())
        return any(e.particle in (particle or None, None) for e in entries) or any(
            lv.particle in (particle or None, None) for lv in light)
    return any(e.words[-1] == lemma for e in lex.nouns.get(lemma, ()))


def coded_somehow(key: str, pos: str, lex: Lexicon) -> bool:
    """The lexicon codes the predicate in some construction: a phrasal or prepositional entry of the verb
    ("speak" as "speak with"), a multi-word noun ending in it, or a light verb."""
    from ..stages.coding.speech import LABEL_VERBS

    lemma = key.partition(" ")[0]
    if pos == "VERB":
        return lemma in lex.verbs or lemma in lex.light or lemma in LABEL_VERBS
    return lemma in lex.nouns


def parse_decisions(text: str, fname: str = "decisions.tsv") -> dict[tuple[str, str], Decision]:
    """key<TAB>pos<TAB>decision<TAB>reason[<TAB>count]; '#' comments."""
    out: dict[tuple[str, str], Decision] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (4, 5):
            raise KnowledgeError(f"{fname}:{n}: expected key, pos, decision, reason[, count] separated by tabs")
        key, pos, decision, reason = (p.strip() for p in parts[:4])
        if pos not in ("VERB", "NOUN") or decision not in DECISIONS or not reason:
            raise KnowledgeError(f"{fname}:{n}: pos must be VERB or NOUN, decision {' or '.join(DECISIONS)}, "
                                 "and a reason is required")
        if (key, pos) in out:
            raise KnowledgeError(f"{fname}:{n}: {key} ({pos}) is decided twice")
        count = int(parts[4]) if len(parts) == 5 and parts[4].strip().isdigit() else 0
        out[(key, pos)] = Decision(key, pos, decision, reason, count)
    return out


def load_decisions() -> dict[tuple[str, str], Decision]:
    text = resources.files("redline.knowledge").joinpath("data/lexicon/decisions.tsv").read_text(encoding="utf-8")
    return parse_decisions(text)


def coverage(counts: Counter, lex: Lexicon, decisions: dict[tuple[str, str], Decision], *,
             top: int = 500) -> dict:
    """Share of two-party occurrences decided, overall and over the `top` most frequent predicates."""
    total = sum(counts.values())
    ranked = counts.most_common()
    head = ranked[:top]

    def share(rows, with_decisions: bool) -> float | None:
        n = sum(c for _, c in rows)
        hit = sum(c for (k, p), c in rows if in_lexicon(k, p, lex) or (with_decisions and (k, p) in decisions))
        return round(hit / n, 4) if n else None

    undecided = [{"key": k, "pos": p, "count": c} for (k, p), c in head
                 if not in_lexicon(k, p, lex) and (k, p) not in decisions]
    wrong = [f"{d.key} ({d.pos})" for d in decisions.values() if d.decision == "event" and not (
        in_lexicon(d.key, d.pos, lex) or coded_somehow(d.key, d.pos, lex))]
    return {"occurrences": total, "predicates": len(counts), "top": len(head),
            "share_lexicon": share(ranked, False), "share_decided": share(ranked, True),
            "top_share_lexicon": share(head, False), "top_share_decided": share(head, True),
            "top_undecided": undecided, "event_decisions_missing_from_lexicon": wrong}
