"""place_capital: "the capital" that names its country is that country's capital city (issue 13, fourteenth round).

"Gunmen seized a bus in Kenya's capital", "talks in the capital of Peru", "protests in the Thai capital", "the
Niger capital Niamey": the text names a city by its country. Before this round the country itself was the place
("Kenya", from the possessive or the "of" phrase) or, by its adjective, nothing at all for a statement or a meeting.
Such a phrase becomes one place mention headed by the noun "capital" (so the locative rules read the phrase's own
preposition) and resolved to the capital: the city the text names for it when it names one ("Kenya's capital,
Nairobi"; "in Bangladesh's capital of Dhaka"), else the capital the gazetteer's country table gives
(`gazetteer.load_capitals`). Only a singular "capital" (or "capital city") that a country owns: a possessive, an "of"
phrase, a compound name or a nation's adjective; never "capital" as money ("Russia's capital flight", "venture
capital"), a plural ("European capitals"), "the country's capital" (which country is for other rules), a capital
below the nation ("the Nigerian state capital", "an Afghan provincial capital", "the provincial capital": a state's
or a province's seat, not the nation's; `SUBNATIONAL`) or a country the gazetteer has no capital for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..knowledge.gazetteer import Entry, to_place
from ..records import Sentence, Token
from .locatives import PlaceMention


# words that make "capital" the seat of a part of a country ("the state capital", "a provincial capital")
SUBNATIONAL = frozenset({"state", "provincial", "province", "regional", "region", "district", "county", "departmental",
                         "department", "prefectural", "prefecture", "municipal", "cantonal", "canton", "oblast",
                         "governorate", "territorial", "local", "tribal"})


def _capital_noun(tokens: Sequence[Token], i: int) -> bool:
    """A singular noun "capital" heading its own phrase, or "city" with "capital" on it ("the capital city"); never a
    capital below the nation ("the state capital", "a provincial capital city")."""
    tok = tokens[i]
    if tok.pos not in ("NOUN", "PROPN") or tok.dep == "compound":
        return False  # "capital flight", "capital markets": money
    if tok.lower == "capital":
        heads = {i}
    elif tok.lower == "city":
        heads = {c.i for c in tokens if c.head == i and c.lower == "capital" and c.dep in ("compound", "amod")}
        if not heads:
            return False
        heads.add(i)
    else:
        return False
    return not any(c.head in heads and c.i not in heads and c.lower in SUBNATIONAL
                   and c.dep in ("amod", "compound", "nmod") for c in tokens)


def _owned_capital(tokens: Sequence[Token], head: int) -> int | None:
    """The capital noun a country name at `head` owns ("Kenya's capital", "the capital of Peru", "the Niger
    capital"), else None."""
    tok = tokens[head]
    if tok.head == tok.i:
        return None
    up = tokens[tok.head]
    if tok.dep in ("poss", "compound") and _capital_noun(tokens, up.i):
        return up.i
    if tok.dep == "pobj" and up.lower == "of" and up.head != up.i and _capital_noun(tokens, up.head):
        return up.head
    return None


def _named_city(tokens: Sequence[Token], noun: int, owner: PlaceMention | None, here: Sequence[PlaceMention],
                skip: int = -1) -> PlaceMention | None:
    """The city whose mention names the capital ("Kenya's capital, Nairobi", "the capital of
    Bangladesh, Dhaka", "in Bangladesh's capital of Dhaka", "the capital Niamey"), else None. skip: the token of the
    nation's adjective, which no gazetteer alias makes a city ("Thai")."""
    for m in here:
        if m is owner or m.place is None or m.place.feature_type != "city" or m.start <= skip < m.end:
            continue
        t = tokens[m.head]
        if t.head == noun and t.dep in ("appos", "compound", "npadvmod", "nmod") \
                or tokens[noun].head == m.head and tokens[noun].dep in ("compound", "appos", "nmod"):
            return m
        if t.dep == "pobj" and tokens[t.head].lower == "of" and tokens[t.head].head == noun:
            return m
        if m.start == noun + 1 or (m.start == noun + 2 and tokens[noun + 1].text == ","):
            return m  # "the capital Niamey", "the capital, Conakry" hung elsewhere by the parse
    return None


def _span(tokens: Sequence[Token], a: int, b: int) -> str:
    while a < b and tokens[a].lower == "the":
        a += 1
    return "".join(t.text + t.ws for t in tokens[a:b]).strip()


def capital_mentions(sentences: Sequence[Sentence], mentions: Sequence[PlaceMention],
                     adjectives: Mapping[int, list[tuple[int, int, str]]], capitals: Mapping[str, Entry],
                     home: str | None = None) -> list[PlaceMention]:
    """The article's place mentions with each country-owned capital made one mention of its city: a country mention
    that owns a capital is replaced by it; a nation's adjective on a capital adds one ("the Thai capital"); with
    `home` (the code of the one country the article is about, places.home_country) "the capital" with no owner and
    no name adds one for that country's capital."""
    by_index = {s.index: s for s in sentences}
    out: list[PlaceMention] = []
    added: list[PlaceMention] = []
    for m in mentions:
        s = by_index.get(m.sentence)
        if s is None or m.place is None or m.place.feature_type != "country":
            out.append(m)
            continue
        noun = _owned_capital(s.tokens, m.head)
        made = _capital(s, noun, m, m.place.country_code, m.text, mentions, capitals) if noun is not None else None
        out.append(made or m)
    for index, adjs in adjectives.items():
        s = by_index.get(index)
        if s is None:
            continue
        for start, _end, code in adjs:
            t = s.tokens[start]
            if t.dep not in ("amod", "compound") or t.head == t.i or not _capital_noun(s.tokens, t.head):
                continue
            if any(m.sentence == index and m.start <= t.head < m.end for m in out):
                continue
            made = _capital(s, t.head, None, code, t.text, mentions, capitals, adjective=start)
            if made is not None:  # a mention the adjective was misread as ("Thai" as a town's alias) goes
                out = [m for m in out if not (m.sentence == index and made.start <= m.start < made.end)]
                added.append(made)
    if home in capitals:  # "in the capital", "the country's capital": the article's own country
        for s in sentences:
            taken = {i for m in (*out, *added) if m.sentence == s.index for i in range(m.start, m.end)}
            for t in s.tokens:
                if t.i in taken or not _capital_noun(s.tokens, t.i) or not _bare(s.tokens, t.i):
                    continue
                made = _capital(s, t.i, None, home, "the article's country", mentions, capitals)
                if made is not None and made.place.name == capitals[home].name:
                    added.append(made)
    return sorted(out + added, key=lambda m: (m.sentence, m.start))


_OWN_COUNTRY = frozenset({"country", "nation"})


def _bare(tokens: Sequence[Token], noun: int) -> bool:
    """ "the capital" or "the country's capital" with nothing else saying whose: no "of" phrase, no name or
    adjective on it (those are read above, or name another country's capital)."""
    kids = [c for c in tokens if c.head == noun and c.i != noun]
    if any(c.dep == "prep" and c.lower == "of" for c in kids):
        return False
    if any(c.dep in ("amod", "compound", "nmod", "appos") and c.lower != "capital" and c.text[:1].isupper()
           for c in kids):
        return False
    owners = [c for c in kids if c.dep == "poss"]
    if owners:
        return len(owners) == 1 and owners[0].lower in _OWN_COUNTRY and any(
            d.head == owners[0].i and d.lower == "the" for d in tokens)
    return any(c.dep == "det" and c.lower == "the" for c in kids)


def _capital(s: Sentence, noun: int, owner: PlaceMention | None, code: str | None, owner_text: str,
             mentions: Sequence[PlaceMention], capitals: Mapping[str, Entry], adjective: int = -1
             ) -> PlaceMention | None:
    """One mention for the capital phrase around `noun`, owned by the country `code`; None when no city is known."""
    tokens = s.tokens
    here = [m for m in mentions if m.sentence == s.index]
    named = _named_city(tokens, noun, owner, here, -1 if owner is not None else adjective)
    lo = min(noun, owner.start if owner else noun)
    lo = min([lo] + [c.i for c in tokens if c.head == noun and c.dep in ("det", "amod", "compound", "poss")
                     and c.i < noun])
    hi = max(noun + 1, owner.end if owner else noun + 1)
    text = _span(tokens, lo, hi)
    char = (tokens[lo].idx, tokens[hi - 1].end)
    if named is not None and named.place.country_code != code:
        return None  # "Peru's capital of Quito": the text contradicts itself; the country stays
    if named is not None:
        place = dataclasses.replace(named.place, text=text, sentence=s.index, start=char[0], end=char[1])
        why = f"{text!r} is the capital named {named.text!r}; {named.reason}"
    elif named is None and code in capitals:
        entry = capitals[code]
        why = f"{text!r} names the capital of {owner_text!r} ({code}): {entry.name}, by the gazetteer's country table"
        place = to_place(entry, text=text, sentence=s.index, start=char[0], end=char[1], reason=why)
    else:
        return None
    return PlaceMention(s.index, lo, hi, noun, text, place, why)


__all__ = ["capital_mentions"]
