"""Investigations a party is under (fourteenth round, verbal): "three officials are under investigation for fraud",
"the death of the trader is under investigation", "the ministry came under a federal probe". The manual's ACCUSE
'investigate' covers any investigation; the party under it is the recipient (the subject of the state verb) and
the investigating authorities are not named: the coder reads the frame as an agentless charge
(coder.UNDERGONE_CHARGES: the prosecutors of the place or of the party's country, as an agentless arrest). An
investigation's noun must be the lexicon's ACCUSE/investigate noun; "under review", "under discussion" are none.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree, match_noun, subject_of

# Verbs of a state one is, stays or falls under ("is under investigation", "came under scrutiny").
STATE_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "go", "place", "put", "keep"})


def under_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """An ACCUSE/investigate frame for each "<X> is / remains / came under investigation" with X as recipient and
    no actor (the coder's agentless charge)."""
    toks = tree.tokens
    out = []
    for n, t in enumerate(toks):
        if t.dep != "pobj" or t.pos != "NOUN":
            continue
        p = tree.head(n)
        if p is None or toks[p].lower != "under":
            continue
        v = tree.head(p)
        if v is None or toks[v].lemma.lower() not in STATE_VERBS:
            continue
        ne = match_noun(tree, n, lex)
        if ne is None or (ne.code.event, ne.code.mode) != ("ACCUSE", "investigate"):
            continue
        # "placed / put under investigation" names the investigated as object or passive subject
        parties = subject_of(tree, v) if toks[v].lemma.lower() not in ("place", "put") else (
            tree.children(v, {"dobj", "nsubjpass"}))
        if not parties:
            continue
        out.append(Frame(f"under:{ne.key}", ne.key, ne.code, (p, n + 1), (), tuple(parties), v,
                         notes=("a party under investigation is investigated by authorities the sentence does not name",)))
    return out
