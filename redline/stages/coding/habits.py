"""Habits: a clause with an adverb of habit states no particular act (factuality.py calls `habit`)."""

from __future__ import annotations

from ...records import Factuality
from .tree import Tree

# Adverbs of habit: with the simple present ("Iran repeatedly calls for ...", "police often detain activists") the
# clause states a habit with no particular occasion (docs/annotation.md section 2); with a past tense only the
# adverbs that cannot count particular acts ("often", "usually", "invariably"): "repeatedly called for his
# resignation" reports acts. HABIT_ADVERBS is the one list of habit adverbs for every tense: wordsense.habitual
# (on a verb governing the event) uses it too; obligations.MAXIM_ADVERBS widens it on purpose (see there).
HABIT_ADVERBS = frozenset({"often", "usually", "typically", "habitually", "generally", "normally", "traditionally",
                           "customarily", "commonly", "ordinarily", "invariably"})
HABIT_PRESENT_ADVERBS = HABIT_ADVERBS | {"repeatedly", "routinely", "regularly", "frequently", "always",
                                         "constantly", "continually", "perennially"}


def habit(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """The event's own clause is a habit: an adverb of habit on a simple present, or 'often'/'usually' on any
    tense (eleventh round, samples O and K: "repeatedly calls for the extermination of Israel")."""
    toks = tree.tokens
    advs = [k for k in tree.kids[base] if toks[k].dep == "advmod"]
    auxes = [k for k in tree.kids[base] if toks[k].dep in ("aux", "auxpass")]
    simple_present = toks[base].tag in ("VBZ", "VBP") and not auxes
    for k in advs:
        low = toks[k].lower
        if low in HABIT_ADVERBS or (simple_present and low in HABIT_PRESENT_ADVERBS):
            return Factuality.HYPOTHETICAL, f"'{toks[k].text} {toks[base].text}': a habit, no particular act"
    return whenever(tree, base) if simple_present else None


def whenever(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """A simple present under 'when' or 'whenever' (twelfth round, samples O, N and V): with a present main
    clause it is a rule ("when the Kenyan president makes a pledge, he keeps it", "the state follows the court when
    it suits it"); with a future one it is ahead ("on Friday, when the president hosts the chancellor")."""
    toks = tree.tokens
    if toks[base].dep not in ("advcl", "relcl") or not any(
            toks[k].dep in ("mark", "advmod") and toks[k].lower in ("when", "whenever") for k in tree.kids[base]):
        return None
    if any(toks[k].lower == "even" or toks[k].lower in ("when", "whenever") and k > 0 and toks[k - 1].lower == "even"
           for k in tree.kids[base]):
        return None  # "even when his own department indicts twelve agents": a particular act, conceded
    h = tree.head(base)
    while h is not None and toks[h].pos not in ("VERB", "AUX"):  # "on Friday, when ...": the verb "Friday" is on
        nxt = tree.head(h)
        h = nxt if nxt != h else None
    if h is None:
        return None
    if any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in ("will", "'ll", "shall")
           for k in tree.kids[h]):
        return Factuality.FUTURE, f"'when {toks[base].text}' with a future main clause: ahead"
    if toks[h].tag in ("VBZ", "VBP"):
        return Factuality.HYPOTHETICAL, f"'when {toks[base].text}' with a present main clause: a rule, no act"
    return None
