"""Groups named again by their number: "the two leaders", "both countries", "the three presidents" (issue 12).

A group phrase is one mention per member, each the earlier mention of that party with its entity and a reason.
The members are the pair (or three) just named: exactly that many parties of the kind in reach; more compete and
fewer are no pair, and the phrase stays unresolved (never a guess; docs/actors.md, ninth round).
"""

from __future__ import annotations

from ..knowledge.actor_names import Match
from ..records import Mention, Sentence, Token
from .coreference import PRONOUN_WINDOW, Antecedent, Memory, office_word, corefer

GROUP_NOUNS = {"countries": "place", "states": "place", "nations": "place", "sides": "place", "neighbours": "place",
               "neighbors": "place", "governments": "place", "capitals": "place"}
PAIR_WORDS = {"two": 2, "both": 2, "three": 3}
GROUP_WINDOW = 2  # sentences back "the two countries", "both sides" may reach for the pair just named
# "the two leaders": any heads of state or government, whatever their title.
LEADER_WORDS = frozenset({"leader", "head", "head of state"})
# Plural office words that, with only "the" on them, name again the pair just named ("the leaders agreed").
BARE_OFFICES = frozenset({"leaders", "presidents", "premiers"})
HEAD_OFFICES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "supreme leader",
                "head of state", "leader", "sultan", "crown prince", "taoiseach")


def leads(office: str) -> bool:
    """A head of state or government ("the two leaders" are the presidents, premiers, kings named before)."""
    low = office.lower()
    return not low.startswith(("former", "vice", "deputy")) and any(w in low for w in HEAD_OFFICES)


def bare_plural(t: Token, toks, children) -> bool:
    """'the leaders', 'the presidents': a plural office word whose only dependent is 'the' (no number, no
    "Western", "world", "of the two countries"): it names again the pair just named, as "the two leaders" does."""
    if t.tag not in ("NNS", "NNPS") or t.lower not in BARE_OFFICES:
        return False
    return all(toks[c].lower == "the" or toks[c].dep == "punct" or c > t.i and toks[c].dep in (
        "relcl", "acl", "appos") for c in children[t.i])


def group_coref(t: Token, toks, children, head_match: Match | None, sent: Sentence, start: int, end: int, text: str,
                memory: Memory) -> list[Mention] | None:
    """'the two presidents', 'both countries' -> one mention per member, same span and head."""
    count = 0
    definite = False
    for c in children[t.i]:
        if toks[c].lower in PAIR_WORDS and toks[c].dep in ("nummod", "det", "predet", "quantmod"):
            count = PAIR_WORDS[toks[c].lower]
        definite = definite or toks[c].lower in ("the", "these", "those", "both")
    if count < 2 and definite and bare_plural(t, toks, children):
        count = 2  # "the leaders", "the presidents" with no number: the pair just named, or nothing
    if count < 2 or not definite:
        return None  # "two states" (a two-state solution) is not the two states named before
    if t.lower in GROUP_NOUNS:
        pool = [p for p in memory.things if p.entity.entry and p.entity.entry.split(":")[0] in (
            "country", "capital", "metonym", "adjective")]
    elif head_match is not None and head_match.entry.role == "office":
        word = office_word(t)
        pool = [p for p in memory.people if p.entity.office and (word in p.entity.office.lower() or (
            word in LEADER_WORDS and leads(p.entity.office)))]
    else:
        return None
    # the pair (or three) just named: from this sentence (before the phrase) back, sentence by sentence, the first
    # reach that names that many parties of the kind; when the sentence that fills it brings more, they compete
    # ("India, Pakistan and China ... the two countries") and there is no guess; none that near: no pair
    places = t.lower in GROUP_NOUNS
    window = GROUP_WINDOW if places else PRONOUN_WINDOW
    members: list[Antecedent] = []
    seen_codes: set[str] = set()
    for back in range(window + 1):
        for p in reversed(pool):
            if p.sentence != sent.index - back or (back == 0 and p.head > t.i):
                continue
            key = (p.entity.code if places else p.entity.identifier_text) or p.entity.code
            if key not in seen_codes:
                seen_codes.add(key)
                members.append(p)
        if len(members) >= count:
            break
    if len(members) != count:
        return None
    out = []
    for p in reversed(members):
        ent = corefer(p.entity, text, f"'{text}' member '{p.text}' (sentence {p.sentence})")
        out.append(Mention(sent.index, start, end, t.i, text, ent, "group", (p.sentence, p.head)))
    return out
