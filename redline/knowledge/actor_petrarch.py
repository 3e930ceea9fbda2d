"""PETRARCH2 actor and agent dictionaries -> redline's user actor file (CSV), the migration path from PETRARCH.

Actor dictionaries: a primary phrase with an optional default code, "+" synonyms, and tab-indented dated code
restrictions ([USAGOV 450703-470121], [<date], [>date]). Dated entries become person rows (one per restriction);
undated ones become country or group rows. Agent dictionaries: "PHRASE {plural} [~GOV]" rows, with !SUBST!
markers expanded. Codes are split into a country/organisation prefix and a PLOVER sector.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError
from .actor_data import ACTOR_CODE_RE, SECTORS, USER_COLUMNS, split_names

ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
# CAMEO religion codes become REL; these sectors are named differently in CAMEO and PLOVER.
RELIGION = frozenset({"CHR", "MOS", "JEW", "BUD", "HIN", "ISL", "CTH", "PRO", "ORT", "SHI", "SUN", "SIK", "JAN",
                      "ZRO", "CPT", "REL", "MUS", "BAH"})
CAMEO_SECTORS = {"CVL": "CVL", "CIV": "CVL", "OPP": "OPP", "MED": "JRN", "HLH": "MED", "SPY": "SPY", "ELI": "ELI",
                 "IGO": None, "NGO": "SOC", "LAB": "LAB"}
_PRIMARY_RE = re.compile(r"^(?P<phrase>[^\[\];#{]+?)\s*(?:\[(?P<code>[^\]]*)\])?\s*(?:[;#].*)?$")
_RESTRICT_RE = re.compile(r"^\[(?P<code>[A-Za-z0-9]+|-+)(?:\s+(?P<when>[^\]]+))?\]\s*(?:[;#].*)?$")
_AGENT_RE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*(?:[#;].*)?$")
_SUBST_RE = re.compile(r"^(?P<marker>![A-Za-z]+!)\s*=\s*(?P<items>.+)$")


# What a PETRARCH person code says about the role, as the office column of a redline person row (PETRARCH has
# no titles: "USAGOV" says only that the person acted for the US government in that period).
ROLE_OFFICES = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "PTY": "political party", "REB": "rebel group", "OPP": "opposition", "CVL": "civilian", "BUS": "business",
    "JRN": "media", "MED": "health", "REF": "refugees", "SPY": "intelligence", "UAF": "armed group",
    "ELI": "elite (former official or public figure)", "EDU": "education", "LAB": "labour", "REL": "religion",
    "SOC": "civil society", "PRE": "local government", "CRM": "criminal", "AGR": "agriculture", "PRM": "premier",
    "UNK": "unknown role",
}
# Words written in lower case inside names ("Bank of America", "Abdullah al Thani") unless they come first.
_LOWER_WORDS = frozenset("of the and for de del della der di du da la le les al el ad ash as ar az ul ud bin ibn "
                         "van von y on in at to a an".split())


@dataclass(slots=True)
class ImportReport:
    """What an import wrote and what it left out (with file:line and the reason).

    known: names left out because the built-in knowledge base already has them, as
    "file:line: 'name' is built in (CODE); PETRARCH says CODE".
    """

    kind: str
    rows: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(USER_COLUMNS), lineterminator="\n")
        w.writeheader()
        for r in self.rows:
            w.writerow({k: r.get(k, "") for k in USER_COLUMNS})
        return buf.getvalue()


def import_petrarch(path: str | Path, out: str | Path | None = None, *, kind: str = "auto",
                    strict: bool = False, known=None) -> ImportReport:
    """Convert a PETRARCH actor or agent dictionary into a redline actor file (written to `out` when given).

    kind: "actors", "agents" or "auto" (agents when entries carry [~CODE] agent codes).
    strict: raise KnowledgeError (file:line: problem) at the first malformed line; by default such lines are
    skipped and listed in `report.skipped` (real-world dictionaries carry a few broken dates and codeless lines).
    known: a Knowledge base (the built-in one); names it already resolves are left out (listed in
    `report.known`), and a person it already knows by any name is left out whole. A user file wins over the
    built-in knowledge, so importing what redline already knows would replace curated entries (dated offices,
    sectors of capitals and parliaments) with PETRARCH's coarser codes.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read PETRARCH dictionary: {exc}") from exc
    if kind == "auto":
        kind = "agents" if any("[~" in ln or "~]" in ln for ln in lines) else "actors"
    if kind not in ("actors", "agents"):
        raise KnowledgeError(f"{path}: unknown dictionary kind {kind!r} (actors, agents or auto)")
    report = _agents(path, lines, strict) if kind == "agents" else _actors(path, lines, strict)
    if known is not None:
        _leave_out_known(report, known)
    if not report.rows:
        raise KnowledgeError(f"{path}: no {kind} entries found (is this a PETRARCH {kind} dictionary?)")
    if out is not None:
        try:
            Path(out).write_text(report.csv_text(), encoding="utf-8")
        except OSError as exc:
            raise KnowledgeError(f"{out}: cannot write actor file: {exc}") from exc
    return report


def split_code(code: str) -> tuple[str | None, str | None]:
    """'USAGOV' -> ('USA', 'GOV'); 'IGOUNO' -> ('UNO', None); '~MIL' -> (None, 'MIL').

    An agent code (written with '~') is all sector chunks; an actor code starts with its country or organisation.
    """
    agent = code.strip().startswith("~")
    code = code.strip().strip("~").upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, None
    head = chunks[0]
    rest = chunks[1:]
    if head in ORG_PREFIXES:
        actor = rest[0] if rest and rest[0] not in SECTORS else head
        rest = rest[1:] if rest and rest[0] not in SECTORS else rest
    elif agent:
        actor, rest = None, chunks
    else:
        actor = head
    for c in rest:
        sector = _sector(c)
        if sector:
            return actor, sector
    return actor, None


def _sector(chunk: str) -> str | None:
    if chunk in SECTORS:
        return chunk
    if chunk in RELIGION:
        return "REL"
    return CAMEO_SECTORS.get(chunk)


def _phrase(raw: str, *, person: bool = False) -> str:
    """PETRARCH phrase -> name: underscores and blanks to spaces, upper-case words capitalised ("JOE_BIDEN_" ->
    "Joe Biden"), joining words in lower case ("BANK_OF_AMERICA" -> "Bank of America"). Outside person names,
    upper-case words of up to three letters and dotted ones stay as written: they are usually acronyms (UN, U.S.).
    """
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    out = []
    for i, w in enumerate(words):
        if not w.isupper():
            out.append(w)
        elif w.lower() in _LOWER_WORDS:
            out.append(w.lower() if i > 0 else w.capitalize())
        elif not person and (len(w) <= 3 or "." in w):
            out.append(w)
        else:
            out.append("-".join(_capitalise(part) for part in w.split("-")))  # Ter-Petrosyan
    return " ".join(out)


def _capitalise(word: str) -> str:
    """JOE -> Joe; O'NEILL -> O'Neill (a one-letter prefix); SHA'BIYAH -> Sha'biyah."""
    head, apostrophe, tail = word.partition("'")
    if apostrophe and len(head) == 1:
        return head.upper() + "'" + tail.capitalize()
    return word.capitalize()


def _office(code: str, sector: str | None) -> str:
    """The office column of an imported person row: the role the PETRARCH code gives, in words."""
    return ROLE_OFFICES.get(sector or "UNK", f"role {sector}")


def _leave_out_known(report: ImportReport, kb) -> None:
    """Drop names the built-in knowledge base resolves, and people it knows by any of their names."""
    rows = []
    people: dict[str, list[dict]] = {}
    for r in report.rows:
        if r["kind"] == "person":
            people.setdefault(r["id"], []).append(r)
            continue
        names = split_names(r["names"])
        keep = [n for n in names if not _known_as(kb, n, r, report)]
        if keep:
            rows.append({**r, "names": ";".join(keep)})
    for pid, prows in people.items():
        names = split_names(prows[0]["names"])
        built_in = [n for n in names if any(e.kind == "person" for e in kb.lookup(n))]
        if built_in:
            code = kb.lookup(built_in[0])[0].code
            report.known.append(f"{prows[0].get('where', pid)}: person '{built_in[0]}' is built in ({code}); "
                                f"PETRARCH says {'/'.join(dict.fromkeys(r['code'] for r in prows))}")
            continue
        keep = [n for n in names if not _known_as(kb, n, prows[0], report)]
        if keep:
            rows.extend({**r, "names": ";".join(keep)} for r in prows)
    report.rows = rows


def _known_as(kb, name: str, row: dict, report: ImportReport) -> bool:
    entries = kb.lookup(name)
    if not entries:
        return False
    report.known.append(f"{row.get('where', '?')}: '{name}' is built in ({entries[0].code or entries[0].sector}); "
                        f"PETRARCH says {row['code'] or row['sector']}")
    return True


def _date(value: str, where: str) -> dt.date:
    v = value.strip()
    try:
        if len(v) == 8:
            return dt.date(int(v[:4]), int(v[4:6]), int(v[6:]))
        if len(v) == 6:  # YYMMDD: years up to 30 are 20xx (TABARI's convention for current leaders)
            yy = int(v[:2])
            return dt.date((2000 if yy <= 30 else 1900) + yy, int(v[2:4]), int(v[4:]))
    except ValueError:
        pass
    raise KnowledgeError(f"{where}: bad date {value!r} (expected YYYYMMDD or YYMMDD)")


def _restriction(when: str | None, where: str) -> tuple[dt.date | None, dt.date | None]:
    if not when:
        return None, None
    when = when.strip()
    if when.startswith("<"):
        return None, _date(when[1:], where)
    if when.startswith(">"):
        return _date(when[1:], where), None
    if "-" in when:
        a, b = when.split("-", 1)
        start, end = _date(a, where), _date(b, where)
        if end < start:
            raise KnowledgeError(f"{where}: date restriction {when!r} ends before it starts")
        return start, end
    raise KnowledgeError(f"{where}: bad date restriction {when!r} (expected <date, >date or date-date)")


def _actors(path: Path, lines: list[str], strict: bool) -> ImportReport:
    report = ImportReport("actors")
    entry: dict | None = None
    count = 0

    def flush() -> None:
        nonlocal entry, count
        if entry is None:
            return
        person = bool(entry["dated"])
        phrases = list(dict.fromkeys(_phrase(p, person=person) for p in entry["names"]))
        names = ";".join(phrases)
        if person:
            count += 1
            pid = f"petrarch_{count}_{re.sub(r'[^a-z0-9]+', '_', phrases[0].lower()).strip('_')}"
            for code, start, end, where in entry["dated"]:
                actor, sector = split_code(code)
                if actor is None or not ACTOR_CODE_RE.match(actor):
                    report.skipped.append(f"{where}: code {code!r} names no country or organisation")
                    continue
                report.rows.append({"kind": "person", "names": names, "code": actor, "sector": sector or "UNK",
                                    "office": _office(code, sector), "start": start.isoformat() if start else "",
                                    "end": end.isoformat() if end else "", "id": pid, "where": entry["where"]})
        elif entry["code"] and not entry["code"].startswith("-"):
            actor, sector = split_code(entry["code"])
            if actor is None or not ACTOR_CODE_RE.match(actor):
                report.skipped.append(f"{entry['where']}: code {entry['code']!r} names no country or organisation")
            else:
                kind = "country" if sector is None and len(actor) == 3 and actor not in ORG_PREFIXES else "group"
                report.rows.append({"kind": kind, "names": names, "code": actor, "sector": sector or "",
                                    "where": entry["where"]})
        else:
            report.skipped.append(f"{entry['where']}: '{phrases[0]}' has no code and no dated codes")
        entry = None

    def step(n: int, raw: str) -> None:
        nonlocal entry
        where = f"{path}:{n}"
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!--"):
            return
        if stripped.startswith("["):  # a dated restriction of the current entry
            if entry is None:
                raise KnowledgeError(f"{where}: code restriction {stripped!r} before any actor phrase")
            m = _RESTRICT_RE.match(stripped)
            if not m:
                raise KnowledgeError(f"{where}: malformed code restriction {stripped!r} (expected [CODE date-date])")
            start, end = _restriction(m.group("when"), where)
            if m.group("code").startswith("-"):  # "---": no code in that period
                return
            if m.group("when"):
                entry["dated"].append((m.group("code"), start, end, where))
            else:
                entry["code"] = m.group("code")
            return
        if stripped.startswith("+"):
            if entry is None:
                raise KnowledgeError(f"{where}: synonym {stripped!r} before any actor phrase")
            m = _PRIMARY_RE.match(stripped[1:])
            if not m or not m.group("phrase").strip():
                raise KnowledgeError(f"{where}: malformed synonym line {stripped!r}")
            entry["names"].append(m.group("phrase"))
            if m.group("code") and not entry["code"]:
                entry["code"] = m.group("code")
            return
        if line[:1] in (" ", "\t") and entry is not None and not stripped.startswith("+"):
            raise KnowledgeError(f"{where}: indented line {stripped!r} is neither a synonym (+) nor a [code]")
        m = _PRIMARY_RE.match(stripped)
        if not m or not m.group("phrase").strip() or "]" in m.group("phrase"):
            raise KnowledgeError(f"{where}: malformed actor line {stripped!r} (expected PHRASE [CODE])")
        flush()
        entry = {"names": [m.group("phrase")], "code": m.group("code") or "", "dated": [], "where": where}

    for n, raw in enumerate(lines, 1):
        try:
            step(n, raw)
        except KnowledgeError as exc:
            if strict:
                raise
            report.skipped.append(str(exc))
    flush()
    return report


def _agents(path: Path, lines: list[str], strict: bool) -> ImportReport:
    report = ImportReport("agents")
    subst: dict[str, list[str]] = {}
    for n, raw in enumerate(lines, 1):
        try:
            _agent_line(path, n, raw, subst, report)
        except KnowledgeError as exc:
            if strict:
                raise
            report.skipped.append(str(exc))
    return report


def _agent_line(path: Path, n: int, raw: str, subst: dict[str, list[str]], report: ImportReport) -> None:
    where = f"{path}:{n}"
    stripped = raw.strip()
    if not stripped or stripped.startswith("#") or stripped.startswith("<!--"):
        return
    m = _SUBST_RE.match(stripped)
    if m:
        subst[m.group("marker").upper()] = [x.strip() for x in re.split(r"[,#]", m.group("items")) if x.strip()]
        return
    m = _AGENT_RE.match(stripped)
    if not m:
        raise KnowledgeError(f"{where}: malformed agent line {stripped!r} (expected PHRASE {{plural}} [~CODE])")
    code = m.group("code").strip()
    if "~" not in code:
        raise KnowledgeError(f"{where}: agent code {code!r} lacks '~' (write [~GOV] or [NGO~])")
    actor, sector = split_code(code)
    if code.endswith("~") and sector is None:  # "NGO~": an organisation prefix, coded SOC
        sector = "SOC"
    if sector is None:
        report.skipped.append(f"{where}: agent code {code!r} has no PLOVER sector")
        return
    phrases = _expand(m.group("phrase"), subst, where)
    plural = m.group("plural")
    names = [_phrase(p).lower() for p in phrases]
    if plural:
        names.extend(_phrase(x).lower() for x in _expand(plural, subst, where))
    row = {"kind": "agent", "names": ";".join(dict.fromkeys(names)), "sector": sector,
           "code": actor if actor in ORG_PREFIXES else "", "where": where}
    report.rows.append(row)


def _expand(phrase: str, subst: dict[str, list[str]], where: str) -> list[str]:
    markers = re.findall(r"![A-Za-z]+!", phrase)
    out = [phrase]
    for mk in markers:
        items = subst.get(mk.upper())
        if items is None:
            raise KnowledgeError(f"{where}: substitution marker {mk} is used before it is defined")
        out = [p.replace(mk, it) for p in out for it in items]
    return out
