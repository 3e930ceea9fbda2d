"""Inter-annotator agreement on real-article gold: two annotations of the same sentences compared.

Reported: Cohen's kappa on the event type of each sentence (its set of asserted types, "NONE" when empty, as
one nominal label), the pooled kappa of the per-type yes/no decisions (sentence x 16 types), and F1 between the
annotators on (sentence, type) pairs and on (sentence, type, actor, recipient) triples. F1 is symmetric, so it
does not matter which annotator is taken as the reference.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .gold import PLOVER_TYPES, GoldRecord
from .metrics import event_triples, event_types, prf


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two equally long label sequences; None when undefined (one label everywhere)."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two label sequences of the same, non-zero length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected == 1:
        return None
    return round((observed - expected) / (1 - expected), 4)


def _label(record: GoldRecord) -> str:
    return "+".join(sorted(event_types(record.asserted))) or "NONE"


def agreement(first: Sequence[GoldRecord], second: Sequence[GoldRecord]) -> dict:
    """Agreement over the sentences both annotated (matched by id); the rest is counted, not scored."""
    a = {r.id: r for r in first}
    b = {r.id: r for r in second}
    common = sorted(set(a) & set(b))
    if not common:
        raise ValueError("the two annotations share no sentence")
    kappa_sentence = cohen_kappa([_label(a[i]) for i in common], [_label(b[i]) for i in common])
    yes_a = [t in event_types(a[i].asserted) for i in common for t in PLOVER_TYPES]
    yes_b = [t in event_types(b[i].asserted) for i in common for t in PLOVER_TYPES]
    tp = fp = fn = ttp = tfp = tfn = 0
    for i in common:
        ta, tb = event_types(a[i].asserted), event_types(b[i].asserted)
        tp, fp, fn = tp + len(ta & tb), fp + len(tb - ta), fn + len(ta - tb)
        xa, xb = event_triples(a[i].asserted), event_triples(b[i].asserted)
        ttp, tfp, tfn = ttp + len(xa & xb), tfp + len(xb - xa), tfn + len(xa - xb)
    return {
        "sentences": len(common), "only_first": len(set(a) - set(b)), "only_second": len(set(b) - set(a)),
        "kappa_sentence_types": kappa_sentence, "kappa_type_decisions": cohen_kappa(yes_a, yes_b),
        "type_f1": prf(tp, fp, fn)["f1"], "triple_f1": prf(ttp, tfp, tfn)["f1"],
        "events_first": sum(len(a[i].asserted) for i in common),
        "events_second": sum(len(b[i].asserted) for i in common),
    }
