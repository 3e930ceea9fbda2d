"""Dictionary suggestions from repeated corrections: `redline reviews suggest`.

Two kinds, each with the events behind it, written to files the user reads before loading them:

- **Actor-file rows** (`--actors FILE`, docs/actors.md): the same actor text corrected to the same code and
  sector in at least `min_count` events, never corrected to anything else and never confirmed with another
  code. Pronouns, texts resolved to a known person (their dated offices are edited by hand) and texts with
  no letters are not suggested. A capitalised name becomes a `group` row (it needs a code), a common noun an
  `agent` row (it needs a sector).
- **User-lexicon entries** (`--lexicon FILE`, docs/coding.md "User lexicons"): the same construction (the
  coder's rule up to its `#`, e.g. `svo:verb=back`) rejected in at least `min_count` events. For a verb the
  sentences are parsed again to find the verb's objects: `lemma | NONE | - | pick obj=LIST` switches the verb
  off with those objects only (LIST is a new word list in the file's [cues]); when some rejected sentence has
  no object the entry has no `pick` and would switch the verb off everywhere, which the file says. Noun and
  light-verb constructions cannot be switched off in a user lexicon: they are listed as comments.

Nothing is applied: the files are written, and the user loads them with `--actors` / `--lexicon`.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

MIN_COUNT = 3
PRONOUNS = frozenset("he she it they we i you him her them us his its their our who which this that these those "
                     "one both".split())
_DETERMINERS = re.compile(r"^(the|a|an)\s+", re.I)
_VERB_RULE = re.compile(r":verb=([a-z][a-z' -]*?)(?:\+|$)")
OBJECT_DEPS = ("dobj", "obj")
PASSIVE_DEPS = ("nsubjpass",)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested dictionary entry and the evidence for it.

    kind: "actor" or "lexicon"; key: the actor text or the construction; lines: what goes into the file
    (a CSV row, or lexicon lines by section); events / sentences: the reviewed events behind it.
    """

    kind: str
    key: str
    lines: dict[str, list[str]]
    events: tuple[str, ...]
    sentences: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class SuggestReport:
    suggestions: list[Suggestion]
    skipped: list[dict] = field(default_factory=list)  # {"key", "reason"}: repeated corrections not suggested
    actors_path: str | None = None
    lexicon_path: str | None = None


def normalise(text: str) -> str:
    """The form actor texts are compared in: lower case, no leading article, single spaces."""
    t = " ".join(text.split()).strip(" ,.;:")
    t = re.sub(r"[’']s?$", "", t)
    return _DETERMINERS.sub("", t).lower()


def actor_suggestions(reviews: list[dict], *, min_count: int = MIN_COUNT) -> tuple[list[Suggestion], list[dict]]:
    """Actor-file rows from the corrections in `reviews` (current reviews, Store.reviews dicts)."""
    corrected: dict[str, list[tuple]] = defaultdict(list)  # text -> (code, sector, event id, sentence, surface, person)
    kept: dict[str, Counter] = defaultdict(Counter)  # text -> (code, sector) the reviewer left as the machine had it
    for r in reviews:
        if r["verdict"] == "rejected":
            continue
        m = r["machine"]
        for side in ("actor", "recipient"):
            ents, parties = m.get(side) or [], r[side]
            if len(ents) != len(parties):
                continue  # parties added or removed: no text to pair a code with
            for ent, p in zip(ents, parties, strict=True):
                surface = ent.get("entity_text") or ""
                key = normalise(surface)
                if not key:
                    continue
                if (ent.get("code"), ent.get("sector")) == (p["code"], p["sector"]):
                    kept[key][(p["code"], p["sector"])] += 1
                else:
                    person = str(ent.get("identifier_id") or "").startswith("person:")
                    corrected[key].append((p["code"], p["sector"], r["event_id"], m.get("text") or "", surface,
                                           person))
    out, skipped = [], []
    for key, items in sorted(corrected.items()):
        events = tuple(dict.fromkeys(i[2] for i in items))
        if len(events) < min_count:
            continue
        targets = Counter((i[0], i[1]) for i in items)
        reason = _actor_refusal(key, items, targets, kept[key])
        if reason:
            skipped.append({"key": key, "reason": reason, "events": list(events)})
            continue
        (code, sector), = targets
        surface = Counter(_DETERMINERS.sub("", i[4]) for i in items).most_common(1)[0][0]
        common_noun = surface == surface.lower()
        kind = "agent" if common_noun else "group"
        row = _csv_row([kind, surface, code or "", sector or "", "", "", "", "", "", ""])
        out.append(Suggestion("actor", key, {"actors": [row]}, events, tuple(dict.fromkeys(i[3] for i in items)),
                              f"corrected to {code or '-'}/{sector or '-'} in {len(events)} events"))
    return out, skipped


def _actor_refusal(key: str, items: list[tuple], targets: Counter, kept: Counter) -> str:
    if key in PRONOUNS or not re.search(r"[a-z]", key):
        return "a pronoun or no name: its code comes from the context, not a dictionary"
    if any(i[5] for i in items):
        return "resolved to a person of the knowledge base: edit that person's dated offices by hand"
    if len(targets) > 1:
        return "corrected to different codes: " + ", ".join(f"{c or '-'}/{s or '-'} x{n}" for (c, s), n in
                                                             targets.most_common())
    (code, sector), = targets
    others = {k: n for k, n in kept.items() if k != (code, sector)}
    if others:
        return "confirmed with another code too: " + ", ".join(f"{c or '-'}/{s or '-'} x{n}"
                                                                for (c, s), n in others.items())
    surface_lower = all(i[4] == i[4].lower() for i in items)
    if not surface_lower and not code:
        return "a name corrected to a sector alone: a group row needs a code"
    if surface_lower and not sector:
        return "a common noun corrected to a code alone: an agent row needs a sector"
    return ""


Parse = Callable[[str], list]  # sentence text -> its tokens (redline.records.Token, idx from the sentence start)


def lexicon_suggestions(reviews: list[dict], *, parse: Parse | None, min_count: int = MIN_COUNT
                        ) -> list[Suggestion]:
    """User-lexicon entries (or comments) from constructions rejected at least `min_count` times."""
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in reviews:
        rule = (r["machine"].get("rule") or "").split("#", 1)[0]
        if r["verdict"] == "rejected" and rule:
            by_rule[rule].append(r)
    out = []
    for rule, rs in sorted(by_rule.items()):
        events = tuple(dict.fromkeys(r["event_id"] for r in rs))
        if len(events) < min_count:
            continue
        sentences = tuple(dict.fromkeys(r["machine"].get("text") or "" for r in rs))
        m = _VERB_RULE.search(rule)
        if m is None or parse is None:
            why = ("no user-lexicon entry switches a noun or light-verb trigger off" if m is None
                   else "no parser given to find the verb's objects")
            out.append(Suggestion("lexicon", rule, {"comments": [f"{rule}: rejected in {len(events)} events; {why}"]},
                                  events, sentences, why))
            continue
        lemma = m.group(1).strip()
        passive = rule.startswith("passive")
        objects = [_object_lemma(parse, r["machine"], passive=passive) for r in rs]
        name = "review_" + re.sub(r"[^a-z0-9]+", "_", lemma)
        if all(objects):
            words = sorted(set(objects))
            lines = {"cues": [f"{name} = {', '.join(words)}"], "verbs": [f"{lemma} | NONE | - | pick obj={name}"]}
            note = f"rejected in {len(events)} events with object(s) {', '.join(words)}"
        else:
            lines = {"verbs": [f"{lemma} | NONE | -"]}
            note = (f"rejected in {len(events)} events, {objects.count(None)} of them without an object: this entry "
                    f"switches '{lemma}' off everywhere; narrow it (pick obj=LIST) before loading")
        out.append(Suggestion("lexicon", rule, lines, events, sentences, note))
    return out


def _object_lemma(parse: Parse, machine: dict, *, passive: bool) -> str | None:
    """The lemma of the trigger verb's object (its passive subject for a passive) in the parsed sentence."""
    ti = machine.get("text_info") or {}
    text = machine.get("text") or ""
    if ti.get("start") is None or ti.get("trigger_start") is None:
        return None
    at = ti["trigger_start"] - ti["start"]
    tokens = parse(text)
    trigger = next((t for t in tokens if t.idx <= at < t.idx + max(1, len(t.text))), None)
    if trigger is None:
        return None
    deps = PASSIVE_DEPS if passive else OBJECT_DEPS
    obj = next((t for t in tokens if t.head == trigger.i and t.i != trigger.i and t.dep in deps), None)
    return obj.lemma.lower() if obj is not None else None


def suggest(store, *, out: str | Path, min_count: int = MIN_COUNT, parse: Parse | None = None) -> SuggestReport:
    """Write `<out>.actors.csv` and `<out>.lexicon.txt` (each only when it has a suggestion); return what was found.

    parse: tokens of a sentence (redline.reviews.suggest.pipeline_parser builds one from the pipeline); without
    it verb constructions are only listed.
    """
    if min_count < 2:
        raise UsageError(f"min_count: at least 2, got {min_count}")
    reviews = store.reviews(limit=None, orphaned=False)
    actors, skipped = actor_suggestions(reviews, min_count=min_count)
    lexicon = lexicon_suggestions(reviews, parse=parse, min_count=min_count)
    base = Path(out)
    actors_path = base.with_name(base.name + ".actors.csv") if actors else None
    lexicon_path = base.with_name(base.name + ".lexicon.txt") if lexicon else None
    if actors_path:
        _write(actors_path, _actor_file(actors))
        from ..knowledge.actor_data import read_user_file

        read_user_file(actors_path)  # what we write must load: a bug here is ours, not the user's
    if lexicon_path:
        _write(lexicon_path, _lexicon_file(lexicon))
        from ..knowledge.lexicon_user import read_user_lexicon

        read_user_lexicon(lexicon_path)
    return SuggestReport(actors + lexicon, skipped, str(actors_path) if actors_path else None,
                         str(lexicon_path) if lexicon_path else None)


def pipeline_parser(pipeline) -> Parse:
    """A Parse over the pipeline's model: the tokens of a sentence parsed on its own."""
    from ..records import Article

    def parse(text: str) -> list:
        doc = pipeline.run_one(Article(id="suggest", text=text))
        return [t for s in doc.sentences for t in s.tokens]

    return parse


def _csv_row(values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(values)
    return buf.getvalue()


def _evidence(s: Suggestion) -> list[str]:
    lines = [f"# {s.key}: {s.note}"]
    lines += [f"#   event {e}" for e in s.events]
    lines += [f"#   \"{' '.join(t.split())[:200]}\"" for t in s.sentences[:5]]
    return lines


def _actor_file(suggestions: list[Suggestion]) -> str:
    out = ["# Actor rows suggested by `redline reviews suggest` from repeated corrections. Read every row and",
           "# the events behind it before loading this file with --actors (docs/actors.md).",
           "kind,names,code,sector,office,start,end,wikidata,id,label"]
    for s in suggestions:
        out += _evidence(s) + s.lines["actors"]
    return "\n".join(out) + "\n"


def _lexicon_file(suggestions: list[Suggestion]) -> str:
    out = ["# User-lexicon entries suggested by `redline reviews suggest` from repeated rejections. Read every",
           "# entry and the events behind it before loading this file with --lexicon (docs/coding.md)."]
    for section in ("cues", "verbs"):
        items = [s for s in suggestions if section in s.lines]
        if items:
            out.append(f"[{section}]")
            for s in items:
                out += _evidence(s) + s.lines[section]
    comments = [s for s in suggestions if "comments" in s.lines]
    if comments:
        out.append("# Rejected constructions no user-lexicon entry can switch off:")
        for s in comments:
            out += _evidence(s)
    return "\n".join(out) + "\n"


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"suggest: cannot write {path}: {exc.strerror or exc}") from exc
