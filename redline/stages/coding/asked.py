"""What a demand asks for when the asked act is no event of the lexicon: a demand that a party stop, halt or
cease what it does ("urged Moscow to halt the shelling", "the onus is on the rebels to stop the attacks", "Iran
must end its support") asks it to yield: REQUEST/yield (CAMEO 105 for a demand, 025 for an appeal), as a demand
to retreat or concede is refined in verbs.REFINE. A demand already refined by an asked event keeps its code. The
rule keeps the provenance: "+yield:<verb>" (as promises.ending_promise appends "+ending:").
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree

STOPPING_VERBS = frozenset({"stop", "halt", "cease", "end", "suspend", "abandon", "quit", "renounce"})


def asked_act(tree: Tree, f: Frame) -> list[int]:
    """The verbs a demand frame asks for: the obliged verb it is on, the complements it absorbed, and the
    infinitive or clause complements of its base ("urged Iran to stop")."""
    toks = tree.tokens
    out = [i for i in range(*f.trigger) if toks[i].pos == "VERB"] + [i for i in f.absorbed if toks[i].pos == "VERB"]
    out += [k for k in tree.kids[f.base] if toks[k].dep in ("xcomp", "ccomp") and toks[k].pos == "VERB"]
    return out


def yielding(tree: Tree, f: Frame) -> Frame | None:
    """The demand as REQUEST/yield when it asks a party to stop something; None otherwise."""
    if f.code.event != "REQUEST" or f.code.mode:
        return None
    toks = tree.tokens
    acts = asked_act(tree, f)
    stops = [v for v in acts if toks[v].lemma.lower() in STOPPING_VERBS]
    if not stops or any(toks[k].dep == "neg" for v in acts for k in tree.kids[v]):
        return None  # "must not stop the talks" asks to go on
    cameo = "025" if f.code.cameo.startswith("02") else "105"
    return dataclasses.replace(f, code=Code("REQUEST", "yield", cameo),
                               rule=f"{f.rule}+yield:{toks[stops[0]].lemma.lower()}")
