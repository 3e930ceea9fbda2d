"""Concessions and retreats told by ending one's own act (fourteenth round, concede).

- A party ending its own protest ("the union called off its strike", "activists suspended their sit-in", "the
  opposition ended its boycott") concedes: CONCEDE 080 (PLOVER manual, CONCEDE: "suspending protests"). The
  lexicon reads a called-off "strike" as an offensive and an ended boycott as the boycott itself; a labour strike
  is told from a military one as the coder tells it (`military_striker`: crowds or workers strike, a state, a
  force or a strike with a target "on"/"against" attacks). The protest must be the actor's own ("its", "their")
  or the actor a crowd or workers: police or a government ending another's protest concede nothing, and a march
  that "ended at parliament" reached its end.
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
from .arguments import Argument
from .nominal import ARMED
from .tree import Frame, Tree, objects_of

# Verbs that end or put off one's own act ("called off", "suspended", "ended", "halted", "abandoned").
ENDING_VERBS = frozenset({"end", "suspend", "halt", "stop", "abandon", "cancel", "lift", "scrap", "drop",
                          "terminate", "conclude", "call"})
# Verbs whose protest may end "at" a place: the march reached its goal ("ended their march at parliament").
ARRIVING_VERBS = frozenset({"end", "conclude"})
MARCHES = frozenset({"march", "marches"})
PROTEST_NOUNS = frozenset({"strike", "strikes", "protest", "protests", "boycott", "boycotts", "demonstration",
                           "demonstrations", "sit-in", "sit-ins", "walkout", "walkouts", "stoppage", "stoppages",
                           "picket", "pickets", "march", "marches", "rally", "rallies", "agitation"})
OWN = frozenset({"its", "their", "his", "her", "our", "own"})
# Sectors of the crowds and workers who protest: their strike is a walkout, and a protest they end is theirs.
CROWD_SECTORS = frozenset({"CVL", "LAB", "EDU", "OPP", "MED", "AGR", "REF", "SOC", "JRN", "BUS", "REL", "PTY"})
# Aspect verbs whose gerund or infinitive of fighting is a ceasefire ("stopped fighting", "ceased firing").
CEASING_VERBS = frozenset({"stop", "cease", "halt", "end", "suspend"})
# Heads of an armed party: only they disarm by disbanding (the armed groups of nominal.ARMED and the forces that
# are armed by name; not "force", "group" or "unit" alone: "the task force disbanded").
ARMED_WORDS = ARMED | frozenset({"guerrilla", "guerrillas", "militia", "militias", "fighter", "fighters",
                                 "paramilitary", "paramilitaries", "army", "armies", "brigade", "brigades",
                                 "battalion", "battalions", "troops"})
ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "UAF", "PRM"})


def military_striker(actors: list[Argument], recipients: tuple[int, ...]) -> bool:
    """'Strike' is a military strike unless crowds or workers do it: a state, army or armed group as actor, or
    a target named ('strikes on Gaza')."""
    sectors = {s for a in actors for s in (a.entity.sector, *a.entity.sectors) if s}
    if sectors & CROWD_SECTORS:
        return False
    return bool(recipients) or bool(sectors) or any(a.entity.code for a in actors)


def _noun_key(tree: Tree, o: int) -> str:
    """The noun as one word, a hyphenated one joined ("sit-in", parsed as 'sit', '-', 'in')."""
    toks = tree.tokens
    i = o
    while i >= 2 and toks[i - 1].text == "-" and toks[i - 2].end == toks[i - 1].idx and toks[i - 1].end == toks[i].idx:
        i -= 2
    return "".join(t.text for t in toks[i:o + 1]).lower()


def _protest_object(tree: Tree, f: Frame) -> int | None:
    """The protest noun the frame's verb ends, or None."""
    toks = tree.tokens
    v = f.base
    for o in (*f.objects, *objects_of(tree, v), *(range(*f.trigger) if f.rule.startswith("light") else ())):
        if not (0 <= o < len(toks)) or toks[o].pos not in ("NOUN", "PROPN"):
            continue
        if _noun_key(tree, o) in PROTEST_NOUNS or toks[o].lemma.lower() in PROTEST_NOUNS:
            return o
    return None


def _ended(tree: Tree, f: Frame) -> tuple[str, int] | None:
    """The ending verb and the protest noun it ends ("called off the strike"), or None."""
    toks = tree.tokens
    v = f.base
    verb = toks[v].lemma.lower()
    if verb not in ENDING_VERBS or f.code.event == "CONCEDE":
        return None
    if verb == "call" and not any(toks[k].lower == "off" and toks[k].dep == "prt" for k in tree.kids[v]):
        return None
    o = _protest_object(tree, f)
    if o is None or verb in ARRIVING_VERBS and _noun_key(tree, o) in MARCHES and tree.prep_args(v, ("at", "in")):
        return None  # "ended their march at the parliament building": where the march ended
    return verb, o


def _own_protest(tree: Tree, o: int, actors: list[Argument]) -> bool:
    """The protest is the actor's: "its / their" protest, or crowds or workers as actor."""
    toks = tree.tokens
    return any(toks[k].lower in OWN for k in tree.kids[o] if toks[k].dep in ("poss", "amod")) or any(
        s in CROWD_SECTORS for a in actors for s in (a.entity.sector, *a.entity.sectors))


def ended_protest(tree: Tree, f: Frame, actors: list[Argument]) -> Frame | None:
    """A party ending its own protest or strike as CONCEDE 080; None when the frame is not one. actors: the
    frame's resolved actors."""
    hit = _ended(tree, f)
    if hit is None or not _own_protest(tree, hit[1], actors):
        return None
    verb, o = hit
    if tree.tokens[o].lemma.lower() in ("strike", "strikes") and military_striker(
            actors, tuple(a for _, a in tree.prep_args(o, ("on", "against", "at")))):
        return None  # "Israel called off the strike", "the army halted its strikes": an offensive stopped
    return dataclasses.replace(f, code=Code("CONCEDE", None, "080"), object_list=None, recipients=(),
                               require_recipient=False, rule=f"{f.rule}+protest-ended:{verb}",
                               notes=f.notes + ("a party ending its own protest or strike concedes",))


def others_protest(tree: Tree, f: Frame, actors: list[Argument]) -> bool:
    """A party ending a protest not its own ("riot police ended the protest", "the government ended the teachers'
    strike by decree"): neither a protest of that party nor a concession."""
    hit = _ended(tree, f)
    return hit is not None and f.rule.startswith("light") and not _own_protest(tree, hit[1], actors)


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
    sectors (an armed group named by the knowledge base counts; a sector read from a common noun, "the task force",
    does not)."""
    if f.code.mode != "disarm" or tree.tokens[f.base].lemma.lower() != "disband":
        return False
    toks = tree.tokens
    named = any(toks[h].pos == "PROPN" or toks[h].ent_type in ("ORG", "NORP") for h in f.actors)
    return not (sectors & ARMED_SECTORS and named or any(
        toks[h].lemma.lower() in ARMED_WORDS or toks[h].lower in ARMED_WORDS
        or any(toks[k].lemma.lower() in ARMED_WORDS for k in tree.kids[h] if toks[k].dep in ("compound", "amod"))
        for h in f.actors))


__all__ = ["ceased_fighting", "ended_protest", "military_striker", "others_protest", "unarmed_disbanding"]
