"""tone: how positive or negative the coverage is, per sentence, per quote and per article.

VADER (vaderSentiment, which ships its lexicon, so nothing is downloaded) scores each sentence; its compound
score in [-1, 1] is reported on GDELT's AvgTone scale [-100, +100] as ``100 * compound``. The article tone is
the mean of the sentence tones weighted by each sentence's word count, so a long neutral sentence dilutes the
article tone as neutral words do in GDELT's word-count tone. A quote's tone is VADER on the quote text alone.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any

from ..errors import ModelError
from ..pipeline import Context, stage
from ..records import Document, Sentence

log = logging.getLogger(__name__)

SCALE = 100.0  # GDELT AvgTone runs from -100 to +100; VADER's compound from -1 to +1


def load_analyzer() -> Any:
    """VADER's analyzer with its bundled lexicon (built once per process through ctx.resource)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelError("vaderSentiment is not installed; run: pip install vaderSentiment") from exc
    return SentimentIntensityAnalyzer()


def analyzer_of(ctx: Context) -> Any:
    return ctx.resource("tone.vader", load_analyzer)


def text_tone(analyzer: Any, text: str) -> float:
    """Tone of one text on the AvgTone scale: 100 x VADER compound, rounded to 2 decimals (0.0 for no words)."""
    if not text or not text.strip():
        return 0.0
    return round(SCALE * analyzer.polarity_scores(text)["compound"], 2)


def document_tone(sentences: Sequence[Sentence], tones: Sequence[float]) -> float | None:
    """Word-weighted mean of sentence tones; None when the article has no words."""
    weights = [sum(1 for t in s.tokens if t.pos not in ("PUNCT", "SPACE")) or len(s.text.split()) for s in sentences]
    total = sum(weights)
    if total == 0:
        return None
    return round(sum(w * t for w, t in zip(weights, tones, strict=True)) / total, 2)


@stage("tone", requires=("sentences",), provides=("tone",))
def score_tone(doc: Document, ctx: Context) -> Document:
    """Sentences (and quotes, when found) -> tone. Requires: sentences. Provides: tone, sentence_tones, Quote.tone."""
    analyzer = analyzer_of(ctx)
    tones = tuple(text_tone(analyzer, s.text) for s in doc.sentences)
    quotes = tuple(dataclasses.replace(q, tone=text_tone(analyzer, q.text)) for q in doc.quotes)
    return dataclasses.replace(doc, tone=document_tone(doc.sentences, tones), sentence_tones=tones, quotes=quotes)
