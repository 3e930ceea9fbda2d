"""Offers of arms reductions (twelfth round, recall): a party proposing, offering, calling for or announcing cuts in
nuclear arsenals or warheads ("the president proposed cutting the country's nuclear arsenal by half", "called for cuts in
American and Russian nuclear arsenals", "proposed a reduction in warheads") offers a concession in arms control:
AGREE, CAMEO 030, as the dev gold codes it (docs/annotation.md: offers of concessions are AGREE). "Calling for" such
cuts is then no REQUEST: the caller's REQUEST frame on the same verb is recoded.

Only cuts of one's own or of both sides' arms: the arms must name no party, or two parties ("U.S. and Russian
warheads"), or the subject's own ("our", "its", "their"), or one party when the speaker is the subject ("we");
"called for cuts in the Russian arsenal" names another's arms and stays a REQUEST."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree, subject_of

OFFER_VERBS = frozenset({"propose", "offer", "call", "announce", "pledge", "suggest", "unveil"})
REDUCTION_NOUNS = frozenset({"cut", "reduction", "drawdown"})
REDUCTION_VERBS = frozenset({"reduce", "cut", "slash", "shrink", "halve"})
ARMS = frozenset({"arsenal", "warhead", "stockpile", "weapon", "arm", "missile"})
OWN = frozenset({"our", "its", "their", "my"})
OFFER = Code("AGREE", None, "030")


def offer_frames(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """`frames` with an AGREE frame for each offer of arms cuts; a REQUEST frame on the same verb is recoded."""
    toks = tree.tokens
    out = list(frames)
    for t in toks:
        if t.lemma.lower() not in OFFER_VERBS or t.pos != "VERB":
            continue
        if t.lemma.lower() == "call" and not any(toks[k].lower == "for" for k in tree.kids[t.i]):
            continue
        targets = tree.children(t.i, {"dobj", "xcomp"}) + [a for _, a in tree.prep_args(t.i, ("for",))]
        cuts = [_arms_cut(tree, x) for x in targets]
        if not any(cuts):
            continue
        # a REQUEST on the verb is recoded only when the arms are both sides' or one's own by name ("our");
        # "called for cuts in the Russian arsenal" stays a request to Russia
        recoded = ("AGREE", "REQUEST") if "both" in cuts else ("AGREE",)
        same = [i for i, f in enumerate(out) if f.base == t.i and f.code.event in recoded]
        if same:  # the verb's own entry ("propose" needs an offerable object: a cut of arms is one)
            f = out[same[0]]
            out[same[0]] = dataclasses.replace(f, code=OFFER, rule=f"{f.rule}+arms-offer", recipients=(),
                                               object_list=None, objects=(),
                                               notes=f.notes + ("proposing cuts in one's own arms offers them",))
        elif not any(f.base == t.i for f in out):
            out.append(Frame(f"arms-offer:{t.lemma.lower()}", f"{t.lemma.lower()} cuts", OFFER, (t.i, t.i + 1),
                             tuple(subject_of(tree, t.i)), (), t.i,
                             notes=("a party proposing cuts in its own or both sides' arms offers a concession",)))
    return out


def _arms_cut(tree: Tree, x: int) -> str:
    """"both" for a reduction of both sides' or one's own named arms ("cuts in U.S. and Russian arsenals", "nuclear
    cuts", "reduce our stockpile"), "one" for arms of one named party ("reducing U.S. nuclear arsenals": one's own
    when one proposes it), "" for none: a reduction noun with arms in its phrase or as its modifier, or a reducing
    verb with arms as its object."""
    toks = tree.tokens
    lemma = toks[x].lemma.lower()
    if lemma in REDUCTION_NOUNS and toks[x].pos == "NOUN":
        arms = [c for _, a in tree.prep_args(x, ("in", "of", "to")) for c in tree.conjuncts(a)
                if toks[c].lemma.lower() in ARMS]
        if not arms and any(toks[k].lower == "nuclear" for k in tree.kids[x]):
            return "both"  # "nuclear cuts"
    elif lemma in REDUCTION_VERBS and toks[x].pos == "VERB":
        arms = [o for o in tree.children(x, {"dobj"}) if toks[o].lemma.lower() in ARMS]
    else:
        return ""
    kinds = [_owners(tree, a) for a in arms]
    return "both" if "both" in kinds else "one" if kinds else ""


def _owners(tree: Tree, a: int) -> str:
    toks = tree.tokens
    owners = [k for k in tree.kids[a] if toks[k].dep in ("poss", "amod", "compound", "nmod")
              and (toks[k].ent_type in ("GPE", "NORP") or toks[k].lower in OWN)]
    parties = [k for o in owners for k in tree.conjuncts(o) if toks[k].lower not in OWN]
    return "both" if not parties or len(parties) >= 2 or any(toks[o].lower in OWN for o in owners) else "one"
