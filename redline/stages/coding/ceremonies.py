"""Marches that are no dissent (eighteenth round, precision: fresh sample A of round 36).

PLOVER's PROTEST is collective civilian dissent (docs/annotation.md section 3). A crowd that marches, rallies or takes
to the streets to mourn, to bury or to celebrate ("more than a million people marched for three
days of mourning over the general", "hundreds took to the streets to celebrate the nuclear deal") dissents from no
one; nor do troops marching in a parade ("cordons of troops marched in his honor"). Kept: a march with any word of
dissent in the sentence ("mourners marched chanting slogans against the United States", "rallied in solidarity
with the demonstrations", "marched against the tax") and any march of civilians with no ceremony named.
"""

from __future__ import annotations

from .tree import Frame, Tree

# What a march of mourning, burial or celebration names (lemmas and forms).
CEREMONY = frozenset({"mourn", "mourning", "funeral", "funerals", "burial", "bury", "celebrate", "celebration",
                      "celebrations", "parade"})
# Not "in honor of": a march in honour of victims is a protest as often as not (NGEC's synthetic stories label one).
# Words of dissent that make the march a protest whatever else it is.
DISSENT = frozenset({"against", "protest", "protests", "protester", "protesters", "protesting", "demand", "demands",
                     "demanding", "chant", "chanting", "chanted", "slogan", "slogans", "anger", "angry", "outrage",
                     "solidarity", "denounce", "denouncing", "condemn", "condemning", "oppose", "opposing", "death",
                     "down", "fury", "furious", "demonstrator", "demonstrators", "demonstration", "demonstrations",
                     "rally", "rallies", "dissent", "resign", "resignation"})
TROOPS = frozenset({"troop", "troops", "soldier", "soldiers", "cadet", "cadets", "guard", "guards", "sailor",
                    "sailors", "marine", "marines", "band", "regiment", "regiments", "battalion", "unit", "units"})
MARCHING = frozenset({"march", "rally", "take", "gather", "parade", "throng", "pour", "flood", "fill", "line"})


def ceremony(tree: Tree, f: Frame) -> bool:
    """A PROTEST march whose marchers are troops, or whose phrases name mourning, a burial or a celebration, with no
    word of dissent in the sentence."""
    toks = tree.tokens
    if f.code.event != "PROTEST" or f.code.mode not in (None, "demo") or not f.rule.startswith("svo"):
        return False
    v = f.base
    if toks[v].lemma.lower() not in MARCHING:
        return False
    if any(toks[k].lower in DISSENT or toks[k].lemma.lower() in DISSENT for k in range(len(toks))
           if k != v):
        return False
    if f.actors and all(toks[a].lemma.lower() in TROOPS or toks[a].lower in TROOPS for a in f.actors):
        return True  # "cordons of Chinese troops marched in his honor"
    phrases = [k for c in tree.kids[v] if toks[c].dep in ("prep", "advcl", "xcomp", "npadvmod")
               for k in tree.subtree(c)]
    return any(toks[k].lemma.lower() in CEREMONY or toks[k].lower in CEREMONY for k in phrases)


def drop_reason(tree: Tree, f: Frame) -> str:
    if ceremony(tree, f):
        return "a march to mourn or celebrate, or a parade of troops, is no dissent: no PROTEST"
    return ""


__all__ = ["ceremony", "drop_reason"]
