"""The actor knowledge base: countries, capitals and metonyms, organisations, agent words and people with dated
offices, indexed once per process, plus the rules that turn a noun phrase into a PLOVER `Entity`.

`Knowledge.resolve(text, date=...)` resolves a standalone mention ("Russian President Vladimir Putin");
the actors stage (stages/actors.py) feeds it noun phrases cut from parsed sentences via `Knowledge.compose`.
Every Entity carries a reason; when nothing is known the code is None and the reason says so.
Name matching is in actor_names.py, people and their dated offices in actor_people.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from ..records import Entity
from .actor_data import (
    DATA_DIR,
    Entry,
    Person,
    read_agents,
    read_bodies,
    read_countries,
    read_territories,
    read_ethnic,
    read_given_names,
    read_igos,
    read_people,
    read_user_file,
)
from .actor_names import (
    COMMON_WORDS,
    Match,
    capitalised_like,
    name_variants,
    normalise,
    phrase_key,
    tokenize,
)
from .actor_people import PeopleIndex

log = logging.getLogger(__name__)

# Which entry wins when one phrase names several kinds of thing (lower is stronger).
KIND_RANK = {"person": 0, "igo": 1, "ngo": 1, "metonym": 1, "group": 1, "country": 2, "capital": 3,
             "adjective": 4, "demonym": 5, "agent": 6}
# Group words whose sector wins over a generic military or government head ("rebel forces" REB).
OVERRIDING = frozenset({"REB", "OPP", "COP", "SPY", "CRM"})
PLACE_FEATURES = frozenset({"city", "admin1", "region", "contested"})
PLACE_KINDS = frozenset({"country", "capital", "adjective", "demonym"})
ORG_KINDS = frozenset({"igo", "ngo", "metonym", "group"})
# Words that make a person or office holder "former" (PLOVER ELI).
FORMER_WORDS = frozenset({"former", "ex", "ex-", "ousted", "deposed", "toppled", "exiled", "late", "one-time", "onetime",
                          "erstwhile", "retired"})
# Words that end the head chunk of a standalone mention ("president of Armenia", "rebels in Darfur").
SPLIT_WORDS = frozenset({"of", "in", "from", "at", "near", "throughout", "across", "on", "for", "with", "by", "to",
                         "fleeing", "living", "operating", "based", "loyal", "who", "that", "which", "inside",
                         "outside", "around", "within", "along", "..", "...", "ordered", "among", "against",
                         "toward", "towards", "over", "about", "after", "before", "during", "under", "between",
                         "amid", "despite", "into", "behind", "beyond", "than"})
PLACE_WORDS = frozenset({"of", "in", "from", "at", "near", "throughout", "across", "inside", "within", "around",
                         "fleeing", "living", "operating", "based", "outside"})
# Words that make "America"/"American" a continent or a region, not the United States ("Latin America", "South
# American governments", "Central American migrants", "Pan-American"), with or without a hyphen between.
REGION_WORDS = frozenset({"latin", "south", "north", "central", "meso", "pan", "ibero"})
CONTINENT_NAMES = frozenset({"america", "american", "americans"})
_PAREN_RE = re.compile(r"\([^)]*\)?")  # parenthetical glosses and acronyms: "(Party of God)", "(RUF"


class Knowledge(PeopleIndex):
    """The indexed knowledge base. Build with `load_knowledge(ctx)` (cached) or `Knowledge.build()`."""

    def __init__(self, entries: Sequence[Entry], people: Sequence[Person], *, conflicts: Sequence[str] = (),
                 places: Callable[[], object] | None = None, given_names: dict[str, str] | None = None):
        self._places = places  # builds the gazetteer on first use (cities and regions the actor files lack)
        PeopleIndex.__init__(self, people, given_names)
        self.conflicts: tuple[str, ...] = tuple(conflicts)
        index: dict[str, list[Entry]] = {}
        surfaces: dict[str, set[str]] = {}
        for e in entries:
            for name in name_variants(e.name):
                k = normalise(name)
                index.setdefault(k, []).append(e)
                surfaces.setdefault(k, set()).add(name)
        for p in self.people.values():
            code = p.offices[-1].code if p.offices else p.code
            for name in p.names:
                k = normalise(name)
                index.setdefault(k, []).append(Entry(f"person:{p.id}", "person", name, code, None, "PERSON",
                                                     source=p.source, user=p.user))
                surfaces.setdefault(k, set()).add(name)
        self._index: dict[str, tuple[Entry, ...]] = {}
        for k, es in index.items():
            users = [e for e in es if e.user]
            if users and {e.code for e in users} != {e.code for e in es if not e.user}:
                es = users  # a real conflict: the user's entry wins over the built-in one
            elif any(e.kind == "person" for e in users):  # the user's person replaces ours of that name
                es = [e for e in es if e.user or e.kind != "person"]
            es = sorted(dict.fromkeys(es), key=lambda e: KIND_RANK[e.kind])
            self._index[k] = tuple(es)
        self._surfaces = surfaces
        # first token of every phrase -> the most tokens a phrase starting with it has (+1: tokenisers differ)
        self._first: dict[str, int] = {}
        for k in self._index:
            toks = tokenize(k)
            if toks:
                first = toks[0][0]
                self._first[first] = max(self._first.get(first, 0), len(toks) + 1)
        countries = {e.code for es in self._index.values() for e in es if e.kind == "country"}
        self._igo_codes = frozenset(e.code for es in self._index.values() for e in es
                                    if e.code and (e.kind in ("igo", "ngo") or e.kind in ORG_KINDS | {"agent"}
                                                   and e.code not in countries))

    # ---- building -------------------------------------------------------------------------------------------
    @classmethod
    def build(cls, *, actors_file: str | Path | None = None, data_dir: Path = DATA_DIR,
              places: Callable[[], object] | None = None) -> Knowledge:
        """Read the built-in files (and the user's actor file, which wins on conflicts).

        places: returns the gazetteer (knowledge/gazetteer.py) when a city or region must be placed; by default
        it is loaded on first use, so start-up does not pay for it.
        """
        if places is None:
            def places():
                from .gazetteer import load_gazetteer

                return load_gazetteer()

        entries: list[Entry] = []
        entries += read_countries(data_dir / "countries.csv")
        if (data_dir / "territories.csv").exists():  # a user data folder may predate it
            entries += read_territories(data_dir / "territories.csv")
        entries += read_ethnic(data_dir / "ethnic.csv")
        entries += read_bodies(data_dir / "metonyms.csv", "metonym")
        entries += read_bodies(data_dir / "groups.csv", "group")
        entries += read_igos(data_dir / "igos.csv")
        entries += read_agents(data_dir / "agents.csv")
        people = read_people(data_dir / "people.csv")
        given = read_given_names(data_dir / "given_names.csv")
        conflicts: list[str] = []
        if actors_file:
            user_entries, user_people = read_user_file(actors_file)
            conflicts = _conflicts(entries, people, user_entries, user_people)
            if conflicts:
                log.warning("actor file %s overrides %d built-in entries (the user's entry wins), e.g. %s",
                            actors_file, len(conflicts), "; ".join(conflicts[:3]))
            by_id = {p.id: p for p in people}
            for p in user_people:
                by_id[p.id] = p
            entries += user_entries
            people = list(by_id.values())
        return cls(entries, people, conflicts=conflicts, places=places, given_names=given)

    # ---- lookups --------------------------------------------------------------------------------------------
    def lookup(self, phrase: str) -> tuple[Entry, ...]:
        """Entries a phrase names (best first); () when unknown."""
        return self._index.get(normalise(phrase), ())

    def is_organisation_code(self, code: str | None) -> bool:
        """True for organisation codes (UNO, NATO, EUR, IMG, NGO, ...) rather than country codes."""
        return code in self._igo_codes

    def organisation_codes(self) -> frozenset[str]:
        return self._igo_codes

    def match(self, tokens: Sequence[tuple[str, str]], *, lemmas: Sequence[str] | None = None) -> list[Match]:
        """Longest non-overlapping known phrases in a token list, left to right.

        Proper names must be capitalised in the text (acronyms exactly), so "us" is not the U.S. and "turkey"
        is not Turkey; agent words match in any case and, when lemmas are given, by lemma too.
        """
        out: list[Match] = []
        n = len(tokens)
        pieces = [t.replace("’", "'").lower() + (" " if ws else "") for t, ws in tokens]
        i = 0
        while i < n:
            found = None
            first = pieces[i].rstrip()
            lemma = normalise(lemmas[i]) if lemmas else ""
            longest = max(self._first.get(first, 0), self._first.get(lemma, 0))
            for j in range(min(n, i + longest), i, -1):
                k = "".join(pieces[i:j]).rstrip()
                es = self._accept(k, tokens, i, j)
                if not es and lemma and j == i + 1:
                    es = tuple(e for e in self._index.get(lemma, ()) if e.kind == "agent")
                if es:
                    found = Match(i, j, "".join(t + ws for t, ws in tokens[i:j]).strip(), es)
                    break
            if found and self._regional(found, pieces):
                i = found.end  # "South American": a continent's adjective, no country
            elif found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out

    @staticmethod
    def _regional(found: Match, pieces: Sequence[str]) -> bool:
        """'Latin America', 'South American', 'Central-American': a region word before America(n) makes it a
        continent or a region, not the United States."""
        if found.end - found.start != 1 or pieces[found.start].rstrip() not in CONTINENT_NAMES:
            return False
        k = found.start - 1
        if k >= 0 and pieces[k].rstrip() == "-":
            k -= 1
        return k >= 0 and pieces[k].rstrip() in REGION_WORDS

    def _accept(self, k: str, tokens: Sequence[tuple[str, str]], i: int, j: int) -> tuple[Entry, ...]:
        es = self._index.get(k)
        if not es:
            return ()
        surface = "".join(t + ws for t, ws in tokens[i:j]).strip()
        named = tuple(e for e in es if e.kind != "agent")
        agents = tuple(e for e in es if e.kind == "agent")
        if named and not capitalised_like(surface, self._surfaces.get(k, ())):
            named = ()
        return named + agents if named else agents

    # ---- resolution -----------------------------------------------------------------------------------------
    def resolve(self, text: str, *, date: dt.date | None = None) -> Entity:
        """Resolve one standalone mention ("Kremlin spokesman Dmitry Peskov") as of `date`."""
        tokens = tokenize(_PAREN_RE.sub(" ", text))
        if not tokens:
            return Entity(entity_text=text, code=None, reason="empty mention text")
        matches = self.match(tokens)
        if text.islower() and not any(m.kind != "agent" for m in matches):
            # typed in lowercase ("russian troops"): a standalone mention is read as if capitalised
            matches = self.match([(t if t in ("of", "the", "and") else t[:1].upper() + t[1:], ws)
                                  for t, ws in tokens])
        words = [normalise(t) for t, _ in tokens]
        former = any(w in FORMER_WORDS for w in words) or any(w.startswith("ex-") for w in words)
        if not any(m.kind != "agent" for m in matches):
            place = self._place_in(tokens, words)
            if place is not None:
                return self._with_place(place, matches, text=text, former=former)
        if not matches:
            return Entity(entity_text=text, code=None, reason="no known country, organisation, person or agent word")
        # chunks separated by prepositions and relative words; the head is the last match of the first chunk
        bounds = [0] + [i for i, w in enumerate(words) if w in SPLIT_WORDS and i > 0] + [len(tokens)]
        head_chunk: list[Match] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            head_chunk = [m for m in matches if a <= m.start < b]
            if head_chunk:
                break
        head = head_chunk[-1]
        modifiers = head_chunk[:-1]
        # only places after a locative word tell where the head is from ("rebels in Darfur", not "rebels
        # against the Russian offensive")
        starts = [i for i, w in enumerate(words) if w in PLACE_WORDS and i >= head.end]
        rest = [m for m in matches if starts and m.start > starts[0]]
        return self.compose(head, modifiers, date=date, text=text, former=former, context=rest)

    def compose(self, head: Match | None, modifiers: Sequence[Match], *, date: dt.date | None, text: str,
                former: bool = False, context: Sequence[Match] = (), role: str | None = None,
                name: str | None = None) -> Entity:
        """Build the Entity for a noun phrase from its head match and the matches that modify it.

        context: matches outside the phrase that may give the country ("rebels in Darfur").
        role: "actor" when the phrase is a subject or object, "place" when it is the object of a locative
        preposition, None when unknown (capitals are GOV as actors, CVL as places).
        name: the surface name when the head is a named person the knowledge base does not know.
        """
        titles = [m for m in modifiers if m.kind == "agent"]
        title = titles[-1].entry if titles else None
        if head is None:  # an unknown named person: title and nationality may still code them
            return self._unknown_person(name or text, modifiers, title, date=date, text=text, former=former)
        if head.ambiguous:
            return Entity(entity_text=text, code=None,
                          reason=f"'{head.text}' is ambiguous ({' or '.join(head.codes)}); not guessing")
        e = head.entry
        if e.kind == "person":
            pid = self._choose_person(head, date)
            if pid is None:
                return self._ambiguous_person(head, title, text=text, former=former)
            return self.person_entity(pid, date=date, text=text, title=title, former=former)
        national = [m for m in modifiers if m.kind in ("country", "adjective") and not m.ambiguous
                    and 0 <= head.start - m.end <= 1]
        if e.kind in ("igo", "ngo") and national:
            # "the Iraqi National Security Council", "Russia's Security Council": a national body of that name
            n = national[-1]
            return Entity(entity_text=text, code=n.entry.code, sector=e.sector,
                          reason=f"'{head.text}' qualified by {n.entry.kind} '{n.text}': that country's own body, not "
                          f"the {e.kind} ({e.code}); {n.entry.code} ({n.entry.source})", entry=n.entry.id)
        if e.kind in ORG_KINDS:
            sector = e.sector or (title.sector if title else None)
            return Entity(entity_text=text, code=e.code, sector=sector, identifier_text=e.office or e.name,
                          reason=f"{e.kind} '{head.text}' -> {e.code}" + (f" {sector}" if sector else "")
                          + f" ({e.source})", entry=e.id, office=None)
        if e.kind == "agent":
            return self._agent_entity(head, modifiers, context, date=date, text=text, former=former)
        posts = [t for t in titles if t.entry.office == "Diplomat"]
        senders = [m for m in modifiers if m.kind in ("country", "adjective") and not m.ambiguous and posts
                   and m.end <= posts[-1].start and m.entry.code != e.code]
        if e.kind in ("capital", "country") and senders:
            # "the British Embassy Kabul": a diplomatic post named with its place is the sending state's
            s = senders[-1]
            return Entity(entity_text=text, code=s.entry.code, sector="GOV", office="Diplomat",
                          reason=f"'{posts[-1].text}' of {s.entry.kind} '{s.text}' -> {s.entry.code} GOV, a diplomatic "
                          f"post at '{head.text}', not of it ({s.entry.source})", entry=s.entry.id)
        # a place name or nationality is the head
        sector, why = None, "country name alone (no sector, PLOVER convention)"
        if e.kind == "capital":
            if role == "place":
                sector, why = "CVL", "capital as a place"
            else:
                sector, why = "GOV", "capital as a metonym for the government"
        elif e.kind == "demonym":
            sector, why = "CVL", "people of the country"
            where = [m for m in modifiers if m.kind in PLACE_KINDS and m.entry.code != e.code]
            if not where and any(w.lower() == "ethnic" for w in text.split()):
                where = [m for m in context if m.kind in PLACE_KINDS and m.entry.code != e.code]
            if where and not where[-1].ambiguous:
                w = where[-1]
                return Entity(entity_text=text, code=w.entry.code, sector="CVL",
                              reason=f"{e.kind} '{head.text}' living in {w.entry.kind} '{w.text}' -> {w.entry.code} "
                              f"CVL ({w.entry.source})", entry=w.entry.id)
        elif e.kind == "adjective":
            why = "nationality adjective alone"
        if title is not None and e.kind != "demonym":
            sector, why = title.sector, f"with agent '{titles[-1].text}'"
        return Entity(entity_text=text, code=e.code, sector=sector,
                      reason=f"{e.kind} '{head.text}' -> {e.code}; {why} ({e.source})", entry=e.id)

    def _place_in(self, tokens: Sequence[tuple[str, str]], words: Sequence[str]):
        """A gazetteer place named in a standalone text: the whole text, or a capitalised run after a preposition."""
        runs = []
        i = 0
        while i < len(tokens):
            if tokens[i][0][:1].isupper():
                j = i
                while j + 1 < len(tokens) and (tokens[j + 1][0][:1].isupper() or tokens[j + 1][0] == "-"):
                    j += 1
                runs.append((i, j + 1))
                i = j + 1
            else:
                i += 1
        for a, b in runs:
            whole = a == 0 and b == len(tokens)
            after_prep = a > 0 and words[a - 1] in SPLIT_WORDS | {"the"}
            before_agent = b < len(tokens) and any(e.kind == "agent" for e in self._index.get(words[b], ()))
            if not (whole or after_prep or before_agent):
                continue
            found = self.place(phrase_key(tokens, a, b), regions_only=before_agent and not (whole or after_prep))
            if found is not None:
                return found
        return None

    def place(self, name: str, *, regions_only: bool = False) -> tuple[str, str] | None:
        """(country code, reason) for a city or region the actor files do not list, from the offline gazetteer."""
        if self._places is None:
            return None
        try:
            gaz = self._places()
        except Exception as exc:  # the gazetteer is optional for actor resolution
            log.debug("gazetteer unavailable: %s", exc)
            self._places = None
            return None
        if gaz is None:
            return None
        entry, why = gaz.resolve(name)
        if entry is None or not entry.country_code or entry.feature_type not in PLACE_FEATURES:
            return None
        if regions_only and entry.feature_type == "city":
            return None
        return entry.country_code, f"gazetteer: {why}"

    def _with_place(self, place: tuple[str, str], matches: Sequence[Match], *, text: str, former: bool) -> Entity:
        code, why = place
        agents = [m for m in matches if m.kind == "agent"]
        if agents:
            a = agents[0].entry
            sector = "ELI" if former and a.role == "office" else a.sector
            return Entity(entity_text=text, code=code, sector=sector, office=a.office,
                          reason=f"agent '{agents[0].text}' -> {sector} ({a.source}); {code} from {why}", entry=a.id)
        return Entity(entity_text=text, code=code, sector="CVL", reason=f"place: {why}; CVL as a place")

    def _code_from(self, matches: Sequence[Match], date: dt.date | None) -> tuple[str | None, str, str | None]:
        """(code, reason, entry id) from the nearest place/organisation/person among modifier matches."""
        for m in reversed(matches):
            if m.kind == "agent":
                continue
            if m.ambiguous:
                return None, f"'{m.text}' is ambiguous ({' or '.join(m.codes)})", None
            e = m.entry
            if e.kind == "person":
                p = self.people.get(e.id.split(":", 1)[1])
                code = self._person_code(p, date) if p else e.code
                return code, f"{code} from person '{m.text}'", e.id
            return e.code, f"{e.code} from {e.kind} '{m.text}'", e.id
        return None, "", None

    def _agent_entity(self, head: Match, modifiers: Sequence[Match], context: Sequence[Match], *,
                      date: dt.date | None, text: str, former: bool) -> Entity:
        agent = head.entry
        sector = agent.sector
        office = agent.office
        groups = [m for m in modifiers if (m.kind == "agent" and m.entry.role == "group" or m.kind in ORG_KINDS)
                  and m.entry.sector not in (None, "GOV")]
        if agent.office == "Leader" and groups:  # "rebel leaders", "ISIS leader": the group's sector
            sector = groups[-1].entry.sector
        elif sector in ("MIL", "GOV") and groups and groups[-1].kind == "agent" \
                and groups[-1].entry.sector in OVERRIDING:  # "rebel forces", "intelligence officials"
            sector = groups[-1].entry.sector
        if former and agent.role == "office":
            sector, office = "ELI", f"former {office}" if office else None
        code, why, entry = self._code_from(modifiers, date)
        if code is None and not why:
            code, why, entry = self._code_from(list(reversed(context)), date)
        if code is None and not why and agent.code:
            code, why = agent.code, f"{agent.code} by default for '{head.text}'"
        if code is None and not why:
            why = "no country or organisation named"
        chamber = [m for m in (*modifiers, *context) if m.kind in ORG_KINDS and m.entry.id == entry
                   and m.entry.sector == "LEG"]
        if agent.office == "Leader" and sector == "GOV" and chamber:
            # "the chairman of the House Armed Services Committee": a legislator, as the body he chairs
            sector, why = "LEG", f"{why}; LEG as the legislative body it heads"
        return Entity(entity_text=text, code=code, sector=sector, office=office,
                      reason=f"agent '{head.text}' -> {sector} ({agent.source}); {why}", entry=entry or agent.id)

    def _unknown_person(self, name: str, modifiers: Sequence[Match], title: Entry | None, *, date: dt.date | None,
                        text: str, former: bool) -> Entity:
        code, why, entry = self._code_from(modifiers, date)
        if code is None and not why and title is not None and title.role == "office" and title.code:
            code, why = title.code, f"{title.code} by default for '{title.name}'"  # "Pope Francis": the Holy See
        if title is None and code is None:
            return Entity(entity_text=text, code=None, identifier_text=name,
                          reason=f"person '{name}' is not in the knowledge base and no title or nationality names them"
                          + (f"; {why}" if why else ""))
        sector = title.sector if title else None
        office = title.office if title else None
        bodies = [m for m in modifiers if m.kind == "group" and m.entry.id == entry and m.entry.sector]
        if title is None and bodies:  # "Democratic Senator Jane Roe": a member of the body named before them
            sector = bodies[-1].entry.sector
        if former and title is not None and title.role == "office":
            sector, office = "ELI", f"former {office}" if office else None
        return Entity(entity_text=text, code=code, sector=sector, identifier_text=name, office=office,
                      reason=f"person '{name}' not in the knowledge base; coded by "
                      + ", ".join(x for x in (f"title '{title.name}' -> {sector}" if title else "",
                                              why or "no country named") if x), entry=entry)

    # ---- entity ruler ---------------------------------------------------------------------------------------
    def entity_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns (label, pattern, id) for every named entry; agents are not patterns.

        Names are lowercase phrases (the ruler matches them on LOWER, which is fast). Single words whose lowercase
        is an ordinary English word ("us", "turkey", "chad", "poles", "trump") are exact-case token patterns,
        so they stay common words in lowercase.
        """
        out = []
        exact: dict[tuple[str, str], list[str]] = {}
        for k, es in self._index.items():
            named = [e for e in es if e.kind != "agent" and e.label]
            if not named:
                continue
            e = named[0]
            if len(tokenize(k)) == 1 and k in COMMON_WORDS:
                exact.setdefault((e.label, e.id), []).extend(sorted(self._surfaces.get(k, ())))
            else:
                out.append({"label": e.label, "pattern": k, "id": e.id})
        for (label, ident), surfaces in exact.items():  # one plain ORTH pattern each: IN-sets match slowly
            out.extend({"label": label, "pattern": [{"ORTH": w}], "id": ident} for w in sorted(set(surfaces)))
        # "Latin America", "Central American": a region, one entity with no entry, so the "American" inside it is
        # not tagged as the United States' nationality (the longest span wins)
        out.extend({"label": "LOC" if name == "america" else "NORP", "pattern": f"{region}{sep}{name}"}
                   for region in sorted(REGION_WORDS) for sep in (" ", "-") for name in sorted(CONTINENT_NAMES))
        return out

    def __len__(self) -> int:
        return len(self._index)


def _conflicts(entries: Sequence[Entry], people: Sequence[Person], user_entries: Sequence[Entry],
               user_people: Sequence[Person]) -> list[str]:
    """Describe where the user's file overrides a built-in entry with a different code or sector."""
    built: dict[str, list[Entry]] = {}
    for e in entries:
        built.setdefault(normalise(e.name), []).append(e)
    out = []
    for u in user_entries:
        for b in built.get(normalise(u.name), ()):
            if b.code != u.code or (u.sector and b.sector and u.sector != b.sector):
                out.append(f"{u.source}: '{u.name}' -> {u.code} {u.sector or ''} overrides built-in {b.kind} "
                           f"{b.code} {b.sector or ''} ({b.source}); the user's entry wins")
                break
    ids = {p.id: p for p in people}
    for u in user_people:
        if u.id in ids:
            out.append(f"{u.source}: person '{u.id}' replaces the built-in person ({ids[u.id].source}); "
                       "the user's entry wins")
    return out


def load_knowledge(ctx) -> Knowledge:
    """The knowledge base for this context (built once; honours ctx.actors_file)."""
    def places():
        from .gazetteer import load_gazetteer

        return load_gazetteer(ctx)

    return ctx.resource("knowledge", lambda: Knowledge.build(actors_file=getattr(ctx, "actors_file", None),
                                                             places=places))


def resolve_actor(text: str, *, date: dt.date | None = None, actors_file: str | Path | None = None) -> Entity:
    """Resolve one standalone actor mention (the Python API behind `redline actor`)."""
    return Knowledge.build(actors_file=actors_file).resolve(text, date=date)
