"""Read a PETRARCH verb dictionary (CAMEO.verbpatterns.*.txt, CAMEO.2.0.txt, PETR.Validate.verbs.txt).

The format (PETRARCH's dictionaries_format_doc): synonym sets (`&NAME` then `+member` lines), verb blocks
(`--- NAME [CODE] ---`, then verb lines `VERB {irregular forms} [code]`, `+PHRASAL_VERB`, `WORD_+VERB`) and
patterns (`- pre-verb words * post-verb words [CODE]`). Two pattern dialects exist: TABARI's word sequences with
`+` (target), `$` (source), `%` (compound actor) and `^` (skip a phrase), and PETRARCH2's noun phrases
`{ADJ NOUN}` and prepositional phrases `(PREP NOUN)`. Transformations (`~ ...`) are kept as lines read but not
converted. Reading only: what the patterns become in redline is `lexicon_petrarch`'s concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError

# as in PETRARCH's reader: any line starting '---' opens a block; its code is the first [...] on the line
_BLOCK_RE = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:-+\s*)?(?:\[(?P<code>[^\]]*)\].*)?$")
_VERB_RE = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?"
                      r"\s*(?:\{(?P<forms2>[^}]*)\})?\s*(?:;.*)?$")
_CODE_RE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class VerbLine:
    """One verb of a block: its words (lower case), which of them is the verb, its own code (None: the block's)."""

    words: tuple[str, ...]
    verb_at: int
    code: str | None
    forms: tuple[str, ...]
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern line: the text before and after the verb position '*', its code as written."""

    pre: str
    post: str
    code: str
    line: int
    text: str


@dataclass(slots=True)
class Block:
    name: str
    code: str | None  # the block's primary code; None for the null code [---]
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Unread:
    """A line that is not verb-dictionary syntax, or that PETRARCH's verb patterns do not cover."""

    line: int
    text: str
    reason: str


@dataclass(slots=True)
class VerbDictionary:
    path: str
    dialect: str  # "petrarch2" ({NOUN PHRASE}, (PREP NOUN)) or "tabari" (word sequences with + $ % ^)
    synsets: dict[str, tuple[tuple[str, ...], ...]]  # "&NAME" -> member phrases (word tuples, lower case)
    blocks: list[Block]
    unread: list[Unread]
    transformations: list[Unread]  # "~ ..." lines: read, never converted (the reason says why)

    @property
    def patterns(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)

    def verb_forms(self) -> frozenset[str]:
        """Every verb form the dictionary names (base, regular and irregular forms), lower case."""
        out = set()
        for b in self.blocks:
            for v in b.verbs:
                out.update(v.forms)
        return frozenset(out)


def _strip_comments(lines: list[str]) -> list[str]:
    """XML comments (also over several lines) and '#' comments removed; line numbers kept."""
    out, in_xml = [], False
    for raw in lines:
        line = raw
        if in_xml:
            end = line.find("-->")
            if end < 0:
                out.append("")
                continue
            line, in_xml = line[end + 3:], False
        while "<!--" in line:
            start = line.find("<!--")
            end = line.find("-->", start)
            if end < 0:
                line, in_xml = line[:start], True
                break
            line = line[:start] + line[end + 3:]
        out.append(line.split("#", 1)[0].rstrip())
    return out


def regular_forms(word: str) -> tuple[str, ...]:
    """The regular forms PETRARCH generates for a verb: -s, -ed, -ing (with a final e dropped)."""
    if word.endswith("e"):
        return word, word + "s", word + "d", word[:-1] + "ing"
    return word, word + "s", word + "ed", word + "ing"


def plural(word: str) -> str:
    """PETRARCH's regular plural of a synonym-set noun."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", phrase.strip()) if w]


def _verb_line(text: str, n: int) -> VerbLine | Unread:
    m = _VERB_RE.match(text.strip())
    if not m:
        return Unread(n, text, "not a verb line ('VERB {forms} [code]')")
    raw = _words(m.group("phrase"))
    marked = [i for i, w in enumerate(raw) if w.startswith("+")]
    if len(raw) > 1 and len(marked) != 1:
        return Unread(n, text, "a multi-word verb needs exactly one '+' before the verb word")
    at = marked[0] if marked else 0
    words = tuple(w.lstrip("+").lower() for w in raw)
    if not all(words):
        return Unread(n, text, "an empty word in the verb phrase")
    listed = m.group("forms") if m.group("forms") is not None else m.group("forms2")
    base = words[at]
    forms = regular_forms(base) if listed is None else (base, *(f.lstrip("+").lower() for f in _words(listed)))
    code = (m.group("code") or "").strip() or None
    return VerbLine(words, at, code, tuple(forms), n, text.strip())


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read the file into synonym sets, verb blocks and patterns; lines it cannot place are listed in `unread`."""
    path = Path(path)
    try:
        raw_lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read PETRARCH verb dictionary: {exc}") from exc
    lines = _strip_comments(raw_lines)
    synsets: dict[str, list[tuple[str, ...]]] = {}
    blocks: list[Block] = []
    unread: list[Unread] = []
    transformations: list[Unread] = []
    current_set: str | None = None
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue
        if text.startswith("+") and current_set is not None:
            member = text[1:].strip()
            words = tuple(w.lower() for w in _words(member.rstrip("_")))
            if words:
                synsets[current_set].append(words)
                if not member.endswith("_") and not current_set.endswith("_") and not words[-1].startswith("&"):
                    synsets[current_set].append((*words[:-1], plural(words[-1])))
            continue
        current_set = None
        if text.startswith("&"):
            current_set = text.split()[0]
            synsets.setdefault(current_set, [])
        elif text.startswith("---"):
            m = _BLOCK_RE.match(text)
            code = (m.group("code") or "").strip() if m else ""
            blocks.append(Block(m.group("name").strip("- ") if m else text, None if code in ("", "---") else code, n))
        elif text.startswith("~"):
            transformations.append(Unread(n, text, "a transformation (verb-in-verb rewrite): redline composes "
                                                   "complement clauses by grammar, not by rewrite rules"))
        elif text.startswith("-"):
            m = _CODE_RE.search(text)
            body = text[1:m.start()] if m else ""
            if not blocks:
                unread.append(Unread(n, text, "a pattern outside any verb block"))
            elif not m:
                unread.append(Unread(n, text, "a pattern without a [CODE]"))
            elif body.count("*") != 1:
                unread.append(Unread(n, text, "a pattern without exactly one verb position '*'"))
            else:
                pre, _, post = body.partition("*")
                blocks[-1].patterns.append(Pattern(pre.strip(), post.strip(), m.group("code").strip(), n, text))
        elif not blocks:
            unread.append(Unread(n, text, "a verb line outside any verb block"))
        else:
            got = _verb_line(text, n)
            if isinstance(got, Unread):
                unread.append(got)
            else:
                blocks[-1].verbs.append(got)
    dialect = "petrarch2" if any("(" in p.post or "(" in p.pre for b in blocks for p in b.patterns) else "tabari"
    if not blocks:
        raise KnowledgeError(f"{path}: no verb blocks ('--- NAME [CODE] ---') found: is this a PETRARCH verb "
                             "dictionary?")
    # strip the no-plural marker from names: patterns write &NAME without it
    named = {name.rstrip("_"): tuple(dict.fromkeys(members)) for name, members in synsets.items()}
    return VerbDictionary(str(path), dialect, named, blocks, unread, transformations)
