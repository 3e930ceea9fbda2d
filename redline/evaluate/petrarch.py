"""PETRARCH validation XML (`PETR2_GSR_validation.xml`) -> GoldRecord, compared at the CAMEO root."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import InputError
from .gold import GoldActor, GoldEvent, GoldRecord, gold_date, sentence_text, country_key, sector_key

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
        sentence, skip = sentence_text(raw, where)
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
            published = gold_date(f"{date[:4]}-{date[4:6]}-{date[6:]}", where)
        records.append(GoldRecord(rid, sentence, tuple(events), published, "cameo",
                                  tags=(attrs.get("category", ""),), skip=skip, notes=tuple(notes)))
    return records
