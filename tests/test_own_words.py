"""The project's examples are written in our own words: no quoted sentence copies the shared corpora.

The project may not carry text from ../shared (news corpora, the reference article), not even reworded. Test
sentences, docstring and comment examples and the docs' examples are written by us; a sentence that follows a
corpus sentence word for word over a long run is a copy. This check finds every quoted string of 20 characters or
more in the repository's code, tests and docs, and the longest run of consecutive words it shares verbatim with the
corpora or the reference article. Runs of six or seven words are common phrases ("the U.N. Security Council
voted"); a run of ``LIMIT`` words or more is a copied sentence. Skipped when ../shared is absent. Only strings that open and
close on one line are read: an example wrapped over two lines of a docstring is not checked (a known gap).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[a-z0-9']+")
QUOTED = re.compile(r'"([^"\n]{20,})"|\u201c([^\u201d\n]{20,})\u201d|\'([^\'\n]{25,})\'')
SPAN = 6  # words per window
LIMIT = 10  # a shared run this long is a copy


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def windows(tokens: list[str]) -> list[int]:
    """Hashes of the SPAN-word windows of ``tokens`` (hashes keep the corpus's millions of windows small)."""
    return [hash(tuple(tokens[i:i + SPAN])) for i in range(len(tokens) - SPAN + 1)]


def longest_shared_run(tokens: list[str], corpus: set[int]) -> int:
    """The longest run of consecutive words of ``tokens`` found verbatim in ``corpus`` (0 under SPAN words)."""
    best = run = 0
    for window in windows(tokens):
        run = run + 1 if window in corpus else 0
        best = max(best, run)
    return best + SPAN - 1 if best else 0


def quoted_strings(text: str):
    for number, line in enumerate(text.splitlines(), 1):
        for match in QUOTED.finditer(line):
            yield number, next(group for group in match.groups() if group)


def test_longest_shared_run_counts_consecutive_words():
    corpus = set(windows(words("the council voted on monday to extend the mission by a year")))
    assert longest_shared_run(words("the council voted on monday to extend the mission"), corpus) == 9
    assert longest_shared_run(words("the council voted on monday to end it"), corpus) == 6
    assert longest_shared_run(words("the assembly voted on friday to extend it"), corpus) == 0


def test_quoted_strings_finds_both_quote_styles():
    text = 'x = "a sentence long enough to count"\n# \u201canother one, also long enough\u201d\ny = "short"'
    assert [s for _, s in quoted_strings(text)] == ["a sentence long enough to count",
                                                    "another one, also long enough"]


def corpus_windows(shared: Path) -> set[int]:
    seen: set[int] = set()
    for name in ("allsides-intl", "ru-ua"):
        with open(shared / "corpora" / name / "articles.jsonl", encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                seen.update(windows(words(article.get("title", "") + " . " + article.get("text", ""))))
    reference = shared / "examples" / "rferl-2021-06-17-nato-red-line.txt"
    seen.update(windows(words(reference.read_text(encoding="utf-8"))))
    return seen


def test_no_quoted_string_copies_the_corpora(shared_dir):
    corpus = corpus_windows(shared_dir)
    files = sorted([*ROOT.glob("redline/**/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("docs/*.md"),
                    ROOT / "README.md"])
    copies = []
    for path in files:
        for number, string in quoted_strings(path.read_text(encoding="utf-8")):
            run = longest_shared_run(words(string), corpus)
            if run >= LIMIT:
                copies.append(f"{path.relative_to(ROOT)}:{number}: {run} words: {string[:100]}")
    assert not copies, "quoted strings that copy the shared corpora:\n" + "\n".join(copies)
