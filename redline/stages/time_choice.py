"""time_choice: which temporal expression of a sentence dates an event's trigger, and why.

`choose_time` walks the parse from the trigger: the expression its clause hangs from, one on the trigger or its
own arguments, one on the nearest governing verb, else the sentence's first dated expression, with the exceptions
each rule names (durations, occasions a noun names, days of a meeting called, relative and joined clauses, past
perfects). `dates.date_event` decides what to do with the choice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..knowledge.temporal import find_times
from ..records import Sentence, TimeExpression
from . import episodes
from .clauses import (
    ancestors,
    conjoined_clause,
    convenes,
    earlier_clause,
    in_other_clause,
    local_heads,
    own_phrases,
    relative_clause,
    shared_conjuncts,
)
from .history import clause_verb, content_perfect, named_again, perfect_progressive
from .narration import attachment as _attachment
from .occasions import dates_noun_in_present, fronted_time, made_when
from .relatives import episode_clause
from .retellings import dates_noun_only, described_occasion, when_clause_time

# the end of choose_time's reason when the chosen expression modifies a word above the trigger (date_event then
# asks whether that word is an earlier report)
GOVERNS_TRIGGER = "which governs the trigger"

EXPLICIT_KINDS = frozenset({"absolute", "range"})
YEAR_RE = re.compile(r"\d{4}")

def sentence_times(sentence: Sentence, reference: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions of one sentence as TimeExpression records (token spans within the sentence)."""
    out = []
    for t in find_times(sentence.text, reference):
        span = _token_span(sentence, sentence.start + t.start, sentence.start + t.end)
        if span is None:
            continue
        out.append(TimeExpression(t.text, sentence.index, span[0], span[1], t.date, t.enddate, t.precision,
                                  t.kind, t.reason))
    return out


def _token_span(sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    idx = [tok.i for tok in sentence.tokens if tok.idx < end and tok.end > start]
    return (idx[0], idx[-1] + 1) if idx else None


def choose_time(sentence: Sentence, trigger: int, times: Sequence[TimeExpression]) -> tuple[TimeExpression | None, str]:
    """The expression dating the event whose trigger token is `trigger`, and why.

    Order: an expression the event's clause hangs from ("since 2014, when Russia seized"), one on the trigger
    or its own arguments, one on the nearest governing verb ("said on June 14 that he wanted"), else the
    sentence's first dated expression.
    """
    tokens = sentence.tokens
    dated = [t for t in times if t.date is not None]
    if not dated or not 0 <= trigger < len(tokens):
        return None, "no dated expression in the sentence"
    # A duration ("over the past decade", "the first time in 50 years") answers "how long": it is returned
    # only when it is on the trigger itself (the act then has no date), and never dates another clause.
    usable = [t for t in dated if t.kind != "duration"]
    # "rallied for the first time in 50 years": that frame says how unusual the act is, neither when nor how long
    dated = [t for t in dated if not (t.kind == "duration" and t.text.lower().startswith("in "))]
    above = ancestors(tokens, trigger)
    for a in above:
        for t in usable:
            if t.start <= a < t.end and not (t.start <= trigger < t.end):
                return t, f"the event's clause modifies {t.text!r}"
    when = when_clause_time(tokens, above, trigger, usable)
    if when is not None:
        return when, f"the trigger's 'when' clause explains {when.text!r}"
    attach = {id(t): _attachment(tokens, t) for t in dated}
    # "blamed the chaos on Bush's 2003 invasion", "killed soldiers following the 2003 invasion": a year or month
    # written inside a noun phrase dates that noun's occasion, not the act that names it
    named = [t for t in dated if dates_noun_only(tokens, t, attach[id(t)], trigger)]
    occasion = described_occasion(tokens, trigger, named, attach)
    if occasion is not None:
        return occasion, (f"{occasion.text!r} dates {tokens[attach[id(occasion)]].text!r}, the occasion the "
                          f"trigger's clause describes")
    if named:
        dated = [t for t in dated if t not in named]
        usable = [t for t in usable if t not in named]
        if not dated:
            t = named[0]
            return None, f"{t.text!r} dates {tokens[attach[id(t)]].text!r}, a noun the trigger names, not the trigger"
    dated, usable, before = episodes.without_before_times(tokens, trigger, dated, usable, attach)
    if before is not None:  # "withdrew the draft before Friday's vote": Friday is the vote's
        return None, before
    # "called an emergency meeting on Tuesday": the day of the occasion called, not of the calling
    held = [t for t in dated if t.kind == "weekday" and convenes(tokens, attach[id(t)])
            and not (tokens[trigger].dep == "dobj" and tokens[trigger].head == attach[id(t)])]  # the occasion's own
    if held:
        dated = [t for t in dated if t not in held]
        usable = [t for t in usable if t not in held]
        if not dated:
            return None, f"{held[0].text!r} is the day of the {convenes(tokens, attach[id(held[0])])} called"
    local = local_heads(tokens, trigger)
    verb = clause_verb(tokens, trigger)
    own = [t for t in dated if (attach[id(t)] in local or t.start <= trigger < t.end)
           and not dates_noun_in_present(tokens, attach[id(t)], trigger, verb)]  # "the use ... last month is a threat"
    if own:
        t = min(own, key=lambda t: abs(t.start - trigger))
        return t, f"{t.text!r} modifies the trigger {tokens[trigger].text!r}"
    episode = episodes.when_clause_date(tokens, trigger, usable, attach)
    if episode is not None:  # "When the U.S. moved its embassy in 2018, it sparked protests"
        return episode, f"{episode.text!r} dates the 'when'/'as' clause of the trigger's clause"
    made = made_when(tokens, trigger, usable, attach)
    if made is not None:  # "the deal reached over the weekend": the noun's occasion is when it was made
        return made, f"{made.text!r} dates the participle describing the trigger {tokens[trigger].text!r}"
    conjuncts = shared_conjuncts(tokens, trigger)
    shared = [t for t in usable if attach[id(t)] in conjuncts and t.start > attach[id(t)]]
    if shared:
        t = shared[0]
        return t, f"{t.text!r} closes the coordination '{tokens[trigger].text} ... {tokens[attach[id(t)]].text}'"
    for c in sorted(conjuncts):  # "was shot and wounded as he waited in a taxi on Monday night" (nineteenth round)
        episode = episodes.when_clause_date(tokens, c, [t for t in usable if t.start > c], attach)
        if episode is not None:
            return episode, (f"{episode.text!r} dates the 'when'/'as' clause closing the coordination "
                             f"'{tokens[trigger].text} ... {tokens[c].text}'")
    written = [t for t in usable if t.kind in EXPLICIT_KINDS and YEAR_RE.search(t.text)
               and not t.text.lower().startswith("since") and attach[id(t)] in own_phrases(tokens, trigger)]
    if written:
        t = min(written, key=lambda t: abs(t.start - trigger))
        return t, f"{t.text!r} is written in the event's own phrases"
    again = named_again(tokens, trigger)
    if again is not None:  # "the sanctions that we've already imposed": not at the time of the clause above it
        return None, again
    # a relative clause tells about its noun, at its own time: "Pompeo on Monday blamed forces which helped ..."
    relative = relative_clause(tokens, trigger)
    if relative is None:
        relative = earlier_clause(tokens, trigger)
    if relative is None:
        relative = conjoined_clause(tokens, trigger)
    governors = above if relative is None else above[:above.index(relative) + 1] \
        if relative in above else [a for a in above if a == relative]
    v = clause_verb(tokens, trigger)
    earlier = perfect_progressive(tokens, v) or content_perfect(tokens, v)
    if earlier:  # "said on Monday that the administration had been blocking the funds", "the admission that Iran
        governors = [a for a in governors if a == v]  # had shot down the jet": before the clause above it
    for a in governors:
        for t in usable:
            if attach[id(t)] == a:
                return t, f"{t.text!r} modifies {tokens[a].text!r}, {GOVERNS_TRIGGER}"
    episode = episode_clause(tokens, relative) if relative is not None else None
    if relative is not None and (tokens[relative].dep in ("relcl", "acl") or episode is not None):
        noun = tokens[relative].head if episode is None else episode
        for t in usable:
            if attach[id(t)] == noun:
                return t, (f"{t.text!r} dates {tokens[noun].text!r}, which the relative clause of the trigger "
                           f"describes")
    if relative is not None and tokens[relative].dep == "conj":
        fronted = fronted_time(tokens, tokens[relative].head, usable)
        if fronted is not None:  # "During a call on March 30, the two discussed ... and the president urged"
            return fronted, f"{fronted.text!r} opens the sentence, before the clauses it joins"
    if episode is not None:
        return None, f"the trigger is in an 'in which' clause on {tokens[episode].text!r}"
    if relative is not None:
        kind = {"relcl": "a relative clause on", "acl": "a participle clause on",
                "conj": "a clause with its own subject, joined to"}.get(
            tokens[relative].dep, "a clause of an earlier act under")
        return None, f"the trigger is in {kind} {tokens[tokens[relative].head].text!r}"
    if earlier:
        return None, f"{tokens[v].text!r}: a past perfect, before the time of the clause above it"
    line = {trigger, *above}
    others = [t for t in usable if not in_other_clause(tokens, attach[id(t)], line)
              and not dates_noun_in_present(tokens, attach[id(t)], trigger, v)]
    if others:
        return others[0], f"{others[0].text!r} is the sentence's date (not attached to the trigger)"
    return None, "the sentence's dates belong to other clauses"
