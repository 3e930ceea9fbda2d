"""Parties counted out or left open: quantifiers on the actor that make the clause no particular act (thirteenth
round, issue 12; factuality.classify calls `quantified_actor`).

The wrong events still asserted on the judged samples K-O, V and W include clauses whose subject is no party that
acted but a count or a kind: "no other sitting president has ever visited the city", "few leaders have criticized
Moscow" (hardly anyone did: a comparison, no act), "any country helping the regime is violating the sanctions" (any
such country: a rule), "today, people mock the appeaser" (people in general: an opinion held). docs/annotation.md
section 2 codes no generic or habitual act. "A few countries condemned the strike", "every member condemned it" and
"several countries condemned it" report acts and stay.
"""

from __future__ import annotations

from ...records import Factuality
from .tree import Tree

# Counts that deny the act of nearly everyone they count ("few leaders", "hardly any state").
SCANT_COUNTS = frozenset({"few", "fewer"})
# Subjects that name people in general, no party: "people mock him", "everyone blames the government".
ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody"})
# "People" is people in general only with an adverb of the age ("today, people mock him"); a headline's "people
# protest in Caracas" reports an act in the present tense.
NOWADAYS = frozenset({"today", "nowadays", "now"})
PRESENT = frozenset({"VBZ", "VBP"})


def _no_other(tree: Tree, n: int) -> bool:
    """'no other president', parsed with 'no' on 'other' ('No other sitting president': det -> amod)."""
    toks = tree.tokens
    return any(toks[a].lower == "other" and any(toks[d].lower == "no" and toks[d].dep == "det" for d in tree.kids[a])
               for a in tree.kids[n] if toks[a].dep == "amod")


def _scant(tree: Tree, n: int) -> str | None:
    """'few leaders', 'fewer leaders', 'hardly any state' ('a few countries' is some: None; 'fewer than ten
    countries' is a number, not counted out)."""
    toks = tree.tokens
    for k in tree.kids[n]:
        if toks[k].lower in SCANT_COUNTS and toks[k].dep in ("amod", "det", "nummod") and not any(
                toks[d].lower == "a" for d in tree.kids[k]) and not (k > 0 and toks[k - 1].lower == "a"):
            return toks[k].text
        if toks[k].lower == "any" and toks[k].dep == "det" and k > 0 and toks[k - 1].lower in ("hardly", "scarcely"):
            return f"{toks[k - 1].text} any"
    return None


def _any(tree: Tree, n: int) -> bool:
    toks = tree.tokens
    return any(toks[k].lower == "any" and toks[k].dep == "det" and not (k > 0 and toks[k - 1].lower in (
        "hardly", "scarcely")) for k in tree.kids[n])


def quantified_actor(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """The subject of the event's clause counts the actors out ('no other X', 'few X', 'hardly any X'), is 'any X'
    ('any country ... is violating'), or is anyone / anybody / everyone / everybody, or 'people' with 'today',
    'nowadays' or 'now', bare and in the simple present ('everyone blames Iran', 'today, people mock the king');
    also a participle or relative clause on 'any X' ('any country helping North Korea')."""
    toks = tree.tokens
    subjects = list(tree.children(base, {"nsubj", "nsubjpass"}))
    for s in subjects:
        if _no_other(tree, s):
            return Factuality.NEGATED, f"'no other {toks[s].text}' as subject of '{toks[base].text}': nobody else did"
        few = _scant(tree, s)
        if few:
            return Factuality.NEGATED, f"'{few} {toks[s].text}' as subject of '{toks[base].text}': hardly anyone did"
        if _any(tree, s) and not any(toks[k].dep == "neg" for k in tree.kids[base]):
            return Factuality.HYPOTHETICAL, f"'any {toks[s].text}' as subject of '{toks[base].text}': no particular act"
        general = toks[s].lower in ANYONE or toks[s].lower == "people" and any(
            toks[k].lower in NOWADAYS and toks[k].dep in ("npadvmod", "advmod") for k in tree.kids[base])
        if general and toks[base].tag in PRESENT and not any(
                toks[k].dep in ("det", "poss", "amod", "nummod", "compound", "prep", "relcl", "acl")
                for k in tree.kids[s]):
            return Factuality.HYPOTHETICAL, f"'{toks[s].text} {toks[base].text}': people in general, no party acting"
    h = tree.head(base)
    own_subject = any(toks[k].dep in ("nsubj", "nsubjpass") and toks[k].tag not in ("WDT", "WP")
                      for k in tree.kids[base])  # "any doubt that the militants attacked": the noun is no actor
    if toks[base].dep in ("acl", "relcl") and h is not None and toks[h].pos in ("NOUN", "PROPN") and _any(tree, h) \
            and not own_subject:
        return Factuality.HYPOTHETICAL, f"'{toks[base].text}' describes any '{toks[h].text}': no particular act"
    return None
