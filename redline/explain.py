"""Explain how one sentence is coded: the parse, the rules that fired or failed, the actors and why, factuality.

`explain_text` returns a plain structure (dicts and lists); the CLI only formats it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .errors import UsageError
from .pipeline import Context, Pipeline, default_stages
from .plover import event_dict
from .records import Article, Document
from .stages.coding import QuoteVoices, load_coder, load_veto_model, split_vetoed


def _split_at_coding(stages) -> tuple[list, list]:
    """The stages before coding and the ones after it (quote links, dates, places, tone)."""
    names = [st.name for st in stages]
    if "coding" not in names:
        return list(stages), []
    i = names.index("coding")
    return list(stages[:i]), list(stages[i + 1:])


def explain_text(text: str, *, published: dt.date | str | None = None, ctx: Context | None = None,
                 stages=None, actors_file: str | None = None) -> dict[str, Any]:
    """Parse and code `text` (one sentence or a short passage) and say why each event was or was not coded.

    published: reference date for relative dates; stages: the pipeline's stages (default: the standard ones);
    the stages before coding prepare the sentences, the ones after it date and place the events.
    actors_file: a user actor file layered over the built-in knowledge base (ignored when `ctx` is given).
    """
    if not text or not text.strip():
        raise UsageError("explain: the sentence is empty")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise UsageError(f"explain: --published {published!r} is not a YYYY-MM-DD date") from exc
    ctx = ctx or Context(actors_file=actors_file)
    before, after = _split_at_coding(stages if stages is not None else default_stages())
    article = Article(id="explain", text=text.strip(), published=published, source="explain")
    doc: Document = Pipeline(ctx, before).run_one(article)
    coder = load_coder(ctx)
    coder.date = doc.reference_date or doc.article.published
    voices = QuoteVoices.of(doc)
    max_tokens = int(ctx.settings["max_sentence_tokens"])
    veto = load_veto_model(ctx)
    coded = []
    for sent in doc.sentences:
        trace: list[str] = []
        mentions = [m for m in doc.mentions if m.sentence == sent.index]
        voices.apply(coder, sent.index)
        events, skipped = coder.code_sentence(doc, sent, mentions, max_tokens, trace)
        voices.apply(coder, None)
        events, vetoed = split_vetoed(events, sent, veto)
        skipped += [veto.reason(e, sent) for e in vetoed]
        shown = [{**event_dict(e), "factuality_reason": e.factuality_reason, "veto_score": round(veto.score(e, sent), 3),
                  "veto_threshold": veto.threshold, "veto_against": veto.strongest(e, sent)} for e in vetoed]
        coded.append((sent, mentions, trace, skipped, events, shown))
    finished = _finish(dataclasses.replace(doc, events=tuple(e for *_, evs, _ in coded for e in evs)), after, ctx)
    final = {e.id: e for e in finished.events}
    sentences = []
    for sent, mentions, trace, skipped, events, vetoed in coded:
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
            "events": [{**event_dict(final.get(e.id, e)), "factuality_reason": e.factuality_reason} for e in events],
            "vetoed": vetoed,  # coded but dropped by the learnt veto (not dated or placed): score and why
        })
    reference = finished.reference_date or published
    return {"text": text, "published": published.isoformat() if published else None,
            "reference_date": reference.isoformat() if reference else None, "sentences": sentences}


def _finish(doc: Document, stages, ctx: Context) -> Document:
    """Run the stages after coding (dates, places, ...) over the coded document."""
    for st in stages:
        doc = st.fn([doc], ctx)[0] if st.batch else st.fn(doc, ctx)
    return doc
