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
from .actor_data import _CODE_RE, SECTORS, USER_COLUMNS

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


@dataclass(slots=True)
class ImportReport:
    """What an import wrote and what it left out (with file:line and the reason)."""

    kind: str
    rows: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(USER_COLUMNS), lineterminator="\n")
        w.writeheader()
        for r in self.rows:
            w.writerow({k: r.get(k, "") for k in USER_COLUMNS})
        return buf.getvalue()


def import_petrarch(path: str | Path, out: str | Path | None = None, *, kind: str = "auto",
                    strict: bool = True) -> ImportReport:
    """Convert a PETRARCH actor or agent dictionary into a redline actor file (written to `out` when given).

    kind: "actors", "agents" or "auto" (agents when entries carry [~CODE] agent codes).
    strict: raise KnowledgeError (file:line: problem) at the first malformed line; when False, skip such lines
    and list them in `report.skipped` (real-world dictionaries carry a few broken dates and codeless lines).
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


def _phrase(raw: str) -> str:
    """PETRARCH phrase -> name: underscores and blanks to spaces; upper-case words of 4+ letters capitalised
    (short words and dotted ones stay as written: they are usually acronyms)."""
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    return " ".join(w if len(w) <= 3 or "." in w or not w.isupper() else w.capitalize() for w in words)


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
        names = ";".join(dict.fromkeys(entry["names"]))
        if entry["dated"]:
            count += 1
            pid = f"petrarch_{count}_{re.sub(r'[^a-z0-9]+', '_', entry['names'][0].lower()).strip('_')}"
            for code, start, end, where in entry["dated"]:
                actor, sector = split_code(code)
                if actor is None or not _CODE_RE.match(actor):
                    report.skipped.append(f"{where}: code {code!r} names no country or organisation")
                    continue
                report.rows.append({"kind": "person", "names": names, "code": actor, "sector": sector or "UNK",
                                    "office": code, "start": start.isoformat() if start else "",
                                    "end": end.isoformat() if end else "", "id": pid})
        elif entry["code"] and not entry["code"].startswith("-"):
            actor, sector = split_code(entry["code"])
            if actor is None or not _CODE_RE.match(actor):
                report.skipped.append(f"{entry['where']}: code {entry['code']!r} names no country or organisation")
            else:
                kind = "country" if sector is None and len(actor) == 3 and actor not in ORG_PREFIXES else "group"
                report.rows.append({"kind": kind, "names": names, "code": actor, "sector": sector or ""})
        else:
            report.skipped.append(f"{entry['where']}: '{entry['names'][0]}' has no code and no dated codes")
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
            entry["names"].append(_phrase(m.group("phrase")))
            if m.group("code") and not entry["code"]:
                entry["code"] = m.group("code")
            return
        if line[:1] in (" ", "\t") and entry is not None and not stripped.startswith("+"):
            raise KnowledgeError(f"{where}: indented line {stripped!r} is neither a synonym (+) nor a [code]")
        m = _PRIMARY_RE.match(stripped)
        if not m or not m.group("phrase").strip() or "]" in m.group("phrase"):
            raise KnowledgeError(f"{where}: malformed actor line {stripped!r} (expected PHRASE [CODE])")
        flush()
        entry = {"names": [_phrase(m.group("phrase"))], "code": m.group("code") or "", "dated": [], "where": where}

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
           "code": actor if actor in ORG_PREFIXES else ""}
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
