"""Punishment held out as a prospect (eighteenth round, speech): "the American president raised the prospect of
tougher sanctions against Russia", "the committee chairman raised the possibility of holding the officials in
contempt", "the judge raised the possibility of punishing the ministry". A party that raises or floats the prospect,
possibility or spectre of a punitive act (a sanction, a coercive act or a use of force named by a lexicon noun, or
the gerund of a lexicon verb of those types or of punishing) warns it may do it: THREATEN (CAMEO 130), its mode
from the sentence's words as for every warning, with the party the act would fall on as recipient ("against / on
Russia", the gerund's object). The punitive act itself is not coded on its own. "Failure would raise the spectre
of escalation" has no party as actor (dropped by the coder); "raised the prospect of talks" or "of the collapse of
the deal" names no punishment; "floated the idea of" is a proposal and left out.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .evaluations import threat_code
from .tree import Frame, Tree, match_noun, match_verb, subject_of

RAISING_VERBS = frozenset({"raise", "float"})
PROSPECT_NOUNS = frozenset({"prospect", "possibility", "spectre", "specter"})
PUNITIVE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "THREATEN"})
PUNISHING_VERBS = frozenset({"punish", "penalize", "penalise"})
TARGET_PREPS = ("against", "on", "upon", "for")


def raised_frames(tree: Tree, lex: Lexicon) -> list[Frame]:
    """A THREATEN frame for each "raised the prospect / possibility of" a punitive act (module docstring)."""
    toks = tree.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in RAISING_VERBS:
            continue
        actors = subject_of(tree, t.i)
        if not actors or any(toks[k].dep == "auxpass" for k in tree.kids[t.i]):
            continue
        for d in tree.children(t.i, {"dobj"}):
            if toks[d].lemma.lower() not in PROSPECT_NOUNS:
                continue
            for _, act in tree.prep_args(d, ("of",)):
                targets = _punished(tree, act, lex)
                if targets is None:
                    continue
                out.append(Frame(f"raised:{t.lemma.lower()}+{toks[d].lemma.lower()}", "raised the prospect of",
                                 threat_code(tree, lex), (t.i, d + 1), tuple(actors), tuple(targets), t.i,
                                 absorbed=tuple(tree.subtree(act)),
                                 notes=("a punitive act held out as a prospect by a party is a warning",)))
    return out


def _punished(tree: Tree, a: int, lex: Lexicon) -> list[int] | None:
    """The parties a punitive act would fall on (possibly none named), or None when the 'of' object names no
    punitive act: a lexicon noun of a punitive type, or a gerund of a punitive lexicon verb or of punishing."""
    toks = tree.tokens
    if toks[a].pos == "VERB":
        hit = match_verb(tree, a, lex)
        contempt = toks[a].lemma.lower() == "hold" and any(
            toks[o].lower == "contempt" for _, o in tree.prep_args(a, ("in",)))  # "holding the officials in contempt"
        punitive = toks[a].lemma.lower() in PUNISHING_VERBS or contempt or (
            hit is not None and hit[0].code.event in PUNITIVE_TYPES)
        if not punitive:
            return None
        return [x for o in tree.children(a, {"dobj"}) for x in tree.conjuncts(o)]
    ne = match_noun(tree, a, lex)
    if ne is None or ne.code.event not in PUNITIVE_TYPES or any(
            toks[k].dep in ("poss", "amod", "compound", "nmod") and (
                toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN") for k in tree.kids[a]):
        return None  # "the possibility of an Ecuadorian attack": another party's act foreseen, no warning
    return [x for _, o in tree.prep_args(a, TARGET_PREPS) for x in tree.conjuncts(o)]
