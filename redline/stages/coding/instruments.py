"""What an act is done with (tenth round, issue 12): the instrument or the scene of a striking verb decides its type.

- **Measures as the weapon**: a striking verb whose instrument is a measure the lexicon codes SANCTION is that
  sanction, not an attack or a rebuke: "hit Turkey with sanctions and tariffs", "slammed Russian banks with new
  sanctions", "officials targeted by American sanctions", "struck the firms with an embargo". The instrument is the
  verb's "with" phrase, its passive "by" agent or its subject ("the new sanctions target three banks").
- **A policy's effect is no blow**: a striking verb whose subject is a policy, an action or a decision ("the American
  action hits Hong Kong hardest", "the decision strikes at the farmers") says what the measure does to someone, not
  that a party attacked: figurative.
- **Bodies are not in cyberspace**: a sentence that speaks of computers or hackers makes its attacks COERCE/cyber
  ("Russia targeted 21 states", said by the head of cybersecurity), but killing, shooting, stabbing or bombing people
  never is one ("the gunman who murdered 12 people had posted on a hacking forum", "killed by police after he
  hacked the school's network", "killed five rebels near a cyber cafe").
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree

# Verbs of striking that news uses for measures as well as for blows and for words.
STRIKING = frozenset({"hit", "slam", "strike", "target", "slap", "punish", "pound", "batter", "hammer", "blast",
                      "squeeze", "smack", "whack", "pummel"})
# Acts on bodies: never done in cyberspace, whatever the sentence says about computers.
BODILY = frozenset({"kill", "murder", "shoot", "stab", "behead", "wound", "injure", "massacre", "execute", "bomb",
                    "slaughter", "assassinate", "torture", "beat", "rape", "maim", "gun", "lynch", "strangle",
                    "capture", "abduct", "kidnap"})


def _instruments(tree: Tree, v: int) -> list[int]:
    """Heads of the 'with' phrase, the passive 'by' agent and the subject of verb v, conjuncts included."""
    toks = tree.tokens
    heads = [a for _, a in tree.prep_args(v, ("with",))]
    heads += [o for ag in tree.children(v, {"agent"}) for o in tree.children(ag, {"pobj"})]
    heads += tree.children(v, {"nsubj"})
    return [c for h in heads for c in tree.conjuncts(h) if toks[c].pos in ("NOUN", "PROPN")]


def _sanction_code(tree: Tree, n: int, lex: Lexicon):
    toks = tree.tokens
    for key in (toks[n].lemma.lower(), toks[n].lower):
        for e in lex.nouns.get(key, ()):
            if len(e.words) == 1 and e.code.event == "SANCTION":
                return e.code
    return None


def measure_strike(tree: Tree, f: Frame, lex: Lexicon) -> Frame | None:
    """The frame recoded as the sanction it is when a striking verb's instrument is a SANCTION noun, else None."""
    toks = tree.tokens
    if f.code.event not in ("ASSAULT", "ACCUSE") or not f.rule.startswith(("svo", "passive")) \
            or toks[f.base].lemma.lower() not in STRIKING:
        return None
    for n in _instruments(tree, f.base):
        if (code := _sanction_code(tree, n, lex)) is not None:
            return dataclasses.replace(f, code=code, object_list=None,
                                       rule=f"{f.rule}+instrument:{toks[n].lemma.lower()}",
                                       notes=f.notes + ("struck with a sanction: the sanction is the act",))
    return None


def policy_blow(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """A striking verb whose subject is a policy, an action or a decision (the lexicon's abstract objects) and not
    a sanction: the effect of a measure, no attack."""
    toks = tree.tokens
    if f.code.event not in ("ASSAULT", "ACCUSE") or not f.rule.startswith("svo") \
            or toks[f.base].lemma.lower() not in STRIKING:
        return False
    subjects = tree.children(f.base, {"nsubj"})
    words = lex.cue("abstract_objects")
    return bool(subjects) and all(toks[s].lemma.lower() in words and _sanction_code(tree, s, lex) is None
                                  for s in subjects)


# Measures and acts that, as the subject of a verb, have effects: "the closure of the ports cut exports", "the strike
# protects children", "the ban prevents Iranians from travelling".
MEASURE_SUBJECTS = frozenset({"closure", "closures", "ban", "bans", "blockade", "blockades", "embargo", "embargoes",
                              "shutdown", "strike", "strikes", "airstrike", "airstrikes", "restriction",
                              "restrictions", "cut", "cuts", "freeze", "crackdown", "order", "orders", "rule", "rules",
                              "regulation", "regulations", "executive order"})
EFFECT_TYPES = frozenset({"COERCE", "AID", "SUPPORT", "CONCEDE", "REJECT", "RETREAT"})


def measure_effect(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """A non-violent act verb whose subject is a measure, a policy or an act ("his closure of four oil ports cut
    exports", "the strike protects children", "the new rules prevent refugees from working", "the decision
    supports the industry"): the verb says what the measure does, and the measure itself is coded from its own
    word when it is an event (eleventh round, samples L and M). Attacks that kill are the attack
    (`authors.attack_authors`), sanctions that strike are the sanction (`measure_strike`)."""
    toks = tree.tokens
    if f.code.event not in EFFECT_TYPES or not f.rule.startswith("svo"):
        return False
    subjects = tree.children(f.base, {"nsubj"})
    words = lex.cue("abstract_objects") | MEASURE_SUBJECTS
    return bool(subjects) and all(toks[s].lemma.lower() in words or toks[s].lower in words or _pointing(tree, s)
                                  for s in subjects)


def _pointing(tree: Tree, s: int) -> bool:
    """'That protects our troops', 'this helps Iran' (thirteenth round, samples M and L): a bare demonstrative subject
    points back at an act or a measure, not at a party (a party is 'he', 'they', 'it' or a name)."""
    t = tree.tokens[s]
    return t.lower in ("that", "this") and t.tag == "DT" and not tree.kids[s]  # not a relative 'that' (WDT)


def in_cyberspace(tree: Tree, f: Frame, words: frozenset[str]) -> bool:
    """The sentence speaks of computers, hackers or cyber attacks, and the act is not one on bodies."""
    toks = tree.tokens
    if toks[f.base].lemma.lower() in BODILY:
        return False
    return any(t.lemma.lower() in words or t.lower in words for t in toks)


__all__ = ["in_cyberspace", "measure_effect", "measure_strike", "policy_blow"]
