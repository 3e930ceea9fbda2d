"""Promises of hostile measures (ninth round, issue 12): a vow, pledge or promise to bring force or coercive measures
on another party is a threat, not the agreement the commitment verbs code by default.

The lexicon already turns a promise into THREATEN when its to-complement is itself a conflictual event verb
("vowed to fight", "pledged to veto the resolution", "pledged to impose sanctions"); the speech stage does so for
retaliation ("vowed to retaliate", "swore to hit back"). What stayed AGREE were promises whose complement is a
neutral verb carrying a hostile object or instrument:

- a response with force or measures: "vowed to answer the rebels with overwhelming force", "promised to respond in
  kind with its own tariffs", "pledged to answer any attack with overwhelming force";
- putting force or measures on a party: "pledged to unleash overwhelming force on the rebels", "promised to put in place
  investment restrictions", "vowed to slap new duties on European cars", "pledged to bring the full force of the law
  down on the smugglers".

A promise to lift, ease or end such measures ("pledged to lift the tariffs", "promised to roll back restrictions")
names no neutral carrier verb and stays a concession or an agreement; a promise not to do it ("vowed not to impose
tariffs") is an assurance and stays AGREE.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .arguments import VIOLENT_NOUNS
from .tree import Frame, Tree

PROMISE_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# Neutral verbs that carry the hostile object: a response, or putting something on a party.
RESPONSES = frozenset({"respond", "react", "answer", "reply", "meet"})
CARRIERS = frozenset({"unleash", "put", "place", "slap", "levy", "introduce", "rain", "bring", "apply", "use",
                      "adopt", "enact", "take", "impose",
                      # nineteenth round: "vowed to keep the pressure on Moscow", "vowed to exact revenge on"
                      "keep", "maintain", "exact", "increase", "intensify", "tighten"})
# Objects of force: with them a promised response or imposition is a threat of violence. The violent acts and
# weapons are the family of `arguments.VIOLENT_NOUNS` (fourteenth round, wordings: "by bombing" was a threat but "by
# shelling" was not); a 'by' gerund is matched by lemma or form ("by shelling", "by bombarding", "by invading").
FORCE = VIOLENT_NOUNS | frozenset({
    "fire", "fury", "force", "forces", "might", "strikes", "attacks", "war", "bombs", "missiles", "violence",
    "firepower", "military", "bombard", "pound", "hit", "invade", "invasion", "storm", "artillery", "shoot",
})
# Coercive measures that are not force: with them it is a threat (CAMEO 130).
MEASURES = frozenset({"restriction", "restrictions", "tariff", "tariffs", "duty", "duties", "fee", "fees",
                      "sanction", "sanctions", "control", "controls", "embargo", "embargoes", "ban", "bans",
                      "penalty", "penalties", "countermeasure", "countermeasures", "reprisal", "reprisals",
                      "retaliation", "punishment", "curb", "curbs", "levy", "levies", "quota", "quotas",
                      # nineteenth round: "pledged to apply heavy pressure on the generals" (a campaign of measures)
                      "pressure"})
NEGATIONS = frozenset({"not", "n't", "never"})
# What a vow of revenge promises (tenth round): "vowed political, military and legal revenge", "pledged
# retaliation", "swore vengeance".
REVENGE = frozenset({"revenge", "vengeance", "retaliation", "retribution", "reprisal", "reprisals"})


def _complement(tree: Tree, v: int) -> int | None:
    toks = tree.tokens
    return next((k for k in tree.children(v, {"xcomp"}) if toks[k].pos in ("VERB", "AUX")), None)


def _clause(tree: Tree, v: int) -> int | None:
    """The verb of a that-clause promised ("promised that the United States would respond ...")."""
    toks = tree.tokens
    return next((k for k in tree.children(v, {"ccomp"}) if toks[k].pos == "VERB"), None)


def _by_gerunds(tree: Tree, x: int) -> list[int]:
    toks = tree.tokens
    return [g for p in tree.children(x, {"prep"}) if toks[p].lower == "by" for g in tree.children(p, {"pcomp"})]


def _by_force(tree: Tree, x: int) -> bool:
    """Complement x is done 'by' a forceful gerund ("respond to provocations by bombing cultural sites"), not one
    that hits 'with' measures ("respond by hitting American farmers with new tariffs", the phrase parsed under the
    gerund or under x: `_by_measures`)."""
    toks = tree.tokens
    return not _with_measures(tree, x) and any((toks[g].lemma.lower() in FORCE or toks[g].lower in FORCE)
                                               and not _with_measures(tree, g) for g in _by_gerunds(tree, x))


def _by_measures(tree: Tree, x: int) -> bool:
    """Complement x is done 'by' a gerund whose 'with' phrase names measures ("by hitting farmers with tariffs")."""
    return any(_with_measures(tree, g) for g in _by_gerunds(tree, x))


def _with_measures(tree: Tree, g: int) -> bool:
    """Does verb g, or its object ("hitting dairy exports with levies" may hang 'with' there), act with measures?"""
    toks = tree.tokens
    return any(toks[c].lemma.lower() in MEASURES or toks[c].lower in MEASURES
               for h in [g, *tree.children(g, {"dobj", "obj"})]
               for _, a in tree.prep_args(h, ("with",)) for c in tree.conjuncts(a))


def _hostile_nouns(tree: Tree, x: int) -> list[int]:
    """The objects of complement x and the nouns of its 'with' phrase ("respond with fire and fury"), conjuncts
    included; for "put in place restrictions" the object may hang under the 'in place' phrase."""
    heads = [o for o in tree.children(x, {"dobj", "obj"})]
    heads += [a for _, a in tree.prep_args(x, ("with",))]
    for p in tree.children(x, {"prep"}):  # "put in place investment restrictions": parsed as in -> place -> ...
        for a in tree.children(p, {"pobj"}):
            heads += tree.children(a, {"dobj", "appos", "conj"})
    out: list[int] = []
    for h in heads:
        for c in tree.conjuncts(h):
            if c not in out:
                out.append(c)
    return out


def _in_kind(tree: Tree, x: int) -> bool:
    toks = tree.tokens
    return any(toks[p].lower == "in" and any(toks[a].lower == "kind" for a in tree.children(p, {"pobj"}))
               for p in tree.children(x, {"prep"}))


def hostile_promise(tree: Tree, f: Frame) -> Frame | None:
    """The frame recoded THREATEN when it is a promise of force or coercive measures, else None. Its recipients
    gain the party the measure falls on ("on North Korea", "against China", "to Trump's tariffs" keeps the
    frame's own) when the frame has none."""
    toks = tree.tokens
    if f.code.event != "AGREE" or toks[f.base].lemma.lower() not in PROMISE_VERBS:
        return None
    revenge = [o for o in tree.children(f.base, {"dobj"}) if toks[o].lemma.lower() in REVENGE]
    if revenge and not any(toks[k].dep == "neg" for k in tree.kids[f.base]):  # "vowed revenge for the killing"
        return dataclasses.replace(f, code=Code("THREATEN", None, "130"), object_list=None,
                                   rule=f"{f.rule}+hostile-promise:{toks[revenge[0]].lemma.lower()}",
                                   notes=f.notes + ("a promise of revenge is a threat",))
    x = _complement(tree, f.base)
    if x is None and (c := _clause(tree, f.base)) is not None and toks[c].lemma.lower() in RESPONSES \
            and _by_force(tree, c):
        x = c  # "promised that the United States would respond by bombing cultural sites"
    if x is None or any(toks[k].lower in NEGATIONS for k in tree.kids[x] + tree.kids[f.base] if toks[k].dep == "neg"):
        return None
    verb = toks[x].lemma.lower()
    if verb not in RESPONSES | CARRIERS:
        return None
    nouns = _hostile_nouns(tree, x)
    words = {toks[n].lemma.lower() for n in nouns} | {toks[n].lower for n in nouns}
    if words & FORCE or (verb in RESPONSES and _by_force(tree, x)):
        code = Code("THREATEN", "violence", "138")
    elif words & (MEASURES | REVENGE) or (verb in RESPONSES and (_in_kind(tree, x) or _by_measures(tree, x))):
        code = Code("THREATEN", None, "130")
    else:
        return None
    rcpt = f.recipients or tuple(c for _, a in tree.prep_args(x, ("on", "against", "to", "upon"))
                                 for c in tree.conjuncts(a))
    return dataclasses.replace(f, code=code, recipients=rcpt, object_list=None,
                               rule=f"{f.rule}+hostile-promise:{verb}",
                               notes=f.notes + ("a promise of force or coercive measures is a threat",))


# Verbs that end or undo a measure: a promise to do so is a concession, whatever the measure ("promised to end
# indefinite detention", "vowed to lift the blockade", "pledged to halt the strikes").
ENDING = frozenset({"end", "stop", "halt", "lift", "close", "cease", "abolish", "scrap", "ease", "suspend",
                    "terminate", "dismantle", "repeal", "reverse", "withdraw", "release", "free"})


def ending_promise(tree: Tree, f: Frame) -> Frame | None:
    """A promise the lexicon made THREATEN through its complement's measure ("promised to end indefinite
    detention" took the arrest of 'detention') recoded as the promise it is (AGREE 030) when the complement ends
    or undoes the measure, else None."""
    toks = tree.tokens
    if f.code.event != "THREATEN" or toks[f.base].lemma.lower() not in PROMISE_VERBS:
        return None
    x = _complement(tree, f.base)
    if x is None or toks[x].lemma.lower() not in ENDING:
        return None
    return dataclasses.replace(f, code=Code("AGREE", None, "030"), object_list=None,
                               rule=f"{f.rule}+ending:{toks[x].lemma.lower()}",
                               notes=f.notes + ("a promise to end a measure is a concession, no threat",))


__all__ = ["ending_promise", "hostile_promise"]
