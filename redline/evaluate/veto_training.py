"""Training data, cross-validation and fitting of the veto (stages/coding/veto.py); `redline gold veto-train`.

Two sources of labelled asserted events, both coded by today's code with the veto off:
- our judgements of fresh articles (redline/gold/veto-judgements.tsv: article, type, trigger, verdict), joined to
  today's events on (article, type, trigger); judgements whose event today's code no longer asserts do not join;
- the dev split's matches: an asserted event is right when its sentence's gold has an asserted event of its type
  (a spurious event or a wrong type is wrong).
The threshold is chosen by article-grouped cross-validation on the judged events (never on the test split): the
highest threshold whose out-of-fold scores lose at most `max_loss` of the right judged events, capped at
`FLOOR_CAP` (where the pinned floors still hold) unless the caller gives another cap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..records import Event, Factuality, Sentence
from ..stages.coding.confidence import fit
from ..stages.coding.vectors import GROUPS as VECTOR_GROUPS
from ..stages.coding.veto import Veto, features

THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
# The highest threshold at which every pinned floor (redline/gold/floors.toml) held with the shipped (tenth round's)
# weights on 6 Dec 2026. No retrained model of the eleventh or twelfth round held every floor at any threshold
# (docs/coding.md, "Twelfth round, the veto"): check `pytest tests/test_gold_floors.py` before shipping new weights.
FLOOR_CAP = 0.35
# Rows of the dev split and of our sentence gold count three times in training (twelfth round): the gold says
# whether each coded event is right, and with weight 1 the judged rows outvote the wordings the gold pins (the
# best of the twelfth round's trainings: every floor but the India police events' at 0.45).
SOURCE_WEIGHT = {"dev": 3, "gold": 3}
# The spread (standard deviation) each token-vector feature is given in training (fifteenth round: 0.1 did best of
# 0.05, 0.1 and raw values scaled by 0.1-0.5 in article-grouped cross-validation).
VECTOR_SPREAD = 0.1
JUDGEMENT_COLUMNS = ("article", "type", "trigger", "verdict", "cause", "round")
# Where labelled events come from: our verdicts on fresh articles, the dev split's matches, our sentence gold.
SOURCES = ("judged", "dev", "gold")


@dataclass(frozen=True, slots=True)
class Judgement:
    """One of our verdicts on an asserted event: which article, type and trigger words, right or wrong."""

    article: str
    type: str
    trigger: str
    right: bool
    cause: str = ""
    round: str = ""


@dataclass(frozen=True, slots=True)
class Sample:
    """A labelled asserted event with its sentence; group is the article (cross-validation folds keep it whole)."""

    event: Event
    sentence: Sentence
    right: int
    source: str  # "judged", "dev" or "gold" (SOURCES)

    @property
    def group(self) -> str:
        return self.event.article_id


def tsv_rows(text: str, path: str | Path, columns: tuple[str, ...]):
    """(line number, tab-separated columns) of each row of a verdicts TSV after its header, which must be
    `columns`; blank lines and comment lines (starting with #) are skipped."""
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header_seen:
            yield lineno, cols
        elif tuple(cols) != columns:
            raise InputError(f"{path}:{lineno}: header must be {' '.join(columns)}")
        else:
            header_seen = True


def read_judgements(path: str | Path) -> list[Judgement]:
    """Rows of a judgements TSV (comment lines start with #); a later round's verdict on the same
    (article, type, trigger) replaces an earlier one."""
    latest: dict[tuple[str, str, str], list[Judgement]] = {}
    rounds: dict[tuple[str, str, str], str] = {}
    for lineno, cols in tsv_rows(Path(path).read_text(encoding="utf-8"), path, JUDGEMENT_COLUMNS):
        if len(cols) != len(JUDGEMENT_COLUMNS) or cols[3] not in ("right", "wrong"):
            raise InputError(f"{path}:{lineno}: expected 6 tab-separated columns with verdict right or wrong")
        j = Judgement(cols[0], cols[1], cols[2], cols[3] == "right", cols[4], cols[5])
        key = (j.article, j.type, j.trigger)
        if rounds.get(key) != j.round:
            latest[key] = []
            rounds[key] = j.round
        latest[key].append(j)
    return [j for group in latest.values() for j in group]


def join_judgements(judgements: Sequence[Judgement], events: Sequence[tuple[Event, Sentence]]) -> tuple[list[Sample], dict]:
    """Label today's asserted events of the judged articles by (article, type, trigger); keys whose verdicts
    disagree (two events with the same trigger word judged differently) are left out."""
    verdicts: dict[tuple[str, str, str], set[bool]] = {}
    for j in judgements:
        verdicts.setdefault((j.article, j.type, j.trigger), set()).add(j.right)
    samples, joined_keys = [], set()
    for ev, sent in events:
        if ev.factuality != Factuality.ASSERTED:
            continue
        key = (ev.article_id, ev.event, ev.event_text)
        found = verdicts.get(key)
        if found is not None and len(found) == 1:
            samples.append(Sample(ev, sent, int(next(iter(found))), "judged"))
            joined_keys.add(key)
    asserted = sum(1 for ev, _ in events if ev.factuality == Factuality.ASSERTED)
    report = {"judgements": len(judgements), "judged_keys": len(verdicts),
              "ambiguous_keys": sum(1 for v in verdicts.values() if len(v) > 1), "joined_keys": len(joined_keys),
              "asserted_events_today": asserted, "joined_events": len(samples)}
    return samples, report


def judged_events(judgements: Sequence[Judgement], corpus_path: str | Path, *, pipeline) -> list[tuple[Event, Sentence]]:
    """Code every judged article (whole, metadata date as publication date): its events with their sentences."""
    from .articles import ArticleJob, run_articles
    from .corpus import read_corpus

    ids = sorted({j.article for j in judgements})
    corpus = read_corpus(corpus_path, ids=ids)
    jobs = []
    for i in ids:
        if i not in corpus:
            continue
        art = corpus[i]
        try:
            published = dt.date.fromisoformat(art.date) if art.date else None
        except ValueError:
            published = None
        jobs.append(ArticleJob(art.id, art.text, published, art.title, ()))
    out = []
    for res in run_articles(jobs, pipeline=pipeline):
        if res.doc is not None:
            by_index = {s.index: s for s in res.doc.sentences}
            out.extend((ev, by_index[ev.text_info.sentence]) for ev in res.doc.events)
    return out


def dev_samples(gold_path: str | Path, corpus_path: str | Path, *, pipeline) -> list[Sample]:
    """The dev split's asserted events, right when their gold sentence has an asserted gold event of that type."""
    from .realnews import code_realnews

    run = code_realnews(gold_path, corpus_path, pipeline=pipeline)
    gold = {r.id: r for r in run.records}
    samples = []
    for res in run.results:
        if res.doc is None:
            continue
        by_index = {s.index: s for s in res.doc.sentences}
        for gid, evs in res.events.items():
            types = {g.event for g in gold[gid].asserted}
            for ev in evs:
                if ev.factuality == Factuality.ASSERTED:
                    samples.append(Sample(ev, by_index[ev.text_info.sentence], int(ev.event in types), "dev"))
    return samples


def gold_samples(gold_path: str | Path, *, pipeline) -> list[Sample]:
    """Our own sentence gold's asserted events (redline/gold/sentences.jsonl, one sentence per record), right when
    the record has an asserted gold event of that type: the gold says whether each coded event is right, so the
    veto also learns the wordings our gold pins (an army put "on high alert" is a MOBILIZE)."""
    from .readers import read_gold
    from .runner import gold_article

    records = [r for r in read_gold(gold_path) if not r.skip]
    samples = []
    for rec, out in zip(records, pipeline.run(gold_article(r) for r in records), strict=True):
        if not hasattr(out, "events"):  # a Failure
            continue
        by_index = {s.index: s for s in out.sentences}
        types = {g.event for g in rec.asserted}
        for ev in out.events:
            if ev.factuality == Factuality.ASSERTED:
                samples.append(Sample(ev, by_index[ev.text_info.sentence], int(ev.event in types), "gold"))
    return samples


def fold_of(group: str, folds: int, repeat: int = 0) -> int:
    """A stable fold for an article id (the same article always falls in the same fold); each repeat shuffles the
    articles differently (the confidence model's repeated cross-validation; repeat 0: the veto's folds)."""
    key = group if repeat == 0 else f"{repeat}:{group}"
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % folds


def training_rows(samples: Sequence[Sample], *, drop: Sequence[str] = (),
                  weight: Mapping[str, int] | None = None) -> list[tuple[dict[str, float], int]]:
    """(features, label) rows for the solver: features whose name starts with one of `drop` are left out (the
    bias never is), and a sample of source S is repeated weight[S] times (default 1; 0 leaves the source out)."""
    weight = weight or {}
    prefixes = tuple(drop)
    rows = []
    for s in samples:
        f = features(s.event, s.sentence)
        if prefixes:
            f = {k: v for k, v in f.items() if k == "bias" or not k.startswith(prefixes)}
        rows.extend([(f, s.right)] * int(weight.get(s.source, 1)))
    return rows


def fit_toward(rows: Sequence[tuple[dict[str, float], int]], prior: Mapping[str, float], *, l2: float,
               steps: int = 200) -> dict[str, float]:
    """L2-penalised logistic regression (Newton's method, numpy) whose penalty pulls each weight toward its
    `prior` value (0 for a feature the prior lacks) instead of toward 0: new labels update an earlier model
    rather than replace it. The bias is not penalised. With an empty prior this is `confidence.fit`."""
    import numpy as np

    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    w0 = np.array([prior.get(k, 0.0) for k in names])
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0

    def loss(w):
        z = np.clip(x @ w, -30, 30)
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(penalty * (w - w0) ** 2))

    w = np.zeros(len(names))
    current = loss(w)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * (w - w0)
        hess = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while size > 1e-4 and loss(w - size * step) > current + 1e-12:  # damped: never let the loss rise
            size /= 2
        w = w - size * step
        current = loss(w)
        if np.abs(size * step).max() < 1e-8:
            break
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}


def vector_factors(rows: Sequence[tuple[dict[str, float], int]],
                   spread: float = VECTOR_SPREAD) -> dict[str, float]:
    """For each vector feature (`stages/coding/vectors.py`) of the rows, the factor that gives it a standard
    deviation of `spread` over the rows that have it: the one L2 penalty then weighs every dimension alike,
    and the 0/1 features are not swamped by 96 numbers a group (a dimension that never varies gets 0)."""
    values: dict[str, list[float]] = {}
    for f, _ in rows:
        for k, v in f.items():
            if k.startswith(VECTOR_GROUPS):
                values.setdefault(k, []).append(v)
    out = {}
    for k, vs in values.items():
        mean = sum(vs) / len(vs)
        sd = (sum((v - mean) ** 2 for v in vs) / len(vs)) ** 0.5
        out[k] = spread / sd if sd > 1e-6 else 0.0
    return out


def fit_veto(samples: Sequence[Sample], *, l2: float = 2.0, min_count: int = 3, drop: Sequence[str] = (),
             weight: Mapping[str, int] | None = None, prior: Mapping[str, float] | None = None) -> dict[str, float]:
    """Fit the weights; a feature seen in fewer than `min_count` distinct events is left out (rare rule ids and
    trigger lemmas would only memorise their sentences); `drop` and `weight` as in `training_rows`; with a
    `prior` (an earlier model's weights) the penalty pulls toward it (`fit_toward`)."""
    rows = training_rows(samples, drop=drop, weight=weight)
    counts: dict[str, int] = {}  # in distinct events: a repeated row does not make a feature common
    for f, _ in training_rows(samples, drop=drop):
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    kept = [({k: v for k, v in f.items() if counts[k] >= min_count or k == "bias"}, y) for f, y in rows]
    factors = vector_factors(kept)
    if factors:  # fitted on rescaled vectors; the factors fold back into the weights of the raw ones
        kept = [({k: v * factors.get(k, 1.0) for k, v in f.items()}, y) for f, y in kept]
    fitted = fit_toward(kept, prior, l2=l2) if prior else fit(kept, l2=l2)
    fitted = {k: round(v * factors.get(k, 1.0), 4) for k, v in fitted.items()}
    return {k: v for k, v in fitted.items() if v != 0.0}


def out_of_fold(samples: Sequence[Sample], *, folds: int = 5, l2: float = 2.0, min_count: int = 3,
                drop: Sequence[str] = (), weight: Mapping[str, int] | None = None, repeat: int = 0,
                prior: Mapping[str, float] | None = None) -> list[float]:
    """Each sample's score by a model fitted without its article's fold (a `prior` model's weights are fixed
    from outside: when it was fitted on some of these samples the scores are not fully out of fold)."""
    scores = [0.0] * len(samples)
    for k in range(folds):
        train = [s for s in samples if fold_of(s.group, folds, repeat) != k]
        model = Veto(fit_veto(train, l2=l2, min_count=min_count, drop=drop, weight=weight, prior=prior), 0.0)
        for i, s in enumerate(samples):
            if fold_of(s.group, folds, repeat) == k:
                scores[i] = model.score(s.event, s.sentence)
    return scores


def threshold_table(labels: Sequence[int], scores: Sequence[float], thresholds: Sequence[float] = THRESHOLDS) -> list[dict]:
    """Precision kept, right events lost and wrong events removed when events scored below each threshold go."""
    right = sum(labels)
    wrong = len(labels) - right
    rows = [{"threshold": 0.0, "kept": len(labels), "precision": round(right / len(labels), 4) if labels else None,
             "right_lost": 0.0, "wrong_removed": 0.0}]
    for t in thresholds:
        kept = [y for y, s in zip(labels, scores, strict=True) if s >= t]
        kr = sum(kept)
        rows.append({"threshold": t, "kept": len(kept), "precision": round(kr / len(kept), 4) if kept else None,
                     "right_lost": round((right - kr) / right, 4) if right else 0.0,
                     "wrong_removed": round((wrong - (len(kept) - kr)) / wrong, 4) if wrong else 0.0})
    return rows


def auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve: the chance that a right event scores above a wrong one (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    right = sum(labels)
    wrong = len(labels) - right
    if not right or not wrong:
        return None
    below = 0.0  # wrong events scored below the current one, ties counted half
    total = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        tied_wrong = sum(1 for _, y in pairs[i:j] if not y)
        tied_right = (j - i) - tied_wrong
        total += tied_right * (below + tied_wrong / 2)
        below += tied_wrong
        i = j
    return round(total / (right * wrong), 4)


def choose_threshold(table: Sequence[dict], *, max_loss: float) -> float:
    """The highest threshold that loses at most `max_loss` of the right events (0.0: veto nothing)."""
    ok = [r["threshold"] for r in table if r["right_lost"] <= max_loss]
    return max(ok, default=0.0)


def weights_file(weights: dict[str, float], threshold: float, *, counts: dict, l2: float, max_loss: float,
                 chosen: float | None = None, drop: Sequence[str] = (), weight: Mapping[str, int] | None = None,
                 prior: bool = False, vectors: bool = False) -> str:
    """The text of knowledge/data/veto.toml."""
    sources = ", ".join(f"{counts[src]} {src}" for src in SOURCES if counts.get(src))
    lines = ["# The veto of redline (stages/coding/veto.py): logistic weights over its features, written by",
             "# `redline gold veto-train` from our judgements (redline/gold/veto-judgements.tsv), the dev split and",
             "# our sentence gold.",
             f"# Fitted {dt.date.today().isoformat()} on {sources} events, L2 = {l2}"
             + (f", features left out: {' '.join(drop)}" if drop else "")
             + (f", source weights: {' '.join(f'{k}={v}' for k, v in sorted(weight.items()))}" if weight else "")
             + (", penalty toward the earlier weights" if prior else "")
             + (", with the parser's token vectors (run it with the setting token_vectors on)" if vectors else "")
             + ";",
             "# threshold chosen by article-grouped cross-validation on the judged events",
             f"# (at most {max_loss:.0%} of right events lost: {threshold if chosen is None else chosen}), capped where "
             "the pinned floors hold.",
             "# An asserted event scored below the threshold is vetoed.",
             f"threshold = {threshold}", "", "[weights]"]
    lines += [f'"{k}" = {v}' for k, v in sorted(weights.items())]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class VetoTraining:
    """What `train_veto` measured and fitted: the join report, the cross-validated table per source, the
    chosen threshold, the weights and the text of the weights file."""

    join: dict
    counts: dict
    cv: dict[str, list[dict]]
    threshold: float
    weights: dict[str, float]
    text: str
    cv_threshold: float = 0.0  # what cross-validation chose before the cap
    auc: dict[str, float | None] = field(default_factory=dict)  # cross-validated, per source


def train_veto(judgements_path: str | Path, dev_path: str | Path | None, corpus_path: str | Path, *,
               l2: float = 2.0, max_loss: float = 0.06, cap: float = FLOOR_CAP, folds: int = 5,
               min_count: int = 3, gold_path: str | Path | None = None, drop: Sequence[str] = (),
               weight: Mapping[str, int] | None = None, prior: Mapping[str, float] | None = None,
               vectors: bool = False) -> VetoTraining:
    """Code the judged articles (the dev split and our sentence gold when given) with the veto off,
    cross-validate by article, pick the threshold on the judged events and fit the final weights on everything.
    vectors: parse with the setting `token_vectors` on, so the parser's token vectors are features too
    (`stages/coding/vectors.py`; a veto fitted so needs that setting on wherever it runs)."""
    from ..pipeline import Context, Pipeline

    pipeline = Pipeline(Context(settings={"veto": False, "token_vectors": vectors}))
    judgements = read_judgements(judgements_path)
    samples, join = join_judgements(judgements, judged_events(judgements, corpus_path, pipeline=pipeline))
    if dev_path is not None:
        samples += dev_samples(dev_path, corpus_path, pipeline=pipeline)
    if gold_path is not None:
        samples += gold_samples(gold_path, pipeline=pipeline)
    if sum(s.source == "judged" for s in samples) < 50:
        raise ValueError(f"only {join['joined_events']} judged events joined today's events; need at least 50")
    options = {"l2": l2, "min_count": min_count, "drop": tuple(drop), "weight": dict(weight or {}),
               "prior": dict(prior or {})}
    scores = out_of_fold(samples, folds=folds, **options)
    cv, areas = {}, {}
    for source in SOURCES:
        idx = [i for i, s in enumerate(samples) if s.source == source]
        if idx:
            cv[source] = threshold_table([samples[i].right for i in idx], [scores[i] for i in idx])
            areas[source] = auc([samples[i].right for i in idx], [scores[i] for i in idx])
    chosen = choose_threshold(cv["judged"], max_loss=max_loss)
    threshold = min(chosen, cap)
    weights = fit_veto(samples, **options)
    counts = {src: sum(s.source == src for s in samples) for src in SOURCES}
    text = weights_file(weights, threshold, counts=counts, l2=l2, max_loss=max_loss, chosen=chosen,
                        drop=options["drop"], weight=options["weight"], prior=bool(prior), vectors=vectors)
    return VetoTraining(join, counts, cv, threshold, weights, text, chosen, areas)
