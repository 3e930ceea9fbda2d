"""The real-article gold format: whole articles from a corpus, every sentence of their first 15 annotated.

A gold line names an article, one sentence's span in the article's raw corpus text and a hash of it, and the
events a careful coder finds there (docs/annotation.md). No news text is stored: `read_realnews` reads
the annotations, `attach_text` takes each sentence's text from the corpus and checks its hash. A line whose
article is missing or whose hash does not match is set aside with the reason; the rest is still scored.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry

from ..errors import InputError
from ..records import Factuality
from .corpus import CorpusArticle, text_hash
from .gold import PLOVER_TYPES, GoldActor, GoldEvent, GoldRecord, gold_date, plover_type

PRECISIONS = ("day", "month", "year", "unknown")
TAGS = ("caption", "furniture", "headline", "quote", "background", "opinion", "question")
GROUP_CODES = ("IMG", "NGO", "IGO", "MNC", "ISM")
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO",
})


@lru_cache(maxsize=1)
def organisation_codes() -> frozenset[str]:
    """Codes of the international bodies in the knowledge base (igos.csv), which gold may use as actor codes."""
    text = resources.files("redline.knowledge").joinpath("data/actors/igos.csv").read_text(encoding="utf-8")
    codes = set()
    for line in text.splitlines()[1:]:
        if line and not line.startswith(("#", "code,")):
            codes.add(line.split(",", 1)[0].strip())
    return frozenset(codes)


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    countries = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    return frozenset(countries | organisation_codes() | set(GROUP_CODES))


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    country: str | None


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """Where a gold sentence sits: article id, sentence number, raw-text span and its hash."""

    article: str
    n: int
    start: int
    end: int
    sha: str


@dataclass(frozen=True, slots=True)
class RealnewsRecord:
    """One annotated sentence: its span, the gold record (text filled from the corpus) and who annotated it."""

    span: SentenceSpan
    record: GoldRecord
    annotator: str = ""


def _actors(value, where: str, field: str) -> tuple[GoldActor, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: {field} must be a list of {{text, code, sector}} objects")
    out = []
    for k, a in enumerate(value):
        if not isinstance(a, dict):
            raise InputError(f"{where}: {field}[{k}] must be an object with text, code and sector")
        code = a.get("code")
        if code is not None:
            if not isinstance(code, str) or code.strip().upper() not in known_codes():
                raise InputError(f"{where}: {field}[{k}]: unknown code {code!r} (ISO alpha-3, an organisation "
                                 "code of igos.csv, IMG or NGO; null when the country cannot be told)")
            code = code.strip().upper()
        sector = a.get("sector")
        if sector is not None and (not isinstance(sector, str) or sector.strip().upper() not in SECTORS):
            raise InputError(f"{where}: {field}[{k}]: unknown sector {sector!r}")
        if code is None and sector is None:
            raise InputError(f"{where}: {field}[{k}]: an actor needs a code or a sector")
        text = a.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: {field}[{k}]: text (the words naming the party) is missing")
        out.append(GoldActor(text, code, sector.strip().upper() if sector else None))
    return tuple(out)


def _place(value, where: str) -> GoldPlace | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"].strip():
        raise InputError(f"{where}: place must be null or {{text, country}}")
    country = value.get("country")
    if country is not None and (not isinstance(country, str) or country.upper() not in known_codes()):
        raise InputError(f"{where}: place country {country!r} is not an ISO alpha-3 code")
    return GoldPlace(value["text"], country.upper() if country else None)


def _event(ev, where: str) -> GoldEvent:
    if not isinstance(ev, dict):
        raise InputError(f"{where}: not an object")
    etype = plover_type(ev.get("event"), where)
    fact = ev.get("factuality")
    try:
        factuality = Factuality(fact)
    except ValueError as exc:
        raise InputError(f"{where}: factuality {fact!r} is not one of {', '.join(f.value for f in Factuality)}") from exc
    precision = ev.get("date_precision")
    if precision not in PRECISIONS:
        raise InputError(f"{where}: date_precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    date = gold_date(ev.get("date"), where)
    if (date is None) != (precision == "unknown"):
        raise InputError(f"{where}: date {ev.get('date')!r} and date_precision {precision!r} disagree "
                         "(a null date has precision 'unknown', and only it)")
    mode = ev.get("mode")
    if mode is not None and (not isinstance(mode, str) or not mode.strip()):
        raise InputError(f"{where}: mode must be a mode name or null")
    actor = _actors(ev.get("actor"), where, "actor")
    if not actor:
        raise InputError(f"{where}: an event needs at least one actor")
    return GoldEvent(etype, actor, _actors(ev.get("recipient"), where, "recipient"), mode or None, factuality,
                     date=date, date_precision=precision, place=_place(ev.get("place"), where),
                     trigger=ev.get("trigger") if isinstance(ev.get("trigger"), str) else None)


def parse_line(line: str, where: str) -> RealnewsRecord:
    """One gold line -> RealnewsRecord (text still empty). Malformed lines raise InputError naming the line."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: bad JSON at column {exc.colno}: {exc.msg}") from exc
    if not isinstance(rec, dict):
        raise InputError(f"{where}: not a JSON object")
    for key, kind in (("article", str), ("n", int), ("start", int), ("end", int), ("sha", str)):
        if not isinstance(rec.get(key), kind) or isinstance(rec.get(key), bool):
            raise InputError(f"{where}: field {key!r} must be a {kind.__name__}")
    if not 0 <= rec["start"] < rec["end"]:
        raise InputError(f"{where}: span {rec['start']}..{rec['end']} is empty or negative")
    span = SentenceSpan(rec["article"], rec["n"], rec["start"], rec["end"], rec["sha"])
    where = f"{where} ({span.article}#{span.n})"
    raw_events = rec.get("events")
    if not isinstance(raw_events, list):
        raise InputError(f"{where}: events must be a list ([] for a sentence with no event)")
    events = tuple(_event(ev, f"{where}: events[{k}]") for k, ev in enumerate(raw_events))
    tags = rec.get("tags") or []
    if not isinstance(tags, list) or any(t not in TAGS for t in tags):
        raise InputError(f"{where}: tags must be a list drawn from {', '.join(TAGS)}")
    record = GoldRecord(f"{span.article}#{span.n}", "", events, None, "plover", tuple(tags))
    return RealnewsRecord(span, record, str(rec.get("annotator") or ""))


def read_realnews(text: str, *, name: str = "<realnews gold>") -> list[RealnewsRecord]:
    """Every line of a real-article gold file; ids must be unique."""
    out, seen = [], set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rec = parse_line(line, f"{name}: line {lineno}")
        if rec.record.id in seen:
            raise InputError(f"{name}: line {lineno}: sentence {rec.record.id} appears twice")
        seen.add(rec.record.id)
        out.append(rec)
    if not out:
        raise InputError(f"{name}: no gold sentences found (is it a realnews gold file?)")
    return out


def read_realnews_file(path: str | Path) -> list[RealnewsRecord]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    return read_realnews(text, name=str(path))


def attach_text(records: list[RealnewsRecord], corpus: dict[str, CorpusArticle]) -> tuple[list[RealnewsRecord], list[dict]]:
    """Fill each record's text and publication date from the corpus; (usable records, set-aside with reasons)."""
    import datetime as dt

    good, bad = [], []
    for r in records:
        art = corpus.get(r.span.article)
        if art is None:
            bad.append({"id": r.record.id, "reason": f"article {r.span.article} is not in the corpus"})
            continue
        if r.span.end > len(art.text):
            bad.append({"id": r.record.id, "reason": f"span {r.span.start}..{r.span.end} runs past the article "
                                                     f"({len(art.text)} characters)"})
            continue
        text = art.text[r.span.start:r.span.end]
        if text_hash(text) != r.span.sha:
            bad.append({"id": r.record.id, "reason": f"text hash mismatch: the corpus text at "
                                                     f"{r.span.start}..{r.span.end} is not the annotated sentence"})
            continue
        try:
            published = dt.date.fromisoformat(art.date) if art.date else None
        except ValueError:
            published = None
        good.append(dataclasses.replace(r, record=dataclasses.replace(
            r.record, text=" ".join(text.split()), published=published)))
    return good, bad


@dataclass(frozen=True, slots=True)
class RealnewsRun:
    """What coding the gold articles gave: gold records, predictions, per-article results, set-aside lines."""

    records: list
    predictions: list
    results: list
    bad: list
    articles: int


def code_realnews(path: str | Path, corpus_path: str | Path, *, pipeline, limit: int | None = None) -> RealnewsRun:
    """Code the articles of a real-article gold file and hand each gold sentence its predicted events."""
    import datetime as dt
    from itertools import groupby

    from .articles import ArticleJob, run_articles
    from .corpus import read_corpus
    from .metrics import Prediction, predicted_event

    records = read_realnews_file(path)
    corpus = read_corpus(corpus_path, ids={r.span.article for r in records})
    good, bad = attach_text(records, corpus)
    good.sort(key=lambda r: (r.span.article, r.span.n))
    articles = [list(g) for _, g in groupby(good, key=lambda r: r.span.article)]
    if limit is not None:
        articles = articles[:limit]
    jobs = []
    for group in articles:
        art = corpus[group[0].span.article]
        try:
            published = dt.date.fromisoformat(art.date) if art.date else None
        except ValueError:
            published = None
        jobs.append(ArticleJob(art.id, art.text, published, art.title,
                               tuple((r.record.id, r.span.start, r.span.end) for r in group)))
    predictions: list[Prediction] = []
    results = list(run_articles(jobs, pipeline=pipeline))
    for res in results:
        for gid, _, _ in res.job.spans:
            if res.failure is not None:
                predictions.append(Prediction(gid, skip=f"pipeline failed at {res.failure.stage}: {res.failure.reason}"))
                continue
            evs = [predicted_event(e, scheme="realnews") for e in res.events.get(gid, [])]
            predictions.append(Prediction(gid, tuple(e for e in evs if e is not None)))
    return RealnewsRun([r.record for group in articles for r in group], predictions, results, bad, len(jobs))


def run_realnews(path: str | Path, corpus_path: str | Path, *, pipeline, limit: int | None = None,
                 with_errors: bool = False, with_mistakes: bool = False) -> dict:
    """Score the pipeline on a real-article gold file: whole articles coded, events assigned to gold sentences.

    limit: only the first N articles of the file. Lines whose article is missing or whose hash does not match
    are reported under "skipped" with the reason; the rest is scored.
    """
    from .calibration import calibration_report, pr_curve
    from .matching import actors_in_context
    from .metrics import score
    from .runner import event_extras, scored_pairs, sentence_trace

    run = code_realnews(path, corpus_path, pipeline=pipeline, limit=limit)
    predictions, results, bad = run.predictions, run.results, run.bad
    gold_records = run.records
    report = score(gold_records, predictions, with_mistakes=with_mistakes)
    report["notes"] = [n for n in report["notes"] if not n.startswith("actor accuracy not measured")]
    pairs = scored_pairs(gold_records, predictions)
    actors = actors_in_context(pairs)
    report["actor_country_accuracy"], report["counts"]["actors"] = actors["country"]
    report["sector_accuracy"], report["counts"]["sectors"] = actors["sector"]
    report.update(event_extras(pairs, report))
    report["skipped"] = bad + report["skipped"]
    report["articles"] = run.articles
    calibration = calibration_report(pairs)
    report["confidence_calibration_error"] = calibration["expected_calibration_error"]
    report["confidence_brier"] = calibration["brier"]
    report["counts"]["confidence_events"] = calibration["events"]
    report["pr_curve"] = pr_curve(pairs)
    if with_errors:
        from .error_report import error_rows

        reasons: dict[str, list[str]] = {}
        by_id = {p.id: p for p in predictions}
        rec_by_id = {r.id: r for r in gold_records}
        for res in results:
            if res.doc is None:
                continue
            for gid, _, _ in res.job.spans:
                rec = rec_by_id[gid]
                pred_types = {e.event for e in by_id[gid].asserted}
                if any(g.event not in pred_types for g in rec.asserted):
                    idx = res.sentence_of.get(gid)
                    reasons[gid] = (sentence_trace(res.doc, idx, pipeline) if idx is not None
                                    else ["the sentence was not found among the coded sentences (removed by cleaning?)"])
        report["errors"] = error_rows(pairs, reasons=reasons)
    return {"gold": str(path), "scheme": "realnews", "corpus": str(corpus_path), **report}


__all__ = ["PLOVER_TYPES", "GoldPlace", "RealnewsRecord", "SentenceSpan", "attach_text", "known_codes",
           "organisation_codes", "parse_line", "read_realnews", "read_realnews_file", "run_realnews", "code_realnews",
           "RealnewsRun"]
