"""Names with a title before them: courtesy titles ("Mr. Kline"), military ranks and offices ("General
Petraeus", "Sen. Graham"), and the known person a family name so titled stands for.

Moved out of stages/actors.py (twelfth round), with one new family: a rank or courtesy title before a one-word name
the parser took for an organisation or a place ("General Petraeus" tagged ORG, "Mr. Jordan") makes the word a
person's family name (`ranked_name`); the person is the one named before in the article or the one known person of
that family name, never the organisation or place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..knowledge.actor_names import HONORIFICS, Match
from ..knowledge.actors import Knowledge
from ..records import Entity, Mention, Sentence, Token
from .coreference import Memory, phrase_gender, remember
from .coreference_titles import surname_coref

# Courtesy titles that name a private person, no office: the press uses them for the people of the story.
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Ranks and offices written before a family name alone ("General Petraeus", "Senator Leahy"); "Major" is left out
# (a "Major" is as often a league or a party).
RANKS = frozenset({"general", "gen", "admiral", "adm", "colonel", "col", "sergeant", "sgt", "captain", "capt",
                   "lieutenant", "lt", "senator", "sen", "congressman", "congresswoman", "rep", "governor", "gov"})
# Entity labels the parser gives a family name it does not know for a person's.
NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def ranked_name(t: Token, toks: Sequence[Token], head_match: Match | None) -> bool:
    """'General Petraeus', 'Mr. Jordan': a one-word proper name the parser labels an organisation or a place (or
    a country's name the knowledge base matched), right after a rank or courtesy title that begins the name."""
    if t.pos != "PROPN" or t.i == 0 or not (head_match is None and t.ent_type in NOT_PERSON_LABELS or
                                            head_match is not None and head_match.end - head_match.start == 1):
        return False
    title = toks[t.i - 1]
    word = title.lower.strip(".")
    if word not in HONORIFICS and word not in RANKS or not title.text[:1].isupper():
        return False
    return t.i < 2 or toks[t.i - 2].pos != "PROPN" or toks[t.i - 2].lower.strip(".") in HONORIFICS


def known_by_family_name(name: str, t: Token, toks: Sequence[Token], start: int, first: int,
                          modifiers: Sequence[Match], kb: Knowledge, *, date: dt.date | None, text: str, former: bool,
                          gender: str | None) -> Entity | None:
    """A name the index lacks, written the way the press shortens known people ("Mr. McCain", "Sen. Graham",
    "John O. Brennan"): the one known person of that family (and given) name, or None. A lone word needs the
    parser to call it a person or a courtesy title before it."""
    titled = any(toks[i].lower.strip(".") in HONORIFICS | RANKS for i in range(start, first))
    if len(name.split()) == 1 and not titled and (t.ent_type != "PERSON" or t.lower in kb.given_names):
        return None  # a lone "Paul" or "Graham" may be anyone's given name
    pid, why = kb.person_by_family_name(name, date, gender=gender)
    if pid is None:
        return None
    titles = [m for m in modifiers if m.kind == "agent"]
    ent = kb.person_entity(pid, date=date, text=text, title=titles[-1].entry if titles else None, former=former)
    return dataclasses.replace(ent, reason=f"{why}; {ent.reason}")


def titled_place_name(t: Token, toks: Sequence[Token], sent: Sentence, start: int, end: int, text: str,
                       kb: Knowledge, date: dt.date | None, memory: Memory, *, former: bool, subj: bool) -> Mention:
    """'Mr. Jordan', 'Rep. Chad Roberts': a courtesy title makes a country's name a person's surname."""
    gender = phrase_gender(toks, start, end)
    found = surname_coref(t, toks, sent, start, end, text, memory, kb.family_of)
    if found is not None:
        sur, root = found
        remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), subj, root.entity, person=True,
                 gender=root.gender)
        return sur
    ent = known_by_family_name(t.text, t, toks, start, t.i, [], kb, date=date, text=text, former=former,
                                gender=gender)
    if ent is None:
        ent = Entity(entity_text=text, code=None, identifier_text=t.text,
                     reason=f"'{text}': the courtesy title makes '{t.text}' a person's name, not the country; no "
                     "known person of that name")
    mention = Mention(sent.index, start, end, t.i, text, ent, "name")
    remember(memory, mention, subj, person=True, gender=gender)
    return mention


def courtesy(toks: Sequence[Token], start: int, first: int) -> bool:
    """'Mr. Kline', 'Ms. Larson': a courtesy title (no office) right before the name."""
    return first > start and toks[first - 1].lower.strip(".") in COURTESY_TITLES


def ranked_person(t: Token, toks: Sequence[Token], sent: Sentence, start: int, end: int, text: str, kb: Knowledge,
                  date: dt.date | None, memory: Memory, *, former: bool, subj: bool) -> Mention | None:
    """'General Petraeus' (see `ranked_name`): the person of that family name named before in the article, else
    the one known person of that family name; None when neither (then the name stays what the parser said:
    "General Motors" is a company)."""
    found = surname_coref(t, toks, sent, start, end, text, memory, kb.family_of)
    if found is not None and found[1] is not None:
        sur, root = found
        remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), subj, root.entity, person=True,
                 gender=root.gender)
        return sur
    gender = phrase_gender(toks, start, end)
    ent = known_by_family_name(t.text, t, toks, start, t.i, [], kb, date=date, text=text, former=former,
                               gender=gender)
    if ent is None:
        return None
    ent = dataclasses.replace(ent, reason=f"{ent.reason}; the title '{toks[t.i - 1].text}' makes '{t.text}' a "
                              "person's family name, though the parser took it for an organisation or place")
    mention = Mention(sent.index, start, end, t.i, text, ent, "name")
    remember(memory, mention, subj, person=True, gender=gender)
    return mention
