"""Recipients that are no party the act is aimed at (twelfth actors round, issue 12): the place a fight is fought
in, the side a fighter fights for, and the actor's own country named on a thing beside the party aimed at.

* **The theatre of a fight** (`battlegrounds`): "Americans fighting in Syria", "militants who fought in Somalia":
  the object of a locative preposition on a fight verb is where the fighting is, not whom it is against (that
  is the object or a phrase with "against"). Strikes, raids and attacks keep the place (CAMEO's convention for an
  attack on a place: "airstrikes in Syria" stays SYR unless a party is named).
* **The side fought for** (`sides_fought_for`): "two Americans fighting for Al-Shabaab", "volunteers who fought
  alongside the Kurds": the party fought for is an ally, not the target.
* **A name that only dates or styles a thing** (`dating_names`): "scrapped a Clinton-era arms accord", "a
  Soviet-style crackdown", "Cold War-like tensions": a party joined by a hyphen to "era", "style", "like", "type",
  "vintage" or "age" says when or how, not whom the act is aimed at.
* **The actor's own country on a thing, beside another party** (`own_beside_other`): "threatening to cut off US
  funding to the UN" (USA and the UN), "Abe welcomed Trump to Japan" (the USA and Japan): the actor's own country
  as the modifier of a thing or the place the act brings someone to is not aimed at, when the act has another
  recipient of another country. Alone it stays (the own-country conventions of the coder decide there).
"""

from __future__ import annotations

from .arguments import Argument
from .nonparties import lemma_of
from .tree import Frame, Tree

# Verbs of fighting, whose locative is the theatre ("fighting in Syria") and whose "for" is the side.
FIGHT_LEMMAS = frozenset({"fight", "battle", "clash", "skirmish"})
THEATRE_PREPS = frozenset({"in", "inside", "across", "throughout", "within"})
SIDE_PREPS = frozenset({"for", "alongside"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# Prepositions whose object is where an act brings or finds someone ("welcomed Trump to Japan").
DESTINATION_PREPS = frozenset({"to", "in", "into", "at", "inside"})


def _prep_object(tree: Tree, i: int) -> tuple[int, int] | None:
    """(preposition, its head) of the prepositional phrase token i is the object of, through conjuncts ("in Syria
    and Iraq"); None when i is no prepositional object."""
    toks = tree.tokens
    k = i
    for _ in range(6):
        if toks[k].dep != "conj" or toks[k].head == k:
            break
        k = toks[k].head
    if toks[k].dep != "pobj" or toks[k].head == k:
        return None
    p = toks[k].head
    return p, toks[p].head


def fight_act(tree: Tree, f: Frame) -> bool:
    """Whether the act is a fight told with a fight verb ("fighting", "fought", "battled")."""
    return f.code.event == "ASSAULT" and lemma_of(tree, f.base) in FIGHT_LEMMAS


def _fought_through(tree: Tree, f: Frame, recipients: list[Argument], preps: frozenset[str]) -> list[Argument]:
    """Recipients of a fight that are the object of one of preps on the fight verb itself; [] for other acts."""
    if not fight_act(tree, f):
        return []
    out = []
    for r in recipients:
        found = _prep_object(tree, r.head) if r.head >= 0 else None
        if found and tree.tokens[found[0]].lower in preps and found[1] == f.base:
            out.append(r)
    return out


def battlegrounds(tree: Tree, f: Frame, recipients: list[Argument]) -> list[Argument]:
    """Recipients that are only the place a fight is fought in ("fighting in Syria"); [] otherwise."""
    return _fought_through(tree, f, recipients, THEATRE_PREPS)


def sides_fought_for(tree: Tree, f: Frame, recipients: list[Argument]) -> list[Argument]:
    """Recipients that are the side a fight is fought for ("fighting for Al-Shabaab"); [] otherwise."""
    return _fought_through(tree, f, recipients, SIDE_PREPS)


def own_beside_other(tree: Tree, actors: list[Argument], recipients: list[Argument]) -> list[Argument]:
    """Recipients of the actor's own country named on a thing ("US funding") or as the place the act brings
    someone to ("to Japan"), when another recipient of another country is there; [] otherwise."""
    codes = {a.entity.code for a in actors if a.entity.code}
    if not codes or not any(r.entity.code and r.entity.code not in codes for r in recipients):
        return []
    toks = tree.tokens
    out = []
    for r in recipients:
        if r.entity.code not in codes or r.head < 0 or r.head in {a.head for a in actors}:
            continue
        t = toks[r.head]
        if t.dep in MODIFIER_DEPS and t.head != t.i and toks[t.head].pos == "NOUN" and not r.entity.sector:
            out.append(r)  # "US funding": a country name on a thing, not a body of the country ("US troops")
            continue
        found = _prep_object(tree, r.head)
        if found and toks[found[0]].lower in DESTINATION_PREPS and not r.entity.sector:
            out.append(r)
    return out


# Words that, hyphenated after a name, make it a date or a manner ("Obama-era", "Soviet-style").
DATING_WORDS = frozenset({"era", "style", "like", "type", "vintage", "age", "inspired"})


def dating_names(tree: Tree, recipients: list[Argument]) -> list[Argument]:
    """Recipients that only date or style a thing ("the Obama-era deal", "a Soviet-style purge"); [] otherwise."""
    toks = tree.tokens
    out = []
    for r in recipients:
        h = r.head
        if 0 <= h and h + 2 < len(toks) and toks[h + 1].text == "-" and not toks[h].ws and not toks[h + 1].ws \
                and toks[h + 2].lower in DATING_WORDS:
            out.append(r)
    return out


def left_place(tree: Tree, f: Frame, i: int) -> bool:
    """Token i names only the country or place a withdrawal told by a verb leaves ("withdrew troops from Mali",
    "pulled out of Iraq"): a place name that is the object of "from" or "out of" on the RETREAT's verb or its object.
    The dev gold codes such a withdrawal with no recipient and the country as its place (thirteenth round); our own
    gold codes the noun ("completed their withdrawal from Niger") with the country as recipient, which stays, and a
    party left ("withdrew from the coalition") is no place name and stays too."""
    toks = tree.tokens
    if f.code.event != "RETREAT" or i < 0 or toks[i].ent_type not in ("GPE", "LOC"):
        return False
    found = _prep_object(tree, i)
    v = f.trigger[1] - 1
    if not found or toks[v].pos != "VERB":
        return False  # the noun "their withdrawal from Niger" keeps the country: our own gold codes it so
    p, head = found
    if toks[p].lower == "of" and toks[head].dep == "pobj" and toks[head].head != head and \
            toks[toks[head].head].lower in ("from", "of"):  # "from a part of Syria", "out of the north of Mali"
        p = toks[head].head
        head = toks[p].head
    if head != v and not (toks[head].dep == "dobj" and toks[head].head == v) and not (
            toks[head].dep == "prt" and toks[head].head == v):
        return False
    return toks[p].lower == "from" or toks[p].lower == "of" and p > 0 and toks[p - 1].lower == "out"
