"""Launches: a missile or rocket named with the participle that fires it ("rockets fired from Gaza", "the Iranian
missiles fired into the Golan Heights"), the light verb's object being the projectile the participle modifies.

Who fired is the agent ("fired by Hamas"), else the party that names the projectile ("Iranian missiles", "Hamas
rockets"), else the named place it was fired from ("fired from Gaza": PLOVER codes the territory a launch comes
from). What it hit is what the projectile, as the subject of the sentence's verb, strikes ("rockets fired from
Gaza hit Ashkelon")."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import OBJ, PASS_SUBJ, SUBJ, Tree, in_places, recipient_preps, is_passive, match_noun, names_word

LAUNCH_VERBS = frozenset({"fire", "launch"})
PARTY_MODS = frozenset({"poss", "amod", "compound", "nmod"})


def launched_projectile(tree: Tree, v: int, lex: Lexicon) -> int | None:
    """The projectile a 'fire' / 'launch' with no object of its own fires: the noun its participle modifies
    ("rockets fired from Gaza"), or its subject when the parser read the participle as an active verb ("the
    missiles fired into the Golan Heights": a missile fires nothing, it is fired)."""
    toks = tree.tokens
    if toks[v].lemma.lower() not in LAUNCH_VERBS or tree.child(v, OBJ) is not None:
        return None
    h = tree.head(v)
    if toks[v].dep == "acl" and toks[v].tag == "VBN" and h is not None:
        cand = h
    else:
        cand = tree.child(v, SUBJ)
        if cand is None or any(toks[k].dep in ("aux", "auxpass") for k in tree.kids[v]):
            return None
    ne = match_noun(tree, cand, lex, toks[v].lemma.lower())
    if ne is None or ne.code.event != "ASSAULT" or not names_word(tree, cand, lex.cue("missiles")):
        return None
    return cand


def launchers(tree: Tree, v: int, projectile: int) -> list[int]:
    """Who fired: the 'by' agent, else a named party modifying the projectile, else the named place it came from."""
    toks = tree.tokens
    agents = [x for _, a in tree.prep_args(v, ("by",)) for x in tree.conjuncts(a)]
    if agents:
        return agents
    mods = [k for k in tree.kids[projectile] if toks[k].dep in PARTY_MODS
            and toks[k].ent_type in ("GPE", "NORP", "ORG")]
    if mods:
        return mods
    return [x for _, a in tree.prep_args(v, ("from",)) for x in tree.conjuncts(a)
            if toks[x].ent_type in ("GPE", "LOC", "FAC")]


def impact(tree: Tree, projectile: int, v: int) -> tuple[list[int], tuple[int, ...]]:
    """What the projectile struck as the subject of its own verb ("hit Ashkelon", "slammed into a school in
    Sderot"): that verb's objects and target phrases, and its places. When the parser made the participle 'fired'
    the main verb, the striking verb hangs on it with no subject of its own ("Rockets fired from Gaza hit
    Ashkelon": 'hit' an adverbial clause of 'fired')."""
    toks = tree.tokens
    h = tree.head(projectile)
    if h == v:
        h = next((c for c in tree.children(v, {"advcl", "conj"}) if toks[c].pos == "VERB"
                  and tree.child(c, SUBJ) is None and tree.child(c, PASS_SUBJ) is None), None)
    elif h is None or toks[projectile].dep not in SUBJ:
        return [], ()
    if h is None or toks[h].pos != "VERB" or is_passive(tree, h):
        return [], ()
    hits = [x for o in tree.children(h, OBJ) for x in tree.conjuncts(o)] + recipient_preps(tree, h)
    hits = [x for x in hits if toks[x].dep not in PASS_SUBJ]
    # a named place struck is a target, not a test ("hit Ashkelon", "landed in northern Israel")
    return hits, in_places(tree, [h]) + tuple(
        x for x in hits if toks[x].ent_type in ("GPE", "FAC", "LOC") or toks[x].pos == "PROPN")
