"""Stated willingness to cooperate: "X signalled / expressed a willingness to work with Y" (fourteenth round).

The PLOVER manual's AGREE covers any indication of "willingness or commitment to cooperate" (CAMEO 03). A noun
of willingness (`WILLING_NOUNS`) that a verb of showing or saying makes the speaker's own ("expressed readiness",
"signalled a new willingness") and whose to-infinitive names a cooperative act (`cooperative_acts` cue list, or
any verb the lexicon codes as cooperation) is that indication, asserted: the willingness is stated now. The act
itself is future and is not coded again. A denied willingness ("showed no willingness") is none.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .tree import OBJ, Frame, Tree, match_verb, subject_of

WILLING_NOUNS = frozenset({"willingness", "readiness", "eagerness", "openness"})
# Verbs that make the willingness the subject's own statement or sign of it.
# "showed / demonstrated a willingness" describes conduct, not a stated commitment (issue 12 lists it as a wrong
# sense); it stays no event.
SHOWING_VERBS = frozenset({"express", "signal", "voice", "indicate", "reaffirm", "reiterate", "declare", "confirm",
                           "convey", "state", "announce"})
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
NEGATORS = frozenset({"no", "not", "little", "never", "without"})


def willingness_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'X expressed / signalled (a) willingness / readiness to <cooperative act> (with Y)': AGREE 030 by X.

    The recipient is the act's 'with' party or its object; the act's verb is absorbed (not coded again)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in WILLING_NOUNS or t.pos != "NOUN" or t.dep not in OBJ:
            continue
        v = tree.head(t.i)
        if v is None or toks[v].lemma.lower() not in SHOWING_VERBS:
            continue
        x = next((k for k in tree.kids[t.i] if toks[k].dep in ("acl", "relcl") and toks[k].pos == "VERB"
                  and any(toks[a].lower == "to" for a in tree.kids[k])), None)
        if x is None:  # eighteenth round, meetings: "expressed openness to meeting with Lima" (a gerund after 'to',
            # which the parser may hang on the verb)
            x = next((g for h in (t.i, v) for p in tree.children(h, {"prep"}) if toks[p].lower == "to" and p > t.i
                      for g in tree.children(p, {"pcomp"}) if toks[g].pos == "VERB" and toks[g].tag == "VBG"), None)
        if x is None or not _cooperative(tree, x, lex):
            continue
        if any(toks[k].lower in NEGATORS for k in tree.kids[t.i]) or any(toks[k].dep == "neg" for k in tree.kids[v]):
            continue  # "showed no willingness to talk", "did not signal readiness": nothing offered
        rcpt = [c for _, a in tree.prep_args(x, ("with", "to")) for c in tree.conjuncts(a)] + [
            c for o in tree.children(x, OBJ) for c in tree.conjuncts(o) if toks[o].pos == "PROPN"]
        verb = toks[x].lemma.lower()
        out.append(Frame(f"willingness:{t.lemma.lower()}+{verb}", f"{t.lemma.lower()} to {verb}",
                         Code("AGREE", None, "030"), (t.i, t.i + 1), tuple(subject_of(tree, v)), tuple(rcpt), v,
                         absorbed=(x,), notes=("a stated willingness to cooperate is an AGREE (PLOVER manual)",)))
    return out


def _cooperative(tree: Tree, x: int, lex: Lexicon) -> bool:
    """Is the to-infinitive a cooperative act: a `cooperative_acts` verb or a lexicon verb of a cooperative type?"""
    if tree.tokens[x].lemma.lower() in lex.cue("cooperative_acts"):
        return True
    m = match_verb(tree, x, lex)
    return m is not None and m[0].code.event in COOPERATIVE_TYPES
