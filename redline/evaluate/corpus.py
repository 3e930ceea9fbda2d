"""Real-article corpora as gold sets read them: JSONL articles, the reserved list, sentence spans in the raw text.

Gold files for real articles keep no news text. They hold an article id, the span of each sentence in the
article's raw `text` field and a hash of that span; the text is read from the corpus when `redline eval` runs.
This module finds those spans (the clean stage strips lines, so the cleaned body's offsets are not the raw
text's) and hashes them.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SEED = 20261205  # the real-article gold set's sample seed (docs/annotation.md)
SAMPLE_SIZE = 110
FIRST_SENTENCES = 15
TEST_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One corpus record: id, date (ISO string or None), title, outlet and the raw body text."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None


def read_corpus(path: str | Path, *, ids: Iterable[str] | None = None) -> dict[str, CorpusArticle]:
    """Articles of a corpus JSONL (only `ids` when given). A bad line is an InputError naming file and line."""
    wanted = set(ids) if ids is not None else None
    out: dict[str, CorpusArticle] = {}
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read corpus: {exc.strerror or exc}") from exc
    with handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {lineno}: bad JSON: {exc.msg}") from exc
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
                raise InputError(f"{path}: line {lineno}: a corpus record needs string fields id and text")
            if wanted is not None and rec["id"] not in wanted:
                continue
            out[rec["id"]] = CorpusArticle(rec["id"], rec["text"], rec.get("date"), rec.get("title"), rec.get("source"))
    return out


def read_reserved(path: str | Path) -> set[str]:
    """Article ids reserved for held-out evaluation (one a line, '#' comments)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the reserved-article list: {exc.strerror or exc}") from exc
    return {s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")}


def sample_ids(ids: Iterable[str], *, reserved: set[str], n: int = SAMPLE_SIZE, seed: int = SEED) -> list[str]:
    """n article ids drawn at random (fixed seed) from the sorted candidates, never a reserved one."""
    candidates = sorted(set(ids) - reserved)
    if n > len(candidates):
        raise InputError(f"cannot sample {n} articles from {len(candidates)} candidates")
    return random.Random(seed).sample(candidates, n)


def split_ids(ids: Iterable[str], *, seed: int = SEED, test_share: float = TEST_SHARE) -> dict[str, list[str]]:
    """Split article ids into dev and test (by article, fixed seed): {"dev": [...], "test": [...]}."""
    order = sorted(ids)
    random.Random(seed + 1).shuffle(order)
    k = round(len(order) * test_share)
    return {"dev": sorted(order[k:]), "test": sorted(order[:k])}


def text_hash(text: str) -> str:
    """The hash a gold record keeps of its sentence: sha256 of the whitespace-normalised text, 16 hex digits."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"\s*".join(re.escape(w) for w in words))


def raw_span(raw: str, sentence: str, start: int = 0) -> tuple[int, int] | None:
    """Where a cleaned sentence sits in the raw text, searching from `start`: (start, end) or None.

    Whitespace may differ (the clean stage strips lines and joins them); when a removed line sits inside
    the sentence, its first and last words anchor the span instead.
    """
    words = sentence.split()
    if not words:
        return None
    m = _pattern(words).search(raw, start)
    if m:
        return m.start(), m.end()
    k = min(4, len(words))
    head, tail = _pattern(words[:k]).search(raw, start), None
    if head:
        tail_pat = _pattern(words[-k:])
        tail = tail_pat.search(raw, head.end())
    if head and tail and tail.end() - head.start() < 3 * len(sentence) + 200:
        return head.start(), tail.end()
    return None


def sentence_spans(raw: str, sentences: Iterable[str]) -> Iterator[tuple[int, int] | None]:
    """raw_span for consecutive sentences, each searched after the previous one's start."""
    cursor = 0
    for s in sentences:
        span = raw_span(raw, s, cursor)
        if span is not None:
            cursor = span[0] + 1
        yield span
