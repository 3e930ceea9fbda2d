"""Attacks told in the sentence before: who did an attack that a sentence names without its doer.

A news report tells an attack once with its attacker ("Russian forces shelled the city overnight") and then
goes on with what it did, leaving the attacker out: "The shelling killed eight civilians", "At least 20 fighters
were killed and 30 wounded". The annotation guide (docs/annotation.md, section 12.1) codes such an act with the
party the article identifies. This module takes that party from the sentence right before, and only when that
sentence coded asserted attacks by exactly one party: never a guess among several, never from further back.

Two shapes take it (coder.py):
- an attack noun with a definite determiner as the subject of a violent verb ("the strikes killed", "this
  bombardment wounded"); an indefinite one ("a rocket struck a house") tells a new attack;
- an agentless harm passive ("were killed", "were wounded") with no attack of its own in the sentence ("killed
  in a rocket attack" tells another one) and no victim of the attacker's own country (those were hit by someone
  else).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...knowledge.lexicon import Code
from ...records import Entity, Event, Factuality
from .arguments import VIOLENT_NOUNS, Argument
from .tree import Tree

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
TOLD = "attacker told in the sentence before"


@dataclass(frozen=True, slots=True)
class PriorAttack:
    """The one party whose asserted attacks the sentence before coded, the one party they hit (None unless one),
    that sentence's index and the attacks' code."""

    attacker: Entity
    target: Entity | None
    sentence: int
    code: Code | None = None  # the attacks' one mode with its CAMEO code ("aerial", 195), when they had one


def prior_attack(events: list[Event], sentence: int, mutual: frozenset[str] = frozenset()) -> PriorAttack | None:
    """The party of the asserted attacks among one sentence's events, when they were all by one country or
    organisation; None when there were none, some had no known attacker, there were several parties, or one was a
    fight (`mutual`: ids of events whose every side fights, "troops and rebels fought near the airport": whose toll
    a later sentence gives is not said)."""
    attacks = [e for e in events if e.event == "ASSAULT" and e.factuality == Factuality.ASSERTED]
    if any(e.id in mutual for e in attacks):
        return None
    actors = [a for e in attacks for a in e.actor]
    if not actors or any(a.code is None for a in actors) or len({a.code for a in actors}) != 1:
        return None
    targets = [r for e in attacks for r in e.recipient if r.code]
    target = targets[0] if targets and len({r.code for r in targets}) == 1 else None
    modes = {(e.mode, e.cameo) for e in attacks}
    code = Code("ASSAULT", *next(iter(modes))) if len(modes) == 1 and attacks[0].mode else None
    return PriorAttack(actors[0], target, sentence, code)


def told_mode(prior: PriorAttack | None, code: Code, actors: list[Argument]) -> Code:
    """The mode of the attack told in the sentence before for its toll told without one ("the strikes killed"
    after "bombed": aerial); the code unchanged otherwise."""
    if prior is None or prior.code is None or code.event != "ASSAULT" or code.mode or not any(
            a.how == TOLD for a in actors):
        return code
    return prior.code


def _as_argument(prior: PriorAttack, why: str) -> Argument:
    ent = prior.attacker
    return Argument(dataclasses.replace(ent, reason=(
        f"{ent.reason}; {why}, told with its attacker in sentence {prior.sentence}").strip("; ")), -1,
        TOLD)


def definite_attack_nouns(tree: Tree, nodes) -> bool:
    """Are all the argument nodes attack nouns with a definite determiner and no "by" phrase ("the strikes",
    "this shelling"), so that they speak of an attack already told?"""
    toks = tree.tokens
    if not nodes:
        return False
    for n in nodes:
        t = toks[n]
        if t.pos != "NOUN" or (t.lemma.lower() not in VIOLENT_NOUNS and t.lower not in VIOLENT_NOUNS):
            return False
        if not any(toks[k].dep == "det" and toks[k].lower in DEFINITE for k in tree.kids[n]):
            return False
        if tree.prep_args(n, ("by",)):
            return False
    return True


def told_attacker(prior: PriorAttack | None, tree: Tree, nodes, trace: list[str]) -> list[Argument]:
    """The attacker of the sentence before for an attack noun subject that refers back to it; [] otherwise."""
    if prior is None or not definite_attack_nouns(tree, nodes):
        return []
    noun = tree.tokens[nodes[0]].text
    trace.append(f"actor: '{noun}' refers back to the attack told in sentence {prior.sentence} "
                 f"({prior.attacker.code})")
    return [_as_argument(prior, f"the '{noun}' refers back to the attack")]


def new_attack_named(tree: Tree) -> bool:
    """Does the sentence name an attack of its own with an indefinite or no determiner ("in a rocket attack",
    "in airstrikes")? Then the harm it reports may be another attack's."""
    toks = tree.tokens
    for t in toks:
        if t.pos != "NOUN" or (t.lemma.lower() not in VIOLENT_NOUNS and t.lower not in VIOLENT_NOUNS):
            continue
        if not any(toks[k].dep == "det" and toks[k].lower in DEFINITE for k in tree.kids[t.i]):
            return True
    return False


def agentless_attacker(prior: PriorAttack | None, tree: Tree, recipients: list[Argument],
                       trace: list[str]) -> list[Argument]:
    """The attacker of the sentence before for an agentless harm passive that goes on with its toll; []
    when the sentence names an attack of its own or a victim is of the attacker's own country."""
    if prior is None or new_attack_named(tree):
        return []
    if any(r.entity.code == prior.attacker.code for r in recipients):
        return []
    trace.append(f"actor: the harm goes on from the attack told in sentence {prior.sentence} "
                 f"({prior.attacker.code})")
    return [_as_argument(prior, "an agentless harm after the attack")]


def told_target(prior: PriorAttack | None, actors: list[Argument], recipients: list[Argument],
                trace: list[str]) -> list[Argument]:
    """Victims of an attack taken from the sentence before that the sentence does not place ("eight civilians",
    "20 fighters"): the party that attack hit, when it hit one; the recipients unchanged otherwise."""
    if prior is None or prior.target is None or any(r.entity.code for r in recipients) or not any(
            a.how == TOLD for a in actors):
        return recipients
    ent = prior.target
    trace.append(f"recipient: the unplaced victims are of the party the attack of sentence {prior.sentence} hit "
                 f"({ent.code})")
    return [Argument(dataclasses.replace(ent, reason=(
        f"{ent.reason}; hit by the attack told in sentence {prior.sentence}, whose toll the sentence gives").strip(
        "; ")), -1, "target told in the sentence before")]
