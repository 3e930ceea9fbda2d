"""Held-out labels for the confidence model: our verdicts on fresh articles' events, joined to today's events.

`redline/gold/confidence-judgements.tsv` holds two kinds of verdict from the judged samples of sessions 27-30 and 33-35
(docs/coding.md, "Thirteenth round, confidence"): on the **act** (is this an asserted event of this type: samples
K-O, V, W, N2) and on the **parties** (are the coded actor and recipient countries who acted and who was acted on:
samples T3-T6). Sample H (session 33) judged both, in two rows per event whose act is right; no row says on its
own whether a whole triple is right. Each event of today's code
is joined to the verdicts on it (acts by article, type and trigger; parties also by the coded country codes, since
a changed actor is a different claim); a verdict whose event today's code no longer produces is left out and
counted.

Scoring a triple probability on these labels (`factorised_scores`): within each confidence bin the triple is
right as often as the act is right (the act-judged events of the bin) times the parties are right (the
party-judged events of the bin), which assumes the two are independent given the confidence. The Brier score is
the expected one under that assumption (an act-judged event whose act is right has right parties with the bin's
party rate). It is an estimate, but it is measured on articles the coder was never tuned on, which the dev
split's out-of-fold scores are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Entity, Event, Factuality
from .veto_training import tsv_rows

SAMPLE_COLUMNS = ("article", "type", "trigger", "actor_codes", "recipient_codes", "act", "actor", "recipient",
                  "sample", "session")
VERDICTS = {"right": 1, "wrong": 0, "-": None}
ANY = "*"


@dataclass(frozen=True, slots=True)
class SampleVerdict:
    """One row of the samples file: a verdict on an event's act (act set, codes ANY) or on its parties (actor and
    recipient set, with the coded country codes that identify the event judged)."""

    article: str
    type: str
    trigger: str
    actor_codes: str
    recipient_codes: str
    act: int | None
    actor: int | None
    recipient: int | None
    sample: str
    session: str

    @property
    def parties(self) -> int | None:
        """1 when both the actor and the recipient were judged right, None when the parties were not judged."""
        if self.actor is None or self.recipient is None:
            return None
        return int(self.actor and self.recipient)


def read_sample_verdicts(path: str | Path) -> list[SampleVerdict]:
    """Rows of a samples TSV (comment lines start with #; the header is SAMPLE_COLUMNS)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the samples file: {exc}") from exc
    rows = []
    for lineno, cols in tsv_rows(text, path, SAMPLE_COLUMNS):
        if len(cols) != len(SAMPLE_COLUMNS) or not all(c in VERDICTS for c in cols[5:8]):
            raise InputError(f"{path}:{lineno}: expected {len(SAMPLE_COLUMNS)} tab-separated columns with verdicts "
                             "right, wrong or -")
        v = SampleVerdict(*cols[:5], *(VERDICTS[c] for c in cols[5:8]), cols[8], cols[9])
        if (v.act is None) == (v.parties is None) or (v.actor is None) != (v.recipient is None):
            raise InputError(f"{path}:{lineno}: a row judges either the act or both parties")
        rows.append(v)
    return rows


def codes(entities: Sequence[Entity]) -> str:
    """The coded countries of an actor or recipient as the samples file writes them ('|'-joined, '?' unresolved)."""
    return "|".join(sorted(e.code or "?" for e in entities))


@dataclass(frozen=True, slots=True)
class Joined:
    """Today's event with its verdicts (None where not judged) and the sample / session that judged it."""

    event: Event
    act: int | None
    parties: int | None
    sample: str
    session: str


def _unique(verdicts: dict, key, value: int) -> None:
    verdicts.setdefault(key, set()).add(value)


def join_sample_verdicts(verdicts: Sequence[SampleVerdict], events: Sequence[Event]) -> tuple[list[Joined], dict]:
    """Label today's asserted events with the verdicts on them; a key judged both right and wrong (two events of
    one trigger word) is left out. The report counts verdict keys, joined keys and events."""
    acts: dict[tuple, set[int]] = {}
    parties: dict[tuple, set[int]] = {}
    origin: dict[tuple, tuple[str, str]] = {}
    for v in verdicts:
        if v.act is not None:
            key = (v.article, v.type, v.trigger)
            _unique(acts, key, v.act)
        else:
            key = (v.article, v.type, v.trigger, v.actor_codes, v.recipient_codes)
            _unique(parties, key, v.parties)
        origin[key] = (v.sample, v.session)
    out, used = [], set()
    for ev in events:
        if ev.factuality != Factuality.ASSERTED:
            continue
        akey = (ev.article_id, ev.event, ev.event_text)
        pkey = (*akey, codes(ev.actor), codes(ev.recipient))
        act = acts.get(akey)
        party = parties.get(pkey)
        act_label = next(iter(act)) if act is not None and len(act) == 1 else None
        party_label = next(iter(party)) if party is not None and len(party) == 1 else None
        if act_label is None and party_label is None:
            continue
        used |= {k for k, lab in ((akey, act_label), (pkey, party_label)) if lab is not None}
        sample, session = origin[akey if act_label is not None else pkey]
        out.append(Joined(ev, act_label, party_label, sample, session))
    report = {"act_keys": len(acts), "party_keys": len(parties),
              "ambiguous_keys": sum(1 for d in (acts, parties) for v in d.values() if len(v) > 1),
              "joined_act_keys": sum(1 for k in used if k in acts),
              "joined_party_keys": sum(1 for k in used if k in parties),
              "left_out_keys": len(acts) + len(parties) - len(used), "joined_events": len(out)}
    return out, report


def sample_events(verdicts: Sequence[SampleVerdict], corpus_path: str | Path, *, pipeline) -> list[Event]:
    """Code every judged article of the samples file with `pipeline` (the shipped one, veto on)."""
    from .veto_training import Judgement, judged_events

    articles = sorted({v.article for v in verdicts})
    return [ev for ev, _ in judged_events([Judgement(a, "", "", True) for a in articles], corpus_path,
                                          pipeline=pipeline)]


def factorised_scores(rows: Sequence[tuple[float, int | None, int | None]], bins: int = 10) -> dict:
    """ECE and expected Brier score of triple probabilities on events of which only the act or only the parties
    were judged: rows of (probability, act verdict or None, parties verdict or None). Within each equal-width
    bin the triple's rate is the act rate times the parties rate of the bin's judged events (a bin lacking one
    kind takes that kind's rate over all rows). Also the rates and counts, and the mean probability."""
    acts = [a for _, a, _ in rows if a is not None]
    parties = [p for _, _, p in rows if p is not None]
    if not rows or not acts or not parties:
        return {"ece": None, "brier": None, "events": len(rows), "acts": len(acts), "parties": len(parties)}
    act_all, party_all = sum(acts) / len(acts), sum(parties) / len(parties)

    def rate(values: list[int], fallback: float) -> float:
        return sum(values) / len(values) if values else fallback

    gap = brier = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [r for r in rows if lo <= r[0] < hi or (b == bins - 1 and r[0] >= 1.0)]
        if not inside:
            continue
        act_rate = rate([a for _, a, _ in inside if a is not None], act_all)
        party_rate = rate([p for _, _, p in inside if p is not None], party_all)
        gap += abs(sum(c for c, _, _ in inside) / len(inside) - act_rate * party_rate) * len(inside)
        for c, a, p in inside:
            # P(triple right) given what was judged: the unjudged part at its bin's rate
            q = (a if a is not None else act_rate) * (p if p is not None else party_rate)
            brier += q * (1 - c) ** 2 + (1 - q) * c ** 2 if (a is None or a) and (p is None or p) else c ** 2
    return {"ece": round(gap / len(rows), 4), "brier": round(brier / len(rows), 4), "events": len(rows),
            "acts": len(acts), "parties": len(parties), "act_rate": round(act_all, 4),
            "party_rate": round(party_all, 4), "mean_probability": round(sum(c for c, _, _ in rows) / len(rows), 4)}

