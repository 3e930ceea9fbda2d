"""An armed group named again by what it is: "the militants", "the jihadists", "the group", "the terror group" after
"the Islamic State", "Boko Haram" or "Islamic State fighters".

The press names an armed group once and then by a definite word of its kind. The eighth round resolves "the
militants" only after "X militants" (the same word), and never when a country is named in between ("ISIS militants
in Syria ... since the militants": Syria competes); "the group" reaches only three sentences back. Here the
description is the one armed group (groups.csv, sector REB) the article has named within reach, whatever countries
are named in between: a country is no armed group, so it does not compete. Two armed groups in reach, or an earlier
"the militants" of another code, compete: no guess (docs/actors.md, nineteenth round).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Entity, Mention, Sentence, Token
from .coreference import Memory, corefer, is_plural
from .coreference_definite import agent_word, bare_definite

# Plural words (lemmas) that name again the armed group of the story. "rebels", "separatists" and "gunmen" are
# left out: the rebels of a war are often another side than the jihadist group named ("rebels fight the Islamic
# State"), and gunmen are mostly still unknown when a group is named.
ARMED_WORDS = frozenset({"militant", "jihadist", "extremist", "insurgent", "terrorist", "fighter"})
# Singular words that name a body of any kind: with them no other named group, NGO or IGO may be in reach.
GROUP_WORDS = frozenset({"group", "organization", "organisation", "movement", "militia"})
REACH = 8  # sentences back the group may have been named
# Entry kinds of named bodies that, named in reach, compete with the armed group for "the group".
BODY_KINDS = frozenset({"group", "ngo", "igo"})


def _entry(e: Entity) -> str:
    return e.entry or ""


def _armed(e: Entity) -> bool:
    return _entry(e).startswith("group:") and e.sector == "REB" and e.code is not None


def armed_group_again(t: Token, sent: Sentence, text: str, memory: Memory, toks: Sequence[Token],
                      children: list[list[int]]) -> Entity | None:
    """'the militants' (plural, bare or described: "the Islamic militants") or 'the group' / 'the terror group'
    -> the one armed group named in this sentence before it or in the REACH sentences before; None when the phrase
    is more than a definite description, when no armed group or more than one is in reach, or when an earlier
    mention of the same word has another code."""
    found = _armed_antecedent(t, sent, memory, toks, children)
    if found is None:
        return None
    sentence, _, name, pick = found
    return corefer(pick, text, f"'{text}' -> '{name}' (sentence {sentence}), the only armed group named in reach")


def _armed_antecedent(t: Token, sent: Sentence, memory: Memory, toks: Sequence[Token],
                      children: list[list[int]]) -> tuple[int, int, str, Entity] | None:
    word = agent_word(t)
    group_word = t.lower in GROUP_WORDS and not is_plural(t)
    if not (word in ARMED_WORDS and is_plural(t) or group_word):
        return None
    if not bare_definite(t, toks, children, described=True):
        return None

    def before(sentence: int, head: int) -> bool:
        return sent.index - REACH <= sentence < sent.index or sentence == sent.index and head < t.i

    named = [(p.sentence, p.head, p.text, p.entity) for p in memory.things if _armed(p.entity)
             and before(p.sentence, p.head)]
    named += [(a.sentence, a.head, a.text, a.entity) for _, a in memory.agents if _armed(a.entity)
              and before(a.sentence, a.head)]
    if not named or len({_entry(e) for *_, e in named}) > 1:
        return None
    found = max(named, key=lambda n: (n[0], n[1]))
    pick = found[3]
    if any(w == word and a.entity.code not in (None, pick.code) for w, a in memory.agents
           if before(a.sentence, a.head)):
        return None  # "Syrian militants ... the Islamic State ... the militants": two in reach
    if group_word and any(p.entity.entry and p.entity.entry.split(":")[0] in BODY_KINDS
                          and _entry(p.entity) != _entry(pick) for p in memory.things
                          if before(p.sentence, p.head)):
        return None  # "the group" after an NGO or a party as well: no guess
    return found


def armed_group_mention(t: Token, sent: Sentence, start: int, end: int, text: str, memory: Memory,
                        toks: Sequence[Token], children: list[list[int]]) -> Mention | None:
    """'the group' that is no agent word of its own, as a mention of the armed group named within reach."""
    found = _armed_antecedent(t, sent, memory, toks, children)
    if found is None:
        return None
    sentence, head, name, pick = found
    ent = corefer(pick, text, f"'{text}' -> '{name}' (sentence {sentence}), the only armed group named in reach")
    return Mention(sent.index, start, end, t.i, text, ent, "title", (sentence, head))
