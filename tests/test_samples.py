"""The bundled sample articles: cleaned properly, and with the real pipeline each yields asserted events."""

from __future__ import annotations

from collections import Counter

import pytest

from redline.evaluate import PLOVER_TYPES
from redline.records import Factuality
from redline.samples import load_samples, sample_paths

BOILERPLATE = ("SEE ALSO", "Copyright", "newsletter", "Sign up", "With reporting by", "With additional reporting",
               "(Reporting by", "Written by", "Follow us", "Share this", "Click here", "Advertisement")
SAMPLES = load_samples()
# Types the pipeline must find somewhere in the samples (15 measured on 29 Nov 2026; COOPERATE is missed).
# Raise toward 16 as the coder improves; never lower
# without a reason in the commit message.
MIN_TYPES_COVERED = 14


def test_samples_are_a_dozen_or_more():
    assert len(sample_paths()) >= 12


@pytest.mark.parametrize("article", SAMPLES, ids=lambda a: a.source)
def test_sample_dateline_is_found(article):
    assert article.published is not None
    assert any(r.reason == "dateline" for r in article.removed)


@pytest.mark.parametrize("article", SAMPLES, ids=lambda a: a.source)
def test_sample_boilerplate_is_removed(article):
    left = [b for b in BOILERPLATE if b.lower() in article.text.lower()]
    assert left == []
    reasons = {r.reason for r in article.removed}
    assert {"cross-link (see also)", "copyright line"} <= reasons


@pytest.mark.parametrize("article", SAMPLES, ids=lambda a: a.source)
def test_sample_body_is_short_news_length(article):
    assert 150 <= len(article.text.split()) <= 400


@pytest.fixture(scope="module")
def sample_docs(pipeline):
    return list(pipeline.run(SAMPLES))


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(SAMPLES)), ids=[a.source for a in SAMPLES])
def test_sample_yields_an_asserted_event(sample_docs, index):
    doc = sample_docs[index]
    assert hasattr(doc, "events"), doc
    assert any(e.factuality == Factuality.ASSERTED for e in doc.events)


@pytest.mark.slow
def test_samples_cover_most_plover_types(sample_docs):
    found = Counter(e.event for d in sample_docs for e in d.events if e.factuality == Factuality.ASSERTED)
    assert set(found) <= set(PLOVER_TYPES)
    assert len(found) >= MIN_TYPES_COVERED, sorted(found)
