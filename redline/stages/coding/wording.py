"""Words, rites and minds (tenth round, issue 12): verbs of commitment, refusal and wish whose content is a
ritual, a choice of words or someone's beliefs do no act between parties (docs/annotation.md section 2).

- **Oaths of office**: "every minister swears an oath to defend the constitution", "the president was sworn in by
  the chief justice": a ceremony, not a promise to a party. An oath or allegiance sworn *to* a party ("swore
  allegiance to the Islamic State", "swore an oath to the emir") stays.
- **Choice of words**: refusing or declining to use a word, phrase or label, or to call something so ("refuses to
  use the phrase 'war on terror'", "declined to use the word genocide", "refused to call the killings a genocide"):
  how one speaks, not a rejection of a party's demand.
- **Wishes about beliefs**: wanting people to believe, think or understand something ("wants people to believe that
  his plan can solve every problem", "wants the world to think that Ukraine started the war") asks nobody to act.
- **Amounts and minds named by agreement nouns** (nineteenth round): "have a great deal of experience in clearing
  mines", "a good deal of concern" count something, and "a clear understanding of the risks" is comprehension; neither is a deal or an understanding between parties. "Reached an
  understanding with Moscow" and "a deal with Iran" stay.
- **Inferences**: "must" with a perfect ("the Europeans must have seen the refugees as a problem", "he must have
  known") infers what was so; it demands nothing and criticises nobody ("should have" with a perfect stays the
  criticism wordsense.py reads).
"""

from __future__ import annotations

from .tree import Frame, Tree, first_reason

OATHS = frozenset({"oath", "oaths"})
# Verbs whose complement says how something is worded.
WORDING_VERBS = frozenset({"call", "label", "describe", "term", "characterize", "characterise", "brand", "dub",
                           "name", "utter", "pronounce"})
WORDS = frozenset({"word", "words", "phrase", "phrases", "term", "terms", "label", "labels", "name", "expression",
                   "language", "description", "formula", "formulation", "adjective", "epithet", "slogan"})
REFUSALS = frozenset({"refuse", "decline"})
WISHES = frozenset({"want", "wish", "like", "need"})
# What one may want others to hold in mind.
MINDS = frozenset({"believe", "think", "know", "understand", "feel", "realize", "realise", "remember", "imagine",
                   "assume", "accept", "see", "trust", "suspect"})


def _lemma(tree: Tree, i: int) -> str:
    return tree.tokens[i].lemma.lower()


def _complements(tree: Tree, v: int) -> list[int]:
    toks = tree.tokens
    return [k for k in tree.children(v, {"xcomp", "ccomp"}) if toks[k].pos in ("VERB", "AUX")]


def oath_of_office(tree: Tree, f: Frame) -> bool:
    toks = tree.tokens
    if _lemma(tree, f.base) != "swear":
        return False
    if any(toks[k].dep in ("prt", "compound:prt") and toks[k].lower == "in" for k in tree.kids[f.base]):
        return True  # "was sworn in", "swore in the new cabinet"
    oaths = [o for o in tree.children(f.base, {"dobj"}) if toks[o].lower in OATHS]
    return bool(oaths) and not tree.prep_args(f.base, ("to",)) and not any(tree.prep_args(o, ("to",)) for o in oaths)


def choice_of_words(tree: Tree, f: Frame) -> bool:
    toks = tree.tokens
    if f.code.event != "REJECT" or _lemma(tree, f.base) not in REFUSALS:
        return False
    for x in _complements(tree, f.base):
        if _lemma(tree, x) in WORDING_VERBS:
            return True
        objects = [o for d in tree.children(x, {"dobj"}) for o in [d, *tree.children(d, {"compound"})]]
        if _lemma(tree, x) in ("use", "say", "repeat", "adopt", "employ") and any(
                toks[o].lemma.lower() in WORDS or toks[o].lower in WORDS for o in objects):
            return True  # "the phrase 'war on terror'", "the word genocide"
    return False


def wish_about_beliefs(tree: Tree, f: Frame) -> bool:
    if f.code.event != "REQUEST" or _lemma(tree, f.base) not in WISHES:
        return False
    xs = _complements(tree, f.base)
    return bool(xs) and all(_lemma(tree, x) in MINDS for x in xs)


def labelled_course(tree: Tree, f: Frame) -> bool:
    """'called it madness for Britain to leave the EU', 'called it a mistake for the United States to abandon the
    Kurds' (twelfth round, sample N): "call it X for Y to do" labels a course; it calls for nothing."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or _lemma(tree, f.base) != "call":
        return False
    return any(toks[o].lower == "it" for o in tree.children(f.base, {"dobj", "nsubj"}) if o > f.base)


# Determiners of someone not yet chosen: "wants a judge to weigh in", "wants any Republican to head the bank".
INDEFINITE_DETS = frozenset({"a", "an", "any", "some", "another"})


def wish_for_someone(tree: Tree, f: Frame) -> bool:
    """'some senators want a court to rule on the sanctions', 'he wants a Democrat to lead the central bank': a
    wish that someone not yet chosen acts asks no party (twelfth round); 'wants Germany to spend more' stays."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or _lemma(tree, f.base) not in WISHES or not f.recipients:
        return False
    return all(toks[r].pos in ("NOUN", "PROPN") and any(toks[k].dep == "det" and toks[k].lower in INDEFINITE_DETS
                                                        for k in tree.kids[r]) for r in f.recipients)


def inference(tree: Tree, f: Frame) -> bool:
    """'must have seen', 'must have known': 'must' with a perfect infers what was so. 'should have' with a perfect
    judges a past act and stays criticism (wordsense.past_obligation)."""
    toks = tree.tokens
    if not f.rule.startswith("deontic"):
        return False
    v = f.trigger[1] - 1
    auxes = [k for k in tree.kids[v] if toks[k].dep == "aux"]
    return toks[v].tag == "VBN" and any(toks[k].lower == "must" for k in auxes) and any(
        toks[k].lemma.lower() == "have" and toks[k].tag == "VB" for k in auxes)


# Nineteenth round: "a great deal of", "a good deal of".
AMOUNT_ADJECTIVES = frozenset({"great", "good"})


def _trigger_nouns(tree: Tree, f: Frame) -> list[int]:
    toks = tree.tokens
    return [n for n in range(max(f.trigger[0], 0), min(f.trigger[1], len(toks))) if toks[n].pos == "NOUN"]


def amount_or_mind(tree: Tree, f: Frame) -> bool:
    """'a great deal of concern', 'a clear understanding of the risks': the agreement noun counts or comprehends
    something; it names no deal or understanding between parties."""
    toks = tree.tokens
    if f.code.event != "AGREE":
        return False
    for n in _trigger_nouns(tree, f):
        lemma, preps = toks[n].lemma.lower(), {toks[p].lower for p in tree.children(n, {"prep"})}
        if lemma == "deal" and "of" in preps and any(toks[k].lower in AMOUNT_ADJECTIVES
                                                      for k in tree.children(n, {"amod"})):
            return True
        if lemma == "understanding" and "of" in preps and not preps & {"with", "between", "among", "on"}:
            return True
    return False


CHECKS = (
    (oath_of_office, "an oath of office or a swearing-in is a ceremony, not a promise to a party"),
    (choice_of_words, "refusing to use a word or to call something so is a choice of words, no rejection"),
    (wish_about_beliefs, "wanting people to believe or think something asks nobody to act"),
    (labelled_course, "calling it a mistake or madness for a party to act labels a course: no call for it"),
    (wish_for_someone, "wanting someone not yet chosen ('a judge') to act asks no party"),
    (inference, "'must have' with a perfect ('must have seen') infers what was so: no demand, no criticism"),
    (amount_or_mind, "'a great deal of' counts and 'an understanding of' comprehends: no agreement between parties"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    return first_reason(CHECKS, tree, f)


__all__ = ["drop_reason"]
