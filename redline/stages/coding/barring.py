"""Parties kept from an act (fourteenth round, wordings, issue 12): "the troops prevented the militants from entering
the town" was COERCE/restrict (verbs.txt `prevent`), but its close wordings "stopped ... from entering", "blocked ...
from entering", "kept ... from crossing" coded nothing or a REJECT. Stopping a party by force or authority from
moving (entering, crossing, reaching, leaving, travelling: `MOVEMENT`) is one act, whatever the verb of the family
(PLOVER COERCE, CAMEO 172 restrict, which limits the movement of people or goods): the actor is the subject, the
recipient the party stopped (an actor mention; with none the frame is dropped). Kept from another act ("blocked
Turkey from joining the union", "from investigating the attack") a party is opposed: the verb's own entry codes it.

Dropped: an official keeping his own government's leader from an act (one government, `drop_reason`). Not here:
protesters blocking a delegation (the verb's own `crowd` entry makes it a protest), a passive ("were stopped from
entering": no actor named), an object that is not a party ("kept the convoy from crossing" names no recipient and
is dropped), "stopped short of", and verbs whose own entry already codes
the construction (`prevent`, `bar`, `ban`).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from ..locatives import MOVEMENT_LEMMAS
from .inhouse import EXECUTIVE
from .tree import Frame, Tree, is_passive, objects_of, subject_of
from .verbargs import crowd_of

# Verbs that keep a party from an act with a "from"-gerund ("stopped X from entering"); `prevent` and `bar` have
# lexicon entries of their own (COERCE/restrict 172) and are not repeated here.
BARRING = frozenset({"stop", "block", "keep", "restrain", "hinder", "obstruct", "impede"})
# The manual's restrict limits the movement of people or goods: only a gerund of movement makes the frame
# ("blocked them from entering", "kept the ship from docking"). Kept from joining a body or from investigating, a
# party is opposed, not restricted: the verb's own entry codes that (REJECT).
MOVEMENT = MOVEMENT_LEMMAS | frozenset({"reach", "leave", "land", "access", "exit", "board", "dock", "transit",
                                        "pass", "approach", "import", "export", "fish", "navigate", "migrate"})


def barred_party(tree: Tree, v: int, lex: Lexicon) -> Frame | None:
    """'stopped the jihadists from entering Gao': COERCE/restrict 172 on the party stopped from a movement (`MOVEMENT`),
    else None ("blocked Turkey from joining the union" is left to the verb's own entry). Protesters
    blocking delegations are left to the verb's own entry (a protest that obstructs, verbs.txt flag `crowd`)."""
    toks = tree.tokens
    if toks[v].lemma.lower() not in BARRING or is_passive(tree, v):
        return None
    if any(crowd_of(tree, a, lex.cue("protesters")) for a in subject_of(tree, v)):
        return None
    objs = [o for o in objects_of(tree, v) if o is not None and toks[o].pos in ("NOUN", "PROPN", "PRON")]
    gerunds = [g for p in tree.children(v, {"prep"}) if toks[p].lower == "from"
               for g in tree.children(p, {"pcomp"}) if toks[g].tag == "VBG" and toks[g].lemma.lower() in MOVEMENT]
    if not objs or not gerunds:
        return None
    return Frame(f"barring:verb={toks[v].lemma.lower()}+from", toks[v].lemma.lower(), Code("COERCE", "restrict", "172"),
                 (v, v + 1), tuple(subject_of(tree, v)), tuple(x for o in objs for x in tree.conjuncts(o)), v,
                 require_recipient=True, objects=tuple(objs),
                 notes=("keeping a party from an act ('stopped X from entering') is a restriction",))


def drop_reason(f: Frame, actors, recipients) -> str:
    """An official keeping his own government's leader from an act ("the secretary stopped the president from
    ordering the strike") is the working of one government, no act between parties."""
    if not f.rule.startswith("barring:") or not actors or not recipients:
        return ""
    parties = [*actors, *recipients]
    if all(p.entity.sector in EXECUTIVE for p in recipients) and all(p.entity.sector in EXECUTIVE | {None}
                                                                      for p in actors) \
            and len({p.entity.code for p in parties}) == 1 and None not in {p.entity.code for p in parties}:
        return "one government's official keeping its own leader or officials from an act is internal"
    return ""


__all__ = ["BARRING", "barred_party", "drop_reason"]
