"""Gold records and what every gold reader shares: the PLOVER labels, code keys and field checks.

Every reader (one module per format) returns `GoldRecord`s, so the metrics never see a file format.
Malformed gold raises InputError naming the record; an enormous sentence is kept with a `skip` reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any
from importlib import resources
from pathlib import Path

import pycountry

from ..errors import InputError
from ..records import Factuality

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Labels of the 2016 PLOVER gold file that later PLOVER versions renamed or merged.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# Mode names of the 2016 gold file -> the mode names of the current PLOVER manual.
OLD_MODES = {
    "strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
    "riot-spon": "riot", "assassinate": "targeted", "confiscate": "seize", "detain": "arrest",
}
# Country codes used by CAMEO dictionaries (and the gold files coded with them) where they differ from
# ISO 3166 alpha-3. Facts: CAMEO and COW kept older or home-grown codes for these countries.
CAMEO_TO_ISO = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "RUM": "ROU", "ZAR": "COD", "DRC": "COD",
    "TMP": "TLS", "ETM": "TLS", "KSV": "XKX", "KOS": "XKX", "BRM": "MMR", "BUR": "MMR", "GMY": "DEU",
    "GFR": "DEU", "UKG": "GBR", "UK": "GBR", "SPN": "ESP", "SWD": "SWE", "NTH": "NLD", "AUL": "AUS",
    "PHI": "PHL", "SAF": "ZAF", "ROK": "KOR", "PRK": "PRK", "ALG": "DZA", "CHA": "TCD", "CAO": "CMR",
    "TAW": "TWN", "SUD": "SDN", "LEB": "LBN", "INS": "IDN", "MYA": "MMR", "PAL": "PSE", "WBK": "PSE",
    "GZS": "PSE",
}
# Non-state codes that are kinds of actor rather than countries: compared as they are.
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "UAF", "REB"})
# Acronyms a knowledge base may use for intergovernmental bodies; gold files code them all as "IGO".
IGO_ACRONYMS = frozenset({
    "UN", "UNO", "NATO", "EU", "AU", "AFU", "ASEAN", "OSCE", "WHO", "IMF", "WTO", "OPEC", "IAEA", "ICC", "ICJ",
    "CSTO", "SCO", "GCC", "ARL", "OAS", "ECOWAS", "WB", "OIC", "COE", "G7", "G20", "BRICS", "UNSC",
})
_COUNTRIES = frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"})
MAX_SENTENCE_CHARS = 2000
FORMATS = ("plover", "petrarch", "redline")


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor or recipient: the text as written, its country key and its sector (either may be None)."""

    text: str | None
    code: str | None
    sector: str | None = None
    standalone: bool = True  # False: the text alone does not name the country ("the government")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. event: a PLOVER type (or a CAMEO root for PETRARCH gold, see `GoldRecord.scheme`)."""

    event: str
    actor: tuple[GoldActor, ...] = ()
    recipient: tuple[GoldActor, ...] = ()
    mode: str | None = None
    factuality: Factuality = Factuality.ASSERTED
    cameo: str | None = None
    date: dt.date | None = None  # real-article gold: when the act happened (None: unknown or not annotated)
    date_precision: str | None = None  # "day", "month", "year", "unknown"; None: not annotated
    place: Any = None  # real-article gold: a GoldPlace (text, country) or None
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence and what a careful coder finds in it.

    scheme: "plover" (event types are PLOVER types) or "cameo" (event types are 2-digit CAMEO roots).
    skip: non-empty when the sentence cannot be evaluated (e.g. enormous); the reason is reported.
    notes: oddities of the source record that the reader worked around, said out loud.
    """

    id: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    published: dt.date | None = None
    scheme: str = "plover"
    tags: tuple[str, ...] = ()
    skip: str = ""
    notes: tuple[str, ...] = ()

    @property
    def asserted(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if e.factuality == Factuality.ASSERTED)


def country_key(code: str | None) -> str | None:
    """A code from gold or from redline -> the key compared in triples: an ISO alpha-3 country or a group code.

    "JAP" -> "JPN"; "USAGOV" -> "USA"; "IGOEUREEC" -> "IGO"; "---" or "" -> None.
    """
    if not code:
        return None
    code = code.strip().upper()
    if not code or code.startswith("---") or code in ("***", "NONE"):
        return None
    if code in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[code]
    if code in IGO_ACRONYMS:
        return "IGO"
    head = code[:3]
    if head in CAMEO_TO_ISO and len(code) > 3:
        return CAMEO_TO_ISO[head]
    if head in _COUNTRIES or head in GROUP_CODES:
        return head
    return code


def sector_key(sector: str | None) -> str | None:
    """A gold or predicted sector -> its primary 3-letter PLOVER/CAMEO sector ("CVLalb" -> "CVL")."""
    if not sector:
        return None
    s = sector.strip()[:3].upper()
    if not s.isalpha():
        return None
    return {"CIV": "CVL"}.get(s, s)


def builtin_gold_path() -> Path:
    """The path of redline's own gold set (redline/gold/sentences.jsonl)."""
    return Path(str(resources.files("redline.gold").joinpath("sentences.jsonl")))


def unique_ids(records: list[GoldRecord], *, strict: bool, name: str) -> list[GoldRecord]:
    """Our own gold must have unique ids; a public file's repeated id gets a "#n" suffix and a note."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        seen[r.id] = seen.get(r.id, 0) + 1
        if seen[r.id] > 1:
            if strict:
                raise InputError(f"{name}: record {r.id}: duplicate id")
            note = f"id {r.id} repeats in the file: renamed {r.id}#{seen[r.id]}"
            r = dataclasses.replace(r, id=f"{r.id}#{seen[r.id]}", notes=r.notes + (note,))
        out.append(r)
    return out


def sentence_text(raw, where: str) -> tuple[str, str]:
    """Return (text, skip reason) for a gold sentence; missing text is an error, an enormous one a skip."""
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(f"{where}: missing text")
    text = " ".join(raw.split())
    if len(text) > MAX_SENTENCE_CHARS:
        return text, f"sentence has {len(text)} characters (limit {MAX_SENTENCE_CHARS})"
    return text, ""


def plover_type(label, where: str) -> str:
    if not isinstance(label, str):
        raise InputError(f"{where}: event label {label!r} is not a string")
    up = label.strip().upper()
    up = OLD_LABELS.get(up, up)
    if up not in PLOVER_TYPES:
        raise InputError(f"{where}: unknown event label {label!r} (known: {', '.join(PLOVER_TYPES)})")
    return up


def gold_date(value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc
