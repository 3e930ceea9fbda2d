"""The party of a pact named again without it (thirteenth actors round, issue 12).

An article names a pact with its parties once ("signed a nuclear accord with Iran", "the trade pact between
Norway and Kenya", "the arms treaty, a pact with Moscow") and then only as "the accord", "the treaty", "that
deal". Withdrawing from it, suspending it or threatening to leave it is aimed at the other party of the pact (the
dev gold codes "pulling out of the deal" in a story about the Iran nuclear deal as aimed at Iran). The parties
are those the article named on the pact before: the objects of "with" or "between" on the pact noun, on its
apposition or on the verb that made it ("signed an accord with Iran"), the subjects of a verb that made it
("Britain and Ireland agreed a treaty"), and the countries on its own phrase ("the Iran deal"). The actor's own
countries are left out; when two pacts named before have different parties, nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ...records import Entity, Mention, Sentence
from .arguments import Argument, is_country
from .tree import Frame, Tree

PACT_NOUNS = frozenset({"deal", "accord", "agreement", "treaty", "pact", "truce", "ceasefire", "cease-fire",
                        "armistice"})
# Acts on a pact that are aimed at its other party: leaving or suspending it, threatening to leave it. Opposing a
# pact is not: it is often a home party's quarrel with its own government ("the senator opposed the deal": the dev
# gold codes "Labour will resist the deal" as aimed at Britain's government, not the EU).
PACT_TYPES = frozenset({"SANCTION", "THREATEN"})
# Verbs that make a pact; their subjects and their "with" objects are its parties.
SEALING = frozenset({"sign", "reach", "strike", "agree", "conclude", "negotiate", "seal", "ink", "finalize",
                     "finalise", "broker"})
T = TypeVar("T")

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PARTY_PREPS = frozenset({"with", "between"})
# Clauses of their own: a pact inside them is not the thing this act is on.
CLAUSES = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj"})


def pact_object(tree: Tree, base: int, nouns: frozenset[str] = PACT_NOUNS) -> int | None:
    """The definite noun of nouns (a pact by default) the act is on: the object of the trigger verb, or of a
    preposition or verb under it ("pulling out of the deal", "threatened to leave the treaty"), not inside a
    clause of its own; None if none."""
    toks = tree.tokens
    stack, seen = [base], set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        for k in tree.kids[n]:
            t = toks[k]
            if t.dep in CLAUSES:
                continue
            if t.dep in ("dobj", "pobj", "nsubjpass") and t.pos == "NOUN" and t.lemma.lower() in nouns:
                if any(toks[c].lower in DEFINITE for c in tree.children(k, {"det"})):
                    return k
                continue
            if t.dep in ("prep", "prt", "xcomp", "dobj", "pobj", "aux"):
                stack.append(k)
    return None


def codes_at(mentions: Sequence[Mention], heads, tokens=(), name_code=None) -> set[str]:
    """Codes of the mentions headed at heads (countries, organisations, groups); a country's name or adjective the actors stage made no
    mention of ("the Iran deal") through name_code (text -> code or None) when given."""
    heads = set(heads)
    out = {m.entity.code for m in mentions if m.head in heads and m.entity.code}
    if name_code is not None:
        for h in heads - {m.head for m in mentions}:
            if tokens[h].ent_type in ("GPE", "NORP") and tokens[h].ent_iob == "B" and tokens[h].text[:1].isupper():
                code = name_code(tokens[h].text)
                if code and is_country(code):
                    out.add(code)
    return out


def _party_sides(tree: Tree, k: int) -> list[list[int]]:
    """Heads of the phrases that name the parties of the pact noun k in its own sentence, one list per side: the
    subjects of the verb that made it (one side beside a "with": "Canada and Chile signed ... with Peru"; each its
    own side alone: "Britain and Ireland agreed a treaty"), the objects of its "with", each party "between" names,
    each country on its own phrase."""
    toks = tree.tokens
    sides = [[c] for c in tree.children(k, {"compound", "amod", "poss", "nmod"})]
    nouns = [k] + [a for a in tree.children(k, {"appos"}) if toks[a].lemma.lower() in PACT_NOUNS]
    head = toks[k].head
    sealed = toks[k].dep == "dobj" and head != k and toks[head].lemma.lower() in SEALING
    if sealed:
        nouns.append(head)  # "signed an accord with Iran": the parser hangs "with Iran" on the verb
    partners = False
    for n in nouns:
        for p in tree.children(n, {"prep"}):
            objs = [x for o in tree.children(p, {"pobj"}) for x in tree.conjuncts(o)]
            if toks[p].lower == "with":
                sides.append(objs)
                partners = True
            elif toks[p].lower == "between":
                sides += [[x] for x in objs]
    if sealed:
        makers = [x for s in tree.children(head, {"nsubj"}) for x in tree.conjuncts(s)]
        # with a partner named, the makers are one side; alone ("Britain and Ireland agreed a treaty"), each is one
        sides += [makers] if partners else [[x] for x in makers]
    return [s for s in sides if s]


def nouns_named_before(sentences: Sequence[Sentence], mentions: Sequence[Mention], before: int,
                       wanted: Callable[[str], bool],
                       read: Callable[[Tree, int, Sequence[Mention]], T | None]) -> list[tuple[int, T]]:
    """(sentence, what `read` finds) for each noun whose lemma `wanted` accepts, in the sentences before sentence
    `before`; `read` gets the sentence's tree, the noun's index and the sentence's mentions, and returns None (or
    an empty value) when the noun names nothing it wants. Shared by pacts and authored measures."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out = []
    for s in sentences:
        if s.index >= before or not s.tokens:
            continue
        tree = Tree(s.tokens)
        for t in s.tokens:
            if t.pos == "NOUN" and wanted(t.lemma.lower()):
                found = read(tree, t.i, by_sentence.get(s.index, ()))
                if found:
                    out.append((s.index, found))
    return out


def pacts_named(sentences: Sequence[Sentence], mentions: Sequence[Mention], before: int,
                name_code=None) -> list[tuple[int, list[set[str]]]]:
    """(sentence, the country codes of each side) of every pact the article names with its parties before
    sentence `before` (name_code: see codes_at)."""
    def sides(tree: Tree, i: int, here: Sequence[Mention]) -> list[set[str]]:
        return [c for c in (codes_at(here, side, tree.tokens, name_code) for side in _party_sides(tree, i)) if c]
    return nouns_named_before(sentences, mentions, before, PACT_NOUNS.__contains__, sides)


def _others(sides: list[set[str]], own: set[str]) -> set[str]:
    """The parties on the sides of a pact the actor is not on."""
    return {c for side in sides if not side & own for c in side}


def pact_partners(tree: Tree, f: Frame, actors: list[Argument], mentions_here: Sequence[Mention],
                  sentences: Sequence[Sentence], mentions: Sequence[Mention], index: int,
                  trace: list[str], name_code=None) -> list[Argument]:
    """The other parties of the pact a withdrawal, suspension or threat is on, when the pact is named again with
    no party ("pulling out of the accord") and the article named one pact with its parties before; [] otherwise.

    When the actor signed neither side (a third party acting on someone else's pact: "The EU threatened to suspend
    the pact" after one between Norway and Kenya), every party of the pact is a recipient (KEN, NOR).

    mentions_here: this sentence's mentions; sentences, mentions: the article's; index: this sentence's index;
    name_code: text -> country code of a one-word name or adjective that is no mention ("Iran" in "the Iran
    deal")."""
    if f.code.event not in PACT_TYPES:
        return []
    k = pact_object(tree, f.base)
    if k is None or any(codes_at(mentions_here, side, tree.tokens, name_code) for side in _party_sides(tree, k)):
        return []  # "the Iran deal": its own phrase names the party (the target rules take it)
    own = {a.entity.code for a in actors if a.entity.code}
    named = [(s, _others(sides, own)) for s, sides in pacts_named(sentences, mentions, index, name_code)]
    named = [(s, codes) for s, codes in named if codes]
    if not named:
        return []
    if len({frozenset(c) for _, c in named}) > 1:
        trace.append(f"recipient: '{tree.tokens[k].text}' may be either of the pacts named before with "
                     f"{' or '.join(sorted({'+'.join(sorted(c)) for _, c in named}))}: no guess")
        return []
    s, codes = named[-1]
    trace.append(f"recipient: '{tree.tokens[k].text}' is the pact named in sentence {s} with "
                 f"{', '.join(sorted(codes))}: its other party")
    return [Argument(Entity(entity_text=tree.tokens[k].text, code=c, sector="GOV" if is_country(c) else None, reason=(
        f"the {tree.tokens[k].lower} named in sentence {s} with {c}: the other party of the pact the "
        f"{f.code.event} is on")), k, "other party of the pact") for c in sorted(codes)]
