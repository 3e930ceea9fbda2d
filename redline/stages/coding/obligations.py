"""Obligations that demand no act (twelfth round, issue 12): a reported "must", "should", "has to" or "needs to" is
coded as the speaker's REQUEST to the obliged party (speech.deontic_frames). Four kinds of obligation ask no party
to do anything (docs/annotation.md section 2: opinions, maxims, predictions are no events):

- **Owed thoughts**: what a party ought to think, know or keep in mind ("European leaders must recognize that the
  militias recruit online", "Brussels should be thinking about the next crisis", "Athens must understand that the
  money has limits"). A mind verb with a that-clause, an "about"/"of" phrase or nothing after it; "must recognize
  the genocide" (an object: a declaration) stays.
- **Owed possibilities and rankings**: "should be able to serve" (what ought to be possible), "the interests of
  Turkey should not take precedence" (a ranking of interests, whose subject is no party).
- **Foreseen necessities**: "if parliament rejects the deal, the voters will have to decide": a future "have to"
  under a condition foresees a consequence; "Germany will have to pay" (no condition) stays a demand.
- **Maxims**: an obligation with an adverb of habit ("the United States sometimes has to negotiate with
  governments it dislikes", "Israel often has to talk to its enemies") states a rule of conduct, no demand.
- **Duties of the public** (seventeenth round, speech): "all Britons need to remember the veterans", "the Kenyan
  people must accept the new tax rules", "the public has to accept them": an obligation laid
  on people at large (a public, everyone, a nation's people) whose course names no country, nation or organisation
  is an exhortation, as "urged the world to rediscover its humanity" is (publics.exhortation): no party is asked.
  "The Syrian people must rise against Damascus" names a party and stays.
- **Necessities denied** (fifteenth round, speech): "Germany does not need to send troops", "Taiwan didn't have to
  accept the offer", "the firm wouldn't need to borrow": a negated "need to / have to" says that nothing is
  required of the party, the opposite of a demand ("must not send", "should not send" stay demands).
"""

from __future__ import annotations

from .habits import HABIT_PRESENT_ADVERBS
from .publics import HUMANITY, PARTY_ENTS, demonym_people
from .senses import CIVILIANS
from .tree import Frame, Tree, first_reason

# Verbs of the mind: what one ought to think is an opinion about views, not an act.
MIND_VERBS = frozenset({"think", "recognize", "recognise", "understand", "realize", "realise", "know", "believe",
                        "remember", "consider", "appreciate", "acknowledge"})
# What ought to be possible: "should be able to", "must be free to".
POSSIBLE = frozenset({"able", "free", "capable", "allowed", "entitled", "eligible"})
# Things ranked against each other: "should take precedence / priority".
RANKS = frozenset({"precedence", "priority", "preference"})
# Abstract subjects of an obligation, which no party is: "interests", "concerns", "values".
ABSTRACT_SUBJECTS = frozenset({"interest", "interests", "concern", "concerns", "value", "values", "priority",
                               "priorities", "need", "needs", "candor", "candour", "right", "rights"})
# Adverbs that make an obligation a maxim: every adverb of habit (habits.py), and on purpose also the ones that
# count occasions ("sometimes", "occasionally"): "sometimes attacked the convoys" reports acts, but "sometimes has to
# negotiate" demands no particular act of anyone.
MAXIM_ADVERBS = HABIT_PRESENT_ADVERBS | {"sometimes", "occasionally"}
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})
CONDITION_MARKS = frozenset({"if", "unless", "should"})


def _deontic(f: Frame) -> bool:
    return f.rule.startswith("deontic:") and f.code.event == "REQUEST"


def owed_thought(tree: Tree, f: Frame) -> bool:
    """'must recognize that ...', 'should be thinking about ...', 'must understand that ...'."""
    if not _deontic(f):
        return False
    toks = tree.tokens
    v = f.trigger[0]
    if toks[v].lemma.lower() not in MIND_VERBS:
        return False
    if tree.children(v, {"dobj"}) and not tree.children(v, {"ccomp"}):
        return False  # "Turkey must recognize the genocide", "must know its place": an object, maybe an act
    # "should consider replacing the Kurdish forces": the complement is an act to weigh, a demand (held-out N2)
    return not any(toks[c].tag in ("VBG", "VB") for c in tree.children(v, {"xcomp", "ccomp", "pcomp"}))


def owed_possibility(tree: Tree, f: Frame) -> bool:
    """'should be able to serve', 'the interests of Turkey should not take precedence over NATO's'."""
    if not _deontic(f):
        return False
    toks = tree.tokens
    v = f.trigger[0]
    lemma = toks[v].lemma.lower()
    if lemma == "be" and any(toks[k].lower in POSSIBLE for k in tree.children(v, {"acomp"})):
        return True
    if lemma == "take" and any(toks[k].lower in RANKS for k in tree.children(v, {"dobj"})):
        return True
    return bool(f.recipients) and all(toks[s].lower in ABSTRACT_SUBJECTS for s in f.recipients)


def _carrier(tree: Tree, v: int) -> int:
    """The verb that carries the obligation's tense: 'have' of 'will have to decide', else the verb itself."""
    toks = tree.tokens
    h = tree.head(v)
    if h is not None and toks[v].dep == "xcomp" and toks[h].lemma.lower() in ("have", "need"):
        return h
    return v


def foreseen_necessity(tree: Tree, f: Frame) -> bool:
    """'if parliament rejects the deal, the voters will have to decide': a future necessity under a condition."""
    if not _deontic(f):
        return False
    toks = tree.tokens
    c = _carrier(tree, f.trigger[0])
    if c == f.trigger[0] or not any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in FUTURE_AUX
                                    for k in tree.kids[c]):
        return False
    heads = {c, f.trigger[0]}
    h = c
    while h is not None and toks[h].dep in ("xcomp", "ccomp", "conj"):  # "he said [the voters will have to]"
        h = tree.head(h)
        if h is not None:
            heads.add(h)
    return any(toks[k].dep == "mark" and toks[k].lower in CONDITION_MARKS
               for h in heads for a in tree.children(h, {"advcl"}) for k in tree.kids[a])


def maxim(tree: Tree, f: Frame) -> bool:
    """'the United States sometimes has to negotiate', 'Israel often has to talk to its enemies'."""
    if not _deontic(f):
        return False
    toks = tree.tokens
    v = f.trigger[0]
    return any(toks[k].dep == "advmod" and toks[k].lower in MAXIM_ADVERBS
               for h in {v, _carrier(tree, v)} for k in tree.kids[h])


def necessity_denied(tree: Tree, f: Frame) -> bool:
    """'Germany does not need to send troops', 'Taiwan didn't have to accept', 'won't have to pay': the negation
    sits on the "need" or "have" that carries the obligation."""
    if not _deontic(f):
        return False
    c = _carrier(tree, f.trigger[0])
    return c != f.trigger[0] and any(tree.tokens[k].dep == "neg" for k in tree.kids[c])


def _public(tree: Tree, i: int) -> bool:
    """Node i names people at large: "people", "the public", "everyone", "the Kenyan people", "all Britons"."""
    t = tree.tokens[i]
    if t.lower in HUMANITY | CIVILIANS or t.lemma.lower() in HUMANITY | CIVILIANS:
        return t.lower != "world"  # "the world must act": the international community, left to the exhortation rule
    return demonym_people(tree, i) and any(tree.tokens[k].lower == "all" for k in tree.kids[i])


def public_duty(tree: Tree, f: Frame) -> bool:
    """'all Britons need to remember the veterans', 'the Kenyan people must accept the new tax rules'."""
    if not _deontic(f) or not f.recipients or not all(_public(tree, r) for r in f.recipients):
        return False
    toks = tree.tokens
    obliged = {k for r in f.recipients for k in tree.subtree(r)}
    return not any(toks[k].ent_type in PARTY_ENTS for k in tree.subtree(f.trigger[0]) if k not in obliged)


CHECKS = (
    (owed_thought, "what a party ought to think, know or keep in mind is an opinion, no demand for an act"),
    (owed_possibility, "what ought to be possible or take precedence is an opinion, no demand on a party"),
    (foreseen_necessity, "a future 'will have to' under a condition foresees a consequence, no demand"),
    (maxim, "an obligation with an adverb of habit ('sometimes has to') is a maxim, no demand on a party"),
    (necessity_denied, "a negated 'need to' or 'have to' says nothing is required of the party: no demand"),
    (public_duty, "a duty laid on people at large that names no party is an exhortation: no party is asked"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the deontic frame demands no act, or ""."""
    return first_reason(CHECKS, tree, f)
