"""Gold readers: PLOVER gold JSON, PETRARCH validation XML and redline's own gold JSONL -> GoldRecord.

Every reader returns the same records, so the metrics in `redline.evaluate` never see a file format.
Malformed gold (bad JSON or XML, unknown labels, missing text) raises InputError naming the record; an
enormous sentence is kept with a `skip` reason so the run goes on and the report says why it was left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "petrarch"
    if suffix == ".jsonl":
        return "redline"
    if suffix == ".json":
        return "plover"
    raise InputError(f"{path}: cannot tell the gold format from the suffix {suffix!r}; pass --format")


def read_gold(path: str | Path, *, fmt: str | None = None) -> list[GoldRecord]:
    """Read a gold file. fmt: "plover", "petrarch" or "redline"; None guesses from the suffix."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown gold format {fmt!r} (known: {', '.join(FORMATS)})")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    reader = {"plover": read_plover, "petrarch": read_petrarch, "redline": read_redline}[fmt]
    records = reader(text, name=str(path))
    if not records:
        raise InputError(f"{path}: no gold records found (is it a {fmt} gold file?)")
    return _unique_ids(records, strict=fmt == "redline", name=str(path))


def _unique_ids(records: list[GoldRecord], *, strict: bool, name: str) -> list[GoldRecord]:
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


def _sentence_text(raw, where: str) -> tuple[str, str]:
    """Return (text, skip reason) for a gold sentence; missing text is an error, an enormous one a skip."""
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(f"{where}: missing text")
    text = " ".join(raw.split())
    if len(text) > MAX_SENTENCE_CHARS:
        return text, f"sentence has {len(text)} characters (limit {MAX_SENTENCE_CHARS})"
    return text, ""


def _plover_type(label, where: str) -> str:
    if not isinstance(label, str):
        raise InputError(f"{where}: event label {label!r} is not a string")
    up = label.strip().upper()
    up = OLD_LABELS.get(up, up)
    if up not in PLOVER_TYPES:
        raise InputError(f"{where}: unknown event label {label!r} (known: {', '.join(PLOVER_TYPES)})")
    return up


def _date(value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def _plover_actors(value, where: str, field: str, notes: list[str]) -> tuple[GoldActor, ...]:
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, str):
        notes.append(f"{field} is the string {value!r}, not a list of actors: read as no {field}")
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: {field} must be a list of actors, got {type(value).__name__}")
    out = []
    for n, a in enumerate(value):
        if not isinstance(a, dict):
            raise InputError(f"{where}: {field}[{n}] must be an object with actorText/code")
        out.append(GoldActor(a.get("actorText"), country_key(a.get("code")), sector_key(a.get("sector"))))
    return tuple(out)


def read_plover(text: str, *, name: str = "<plover gold>") -> list[GoldRecord]:
    """PLOVER gold JSON (a JSON array; "DOCUMENT" records are headers and are left out)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, list):
        raise InputError(f"{name}: PLOVER gold must be a JSON array of records")
    records = []
    for n, rec in enumerate(data):
        where = f"{name}: record {n}"
        if not isinstance(rec, dict):
            raise InputError(f"{where}: not a JSON object")
        rid = str(rec.get("id") or f"record-{n}")
        where = f"{name}: record {n} ({rid})"
        label = rec.get("event")
        if label == "DOCUMENT":
            continue
        body, skip = _sentence_text(rec.get("text"), where)
        labels = [] if label in (None, "", []) else (label if isinstance(label, list) else [label])
        notes: list[str] = []
        actor = _plover_actors(rec.get("source"), where, "source", notes)
        recipient = _plover_actors(rec.get("target"), where, "target", notes)
        raw_mode = rec.get("mode")
        mode = raw_mode[0] if isinstance(raw_mode, list) and raw_mode else raw_mode
        mode = OLD_MODES.get(mode, mode) if isinstance(mode, str) and mode.strip() else None
        events = tuple(GoldEvent(_plover_type(lab, where), actor, recipient, mode) for lab in labels)
        records.append(GoldRecord(rid, body, events, _date(rec.get("date"), where), "plover",
                                  skip=skip, notes=tuple(notes)))
    return records


_SENTENCE_RE = re.compile(r"<Sentence\b(?P<attrs>[^>]*?)/?>(?P<body>.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_CODING_RE = re.compile(r"<EventCoding\b[^>]*?/>", re.S)
_TEXT_RE = re.compile(r"<Text>(?P<text>.*?)</Text>", re.S)
_PARSE_RE = re.compile(r"<Parse>(?P<parse>.*?)</Parse>", re.S)


def _attrs(tag: str, where: str) -> dict[str, str]:
    """Parse the attributes of one self-contained tag with the XML parser (so bad quoting is an error)."""
    src = tag if tag.rstrip().endswith("/>") else tag.rstrip().rstrip(">") + "/>"
    try:
        return dict(ET.fromstring(src).attrib)
    except ET.ParseError as exc:
        raise InputError(f"{where}: bad XML in {tag[:80]!r}: {exc}") from exc


def _conllu_text(body: str) -> str:
    """The sentence of a CoNLL-U <Parse> block: token forms joined, honouring SpaceAfter=No."""
    m = _PARSE_RE.search(body)
    if not m:
        return ""
    out = []
    for line in m.group("parse").splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(out).strip()


def read_petrarch(text: str, *, name: str = "<petrarch gold>") -> list[GoldRecord]:
    """PETRARCH validation XML: <Sentence/> records with <EventCoding/> triples and <Text>.

    The published files close self-closed <Sentence/> tags again, so a strict XML parser refuses them;
    records are split on their <Sentence> tags and each tag is parsed strictly on its own.
    """
    if "<Sentence" not in text:
        raise InputError(f"{name}: bad XML: no <Sentence> records (is it a PETRARCH validation file?)")
    records = []
    for n, m in enumerate(_SENTENCE_RE.finditer(text)):
        head = "<Sentence" + m.group("attrs") + "/>"
        attrs = _attrs(head, f"{name}: sentence {n}")
        rid = attrs.get("id") or f"sentence-{n}"
        where = f"{name}: sentence {n} ({rid})"
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        body = m.group("body")
        tm = _TEXT_RE.search(body)
        raw = tm.group("text") if tm else ""
        notes = []
        if not raw.strip():
            raw = _conllu_text(body)
            if raw:
                notes.append("empty <Text>: sentence rebuilt from the <Parse> tokens")
        sentence, skip = _sentence_text(raw, where)
        events = []
        for tag in _CODING_RE.findall(body):
            a = _attrs(tag, where)
            if a.get("noevents", "").lower() == "true" or a.get("error"):
                continue
            code = a.get("eventcode", "")
            if not re.fullmatch(r"\d{2,4}", code or "") or not 1 <= int(code[:2]) <= 20:
                raise InputError(f"{where}: unknown CAMEO event code {code!r}")
            src, tgt = a.get("sourcecode"), a.get("targetcode")
            actor = (GoldActor(None, country_key(src), sector_key(src[3:6]) if src else None),)
            recipient = (GoldActor(None, country_key(tgt), sector_key(tgt[3:6]) if tgt else None),) if tgt else ()
            events.append(GoldEvent(code[:2], actor, recipient, cameo=code))
        date = attrs.get("date")
        published = None
        if date and re.fullmatch(r"\d{8}", date):
            published = _date(f"{date[:4]}-{date[4:6]}-{date[6:]}", where)
        records.append(GoldRecord(rid, sentence, tuple(events), published, "cameo",
                                  tags=(attrs.get("category", ""),), skip=skip, notes=tuple(notes)))
    return records


def _redline_actors(value, where: str, field: str) -> tuple[GoldActor, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: {field} must be a list")
    out = []
    for a in value:
        if isinstance(a, str):
            out.append(GoldActor(None, country_key(a)))
        elif isinstance(a, dict) and ("code" in a or "text" in a):
            out.append(GoldActor(a.get("text"), country_key(a.get("code")), sector_key(a.get("sector")),
                                 bool(a.get("standalone", True))))
        else:
            raise InputError(f"{where}: {field} entries are codes or {{text, code, sector}} objects, got {a!r}")
    return tuple(out)


def read_redline(text: str, *, name: str = "<redline gold>") -> list[GoldRecord]:
    """redline gold JSONL: one sentence per line (format in docs/evaluation.md)."""
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}: line {lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: bad JSON at column {exc.colno}: {exc.msg}") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{where}: not a JSON object")
        rid = str(rec.get("id") or f"line-{lineno}")
        where = f"{name}: line {lineno} ({rid})"
        body, skip = _sentence_text(rec.get("text"), where)
        raw_events = rec.get("events")
        if raw_events is None:
            raw_events = []
        if not isinstance(raw_events, list):
            raise InputError(f"{where}: events must be a list (or null for a no-event sentence)")
        events = []
        for k, ev in enumerate(raw_events):
            if not isinstance(ev, dict):
                raise InputError(f"{where}: events[{k}] is not an object")
            fact = ev.get("factuality", "asserted")
            try:
                factuality = Factuality(fact)
            except ValueError as exc:
                known = ", ".join(f.value for f in Factuality)
                raise InputError(f"{where}: events[{k}]: unknown factuality {fact!r} (known: {known})") from exc
            events.append(GoldEvent(
                _plover_type(ev.get("event"), f"{where}: events[{k}]"),
                _redline_actors(ev.get("actor"), where, "actor"),
                _redline_actors(ev.get("recipient"), where, "recipient"),
                ev.get("mode") or None,
                factuality,
            ))
        tags = rec.get("tags") or []
        if not isinstance(tags, list):
            raise InputError(f"{where}: tags must be a list of strings")
        records.append(GoldRecord(rid, body, tuple(events), _date(rec.get("published"), where), "plover",
                                  tuple(str(t) for t in tags), skip))
    return records
