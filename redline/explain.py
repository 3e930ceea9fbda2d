"""Explain how one sentence is coded: the parse, the rules that fired or failed, the actors and why, factuality.

`explain_text` returns a plain structure (dicts and lists); the CLI only formats it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import UsageError
from .pipeline import Context, Pipeline, default_stages
from .plover import event_dict
from .records import Article, Document
from .stages.coding import load_coder, quote_speakers


def _stages_before_coding(stages):
    out = []
    for st in stages:
        if st.name == "coding":
            break
        out.append(st)
    return out


def explain_text(text: str, *, published: dt.date | str | None = None, ctx: Context | None = None,
                 stages=None) -> dict[str, Any]:
    """Parse and code `text` (one sentence or a short passage) and say why each event was or was not coded.

    published: reference date for relative dates; stages: the stages to run before coding (default: the
    standard pipeline's).
    """
    if not text or not text.strip():
        raise UsageError("explain: the sentence is empty")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise UsageError(f"explain: --published {published!r} is not a YYYY-MM-DD date") from exc
    ctx = ctx or Context()
    before = _stages_before_coding(stages if stages is not None else default_stages())
    article = Article(id="explain", text=text.strip(), published=published, source="explain")
    doc: Document = Pipeline(ctx, before).run_one(article)
    coder = load_coder(ctx)
    speakers = quote_speakers(doc)
    max_tokens = int(ctx.settings["max_sentence_tokens"])
    sentences = []
    for sent in doc.sentences:
        trace: list[str] = []
        mentions = [m for m in doc.mentions if m.sentence == sent.index]
        coder.speaker = speakers.get(sent.index)
        events, skipped = coder.code_sentence(doc, sent, mentions, max_tokens, trace)
        coder.speaker = None
        sentences.append({
            "index": sent.index,
            "text": sent.text,
            "tokens": [{"i": t.i, "text": t.text, "lemma": t.lemma, "pos": t.pos, "dep": t.dep, "head": t.head,
                        "ent": t.ent_type} for t in sent.tokens],
            "mentions": [{"text": m.text, "start": m.start, "end": m.end, "head": m.head, "kind": m.kind,
                          "code": m.entity.code, "sector": m.entity.sector, "reason": m.entity.reason}
                         for m in mentions],
            "trace": trace,
            "skipped": skipped,
            "events": [{**event_dict(e), "factuality_reason": e.factuality_reason} for e in events],
        })
    return {"text": text, "published": published.isoformat() if published else None, "sentences": sentences}
