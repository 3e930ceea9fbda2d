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

from ...knowledge.lexicon import Code
from .tree import Frame, Tree, names_word, object_heads

POLICE = frozenset({"police", "policeman", "policemen", "policewoman", "gendarme", "gendarmes", "gendarmerie",
                    "riot police", "police officer", "police officers", "constable", "constables", "riot squad",
                    "police unit", "police units", "police force", "police forces", "carabinieri"})
MILITIA = frozenset({"militia", "militias", "militiaman", "militiamen", "paramilitary", "paramilitaries", "vigilante",
                     "vigilantes", "irregulars", "militia fighters", "militia members", "paramilitary forces",
                     "paramilitary force", "militia force", "militia forces"})
WEAPONS = frozenset({"warship", "warships", "ship", "ships", "vessel", "vessels", "submarine", "submarines", "jet",
                     "jets", "warplane", "warplanes", "fighter jet", "fighter jets", "bomber", "bombers", "missile",
                     "missiles", "tank", "tanks", "destroyer", "destroyers", "frigate", "frigates", "aircraft carrier",
                     "carrier", "drone", "drones", "artillery", "rocket launcher", "rocket launchers", "gunboat",
                     "gunboats", "battery", "batteries", "air defence", "air defense", "helicopter", "helicopters"})
MODES = (("police", "153", POLICE), ("militia", "154", MILITIA), ("weapons", "154", WEAPONS))
QUANTITY = frozenset({"hundreds", "thousands", "dozens", "scores", "number", "unit", "units", "contingent", "squad",
                      "detachment", "battalion", "company", "fleet", "squadron", "group"})


def mobilized_mode(tree: Tree, f: Frame) -> Frame | None:
    """The frame with the mode of what it mobilizes, or None when that is troops, mixed or unsaid."""
    if f.code.event != "MOBILIZE" or f.code.mode not in ("troops", None):
        return None
    # the objects moved; with none, the forces that move themselves ("riot police massed near the square")
    nodes = [n for o in (f.objects or f.actors) for n in object_heads(tree, o, QUANTITY)[-1:]]
    if f.rule.startswith("light"):
        nodes = [f.trigger[1] - 1]
    if not nodes:
        return None
    for mode, cameo, words in MODES:
        if all(names_word(tree, n, words) for n in nodes):
            return dataclasses.replace(f, code=Code("MOBILIZE", mode, cameo))
    return None


# "ordered troops to stand guard at the palace", "ordered police to patrol the capital": a movement of forces
MOVES = frozenset({"stand", "guard", "patrol", "deploy", "move", "secure", "reinforce", "enter", "surround", "cordon",
                   "seal", "man", "take", "head", "go", "return", "redeploy", "station", "position", "mass"})
MOVE_PREPS = ("to", "into", "toward", "towards", "onto")


def ordered_forces(tree: Tree, f: Frame, forces: frozenset[str]) -> Frame | None:
    """An order that sends one's own forces somewhere is the mobilization itself: "the president ordered riot police
    to the central square", "ordered troops to stand guard at the Colosseum" (MOBILIZE, the mode from the forces,
    no recipient: the forces are the actor's). None for any other order ("ordered troops to withdraw", "ordered
    police to disperse the crowd", "ordered the army out of politics")."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "REQUEST" or toks[v].lemma.lower() != "order" or not f.objects:
        return None
    words = forces | POLICE | MILITIA | WEAPONS
    if not all(names_word(tree, n, words) for o in f.objects for n in object_heads(tree, o, QUANTITY)[-1:]):
        return None
    comp = tree.child(v, {"xcomp"})
    if comp is not None and toks[comp].lemma.lower() not in MOVES:
        return None
    if comp is None and not tree.prep_args(v, MOVE_PREPS):
        return None
    moved = dataclasses.replace(f, code=Code("MOBILIZE", "troops", "154"), recipients=(), require_recipient=False,
                                rule=f"{f.rule}+order-forces")
    return mobilized_mode(tree, moved) or moved


# Purposes that make forces sent a help, not a show of force (manual: "Mobilizing police or military forces for
# disaster relief should be coded as AID"): "dispatched ships to join the search and rescue", "sent troops for
# flood relief".
RELIEF = frozenset({"rescue", "relief", "search", "evacuate", "evacuation", "humanitarian", "firefighting", "flood",
                    "floods", "earthquake", "quake", "disaster", "wildfire", "wildfires", "survivor", "survivors",
                    "victim", "victims", "recovery", "cyclone", "hurricane", "typhoon", "tsunami", "outbreak"})
HELP = Code("AID", None, "073")


def relief_mission(tree: Tree, f: Frame) -> Frame | None:
    """The frame as AID when the forces it mobilizes go to rescue or relief (a 'to' clause or a 'for' phrase on the
    verb or on what is sent), or None."""
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
        return dataclasses.replace(f, code=HELP)
    return None
