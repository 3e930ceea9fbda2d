"""Tone: VADER compound x 100 per sentence and quote, word-weighted mean per article."""

from __future__ import annotations

import pytest

from redline.pipeline import Context
from redline.records import Article, Document, Quote, Sentence, Token
from redline.stages.tone import analyzer_of, document_tone, load_analyzer, score_tone, text_tone


@pytest.fixture(scope="module")
def analyzer():
    return load_analyzer()


def _sentence(index: int, text: str) -> Sentence:
    """A hand-built sentence: one token per whitespace word, punctuation-free words tagged as nouns."""
    toks, pos = [], 0
    for i, word in enumerate(text.split()):
        pos = text.index(word, pos)
        toks.append(Token(i=i, text=word, lemma=word.lower(), pos="NOUN", tag="NN", dep="dep", head=i, idx=pos))
        pos += len(word)
    return Sentence(index=index, paragraph=0, start=0, end=len(text), text=text, tokens=tuple(toks))


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The talks were a great success and both sides welcomed the agreement.", 1),
        ("The leaders praised the peace deal as a historic achievement.", 1),
        ("The shelling killed dozens of civilians and destroyed the hospital.", -1),
        ("Officials condemned the brutal attack as a terrible crime.", -1),
        ("The delegation arrived in Geneva on Tuesday.", 0),
        ("", 0),
        ("   ", 0),
    ],
)
def test_text_tone_sign(analyzer, text, sign):
    tone = text_tone(analyzer, text)
    assert -100.0 <= tone <= 100.0
    assert (tone > 0) - (tone < 0) == sign


def test_text_tone_is_compound_times_100(analyzer):
    text = "This is a wonderful and generous offer."
    assert text_tone(analyzer, text) == round(100 * analyzer.polarity_scores(text)["compound"], 2)


@pytest.mark.parametrize(
    ("words", "tones", "expected"),
    [
        ((4, 4), (50.0, -50.0), 0.0),
        ((1, 3), (40.0, 0.0), 10.0),  # a long neutral sentence dilutes the tone
        ((2,), (-30.0,), -30.0),
        ((), (), None),
    ],
)
def test_document_tone_is_word_weighted_mean(words, tones, expected):
    sentences = [_sentence(i, " ".join(["w"] * n)) for i, n in enumerate(words)]
    assert document_tone(sentences, tones) == expected


def test_score_tone_fills_document_sentences_and_quotes():
    texts = ["Peace talks brought hope and joy.", "The bombing killed many people.", "Talks resume Monday."]
    sentences = tuple(_sentence(i, t) for i, t in enumerate(texts))
    quote = Quote(id="q", article_id="a", text="a terrible, cruel war", direct=True, speaker=None, speaker_text=None,
                  verb="said", medium=None, sentence=0, start=0, end=5)
    doc = Document(article=Article(id="a", text=" ".join(texts)), sentences=sentences, quotes=(quote,))
    out = score_tone(doc, Context())
    assert len(out.sentence_tones) == 3
    assert out.sentence_tones[0] > 0 > out.sentence_tones[1] and out.sentence_tones[2] == 0
    assert out.tone == document_tone(sentences, out.sentence_tones)
    assert out.quotes[0].tone is not None and out.quotes[0].tone < 0


def test_score_tone_empty_document_has_no_tone():
    out = score_tone(Document(article=Article(id="e", text="")), Context())
    assert out.tone is None and out.sentence_tones == ()


def test_analyzer_built_once_per_context():
    ctx = Context()
    assert analyzer_of(ctx) is analyzer_of(ctx)
