"""The coding a reviewer stands behind: the machine's coding of an event with the reviewer's changes, checked.

A change is `field=value` (the CLI's `--set`, the HTTP body's `set`). Fields and value forms:

    event=ACCUSE                a PLOVER type
    mode=allege                 a mode of the (new) type; `mode=` clears it
    actor=RUS:GOV,UKR           codes with optional sectors, comma-separated; `:REB` a sector alone; `actor=` none
    recipient=UKR               the same
    date=2021-06-17             day precision; 2021-06 month, 2021 year; `date=` unknown
    place=Kyiv                  a place the offline gazetteer knows ("Paris, Texas" qualifies it); `place=` none
    factuality=negated          asserted, negated, hypothetical, possible, future

A changed type or mode takes its CAMEO code, Goldstein score, quad class and PLOVER score from the ontology.
Everything is checked before anything is stored; a bad value is a UsageError saying what would be right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..errors import UsageError
from ..knowledge.actor_data import SECTORS
from ..records import DatePrecision, Factuality

FIELDS = ("event", "mode", "actor", "recipient", "date", "place", "factuality")
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_NONE = ("", "none", "-", "null")


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or recipient as a reviewer codes it: a code, a sector, or both."""

    code: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Coding:
    """A complete coding of one event: what a review records (and lays over the event)."""

    event: str
    mode: str | None
    factuality: str
    date: dt.date | None
    date_precision: str | None
    actor: tuple[Party, ...]
    recipient: tuple[Party, ...]
    place: dict | None
    cameo: str | None
    quad_code: int | None
    goldstein: float | None
    event_scale: float | None


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """["event=ACCUSE", "actor=RUS"] -> {"event": "ACCUSE", "actor": "RUS"}; unknown or repeated fields are errors."""
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise UsageError(f"{item!r}: expected FIELD=VALUE (fields: {', '.join(FIELDS)})")
        key, value = (x.strip() for x in item.split("=", 1))
        key = key.lower()
        if key not in FIELDS:
            raise UsageError(f"{item!r}: unknown field {key!r} (fields: {', '.join(FIELDS)})")
        if key in out:
            raise UsageError(f"{key}= is given twice")
        out[key] = value
    return out


def machine_coding(ev: dict[str, Any]) -> Coding:
    """The machine's coding of an event record (the PLOVER dict Store.event returns, before any review)."""
    def parties(ents):
        return tuple(Party(e.get("code"), e.get("sector")) for e in ents or ())

    return Coding(
        event=ev["event"][0], mode=(ev.get("mode") or [None])[0], factuality=ev["factuality"],
        date=dt.date.fromisoformat(ev["date"]) if ev.get("date") else None, date_precision=ev.get("date_precision"),
        actor=parties(ev.get("actor")), recipient=parties(ev.get("recipient")), place=ev.get("event_loc"),
        cameo=ev.get("cameo"), quad_code=ev.get("quad_code"), goldstein=ev.get("goldstein"),
        event_scale=ev.get("event_scale"),
    )


def apply_changes(base: Coding, changes: dict[str, str], *, known_code: Callable[[str], bool],
                  locate: Callable[[str], dict] | None = None) -> tuple[Coding, tuple[str, ...]]:
    """The coding with `changes` applied, and the fields that actually changed (in FIELDS order).

    known_code(code): whether an actor code exists; locate(text): a place dict for a place name (UsageError
    when unknown). A change that leaves a field as it was is not counted.
    """
    from ..knowledge.ontology import load_ontology

    onto = load_ontology()
    new = base
    if "event" in changes:
        name = changes["event"].strip().upper()
        if name not in onto.types:
            raise UsageError(f"event={changes['event']}: not a PLOVER event type ({', '.join(onto.types)})")
        new = replace(new, event=name)
    if "mode" in changes:
        new = replace(new, mode=_mode(changes["mode"], new.event, onto))
    elif new.event != base.event and new.mode is not None and new.mode not in onto.types[new.event].modes:
        raise UsageError(f"event={new.event}: the mode {new.mode!r} is not a mode of {new.event}; set mode= too "
                         f"({_modes(new.event, onto)})")
    for role in ("actor", "recipient"):
        if role in changes:
            new = replace(new, **{role: _parties(changes[role], role, known_code)})
    if "date" in changes:
        day, precision = _date(changes["date"])
        new = replace(new, date=day, date_precision=precision)
    if "place" in changes:
        text = changes["place"].strip()
        if text.lower() in _NONE:
            new = replace(new, place=None)
        elif locate is None:
            raise UsageError("place=: no gazetteer available to place it")
        else:
            new = replace(new, place=locate(text))
    if "factuality" in changes:
        try:
            new = replace(new, factuality=Factuality(changes["factuality"].strip().lower()).value)
        except ValueError:
            raise UsageError(f"factuality={changes['factuality']}: not one of "
                             f"{', '.join(f.value for f in Factuality)}") from None
    if (new.event, new.mode) != (base.event, base.mode):
        cameo = cameo_for(new.event, new.mode)
        new = replace(new, cameo=cameo, goldstein=onto.goldstein(cameo), quad_code=onto.quad(new.event),
                      event_scale=onto.score(new.event, new.mode))
    return new, differences(base, new)


def differences(a: Coding, b: Coding) -> tuple[str, ...]:
    """The fields (in FIELDS order) whose values differ between two codings."""
    return tuple(f for f in FIELDS if _field(a, f) != _field(b, f))


def _field(c: Coding, name: str):
    if name == "date":
        return (c.date, (c.date_precision or DatePrecision.DAY.value) if c.date else None)
    if name == "place":
        return ((c.place or {}).get("name"), (c.place or {}).get("country_code")) if c.place else None
    return getattr(c, name)


def _modes(event: str, onto) -> str:
    modes = list(onto.types[event].modes)
    return "modes: " + ", ".join(modes) if modes else f"{event} has no modes: mode="


def _mode(value: str, event: str, onto) -> str | None:
    v = value.strip().lower()
    if v in _NONE:
        return None
    if v not in onto.types[event].modes:
        raise UsageError(f"mode={value}: not a mode of {event} ({_modes(event, onto)})")
    return v


def _parties(value: str, role: str, known_code: Callable[[str], bool]) -> tuple[Party, ...]:
    if value.strip().lower() in _NONE:
        return ()
    out = []
    for part in value.split(","):
        code, _, sector = part.strip().partition(":")
        code, sector = code.strip().upper() or None, sector.strip().upper() or None
        if code is None and sector is None:
            raise UsageError(f"{role}={value}: an empty party (write CODE, CODE:SECTOR or :SECTOR)")
        if code is not None and (not _CODE_RE.match(code) or not known_code(code)):
            raise UsageError(f"{role}={value}: unknown actor code {code!r} (a code of the knowledge base or "
                             "already in the store; look names up with `redline actor NAME`)")
        if sector is not None and sector not in SECTORS:
            raise UsageError(f"{role}={value}: unknown sector {sector!r} ({', '.join(sorted(SECTORS))})")
        out.append(Party(code, sector))
    return tuple(out)


def _date(value: str) -> tuple[dt.date | None, str | None]:
    v = value.strip()
    if v.lower() in (*_NONE, "unknown"):
        return None, None
    try:
        if re.fullmatch(r"\d{4}", v):
            return dt.date(int(v), 1, 1), DatePrecision.YEAR.value
        if re.fullmatch(r"\d{4}-\d{2}", v):
            return dt.date(int(v[:4]), int(v[5:]), 1), DatePrecision.MONTH.value
        return dt.date.fromisoformat(v), DatePrecision.DAY.value
    except ValueError:
        raise UsageError(f"date={value}: expected YYYY-MM-DD, YYYY-MM or YYYY (or date= for unknown)") from None


@lru_cache(maxsize=256)
def cameo_for(event: str, mode: str | None) -> str:
    """The CAMEO code for a PLOVER type and mode: the one the built-in lexicon uses most for them, else the
    most general code the crosswalk maps to them (a "not specified" code ending in 0 first)."""
    from collections import Counter

    from ..knowledge.lexicon import builtin_lexicon
    from ..knowledge.ontology import load_ontology

    lex = builtin_lexicon()
    used = Counter(e.code.cameo for entries in (*lex.verbs.values(), *lex.nouns.values()) for e in entries
                   if (e.code.event, e.code.mode) == (event, mode) and e.code.cameo[:1].isdigit())
    if used:
        return used.most_common(1)[0][0]
    codes = [c for c in load_ontology().cameo.values() if c.plover == event and len(c.code) >= 3]  # PLOVER: 3-4 digits
    exact = [c for c in codes if c.mode == mode] or [c for c in codes if c.mode is None] or codes
    if not exact:
        raise UsageError(f"event={event}: no CAMEO code maps to it")
    return min(exact, key=lambda c: (not c.code.endswith("0"), len(c.code), c.code)).code


def locate_place(text: str) -> dict:
    """A place dict (PLOVER event_loc) for a name the offline gazetteer knows; "Paris, Texas" qualifies it."""
    from ..knowledge.gazetteer import load_gazetteer, to_place
    from ..plover import place_dict

    name, _, qualifier = text.partition(",")
    entry, why = load_gazetteer().resolve(name.strip(), qualifier=qualifier.strip() or None)
    if entry is None:
        raise UsageError(f"place={text}: {why}")
    return place_dict(to_place(entry, text=name.strip(), reason=f"reviewer: {why}"))
