"""Acts a party is said to be behind ("Israel was behind a drone attack in Beirut", "Russian intelligence was behind
the hacking of the committee"): being behind an attack, a bombing or a hack is having done it, so the subject of
"be behind" is the actor of the event noun (fifteenth round, recall). The clause's modality is the event's ("the US
believes X was behind the attack": a belief, not a fact); a question word as subject ("who was behind the bombing")
names nobody and the frame is dropped for want of an actor. Hackers behind attacks on computer systems did a cyber
attack: the coder recodes the frame COERCE/cyber as it does the verb's ("Iranian hackers were behind the attacks").
"""

from __future__ import annotations

from .tree import Frame, Tree, subject_of

# Uses of force and coercion whose doer is named by "X was behind ..."; talks or deals "behind" a party are no claim
# of authorship ("the talks behind closed doors").
DONE_TYPES = frozenset({"ASSAULT", "COERCE"})
BEING = frozenset({"be", "stand"})
# Words whose content is a charge, a claim or a finding ("says it has evidence proving Russia was behind the attacks",
# "accused Iran of being behind", "suspects the army was behind"): another party's allegation, which the speech rules
# code as an accusation; the attack is not told as done by the one named (a party claiming it was behind an attack
# itself, "the group said it was behind the bombing", keeps it).
ALLEGING = frozenset({"say", "claim", "allege", "accuse", "suspect", "believe", "think", "evidence", "prove", "proof",
                      "show", "suggest", "indicate", "report", "charge", "blame", "insist", "assert", "conclude",
                      "argue", "contend", "maintain", "assess", "assessment", "finding", "intelligence"})


def behind_frame(tree: Tree, n: int, ne, trig: tuple[int, int], targets) -> Frame | None:
    """The frame of event noun n when it is what a party "was behind", else None; `targets` gives the recipients
    the noun names in its own phrases (nominal.py)."""
    toks = tree.tokens
    p = tree.head(n)
    if ne.code.event not in DONE_TYPES or toks[n].dep != "pobj" or p is None or toks[p].lower != "behind":
        return None
    v = tree.head(p)
    if v is None or toks[p].dep != "prep" or toks[v].lemma.lower() not in BEING:
        return None
    actors = [a for a in subject_of(tree, v) if toks[a].tag not in ("WP", "WDT")]
    if not actors or _alleged(tree, v, actors):
        return None
    return Frame(f"behind:{ne.key}", ne.key, ne.code, trig, tuple(actors), tuple(targets), v,
                 notes=("the party behind an attack or a hack did it",))


def _alleged(tree: Tree, v: int, actors: list[int]) -> bool:
    """The "be behind" clause of verb v is the content of another party's charge, claim or finding (`ALLEGING`):
    a pronoun subject ("said it was behind") is the claimant itself."""
    toks = tree.tokens
    if all(toks[a].tag == "PRP" for a in actors):
        return False
    seen, k = {v}, v
    while toks[k].dep in ("ccomp", "acl", "pcomp", "pobj", "xcomp", "advcl", "relcl") and tree.head(k) not in (None, *seen):
        k = tree.head(k)
        seen.add(k)
        if toks[k].lemma.lower() in ALLEGING:
            return True
    return False
