"""The country an agent word takes from its context when its own phrase names none: its possessor ("its
army"), a place in its prepositional phrase ("police in Kabul"), the one country just named ("the government"),
the country the article is about, or the legislature whose members the article named (docs/actors.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..knowledge.actors import PLACE_KINDS, Knowledge
from ..records import Entity, Mention, Sentence, Token
from .actor_administration import administration_of, administration_word, home_legislators
from .actor_counterparts import names_counterpart
from .article_country import kurdish_home, points_to_sovereign
from .actor_phrases import PLACE_PREPS, span_text, subtree
from .coreference import Memory

# Definite state institutions that, unqualified, mean the state the text is talking about ("the government").
BRIDGING = frozenset({"government", "authorities", "administration", "regime", "parliament", "army", "military",
                      "police", "cabinet", "ministry", "security forces", "troops", "legislature", "leadership",
                      "foreign ministry", "defence ministry", "defense ministry", "armed forces", "navy", "air force",
                      "riot police", "officials", "president", "prime minister", "premier", "foreign minister",
                      "defence minister", "defense minister", "interior minister", "foreign secretary", "king",
                      "emir", "chancellor", "supreme leader", "junta", "ruling party"})
# Groups that act at home: unqualified, they belong to the country the article is about once it has fixed one.
DOMESTIC_GROUPS = frozenset({"protesters", "protester", "demonstrators", "demonstrator", "activists", "activist",
                             "critics", "opposition", "rebels", "rebel", "militants", "militant", "insurgents",
                             "separatists", "prosecutors",
                             "prosecutor", "judges", "judge", "court", "courts", "authorities", "students",
                             "workers", "residents", "civilians", "opposition leader", "dissidents", "security forces",
                             "riot police", "policemen", "police officers", "officers", "soldiers", "forces",
                             "crowd", "crowds", "mob", "mobs", "agents", "federal agents", "border agents",
                             "lawyers", "lawyer", "attorneys", "attorney", "clerics", "cleric", "imams", "imam",
                             "mayor", "mayors", "deputy mayor", "governor", "governors"})
# Possessors that name the country the text is talking about ("the country's president", "the nation's army").
THE_COUNTRY = frozenset({"country", "nation"})
CROWDS = frozenset({"crowd", "crowds", "mob", "mobs"})
# Members of a legislature, unqualified: those of the one legislature whose members the article has named.
LEGISLATORS = frozenset({"lawmakers", "lawmaker", "legislators", "legislator", "senators", "senator",
                         "congressmen", "congresswomen", "congressman", "congresswoman", "members of parliament",
                         "mps", "parliamentarians", "deputies"})
# Armed forces take the article's country only when it dominates strongly: wars are reported from both sides;
# so does "the administration", which reporters also use for their own country's government in foreign news.
# (Legislators take none: a story about a foreign country is often told through the home legislature's debate.)
STRICT_BRIDGING = frozenset({"army", "military", "troops", "armed forces", "navy", "air force", "soldiers",
                             "forces", "rebels", "rebel", "militants", "militant", "insurgents", "separatists",
                             "administration"})
# Words that make armed forces the state's own ("government troops", "pro-government militia", "regime forces"):
# those take the article's country as "the government" does, without the strict margin armed forces need.
STATE_QUALIFIERS = frozenset({"government", "pro-government", "government-backed", "regime", "state"})
# Sectors of the American bodies that show a text is talking about the United States ("the Obama administration").
US_BRANCHES = frozenset({"GOV", "MIL", "JUD", "SPY", "COP"})
# Countries whose national legislature is called Congress ("Congress" alone names theirs in a story about them).
CONGRESS_COUNTRIES = frozenset({"USA", "PER", "PHL", "COL", "ARG", "BRA", "MEX", "GTM", "HND", "CHL", "PRY", "DOM",
                                "FSM"})


def count_countries(matches: Sequence[Match], memory: Memory) -> None:
    """Count the countries a stretch of text names (countries, capitals, nationalities, metonyms)."""
    for m in matches:
        if (m.kind in PLACE_KINDS or m.kind == "metonym") and len(m.codes) == 1:
            memory.countries[m.codes[0]] += 1


def placed_here(toks: Sequence[Token], matches: Sequence[Match]) -> frozenset[tuple[str, int]]:
    """(country, clause verb) of the countries and capitals a sentence names as the object of "in" or "at"
    ("attacked the magazine in Paris": FRA, 'attacked'): where the acts of that clause happen."""
    out = set()
    for m in matches:
        if m.kind not in ("country", "capital") or len(m.codes) != 1:
            continue
        for i in range(m.start, m.end):
            t = toks[i]
            if t.dep == "pobj" and t.head != t.i and toks[t.head].lower in ("in", "at"):
                out.add((m.codes[0], clause_verb(t.head, toks)))
    return frozenset(out)


def clause_verb(i: int, toks: Sequence[Token]) -> int:
    """The verb of the clause token i stands in (itself when it is one; the root when none is found)."""
    for _ in range(len(toks)):
        t = toks[i]
        if t.pos in ("VERB", "AUX") or t.head == t.i:
            return i
        i = t.head
    return i


def count_places(toks: Sequence[Token], matches: Sequence[Match], kb: Knowledge, memory: Memory) -> None:
    """Count the countries of the cities and regions a sentence names that the actor files lack ("Watertown,
    Mass.", "Aleppo"): a story told from places in one country is about that country."""
    known = {i for m in matches for i in range(m.start, m.end)}
    i = 0
    while i < len(toks):
        if toks[i].ent_iob == "B" and toks[i].ent_type in ("GPE", "LOC") and i not in known:
            j = i + 1
            while j < len(toks) and toks[j].ent_iob == "I":
                j += 1
            found = kb.place(span_text(toks, i, j))
            if found is not None:
                memory.countries[found[0]] += 1
            i = j
        else:
            i += 1


def placed_by_preposition(ent: Entity, h: int, toks: Sequence[Token], children: list[list[int]], kb: Knowledge, *,
            preps: frozenset[str] = PLACE_PREPS) -> Entity:
    """An agent with no country named in its phrase takes the country of a place in its prepositional phrase."""
    for c in children[h]:
        if c > h and toks[c].dep == "prep" and toks[c].lower in preps:
            for i in sorted(subtree(c, children)):
                t = toks[i]
                if t.ent_type in ("GPE", "LOC", "FAC") and t.ent_iob == "B":
                    j = i + 1
                    while j < len(toks) and toks[j].ent_iob == "I":
                        j += 1
                    found = kb.place(span_text(toks, i, j))
                    if found:
                        code, why = found
                        return dataclasses.replace(ent, code=code, reason=f"{ent.reason.split('; no country')[0]}; "
                                                   f"{code} from '{span_text(toks, i, j)}' ({why})")
    return ent


def possessed(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]], before: Sequence[Mention]
               ) -> Entity:
    """'his government', 'its army', 'her foreign minister': an agent with a possessive pronoun belongs to whoever
    the pronoun was resolved to (a person's or a state's country)."""
    for c in children[t.i]:
        if toks[c].dep != "poss" or toks[c].pos != "PRON":
            continue
        owner = [m for m in before if m.head == c and m.entity.code is not None]
        if owner:
            o = owner[-1]
            return dataclasses.replace(ent, code=o.entity.code, reason=f"{ent.reason.split('; no country')[0]}; "
                                       f"{o.entity.code} from its possessor '{o.text}' ({o.entity.reason})")
    return ent


def bridged(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]], head_match: Match,
             sent: Sentence, memory: Memory, backers: frozenset[str] = frozenset()) -> Entity:
    """'the government', 'police' with no country named: the one country the text just named, if only one;
    else the country the article is about, once it has fixed one (docs/actors.md)."""
    agent = normalise_agent(head_match.text)
    base = ent.reason.split("; no country")[0]
    if agent == "congress" and t.text == "Congress":
        return congress(ent, base, memory)
    if agent in LEGISLATORS or agent == "senate" and t.text == "Senate":
        # "the Senate" (capitalised, no country on it): the chamber of the one legislature the article has named
        here = {c for c, v in memory.here if v == clause_verb(t.i, toks)}
        return legislators(ent, base, memory, here, at_home=sent.index)
    if administration_word(t, toks, children):  # "the administration", "a senior administration official"
        found = administration_of(memory, sent.index)
        if found is not None:
            return dataclasses.replace(ent, code=found[0], reason=f"{base}; {found[0]}: {found[1]}")
    kurds = kurdish_home(ent.entity_text, t.text, memory.countries)  # "Kurdish forces": Iraq's or Syria's
    if kurds is not None:
        return dataclasses.replace(ent, code=kurds[0], reason=f"{base}; {kurds[1]}")
    if agent not in BRIDGING and agent not in DOMESTIC_GROUPS:
        agent = agent.split()[-1]  # "the interim government", "rebel forces": the kind is the last word's
    if agent not in BRIDGING and agent not in DOMESTIC_GROUPS and any(
            toks[c].lower == "opposition" and toks[c].dep in ("compound", "amod", "nmod") for c in children[t.i]):
        agent = "opposition"  # "opposition politicians", "opposition lawmakers": the opposition, a home party
    if agent not in BRIDGING and agent not in DOMESTIC_GROUPS:
        return ent
    where = _where_place(t, toks, children, sent, memory)
    if where is not None and where.entity.code not in backers:  # "Ukraine, where government troops fight rebels"
        return dataclasses.replace(ent, code=where.entity.code, reason=f"{base}; {where.entity.code} from "
                                   f"'{where.text}', the place its 'where' clause is about")
    partner = _coordinated_person(t, toks, children, sent, memory) if agent in BRIDGING else None
    if partner is not None:  # "Duterte and government officials flew to ...": the officials of his state
        return dataclasses.replace(ent, code=partner.entity.code, reason=f"{base}; {partner.entity.code} from "
                                   f"'{partner.text}', the person it is coordinated with (sentence {partner.sentence})")
    country = _the_country(t, toks, children)  # "the country's president": as definite as "the president"
    if agent in BRIDGING and (country or any(toks[c].lower == "the" for c in children[t.i])):
        window = [p for p in memory.things if p.sentence >= sent.index - 1 and p.entity.entry
                  and p.entity.entry.split(":")[0] in ("country", "capital", "adjective", "demonym")
                  and not (p.sentence == sent.index and names_counterpart(p.head, toks))]  # the other side
        codes = {p.entity.code for p in window}
        if len(codes) == 1:
            p = window[-1]
            return dataclasses.replace(ent, code=p.entity.code, reason=f"{base}; {p.entity.code} bridged from "
                                       f"'{p.text}' (sentence {p.sentence}), the only country named in this or the "
                                       "previous sentence")
    indefinite = ("some", "other", "foreign") if agent in CROWDS else ("a", "an", "some", "other", "foreign")
    if any(toks[c].dep == "poss" and c != country or toks[c].lower in indefinite for c in children[t.i]):
        return ent  # "their police", "a foreign army": not the article's own institutions (but "a crowd" is)
    own_state = any(toks[c].lower in STATE_QUALIFIERS and toks[c].dep in ("compound", "amod", "nmod")
                    for c in children[t.i])  # "government forces" fight for the state, not beside it
    code = memory.article_country(strict=agent in STRICT_BRIDGING and not own_state, at_home=sent.index)
    if code is None or points_to_sovereign(code, t, toks, children):  # "the central government" in Hong Kong
        return ent
    verb = clause_verb(t.i, toks)
    here = {c for c, v in memory.here if v == verb}
    if here and code not in here:  # "militants attacked the magazine in Paris" in a Danish story
        return dataclasses.replace(ent, reason=f"{base}; not {code}, the country this article is about: its "
                                   f"clause places what happens in {', '.join(sorted(here))}")
    if code in backers:  # "Moscow-backed rebels" are not Moscow's own, whatever the article is about
        return dataclasses.replace(ent, reason=f"{base}; not {code}, the country this article is about: the phrase "
                                   "names it as the backer")
    held = memory.held(sent.index)[code]
    held = f", its office holders {held} times" if held else ""
    return dataclasses.replace(ent, code=code, reason=f"{base}; {code} is the country this article is about "
                               f"(named {memory.countries[code]} times{held}, far more than any other)")


def _where_place(t: Token, toks: Sequence[Token], children: list[list[int]], sent: Sentence, memory: Memory):
    """The country named by the place a 'where' clause holding agent t describes ("over Ukraine, where fighting
    between rebels and government troops has intensified": Ukraine), or None."""
    cur = t
    for _ in range(12):
        if cur.head == cur.i:
            return None
        if cur.dep == "relcl" and any(toks[c].lower == "where" for c in children[cur.i]):
            found = [p for p in memory.things if p.sentence == sent.index and p.head == cur.head
                     and (p.entity.entry or "").split(":")[0] in ("country", "capital")]
            return found[0] if found else None
        cur = toks[cur.head]
    return None


def _coordinated_person(t: Token, toks: Sequence[Token], children: list[list[int]], sent: Sentence, memory: Memory):
    """The one resolved person coordinated with agent t in its sentence ("Duterte and government officials",
    "officials and President X"), or None (none, or people of several countries: no guess)."""
    first = t
    while first.dep == "conj" and first.head != first.i:
        first = toks[first.head]
    heads, todo = {first.i}, [first.i]  # the whole coordination ("Putin, Erdogan and officials")
    while todo:
        for c in children[todo.pop()]:
            if toks[c].dep == "conj" and c not in heads:
                heads.add(c)
                todo.append(c)
    heads.discard(t.i)
    found = [p for p in memory.people if p.sentence == sent.index and p.head in heads and p.entity.code]
    return found[-1] if len({p.entity.code for p in found}) == 1 else None


def _the_country(t: Token, toks: Sequence[Token], children: list[list[int]]) -> int | None:
    """The possessor 'the country' / 'the nation' of an agent ("the country's president"), or None."""
    for c in children[t.i]:
        if toks[c].dep == "poss" and toks[c].lower in THE_COUNTRY and any(
                toks[d].lower in ("the", "this") for d in children[c]):
            return c
    return None


def legislators(ent: Entity, base: str, memory: Memory, here: set[str] | frozenset[str] = frozenset(), *,
                at_home: int | None = None) -> Entity:
    """Unqualified 'lawmakers', 'senators', 'the Senate': members (or a chamber) of the one legislature whose members (or which itself: "U.S.
    lawmakers", "the Knesset") the article has named ("Sen. McCain ... lawmakers blasted the move"); no code when
    it named none or several countries' legislatures. When it named none, the one country or capital their own
    clause places them "in" (`here`: "In London, MPs voted ..."), if one."""
    named = [p for p in memory.people if p.entity.sector == "LEG" and p.entity.code]
    named += [a for _, a in memory.agents if a.entity.sector == "LEG"]
    named += [p for p in memory.things if p.entity.sector == "LEG" and p.entity.code]  # "the Knesset"
    codes = {p.entity.code for p in named}
    if not codes and len(here) == 1:
        code = next(iter(here))
        return dataclasses.replace(ent, code=code, reason=f"{base}; {code}: no legislature named before, and their "
                                   f"clause places them in {code}")
    home = home_legislators(normalise_agent(ent.entity_text).split()[-1], memory, at_home) \
        if not codes and at_home is not None else None
    if home is not None:  # "a top senator", "other lawmakers" in a story about the United States
        return dataclasses.replace(ent, code=home, reason=f"{base}; {home}: no legislature named before, and the "
                                   "article is about the United States, whose legislators the press names so")
    if len(codes) != 1:
        return ent
    code = next(iter(codes))
    last = max(named, key=lambda p: (p.sentence, p.head))
    return dataclasses.replace(ent, code=code, reason=f"{base}; {code}: the legislature of '{last.text}' (sentence "
                               f"{last.sentence}), the only one whose members or chambers the article has named")


def congress(ent: Entity, base: str, memory: Memory) -> Entity:
    """A bare 'Congress': the legislature of the article's country when that country's is called Congress, else
    the US Congress, which an unqualified 'Congress' names in English-language news, once the text has named the
    United States, an American or an American state body ("the Obama administration", "the White House";
    the lower-case agent word 'congress' stays unplaced)."""
    code = memory.article_country()
    if code in CONGRESS_COUNTRIES:
        return dataclasses.replace(ent, code=code, reason=f"{base}; {code}: the Congress of the country this article "
                                   "is about")
    if not memory.countries["USA"] and not any(p.entity.code == "USA" for p in memory.people) and not any(
            a.entity.code == "USA" and a.entity.sector in US_BRANCHES for _, a in memory.agents):
        return ent  # nothing American named yet: PETRARCH's gold leaves such a "Congress" without a country
    return dataclasses.replace(ent, code="USA", reason=f"{base}; USA: an unqualified 'Congress' in a text that has "
                               "named the United States or an American is the US Congress, unless the article is "
                               "about another country whose legislature is a Congress")


def normalise_agent(text: str) -> str:
    return " ".join(text.lower().split())


# Round numbers of people that, alone, name a crowd ("a protest by hundreds who rallied", "thousands marched"):
# no "of" phrase says who they are. Money and larger counts ("millions in aid") are left out.
COUNTED_CROWDS = frozenset({"dozens", "scores", "hundreds", "thousands"})


def counted_crowd(t: Token, toks: Sequence[Token], children: list[list[int]], text: str, memory: Memory
                  ) -> Entity | None:
    """'hundreds who rallied', 'thousands marched': a bare round number of people is a crowd, CVL, of the country
    the article is about once it has fixed one (like "protesters"); None when the number counts something its
    "of" phrase names ("hundreds of diplomats": that phrase is the actor) or is not a noun of its own."""
    if t.lower not in COUNTED_CROWDS or t.dep in ("compound", "amod", "nummod", "npadvmod") or any(
            toks[c].dep == "prep" and toks[c].lower == "of" for c in children[t.i]):
        return None
    base = f"'{text}': a number of people with no 'of' phrase, a crowd -> CVL"
    code = memory.article_country()
    if code is None:
        return Entity(entity_text=text, code=None, sector="CVL", reason=f"{base}; no country (the article has "
                      "fixed none)")
    return Entity(entity_text=text, code=code, sector="CVL", reason=f"{base}; {code} is the country this article "
                  f"is about (named {memory.countries[code]} times, far more than any other)")


# Prepositions that tie a job to the body it is done for ("researcher at Human Rights Watch", "analyst with").
STAFF_PREPS = frozenset({"at", "of", "with", "for"})
# Knowledge kinds of a body a person can work at (not a country: "a professor in France" is no state agent).
STAFF_BODIES = frozenset({"igo", "ngo", "group", "metonym"})


def staff_of_body(out: list[Mention], toks: Sequence[Token], children: list[list[int]], memory: Memory) -> None:
    """'Jane Roe, senior arms researcher at Human Rights Watch, said': a person the knowledge base does not know,
    in apposition with a job noun that is no agent word, is of the organisation the job is done at, for, of or
    with (its code and sector). Only bodies (organisations, groups, seats of power), never a country or a place.
    Updates `out` and the coreference memory in place."""
    heads = {m.head for m in out}
    for k, m in enumerate(out):
        if m.kind != "name" or m.entity.code is not None or m.entity.entry:
            continue
        for a in children[m.head]:
            if toks[a].dep != "appos" or toks[a].pos != "NOUN" or a in heads:
                continue
            bodies = [b for p in children[a] if toks[p].dep == "prep" and toks[p].lower in STAFF_PREPS
                      for b in out if toks[b.head].head == p and toks[b.head].dep == "pobj" and b.entity.code
                      and (b.entity.entry or "").split(":")[0] in STAFF_BODIES]
            if len(bodies) != 1:
                continue
            body = bodies[0]
            ent = dataclasses.replace(m.entity, code=body.entity.code, sector=body.entity.sector,
                                      reason=f"{m.entity.reason}; {body.entity.code}: apposition '{toks[a].text} "
                                      f"... {body.text}' names the body they work at ({body.entity.reason})")
            out[k] = dataclasses.replace(m, entity=ent)
            memory.people = [dataclasses.replace(p, entity=ent) if (p.sentence, p.head) == (m.sentence, m.head)
                             else p for p in memory.people]
            break


def of_body_named_again(out: list[Mention], toks: Sequence[Token], children: list[list[int]]) -> None:
    """'a leader of the movement', 'members of the group', 'the leaders of the Senate': an agent with no country
    whose "of" phrase is a description resolved to a body named before (coreference, kind "title") or an agent
    word the context placed (a bare "the Senate" of the legislature named before) is of that body. The knowledge base
    reads only names inside the phrase, so the description's antecedent is looked up here, after the sentence's
    mentions are made. Updates `out` in place."""
    for k, m in enumerate(out):
        if m.kind != "agent" or m.entity.code is not None:
            continue
        owners = [o for p in children[m.head] if toks[p].dep == "prep" and toks[p].lower == "of"
                  for o in out if o.kind in ("title", "agent") and o.entity.code and toks[o.head].head == p
                  and toks[o.head].dep == "pobj"]
        if len(owners) != 1:
            continue
        o = owners[0]
        leader = m.entity.office == "Leader" and o.entity.sector  # "a leader of the movement": the body's sector
        out[k] = dataclasses.replace(m, entity=dataclasses.replace(
            m.entity, code=o.entity.code, sector=o.entity.sector if leader else m.entity.sector, reason=f"{m.entity.reason.split('; no country')[0]}; {o.entity.code} from "
            f"'{o.text}' in its 'of' phrase" + (f", and its sector {o.entity.sector} (a leader of it)" if leader else "")
            + f" ({o.entity.reason})"))
