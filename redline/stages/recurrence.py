"""recurrence: an act told of every occasion of a time unit is a habit, not one day's act (issue 13, eighteenth round).

"Thousands of civilians are still killed in the fighting each year", "the militia raided the villages every
week", "Every time a delegation visited the capital, the general put up a slide" (both the visits and the
slides): an "every/each" time noun on the act's verb, on the noun its relative clause hangs from, or on an
adverbial clause of its verb. `history.background_reason` undates such acts ("the text does not say when").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token
from .aspect import children

# Time nouns of an "every/each ..." phrase that makes an act a habit.
EVERY_UNITS = frozenset({"time", "year", "day", "week", "month", "night", "morning", "evening", "weekend", "summer",
                         "winter", "spring", "fall", "autumn"})
_EVERY = frozenset({"every", "each"})


def _units(tokens: Sequence[Token], v: int) -> list[Token]:
    return [t for t in children(tokens, v) if t.dep in ("npadvmod", "advmod", "dobj")
            and t.lemma.lower() in EVERY_UNITS]


def every_time(tokens: Sequence[Token], v: int) -> str | None:
    """Why the act of verb `v` recurs ("'each year' on 'killed': a habit, told of every occasion"), else None."""
    nouns = _units(tokens, v)
    if tokens[v].dep == "relcl" and tokens[tokens[v].head].lemma.lower() in EVERY_UNITS:
        nouns.append(tokens[tokens[v].head])  # "every time that a delegation visited"
    nouns += [n for c in children(tokens, v) if c.dep == "advcl" for n in _units(tokens, c.i)
              if n.lower == "time"]  # "Every time a delegation visited, the general put up a slide"
    for n in nouns:
        det = [d.text for d in children(tokens, n.i) if d.dep == "det" and d.lower in _EVERY]
        if det:
            return f"'{det[0]} {n.text}' on {tokens[v].text!r}: a habit, told of every occasion"
    return None


__all__ = ["EVERY_UNITS", "every_time"]
