"""Which forces a MOBILIZE moves: the mode from what is deployed, sent or stationed (PLOVER manual, MOBILIZE modes).

The manual's modes name what is mobilized: police or security units (police), a non-state group with significant
military capability (militia), weapons, ships or vehicles (weapons: "rather than troops, unless there's a
separate mention of troops being mobilized"), armed personnel or units (troops, the default a verb entry gives).
"deployed riot police" is MOBILIZE/police (CAMEO 153), "stationed warships" MOBILIZE/weapons. Only when every
object (or the passive subject, the noun a light verb takes, or with no object the subject that moves) is
of one kind; a mix stays troops.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Callable, Collection

from ...knowledge.lexicon import Code, Lexicon
from .tree import Frame, Tree, names_word, object_heads

# The manual's modes and their CAMEO codes, each with the cue list (cues.toml) of the forces of that kind.
MODES = (("police", "153", "police_forces"), ("militia", "154", "militia_forces"), ("weapons", "154", "weapon_forces"))
QUANTITY = frozenset({"hundreds", "thousands", "dozens", "hundred", "thousand", "dozen", "scores", "number", "unit", "units", "contingent", "squad",
                      "detachment", "battalion", "company", "fleet", "squadron", "group"})


def mobilized_mode(tree: Tree, f: Frame, lex: Lexicon) -> Frame | None:
    """The frame with the mode of what it mobilizes (rule suffix `+mode:<mode>`), or None when that is troops,
    mixed or unsaid."""
    if f.code.event != "MOBILIZE" or f.code.mode not in ("troops", None):
        return None
    # the objects moved; with none, the forces that move themselves ("riot police massed near the square")
    nodes = [n for o in (f.objects or f.actors) for n in object_heads(tree, o, QUANTITY)[-1:]]
    if f.rule.startswith("light"):
        nodes = [f.trigger[1] - 1]
    if not nodes:
        return None
    for mode, cameo, kind in MODES:
        if all(names_word(tree, n, lex.cue(kind)) for n in nodes):
            return dataclasses.replace(f, code=Code("MOBILIZE", mode, cameo), rule=f"{f.rule}+mode:{mode}")
    return None



def deployable(tree: Tree, o: int, lex: Lexicon) -> bool:
    """Object o of a verb that moves, sells or disbands forces ('force' in the lexicon) names armed forces or their
    weapons (the `forces` list, which includes its kinds): "deployed troops", and since the nineteenth round, recall,
    a counted group ("deployed hundreds of troops", "dozens of warplanes and tanks"). "deployed dozens of engineers"
    names none."""
    kinds = lex.cue("forces")
    heads = object_heads(tree, o, QUANTITY | lex.cue("quantity"))
    return any(names_word(tree, x, kinds) for h in heads[1:] or heads for x in tree.conjuncts(h)) \
        or names_word(tree, o, kinds)

# "ordered troops to stand guard at the palace", "ordered police to patrol the capital": a movement of forces out.
# Going back or home ("return", "go", "head" home) is no mobilization and stays out.
MOVES = frozenset({"stand", "guard", "patrol", "deploy", "move", "secure", "reinforce", "enter", "surround", "cordon",
                   "seal", "man", "take", "redeploy", "station", "position", "mass"})
# Modifiers of forces that name whose they are ("Russian troops", "Ukraine's army").
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
MOVE_PREPS = ("to", "into", "toward", "towards", "onto")


def ordered_forces(tree: Tree, f: Frame, lex: Lexicon, actor_codes: Collection[str],
                   nationality: Callable[[str], str | None]) -> Frame | None:
    """An order that sends one's own forces somewhere is the mobilization itself: "the president ordered riot police
    to the central square", "ordered troops to stand guard at the Colosseum" (MOBILIZE, the mode from the forces,
    no recipient: the forces are the actor's). None for any other order ("ordered troops to withdraw", "ordered
    police to disperse the crowd", "ordered the army out of politics"), nor for forces of another country than
    the actor's ("ordered Russian troops to the border": a demand on another state).

    actor_codes: the countries of the resolved actors; nationality: a country or nationality word's country code.
    """
    toks = tree.tokens
    v = f.base
    if f.code.event != "REQUEST" or toks[v].lemma.lower() != "order" or not f.objects:
        return None
    heads = [n for o in f.objects for n in object_heads(tree, o, QUANTITY)[-1:]]
    if not all(names_word(tree, n, lex.cue("forces")) for n in heads):
        return None
    owners = {nationality(toks[k].text) for n in heads for k in tree.kids[n]
              if toks[k].dep in OWNER_DEPS and toks[k].ent_type in ("NORP", "GPE")}
    if any(c and c not in actor_codes for c in owners):
        return None
    comp = tree.child(v, {"xcomp"})
    if comp is not None and toks[comp].lemma.lower() not in MOVES:
        return None
    if comp is None and not tree.prep_args(v, MOVE_PREPS):
        return None
    moved = dataclasses.replace(f, code=Code("MOBILIZE", "troops", "154"), recipients=(), require_recipient=False,
                                rule=f"{f.rule}+order-forces")
    return mobilized_mode(tree, moved, lex) or moved


# Purposes that make forces sent a help, not a show of force (manual: "Mobilizing police or military forces for
# disaster relief should be coded as AID"): "dispatched ships to join the search and rescue", "sent troops for
# flood relief". A search, a recovery, victims or an outbreak alone are no relief ("sent troops to search the
# villages for the gunmen", "to contain an outbreak of violence"); "search and rescue" is one by its "rescue", a
# search for the missing by "missing".
RELIEF = frozenset({"rescue", "relief", "missing", "evacuate", "evacuation", "humanitarian", "firefighting", "flood",
                    "floods", "earthquake", "quake", "disaster", "wildfire", "wildfires", "survivor", "survivors",
                    "cyclone", "hurricane", "typhoon", "tsunami"})
HELP = Code("AID", None, "073")


def relief_mission(tree: Tree, f: Frame) -> Frame | None:
    """The frame as AID (rule suffix `+relief`) when the forces it mobilizes go to rescue or relief (a 'to' clause
    or a 'for' phrase on the verb or on what is sent), or None."""
    if f.code.event != "MOBILIZE":
        return None
    toks = tree.tokens
    heads = [f.base, *f.objects, *(() if not f.rule.startswith("light") else (f.trigger[1] - 1,))]
    purpose: list[int] = []
    for h in heads:
        for c in tree.children(h, {"advcl", "xcomp", "acl"}):
            if any(toks[k].tag == "TO" for k in tree.kids[c]):
                purpose.extend(tree.subtree(c))
        for _, a in tree.prep_args(h, ("for",)):
            purpose.extend(tree.subtree(a))
    if any(toks[k].lemma.lower() in RELIEF or toks[k].lower in RELIEF for k in purpose):
        return dataclasses.replace(f, code=HELP, rule=f"{f.rule}+relief")
    return None
