"""`redline lexicon ...`: measure and extend the event lexicon (coverage on a corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from .output import emit


@click.group("lexicon")
def lexicon_group():
    """Measure and extend the event lexicon (docs/coding.md)."""


def _read_counts(path: str):
    from collections import Counter

    counts: Counter = Counter()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip().isdigit():
            raise InputError(f"{path}:{n}: expected key<TAB>pos<TAB>count")
        counts[(parts[0], parts[1])] = int(parts[2])
    return counts


@lexicon_group.command("coverage")
@click.argument("corpus", type=click.Path(dir_okay=False), required=False)
@click.option("--reserved", type=click.Path(dir_okay=False), default=None,
              help="Article ids to leave out (held-out evaluation).")
@click.option("--counts", "counts_in", type=click.Path(dir_okay=False), default=None,
              help="Reuse predicate counts written earlier with --counts-out instead of coding CORPUS again.")
@click.option("--counts-out", type=click.Path(dir_okay=False), default=None,
              help="Write the predicate counts (key, pos, count) to this file.")
@click.option("--top", type=click.IntRange(min=1), default=500, show_default=True,
              help="How many of the most frequent predicates to list and score.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles of CORPUS.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def coverage_cmd(corpus, reserved, counts_in, counts_out, top, limit, as_json):
    """Share of two-party predicate occurrences in a corpus that the lexicon decides.

    Example: redline lexicon coverage ../shared/corpora/allsides-intl/articles.jsonl
    --reserved ../shared/reserved-articles.txt --counts-out counts.tsv
    """
    from ..evaluate.coverage import count_two_party, coverage, load_decisions
    from ..knowledge.lexicon import load_lexicon

    if counts_in:
        counts = _read_counts(counts_in)
    elif corpus:
        from ..evaluate.corpus import read_corpus, read_reserved
        from ..pipeline import Pipeline
        from ..stages.clean import clean_text

        skip = read_reserved(reserved) if reserved else set()
        arts = [a for a in read_corpus(corpus).values() if a.id not in skip][:limit]
        docs = Pipeline().run(clean_text(a.text, title=a.title, article_id=a.id, source=f"corpus:{a.id}")
                              for a in arts)
        counts = count_two_party((d for d in docs if not hasattr(d, "stage")), agents=load_lexicon().cue("agents"))
    else:
        raise click.UsageError("give CORPUS or --counts")
    if counts_out:
        lines = [f"{k}\t{p}\t{c}" for (k, p), c in counts.most_common()]
        Path(counts_out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = coverage(counts, load_lexicon(), load_decisions(), top=top)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    emit([{k: v for k, v in report.items() if not isinstance(v, list)}], "table")
    emit(report["top_undecided"], "table", columns=("key", "pos", "count"),
         title=f"undecided among the top {report['top']}")


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(lexicon_group)
