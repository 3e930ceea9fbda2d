"""Diplomatic posts: a country's embassy, consulate, mission or delegation is that country's, wherever it sits.

* A post named again without its country ("the consul" after "the Saudi consul general", "the embassy officials"
  after "the U.S. Embassy in Beijing", "consulate staff") is the post named before, when every earlier mention of
  that post word in the article is of one country; two countries' posts compete and there is no guess. The city
  or country the post sits in is never its country (the actors stage keeps it out of the phrase's context).

A rule for a post's proper name the parser calls a person ("U.S. Mission Benghazi") was tried and taken out again
(docs/actors.md, twelfth round): its recovered events lack their recipients and cost two dev floors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Entity, Mention, Sentence, Token
from .coreference import Memory, corefer

# Words for a diplomatic post. In a proper name ("U.S. Mission Benghazi") and as the head or the compound modifier
# of a description ("the consul", "embassy officials").
POST_WORDS = frozenset({"embassy", "consulate", "mission", "legation", "delegation", "consul", "chancery"})


def post_word_of(t: Token, toks: Sequence[Token], children: list[list[int]]) -> str | None:
    """The post word of a description: its head ("the consul") or a compound modifier of it ("embassy
    officials", "the consulate spokesman"); None when it has none."""
    if t.lower in POST_WORDS or (t.lemma or "").lower() in POST_WORDS:
        return (t.lemma or t.text).lower() if (t.lemma or "").lower() in POST_WORDS else t.lower
    for c in children[t.i]:
        if c < t.i and toks[c].dep == "compound" and toks[c].lower in POST_WORDS:
            return toks[c].lower
    return None


def remember_post(memory: Memory, mention: Mention, toks: Sequence[Token]) -> None:
    """Record a mention with a code whose words include a post word, for a later 'the consul', 'the embassy'."""
    if mention.entity.code is None:
        return
    words = {toks[i].lower for i in range(mention.start, mention.end)} & POST_WORDS
    for w in words:
        memory.posts.append((w, mention))


def post_coref(own: Entity, t: Token, sent: Sentence, text: str, memory: Memory, toks: Sequence[Token],
               children: list[list[int]]) -> Entity | None:
    """'the consul', 'the embassy officials' (no country of their own: `own`) -> the country of the post of that
    word named before in the article, when every such post is of one country; None otherwise."""
    word = post_word_of(t, toks, children)
    if word is None or own.code is not None:
        return None
    if not any(toks[c].dep == "det" and toks[c].lower in ("the", "this", "that") for c in children[t.i]) and not (
            t.lower not in POST_WORDS and any(toks[c].dep == "compound" and toks[c].lower == word
                                              for c in children[t.i])):
        return None  # "an embassy", "a consul": some other post, not the one named before
    found = [m for w, m in memory.posts if w == word and not (m.sentence == sent.index and m.head >= t.i)]
    if not found:
        return None
    codes = {m.entity.code for m in found}
    if len(codes) > 1:
        return dataclasses.replace(own, reason=f"{own.reason}; '{text}' may be the post of any of "
                                   f"{', '.join(sorted(c for c in codes if c))} named before; not guessing")
    pick = found[-1]
    sector = own.sector or "GOV"
    ent = corefer(pick.entity, text, f"'{text}' -> '{pick.text}' (sentence {pick.sentence}), the {word} named "
                  f"before; every earlier {word} is of {pick.entity.code}")
    return dataclasses.replace(ent, sector=sector, office=own.office or ent.office)
