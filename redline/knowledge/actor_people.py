"""People with dated offices: who a name means on a date, their office, sector and gender, and a known person
found by family name ("Mr. McCain"). `PeopleIndex` is the part of the knowledge base (knowledge/actors.py) that
holds the people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..records import Entity
from .actor_data import Entry, Person
from .actor_names import Match, family_first, family_word, name_words


# The words of the reason an apposition's title gives a known person's role with (stages/coreference.py).
APPOSITION_ROLE = "gives the role the knowledge base has not for the date"


class PeopleIndex:
    """The people of the knowledge base, by id and by family name, with the given names that tell a gender."""

    def __init__(self, people: Sequence[Person], given_names: dict[str, str] | None = None):
        self.people: dict[str, Person] = {p.id: p for p in people}
        self.given_names: dict[str, str] = dict(given_names or {})
        # family name -> people who bear it, for "Mr. Cummings" or "Sen. Merkley" with no full name in the article
        self._family: dict[str, list[str]] = {}
        for p in self.people.values():
            first = family_first(p.names)  # "Ban Ki-moon", "Ban Ki Moon": Mr. Ban, not Mr. Moon
            for name in p.names:
                words = name_words(name)
                family = words[0] if first and len(words) > 1 else words[-1] if words else None
                if family and p.id not in self._family.get(family, ()):
                    self._family.setdefault(family, []).append(p.id)

    def family_of(self, entry: str | None) -> str | None:
        """The lowercase family name of the person an entity's entry names ("person:moon_jae_in" -> "moon"), or
        None when the entry is no known person."""
        p = self.people.get(entry.split(":", 1)[1]) if entry and entry.startswith("person:") else None
        return family_word(p.names) if p is not None else None

    def name_gender(self, name: str) -> str | None:
        """'m' or 'f' from the given name a personal name starts with ("Emily Thornberry" -> 'f'); None if unknown."""
        words = name_words(name)
        return self.given_names.get(words[0]) if len(words) > 1 else None

    def person_gender(self, person_id: str) -> str | None:
        """A known person's gender: people.csv's, else what their given name says; None when neither tells."""
        p = self.people.get(person_id)
        if p is None:
            return None
        return p.gender or self.name_gender(p.name)

    def person_by_family_name(self, name: str, date: dt.date | None, *, gender: str | None = None
                              ) -> tuple[str | None, str]:
        """(person id, reason) for a name the index lacks: "Cummings" or "John O. Brennan" -> the one known person with
        that family name (and that given name, when the text gives one), preferring who held an office on the date.
        gender: 'm' or 'f' when the text says it ("Mr.", "Mrs."): people known to be of the other are left out.
        None with the reason when nobody or several people fit (never a guess between namesakes)."""
        words = name_words(name)
        if not words:
            return None, "no name"
        family, given = words[-1], [w for w in words[:-1] if len(w) > 1]
        ids = list(self._family.get(family, ()))
        if given:
            ids = [i for i in ids if any(name_words(n)[:1] == given[:1] for n in self.people[i].names)]
        if gender:
            ids = [i for i in ids if self.person_gender(i) in (None, gender)]
        if not ids:
            return None, f"no known person is called '{name}'"
        day = date or dt.date.today()
        active = [i for i in ids if any(o.holds(day) for o in self.people[i].offices)]
        pick = active if active else ids
        if len(pick) == 1:
            p = self.people[pick[0]]
            why = "the only one in office on the date" if active else "the only known person of that name"
            return p.id, f"'{name}' -> '{p.name}' ({why}; {p.source})"
        names = " or ".join(self.people[i].name for i in pick)
        return None, f"'{name}' may be {names}; not guessing"

    def _choose_person(self, head: Match, date: dt.date | None) -> str | None:
        """The person a name means; for a name several people share ("Assad"), the one in office on the date."""
        ids = list(dict.fromkeys(e.id.split(":", 1)[1] for e in head.entries if e.kind == "person"))
        if len(ids) == 1:
            return ids[0]
        day = date or dt.date.today()
        holding = [i for i in ids if any(o.holds(day) for o in self.people[i].offices)]
        return holding[0] if len(holding) == 1 else None

    def _ambiguous_person(self, head: Match, title: Entry | None, *, text: str, former: bool) -> Entity:
        ids = list(dict.fromkeys(e.id.split(":", 1)[1] for e in head.entries if e.kind == "person"))
        names = " or ".join(self.people[i].name for i in ids)
        codes = {self._person_code(self.people[i], None) for i in ids}
        if len(codes) == 1 and title is not None:  # same country and the text gives the post
            code = codes.pop()
            sector = "ELI" if former and title.role == "office" else title.sector
            return Entity(entity_text=text, code=code, sector=sector, office=title.office,
                          reason=f"'{head.text}' may be {names} (none or several in office on the date); all {code}; "
                          f"sector from title '{title.name}'")
        return Entity(entity_text=text, code=None,
                      reason=f"'{head.text}' may be {names} and the date does not tell them apart; not guessing")

    def _person_code(self, p: Person, date: dt.date | None) -> str | None:
        if not p.offices:
            return p.code
        if date is not None:
            for o in reversed(p.offices):
                if o.holds(date):
                    return o.code
        return p.offices[-1].code

    def person_entity(self, person_id: str, *, date: dt.date | None, text: str | None = None,
                      title: Entry | None = None, former: bool = False) -> Entity:
        """A known person as of `date`: the office they held then, or ELI after their last office ended.

        title: an office word the text puts before the name ("President"); when the dated offices do not cover
        the date but the person did hold such an office, the text's title is trusted (historical reference).
        """
        p = self.people[person_id]
        text = text or p.name
        base = dict(entity_text=text, identifier_text=p.name, identifier_id=p.wikidata, entry=f"person:{p.id}")
        when = date.isoformat() if date else "today (no date given)"
        day = date or dt.date.today()
        active = [o for o in p.offices if o.holds(day)]
        if former and not active or former and title is not None:
            last = _office_like(p, title) or (p.offices[-1] if p.offices else None)
            return Entity(code=last.code if last else p.code, sector="ELI",
                          office=f"former {last.office}" if last else None,
                          reason=f"'{p.name}' ({p.source}) called former in the text", **base)
        if active:
            o = active[-1]
            return Entity(code=o.code, sector=o.sector, office=o.office,
                          reason=f"'{p.name}' {o.office} {_span(o)} covers {when} ({o.source})",
                          sectors=tuple(dict.fromkeys(x.sector for x in active)), **base)
        if title is not None and title.role == "office":
            held = _office_like(p, title)
            if held is not None:
                return Entity(code=held.code, sector=held.sector, office=held.office,
                              reason=f"text titles '{p.name}' '{title.name}'; {held.office} {_span(held)} does not "
                              f"cover {when}, trusting the text ({held.source})", **base)
        ended = [o for o in p.offices if o.end is not None and o.end <= day]
        if title is not None and title.role == "office" and not ended:
            return Entity(code=self._person_code(p, date), sector=title.sector, office=title.office,
                          reason=f"text titles '{p.name}' '{title.name}'; no listed office covers {when}, trusting the "
                          f"text ({p.source})", **base)
        if ended:
            o = ended[-1]
            return Entity(code=o.code, sector="ELI", office=f"former {o.office}",
                          reason=f"'{p.name}' left office as {o.office} on {o.end}; ELI as of {when} ({o.source})",
                          **base)
        if p.offices:
            o = p.offices[0]
            sector = p.sector
            return Entity(code=o.code, sector=sector, office=None,
                          reason=f"'{p.name}' held no listed office on {when} (first: {o.office} from {o.start})"
                          f" ({o.source})", **base)
        return Entity(code=p.code, sector=p.sector, reason=f"'{p.name}' ({p.source}): {p.sector or 'no'} role",
                      **base)

    def redate(self, entity: Entity, date: dt.date | None) -> Entity:
        """Re-resolve a person's office and sector as of another date; other entities come back unchanged."""
        if not entity.entry or not entity.entry.startswith("person:"):
            return entity
        pid = entity.entry.split(":", 1)[1]
        if pid not in self.people:
            return entity
        former = bool(entity.office and entity.office.startswith("former") and "called former" in entity.reason)
        out = self.person_entity(pid, date=date, text=entity.entity_text, former=former)
        if out.sector is None and entity.sector is not None and APPOSITION_ROLE in entity.reason:
            return entity  # the role the article's own apposition gave them ("X, the EU's chief negotiator")
        return dataclasses.replace(out, reason=f"redated to {date}: {out.reason}")


def _office_like(p: Person, title: Entry | None):
    if title is None:
        return None
    words = {w for w in (title.office or title.name).lower().split() if len(w) > 3}
    for o in reversed(p.offices):
        if words & set(o.office.lower().split()) or title.name.lower() in o.office.lower():
            return o
    return None


def _span(o) -> str:
    return f"{o.start or '...'}..{o.end or ''}"
