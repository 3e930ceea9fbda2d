"""Investigations told with the question they ask (sixteenth round, speech): "prosecutors have been investigating
whether the general ordered the killings", "the police are looking into whether the rebels planted the bomb".
Opening or carrying out an investigation into a party is ACCUSE/investigate (annotation guide, section 3); here the
party is the subject of the "whether" / "if" clause, since the verb has no object of its own (the lexicon's
investigate / probe / look into need one).

The frame needs: an investigating verb (investigate, probe, examine, "look into"); a clause under it opened by
"whether" or "if"; and a named party as that clause's subject ("whether the Ugandan army ordered ...": UGA).
"Investigating whether the fire was arson" names no party and is none; a negated verb ("did not investigate
whether") is none. The actor is the verb's subject (the investigators); the question asked (the act it names) is
not coded on its own: it is not asserted.

"Sought / tried to learn whether ..." was built and left out: its one hit on the real-article dev split is right in
type, but the dates stage dates it on the news day where the gold leaves it undated, and its party ("the Trump
campaign") has no actor mention; with the dev floors at main's values that one event lowers both.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code, Lexicon
from .reactions import named_party
from .tree import SUBJ, Frame, Tree, subject_of

INQUIRING = frozenset({"investigate", "probe", "examine"})
QUESTION_MARKS = frozenset({"whether", "if"})


def _question(tree: Tree, v: int) -> int | None:
    """The 'whether' clause under v: its ccomp, or the pcomp of its 'into' ("looking into whether")."""
    toks = tree.tokens
    heads = [v] + [k for k in tree.kids[v] if toks[k].dep == "prep" and toks[k].lower == "into"]
    for h in heads:
        for k in tree.kids[h]:
            if toks[k].dep in ("ccomp", "pcomp", "advcl") and any(
                    toks[m].dep == "mark" and toks[m].lower in QUESTION_MARKS for m in tree.kids[k]):
                return k
    return None


def _inquiring(tree: Tree, v: int) -> int | None:
    """v when it carries an inquiry: investigate, probe, examine, or "look into"."""
    toks = tree.tokens
    lemma = toks[v].lemma.lower()
    if lemma in INQUIRING or (lemma == "look" and any(toks[k].lower == "into" for k in tree.kids[v])):
        return v
    return None


def inquiry_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """An ACCUSE/investigate frame for each party named as the subject of the question an investigation asks."""
    del lex
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or any(toks[k].dep == "neg" for k in tree.kids[t.i]):
            continue
        carrier = _inquiring(tree, t.i)
        if carrier is None:
            continue
        q = _question(tree, carrier)
        subj = tree.child(q, SUBJ) if q is not None else None
        if subj is None:
            continue
        asked = [x for x in tree.conjuncts(subj) if named_party(tree, x)]
        actors = subject_of(tree, t.i)
        if not asked or not actors:
            continue
        out.append(Frame(f"inquiry:{toks[carrier].lemma.lower()}+whether", f"{toks[carrier].lemma.lower()} whether",
                         Code("ACCUSE", "investigate", "090"), (carrier, carrier + 1), tuple(actors), tuple(asked),
                         t.i, absorbed=tuple(tree.subtree(q)),
                         notes=("an investigation asking whether a party did something investigates that party",)))
    return out
