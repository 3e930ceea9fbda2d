"""`redline gold ...`: build and check real-article gold sets (sample, worklists, validation, agreement) and fit
the models learnt from them (calibrate, veto-train)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import UsageError
from ..evaluate.calibration import DEFAULT_MODEL, MODELS
from .output import emit


@click.group("gold")
def gold_group():
    """Build and check real-article gold sets (docs/annotation.md)."""


@gold_group.command("sample")
@click.argument("corpus", type=click.Path(dir_okay=False))
@click.option("--reserved", type=click.Path(dir_okay=False), required=True,
              help="File of article ids that must never be sampled (held-out evaluation).")
@click.option("-n", "--n", "n", type=click.IntRange(min=1), default=None, help="How many articles (default 110).")
@click.option("--seed", type=int, default=None, help="Sample seed (default: the gold set's documented seed).")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False), required=True,
              help="Directory for the worklists (they hold news text: keep it outside the project).")
def sample_cmd(corpus, reserved, n, seed, out):
    """Sample articles at random and write one annotation worklist per article, plus sample.json.

    Example: redline gold sample ../shared/corpora/allsides-intl/articles.jsonl
    --reserved ../shared/reserved-articles.txt -o /tmp/worklists
    """
    from ..evaluate import corpus as cp
    from ..evaluate.worklist import build_worklists

    seed = cp.SEED if seed is None else seed
    n = cp.SAMPLE_SIZE if n is None else n
    out_dir = Path(out)
    if Path.cwd().resolve() in [out_dir.resolve(), *out_dir.resolve().parents] and (Path.cwd() / ".git").exists():
        raise UsageError(f"{out}: worklists hold news text; write them outside the project checkout")
    ids = list(cp.read_corpus(corpus))
    chosen = cp.sample_ids(ids, reserved=cp.read_reserved(reserved), n=n, seed=seed)
    splits = cp.split_ids(chosen, seed=seed)
    which = {a: s for s, group in splits.items() for a in group}
    articles = cp.read_corpus(corpus, ids=chosen)
    lists = build_worklists([articles[a] for a in chosen], which)
    out_dir.mkdir(parents=True, exist_ok=True)
    for wl in lists:
        (out_dir / f"{wl['article']}.json").write_text(json.dumps(wl, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {"corpus": str(corpus), "seed": seed, "n": n, "articles": chosen, "splits": splits,
               "sentences": sum(len(w.get("sentences", [])) for w in lists)}
    (out_dir / "sample.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    failed = [w for w in lists if "error" in w]
    for w in failed:
        click.echo(f"{w['article']}: {w['error']}", err=True)
    emit([{"articles": len(lists), "sentences": summary["sentences"], "dev": len(splits["dev"]),
           "test": len(splits["test"]), "out": str(out_dir)}], "table")
    if failed:
        sys.exit(1)


@gold_group.command("check")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--corpus", type=click.Path(dir_okay=False), default=None,
              help="Corpus JSONL the gold points into: also check every span and hash against it.")
def check_cmd(gold, corpus):
    """Validate a real-article gold file: fields, types, codes, dates; with --corpus, spans and hashes.

    Example: redline gold check redline/gold/realnews-dev.jsonl --corpus ../shared/corpora/allsides-intl/articles.jsonl
    """
    from ..evaluate.corpus import read_corpus
    from ..evaluate.realnews import attach_text, read_realnews_file

    records = read_realnews_file(gold)
    bad: list[dict] = []
    if corpus:
        arts = read_corpus(corpus, ids={r.span.article for r in records})
        _, bad = attach_text(records, arts)
    for b in bad:
        click.echo(f"{gold}: {b['id']}: {b['reason']}", err=True)
    events = sum(len(r.record.events) for r in records)
    emit([{"sentences": len(records), "articles": len({r.span.article for r in records}), "events": events,
           "asserted": sum(len(r.record.asserted) for r in records), "set_aside": len(bad)}], "table")
    if bad:
        sys.exit(1)


@gold_group.command("agreement")
@click.argument("first", type=click.Path(dir_okay=False))
@click.argument("second", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def agreement_cmd(first, second, as_json):
    """Inter-annotator agreement of two real-article annotations of the same sentences.

    Cohen's kappa on each sentence's event types, pooled kappa of the per-type decisions, and F1 between the
    two on types and on (type, actor, recipient) triples. Example:
    redline gold agreement annotator-a.jsonl annotator-b.jsonl
    """
    from ..evaluate.agreement import agreement
    from ..evaluate.realnews import read_realnews_file

    try:
        report = agreement([r.record for r in read_realnews_file(first)], [r.record for r in read_realnews_file(second)])
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        emit([report], "table")


@gold_group.command("calibrate")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--corpus", type=click.Path(dir_okay=False), required=True,
              help="The corpus JSONL the real-article gold file and the judgements point into.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False), required=True,
              help="Where to write the weights (redline ships them as redline/knowledge/data/confidence.toml).")
@click.option("--judgements", type=click.Path(dir_okay=False), default="redline/gold/veto-judgements.tsv",
              show_default=True, help="Our verdicts on the acts of fresh articles (they train P(event right)); "
              "'' to leave them out.")
@click.option("--samples", type=click.Path(dir_okay=False), default="redline/gold/confidence-judgements.tsv",
              show_default=True, help="Our verdicts on the acts and on the parties of events of fresh articles "
              "(sessions 27-35): the held-out table's labels, and training rows of the '+ samples' models; '' to "
              "leave them out.")
@click.option("--model", type=click.Choice(MODELS), default=DEFAULT_MODEL, show_default=True,
              help="Which model to write (the table compares every model the given files allow, and the shipped weights).")
@click.option("--l2", type=click.FloatRange(min=0.0), default=1.0, show_default=True, help="L2 penalty.")
@click.option("--repeats", type=click.IntRange(min=1), default=10, show_default=True,
              help="Assignments of articles to the 5 folds the cross-validated scores average over.")
def calibrate_cmd(gold, corpus, out, judgements, samples, model, l2, repeats):
    """Fit the confidence model (probability that an event's triple is right) on a real-article gold split.

    Codes the gold split's articles (and the judged and sampled articles) with the shipped pipeline, veto
    included, prints the calibration error and Brier score of every model out of fold on the gold split
    (article-grouped cross-validation) and on held-out sessions of the samples (held_*: the triple, estimated
    from act-only and party-only verdicts; act_* and party_*: each part on its own verdicts), then fits the chosen
    model and writes it. It refuses the packaged test split (by path or by any shared article) and drops verdicts
    on its articles; measure the test split with redline eval --json. Rerun it after `redline gold veto-train`
    (the veto decides which events are scored). Example (run from the repository):
    redline gold calibrate redline/gold/realnews-dev.jsonl --corpus ../shared/corpora/allsides-intl/articles.jsonl
    -o redline/knowledge/data/confidence.toml
    """
    from ..evaluate import calibration as cb

    if model.endswith("judged") and not judgements:
        raise UsageError(f"--model {model!r} needs --judgements")
    if model in cb.SAMPLE_MODELS and not samples:
        raise UsageError(f"--model {model!r} needs --samples")
    try:
        result = cb.calibrate(gold, corpus, judgements or None, samples_path=samples or None, model=model, l2=l2,
                              repeats=repeats)
    except ValueError as exc:
        raise UsageError(f"{gold}: {exc}") from exc
    if result.join:
        emit([result.join], "table", title=f"{Path(samples).name} joined to today's events (veto on)" if samples
             else "verdict rows on test-split articles, dropped")
    held = cb.HELD_COLUMNS if result.samples else ()
    emit(result.table, "table", columns=("model", "l2", "ece", "ece_sd", "brier", "brier_sd", *held),
         title=f"out of fold on {result.events} events of {Path(gold).name} (5 folds by article, {repeats} repeats; "
               f"{result.judged} judged and {result.samples} sampled events train every fold)"
               + ("; held_*, act_*, party_*: one session of the samples held out at a time" if held else ""))
    Path(out).write_text(result.text, encoding="utf-8")
    emit([{"events": result.events, "judged": result.judged, "samples": result.samples, "model": model, "l2": l2,
           "out": out}], "table")


@gold_group.command("veto-train")
@click.option("--corpus", type=click.Path(dir_okay=False), required=True,
              help="The corpus JSONL the judgements and the dev split point into.")
@click.option("--judgements", type=click.Path(dir_okay=False), default="redline/gold/veto-judgements.tsv",
              show_default=True, help="Our verdicts on asserted events (article, type, trigger, verdict).")
@click.option("--dev", type=click.Path(dir_okay=False), default="redline/gold/realnews-dev.jsonl",
              show_default=True, help="The real-article dev split whose matches are added to the training events.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False), default="redline/knowledge/data/veto.toml",
              show_default=True, help="Where to write the weights and threshold.")
@click.option("--l2", type=click.FloatRange(min=0.0), default=2.0, show_default=True, help="L2 penalty.")
@click.option("--max-loss", type=click.FloatRange(0.0, 1.0), default=0.06, show_default=True,
              help="Largest share of right judged events the chosen threshold may veto (cross-validated).")
@click.option("--cap", type=click.FloatRange(0.0, 1.0), default=None,
              help="Highest threshold allowed [default: 0.35, where the pinned floors held on 6 Dec 2026].")
@click.option("--gold", "gold", type=click.Path(dir_okay=False), default="redline/gold/sentences.jsonl",
              show_default=True, help="Our sentence gold, whose coded events are added as labelled rows ('' leaves it out).")
@click.option("--drop", multiple=True, metavar="PREFIX",
              help="Leave out features whose name starts with PREFIX (repeatable; e.g. governor= lemma=).")
@click.option("--weight", "weights", multiple=True, metavar="SOURCE=N",
              help="Repeat the rows of a source (judged, dev, gold) N times in training (repeatable) "
                   "[default: dev=3 gold=3].")
@click.option("--prior", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An earlier weights file (e.g. the shipped veto.toml): the L2 penalty pulls toward its weights.")
@click.option("--vectors", is_flag=True,
              help="Parse with the setting token_vectors on: the parser's token vectors become features too "
                   "(a veto so fitted needs REDLINE_TOKEN_VECTORS=1 wherever it runs).")
def veto_train_cmd(corpus, judgements, dev, out, l2, max_loss, cap, gold, drop, weights, prior, vectors):
    """Fit the veto (stages/coding/veto.py) and choose its threshold by article-grouped cross-validation.

    Codes the judged articles, the dev split and our sentence gold with today's code (veto off), prints how many
    judgements joined and the cross-validated precision / right events lost per threshold and source, and
    writes the weights. Never give it the test split. Example (run from the repository):
    redline gold veto-train --corpus ../shared/corpora/allsides-intl/articles.jsonl
    """
    from ..evaluate.veto_training import FLOOR_CAP, SOURCE_WEIGHT, SOURCES, train_veto
    from ..stages.coding.veto import parse_veto

    weight = dict(SOURCE_WEIGHT)
    for item in weights:
        source, _, n = item.partition("=")
        if source not in SOURCES or not n.isdigit():
            raise UsageError(f"--weight {item}: expected SOURCE=N with SOURCE one of {', '.join(SOURCES)}")
        weight[source] = int(n)
    prior_weights = dict(parse_veto(Path(prior).read_text(encoding="utf-8"), prior).weights) if prior else None
    try:
        result = train_veto(judgements, dev, corpus, l2=l2, max_loss=max_loss, cap=FLOOR_CAP if cap is None else cap,
                            gold_path=gold or None, drop=drop, weight=weight, prior=prior_weights, vectors=vectors)
    except ValueError as exc:
        raise UsageError(f"{judgements}: {exc}") from exc
    emit([result.join], "table", title="judgements joined to today's events")
    for source, table in result.cv.items():
        emit(table, "table", title=f"cross-validated by article: {source} events (AUC {result.auc.get(source)})")
    Path(out).write_text(result.text, encoding="utf-8")
    emit([{**result.counts, "cv_threshold": result.cv_threshold, "threshold": result.threshold,
           "features": len(result.weights), "out": out}], "table")


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(gold_group)
