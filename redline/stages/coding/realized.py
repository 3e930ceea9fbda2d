"""Event nouns whose own clause says the act took place, though the noun is neither subject nor object of an
event verb: a participle that carries the act out ("new British and EU sanctions imposed over Georgia", "the
airstrikes carried out on Sunday") and harm done in the act ("19 people were killed in Israeli airstrikes
on Gaza", "three soldiers died in a Taliban attack on a checkpoint")."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .nominal import FORCE_TYPES, named, named_modifiers
from .tree import Frame, Tree, is_passive, match_noun, participle_passive

# Where a target of the act is named: "sanctions imposed on Russia", "airstrikes on Gaza". Not "over" or "for"
# (the reason: "sanctions imposed over Ukraine") nor "of" (the victims or the thing acted with).
TARGET_PREPS = ("against", "on", "upon", "at", "into", "toward", "towards")
# Verbs of harm whose "in/during X" phrase names the act that caused it; the harmed are its victims.
HARM_VERBS = frozenset({"kill", "die", "wound", "injure", "hurt", "maim", "destroy", "damage", "raze", "flatten",
                        "level"})
SETTING_PREPS = ("in", "during")


def realized_frames(tree: Tree, n: int, lex: Lexicon) -> list[Frame]:
    """A frame for event noun n when a participle or a harm clause asserts its act; [] otherwise."""
    toks = tree.tokens
    if toks[n].pos not in ("NOUN", "PROPN"):
        return []
    frame = _carried_out(tree, n, lex)
    if frame is None and toks[n].dep == "pobj":
        frame = _harm_setting(tree, n, lex)
    return [frame] if frame is not None else []


def _carried_out(tree: Tree, n: int, lex: Lexicon) -> Frame | None:
    """'sanctions imposed on X', 'the offensive launched last week': a past participle of a light verb that does
    the noun's act, with the actor named on the noun (or after 'by')."""
    toks = tree.tokens
    h = tree.head(n)
    # "details of the agreement provided by X": the participle may describe the head noun; a use of force
    # ("evidence of cluster munitions fired by X into Y") is what was carried out
    after_of = toks[n].dep == "pobj" and h is not None and toks[h].lower == "of"
    for v in tree.children(n, {"acl"}):
        if toks[v].tag != "VBN":
            continue
        lemma = toks[v].lemma.lower()
        ne = match_noun(tree, n, lex, lemma)
        if ne is None:
            return None
        for lv in lex.light.get(lemma, ()):
            if lv.role != "agent" or (lv.particle and not any(toks[k].lower == lv.particle for k in tree.kids[v])):
                continue
            code = lv.overrides.get(ne.words[-1], ne.code)
            if not lv.keeps(code) or after_of and code.event not in FORCE_TYPES:
                continue
            actors = named_modifiers(tree, n, ne) + [x for _, a in tree.prep_args(v, ("by",))
                                                     for x in tree.conjuncts(a)]
            if not actors:
                return None
            rcpt = [x for _, a in tree.prep_args(n, TARGET_PREPS) + tree.prep_args(v, TARGET_PREPS)
                    for x in tree.conjuncts(a)]
            # for a use of force the participle is the trigger: its clause says where the act was done ("munitions
            # fired ... into Donetsk"); a sanction or a deal has no place of its own ("sanctions imposed over
            # Ukraine" names the topic)
            trig = (v, v + 1) if code.event in FORCE_TYPES else _trigger(tree, n, ne)
            return Frame(f"nominal-participle:{ne.key}+{lemma}", ne.key, code, trig, tuple(actors),
                         tuple(rcpt), v, require_recipient=True,
                         notes=("a participle that carries out the act asserts it; the act needs its target named",))
    return None


def _harm_setting(tree: Tree, n: int, lex: Lexicon) -> Frame | None:
    """'were killed in Israeli airstrikes on Gaza': the use of force in which people were harmed took place.
    The passive harm verb with no agent of its own is this very act and is not coded again."""
    toks = tree.tokens
    p = tree.head(n)
    if p is None or toks[p].lower not in SETTING_PREPS or toks[p].dep != "prep":
        return None
    gov = tree.head(p)
    if gov is None or toks[gov].pos != "VERB" or toks[gov].lemma.lower() not in HARM_VERBS:
        return None
    ne = match_noun(tree, n, lex)
    if ne is None or ne.code.event not in FORCE_TYPES or ne.only_with:
        return None
    actors = named_modifiers(tree, n, ne) + [x for _, a in tree.prep_args(n, ("by",)) for x in tree.conjuncts(a)
                                             if named(tree, x)]
    if not actors:
        return None  # "killed in aerial attacks by international forces": an attacker nobody named
    rcpt = [x for _, a in tree.prep_args(n, TARGET_PREPS) + tree.prep_args(gov, ("on", "against"))
            for x in tree.conjuncts(a)]
    agentless = is_passive(tree, gov) and not tree.prep_args(gov, ("by",))
    if participle_passive(tree, gov) and any(toks[a].dep != "compound" or toks[a].ent_type != "GPE" for a in actors):
        # "Syrians killed in Russian airstrikes": the noun the participle modifies names the victims; a city
        # before the noun ("the Brussels attacks") is where it happened, so the participle stays coded on its own
        rcpt += [x for x in tree.conjuncts(toks[gov].head) if x not in rcpt]
        agentless = True
    return Frame(f"nominal-harm:{ne.key}", ne.key, ne.code, _trigger(tree, n, ne), tuple(actors), tuple(rcpt), gov,
                 absorbed=(gov,) if agentless else (),
                 notes=("the act in which people were harmed took place",))


def _trigger(tree: Tree, n: int, ne) -> tuple[int, int]:
    toks = tree.tokens
    start = min([n] + [k for k in tree.kids[n] if toks[k].dep in ("compound", "amod") and toks[k].lower in ne.words])
    return start, n + 1

