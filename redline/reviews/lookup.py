"""What a reviewer picks from: the actor codes and names of the built-in knowledge base, searched by name.

Read with the knowledge files' own readers (redline/knowledge/actor_data.py), once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import UsageError


@dataclass(frozen=True, slots=True)
class ActorName:
    """One name of the knowledge base with the code and sector it stands for (a person: the latest office)."""

    name: str
    code: str | None
    sector: str | None
    kind: str
    office: str | None = None


_KIND_ORDER = {"country": 0, "igo": 1, "ngo": 2, "person": 3, "capital": 4, "group": 5, "metonym": 6}


@lru_cache(maxsize=1)
def actor_names() -> tuple[ActorName, ...]:
    """Every name the built-in actor files give (countries, capitals, bodies, groups, agents, people)."""
    from ..knowledge import actor_data as ad

    entries = (ad.read_countries() + ad.read_territories() + ad.read_ethnic()
               + ad.read_bodies(ad.DATA_DIR / "metonyms.csv", "metonym")
               + ad.read_bodies(ad.DATA_DIR / "groups.csv", "group") + ad.read_igos() + ad.read_agents())
    out = [ActorName(e.name, e.code, e.sector, e.kind, e.office) for e in entries]
    for p in ad.read_people():
        last = p.offices[-1] if p.offices else None
        code = last.code if last else p.code
        sector = last.sector if last else p.sector
        out += [ActorName(n, code, sector, "person", last.office if last else None) for n in p.names]
    return tuple(out)


@lru_cache(maxsize=1)
def knowledge_codes() -> frozenset[str]:
    """Every actor code the built-in knowledge base uses."""
    from ..knowledge import actor_data as ad

    codes = {a.code for a in actor_names() if a.code}
    for p in ad.read_people():
        codes.update(o.code for o in p.offices)
    return frozenset(codes)


def search_actors(query: str, *, limit: int = 20) -> list[dict]:
    """Names containing `query` (case-insensitive), a code typed in full first, then names starting with it,
    then the rest; one row per (name, code, sector)."""
    q = " ".join((query or "").split()).lower()
    if len(q) < 2:
        raise UsageError("q: type at least two characters of a name or code")
    if not 1 <= limit <= 100:
        raise UsageError(f"limit: between 1 and 100, got {limit}")
    scored = []
    for a in actor_names():
        name = a.name.lower()
        if (a.code or "").lower() == q:
            rank = 0
        elif name.startswith(q):
            rank = 1
        elif q in name:
            rank = 2
        else:
            continue
        scored.append((rank, _KIND_ORDER.get(a.kind, 9), len(a.name), a.name, a))
    seen, out = set(), []
    for *_, a in sorted(scored, key=lambda s: s[:4]):
        key = (a.name.lower(), a.code, a.sector)
        if key in seen:
            continue
        seen.add(key)
        out.append({"name": a.name, "code": a.code, "sector": a.sector, "kind": a.kind, "office": a.office})
        if len(out) >= limit:
            break
    return out
