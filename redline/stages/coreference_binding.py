"""Binding for the actors stage's pronouns: names a pronoun cannot be by where they stand in its clause ("his
criticism of Trump" is not Trump's; "By inviting Netanyahu, he ..." is not Netanyahu). Pure functions of one
sentence's tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Sentence, Token

if TYPE_CHECKING:
    from .coreference import Antecedent

# Prepositions whose object is an argument of a noun or verb ("criticism of Trump", "a call to Putin").
ARG_PREPS = frozenset({"of", "on", "against", "with", "to", "for", "at", "toward", "towards", "about"})


def coarguments(t: Token, toks: Sequence[Token]) -> list[Token]:
    """Names a pronoun cannot be, by where they stand (binding): for a possessive, the objects of its noun's
    argument prepositions ("his criticism of Trump"); for a subject, the objects of its verb and of a preposed
    phrase with no subject of its own whose doer the subject is ("By inviting Netanyahu, he ..."; "After meeting
    Putin, she ..."). Proper-noun heads only."""
    if t.head == t.i:
        return []
    gov = toks[t.head]
    heads: list[int] = []

    def objects(v: int, depth: int) -> None:
        for c in toks:
            if c.head != v or c.i == v or c.i == t.i:
                continue
            if c.dep in ("dobj", "dative", "iobj"):
                heads.append(c.i)
            elif c.dep == "prep" and c.lower in ARG_PREPS | ({"by", "after", "before", "while"} if depth else set()):
                for o in toks:
                    if o.head == c.i and o.i != c.i:
                        if o.dep == "pobj":
                            heads.append(o.i)
                        elif o.dep == "pcomp" and o.tag == "VBG" and depth:
                            objects(o.i, 0)
            elif c.dep == "advcl" and c.tag == "VBG" and depth and not any(
                    x.head == c.i and x.dep in ("nsubj", "nsubjpass") for x in toks):
                objects(c.i, 0)

    if t.dep == "poss" and gov.pos in ("NOUN", "PROPN"):
        objects(gov.i, 0)
    elif t.dep in ("nsubj", "nsubjpass") and gov.pos in ("VERB", "AUX"):
        objects(gov.i, 1)
    else:
        return []
    return [toks[i] for i in heads if toks[i].pos == "PROPN"]


def named_in(p: "Antecedent", names: Sequence[Token], sent: Sentence) -> bool:
    """Whether antecedent p is one of these names: the same mention, or a name whose last word is p's surname."""
    if p.sentence == sent.index and any(p.head == n.i for n in names):
        return True
    full = (p.entity.identifier_text or p.text).lower().split()
    return bool(full) and any(n.lower == full[-1] for n in names)
