"""Concessions and retreats told by ending one's own act (fourteenth round, concede).

- A party ending its own protest ("the union called off its strike", "activists suspended their sit-in", "the
  opposition ended its boycott") concedes: CONCEDE 080 (PLOVER manual, CONCEDE: "suspending protests"). The
  lexicon reads a called-off "strike" as an offensive and an ended boycott as the boycott itself; a labour strike
  is told from a military one by its words (no "air"/"missile" modifier, no target with "on"/"against") and by
  a subject that is no state or force.
- Parties that stop fighting ("the two armies stopped fighting", "the rebels ceased firing") observe a
  ceasefire: RETREAT/ceasefire 0871 (manual, RETREAT: "observing a ceasefire or otherwise ending active
  conflicts"), not a negated attack. The aspect verb becomes the base, so "will stop fighting" is an announced
  retreat and "refused to stop fighting" a refusal.
- Disbanding is disarming only for armed groups or forces ("the militia disbanded", "the rebels disbanded their
  units"); a committee or a band that disbands is no event.
Rules keep their provenance: "+protest-ended:<verb>", "+ceased:<verb>".
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree, objects_of

# Verbs that end or put off one's own act ("called off", "suspended", "ended", "halted", "abandoned").
ENDING_VERBS = frozenset({"end", "suspend", "halt", "stop", "abandon", "cancel", "lift", "scrap", "drop",
                          "terminate", "conclude", "call"})
PROTEST_NOUNS = frozenset({"strike", "strikes", "protest", "protests", "boycott", "boycotts", "demonstration",
                           "demonstrations", "sit-in", "sit-ins", "walkout", "walkouts", "stoppage", "stoppages",
                           "picket", "pickets", "march", "marches", "rally", "rallies", "agitation", "hunger"})
# Words that make a strike military ("air strikes", "missile strike").
MILITARY_MODIFIERS = frozenset({"air", "aerial", "military", "missile", "drone", "rocket", "artillery", "naval",
                                "preemptive", "pre-emptive", "retaliatory", "nuclear", "precision", "surgical"})
STATE_ENTS = frozenset({"GPE", "NORP"})
# Aspect verbs whose gerund or infinitive of fighting is a ceasefire ("stopped fighting", "ceased firing").
CEASING_VERBS = frozenset({"stop", "cease", "halt", "end", "suspend"})
# Heads of an armed party: only they disarm by disbanding.
ARMED_WORDS = frozenset({"rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "guerrilla",
                         "guerrillas", "militia", "militias", "fighter", "fighters", "paramilitary",
                         "paramilitaries", "army", "armies", "unit", "units", "brigade", "brigades", "battalion",
                         "battalions", "faction", "factions", "force", "forces", "troops", "group", "groups",
                         "wing", "cell", "cells"})
ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "UAF", "PRM"})



def _protest_object(tree: Tree, f: Frame) -> int | None:
    """The protest noun the frame's verb ends, or None."""
    toks = tree.tokens
    v = f.base
    for o in (*f.objects, *objects_of(tree, v), *(range(*f.trigger) if f.rule.startswith("light") else ())):
        if not (0 <= o < len(toks)) or toks[o].pos not in ("NOUN", "PROPN"):
            continue
        word = toks[o].lower
        if word not in PROTEST_NOUNS and toks[o].lemma.lower() not in PROTEST_NOUNS:
            continue
        if word == "hunger" or toks[o].lemma.lower() == "hunger":
            continue
        mods = {toks[k].lower for k in tree.kids[o] if toks[k].dep in ("amod", "compound", "nmod")}
        if mods & MILITARY_MODIFIERS or tree.prep_args(o, ("on", "against", "at")):
            return None
        return o
    return None


def ended_protest(tree: Tree, f: Frame) -> Frame | None:
    """A party ending its own protest or strike as CONCEDE 080; None when the frame is not one."""
    toks = tree.tokens
    v = f.base
    verb = toks[v].lemma.lower()
    if verb not in ENDING_VERBS or f.code.event == "CONCEDE":
        return None
    if verb == "call" and not any(toks[k].lower == "off" and toks[k].dep == "prt" for k in tree.kids[v]):
        return None
    o = _protest_object(tree, f)
    if o is None:
        return None
    if toks[o].lemma.lower() in ("strike", "strikes") and any(
            toks[a].ent_type in STATE_ENTS or toks[a].lemma.lower() in ARMED_WORDS for a in f.actors):
        return None  # "Israel called off the strike", "the army halted its strikes": an offensive stopped
    return dataclasses.replace(f, code=Code("CONCEDE", None, "080"), object_list=None, recipients=(),
                               require_recipient=False, rule=f"{f.rule}+protest-ended:{verb}",
                               notes=f.notes + ("a party ending its own protest or strike concedes",))


def ceased_fighting(tree: Tree, f: Frame) -> Frame | None:
    """Fighting a party stopped ('stopped fighting') as RETREAT/ceasefire on the aspect verb; None otherwise."""
    if f.code.event != "ASSAULT" or not f.rule.startswith("svo"):
        return None
    toks = tree.tokens
    b = f.base
    head = tree.head(b)
    if head is None or toks[b].dep not in ("xcomp", "ccomp", "pcomp") or toks[b].tag not in ("VBG", "VB"):
        return None
    verb = toks[head].lemma.lower()
    if verb not in CEASING_VERBS or objects_of(tree, b):
        return None  # "stopped attacking the convoy" leaves the attack told; only fighting in general is ended
    return dataclasses.replace(f, code=Code("RETREAT", "ceasefire", "0871"), base=head, trigger=(head, head + 1),
                               rule=f"{f.rule}+ceased:{verb}",
                               notes=f.notes + ("parties that stop fighting observe a ceasefire",))


def unarmed_disbanding(tree: Tree, f: Frame, sectors: set[str]) -> bool:
    """A disbanding whose actor is not armed ('the committee disbanded'): no disarming. sectors: the actors'
    sectors (an armed group named by the knowledge base counts)."""
    if f.code.mode != "disarm" or tree.tokens[f.base].lemma.lower() != "disband":
        return False
    toks = tree.tokens
    return not (sectors & ARMED_SECTORS or any(
        toks[h].lemma.lower() in ARMED_WORDS or toks[h].lower in ARMED_WORDS
        or any(toks[k].lemma.lower() in ARMED_WORDS for k in tree.kids[h] if toks[k].dep in ("compound", "amod"))
        for h in f.actors))


__all__ = ["ceased_fighting", "ended_protest", "unarmed_disbanding"]
