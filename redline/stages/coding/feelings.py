"""Feelings a party expresses about another ("expressed concern about the Russian troop build-up", "voiced anger at
the Pentagon"): disapproval (ACCUSE/disapprove) only when a named party, or a named party's act, is what the
feeling is about. The light-verb rules of verbs.py ask `feeling_target` before coding a feeling noun."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .advisories import MODAL_AUX
from .nominal import act_or_misdeed, named
from .tree import Tree, match_verb, subject_of

# Twelfth round, recall: feelings expressed about a party's act ("expressed concern about the Russian troop
# build-up", "voiced anger at the Pentagon") disapprove of it (ACCUSE/disapprove, as 'regret' and 'dismay'); only
# with a named party in their about/over/at/with phrase, never "concern for" someone (sympathy) or about a state of
# things ("anger over rising prices").
FEELING_NOUNS = frozenset({"concern", "alarm", "outrage", "anger", "displeasure", "disappointment", "indignation"})
# Worry is disapproval only of an act or a misdeed: "concern about Ukraine's security" faults no one.
WORRY_NOUNS = frozenset({"concern", "alarm"})
FEELING_PREPS = ("about", "over", "at", "with", "regarding", "toward", "towards")


def feeling_target(tree: Tree, o: int, v: int, lex: Lexicon) -> bool:
    """A named party in the about / over / at / with phrase of an expressed feeling (the noun's or its verb's), and
    no "for" phrase on the noun ("concern for the safety of the hostages" is sympathy). For worry, a party's noun
    must name an act or a misdeed ("concern about Ukraine's security" is none)."""
    toks = tree.tokens
    if tree.prep_args(o, ("for",)):
        return False
    args = [a for _, a in tree.prep_args(o, FEELING_PREPS) + tree.prep_args(v, FEELING_PREPS)]
    # fourteenth round, verbal: the subject of the feeling's that-clause ("Lithuania voiced concern that Belarus was
    # pushing migrants"), when the one who feels it is named too ("commentators expressed concern that ..." is none),
    # and the clause tells an act, not what might happen ("that Belarus could collapse")
    if any(named(tree, x) for x in subject_of(tree, v)):
        args += [s for c in tree.children(o, {"acl", "ccomp"}) if any(toks[m].lower == "that" for m in tree.kids[c])
                 and match_verb(tree, c, lex) is not None
                 and not any(toks[m].dep == "aux" and toks[m].lower in MODAL_AUX for m in tree.kids[c])
                 for s in tree.children(c, {"nsubj", "nsubjpass"})]
    worry = toks[o].lemma.lower() in WORRY_NOUNS
    return any(named(tree, x) and (not worry or toks[x].ent_type or toks[x].pos == "PROPN"
                                   or toks[x].lemma.lower() in lex.cue("agents") or act_or_misdeed(tree, x, lex))
               for a in args for x in tree.conjuncts(a))


__all__ = ["FEELING_NOUNS", "FEELING_PREPS", "WORRY_NOUNS", "feeling_target"]
