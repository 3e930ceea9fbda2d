"""Senses of common event verbs that their direct object decides (eleventh round, issue 12): the lexicon's entry
fits one kind of object, and another kind of object makes another verb of it (docs/annotation.md section 2).

- **execute**: one executes people (ASSAULT/targeted) or an attack; one also executes a plan, a change of course, a
  warrant, an order or a trade ("Trump executed an abrupt change of course", "police executed a search warrant"),
  which kills nobody.
- **admit to / give in to**: confessing ("admitted to the killings") and yielding ("gave in to the demands") take no
  direct object; with one the verb admits someone somewhere or gives something to someone ("admitted his son to a
  hospital", "gives field guidance to army units in the province").
- **pull out / pull back**: withdrawing forces, staff or a party ("pulled its troops out of Syria", "pulled out
  its ambassador"); pulling a thing out of a car, a bag or a drawer withdraws nothing.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree, names_word, object_heads

PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# What one may execute besides people: attacks (the lexicon's offensives) and these.
KILLINGS = frozenset({"massacre", "killing", "killings", "murder", "murders", "assassination", "execution"})


def _direct_objects(tree: Tree, f: Frame) -> list[int]:
    return list(dict.fromkeys([*tree.children(f.base, {"dobj"}), *f.objects]))


def _partyish(tree: Tree, o: int, lex: Lexicon, *lists: str) -> bool:
    """The object is a person, a people, a body or a pronoun, or a word of one of the cue lists; a counted group
    ("a small number of troops", "dozens of prisoners") is what it counts."""
    for h in object_heads(tree, o, lex.cue("quantity")):
        t = tree.tokens[h]
        if t.pos in ("PRON", "PROPN", "NUM") or t.ent_type in PARTY_ENTS:
            return True
        if any(names_word(tree, h, lex.cue(name)) for name in lists):
            return True
    return False


def executed_thing(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'executed a change of course', 'executed a search warrant', 'executed the plan': no killing."""
    if f.code.event != "ASSAULT" or tree.tokens[f.base].lemma.lower() != "execute" or f.rule.startswith("light"):
        return False
    objects = _direct_objects(tree, f)
    return bool(objects) and not any(
        _partyish(tree, o, lex, "captives", "offensives", "targets") or names_word(tree, o, KILLINGS)
        for o in objects)


def transitive_particle_verb(tree: Tree, f: Frame) -> bool:
    """'admitted his son to a hospital', 'gives field guidance to units in the county': the lexicon's 'admit to'
    and 'give in to' take no direct object, so one there makes another verb of them."""
    if f.entry not in ("admit to", "give in to") or not f.rule.startswith("svo"):
        return False
    return bool(tree.children(f.base, {"dobj"}))


def pulled_thing(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'pulled a memo out of the car': pulling a thing out withdraws no forces, staff or party."""
    if f.code.event != "RETREAT" or tree.tokens[f.base].lemma.lower() != "pull" or not f.rule.startswith("svo"):
        return False
    objects = tree.children(f.base, {"dobj"})
    return bool(objects) and not any(_partyish(tree, o, lex, "forces", "staff", "captives") for o in objects)


def drop_reason(tree: Tree, f: Frame, lex: Lexicon) -> str:
    if executed_thing(tree, f, lex):
        return "executing a plan, an order or a warrant kills nobody: the object gives 'execute' another sense"
    if transitive_particle_verb(tree, f):
        return "with a direct object, 'admit to' and 'give in to' admit or give something: no concession"
    if pulled_thing(tree, f, lex):
        return "pulling a thing out of a place withdraws no forces, staff or party"
    return ""


__all__ = ["drop_reason"]
