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
    if not actors:
        return None
    return Frame(f"behind:{ne.key}", ne.key, ne.code, trig, tuple(actors), tuple(targets), v,
                 notes=("the party behind an attack or a hack did it",))
