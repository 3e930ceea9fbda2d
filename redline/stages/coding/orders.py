"""Orders that are themselves coercion (ninth round, issue 12, sample H): "the judge ordered him held without bond",
"the court ordered the journalists detained for 15 days", "a judge ordered the opposition leader jailed". An order
whose content is a participle of detention or expulsion said of a person is the detention or expulsion ordered by
the authority (COERCE), not a request to a party: nobody is asked to do anything, the person is held.

"Ordered the troops to withdraw" (an infinitive: a request to a party) and "ordered the release of the prisoners"
(no participle) are untouched.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from .tree import Frame, Tree

ORDER_VERBS = frozenset({"order", "rule", "sentence"})
DETAINED = frozenset({"hold", "detain", "jail", "imprison", "arrest", "keep", "remand", "incarcerate", "intern"})
EXPELLED = frozenset({"deport", "expel", "extradite"})


def _participle(tree: Tree, v: int) -> tuple[int, int] | None:
    """(participle, person) of "ordered X held" (participle on the object) or "ordered X detained" (a clause)."""
    toks = tree.tokens
    for o in tree.children(v, {"dobj"}):
        for p in tree.children(o, {"acl", "oprd"}):
            if toks[p].tag == "VBN":
                return p, o
    for c in tree.children(v, {"ccomp", "oprd", "xcomp"}):
        subj = tree.children(c, {"nsubj", "nsubjpass"})
        # the parser may tag the bare participle as a past tense ("ordered the reporter deported")
        if toks[c].tag in ("VBN", "VBD") and subj and not any(toks[k].dep in ("aux", "auxpass", "mark")
                                                               for k in tree.kids[c]):
            return c, subj[0]
    return None


def coercive_order(tree: Tree, f: Frame) -> Frame | None:
    """The frame recoded COERCE (arrest or deport) when it is an order that a person be held or expelled."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or toks[f.base].lemma.lower() not in ORDER_VERBS:
        return None
    hit = _participle(tree, f.base)
    if hit is None:
        return None
    p, person = hit
    verb = toks[p].lemma.lower()
    if verb in DETAINED:
        code = Code("COERCE", "arrest", "173")
    elif verb in EXPELLED:
        code = Code("COERCE", "deport", "174")
    else:
        return None
    return dataclasses.replace(f, code=code, recipients=f.recipients or (person,), objects=f.objects or (person,),
                               object_list=None, absorbed=tuple(sorted(set(f.absorbed) | {p})),
                               rule=f"{f.rule}+coercive-order:{verb}",
                               notes=f.notes + ("an order that a person be held or expelled is the coercion",))


__all__ = ["coercive_order"]
