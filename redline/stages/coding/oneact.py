"""One act, one event (PLOVER): codings of one act in a sentence become one event.

- a subjectless -ing clause of a verb coded with the same type ("shelled the town, killing eight") is the same
  act (`participle_of_same_event`);
- events of the same type, actors and factuality whose triggers are conjoined verbs ("killed 8 and injured
  35"), whose recipients are the same, or whose noun trigger is the subject of the other's verb ("the strikes
  on IS have targeted its oil") are one event (`one_act`); the first keeps the recipients of both;
- two rules that found the same trigger and arguments give one event (`merge`); nineteenth round: two rules that
  found the same trigger word with the same type and actors but other recipients ("warned that Iran will be met with
  overwhelming force if it attacks our ships": the warning and its consequence; "alleged that the government broke
  the law by hiding the arms deal") give one event too, with
  the recipients of both (`one_act`).
"""

from __future__ import annotations

import dataclasses

from ...records import Entity, Event
from .tree import Frame, Tree


def participle_of_same_event(tree: Tree, f: Frame, ev: Event, coded: list[tuple[Frame, Event]]) -> str | None:
    """"X shelled the town, killing eight people": a subjectless -ing clause of a verb coded with the same type
    describes the same act (PLOVER codes one event), unless it names a party the main event lacks. Returns the
    main trigger's text, or None."""
    base, t = f.base, tree.tokens[f.base]
    h = tree.head(base)
    if t.dep == "conj" and t.lower.endswith("ing") and h is not None and tree.tokens[h].dep == "advcl" and \
            not tree.children(base, {"nsubj", "nsubjpass"}) and any(
                g.base == h and other.event == ev.event for g, other in coded):
        base, t = h, tree.tokens[h]  # eighteenth round: "shelled the town, killing three and wounding 50"
    if t.dep != "advcl" or not t.lower.endswith("ing") or tree.children(base, {"nsubj", "nsubjpass"}):
        return None
    for g, other in coded:
        if g.base == t.head and other.event == ev.event and other is not ev and _parties(ev) <= _parties(other):
            return tree.tokens[g.base].text
    return None


def _parties(ev: Event) -> set[tuple[str, str]]:
    return {("a", e.code) for e in ev.actor if e.code} | {("r", e.code) for e in ev.recipient if e.code}


def _actor_key(ev: Event) -> tuple:
    return ev.event, ev.factuality, tuple(sorted(e.code or e.entity_text for e in ev.actor))


def one_act(events: list[Event], tree: Tree, trace: list[str]) -> list[Event]:
    """One act, one event (PLOVER): in a sentence, events of the same type, actors and factuality whose triggers
    are conjoined verbs ("killed 8 and injured 35") or whose recipients are the same are one event; the first
    keeps the recipients of both (resolved ones preferred)."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if _actor_key(o) == _actor_key(ev) and (
            _same_recipients(o, ev) or _same_trigger(o, ev) or _conjoined(tree, o.trigger[0], ev.trigger[0])
            or _names_act(tree, o, ev) or _names_act(tree, ev, o))), None)
        if twin is None:
            out.append(ev)
            continue
        merged = _union_recipients(twin.recipient, ev.recipient)
        trace.append(f"'{ev.event_text}' is the same {ev.event} as '{twin.event_text}': one act, one event")
        out[out.index(twin)] = dataclasses.replace(twin, recipient=merged)
    return out


def _names_act(tree: Tree, noun: Event, verb: Event) -> bool:
    """The noun event is the subject of the verb event's trigger ("the strikes on IS have targeted its oil"):
    the sentence tells one act twice."""
    n, v = noun.trigger[1] - 1, verb.trigger[0]
    return tree.tokens[n].dep in ("nsubj", "nsubjpass") and tree.head(n) == v


def _same_recipients(a: Event, b: Event) -> bool:
    """The same recipients, or recipients one of which is only an unresolved mention beside coded ones ("landed
    in Israel, ... the first time he visits the country"): in one sentence, one act told twice."""
    ka, kb = {e.code or e.entity_text for e in a.recipient}, {e.code or e.entity_text for e in b.recipient}
    if ka == kb:
        return True
    return (_uncoded(a) and any(e.code for e in b.recipient)) or (_uncoded(b) and any(e.code for e in a.recipient))


def _same_trigger(a: Event, b: Event) -> bool:
    """The two triggers share a word: two rules read one act in the same word."""
    return a.trigger[0] < b.trigger[1] and b.trigger[0] < a.trigger[1]


def _uncoded(ev: Event) -> bool:
    """Recipients that are only unresolved mentions ("the country")."""
    return bool(ev.recipient) and not any(e.code for e in ev.recipient)


def _conjoined(tree: Tree, i: int, j: int) -> bool:
    """Tokens i and j are coordinated verbs (one is a conj of the other, or both of a third)."""
    toks = tree.tokens
    hi, hj = tree.head(i), tree.head(j)
    return (toks[j].dep == "conj" and hj == i) or (toks[i].dep == "conj" and hi == j) or (
        toks[i].dep == toks[j].dep == "conj" and hi == hj)


def _union_recipients(a: tuple[Entity, ...], b: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Recipients of two codings of one act: every coded party once; unresolved ones only when none is coded."""
    out: list[Entity] = []
    for e in a + b:
        if all((e.code or e.entity_text) != (o.code or o.entity_text) for o in out):
            out.append(e)
    coded = [e for e in out if e.code]
    return tuple(coded or out)


def merge(events: list[Event]) -> list[Event]:
    """One event per id (two rules may find the same trigger and arguments)."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.id, e)
    return list(seen.values())
