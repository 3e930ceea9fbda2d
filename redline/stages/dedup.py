"""dedup: link exact and near-duplicate articles to their first copy so they are not coded twice.

Exact duplicates share the content hash of the whitespace-normalised body (``clean.content_id``; an input
may give its own Article.id, so the hash is recomputed rather than trusted). Near duplicates (a wire story
republished with another headline, a trailing credit, a fixed typo) are found with MinHash LSH over word
shingles (datasketch). Pure: no file I/O; the store persists signatures as bytes and reloads them with
``DedupIndex.load``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..errors import UsageError
from ..records import Article, Failure
from .clean import content_id

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme, pinned: persisted signatures must stay comparable
SHINGLE_WORDS = 5
_HASH_LEN = 16  # clean.content_id gives 16 hex chars
_WORD_RE = re.compile(r"\w+", re.UNICODE)

EXACT = "exact"
NEAR = "near"


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word k-grams of the text (all words when it has fewer than k)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(article: Article, *, num_perm: int = NUM_PERM) -> tuple[MinHash, bytes]:
    """(MinHash of the article's word shingles, bytes to persist: content hash + hash values).

    The MinHash carries the content hash as `content_hash`, so `DedupIndex.add` can also index it exactly.
    """
    mh = MinHash(num_perm=num_perm, scheme=SCHEME, permutations=_permutations(num_perm))
    mh.update_batch(list(shingles(article.text)))
    chash = content_id(article.text)
    mh.content_hash = chash
    return mh, chash.encode("ascii") + mh.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> tuple[str, MinHash]:
    """Persisted signature bytes -> (content hash, MinHash). ValueError when the bytes are not a signature."""
    if len(data) <= _HASH_LEN or (len(data) - _HASH_LEN) % 8:
        raise ValueError(f"not a dedup signature ({len(data)} bytes)")
    chash = data[:_HASH_LEN].decode("ascii")
    values = np.frombuffer(data[_HASH_LEN:], dtype="<u8").astype(np.uint64)
    mh = MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME, permutations=_permutations(len(values)))
    mh.content_hash = chash
    return chash, mh


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) for a threshold: a numerical integration, worth doing once."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """The permutation parameters of every MinHash of `num_perm` (the same for all, from the fixed seed).

    Computed once: datasketch draws them anew for each MinHash, which was three quarters of the time of
    rebuilding the index from stored signatures (a watch cycle or a served ingest rebuilds it every run).
    """
    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


class DedupIndex:
    """Content hashes and an LSH index of the first copies seen so far.

    threshold: Jaccard similarity (estimated by MinHash) at or above which an article is a near duplicate
    (settings ``near_duplicate_threshold``). num_perm: MinHash permutations (must match stored signatures).
    Only first copies should be added, so every duplicate links straight to a first copy.
    """

    def __init__(self, *, threshold: float = 0.85, num_perm: int = NUM_PERM):
        if not 0.0 < threshold <= 1.0:
            raise UsageError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=_lsh_params(threshold, num_perm))
        self._exact: dict[str, str] = {}  # content hash -> first article id
        self._minhash: dict[str, MinHash] = {}  # article id -> MinHash (to verify LSH candidates)
        self._order: dict[str, int] = {}  # article id -> insertion rank, so the earliest copy wins

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order

    @classmethod
    def load(cls, pairs: Iterable[tuple[str, bytes]], *, threshold: float = 0.85,
             num_perm: int = NUM_PERM) -> DedupIndex:
        """An index rebuilt from persisted (article id, signature bytes) pairs, in first-seen order."""
        index = cls(threshold=threshold, num_perm=num_perm)
        for article_id, data in pairs:
            index.add(article_id, bytes(data))
        return index

    def check(self, article: Article, *, minhash: MinHash | None = None) -> tuple[str | None, str | None]:
        """(id of the first copy, "exact" | "near") when the article duplicates one in the index, else (None, None).

        minhash: the article's signature when the caller already computed it.
        """
        chash = getattr(minhash, "content_hash", None) or content_id(article.text)
        first = self._exact.get(chash)
        if first is not None:
            return first, EXACT
        if article.id in self._order:
            return article.id, EXACT
        mh = minhash if minhash is not None else signature(article, num_perm=self.num_perm)[0]
        best: tuple[int, str] | None = None
        for cand in self._lsh.query(mh):
            if mh.jaccard(self._minhash[cand]) >= self.threshold:
                rank = self._order[cand]
                if best is None or rank < best[0]:
                    best = (rank, cand)
        return (best[1], NEAR) if best else (None, None)

    def add(self, article_id: str, minhash: MinHash | bytes) -> None:
        """Index a first copy. minhash: from `signature` (MinHash or its bytes). Adding an id twice is a no-op."""
        if isinstance(minhash, (bytes, bytearray, memoryview)):
            chash, mh = from_bytes(bytes(minhash))
        else:
            mh, chash = minhash, getattr(minhash, "content_hash", None)
        if len(mh.hashvalues) != self.num_perm:
            raise UsageError(f"signature of {article_id} has {len(mh.hashvalues)} permutations, index uses "
                             f"{self.num_perm}")
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._minhash[article_id] = mh
        if chash:
            self._exact.setdefault(chash, article_id)
        self._lsh.insert(article_id, mh)


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
