"""Recipients that are not parties (issue 12, recipient half): a town the act speaks of ("pledged not to use
Aleppo"), the place of a gathering ("at a summit in Brussels"), the actor's own things ("lifted the French arms
embargo against Chile", "closed its consulate"), and what a target does or is for ("militants attempting to
infiltrate Israel", "tunnels built to attack Israel"). Pure functions over the parse; recipients.py applies them."""

from __future__ import annotations

from .arguments import EVENT_NOUNS, LOCATIVE, VIOLENT_NOUNS, Argument
from .tree import Frame, Tree

# Acts whose target, when it is a place ("shelled Mariupol", "seized Kherson"), is that place's country.
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
# Acts whose target, when it is a town or region itself, stands for that place's country ("sent aid to Mosul",
# "blockaded Gaza", "withdrew from Kherson"); for other acts a town is what is spoken of, not a party ("pledged
# not to use Aleppo to raise money", "agreed on Mosul").
PLACE_PARTY_TYPES = PLACE_TARGET_TYPES | {"AID", "SANCTION", "RETREAT", "THREATEN", "PROTEST"}
# Things a state owns or imposes: a country named on them as modifier or possessor is their owner, not the party
# the act is aimed at ("lifted the French arms embargo against Chile", "closed its consulate in Shanghai").
OWN_THINGS = frozenset({"embargo", "ban", "sanction", "blockade", "boycott", "tariff", "moratorium", "restriction",
                        "embassy", "consulate", "mission", "airspace", "border"})
# Measures a state imposes on others: lifting or easing one whose target is not named is not aimed at the state's
# own people ("lifted the ban in 2014", "eased its embargo").
MEASURES = frozenset({"embargo", "ban", "sanction", "blockade", "boycott", "tariff", "moratorium"})


def lemma_of(tree: Tree, i: int) -> str:
    return tree.tokens[i].lemma.lower() if i >= 0 else ""


def thing_heads(tree: Tree, n: int) -> list[int]:
    """A target noun that is a thing, not a party, and the things of its 'of' phrase ("a network of tunnels");
    [] for a named party or a person ("militants", "Hamas")."""
    toks = tree.tokens
    if toks[n].pos != "NOUN" or toks[n].ent_type:
        return []
    ofs = [p for p in tree.children(n, {"prep"}) if toks[p].lower == "of"]
    return [n] + [x for p in ofs for x in tree.children(p, {"pobj"}) if toks[x].pos == "NOUN"]


def doings(tree: Tree, nodes, hostile: bool) -> set[int]:
    """Tokens that say what the target does or is for, not who it is: a present participle on it ("militants
    attempting to infiltrate Israel" are not Israeli) and, for a hostile act, a purpose or adverbial clause
    inside it ("tunnels dug to attack Israel": Israel is not whom the tunnels' destruction is aimed at)."""
    toks = tree.tokens
    out: set[int] = set()
    for n in nodes:
        for i in tree.subtree(n):
            if i == n:
                continue
            if toks[i].dep == "acl" and toks[i].tag == "VBG" or hostile and toks[i].dep in ("advcl", "xcomp"):
                out.update(tree.subtree(i))
    return out


def spoken_places(tree: Tree, f: Frame, recipients: list[Argument]) -> list[Argument]:
    """Recipients that are a town or region (a gazetteer place, not a country or a capital standing for its
    government) named as the object of the content verb of an act that does not fall on places ("pledged not to
    use Aleppo to raise money", "promised not to exploit Mosul", "urged them to rebuild Gaza"): what the act
    speaks of, not the party it is aimed at. Acts that fall on places (violence, aid, sanctions, retreats) keep
    them."""
    if f.code.event in PLACE_PARTY_TYPES or f.code.mode == "visit":
        return []
    toks = tree.tokens
    out = []
    for r in recipients:
        h = r.head
        if h < 0 or "as a place" not in (r.entity.reason or "") and not (r.entity.reason or "").startswith("place:"):
            continue
        v = toks[h].head
        if toks[h].dep in ("dobj", "nsubjpass") and v != f.base and toks[v].pos in ("VERB", "AUX"):
            out.append(r)
    return out


# Gatherings whose place is a venue: "approved the deal at a summit in Brussels" is not aimed at Belgium.
VENUES = frozenset({"summit", "meeting", "conference", "talks", "session", "ceremony", "gathering", "forum",
                    "convention", "congress", "talk"})


def venue_places(tree: Tree, recipients: list[Argument]) -> list[Argument]:
    """Recipients that are a town or capital named as the place of a gathering ("at a summit in Brussels", "at
    talks in Geneva"): where the act was done, not the party it is aimed at."""
    toks = tree.tokens
    out = []
    for r in recipients:
        reason = r.entity.reason or ""
        if r.head < 0 or "as a place" not in reason and not reason.startswith("place:"):
            continue
        i = r.head
        if toks[i].pos != "PROPN" and toks[i].lemma.lower() in VENUES:  # the argument is the gathering itself
            out.append(r)
            continue
        p = toks[i].head
        if toks[i].dep == "pobj" and toks[p].lower in LOCATIVE and lemma_of(tree, toks[p].head) in VENUES:
            out.append(r)
    return out


def own_things(tree: Tree, actors: list[Argument], recipients: list[Argument]) -> tuple[list[Argument], list[int]]:
    """Recipients that are the actor's own thing ("closed its consulate", "the US consulate" closed by the State
    Department) or the actor's country named on a thing it owns or imposes ("lifted the French arms embargo
    against Chile"): the recipients without them, and the heads of those things (their place may name the party
    affected). A one-country actor only; people of the actor's country ("arrested its citizens") stay."""
    codes = {a.entity.code for a in actors if a.entity.code}
    if len(codes) != 1 or not recipients:
        return recipients, []
    code = next(iter(codes))
    toks = tree.tokens
    kept, things = [], []
    for r in recipients:
        h, thing = r.head, None
        if r.entity.code == code and h >= 0:
            if lemma_of(tree, h) in OWN_THINGS:
                thing = h
            elif toks[h].dep in ("poss", "amod", "compound", "nmod") and lemma_of(tree, toks[h].head) in OWN_THINGS:
                thing = toks[h].head
        if thing is None:
            kept.append(r)
        else:
            things.append(thing)
    return kept, things


# Stances towards an act, aimed at its author ("condemned the U.S. strikes on Iraqi bases" is aimed at the US).
STANCE_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
MODIFIERS = ("amod", "compound", "poss", "nmod")


def culprits_victims(tree: Tree, f: Frame, recipients: list[Argument]) -> list[Argument]:
    """Recipients inside the phrase of a violent act whose author is named on it ("condemned U.S. air strikes on
    bases of Iraqi militia", "denounced Russia's shelling of Ukrainian towns"): the victims of the act a stance is
    about, not the party the stance is aimed at; [] when no recipient is such an author."""
    if f.code.event not in STANCE_TYPES:
        return []
    toks = tree.tokens
    acts = {toks[r.head].head for r in recipients if r.head >= 0 and toks[r.head].dep in MODIFIERS
            and toks[toks[r.head].head].pos == "NOUN" and lemma_of(tree, toks[r.head].head) in VIOLENT_NOUNS}
    inside = {k for a in acts for c in tree.kids[a] if toks[c].dep == "prep" for k in tree.subtree(c)}
    return [r for r in recipients if r.head in inside]


def topic_conflicts(tree: Tree, f: Frame, recipients: list[Argument]) -> list[Argument]:
    """Recipients that name a side of a conflict or crisis spoken of deep inside the target ("no longer supports a
    two-state solution to the Israeli-Palestinian conflict", "a plan for ending the Syrian war"): a nationality or
    country modifying an event noun that is itself inside a prepositional phrase of the target; the sides of the
    conflict are what the act speaks of. Hostile acts keep them."""
    return [r for r in recipients if conflict_side(tree, f, r.head)]


# Conflicts and states of affairs whose sides are spoken of; a violent act's modifier is its author instead
# ("condemnation of the Israeli raid on Gaza" is aimed at Israel).
SPOKEN_EVENTS = EVENT_NOUNS - VIOLENT_NOUNS


def conflict_side(tree: Tree, f: Frame, i: int) -> bool:
    """Is token i a modifier of a conflict or crisis noun nested inside the act's target, not hanging on the
    trigger itself ("a solution to the Israeli-Palestinian conflict", "a plan for ending the Afghan war"), for an
    act that does not fall on places?"""
    toks = tree.tokens
    if f.code.event in PLACE_PARTY_TYPES or i < 0 or toks[i].dep not in MODIFIERS:
        return False
    noun = toks[i].head
    while toks[noun].pos in ("ADJ", "PROPN") and toks[noun].dep in MODIFIERS and toks[noun].head != noun:
        noun = toks[noun].head  # "the Israeli-Palestinian conflict": Israeli hangs on Palestinian
    if toks[noun].pos != "NOUN" or lemma_of(tree, noun) not in SPOKEN_EVENTS or toks[noun].dep not in ("pobj", "dobj"):
        return False
    governor = toks[noun].head  # the word the conflict's phrase hangs on: a noun or a verb inside the target
    if toks[noun].dep == "pobj":
        governor = toks[governor].head
    return governor != f.base and not f.trigger[0] <= governor < f.trigger[1]
