"""CASE 2021 task 2 (1,019 labelled snippets, ACLED sub-event types) as a PLOVER benchmark.

Each ACLED type maps to the PLOVER type (and mode) a careful coder would give it, to "no PLOVER event"
(disasters and organised crime), or to nothing when it has no single PLOVER reading (those snippets are
left out of the type scores but their any-event rate is still reported). The mapping and its reasons are in
docs/evaluation.md. A snippet counts as found for its type when any asserted event of that type is coded in
it (multi-label: a snippet about a clash that also reports arrests is not punished for the arrests on the
clash label, but the arrests count as a COERCE false positive).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError
from .gold import GoldEvent, GoldRecord
from .metrics import Prediction, score

NO_EVENT = "-"
# ACLED sub-event type -> (PLOVER type, mode), NO_EVENT, or None (no single PLOVER reading: not scored by type).
MAPPING: dict[str, tuple[str, str | None] | str | None] = {
    "ABDUCT_DISSAP": ("ASSAULT", "abduct"),
    "AGREEMENT": ("AGREE", None),
    "AIR_STRIKE": ("ASSAULT", "aerial"),
    "ARMED_CLASH": ("ASSAULT", "firearms"),
    "ARREST": ("COERCE", "arrest"),
    "ART_MISS_ATTACK": ("ASSAULT", "heavy-weapons"),
    "ATTACK": ("ASSAULT", None),
    "CHEM_WEAP": ("ASSAULT", "unconventional"),
    "DISR_WEAP": ("COERCE", "seize"),
    "FORCE_AGAINST_PROTEST": ("ASSAULT", "crowd-control"),
    "GOV_REGAINS_TERIT": ("ASSAULT", None),
    "GRENADE": ("ASSAULT", "explosives"),
    "HQ_ESTABLISHED": ("MOBILIZE", None),
    "MOB_VIOL": ("PROTEST", "riot"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", None),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "withdraw"),
    "PEACE_PROTEST": ("PROTEST", "demo"),
    "PROPERTY_DISTRUCT": ("ASSAULT", "destroy"),
    "PROTEST_WITH_INTER": ("PROTEST", "demo"),
    "REM_EXPLOS": ("ASSAULT", "explosives"),
    "SEX_VIOL": ("ASSAULT", "sexual"),
    "SUIC_BOMB": ("ASSAULT", "suicide-attack"),
    "VIOL_DEMONSTR": ("PROTEST", "riot"),
    "NATURAL_DISASTER": NO_EVENT,
    "MAN_MADE_DISASTER": NO_EVENT,
    "ORG_CRIME": NO_EVENT,
    "CHANGE_TO_GROUP_ACT": None,
    "OTHER": None,
    "DIPLO": None,
    "ATTRIB": None,
}


def read_case2021(text: str, *, name: str = "<case2021>") -> list[tuple[str, str, str]]:
    """The TSV (header id, EventSnippet, SubType) -> [(id, snippet, label)]; an unknown label is an error."""
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:3]] != ["id", "EventSnippet", "SubType"]:
        raise InputError(f"{name}: not a CASE 2021 task 2 file (expected the header id, EventSnippet, SubType)")
    out = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 3:
            raise InputError(f"{name}: line {lineno}: expected 3 tab-separated fields, got {len(row)}")
        label = row[2].strip()
        if label not in MAPPING:
            raise InputError(f"{name}: line {lineno}: unknown label {label!r}")
        out.append((row[0].strip(), " ".join(row[1].split()), label))
    return out


def gold_records(rows: list[tuple[str, str, str]]) -> tuple[list[GoldRecord], dict[str, str]]:
    """Scored snippets as GoldRecords (mapped: one event; no-event: none) and the label of every snippet id."""
    records, labels = [], {}
    for rid, text, label in rows:
        target = MAPPING[label]
        labels[rid] = label
        if target is None:
            continue
        events = () if target == NO_EVENT else (GoldEvent(target[0], mode=target[1]),)
        records.append(GoldRecord(rid, text, events, None, "plover", (label,)))
    return records, labels


def label_table(rows: list[tuple[str, str, str]], predictions: dict[str, Prediction]) -> dict[str, dict]:
    """Per ACLED label: what it maps to, how many snippets, recall of the mapped type, share with any event."""
    out: dict[str, dict] = {}
    for label in sorted({r[2] for r in rows}):
        ids = [rid for rid, _, lab in rows if lab == label and rid in predictions]
        target = MAPPING[label]
        maps_to = "no event" if target == NO_EVENT else ("-" if target is None else "/".join(x for x in target if x))
        found = [predictions[i] for i in ids]
        recall = None
        if isinstance(target, tuple) and ids:
            recall = round(sum(any(e.event == target[0] for e in p.asserted) for p in found) / len(ids), 4)
        any_rate = round(sum(bool(p.asserted) for p in found) / len(ids), 4) if ids else None
        out[label] = {"maps_to": maps_to, "snippets": len(ids), "recall": recall, "any_event_rate": any_rate}
    return out


def run_case2021(path: str | Path, *, pipeline, limit: int | None = None, with_errors: bool = False) -> dict:
    """Score the pipeline on the CASE 2021 task 2 snippets (see the module docstring)."""
    from .runner import event_extras, predict, scored_pairs

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    rows = read_case2021(text, name=str(path))
    if limit is not None:
        rows = rows[:limit]
    every = [GoldRecord(rid, t, (), None, "plover", (lab,)) for rid, t, lab in rows]
    predictions = {p.id: p for p in predict(every, pipeline=pipeline)}
    records, _ = gold_records(rows)
    preds = [predictions[r.id] for r in records]
    report = score(records, preds)
    pairs = scored_pairs(records, preds)
    report.update(event_extras(pairs, report))
    mapped = [t for t, v in report["per_type"].items() if v["support"]]
    report["macro_f1"] = round(sum(report["per_type"][t]["f1"] for t in mapped) / len(mapped), 4) if mapped else None
    report["triple"] = None
    report["recall_type_actor"] = None
    report["per_label"] = label_table(rows, predictions)
    report["notes"] = [n for n in report["notes"] if not n.startswith("actor accuracy not measured")]
    report["notes"].append(f"{len(rows) - len(records)} snippets of unmapped labels left out of the type scores")
    if with_errors:
        from .error_report import error_rows

        report["errors"] = error_rows(pairs, arguments=False)
    return {"gold": str(path), "scheme": "case2021", **report}
