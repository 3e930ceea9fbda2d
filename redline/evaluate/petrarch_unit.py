"""PETRARCH2's unit-test records (PETR.UnitTest.records.xml): how many redline codes as PETRARCH2 expects.

The 284 records use fictional actors (Arnor ARN, Gondor GON, ...) and the small PETR.Validate.* dictionaries the
file's <Environment> names. Unless actor and lexicon files are given, those dictionaries are imported into a
temporary directory with redline's own importers (actors and agents: `actors import-petrarch`; verbs: `lexicon
import-petrarch`), looked for next to the records file and in ../dictionaries. Every record's <Text> is coded by
the real pipeline (redline parses the text itself; the <Parse> trees are not used).

A record passes when the set of (source, target, event code) triples redline codes equals the set PETRARCH2
expects: actor codes compared as country/organisation and PLOVER sector (both sides read by the PETRARCH actor
importer's `split_code`, "---" is no actor), event codes compared in full. Every event counts except negated
ones (PETRARCH codes modal and future statements as the event too). Records that expect no event, or a
PETRARCH error (a parse error, a dateline, a discarded story), pass when redline codes nothing. `passed_loose`
compares countries and the two-digit CAMEO root only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from ..errors import InputError, UsageError
from ..knowledge.actor_petrarch import import_petrarch, split_code
from ..knowledge.lexicon_petrarch import import_petrarch_verbs
from ..knowledge.ontology import load_ontology
from ..records import Article, Document, Factuality, Failure

Triple = tuple[tuple[str | None, str | None], tuple[str | None, str | None], str]


@dataclasses.dataclass(frozen=True, slots=True)
class UnitRecord:
    """One <Sentence> record: its expected triples (codes as written) or the outcome it expects instead."""

    id: str
    category: str
    text: str
    published: dt.date | None
    expected: tuple[tuple[str, str, str], ...]
    expects: str  # "events", "no events" or "error: KIND"


def read_unit_records(path: str | Path) -> tuple[dict[str, str], list[UnitRecord]]:
    """The <Environment> (tag -> text) and the <Sentence> records of a PETRARCH validation file."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"{path}: cannot read PETRARCH unit-test records: {exc}") from exc
    env_node = root.find("Environment")
    env = {c.tag: (c.text or "").strip() for c in env_node} if env_node is not None else {}
    records = []
    for n, s in enumerate(root.iter("Sentence")):
        rid = s.get("id") or f"sentence-{n}"
        text = " ".join((s.findtext("Text") or "").split())
        if not text:
            raise InputError(f"{path}: record {rid}: no <Text>")
        date, published = s.get("date") or "", None
        if re.fullmatch(r"\d{8}", date):
            try:
                published = dt.date(int(date[:4]), int(date[4:6]), int(date[6:]))
            except ValueError as exc:
                raise InputError(f"{path}: record {rid}: bad date {date!r}") from exc
        expected, expects = [], "events"
        for c in s.findall("EventCoding"):
            if c.get("noevents", "").lower() == "true":
                expects = "no events"
            elif c.get("error"):
                expects = f"error: {c.get('error')}"
            elif c.get("eventcode"):
                expected.append((c.get("sourcecode") or "---", c.get("targetcode") or "---", c.get("eventcode")))
            else:
                raise InputError(f"{path}: record {rid}: an <EventCoding> without eventcode, noevents or error")
        records.append(UnitRecord(rid, s.get("category") or "", text, published, tuple(expected),
                                  expects if not expected else "events"))
    if not records:
        raise InputError(f"{path}: no <Sentence> records (is it a PETRARCH unit-test file?)")
    return env, records


def actor_key(code: str) -> tuple[str | None, str | None]:
    """A PETRARCH actor code -> (country or organisation, PLOVER sector); '---' is no actor; texts never match."""
    code = code.strip()
    if code.startswith('"') or "#" in code:
        return f"text:{code}", None
    if code.startswith("---"):
        return None, split_code("~" + code[3:])[1] if code[3:] else None
    return split_code(code)


def expected_triples(rec: UnitRecord) -> set[Triple]:
    return {(actor_key(s), actor_key(t), code) for s, t, code in rec.expected}


def predicted_triples(doc: Document) -> set[Triple]:
    """Every non-negated event as (actor, recipient, CAMEO code) triples, one per actor x recipient."""
    out = set()
    for ev in doc.events:
        if ev.factuality == Factuality.NEGATED:
            continue
        recipients = [(r.code, r.sector) for r in ev.recipient] or [(None, None)]
        for a in ev.actor:
            for r in recipients:
                out.add(((a.code, a.sector), r, ev.cameo))
    return out


def _loose(triples: set[Triple]) -> set[tuple]:
    return {(s[0], t[0], code[:2]) for s, t, code in triples}


def _find(name: str, records_path: Path) -> Path | None:
    for folder in (records_path.parent, records_path.parent.parent / "dictionaries"):
        if (folder / name).is_file():
            return folder / name
    return None


def import_dictionaries(env: dict[str, str], records_path: Path, workdir: Path) -> tuple[str, str, dict]:
    """Import the <Environment>'s actor, agent and verb dictionaries into workdir; (actors, lexicon, what)."""
    names = {tag: env.get(tag) for tag in ("Actorfile", "Agentfile", "Verbfile")}
    missing = [f"{tag} {name!r}" for tag, name in names.items() if not name or _find(name, records_path) is None]
    if missing:
        raise UsageError(f"{records_path}: cannot find the dictionaries its <Environment> names ({', '.join(missing)}) "
                         "next to it or in ../dictionaries; give --actors and --lexicon instead")
    actors = import_petrarch(_find(names["Actorfile"], records_path), kind="actors", strict=False)
    agents = import_petrarch(_find(names["Agentfile"], records_path), kind="agents", strict=False)
    actors.rows.extend(agents.rows)
    actors_path, lexicon_path = workdir / "actors.csv", workdir / "lexicon.txt"
    actors_path.write_text(actors.csv_text(), encoding="utf-8")
    verbs = import_petrarch_verbs(_find(names["Verbfile"], records_path), lexicon_path)
    what = {"actors": f"{names['Actorfile']} + {names['Agentfile']}: {len(actors.rows)} rows, "
                      f"{len(actors.skipped) + len(agents.skipped)} lines skipped",
            "verbs": {"file": names["Verbfile"], **verbs.counts()},
            "not used": f"{env.get('Discardfile') or 'no discard file'} (redline has no discard list)"}
    return str(actors_path), str(lexicon_path), what


def lexicon_codes(lex) -> frozenset[str]:
    """Every CAMEO code some entry of the lexicon gives (verbs, nouns, light-verb overrides)."""
    return frozenset([e.code.cameo for es in lex.verbs.values() for e in es]
                     + [e.code.cameo for es in lex.nouns.values() for e in es]
                     + [c.cameo for ls in lex.light.values() for lv in ls for c in lv.overrides.values()])


def _cause(rec: UnitRecord, expected: set[Triple], predicted: set[Triple], cameo, available) -> str:
    """Why a record did not come out as expected (the first that applies)."""
    if rec.expects.startswith("error"):
        return f"PETRARCH {rec.expects} record (redline parses and codes the text itself)"
    codes = {c for _, _, c in rec.expected}
    if any(c not in cameo for c in codes):
        return "expects a code outside the CAMEO table (a WEIS or test code)"
    if any(cameo[c].plover is None for c in codes):
        return "expects a CAMEO 01x statement, which has no PLOVER event type"
    if any(s.startswith(('"', "#")) or t.startswith(('"', "#")) for s, t, _ in rec.expected):
        return "expects an actor written as text (PETRARCH's new-actor output)"
    if any((t, src, c) in expected for src, t, _ in expected if src != t for c in codes):
        return ("expects events in both directions (a paired [a:b] code, a joint act): redline codes one event, "
                "actor to recipient or all parties as actors")
    targetless = {t for t in expected if t[1] == (None, None)}
    if targetless and predicted == expected - targetless:
        return ("expects a statement with no target ('..., an official said') as an event: redline keeps the "
                "speaker as the claim source")
    if any(c not in available for c in codes):
        return "expects a code no lexicon entry gives (its PETRARCH pattern could not be converted)"
    if rec.expects == "no events":
        return "codes an event where PETRARCH2 codes none"
    if not predicted:
        return "codes no event"
    if {c for *_, c in predicted} != codes:
        return "codes another event code"
    if _loose(predicted) != _loose(expected):
        return "codes other actors or targets (countries)"
    return "codes other sectors, or more or fewer events"


def run_petrarch_unit(path: str | Path, *, actors_file: str | None = None, lexicon_file: str | None = None,
                      limit: int | None = None, with_mistakes: bool = False, settings: dict | None = None) -> dict:
    """Code every record and compare with PETRARCH2's expected triples; counts by category and by cause."""
    from ..knowledge.lexicon import load_lexicon
    from ..pipeline import Context, Pipeline

    path = Path(path)
    env, records = read_unit_records(path)
    records = records[:limit] if limit is not None else records
    with tempfile.TemporaryDirectory(prefix="redline-petrarch-unit-") as tmp:
        imported: dict = {}
        if not (actors_file and lexicon_file):
            a, lx, imported = import_dictionaries(env, path, Path(tmp))
            actors_file, lexicon_file = actors_file or a, lexicon_file or lx
        pipeline = Pipeline(Context(settings=settings, actors_file=actors_file, lexicon_file=lexicon_file))
        articles = [Article(id=r.id, text=r.text, published=r.published, source=f"gold:{r.id}") for r in records]
        outs = list(pipeline.run(articles))
        available = lexicon_codes(load_lexicon(lexicon_file))
    cameo = load_ontology().cameo
    cats: dict[str, Counter] = {}
    causes: Counter = Counter()
    mistakes, skipped = [], []
    for rec, out in zip(records, outs, strict=True):
        c = cats.setdefault(rec.category, Counter())
        c["records"] += 1
        if isinstance(out, Failure):
            skipped.append({"id": rec.id, "reason": f"pipeline failed at {out.stage}: {out.reason}"})
            continue
        expected, predicted = expected_triples(rec), predicted_triples(out)
        ok = predicted == expected if rec.expects == "events" else not predicted
        ok_loose = _loose(predicted) == _loose(expected) if rec.expects == "events" else not predicted
        c["passed"] += ok
        c["passed_loose"] += ok_loose
        if not ok:
            cause = _cause(rec, expected, predicted, cameo, available)
            causes[cause] += 1
            if with_mistakes:
                mistakes.append({"id": rec.id, "category": rec.category, "cause": cause, "text": rec.text,
                                 "expected": sorted(f"{s}>{t}:{e}" for s, t, e in rec.expected) or [rec.expects],
                                 "predicted": sorted(_show(t) for t in predicted)})
    total = Counter()
    for c in cats.values():
        total.update(c)
    report = {"gold": str(path), "scheme": "petrarch-unit", "records": total["records"], "passed": total["passed"],
              "passed_loose": total["passed_loose"],
              "by_category": {k: {"records": v["records"], "passed": v["passed"], "passed_loose": v["passed_loose"]}
                              for k, v in sorted(cats.items())},
              "failures_by_cause": dict(causes.most_common()), "dictionaries": imported or
              {"actors": actors_file, "lexicon": lexicon_file}, "skipped": skipped,
              "notes": ["negated events are left out; records expecting no event or a PETRARCH error pass when "
                        "redline codes nothing"]}
    if with_mistakes:
        report["mistakes"] = mistakes
    return report


def _show(t: Triple) -> str:
    def one(k):
        return f"{k[0] or '---'}{k[1] or ''}"
    return f"{one(t[0])}>{one(t[1])}:{t[2]}"
