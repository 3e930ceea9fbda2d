"""The fast attribute ruler and lemmatizer (parse_fast) give exactly spaCy's token attributes, on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.stages.parse import load_model

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[1] / "redline" / "samples"
# Forms the two components treat specially: contractions and the ruler's two-token patterns ("gon na"),
# quotes, dashes, numbers, abbreviations, possessives, spaces.
TRICKY = (
    "They're gonna talk, aren't they? He'd said they wanna go -- and it's 5.30 p.m. on Jan. 3rd.\n"
    "The U.S. said 'no'; Russia's envoy didn't.  Two  spaces and a tab\there. Don't! Cannot... y'all ain't."
)

ATTRS = ("text", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_")


def _rows(doc):
    return [tuple(getattr(t, a) for a in ATTRS) + (str(t.morph), t.head.i) for t in doc]


@pytest.fixture(scope="module")
def models():
    return load_model(None, ruler=False, fast=False), load_model(None, ruler=False, fast=True)


def test_fast_components_replace_spacys(models):
    shipped, fast = models
    assert "attribute_ruler" in shipped.pipe_names and "lemmatizer" in shipped.pipe_names
    assert "attribute_ruler_fast" in fast.pipe_names and "lemmatizer_fast" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names


def test_fast_components_give_spacys_token_attributes(models):
    shipped, fast = models
    texts = [TRICKY] + [p for f in sorted(SAMPLES.glob("*.txt")) for p in f.read_text().split("\n\n") if p.strip()]
    assert len(texts) > 50
    compared = 0
    # twice through the fast model: the second pass answers from the caches
    for _ in range(2):
        for a, b in zip(shipped.pipe(texts), fast.pipe(texts), strict=True):
            assert _rows(a) == _rows(b), a.text[:80]
            compared += len(a)
    assert compared > 5000
