"""parse stage with the real model: paragraphs, offsets into the body, tokens decoupled from spaCy."""

import pytest

from redline.records import Article, Document
from redline.stages.parse import paragraphs, parse_sentences

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\n\nTwo.", [(0, 0, "One."), (1, 6, "Two.")]),
        ("  One.\n \n\n  Two.\n", [(0, 2, "One."), (1, 12, "Two.")]),
        ("", []),
        ("Single line", [(0, 0, "Single line")]),
    ],
)
def test_paragraphs_split_on_blank_lines_with_offsets(text, expected):
    assert list(paragraphs(text)) == expected
    for _, off, para in paragraphs(text):
        assert text[off : off + len(para)] == para


def test_parse_sentences_offsets_point_into_the_body(ctx):
    body = "Russia shelled the town on Monday. Kyiv protested.\n\nThe talks in Geneva ended without a deal."
    doc = parse_sentences([Document(article=Article(id="x", text=body))], ctx)[0]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert [s.index for s in doc.sentences] == [0, 1, 2]
    for s in doc.sentences:
        assert body[s.start : s.end] == s.text
        for t in s.tokens:
            assert body[t.idx : t.end] == t.text
            assert 0 <= t.head < len(s.tokens)
    first = doc.sentences[0]
    root = [t for t in first.tokens if t.dep == "ROOT"]
    assert [t.lemma for t in root] == ["shell"]
    assert first.tokens[0].text == "Russia" and first.tokens[0].dep == "nsubj"


def test_parse_sentences_never_joins_paragraphs(ctx):
    body = "The minister resigned\n\nProtesters gathered in the capital."
    doc = parse_sentences([Document(article=Article(id="y", text=body))], ctx)[0]
    assert all("\n" not in s.text for s in doc.sentences)
    assert len(doc.sentences) == 2
