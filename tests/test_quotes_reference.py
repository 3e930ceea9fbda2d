"""Quotes on the reference article through the real pipeline (actor coreference included)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from redline.stages.clean import clean_text

# a medium checked against the article's own words: the "in an interview ... website" phrase of the sentence
MEDIUM_IN_TEXT = object()


@pytest.fixture(scope="module")
def reference_doc(pipeline, reference_text):
    return pipeline.run_one(clean_text(reference_text))


def _direct(doc, fragment):
    found = [q for q in doc.quotes if q.direct and fragment in doc.sentences[q.sentence].text]
    assert len(found) == 1, (fragment, [q.text for q in doc.quotes])
    return found[0]


@pytest.mark.parametrize(
    ("fragment", "verb", "medium"),
    [
        ("a red line for us", "told", "the Ekho Moskvy radio station"),
        ("raises our concerns", "added", None),
        ("was a meeting", "said", None),
        ("we warned against exaggerated expectations", "told", "Ekho Moskvy"),
        ("But now we can say", "told", "Ekho Moskvy"),
    ],
)
def test_reference_direct_quotes_are_peskov(reference_doc, fragment, verb, medium):
    q = _direct(reference_doc, fragment)
    assert q.speaker is not None and q.speaker.identifier_text == "Dmitry Peskov"
    assert (q.verb, q.medium) == (verb, medium)


def test_reference_pronoun_speaker_keeps_its_text(reference_doc):
    q = _direct(reference_doc, "raises our concerns")
    assert q.speaker_text == "He"


@pytest.mark.parametrize(
    ("fragment", "speaker", "date", "medium"),
    [
        ("Russia was concerned by talk", "Dmitry Peskov", dt.date(2021, 6, 17), None),
        ("he wanted a clear", "Volodymyr Zelensky", dt.date(2021, 6, 14), None),
        ("Russia expects arms-control talks", "Sergei Ryabkov", dt.date(2021, 6, 17),
         MEDIUM_IN_TEXT),
        ("he believed Putin was a killer", "Joe Biden", None, "in an interview"),
    ],
)
def test_reference_indirect_statements(reference_doc, fragment, speaker, date, medium):
    (q,) = [q for q in reference_doc.quotes if not q.direct and q.text.startswith(fragment)]
    assert q.speaker is not None and q.speaker.identifier_text == speaker
    if medium is MEDIUM_IN_TEXT:
        medium = re.search(r"in an interview [^,]*? website", reference_doc.sentences[q.sentence].text).group()
    assert q.medium == medium
    if date is not None:
        assert q.date == date


def test_reference_quotes_point_into_the_body_and_events_link_back(reference_doc):
    body = reference_doc.article.text
    ids = {q.id for q in reference_doc.quotes}
    assert len(ids) == len(reference_doc.quotes)
    for q in reference_doc.quotes:
        assert body[q.start : q.end] == q.text
        assert q.tone is not None
        for eid in q.event_ids:
            (ev,) = [e for e in reference_doc.events if e.id == eid]
            assert ev.quote_id == q.id
    for ev in reference_doc.events:
        assert ev.quote_id is None or ev.quote_id in ids


def test_reference_apostrophes_open_no_quote(reference_doc):
    assert not any("'s " in q.text[:3] or q.text.startswith("s ") for q in reference_doc.quotes)
    assert reference_doc.tone is not None and len(reference_doc.sentence_tones) == len(reference_doc.sentences)
