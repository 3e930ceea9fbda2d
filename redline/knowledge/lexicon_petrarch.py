"""PETRARCH verb dictionary -> redline user lexicon (`redline lexicon import-petrarch`), the migration path.

What each construct becomes (docs/coding.md, "PETRARCH verb dictionaries"):
- a verb with a code (its own, or its block's) -> a [verbs] entry `lemma[ particle] | TYPE[/mode] | CAMEO`;
  a phrasal verb `+CORDON_OFF` -> `cordon off`; irregular forms are dropped (redline matches lemmas);
- a pattern naming the verb's object (`* EMBASSY`, `* {ARMS SHIPMENT}`, `* &CURRENCY`) -> an entry flagged
  `pick obj=LIST` for every verb of the block, LIST a [cues] word list holding the object words (synonym sets
  expanded, 'modifier head' for noun phrases); a preposition after the verb (`* FOR &AID`, `* (TO BORDER)`) is
  the entry's particle; `+`/`(PREP)` after the object -> need=rcpt / need=PREP; `%` -> recip; `FROM $` -> inverse;
- a pattern with the null code [---] -> `pick` entry of type NONE (with that object the verb is no event).
Everything else is counted and reported with its reason, never dropped silently: codes outside redline's
CAMEO table or without a PLOVER type, words before the verb, clauses after it, target-only patterns whose code
differs from the verb's, transformations. The report also lists the source line of every pattern left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError
from .ontology import Ontology, load_ontology
from .petrarch_verbs import Block, Pattern, VerbDictionary, VerbLine, read_verb_dictionary

PREPOSITIONS = frozenset(
    "about above across after against along amid amidst among amongst around as at before behind below beneath "
    "beside besides between beyond by despite down during except for from in inside into near of off on onto "
    "out outside over past since through throughout till to toward towards under underneath until unto up upon "
    "via with within without".split())
PARTICLES = frozenset({"out", "up", "off", "down", "back", "away", "aside", "forward", "over", "in", "on", "through"})
# Words that make the text after a verb a clause rather than an object phrase.
FUNCTION_WORDS = frozenset(
    "will would shall should can could may might must is are am was were be been being has have had do does did "
    "not n't no never that which who whom whose it its he she they them his her their we our i you said says "
    "and or but if than then so because while when where there here this these those to".split())
DETERMINERS = frozenset({"the", "a", "an", "some", "any"})
MAX_WORDS = 5000  # object words one pattern may expand to (synonym sets multiply)

CONVERTED, APPROXIMATED, MERGED, SHADOWED, SKIPPED = "converted", "approximated", "merged", "shadowed", "skipped"
NULL = "null"  # a verb whose code is the null code: no entry is needed


class _Skip(Exception):
    """A pattern or verb that redline's lexicon cannot express; the message is the reason. A signal inside this
    module (it becomes an Outcome), never raised to callers, so it is not one of redline's errors."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one dictionary line: its status (converted, approximated, merged, shadowed, null, skipped)
    and the reason."""

    kind: str  # "verb", "pattern", "transformation" or "line" (a line that is not dictionary syntax)
    line: int
    text: str
    status: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a pattern asks of the verb in redline's terms."""

    particle: tuple[str, ...] = ()
    words: frozenset[str] | None = None
    need: str | None = None
    flags: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()
    target_only: bool = False


@dataclass(frozen=True, slots=True)
class _Code:
    spec: str  # "TYPE[/mode]" or "NONE"
    cameo: str  # CAMEO code or "-"


@dataclass(slots=True)
class _Group:
    """Pick entries of one block that share particle, code, need and flags; their words form one list."""

    particle: tuple[str, ...]
    code: _Code
    need: str | None
    flags: frozenset[str]
    words: set[str] | None = field(default_factory=set)  # None: a particle entry without object words
    name: str = ""


@dataclass(slots=True)
class LexiconImport:
    """The converted lexicon (`text()` is the user lexicon file) and what became of every line."""

    source: str
    dialect: str
    outcomes: list[Outcome] = field(default_factory=list)
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)  # (block comment, verbs.txt lines)

    @property
    def entries(self) -> int:
        return sum(len(lines) for _, lines in self.blocks)

    def counts(self) -> dict:
        """{'verbs'|'patterns'|'transformations'|'lines': {status: n}, 'reasons': {reason: n}, 'entries': n, ...};
        'lines' are lines that are not verb-dictionary syntax."""
        out: dict = {"verbs": Counter(), "patterns": Counter(), "transformations": Counter(), "lines": Counter()}
        reasons: Counter = Counter()
        for o in self.outcomes:
            out[{"verb": "verbs", "pattern": "patterns", "transformation": "transformations"}.get(o.kind, "lines")][
                o.status] += 1
            for note in (o.reason.split("; ") if o.status != CONVERTED and o.reason else ()):
                reasons[f"{o.kind} {o.status}: {_reason_key(note)}"] += 1
        return {**{k: dict(v) for k, v in out.items()}, "reasons": dict(reasons.most_common()),
                "entries": self.entries, "word_lists": len(self.lists)}

    def text(self) -> str:
        c = self.counts()
        head = [f"# redline user lexicon imported from {Path(self.source).name} by `redline lexicon import-petrarch`",
                f"# ({self.dialect} pattern dialect; docs/coding.md, 'PETRARCH verb dictionaries').",
                f"# verbs: {_fmt(c['verbs'])}",
                f"# patterns: {_fmt(c['patterns'])}",
                f"# transformations: {_fmt(c['transformations']) or 'none'}",
                f"# other lines: {_fmt(c['lines']) or 'none'}",
                f"# {c['entries']} verb entries, {c['word_lists']} word lists; every line not converted as written "
                "is listed at the end with its reason.", "", "[cues]"]
        for name, words in self.lists.items():
            head.extend(_list_lines(name, sorted(words)))
        head += ["", "[verbs]"]
        for comment, lines in self.blocks:
            if lines:
                head += [f"# {comment}", *lines]
        rest = [o for o in self.outcomes if o.status != CONVERTED]
        if rest:
            head += ["", "# Lines not converted as written (line: status, reason: text):"]
            head += [f"# {o.line}: {o.status}, {o.reason}: {o.text}" for o in rest]
        return "\n".join(head) + "\n"


def _fmt(counts: dict) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def _reason_key(reason: str) -> str:
    """A reason without its particulars (quoted words, codes, what follows a dash), so reasons can be counted."""
    return re.sub(r"'[^']*'|\[[^\]]*\]|\b\d+\b", "…", reason.split(" — ")[0])


def _list_lines(name: str, words: list[str], width: int = 110) -> list[str]:
    out, row, op = [], [], "="
    for w in words:
        if row and len(", ".join(row + [w])) + len(name) + 4 > width:
            out.append(f"{name} {op} {', '.join(row)}")
            row, op = [], "+="
        row.append(w)
    if row:
        out.append(f"{name} {op} {', '.join(row)}")
    return out


# ---- codes -----------------------------------------------------------------------------------------------------
def _code(raw: str, onto: Ontology) -> tuple[_Code, str | None]:
    """A PETRARCH code -> (redline code, second code of a pair 'a:b' or None). Raises _Skip."""
    first, sep, second = raw.partition(":")
    first, second = first.strip(), second.strip()
    if sep and not first:
        raise _Skip(f"only a reverse code [{raw}] (the target's act on the source): redline codes one event, "
                    "from the actor")
    if first in ("---", ""):
        return _Code("NONE", "-"), (second or None)
    if first not in onto.cameo:
        raise _Skip(f"code [{first}] is not a CAMEO code in redline's table (a WEIS or local code)")
    event, mode = onto.plover_of(first)
    if event is None:
        raise _Skip(f"CAMEO [{first}] has no PLOVER event type (CAMEO 01x statements are not events in PLOVER)")
    return _Code(f"{event}/{mode}" if mode else event, first), (second or None)


# ---- patterns --------------------------------------------------------------------------------------------------
def _tokens(text: str, dialect: str) -> list[str]:
    if dialect == "tabari":
        if "{" in text:
            raise _Skip("a disjunctive set {...} (TABARI syntax that PETRARCH ignores too)")
        return [t for t in re.split(r"[\s_]+", text) if t]
    return [t for t in re.split(r"[\s_]+|([{}()])", text) if t]


def _expand(word: str, synsets: dict) -> list[tuple[str, ...]]:
    """A pattern word or &SYNSET -> word tuples (nested synsets flattened)."""
    if not word.startswith("&"):
        return [(word.lower(),)]
    name = word.rstrip("_.,")
    if name not in synsets:
        raise _Skip(f"synonym set '{name}' is not defined (PETRARCH skips such patterns too)")
    out, seen = [], set()
    stack = list(synsets[name])
    while stack:
        member = stack.pop(0)
        if member in seen:
            continue
        seen.add(member)
        if member[-1].startswith("&") and len(member) == 1:
            inner = member[0].upper().rstrip("_")
            stack.extend(synsets.get(inner, ()))
        else:
            out.append(member)
    return out


def _phrase(words: list[str], synsets: dict, notes: list[str], *, tabari: bool, verbs: frozenset[str]
            ) -> frozenset[str]:
    """An object phrase (head last) -> the words redline checks: the head, or 'modifier head'."""
    words = [w for w in words if w.lower() not in DETERMINERS]
    if not words:
        raise _Skip("an object phrase of determiners only")
    lowered = [w.lower() for w in words]
    if tabari and any(w in FUNCTION_WORDS for w in lowered):
        raise _Skip("the words after the verb form a clause (auxiliary, pronoun or conjunction), not an "
                    "object phrase")
    if tabari and len(words) > 1 and lowered[0] in verbs:
        raise _Skip(f"a second verb '{lowered[0]}' after the verb: redline checks the verb's object, not a "
                    "word sequence")
    if len(words) > 2:
        notes.append("only the modifier next to the head is checked")
    heads = _expand(words[-1], synsets)
    mods = _expand(words[-2], synsets) if len(words) > 1 else [()]
    out = set()
    for h in heads:
        if len(h) > 2 or (mods != [()] and len(h) > 1):
            notes.append("long phrases of a synonym set are reduced to their last two words")
        for m in mods:
            phrase = (*m[-1:], *h)[-2:]
            out.add(" ".join(phrase))
            if len(out) > MAX_WORDS:
                raise _Skip(f"the object expands to more than {MAX_WORDS} words")
    return frozenset(out)


def _elements(text: str, d: VerbDictionary, verbs: frozenset[str], notes: list[str]) -> list[tuple[str, object]]:
    """Pattern text -> elements ('N', object words), ('P', prepositions: one, or the alternatives of a set like
    &PREPOSIT1), ('T', None) target, ('S', None) source, ('C', None) compound; '^' skips are dropped."""
    toks = _tokens(text, d.dialect)
    out: list[tuple[str, object]] = []
    run: list[str] = []
    tabari = d.dialect == "tabari"

    def flush():
        if run:
            out.append(("N", _phrase(run, d.synsets, notes, tabari=tabari, verbs=verbs)))
            run.clear()

    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.lower()
        if t in ("+", "$", "%"):
            flush()
            out.append(({"+": "T", "$": "S", "%": "C"}[t], None))
        elif t == "^":
            flush()
            notes.append("a skipped phrase (^) is not checked")
        elif t == "{":  # PETRARCH2 noun phrase
            flush()
            end = toks.index("}", i) if "}" in toks[i:] else len(toks)
            out.append(("N", _phrase(toks[i + 1:end], d.synsets, notes, tabari=False, verbs=verbs)))
            i = end
        elif t == "(":  # PETRARCH2 prepositional phrase: the preposition, then its noun phrases
            flush()
            end = toks.index(")", i) if ")" in toks[i:] else len(toks)
            inner = toks[i + 1:end]
            if not inner or inner[0].lower() not in PREPOSITIONS | PARTICLES:
                raise _Skip(f"'({' '.join(inner)})' does not start with a preposition")
            out.append(("P", (inner[0].lower(),)))
            rest = [w for w in inner[1:] if w not in "{}"]
            if rest:
                out.append(("N", _phrase(rest, d.synsets, notes, tabari=False, verbs=verbs)))
            i = end
        elif t in ("}", ")"):
            pass
        elif tabari and low in PREPOSITIONS:
            flush()
            out.append(("P", (low,)))
        elif t.startswith("&") and all(len(m) == 1 and m[0] in PREPOSITIONS for m in _expand(t, d.synsets)):
            flush()
            out.append(("P", tuple(sorted({m[0] for m in _expand(t, d.synsets)}))))  # &PREPOSIT1: any of them
        elif not tabari and low in PARTICLES and not out and not run:
            out.append(("P", (low,)))  # "* OUT VIEWS": set out (views)
        elif not tabari and not t.startswith("&"):
            flush()
            run.append(t)
            flush()  # PETRARCH2: each bare word is a noun of its own
        else:
            run.append(t)
        i += 1
    flush()
    return out


def _shapes(p: Pattern, d: VerbDictionary, verbs: frozenset[str]) -> list[_Shape]:
    """A pattern -> what it asks of the verb in redline's terms (one shape per alternative preposition of a
    synonym set like &PREPOSIT1). Raises _Skip with the reason."""
    notes: list[str] = []
    if any(t not in ("+", "$", "%", "^") for t in _tokens(p.pre, d.dialect)):
        raise _Skip("words before the verb (modality, negation, subject nouns): redline decides factuality and "
                    "actors by grammar, not by the words before the verb")
    pre = _elements(p.pre, d, verbs, notes)
    post = _elements(p.post, d, verbs, notes)
    flags: set[str] = set()
    pre_kinds = "".join(k for k, _ in pre)
    if "C" in pre_kinds:
        flags.add("recip")
    kinds = "".join(k for k, _ in post)
    if kinds.endswith("PS") and post[-2][1] in (("by",), ("from",)):
        if post[-2][1] == ("from",):
            flags.add("inverse")  # "received aid from $": the actor is in the from-phrase
        post = post[:-2]  # "was attacked by $": redline's passive rule takes the by-agent as actor
    elif "S" in kinds:
        raise _Skip("the source after the verb outside a 'by'/'from' phrase")
    if "T" in pre_kinds and not ("inverse" in flags or kinds.endswith("PS")):
        raise _Skip("the target before the verb without a source after it")
    if post and post[-1][0] == "C":
        flags.add("recip")
        post = post[:-1]
        notes.append("a compound actor after the verb makes a joint act")
    kinds = "".join(k for k, _ in post)
    vals = [v for _, v in post]
    fl = frozenset(flags)
    if kinds == "":
        return [_Shape(flags=fl, notes=tuple(notes))]
    if kinds == "T":
        return [_Shape(flags=fl, notes=tuple(notes), target_only=True)]
    if kinds in ("P", "PT"):
        return [_Shape(particle=(p,), flags=fl, notes=tuple(notes)) for p in vals[0]]
    if kinds in ("PN", "PNT"):
        need = "rcpt" if kinds == "PNT" else None
        if need:
            notes.append("the target's position is not checked, only that there is one")
        return [_Shape(particle=(p,), words=vals[1], need=need, flags=fl, notes=tuple(notes)) for p in vals[0]]
    if kinds == "N":
        return [_Shape(words=vals[0], flags=fl, notes=tuple(notes))]
    if kinds in ("NT", "TN"):
        notes.append("the target's position is not checked, only that there is one")
        return [_Shape(words=vals[kinds.index("N")], need="rcpt", flags=fl, notes=tuple(notes))]
    if kinds in ("NP", "NPT"):
        return [_Shape(words=vals[0], need=p, flags=fl, notes=tuple(notes)) for p in vals[1]]
    names = {"N": "object", "P": "preposition", "T": "target", "S": "source", "C": "compound"}
    raise _Skip("more than redline checks after a verb (one object, one particle or preposition, a target) — "
                + " + ".join(names[k] for k in kinds))


# ---- verbs -----------------------------------------------------------------------------------------------------
def _verb_key(v: VerbLine) -> tuple[str, tuple[str, ...]]:
    if v.verb_at > 0:
        raise _Skip("a word before the verb (pre-compound like WIRE_+TAP): redline's entries are a verb and the "
                    "words after it")
    if any(w in ("and", "or") for w in v.words):
        raise _Skip("coordinated verbs (SHOT_AND_KILLED): redline codes each verb on its own")
    if len(v.words) > 3:
        raise _Skip("more than two words after the verb")
    if not re.fullmatch(r"[a-z][a-z'-]*", v.words[0]):
        raise _Skip(f"'{v.words[0]}' is not a word")
    return v.words[0], v.words[1:]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "block"


def _line(lemma: str, particle: tuple[str, ...], code: _Code, flags: set[str], need: str | None,
          obj: str | None) -> str:
    extra = sorted(flags) + ([f"need={need}"] if need else []) + ([f"obj={obj}"] if obj else [])
    key = " ".join((lemma, *particle))
    return f"{key} | {code.spec} | {code.cameo}" + (f" | {' '.join(extra)}" if extra else "")


def convert(d: VerbDictionary, onto: Ontology | None = None) -> LexiconImport:
    """Convert a read dictionary; every verb line, pattern and unread line gets an Outcome."""
    onto = onto or load_ontology()
    out = LexiconImport(d.path, d.dialect)
    out.outcomes.extend(Outcome("line", u.line, u.text, SKIPPED, u.reason) for u in d.unread)
    out.outcomes.extend(Outcome("transformation", u.line, u.text, SKIPPED, u.reason) for u in d.transformations)
    verbs = d.verb_forms()
    plain_seen: dict[tuple[str, tuple[str, ...]], int] = {}
    by_words: dict[frozenset[str], str] = {}
    for block in d.blocks:
        groups, outcomes, plain_pattern = _block_groups(block, d, onto, verbs)
        particles = [g for g in groups if g.words is None]
        groups = [g for g in groups if g.words is not None]
        out.outcomes.extend(outcomes)
        slug = _slug(block.name)
        for g in groups:
            words = frozenset(g.words)
            if words in by_words:  # the same words elsewhere: one list serves both
                g.name = by_words[words]
                continue
            n, name = 1, f"{slug}_1"
            while name in out.lists:
                n += 1
                name = f"{slug}_{n}"
            g.name = by_words[words] = name
            out.lists[name] = words
        lines = []
        for v in block.verbs:
            try:
                lemma, vparticle = _verb_key(v)
            except _Skip as why:
                out.outcomes.append(Outcome("verb", v.line, v.text, SKIPPED, str(why)))
                continue
            for g in groups:
                particle = vparticle + g.particle
                if len(particle) <= 2:
                    lines.append(_line(lemma, particle, g.code, {"pick", *g.flags}, g.need, g.name))
            for g in particles:
                particle = vparticle + g.particle
                if len(particle) <= 2:
                    lines.append(_line(lemma, particle, g.code, set(g.flags), g.need, None))
            lines.extend(_plain(v, lemma, vparticle, block, plain_pattern, onto, plain_seen, out))
        out.blocks.append((f"--- {block.name} [{block.code or '---'}] (line {block.line})", lines))
    return out


def _plain(v: VerbLine, lemma: str, particle: tuple[str, ...], block: Block,
           plain_pattern: tuple[_Code, frozenset[str]] | None,
           onto: Ontology, seen: dict, out: LexiconImport) -> list[str]:
    """The verb's own entry (its code, else a bare '- * [code]' pattern's, else the block's), with its outcome."""
    raw = v.code or block.code
    try:
        code, second = _code(raw, onto) if raw else (None, None)
    except _Skip as why:
        out.outcomes.append(Outcome("verb", v.line, v.text, SKIPPED, str(why)))
        return []
    flags = set()
    if plain_pattern is not None and not v.code:
        code, second = plain_pattern[0], None
        flags.update(plain_pattern[1])
    if code is None or code.spec == "NONE":
        out.outcomes.append(Outcome("verb", v.line, v.text, NULL, "the null code [---]: the verb alone is no "
                                    "event (no entry, so a built-in entry for it stays)"))
        return []
    key = (lemma, particle)
    if key in seen:
        out.outcomes.append(Outcome("verb", v.line, v.text, SHADOWED, f"line {seen[key]} already gives "
                                    f"'{' '.join((lemma, *particle))}' its code"))
        return []
    seen[key] = v.line
    if second:
        if second == code.cameo:
            flags.add("recip")
        else:
            out.outcomes.append(Outcome("verb", v.line, v.text, APPROXIMATED, f"paired code: the reverse event "
                                        f"[{second}] (target to source) is not produced"))
            return [_line(lemma, particle, code, flags, None, None)]
    out.outcomes.append(Outcome("verb", v.line, v.text, CONVERTED))
    return [_line(lemma, particle, code, flags, None, None)]


@dataclass(slots=True)
class _BlockState:
    own: _Code | None  # the block's own code
    groups: list[_Group] = field(default_factory=list)
    claimed: dict[tuple, set[str]] = field(default_factory=dict)  # object words decided, by particle and need
    particles: set[tuple[str, ...]] = field(default_factory=set)
    plain: tuple[_Code, frozenset[str]] | None = None  # code and flags of a bare '- * [code]' pattern


def _place(shape: _Shape, code: _Code, flags: frozenset[str], st: _BlockState) -> tuple[str, str]:
    """Add one shape of a pattern to the block's entries; (status, reason) when it adds nothing."""
    if shape.words is None and not shape.particle:
        if shape.target_only and (st.own is None or code != st.own):
            return SKIPPED, ("a code for 'verb + target' only, different from the block's: redline keeps one "
                             "entry per verb without an object or preposition")
        if st.own is not None and code == st.own and not flags:
            return MERGED, "the same code as the block's verbs"
        if st.plain is not None:
            return SHADOWED, "an earlier bare pattern of this block already gives its verbs a code"
        st.plain = (code, flags)
        return CONVERTED, ""
    if shape.words is None:  # a particle alone ("* OFF", "* (TO)"): an entry for verb + particle
        if shape.particle in st.particles:
            return SHADOWED, "an earlier pattern of this block already codes this particle"
        st.particles.add(shape.particle)
        st.groups.append(_Group(shape.particle, code, shape.need, flags, None))
        return CONVERTED, ""
    taken = st.claimed.setdefault((shape.particle, shape.need), set())
    fresh = set(shape.words) - taken
    if not fresh:
        return SHADOWED, "an earlier pattern of this block already decides these object words"
    taken.update(fresh)
    key = (shape.particle, code, shape.need, flags)
    group = next((g for g in st.groups if g.words is not None and (g.particle, g.code, g.need, g.flags) == key),
                 None)
    if group is None:
        group = _Group(shape.particle, code, shape.need, flags)
        st.groups.append(group)
    group.words.update(fresh)
    left = len(shape.words) - len(fresh)
    return CONVERTED, (f"{left} of its object words were decided by an earlier pattern" if left else "")


def _block_groups(block: Block, d: VerbDictionary, onto: Ontology, verbs: frozenset[str]):
    """The block's patterns -> groups (pick groups with object words, in order, a word already claimed for the
    same particle staying with the first; particle entries with words None), the outcome of every pattern, and
    the code and flags of a bare '- * [code]' pattern if any."""
    own = None
    if block.code:
        try:
            own = _code(block.code, onto)[0]
        except _Skip:
            own = None
    st = _BlockState(own)
    outcomes: list[Outcome] = []
    for p in block.patterns:
        try:
            code, second = _code(p.code, onto)
            shapes = _shapes(p, d, verbs)
        except _Skip as why:
            outcomes.append(Outcome("pattern", p.line, p.text, SKIPPED, str(why)))
            continue
        placed = [_place(sh, code, sh.flags | ({"recip"} if second and second == code.cameo else set()), st)
                  for sh in shapes]
        notes = [n for sh in shapes for n in sh.notes] + [why for status, why in placed if status == CONVERTED and why]
        if second and second != code.cameo:
            notes.append(f"paired code: the reverse event [{second}] (target to source) is not produced")
        if any(status == CONVERTED for status, _ in placed):
            notes = list(dict.fromkeys(notes))
            outcomes.append(Outcome("pattern", p.line, p.text, APPROXIMATED, "; ".join(notes)) if notes
                            else Outcome("pattern", p.line, p.text, CONVERTED))
        else:
            outcomes.append(Outcome("pattern", p.line, p.text, *placed[0]))
    return st.groups, outcomes, st.plain


def import_petrarch_verbs(path: str | Path, out: str | Path | None = None) -> LexiconImport:
    """Convert a PETRARCH verb dictionary into a redline user lexicon (written to `out` when given)."""
    result = convert(read_verb_dictionary(path))
    if not result.entries:
        raise KnowledgeError(f"{path}: no verb or pattern could be converted (is this a PETRARCH verb dictionary?)")
    if out is not None:
        try:
            Path(out).write_text(result.text(), encoding="utf-8")
        except OSError as exc:
            raise KnowledgeError(f"{out}: cannot write lexicon file: {exc}") from exc
    return result
