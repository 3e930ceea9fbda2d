"""`redline lexicon ...`: measure and extend the event lexicon (coverage on a corpus, PETRARCH import, check)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from .output import emit, format_option, lexicon_option


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
@lexicon_option
def coverage_cmd(corpus, reserved, counts_in, counts_out, top, limit, as_json, lexicon_file):
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
        from ..pipeline import Context

        docs = Pipeline(Context(lexicon_file=lexicon_file)).run(clean_text(a.text, title=a.title, article_id=a.id, source=f"corpus:{a.id}")
                              for a in arts)
        counts = count_two_party((d for d in docs if not hasattr(d, "stage")),
                                 agents=load_lexicon(lexicon_file).cue("agents"))
    else:
        raise click.UsageError("give CORPUS or --counts")
    if counts_out:
        lines = [f"{k}\t{p}\t{c}" for (k, p), c in counts.most_common()]
        Path(counts_out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = coverage(counts, load_lexicon(lexicon_file), load_decisions(), top=top)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    emit([{k: v for k, v in report.items() if not isinstance(v, list)}], "table")
    emit(report["top_undecided"], "table", columns=("key", "pos", "count"),
         title=f"undecided among the top {report['top']}")


@lexicon_group.command("import-petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the redline user lexicon.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def import_petrarch_cmd(file, output, as_json):
    """Convert a PETRARCH verb dictionary (TABARI or PETRARCH2 patterns) into a redline user lexicon.

    Every verb and pattern is counted: converted, approximated (a constraint redline cannot check was
    dropped), merged, shadowed by an earlier pattern, or skipped with its reason; the written file lists every
    line not converted as written. Exit 1 when some lines are not verb-dictionary syntax at all.

    \b
    Examples:
      redline lexicon import-petrarch CAMEO.verbpatterns.150430.txt -o my_lexicon.txt
      redline extract article.txt --lexicon my_lexicon.txt
    """
    from ..knowledge.lexicon_petrarch import import_petrarch_verbs

    result = import_petrarch_verbs(file, output)
    counts = result.counts()
    if as_json:
        click.echo(json.dumps({"source": file, "output": output, "dialect": result.dialect, **counts}, indent=2))
    else:
        rows = [{"what": kind, "status": status, "count": n}
                for kind in ("verbs", "patterns", "transformations", "lines")
                for status, n in sorted(counts[kind].items())]
        emit(rows, "table", columns=("what", "status", "count"), title=f"{file} -> {output}")
        emit([{"reason": r, "count": n} for r, n in counts["reasons"].items()], "table",
             columns=("count", "reason"), title="not converted as written, by reason")
    click.echo(f"{output}: {counts['entries']} verb entries, {counts['word_lists']} word lists "
               f"({result.dialect} patterns)", err=True)
    unread = counts["lines"].get("skipped", 0)
    if unread:
        click.echo(f"{unread} line(s) are not verb-dictionary syntax (listed at the end of {output})", err=True)
        raise SystemExit(1)


@lexicon_group.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@format_option(default="table", choices=("table", "json", "jsonl", "csv"))
def check_cmd(file, fmt):
    """Validate a user lexicon file and list where it overrides the built-in lexicon.

    \b
    Example:
      redline lexicon check my_lexicon.txt
    """
    from ..knowledge.lexicon_user import read_user_lexicon

    user = read_user_lexicon(file)
    emit([{"override": o} for o in user.overrides], fmt, columns=("override",))
    c = user.counts
    click.echo(f"{file}: valid; {c['verbs']} verb, {c['nouns']} noun, {c['light']} light-verb entries, "
               f"{c['cues']} word lists; {len(user.overrides)} override(s) of built-in entries", err=True)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(lexicon_group)
