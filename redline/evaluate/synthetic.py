"""NGEC's synthetic stories as a rough recall check on text no rule was written from.

The NGEC project (Halterman) released 4,500 machine-written news stories, each continued by a language model from
a headline written to show one PLOVER event type (the row's `label`, often with a `mode`). The labels are the
headline's intent, not a coder's reading of the story, so the set measures **recall only, roughly**: a story counts
as found when redline codes any asserted event of its label's type anywhere in it. Other events in a story are not
false positives (a story about a strike may also report arrests), so no precision is reported.

The 4,500 stories come from 332 headline templates (`title`, with `{country_1}`, `{country_2}`, `{city}` slots
filled in `prompt`), twelve stories each. Stories of one template share their wording, so the set is split by
template: a template whose sha256 starts with an even hex digit is **dev** (rules may be written from its misses),
the others are **test** (report only). Besides type recall per label and mode, `party_recall` is the share of
stories whose label event (any found one) has the headline's first country as actor or recipient, by the actor
knowledge base's reading of that country's name, and `city_place_recall` the share of stories with a `{city}` slot
whose found label event is placed at that city; both count only stories whose text names that country or city
(a story that never names it cannot give it to the event).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from .gold import GoldEvent, GoldRecord
from .metrics import Prediction, predicted_event, score

SPLITS = ("dev", "test", "all")
COLUMNS = ("text", "title", "prompt", "label", "mode")
# The file's own spellings of PLOVER mode names that differ from the manual's.
MODE_SPELLINGS = {"primative": "primitive", "sieze": "seize"}
_SLOT_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Story:
    """One synthetic story: its id (row number), template, filled headline, body, label, mode and slot fills."""

    id: str
    template: str
    headline: str
    text: str
    label: str
    mode: str | None
    slots: tuple[tuple[str, str], ...] = ()

    @property
    def split(self) -> str:
        return template_split(self.template)


def template_split(template: str) -> str:
    """"dev" or "test": the template's sha256 starts with an even or an odd hex digit."""
    return "dev" if int(hashlib.sha256(template.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


def slot_fills(template: str, headline: str) -> tuple[tuple[str, str], ...]:
    """The words each slot of the template took in the filled headline ((slot, text), ...); () when it differs."""
    parts = _SLOT_RE.split(template)
    pattern, names = "", []
    for i, part in enumerate(parts):
        if i % 2:
            names.append(part)
            pattern += "(.+?)"
        else:
            pattern += re.escape(part)
    match = re.fullmatch(pattern, headline.strip())
    return tuple(zip(names, match.groups(), strict=True)) if match else ()


def names(text: str, name: str) -> bool:
    """Does the text name `name` as a whole word ("Niger" is not named by "Nigeria" or "Nigerian")?"""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE) is not None


def _same_place(city: str, place) -> bool:
    """Does the event's place name the headline's city (its gazetteer name or the words the text used)?"""
    want = city.strip().casefold()
    return want in (place.name.casefold(), place.text.strip().casefold())


def _csv_text(path: Path) -> str:
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".csv")]
                if len(names) != 1:
                    raise InputError(f"{path}: expected one .csv inside the zip, found {len(names)}")
                return zf.read(names[0]).decode("utf-8")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


def read_stories(path: str | Path, *, types: set[str]) -> list[Story]:
    """Every story of the CSV (or the zip holding it); a missing column or an unknown label is an InputError."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_csv_text(path)))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"{path}: not an NGEC synthetic-stories file (missing columns: {', '.join(missing)})")
    stories = []
    for n, row in enumerate(reader, start=1):
        label = (row["label"] or "").strip().upper()
        if label not in types:
            raise InputError(f"{path}: row {n}: unknown PLOVER label {row['label']!r}")
        mode = (row["mode"] or "").strip().lower() or None
        headline = (row["prompt"] or "").split("\n", 1)[0].strip()
        stories.append(Story(f"ngec-{n}", row["title"] or "", headline, row["text"] or "", label,
                             MODE_SPELLINGS.get(mode, mode) if mode else None,
                             slot_fills(row["title"] or "", headline)))
    if not stories:
        raise InputError(f"{path}: no stories found")
    return stories


def run_synthetic(path: str | Path, *, pipeline, split: str = "dev", limit: int | None = None,
                  with_errors: bool = False) -> dict:
    """Code every story of one split as a whole article and report recall by label (see the module docstring)."""
    from ..knowledge.actors import load_knowledge
    from ..knowledge.ontology import load_ontology
    from .articles import ArticleJob, run_articles
    from .gold import country_key

    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r} for the synthetic stories (known: {', '.join(SPLITS)})")
    ontology = load_ontology()
    stories = [s for s in read_stories(path, types=set(ontology.types)) if split == "all" or s.split == split]
    if limit is not None:
        stories = stories[:limit]
    jobs = [ArticleJob(s.id, s.text, None, s.headline) for s in stories]
    knowledge = load_knowledge(pipeline.ctx)
    records, preds, skipped = [], [], []
    party_hits = party_n = place_hits = place_n = 0
    per_label: dict[str, Counter] = {}
    for story, res in zip(stories, run_articles(jobs, pipeline=pipeline), strict=True):
        modes = ontology.types[story.label].modes
        mode = story.mode if story.mode in modes else None
        records.append(GoldRecord(story.id, story.text, (GoldEvent(story.label, mode=mode),), None, "plover",
                                  (f"{story.label}/{story.mode or '-'}",)))
        if res.failure is not None:
            skipped.append({"id": story.id, "reason": f"pipeline failed at {res.failure.stage}: {res.failure.reason}"})
            preds.append(Prediction(story.id, skip=skipped[-1]["reason"]))
            continue
        pred = Prediction(story.id, tuple(pe for pe in (predicted_event(e) for e in res.doc.events) if pe is not None))
        preds.append(pred)
        found = [pe for pe in pred.asserted if pe.event == story.label]
        row = per_label.setdefault(f"{story.label}/{story.mode or '-'}", Counter())
        row["stories"] += 1
        row["found"] += bool(found)
        row["any"] += bool(pred.asserted)
        first = dict(story.slots).get("country_1")
        if found and first and names(story.text, first):
            code = country_key(knowledge.resolve(first).code)
            if code:
                party_n += 1
                party_hits += any(code in (*pe.actor, *pe.recipient) for pe in found)
        city = dict(story.slots).get("city")
        if found and city and names(story.text, city):
            place_n += 1
            place_hits += any(pe.source is not None and pe.source.event_loc is not None
                              and _same_place(city, pe.source.event_loc) for pe in found)
    report = score(records, preds)
    report["per_label"] = {
        label: {"maps_to": label.split("/")[0], "snippets": c["stories"],
                "recall": round(c["found"] / c["stories"], 4), "any_event_rate": round(c["any"] / c["stories"], 4)}
        for label, c in sorted(per_label.items())}
    live = [t for t, v in report["per_type"].items() if v["support"]]
    report["macro_recall"] = round(sum(report["per_type"][t]["recall"] for t in live) / len(live), 4) if live else None
    report["party_recall"] = round(party_hits / party_n, 4) if party_n else None
    report["counts"]["party_stories"] = party_n
    report["city_place_recall"] = round(place_hits / place_n, 4) if place_n else None
    report["counts"]["city_stories"] = place_n
    report["skipped"] = skipped
    report["triple"] = None
    report["recall_type_actor"] = None
    report["date_accuracy"] = None
    report["place_precision"] = report["place_recall"] = None
    report["no_event_false_positive_rate"] = None
    report["notes"] = [n for n in report["notes"] if not n.startswith("actor accuracy not measured")]
    report["notes"].append("labels are the headlines' intent (machine-written stories): recall only; other "
                           "events in a story are not errors, so event_type precision here means nothing")
    if with_errors:
        from .error_report import error_rows
        from .runner import scored_pairs

        report["errors"] = [e for e in error_rows(scored_pairs(records, preds), arguments=False)
                            if e.get("kind") != "spurious"]
    return {"gold": str(path), "scheme": "ngec-synthetic", "split": split, "stories": len(stories), **report}
