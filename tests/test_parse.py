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


def test_parse_sentences_keep_the_parser_token_vectors_only_when_asked(ctx):
    from redline.pipeline import Context
    from redline.stages.coding.vectors import token_vectors

    body = "Rebels seized the airport on Friday. The army said it would answer.\n\nTalks resumed in Cairo."
    plain = parse_sentences([Document(article=Article(id="v", text=body))], ctx)[0]
    assert [s.vectors for s in plain.sentences] == [b"", b"", b""]  # the default: no memory spent on them
    keeping = Context(settings={"veto": False, "token_vectors": True}, nlp=ctx.nlp)
    doc = parse_sentences([Document(article=Article(id="v", text=body))], keeping)[0]
    for s in doc.sentences:
        vectors = token_vectors(s)
        assert vectors is not None and vectors.shape == (len(s.tokens), 96)
        assert len(s.vectors) == 2 * 96 * len(s.tokens)
    # the rows are the model's own tensor for those tokens, paragraph by paragraph (float16: 3 digits)
    first = ctx.nlp("Rebels seized the airport on Friday. The army said it would answer.")
    second = token_vectors(doc.sentences[1])
    assert abs(second - first.tensor[len(doc.sentences[0].tokens):]).max() < 0.02
