"""Actor knowledge files -> entries: the built-in CSV files and the user's actor file, with line-numbered errors.

Every name becomes an `Entry` (one kind of thing a phrase can refer to); people also get dated `Office` rows.
Readers only parse and validate; indexing and resolution live in knowledge/actors.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError

DATA_DIR = Path(__file__).parent / "data" / "actors"

SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP CVL BUS JRN MED REF SPY UAF ELI EDU LAB REL SOC PRE CRM AGR UNK PRM".split()
)
LABELS = frozenset({"GPE", "ORG", "PERSON", "NORP", "LOC"})
# The kinds a user file may define, with the entity-ruler label each gets when the file does not say.
KIND_LABELS = {
    "country": "GPE",
    "capital": "GPE",
    "adjective": "NORP",
    "demonym": "NORP",
    "metonym": "ORG",
    "group": "ORG",
    "igo": "ORG",
    "ngo": "ORG",
    "person": "PERSON",
    "agent": "",
}
USER_COLUMNS = ("kind", "names", "code", "sector", "office", "start", "end", "wikidata", "id", "label", "gender")
ACTOR_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a phrase can name.

    id: stable entry id ("country:RUS", "capital:RUS", "person:putin", "igo:NATO", "agent:troop").
    kind: country, capital, adjective, demonym, metonym, group, igo, ngo, person, agent.
    role: for agents, "office" (a post: "president") or "group" (a body or set of people: "troops").
    source: "file:line" it came from, for reasons and conflict reports.
    """

    id: str
    kind: str
    name: str
    code: str | None
    sector: str | None
    label: str
    office: str | None = None
    role: str = ""
    source: str = ""
    user: bool = False


@dataclass(frozen=True, slots=True)
class Office:
    """A post a person held from `start` to `end` (None: open)."""

    person: str
    code: str
    office: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    source: str = ""

    def holds(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    names: tuple[str, ...]
    wikidata: str | None
    offices: tuple[Office, ...]
    sector: str | None = None  # a non-office role (opposition figure, rebel leader) when no office applies
    code: str | None = None
    source: str = ""
    user: bool = False
    gender: str | None = None  # "m" or "f" when people.csv says so (else the given-names list may tell)


GENDERS = frozenset({"m", "f"})


def split_names(cell: str) -> list[str]:
    return [n.strip() for n in (cell or "").split(";") if n.strip()]


def _rows(path: Path, *, columns: tuple[str, ...] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a CSV file with '#' comment lines; check the header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read actor file: {exc}") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise KnowledgeError(f"{path}: actor file is empty (expected a CSV header: {','.join(columns or ())})")
    header_line, header = lines[0]
    names = [h.strip().lower() for h in next(csv.reader([header]))]
    if columns is not None:
        unknown = [h for h in names if h not in columns]
        if unknown or "names" not in names:
            raise KnowledgeError(
                f"{path}:{header_line}: bad header {header!r}: "
                + (f"unknown column(s) {unknown}; " if unknown else "")
                + f"expected columns from {', '.join(columns)} (names is required)"
            )
    for n, line in lines[1:]:
        try:
            cells = next(csv.reader([line]))
        except csv.Error as exc:
            raise KnowledgeError(f"{path}:{n}: malformed CSV line: {exc}") from exc
        if len(cells) > len(names):
            raise KnowledgeError(f"{path}:{n}: {len(cells)} fields but the header has {len(names)}: {line!r}")
        yield n, {k: (cells[i].strip() if i < len(cells) else "") for i, k in enumerate(names)}


def parse_date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _check_code(code: str, where: str) -> str:
    if not ACTOR_CODE_RE.match(code):
        raise KnowledgeError(f"{where}: bad actor code {code!r} (expected 2-8 capital letters or digits, e.g. RUS)")
    return code


def _check_sector(sector: str, where: str) -> str | None:
    if not sector:
        return None
    if sector not in SECTORS:
        raise KnowledgeError(f"{where}: unknown sector {sector!r} (PLOVER sectors: {', '.join(sorted(SECTORS))})")
    return sector


def read_countries(path: Path = DATA_DIR / "countries.csv") -> list[Entry]:
    out = []
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        code = _check_code(row["code"], where)
        names = split_names(row["names"])
        if not names:
            raise KnowledgeError(f"{where}: country {code} has no name")
        canonical = names[0]
        out += _country_words(row, names, code, where)
        for name in split_names(row.get("capitals", "")):
            out.append(Entry(f"capital:{code}", "capital", name, code, "GOV", "GPE", office=f"capital of {canonical}",
                             source=where))
    return out


def read_territories(path: Path = DATA_DIR / "territories.csv") -> list[Entry]:
    """territories.csv: dependent territories as their CAMEO code files them (the governing country's, or their
    own), so "Guam" and "Gibraltar's government" name a country code; an entry of kind country, id of that code."""
    out = []
    for n, row in _rows(path, columns=("code", "names", "adjectives", "demonyms")):
        where = f"{path.name}:{n}"
        code = _check_code(row["code"], where)
        names = split_names(row["names"])
        if not names:
            raise KnowledgeError(f"{where}: territory filed under {code} has no name")
        out += _country_words(row, names, code, where)
    return out


def _country_words(row: dict, names: list[str], code: str, where: str) -> list[Entry]:
    """The names, adjectives and demonyms of one countries.csv or territories.csv row, filed under its code."""
    out = [Entry(f"country:{code}", "country", name, code, None, "GPE", source=where) for name in names]
    out += [Entry(f"adjective:{code}", "adjective", name, code, None, "NORP", source=where)
            for name in split_names(row.get("adjectives", ""))]
    out += [Entry(f"demonym:{code}", "demonym", name, code, "CVL", "NORP", source=where)
            for name in split_names(row.get("demonyms", ""))]
    return out


def read_ethnic(path: Path = DATA_DIR / "ethnic.csv") -> list[Entry]:
    """ethnic.csv: code, adjectives, demonyms of groups living overwhelmingly in one country."""
    out = []
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        code = _check_code(row["code"], where)
        for name in split_names(row.get("adjectives", "")):
            out.append(Entry(f"ethnic:{code}:{_slug(name)}", "adjective", name, code, None, "NORP", source=where))
        for name in split_names(row.get("demonyms", "")):
            out.append(Entry(f"ethnic:{code}:{_slug(name)}", "demonym", name, code, "CVL", "NORP", source=where))
    return out


def read_bodies(path: Path, kind: str) -> list[Entry]:
    """metonyms.csv / groups.csv: names, code, sector, label, office."""
    out = []
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        code = _check_code(row["code"], where)
        sector = _check_sector(row.get("sector", ""), where)
        label = row.get("label") or KIND_LABELS[kind]
        names = split_names(row["names"])
        ident = f"{kind}:{code}:{_slug(names[0])}"
        for name in names:
            out.append(Entry(ident, kind, name, code, sector, label, office=names[0], source=where))
    return out


def read_igos(path: Path = DATA_DIR / "igos.csv") -> list[Entry]:
    out = []
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        code = _check_code(row["code"], where)
        kind = row.get("kind") or "igo"
        if kind not in ("igo", "ngo"):
            raise KnowledgeError(f"{where}: kind must be igo or ngo, not {kind!r}")
        sector = _check_sector(row.get("sector", ""), where)
        names = split_names(row["names"])
        ident = f"{kind}:{code}:{_slug(names[0])}"
        for name in names:
            out.append(Entry(ident, kind, name, code, sector, "ORG", office=names[0], source=where))
    return out


def plural(word: str) -> str:
    """Regular English plural of the last word of a phrase (agents list singulars)."""
    if word.endswith("s"):
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def read_agents(path: Path = DATA_DIR / "agents.csv") -> list[Entry]:
    out = []
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        sector = _check_sector(row.get("sector", ""), where)
        if sector is None:
            raise KnowledgeError(f"{where}: agent row needs a sector")
        role = row.get("kind") or "group"
        if role not in ("office", "group"):
            raise KnowledgeError(f"{where}: agent kind must be office or group, not {role!r}")
        code = _check_code(row["code"], where) if row.get("code") else None
        office = row.get("office") or None
        for name in split_names(row["names"]):
            for form in dict.fromkeys([name.lower(), plural(name.lower())]):
                out.append(Entry(f"agent:{_slug(name)}", "agent", form, code, sector, "", office=office or None,
                                 role=role, source=where))
    return out


def read_people(path: Path = DATA_DIR / "people.csv", *, user: bool = False) -> list[Person]:
    """people.csv: id, names, code, office, sector, start, end, wikidata. Rows sharing an id are one person."""
    rows: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        pid = row.get("id") or ""
        if not pid:
            raise KnowledgeError(f"{where}: person row needs an id")
        rows.setdefault(pid, []).append((where, row))
    return [_person(pid, items, user=user) for pid, items in rows.items()]


def _person(pid: str, items: list[tuple[str, dict[str, str]]], *, user: bool) -> Person:
    names: list[str] = []
    wikidata = None
    offices = []
    role_sector = None
    role_code = None
    gender = None
    for where, row in items:
        g = (row.get("gender") or "").lower()
        if g:
            if g not in GENDERS:
                raise KnowledgeError(f"{where}: bad gender {g!r} (expected m or f, or empty)")
            gender = g
        names.extend(n for n in split_names(row.get("names", "")) if n not in names)
        qid = row.get("wikidata", "")
        if qid:
            if not _QID_RE.match(qid):
                raise KnowledgeError(f"{where}: bad Wikidata id {qid!r} (expected Q followed by digits)")
            if wikidata and wikidata != qid:
                raise KnowledgeError(f"{where}: person {pid} has two Wikidata ids ({wikidata}, {qid})")
            wikidata = qid
        code = _check_code(row.get("code", ""), where)
        given = _check_sector(row.get("sector", ""), where)
        sector = given or "GOV"
        start = parse_date(row.get("start", ""), where)
        end = parse_date(row.get("end", ""), where)
        if start and end and end < start:
            raise KnowledgeError(f"{where}: office ends ({end}) before it starts ({start})")
        if row.get("office"):
            offices.append(Office(pid, code, row["office"], sector, start, end, where))
        else:  # a person known by a role, not a dated office (opposition leader, rebel commander)
            role_sector, role_code = given, code
    if not names:
        raise KnowledgeError(f"{items[0][0]}: person {pid} has no names")
    offices.sort(key=lambda o: o.start or dt.date.min)
    return Person(pid, names[0], tuple(names), wikidata, tuple(offices), role_sector, role_code or
                  (offices[-1].code if offices else None), items[0][0], user, gender)


def read_given_names(path: Path = DATA_DIR / "given_names.csv") -> dict[str, str]:
    """given_names.csv: gender (m/f), names -> {lowercase given name: gender}; a name listed twice is dropped."""
    out: dict[str, str] = {}
    both: set[str] = set()
    for n, row in _rows(path):
        g = (row.get("gender") or "").lower()
        if g not in GENDERS:
            raise KnowledgeError(f"{path.name}:{n}: bad gender {g!r} (expected m or f)")
        for name in split_names(row.get("names", "")):
            k = name.lower()
            if out.get(k, g) != g:
                both.add(k)
            out[k] = g
    return {k: g for k, g in out.items() if k not in both}


def read_user_file(path: str | Path) -> tuple[list[Entry], list[Person]]:
    """The user's actor file (CSV with columns from USER_COLUMNS; see docs/actors.md) -> entries and people."""
    path = Path(path)
    if not path.is_file():
        raise KnowledgeError(f"{path}: actor file not found")
    entries: list[Entry] = []
    people_rows: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for n, row in _rows(path, columns=USER_COLUMNS):
        where = f"{path}:{n}"
        kind = (row.get("kind") or "").lower()
        if kind not in KIND_LABELS:
            raise KnowledgeError(f"{where}: unknown kind {kind!r} (expected one of {', '.join(KIND_LABELS)})")
        names = split_names(row.get("names", ""))
        if not names and not (kind == "person" and row.get("id")):
            raise KnowledgeError(f"{where}: no names given")
        if kind == "person":
            pid = row.get("id") or _slug(names[0])
            people_rows.setdefault(pid, []).append((where, row))
            continue
        label = row.get("label") or KIND_LABELS[kind]
        if label and label not in LABELS:
            raise KnowledgeError(f"{where}: unknown label {label!r} (expected one of {', '.join(sorted(LABELS))})")
        sector = _check_sector(row.get("sector", ""), where)
        if kind == "agent":
            if sector is None:
                raise KnowledgeError(f"{where}: an agent needs a sector")
            code = _check_code(row["code"], where) if row.get("code") else None
            for name in names:
                for form in dict.fromkeys([name.lower(), plural(name.lower())]):
                    entries.append(Entry(f"agent:{_slug(name)}", "agent", form, code, sector, "",
                                         office=row.get("office") or None,
                                         role="office" if row.get("office") else "group", source=where, user=True))
            continue
        if not row.get("code"):
            raise KnowledgeError(f"{where}: a {kind} needs a code")
        code = _check_code(row["code"], where)
        ident = row.get("id") or (f"{kind}:{code}" if kind in ("country", "capital", "adjective", "demonym")
                                  else f"{kind}:{code}:{_slug(names[0])}")
        for name in names:
            entries.append(Entry(ident, kind, name, code, sector, label, office=row.get("office") or None,
                                 source=where, user=True))
    people = [_person(pid, items, user=True) for pid, items in people_rows.items()]
    return entries, people


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
