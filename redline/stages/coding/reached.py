"""Pacts named as reached, with their parties (sixteenth round, recall): "the deal reached in July between six world
powers and Iran", "the nuclear deal reached with Iran", "an agreement reached Thursday among Russian, Ukrainian and
American diplomats". Eighteenth round, meetings: also told as a passive clause ("the pact was brokered between the
two leaders", "the accord was clinched in July by six powers and Iran", "was hammered out between").

A pact noun (`pacts.PACT_NOUNS`) carrying a participle of a verb that makes a deal (`REACHING`) reports that its
parties agreed: AGREE 030, the parties named in the participle's or the noun's "between / among / with / by"
phrases acting together (reciprocal), as "reached a deal with Iran" codes it. A pact reached with no party named
("an interim deal was reached") is left to the light verb rules, which need a party. The rule is nominal: a later
mention of the same pact with the same parties in the article refers back to it (the coding stage).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .pacts import PACT_NOUNS
from .tree import Frame, Tree

# Verbs whose participle on a pact noun says the pact was made ("signed" is SUPPORT, coded by the light verb rules).
REACHING = frozenset({"reach", "strike", "conclude", "seal", "clinch", "broker"})
PARTY_PREPS = ("between", "among", "with", "by")
WORKING = frozenset({"hammer", "hash", "thrash"})


def reached_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """'the <pact> reached (in July) between / with / among <parties>': AGREE by the parties named."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in PACT_NOUNS or t.pos != "NOUN":
            continue
        told = [v for v in tree.children(t.i, {"acl"}) if toks[v].tag == "VBN"]
        if t.dep == "nsubjpass" and tree.head(t.i) is not None:
            told.append(tree.head(t.i))  # eighteenth round: "the pact was brokered between X and Y", "was clinched by"
        for v in told:
            if toks[v].lemma.lower() not in REACHING and not _worked_out(tree, v):
                continue
            if tree.children(v, {"neg"}):
                continue
            parties = [x for h in (v, t.i) for _, a in tree.prep_args(h, PARTY_PREPS) for x in tree.conjuncts(a)
                       if _party(tree, x, lex)]
            if not parties:
                continue
            out.append(Frame(f"nominal-reached:{t.lemma.lower()}", f"{t.lemma.lower()} reached",
                             Code("AGREE", None, "030"), (t.i, t.i + 1), tuple(dict.fromkeys(parties)), (), v,
                             reciprocal=True, notes=("a pact reached with its parties named: they agreed",)))
    return out


def _worked_out(tree: Tree, v: int) -> bool:
    """"hammered out", "hashed out" (light.txt codes their active voice)."""
    toks = tree.tokens
    return toks[v].lemma.lower() in WORKING and any(toks[k].lower == "out" for k in tree.children(v, {"prt"}))


def _party(tree: Tree, x: int, lex: Lexicon) -> bool:
    """A named party or an agent word ("six world powers", "Iran", "Russian diplomats"), not a place or a time."""
    toks = tree.tokens
    named = any(toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN"
                for k in [x] + [c for c in tree.kids[x] if toks[c].dep in ("compound", "amod", "nmod", "poss")])
    return named and toks[x].ent_type not in ("DATE", "TIME", "LOC", "FAC") or toks[x].lemma.lower() in lex.cue(
        "agents") or toks[x].lower in ("powers",)
