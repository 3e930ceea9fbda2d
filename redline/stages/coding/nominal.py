"""Nominal rules: event nouns not governed by a light verb ("talks between A and B", "talks began", "is a red
line")."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    Frame,
    Tree,
    match_noun,
    subject_of,
)

ASPECT_VERBS = {"start", "begin", "resume", "continue", "open", "take", "get", "go", "end", "stall", "collapse"}


def noun_frames(tree: Tree, n: int, lex: Lexicon) -> list[Frame]:
    """Nominal events not governed by a light verb: 'X between A and B', 'talks ... started', 'is a red line'."""
    toks = tree.tokens
    ne = match_noun(tree, n, lex)
    if ne is None or toks[n].lemma.lower() not in lex.nouns:
        return []
    dep = toks[n].dep
    h = tree.head(n)
    between = [x for _, a in tree.prep_args(n, ("between", "among")) for x in tree.conjuncts(a)]
    if not between and "recip" in ne.flags:
        # "an agreement during the summit between A and B": the participants of the meeting it was reached at
        for _, a in tree.prep_args(n, ("during", "at")):
            if match_noun(tree, a, lex) is not None:
                between = [x for _, b in tree.prep_args(a, ("between", "among")) for x in tree.conjuncts(b)]
    start = min([n] + [k for k in tree.kids[n] if toks[k].dep in ("compound", "amod") and toks[k].lower in ne.words])
    trig = (start, n + 1)
    base = h if h is not None else n
    if "copula" in ne.flags and dep == "attr" and h is not None:
        actors = [x for _, a in tree.prep_args(n, ("for", "to")) for x in tree.conjuncts(a)]
        return [Frame(f"copula:{ne.key}", ne.key, ne.code, trig, (), (), h, actor_fallback=tuple(actors),
                      notes=("actor is the speaker, else the 'for' argument",))]
    background = dep == "pobj" and h is not None and toks[h].lower in ("amid", "despite", "over", "about", "for")
    if "onstate" in ne.flags and dep == "pobj" and h is not None and toks[h].lower == "on":
        gov = tree.head(h)
        if gov is not None and toks[gov].pos in ("VERB", "AUX"):
            return [Frame(f"on-state:{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, gov)), (), gov)]
    if between and "recip" in ne.flags and not background:
        return [Frame(f"nominal-between:{ne.key}", ne.key, ne.code, trig, tuple(between), (), base,
                      reciprocal=True)]
    governors = lex.cue("future") | lex.cue("hypothetical")
    if dep in OBJ and h is not None and toks[h].lemma.lower() in governors and "recip" in ne.flags:
        rcpt = [x for _, a in tree.prep_args(n, ("with", "between")) for x in tree.conjuncts(a)]
        return [Frame(f"nominal-object:{toks[h].lemma}+{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, h)),
                      tuple(rcpt), n)]
    if dep in SUBJ | PASS_SUBJ and h is not None and toks[h].lemma.lower() in ASPECT_VERBS:
        actors = [k for k in tree.kids[n] if toks[k].dep in ("poss", "amod", "compound")]
        if not actors and "recip" not in ne.flags:
            return []
        rcpt = [x for _, a in tree.prep_args(n, ("with", "against", "on")) for x in tree.conjuncts(a)]
        gov = tree.head(h)
        if not actors and gov is not None and toks[h].dep in ("ccomp", "xcomp"):
            actors = subject_of(tree, gov)
        return [Frame(f"nominal-aspect:{ne.key}+{toks[h].lemma}", ne.key, ne.code, trig, tuple(actors),
                      tuple(rcpt), h)]
    return []
