"""Dedup: exact and near duplicates link to the first copy; signatures survive a round trip through bytes."""

from __future__ import annotations

import pytest

from redline.errors import UsageError
from redline.records import Article, Failure
from redline.stages.dedup import DedupIndex, from_bytes, link_duplicates, shingles, signature

# Written for these tests: two unrelated stories of news length.
STORY = (
    "The defence ministry said on Thursday that two drones had been shot down over the southern region "
    "overnight, and that nobody had been hurt. Officials said debris fell on a field near a village and "
    "that firefighters put out a small fire. The ministry did not say where the drones had been launched "
    "from. Local authorities closed a road for several hours while experts examined the wreckage, and "
    "schools in the area opened as usual in the morning. A spokesman for the regional governor said the "
    "air defence units had worked well and asked residents to report any suspicious objects to the police."
)
OTHER = (
    "Parliament approved the budget for next year after a debate that lasted until midnight. The opposition "
    "voted against it, saying that spending on hospitals was too low and that the tax on fuel would hurt "
    "families in rural areas. The finance minister said the plan would cut the deficit by a third and "
    "promised to review the fuel tax in the spring if prices kept rising. The president is expected to "
    "sign the law next week, and the central bank said the plan was consistent with its forecast."
)


def _art(id_: str, text: str) -> Article:
    return Article(id=id_, text=text)


@pytest.mark.parametrize(
    ("text", "expected_kind"),
    [
        (STORY, "exact"),
        ("  " + STORY.replace(". ", ".\n\n") + "\n", "exact"),  # whitespace differs only
        (STORY + " Reporting by a wire service.", "near"),  # a trailing credit
        (STORY.replace("Thursday", "Friday"), "near"),  # one word changed
        (OTHER, None),
        (STORY[: len(STORY) // 2], None),  # half the story is not a near copy
    ],
)
def test_check_finds_exact_and_near_copies(text, expected_kind):
    index = DedupIndex(threshold=0.85)
    mh, _ = signature(_art("first", STORY))
    index.add("first", mh)
    first, kind = index.check(_art("second", text))
    assert kind == expected_kind
    assert first == ("first" if expected_kind else None)


def test_check_links_to_earliest_copy():
    index = DedupIndex(threshold=0.8)
    for name, text in (("a", STORY), ("b", STORY + " Updated at noon."), ("c", OTHER)):
        index.add(name, signature(_art(name, text))[0])
    assert index.check(_art("d", STORY + " Updated at noon. Correction appended.")) == ("a", "near")


def test_load_round_trip_keeps_exact_and_near():
    mh, data = signature(_art("first", STORY))
    chash, back = from_bytes(data)
    assert back.jaccard(mh) == 1.0 and len(chash) == 16
    index = DedupIndex.load([("first", data)])
    assert len(index) == 1 and "first" in index
    assert index.check(_art("x", STORY)) == ("first", "exact")
    assert index.check(_art("y", STORY + " Reporting by a wire service.")) == ("first", "near")


@pytest.mark.parametrize("data", [b"", b"0123456789abcdef", b"0123456789abcdef" + b"\x00" * 5])
def test_from_bytes_rejects_non_signatures(data):
    with pytest.raises(ValueError, match="not a dedup signature"):
        from_bytes(data)


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5])
def test_index_rejects_bad_threshold(threshold):
    with pytest.raises(UsageError):
        DedupIndex(threshold=threshold)


def test_add_rejects_mismatched_permutations():
    index = DedupIndex(num_perm=64)
    with pytest.raises(UsageError, match="permutations"):
        index.add("a", signature(_art("a", STORY), num_perm=128)[0])


def test_add_same_id_twice_is_noop():
    index = DedupIndex()
    mh, data = signature(_art("a", STORY))
    index.add("a", mh)
    index.add("a", data)
    assert len(index) == 1


def test_link_duplicates_streams_in_order_and_passes_failures():
    items = [_art("a", STORY), Failure("bad.txt", "read", "empty file"), _art("b", OTHER),
             _art("c", STORY), _art("d", STORY + " Reporting by a wire service.")]
    index = DedupIndex()
    out = [(getattr(i, "id", None), first, kind, sig is not None) for i, first, kind, sig in
           link_duplicates(items, index)]
    assert out == [("a", None, None, True), (None, None, None, False), ("b", None, None, True),
                   ("c", "a", "exact", False), ("d", "a", "near", False)]
    assert len(index) == 2


@pytest.mark.parametrize(("text", "k", "n"), [("one two three", 5, 1), ("a b c d e f", 5, 2), ("", 5, 0)])
def test_shingles_counts(text, k, n):
    assert len(shingles(text, k=k)) == n
