"""`redline eval`: score the pipeline against a gold file (a thin skin over redline.evaluate.run_eval)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import UsageError
from ..evaluate.gold import builtin_gold_path
from ..evaluate.runner import FORMATS
from .output import emit, lexicon_option, veto_option, veto_settings

METRICS = (
    ("event_type precision", ("event_type", "precision"), None),
    ("event_type recall", ("event_type", "recall"), None),
    ("event_type f1", ("event_type", "f1"), None),
    ("triple precision", ("triple", "precision"), None),
    ("triple recall", ("triple", "recall"), None),
    ("triple f1", ("triple", "f1"), None),
    ("actor_country_accuracy", ("actor_country_accuracy",), "actors"),
    ("sector_accuracy", ("sector_accuracy",), "sectors"),
    ("mode_accuracy", ("mode_accuracy",), "modes"),
    ("factuality_accuracy", ("factuality_accuracy",), "factuality_events"),
    ("no_event_false_positive_rate", ("no_event_false_positive_rate",), "no_event_sentences"),
    ("trap_false_positive_rate", ("trap_false_positive_rate",), "trap_sentences"),
    ("recall_type_actor", ("recall_type_actor",), "recall_type_actor_events"),
    ("date_accuracy", ("date_accuracy",), "dated_events"),
    ("place_precision", ("place_precision",), "predicted_places"),
    ("place_recall", ("place_recall",), "gold_places"),
    ("confidence_calibration_error", ("confidence_calibration_error",), "confidence_events"),
    ("confidence_brier", ("confidence_brier",), "confidence_events"),
)


def summary_rows(report: dict) -> list[dict]:
    """The headline metrics as (metric, value, n) rows; n is how many items the metric is over."""
    rows = [{"metric": "sentences", "value": report["sentences"], "n": ""},
            {"metric": "skipped", "value": len(report["skipped"]), "n": ""}]
    for name, path, count in METRICS:
        value = report
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if count:
            n = report["counts"].get(count, "")
        else:
            block = report.get(path[0]) or {}
            n = (block.get("tp", 0) + block.get("fp", 0) if path[1] == "precision"
                 else block.get("tp", 0) + block.get("fn", 0)) if block else ""
        rows.append({"metric": name, "value": "n/a" if value is None else f"{value:.3f}", "n": n})
    return rows


def confusion_rows(confusion: dict[str, dict[str, int]]) -> list[dict]:
    """The off-diagonal cells of the confusion matrix, most frequent first (the diagonal is per-type tp)."""
    cells = [{"gold": g, "predicted": p, "count": n} for g, row in confusion.items() for p, n in row.items() if g != p]
    return sorted(cells, key=lambda c: (-c["count"], c["gold"], c["predicted"]))


@click.command("eval")
@click.argument("gold", required=False)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Gold file format; guessed from the suffix (.json plover, .xml petrarch, .jsonl redline). "
                   "realnews: real-article gold (needs --corpus); case2021: CASE 2021 task 2 TSV; ipe: "
                   "IndiaPoliceEvents sents.jsonl; petrarch-unit: PETRARCH2's PETR.UnitTest.records.xml "
                   "(imports the PETR.Validate.* dictionaries it names); ngec-synthetic: NGEC's machine-written "
                   "stories (CSV or its zip), recall by label only.")
@click.option("--split", type=click.Choice(("dev", "test", "all")), default=None,
              help="ngec-synthetic: which half of the headline templates to code (default dev).")
@click.option("--corpus", type=click.Path(dir_okay=False), default=None,
              help="realnews: the corpus JSONL whose articles the gold file annotates.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write every false positive and false negative as JSONL to this file (docs/evaluation.md).")
@click.option("--pr-curve", "pr_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="realnews: draw triple precision against recall over confidence thresholds as an SVG.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every metric.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N gold sentences (realnews and ipe: the first N articles).")
@click.option("--mistakes", is_flag=True, help="Also list the sentences whose triples differ from gold.")
@click.option("--check", is_flag=True,
              help="Fail (exit 1) when a metric is below its floor pinned in redline/gold/floors.toml.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="A user actor file layered over the built-in knowledge base (user entries win).")
@lexicon_option
@veto_option
def eval_cmd(gold, fmt, split, corpus, errors_file, pr_file, as_json, limit, mistakes, check, actors_file,
             lexicon_file, no_veto):
    """Score redline against a gold file at sentence level (event types, triples, actors, modes, traps).

    GOLD defaults to redline's own gold set. Examples:

      redline eval

      redline eval ../shared/anchors/plover/PLOVER_GSR_CAMEO.json --json

      redline eval PETR2_GSR_validation.xml --format petrarch --mistakes

      redline eval --check   (exit 1 when a pinned floor is not met)

      redline eval redline/gold/realnews-dev.jsonl --format realnews
      --corpus ../shared/corpora/allsides-intl/articles.jsonl --errors dev-errors.jsonl

      redline eval PLOVER_GSR_CAMEO.json --lexicon my_lexicon.txt   (with a user lexicon layered on)

      redline eval ../shared/anchors/petrarch2/text/PETR.UnitTest.records.xml --format petrarch-unit

      redline eval ../shared/anchors/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip --format ngec-synthetic
      --split test --check
    """
    from ..evaluate import check_floors, floors_for, run_eval

    path = gold or builtin_gold_path()
    pinned = floors_for(path, split=split)
    if fmt is None and pinned is not None:
        fmt = pinned[1]["format"]  # a pinned gold file knows its format
    pinned = pinned if check else None
    if check and pinned is None:
        where = f" and split {split!r}" if split else ""
        raise UsageError(f"{path}: no floors are pinned for this file{where} (no table of redline/gold/floors.toml "
                         "has its sha256" + (" and that split)" if split else ")"))
    if check and limit:
        raise UsageError("--check measures the whole gold file; drop --limit")
    if fmt == "petrarch-unit" and (check or errors_file or pr_file):
        raise UsageError("--format petrarch-unit has no pinned floors, error rows or curve; use --mistakes")
    report = run_eval(path, fmt=fmt, limit=limit, with_mistakes=mistakes, with_errors=bool(errors_file),
                      corpus=corpus, actors_file=actors_file, lexicon_file=lexicon_file, settings=veto_settings(no_veto),
                      split=split)
    if fmt == "petrarch-unit":
        _print_unit(report, as_json, mistakes)
        return
    errors = report.pop("errors", None)
    if pr_file:
        if not report.get("pr_curve"):
            raise UsageError("--pr-curve needs --format realnews")
        from ..evaluate.calibration import svg_curve

        Path(pr_file).write_text(svg_curve(report["pr_curve"], title=f"{Path(report['gold']).name}: triples by "
                                           "confidence threshold"), encoding="utf-8")
        click.echo(f"precision-recall curve written to {pr_file}", err=True)
    if errors_file:
        with open(errors_file, "w", encoding="utf-8") as fh:
            for row in errors or []:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        click.echo(f"{len(errors or [])} errors written to {errors_file}", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        emit(summary_rows(report), "table", columns=("metric", "value", "n"),
             title=f"{Path(report['gold']).name} ({report['scheme']})")
        per_type = [{"type": t, **v} for t, v in report["per_type"].items()]
        emit(per_type, "table", columns=("type", "support", "precision", "recall", "f1", "tp", "fp", "fn"),
             title="per type")
        by_tag = [{"tag": t, **v} for t, v in report["trap_false_positive_by_tag"].items()]
        if by_tag:
            emit(by_tag, "table", columns=("tag", "sentences", "false_positive_rate"),
                 title="sentences with no asserted gold event, by tag")
        if report.get("per_label"):
            emit([{"label": k, **v} for k, v in report["per_label"].items()], "table",
                 columns=("label", "maps_to", "snippets", "recall", "any_event_rate"), title="per source label")
        if mistakes:
            emit(report["mistakes"], "table", columns=("id", "gold", "predicted", "other", "text"),
                 title="sentences whose triples differ from gold")
        emit(confusion_rows(report["confusion"]), "table", columns=("gold", "predicted", "count"),
             title="confusions: gold type -> predicted type (NONE: no event)")
        if errors is not None:
            from ..evaluate.error_report import top_fp_rules

            emit(top_fp_rules(errors), "table", columns=("rule", "false_positives"),
                 title="the 10 rules behind most false positives")
    for note in report["notes"]:
        click.echo(f"note: {note}", err=True)
    failures = check_floors(report, pinned[1]["floors"], pinned[1].get("ceilings")) if pinned else []
    for failure in failures:
        click.echo(f"below floor ({pinned[0]}): {failure}", err=True)
    if report["skipped"]:
        for s in report["skipped"]:
            click.echo(f"skipped: {s['id']}: {s['reason']}", err=True)
        click.echo(f"{len(report['skipped'])} gold sentence(s) skipped", err=True)
    if report["skipped"] or failures:
        sys.exit(1)
    if pinned:
        click.echo(f"all floors pinned for {pinned[0]} are met", err=True)


def _print_unit(report: dict, as_json: bool, mistakes: bool) -> None:
    """petrarch-unit: records passed by category, failures by cause (and the failing records with --mistakes)."""
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        rows = [{"category": k, **v} for k, v in report["by_category"].items()]
        rows.append({"category": "all", "records": report["records"], "passed": report["passed"],
                     "passed_loose": report["passed_loose"]})
        emit(rows, "table", columns=("category", "records", "passed", "passed_loose"),
             title=f"{Path(report['gold']).name}: records coded as PETRARCH2 expects")
        emit([{"cause": k, "records": n} for k, n in report["failures_by_cause"].items()], "table",
             columns=("records", "cause"), title="records not coded as expected, by cause")
        if mistakes:
            emit([{**m, "expected": " ".join(m["expected"]), "predicted": " ".join(m["predicted"])}
                  for m in report["mistakes"]], "table",
                 columns=("id", "category", "expected", "predicted", "cause", "text"), title="records not passed")
    for note in report["notes"]:
        click.echo(f"note: {note}", err=True)
    for s in report["skipped"]:
        click.echo(f"skipped: {s['id']}: {s['reason']}", err=True)
    if report["skipped"]:
        sys.exit(1)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(eval_cmd)
