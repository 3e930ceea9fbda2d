"""Which sentences need spaCy's parser and NER, and the most that gating them by sentence could save (issue 16).

    python benchmarks/parse_need.py CORPUS [--limit 300] [--cpu-ratio R] [--out FILE]

Runs the whole pipeline in this process over the first `limit` articles, with spaCy's components called one
by one so each one's CPU time is measured (and the disabled `senter`, timed on the side: a cheap pass would
need it for sentence boundaries). Then, per sentence of the coded Documents: does it hold a lexicon trigger
lemma (a verb, light verb or event-noun head of the lexicon), a quotation mark, an event or quote the pipeline
produced, an antecedent of a coreferent mention, a place. From the token shares and the components' CPU it
computes the pipeline's CPU if only the sentences that need them paid for the parser and NER (costs taken as
proportional to tokens; the gating itself counted free), and the ceiling ratio against bare spaCy:
`cpu_ratio * today's CPU / gated CPU`, `cpu_ratio` being `redline bench`'s measured CPU ratio of the same run
conditions. Knowledge loading is kept out of the timing (one article first). Sentence boundaries are the
parser's. Prints a summary; --out writes it as JSON (no text of the
corpus is written).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

QUOTE_MARKS = frozenset('"“”«»')


class TimedComponents:
    """Runs a spaCy pipeline component by component over each batch, adding up each one's CPU seconds."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.cpu: dict[str, float] = defaultdict(float)
        self.tokens = 0
        self._senter = nlp.get_pipe("senter") if "senter" in nlp.component_names else None

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def _run(self, texts: list[str]):
        c = time.process_time()
        docs = [self._nlp.make_doc(t) for t in texts]
        self.cpu["tokenizer"] += time.process_time() - c
        self.tokens += sum(len(d) for d in docs)
        for name, proc in self._nlp.pipeline:
            c = time.process_time()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            self.cpu[name] += time.process_time() - c
        if self._senter is not None:  # timed on copies: the pipeline keeps the parser's sentences
            copies = [self._nlp.make_doc(d.text) for d in docs]
            c = time.process_time()
            list(self._senter.pipe(copies, batch_size=64))
            self.cpu["senter (timed only)"] += time.process_time() - c
        return docs

    def pipe(self, texts, batch_size: int = 64):
        texts = list(texts)
        for i in range(0, len(texts), batch_size):
            yield from self._run(texts[i : i + batch_size])

    def __call__(self, text: str):
        return self._run([text])[0]


def sentence_rows(docs, triggers: set[str]) -> list[dict]:
    rows = []
    for d in docs:
        events = {e.text_info.sentence for e in d.events}
        quotes = {q.sentence for q in d.quotes}
        antecedents = {m.antecedent[0] for m in d.mentions if m.antecedent}
        mentions = {m.sentence for m in d.mentions}
        places = {p.sentence for p in d.places if p.sentence is not None}
        for s in d.sentences:
            rows.append({
                "tokens": len(s.tokens),
                "trigger": any(t.lemma.lower() in triggers for t in s.tokens),
                "quote_mark": any(ch in QUOTE_MARKS for ch in s.text),
                "output": s.index in events or s.index in quotes,
                "antecedent": s.index in antecedents, "place": s.index in places, "mention": s.index in mentions,
                "entity": bool(s.entities), "propn": any(t.pos == "PROPN" for t in s.tokens),
            })
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--cpu-ratio", type=float, default=None, help="redline bench's measured cpu_ratio")
    ap.add_argument("--out")
    args = ap.parse_args()

    from redline.bench import load_articles
    from redline.knowledge.lexicon import load_lexicon
    from redline.pipeline import Context, Pipeline
    from redline.records import Failure
    from redline.settings import load_settings
    from redline.stages.parse import load_model

    values = load_settings()
    arts, _ = load_articles([args.corpus], args.limit)
    nlp = TimedComponents(load_model(Context(settings=values)))
    pipe = Pipeline(Context(settings=values, nlp=nlp))
    lex = load_lexicon(values.get("lexicon"))
    triggers = set(lex.verbs) | set(lex.light) | set(lex.nouns)
    list(pipe.run(arts[:1]))  # knowledge base, gazetteer and lexicon built now, outside the timing (as in bench)
    nlp.cpu.clear()
    c = time.process_time()
    docs = [d for d in pipe.run(arts, batch_size=values["batch_size"]) if not isinstance(d, Failure)]
    cpu = dict(nlp.cpu)
    senter = cpu.pop("senter (timed only)", 0.0)
    total = time.process_time() - c - senter
    rows = sentence_rows(docs, triggers)
    n_tok = sum(r["tokens"] for r in rows)

    def share(pred) -> float:
        return sum(r["tokens"] for r in rows if pred(r)) / n_tok

    shares = {
        "trigger_lemma": share(lambda r: r["trigger"]),
        "trigger_or_quote_mark": share(lambda r: r["trigger"] or r["quote_mark"]),
        "trigger_quote_antecedent_or_place": share(
            lambda r: r["trigger"] or r["quote_mark"] or r["antecedent"] or r["place"]),
        "produced_event_or_quote": share(lambda r: r["output"]),
        "has_entity": share(lambda r: r["entity"]),
        "has_actor_mention": share(lambda r: r["mention"]),
        "has_proper_noun": share(lambda r: r["propn"]),
    }
    parser, ner = cpu.get("parser", 0.0), cpu.get("ner", 0.0)
    routes = {  # (share of tokens paying the parser, share paying NER)
        "gate_trigger_or_quote_ner_also_antecedents_places": (
            shares["trigger_or_quote_mark"], shares["trigger_quote_antecedent_or_place"]),
        "gate_trigger_or_quote": (shares["trigger_or_quote_mark"], shares["trigger_or_quote_mark"]),
        "oracle_only_sentences_that_produced_output": (shares["produced_event_or_quote"],) * 2,
        "no_parser_no_ner_anywhere": (0.0, 0.0),
    }
    ceilings = {}
    for name, (fp, fn) in routes.items():
        gated = total - (1 - fp) * parser - (1 - fn) * ner + senter
        ceilings[name] = {"parser_token_share": round(fp, 3), "ner_token_share": round(fn, 3),
                          "cpu_s": round(gated, 2), "speedup": round(total / gated, 3)}
        if args.cpu_ratio:
            ceilings[name]["ceiling_ratio_vs_bare_spacy"] = round(args.cpu_ratio * total / gated, 3)
    out = {"articles": len(docs), "sentences": len(rows), "tokens": n_tok, "pipeline_cpu_s": round(total, 2),
           "component_cpu_s": {k: round(v, 2) for k, v in cpu.items()}, "senter_cpu_s": round(senter, 2),
           "cpu_ratio_measured_apart": args.cpu_ratio,
           "token_share": {k: round(v, 3) for k, v in shares.items()}, "ceilings": ceilings}
    print(json.dumps(out, indent=1))
    if args.out:
        with open(args.out, "w") as fh:
            json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
