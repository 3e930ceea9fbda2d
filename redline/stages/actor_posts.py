"""Diplomatic posts: a country's embassy, consulate, mission or delegation is that country's, wherever it sits.

* A proper name made of a country and a post word ("U.S. Mission Benghazi", "U.S. Consulate General Erbil",
  "British Embassy Kabul") is the country's government (GOV), whatever entity label the parser gave the name (it
  calls some of them people).
* A post named again without its country ("the consul" after "the Saudi consul general", "the embassy officials"
  after "the U.S. Embassy in Beijing", "consulate staff") is the post named before, when every earlier mention of
  that post word in the article is of one country; two countries' posts compete and there is no guess. The city
  or country the post sits in is never its country (the actors stage keeps it out of the phrase's context).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..records import Entity, Mention, Sentence, Token
from .coreference import Memory, corefer

# Words for a diplomatic post. In a proper name ("U.S. Mission Benghazi") and as the head or the compound modifier
# of a description ("the consul", "embassy officials").
POST_WORDS = frozenset({"embassy", "consulate", "mission", "legation", "delegation", "consul", "chancery"})
# Post words that stand in a post's proper name; "mission" only there (a "mission" alone is mostly a task).
NAME_POST_WORDS = frozenset({"embassy", "consulate", "mission", "legation", "delegation", "chancery"})
COUNTRY_KINDS = frozenset({"country", "adjective"})


def post_name(name: Sequence[Token], modifiers: Sequence[Match], text: str) -> Entity | None:
    """'U.S. Mission Benghazi' (`name`: the tokens of the phrase; `modifiers`: the knowledge-base matches inside
    it): a proper name whose first word is a country or nationality and which has a capitalised post word in it is
    that country's GOV."""
    if name and name[0].lower == "the":
        name = name[1:]
    if len(name) < 2 or not all(tok.pos == "PROPN" or tok.text[:1].isupper() for tok in name):
        return None
    if len(name) < 2 or not any(tok.lower in NAME_POST_WORDS for tok in name[1:]):
        return None
    first = name[0].i
    home = [m for m in modifiers if m.kind in COUNTRY_KINDS and not m.ambiguous and m.start == first]
    if not home:
        return None
    m = home[0]
    return Entity(entity_text=text, code=m.codes[0], sector="GOV", identifier_text=" ".join(t.text for t in name),
                  reason=f"diplomatic post '{text}': its name starts with {m.kind} '{m.text}' -> {m.codes[0]}; a "
                  "country's mission, embassy or consulate is its government wherever it sits")


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
