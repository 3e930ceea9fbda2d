"""Habits: a clause with an adverb of habit states no particular act (factuality.py calls `habit`)."""

from __future__ import annotations

from ...records import Factuality
from .tree import Tree

# Adverbs of habit: with the simple present ("Iran repeatedly calls for ...", "police often detain activists") the
# clause states a habit with no particular occasion (docs/annotation.md section 2); with a past tense only the
# adverbs that cannot count particular acts ("often", "usually"): "repeatedly called for his resignation" reports acts.
HABIT_ADVERBS = frozenset({"often", "usually", "typically", "habitually", "generally", "normally", "traditionally",
                           "customarily", "commonly", "ordinarily"})
HABIT_PRESENT_ADVERBS = HABIT_ADVERBS | {"repeatedly", "routinely", "regularly", "frequently", "always",
                                         "constantly", "continually", "perennially", "invariably"}


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
    return None
