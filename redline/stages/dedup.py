"""dedup: link exact and near-duplicate articles to their first copy so they are not coded twice.

Exact duplicates share the content hash of the whitespace-normalised body (``clean.content_id``; an input
may give its own Article.id, so the hash is recomputed rather than trusted). Near duplicates (a wire story
republished with another headline, a trailing credit, a fixed typo) are found with MinHash (datasketch,
scheme affine32) over word shingles and locality-sensitive hashing: the signature is cut into `bands` of
`rows` values, two articles sharing a band's values are candidates, and a candidate is a near duplicate when
the signatures agree on at least `threshold` of their values. The band layout is datasketch's optimum for the
threshold (equal weight on false positives and false negatives), computed here without scipy.

Pure: no file I/O. The first copies of earlier runs are looked up through a `DedupBackend` (the store keeps
them in a persistent index, see ``redline/store/dedup_index.py``); the first copies of this run are held in
memory until they are stored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..errors import UsageError
from ..records import Article, Failure
from ..hashing import content_id

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme, pinned: persisted signatures must stay comparable
SHINGLE_WORDS = 5
_HASH_LEN = 16  # clean.content_id gives 16 hex chars
_WORD_RE = re.compile(r"\w+", re.UNICODE)

EXACT = "exact"
NEAR = "near"


class DedupBackend(Protocol):
    """First copies stored by earlier runs, in the order they were stored (the store implements it)."""

    def exact(self, content_hash: str) -> str | None:
        """The earliest stored first copy with this content hash."""

    def known(self, article_id: str) -> bool:
        """Whether a first copy with this article id is stored."""

    def candidates(self, keys: Sequence[int]) -> list[tuple[int, str, np.ndarray]]:
        """(rank, article id, hash values) of stored first copies sharing a band key, rank = storing order."""


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word k-grams of the text (all words when it has fewer than k)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def _minhash(*, num_perm: int, **kwargs):
    from datasketch import MinHash  # imported here: datasketch pulls in scipy, which only ingest needs

    return MinHash(num_perm=num_perm, scheme=SCHEME, permutations=_permutations(num_perm), **kwargs)


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """The permutation parameters of every MinHash of `num_perm` (the same for all, from the fixed seed).

    Computed once: datasketch draws them anew for each MinHash, which was three quarters of the time of
    hashing a batch's articles.
    """
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def signature(article: Article, *, num_perm: int = NUM_PERM):
    """(MinHash of the article's word shingles, bytes to persist: content hash + hash values).

    The MinHash carries the content hash as `content_hash`, so `DedupIndex.add` can also index it exactly.
    """
    mh = _minhash(num_perm=num_perm)
    mh.update_batch(list(shingles(article.text)))
    chash = content_id(article.text)
    mh.content_hash = chash
    return mh, chash.encode("ascii") + mh.hashvalues.astype("<u8").tobytes()


def split_bytes(data: bytes) -> tuple[str, np.ndarray]:
    """Persisted signature bytes -> (content hash, hash values). ValueError when the bytes are not a signature."""
    if len(data) <= _HASH_LEN or (len(data) - _HASH_LEN) % 8:
        raise ValueError(f"not a dedup signature ({len(data)} bytes)")
    try:
        chash = data[:_HASH_LEN].decode("ascii")
    except UnicodeDecodeError as exc:
        raise ValueError("not a dedup signature (its content hash is not text)") from exc
    return chash, np.frombuffer(data[_HASH_LEN:], dtype="<u8").astype(np.uint64)


def from_bytes(data: bytes):
    """Persisted signature bytes -> (content hash, MinHash). ValueError when the bytes are not a signature."""
    chash, values = split_bytes(data)
    mh = _minhash(num_perm=len(values), hashvalues=values)
    mh.content_hash = chash
    return chash, mh


def _values(minhash) -> np.ndarray:
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' hash values (datasketch's MinHash.jaccard)."""
    if len(a) != len(b):
        raise UsageError(f"signatures of {len(a)} and {len(b)} permutations cannot be compared")
    return float(np.count_nonzero(a == b)) / len(a)


def _simpson(a: float, b: float, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Points and weights of composite Simpson's rule on [a, b] (datasketch integrates with scipy's quad)."""
    x = np.linspace(a, b, n + 1)
    w = np.ones(n + 1)
    w[1:-1:2], w[2:-1:2] = 4.0, 2.0
    return x, w * (b - a) / n / 3


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives around `threshold` (datasketch's choice)."""
    lo_x, lo_w = _simpson(0.0, threshold)
    hi_x, hi_w = _simpson(threshold, 1.0)
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        r = np.arange(1, num_perm // b + 1, dtype=float)[:, None]
        fp = ((1 - (1 - lo_x ** r) ** b) * lo_w).sum(axis=1)
        fn = (((1 - hi_x ** r) ** b) * hi_w).sum(axis=1)
        i = int(np.argmin(fp + fn))
        if fp[i] + fn[i] < best:
            best, opt = float(fp[i] + fn[i]), (b, i + 1)
    return opt


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band: a hash of the band number and its hash values."""
    raw = np.asarray(values, dtype="<u8").tobytes()
    width = rows * 8
    return [int.from_bytes(hashlib.blake2b(raw[i * width:(i + 1) * width], digest_size=8,
                                           salt=i.to_bytes(16, "little")).digest(), "little", signed=True)
            for i in range(bands)]


class DedupIndex:
    """Content hashes and LSH band keys of the first copies: a stored backend plus this run's in memory.

    threshold: Jaccard similarity (estimated by MinHash) at or above which an article is a near duplicate
    (settings ``near_duplicate_threshold``). num_perm: MinHash permutations (must match stored signatures).
    backend: first copies stored by earlier runs (None: in memory only). Only first copies should be added,
    so every duplicate links straight to a first copy; stored ones are earlier than any added here.
    """

    def __init__(self, *, threshold: float = 0.85, num_perm: int = NUM_PERM, backend: DedupBackend | None = None):
        if not 0.0 < threshold <= 1.0:
            raise UsageError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh_params(threshold, num_perm)
        self.backend = backend
        self._exact: dict[str, str] = {}  # content hash -> first article id
        self._values: dict[str, np.ndarray] = {}  # article id -> hash values (to verify LSH candidates)
        self._order: dict[str, int] = {}  # article id -> insertion rank, so the earliest copy wins
        self._buckets: dict[int, list[str]] = {}  # band key -> article ids

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order

    @classmethod
    def load(cls, pairs: Iterable[tuple[str, bytes]], *, threshold: float = 0.85,
             num_perm: int = NUM_PERM) -> DedupIndex:
        """An in-memory index rebuilt from persisted (article id, signature bytes) pairs, in first-seen order."""
        index = cls(threshold=threshold, num_perm=num_perm)
        for article_id, data in pairs:
            index.add(article_id, bytes(data))
        return index

    def keys(self, values: np.ndarray) -> list[int]:
        """The band keys of a signature under this index's layout."""
        return band_keys(values, self.bands, self.rows)

    def check(self, article: Article, *, minhash=None) -> tuple[str | None, str | None]:
        """(id of the first copy, "exact" | "near") when the article duplicates one in the index, else (None, None).

        minhash: the article's signature when the caller already computed it.
        """
        chash = getattr(minhash, "content_hash", None) or content_id(article.text)
        first = self.backend.exact(chash) if self.backend is not None else None
        if first is None:
            first = self._exact.get(chash)
        if first is not None:
            return first, EXACT
        if article.id in self._order or (self.backend is not None and self.backend.known(article.id)):
            return article.id, EXACT
        values = _values(minhash if minhash is not None else signature(article, num_perm=self.num_perm)[0])
        keys = self.keys(values)
        if self.backend is not None:
            for _rank, cand, cand_values in self.backend.candidates(keys):  # earliest first
                if len(cand_values) == len(values) and similarity(values, cand_values) >= self.threshold:
                    return cand, NEAR
        best: tuple[int, str] | None = None
        for key in keys:
            for cand in self._buckets.get(key, ()):
                if similarity(values, self._values[cand]) >= self.threshold:
                    rank = self._order[cand]
                    if best is None or rank < best[0]:
                        best = (rank, cand)
        return (best[1], NEAR) if best else (None, None)

    def add(self, article_id: str, minhash) -> None:
        """Index a first copy. minhash: from `signature` (MinHash or its bytes). Adding an id twice is a no-op."""
        if isinstance(minhash, (bytes, bytearray, memoryview)):
            chash, values = split_bytes(bytes(minhash))
        else:
            chash, values = getattr(minhash, "content_hash", None), _values(minhash)
        if len(values) != self.num_perm:
            raise UsageError(f"signature of {article_id} has {len(values)} permutations, index uses "
                             f"{self.num_perm}")
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._values[article_id] = values
        if chash:
            self._exact.setdefault(chash, article_id)
        for key in self.keys(values):
            self._buckets.setdefault(key, []).append(article_id)


def link_duplicates(
    items: Iterable[Article | Failure], index: DedupIndex
) -> Iterator[tuple[Article | Failure, str | None, str | None, bytes | None]]:
    """Stream (item, first copy id, "exact"|"near"|None, signature bytes) and add first copies to `index`.

    Failures pass through as (failure, None, None, None); so does an article whose signature cannot be
    computed, as a new Failure of stage "dedup". Signature bytes are given for first copies only,
    for the caller to persist.
    """
    for item in items:
        if isinstance(item, Failure):
            yield item, None, None, None
            continue
        try:
            mh, data = signature(item, num_perm=index.num_perm)
            first, kind = index.check(item, minhash=mh)
        except Exception as exc:  # one article whose text cannot be hashed fails alone
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            yield Failure(item.source or item.id, "dedup", reason), None, None, None
            continue
        if first is None:
            index.add(item.id, mh)
            yield item, None, None, data
        else:
            yield item, first, kind, None
