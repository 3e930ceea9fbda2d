"""Captives held (eighteenth round, recall): "hold" or "keep" a person hostage, captive, behind bars, in custody or
under house arrest, and "hold prisoners / hostages".

PLOVER codes taking and keeping hostages as ASSAULT/abduct (CAMEO 181) and detention as COERCE/arrest (173). The
verb is an event only with its confinement named, so "held talks", "holds a photo", "held the line" stay what the
other rules make of them, and only a person is held ("our policy is held hostage by the consensus" is a figure of
speech). The holder is the subject, or the "by" agent of a passive ("the Americans held by Iran"); a passive with
no holder named is left alone (the doer, when there is one, is named elsewhere and coded there). The person held is
the recipient.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import OBJ, PASS_SUBJ, Frame, Tree, subject_of

HOLDING = frozenset({"hold", "keep"})
ABDUCTED = frozenset({"hostage", "hostages", "captive", "captives"})
DETAINED = frozenset({"prisoner", "prisoners", "detainee", "detainees"})
# where a person is kept: "behind bars", "in custody / prison / jail / detention / captivity", "under house arrest"
CONFINEMENTS = {"behind": frozenset({"bars"}),
                "in": frozenset({"custody", "prison", "prisons", "jail", "jails", "detention", "captivity", "cell",
                                 "cells", "solitary"}),
                "under": frozenset({"arrest", "detention", "guard"})}
ABDUCT = Code("ASSAULT", "abduct", "181")
ARREST = Code("COERCE", "arrest", "173")
PERSON_ENTS = ("PERSON", "NORP")
QUANTIFIERS = frozenset({"some", "many", "several", "all", "most", "dozen", "dozens", "hundred", "hundreds", "few"})


def captive_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'<holder> held <person> hostage / behind bars / in custody', '<person> held by <holder> in prison'."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in HOLDING or t.pos not in ("VERB", "AUX"):
            continue
        v = t.i
        h = tree.head(v)
        if t.dep == "xcomp" and h is not None and toks[h].lemma.lower() == "use":
            continue  # "camps used to hold prisoners": a place or means of holding, its owner named elsewhere
        if t.dep == "acl" and t.tag == "VBN" and h is not None:
            patients = [h]
        else:
            patients = tree.children(v, set(OBJ) | set(PASS_SUBJ))
            # "held the aid workers hostage" parsed as a small clause: the workers are the subject of 'hostage'
            patients += [s for c in tree.children(v, {"ccomp", "xcomp", "oprd"}) if toks[c].lower in ABDUCTED
                         for s in tree.children(c, {"nsubj"})]
        patients = [x for p in patients for x in tree.conjuncts(p)]
        code = _confinement(tree, v, patients)
        if code is None or not patients:
            continue
        people = [x for x in patients if _person(tree, x, lex)]
        if not people:
            continue
        passive = t.dep == "acl" or any(toks[k].dep in PASS_SUBJ or toks[k].dep == "auxpass" for k in tree.kids[v])
        holders = ([x for _, a in tree.prep_args(v, ("by",)) for x in tree.conjuncts(a)] if passive
                   else subject_of(tree, v))
        holders = [x for x in holders if _holder(tree, x, lex)]
        if not holders:
            continue
        out.append(Frame(f"captive:{t.lemma.lower()}", f"{t.lemma.lower()} captive", code, (v, v + 1),
                         tuple(holders), tuple(people), v, objects=tuple(patients),
                         notes=("a person held hostage or in confinement: the holder acts on the person held",)))
    return out


def _confinement(tree: Tree, v: int, patients: list[int]) -> Code | None:
    """The confinement the hold names: hostage or captive (abduction), or a place of detention; None for none."""
    toks = tree.tokens
    near = list(tree.kids[v]) + [k for p in patients for k in tree.subtree(p)]
    if any(toks[k].lower in ABDUCTED for k in near):
        return ABDUCT
    if any(toks[k].lower in DETAINED for k in patients):
        return ARREST
    for p in tree.children(v, {"prep"}):
        places = CONFINEMENTS.get(toks[p].lower)
        if places and any(toks[a].lower in places for a in tree.children(p, {"pobj"})):
            return ARREST
    return None


def _holder(tree: Tree, x: int, lex: Lexicon) -> bool:
    """A party that can hold someone: a name, a pronoun or an agent word; not a place that holds them ("the camps
    used to hold political prisoners": the camp's owner is the holder, named elsewhere)."""
    toks = tree.tokens
    return (toks[x].pos in ("PROPN", "PRON") or toks[x].ent_type in ("GPE", "NORP", "ORG", "PERSON")
            or toks[x].lemma.lower() in lex.cue("agents"))


def _person(tree: Tree, x: int, lex: Lexicon) -> bool:
    """A person or people: a named person or nationality, a pronoun, or a word for captives or agents; a number
    or quantifier counts through its "of" phrase ("four of his relatives")."""
    toks = tree.tokens
    people = lex.cue("captives") | lex.cue("agents") | DETAINED | ABDUCTED
    heads = [x]
    if toks[x].pos == "NUM" or toks[x].lemma.lower() in QUANTIFIERS:
        heads += [a for _, a in tree.prep_args(x, ("of",))]
    return any(toks[k].ent_type in PERSON_ENTS or toks[k].pos == "PRON" and toks[k].lower not in ("it", "this", "that")
               or toks[k].lemma.lower() in people
               or any(toks[c].ent_type in PERSON_ENTS for c in tree.children(k, {"compound", "amod"}))
               for k in heads)
