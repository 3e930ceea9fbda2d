"""Noun phrases in the parse for the actors stage: which tokens head a phrase, its span and text, its role
(actor or place), the names that modify it and the prepositional phrases around it ("police in Kabul").

Pure functions of one sentence's tokens and the knowledge-base matches on them (`at`: token index -> Match).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..knowledge.actor_names import HONORIFICS, Match
from ..knowledge.actors import ORG_KINDS, PLACE_KINDS
from ..records import Token

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Dependents that belong to a noun phrase left of its head.
NP_LEFT = frozenset({"det", "amod", "compound", "nmod", "nummod", "poss", "quantmod", "predet", "nn", "npadvmod",
                     "advmod", "case", "punct"})
MODIFIER_DEPS = frozenset({"compound", "amod", "flat", "fixed", "nn", "det", "predet"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "agent", "appos", "attr", "ROOT", "dative",
                        "csubj", "oprd"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout", "into", "within",
                      "from", "over", "through", "along", "toward", "towards", "beyond", "onto", "via", "out"})
# Prepositions whose object says where an agent is from or acts ("police in Kabul", "rebels of Darfur"); not
# "against", "with", "to": "rebels against the Russian offensive" are not Russian.
PLACE_PREPS = frozenset({"in", "of", "from", "at", "near", "inside", "across", "throughout", "within", "around"})
# Prefixes that make a nationality or name a backer, not the actor itself ("Kremlin-backed separatists").
AFFILIATION = frozenset({"backed", "supported", "allied", "aligned", "sponsored", "funded", "armed", "trained",
                         "friendly", "leaning"})


def unglued(word: str) -> str:
    """A token without the dashes glued to it by the tokenizer ("administration--")."""
    stripped = word.rstrip("-–—")
    return stripped if len(stripped) > 1 and stripped[-1].isalpha() else word


def match_head(m: Match, toks: Sequence[Token]) -> int:
    for i in range(m.start, m.end):
        if not (m.start <= toks[i].head < m.end) or toks[i].head == i:
            return i
    return m.end - 1


def is_head(t: Token, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """A token heads a noun phrase of its own (not a modifier inside another one)."""
    if t.pos not in NOMINAL and not (t.i in at and t.pos in ("ADJ", "NOUN", "PROPN", "X")):
        return False
    if t.dep in MODIFIER_DEPS and t.head != t.i:
        head = toks[t.head]
        if coordinated_compound(t, toks, at):
            return True
        if head.pos in NOMINAL or head.pos == "ADJ":
            return False
    if t.i in at and at[t.i].kind == "agent" and t.head > t.i and toks[t.head].ent_type == "PERSON":
        return False  # a title before a name: "Secretary of State John Kerry"
    if t.dep == "amod" or (t.pos == "ADJ" and effective_dep(t, toks).dep in ("amod", "compound")):
        return False  # "Russian and Belarusian soldiers": the adjectives modify the noun
    return True


def coordinated_compound(t: Token, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """'between Kyiv and Kremlin-backed separatists' parsed as a compound: the name is a phrase of its own."""
    if t.dep not in ("compound", "nmod") or not (t.i in at and at[t.i].kind in ("country", "capital", "metonym", "igo", "group")):
        return False
    return any(x.dep == "cc" and x.head == t.i for x in toks)


def subtree(i: int, children: list[list[int]]) -> list[int]:
    out = [i]
    for c in children[i]:
        out.extend(subtree(c, children))
    return out


def effective_dep(t: Token, toks: Sequence[Token]) -> Token:
    """Follow conj links up to the first conjunct, whose relation the whole coordination shares."""
    seen = 0
    while t.dep == "conj" and t.head != t.i and seen < 10:
        t = toks[t.head]
        seen += 1
    return t


def in_relative_clause(t: Token, toks: Sequence[Token]) -> bool:
    """Whether token t sits in a relative or adjectival clause ("the speech in which he called", "a man who said")."""
    seen = 0
    while t.head != t.i and seen < len(toks):
        if t.dep in ("relcl", "acl"):
            return True
        t = toks[t.head]
        seen += 1
    return False


def phrase_role(t: Token, toks: Sequence[Token]) -> str | None:
    base = effective_dep(t, toks)
    if base.dep in ACTOR_DEPS:
        return "actor"
    if base.dep == "pobj" and base.head != base.i:
        return "place" if toks[base.head].lower in LOCATIVE else "actor"
    return None


def modifies(m: Match, toks: Sequence[Token]) -> bool:
    """False for names that only back the actor ("Kremlin-backed", "pro-Russian")."""
    after = m.end
    if after + 1 < len(toks) and toks[after].text == "-" and toks[after + 1].lower in AFFILIATION:
        return False
    before = m.start - 1
    if before >= 0 and toks[before].lower in ("pro", "anti", "pro-", "anti-"):
        return False
    if before >= 1 and toks[before].text == "-" and toks[before - 1].lower in ("pro", "anti"):
        return False
    return True


def coordinated(places: Sequence[Match], toks: Sequence[Token]) -> bool:
    return any(toks[i].dep == "conj" for m in places for i in range(m.start, m.end))


def mention_kind(m: Match) -> str:
    k = m.kind
    if k in ("capital", "metonym"):
        return "metonym"
    if k == "adjective":
        return "nationality"
    if k == "agent":
        return "agent"
    return "name"


def span_text(toks: Sequence[Token], start: int, end: int) -> str:
    return "".join(toks[i].text + (toks[i].ws if i < end - 1 else "") for i in range(start, end))


def name_tokens(t: Token, toks: Sequence[Token]) -> list[Token]:
    return list(toks[_name_start(t, toks): t.i + 1])


def name_text(t: Token, toks: Sequence[Token]) -> str:
    """The proper-name run ending at t ("Anatoly Antonov"), by entity type or flat PROPN compounds; a hyphen
    written inside a name joins its parts ("Abdullah Al-Thinni", "Levon Ter-Petrosyan")."""
    return span_text(toks, _name_start(t, toks), t.i + 1)


def _name_start(t: Token, toks: Sequence[Token]) -> int:
    i = t.i
    while i > 0:
        prev = toks[i - 1]
        if prev.text == "-" and not prev.ws and i > 1 and not toks[i - 2].ws and toks[i - 2].pos == "PROPN" and (
                not t.ent_type or toks[i - 2].ent_type == t.ent_type):
            i -= 2  # "Al-Thinni": the hyphen and the part before it
            continue
        if prev.pos == "PROPN" and (prev.ent_type == t.ent_type != "" or prev.dep in ("compound", "flat")):
            if t.ent_type and prev.ent_type != t.ent_type:
                break
            i -= 1
            continue
        break
    return i


def pp_context(h: int, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match]) -> list[Match]:
    """Matches inside prepositional phrases attached to the head ("police in Kabul", "rebels of Darfur")."""
    out: list[Match] = []
    for c in children[h]:
        if c > h and toks[c].dep == "prep" and toks[c].lower in PLACE_PREPS:
            for i in sorted(subtree(c, children)):
                m = at.get(i)
                if m is not None and m not in out and m.kind != "agent":
                    out.append(m)
    return out


# Titles whose prepositional phrase names the party they speak or work for, so that party's country is theirs:
# "a spokesman for the German government", "an adviser to the Ukrainian president", "an aide to Netanyahu". Not a
# diplomat's "to" or "for" (an envoy to Syria or for Syria is posted there or deals with it; it is not Syria's),
# and not the adviser's "on" (a subject, "adviser on Iran").
OWNER_PREPS = {"Spokesperson": frozenset({"for"}), "Adviser": frozenset({"to", "for"})}


def owner_context(h: int, office: str | None, toks: Sequence[Token], children: list[list[int]],
                  at: dict[int, Match]) -> list[Match]:
    """Matches naming whom the title at h speaks or works for (OWNER_PREPS): the object of its "for"/"to" phrase
    with that object's own left modifiers and "of" phrases ("for the ministry of defence of Ukraine"), not what
    hangs on the object otherwise ("for the campaign against Russia" names no owner; "for the embassy in Berlin"
    is not German). Agent words are left out: their country, when named, is a modifier here."""
    preps = OWNER_PREPS.get(office or "")
    if not preps:
        return []
    out: list[Match] = []
    for c in children[h]:
        if c <= h or toks[c].dep != "prep" or toks[c].lower not in preps:
            continue
        stack = [o for o in children[c] if toks[o].dep == "pobj"]
        while stack:
            o = stack.pop()
            span = {o}
            for d in children[o]:
                if d < o and toks[d].dep in NP_LEFT:
                    span.update(subtree(d, children))
                elif d > o and toks[d].dep == "prep" and toks[d].lower == "of":
                    stack.extend(x for x in children[d] if toks[x].dep == "pobj")
                elif d > o and toks[d].dep in ("compound", "flat"):
                    span.add(d)
            for i in sorted(span):
                m = at.get(i)
                if m is not None and m not in out and m.kind != "agent":
                    out.append(m)
    return out


def backer_codes(start: int, end: int, at: dict[int, Match], toks: Sequence[Token]) -> frozenset[str]:
    """Codes a phrase names only as a backer ("Kremlin-backed", "pro-Russian")."""
    return frozenset(c for i in range(start, end) if i in at and not modifies(at[i], toks) for c in at[i].codes)


def conjoined_of(context: Sequence[Match], toks: Sequence[Token]) -> list[Match]:
    """Countries and bodies conjoined as the one object of the head's prepositional phrase ("of France, Germany
    and Britain"); [] when they are not one coordination (a place nested deeper is no member)."""
    members = [m for m in context if m.kind in PLACE_KINDS | ORG_KINDS and not m.ambiguous]
    bases = {effective_dep(toks[match_head(m, toks)], toks).i for m in members}
    if len(members) < 2 or len(bases) != 1 or toks[bases.pop()].dep != "pobj":
        return []
    return members


# People named by a journey: their "from ... to ..." is a route, not a range of home countries.
MOVERS = frozenset({"migrant", "refugee", "tourist", "traveller", "traveler", "passenger", "pilgrim", "emigrant",
                    "immigrant", "deportee", "evacuee", "smuggler", "courier", "envoy", "delegation"})


def range_ends(h: int, toks: Sequence[Token], children: list[list[int]], at: Mapping[int, Match]) -> list[Match]:
    """The two ends of a range of places on the head ("Governments from Havana to Buenos Aires", "officials from
    China to Russia"): the "from" object and the "to" object, each a country or capital the knowledge base knows,
    of two countries; [] otherwise. The "to" phrase may hang on the head, on "from" or on its object."""
    def end_of(prep: int) -> Match | None:
        objs = [o for o in children[prep] if toks[o].dep == "pobj"]
        if len(objs) != 1:
            return None
        found = [m for i in subtree(objs[0], children) if (m := at.get(i)) is not None
                 and m.kind in ("country", "capital") and not m.ambiguous and match_head(m, toks) == objs[0]]
        return found[0] if found else None

    if (toks[h].lemma or toks[h].text).lower() in MOVERS:
        return []  # "migrants from Libya to Italy": a route, not two home countries
    froms = [c for c in children[h] if c > h and toks[c].dep == "prep" and toks[c].lower == "from"]
    if len(froms) != 1:
        return []
    start = end_of(froms[0])
    hosts = [h, froms[0], *(o for o in children[froms[0]] if toks[o].dep == "pobj")]
    tos = [c for x in hosts for c in children[x] if c > froms[0] and toks[c].dep == "prep" and toks[c].lower == "to"]
    if start is None or len(tos) != 1:
        return []
    end = end_of(tos[0])
    if end is None or set(end.codes) == set(start.codes):
        return []
    return [start, end]


# Words that make a country named with an article a likeness, not the state: "turning Egypt into a new Syria",
# "another Vietnam", "the next Venezuela", "a second Afghanistan".
LIKENESS_WORDS = frozenset({"new", "second", "next", "another", "latest", "future"})


def likeness(t: Token, children: list[list[int]], toks: Sequence[Token]) -> bool:
    """Whether the country name at t is a likeness ("a new Syria", "another Vietnam", "the next Venezuela"): a
    determiner "a"/"an"/"another"/"the" with a likeness word before it."""
    kids = [toks[c] for c in children[t.i] if c < t.i]
    dets = {k.lower for k in kids if k.dep in ("det", "predet")}
    words = {k.lower for k in kids if k.dep in ("amod", "det", "compound")}
    return "another" in dets or bool(dets & {"a", "an", "the"}) and bool(words & LIKENESS_WORDS)


def qualified_body(head: Match, toks: Sequence[Token], at: dict[int, Match]) -> bool:
    """'the Supreme Security Council' (Libya's): a capitalised word the knowledge base does not know, right before
    an international body's name and part of it, makes it another body of a similar name."""
    i = head.start - 1
    if i < 0 or i in at or not toks[i].text[:1].isupper() or toks[i].dep not in ("compound", "amod"):
        return False
    if i > 0 and (i - 1) in at and at[i - 1].kind in ("country", "adjective"):
        return False  # "the Iraqi National Security Council": the nationality decides (Knowledge.compose)
    return toks[i].pos in ("PROPN", "ADJ") and toks[i].lower not in ("the", "a", "an")


def unknown_body(toks: Sequence[Token], start: int, first: int, at: dict[int, Match]) -> bool:
    """A capitalised word before the name that the knowledge base does not know ("Eurogroup President X"): the
    title belongs to a body we cannot place, so the article's country must not be lent to it."""
    return any(toks[i].pos == "PROPN" and i not in at and toks[i].lower.strip(".") not in HONORIFICS
               for i in range(start, first))


def inside_name(m: Match, toks: Sequence[Token]) -> bool:
    """Whether a country word is the first word of the organisation's own name: tagged as part of that ORG entity
    by the parser and not a possessor ("Japan's")."""
    last = toks[m.end - 1]
    after = toks[m.end] if m.end < len(toks) else None
    return all(toks[i].ent_type == "ORG" for i in range(m.start, m.end)) and last.dep != "poss" and not (
        after is not None and after.tag == "POS")


def owner_of_thing_subject(t: Token, toks: Sequence[Token], at: Mapping[int, object]) -> bool:
    """Whether t is the possessor of a clause subject that is a thing, not a party ("Hagel's criticism of the war
    raised red flags"; not "Putin's spokesman said", not "Russia's army"), outside a relative clause. at: the
    knowledge-base matches by token index (an agent word or name there is a party)."""
    if t.dep != "poss" or t.head == t.i or not 0 <= t.head < len(toks):
        return False
    owned = toks[t.head]
    return (effective_dep(owned, toks).dep in ("nsubj", "nsubjpass") and owned.pos == "NOUN"
            and owned.ent_type == "" and owned.i not in at and not in_relative_clause(t, toks))
