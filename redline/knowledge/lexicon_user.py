"""User lexicon files, layered over the built-in lexicon (`--lexicon FILE`, setting `lexicon`).

One file with sections. [verbs], [nouns] and [light] lines have the format of the built-in files of the same
name (verbs.txt, nouns.txt, light.txt); [cues] lines are `name = word, two words, ...` (a new word list, or a
built-in one replaced) or `name += ...` (words added to a list). User entries come first: for the same verb and
particle, the same noun or the same light verb the user's entry wins, and a verb entry flagged `pick` is passed
over when the verb's object is not one of its words. A malformed line is a KnowledgeError naming file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from .lexicon import Lexicon, builtin_lexicon, parse_light, parse_nouns, parse_verbs, verb_order
from .ontology import load_ontology

SECTIONS = ("verbs", "nouns", "light", "cues")
_HEADER_RE = re.compile(r"^\[(?P<name>[^\]]*)\]\s*$")
_CUE_RE = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s*(?P<op>\+?=)\s*(?P<words>.*)$")


@dataclass(frozen=True, slots=True)
class UserLexicon:
    """What one user lexicon file holds (entries as the built-in parsers return them) and what it overrides."""

    path: str
    verbs: dict
    nouns: dict
    light: dict
    cues: dict[str, frozenset[str]]  # the user's lists, built-in words included for `+=` lists
    overrides: tuple[str, ...]  # built-in entries and lists the file replaces, one line each

    @property
    def counts(self) -> dict[str, int]:
        return {"verbs": sum(map(len, self.verbs.values())), "nouns": sum(map(len, self.nouns.values())),
                "light": sum(map(len, self.light.values())), "cues": len(self.cues)}


def _sections(path: Path, text: str) -> dict[str, str]:
    """The file split by section; every section keeps the file's line numbers (other lines become blank)."""
    lines = text.splitlines()
    keep: dict[str, list[str]] = {name: [""] * len(lines) for name in SECTIONS}
    current = None
    for n, line in enumerate(lines):
        stripped = line.strip()
        m = _HEADER_RE.match(stripped)
        if m:
            current = m.group("name").strip().lower()
            if current not in SECTIONS:
                raise KnowledgeError(f"{path}:{n + 1}: unknown section [{m.group('name')}] "
                                     f"(known: {', '.join(f'[{s}]' for s in SECTIONS)})")
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if current is None:
            raise KnowledgeError(f"{path}:{n + 1}: a line outside any section; start the file with "
                                 "[verbs], [nouns], [light] or [cues]")
        keep[current][n] = line
    return {name: "\n".join(rows) for name, rows in keep.items()}


def _cues(path: Path, text: str, base: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _CUE_RE.match(line.strip())
        if not m:
            raise KnowledgeError(f"{path}:{n}: expected 'name = word, word' or 'name += word, word' in [cues]")
        name, words = m.group("name"), frozenset(w.strip().lower() for w in m.group("words").split(",") if w.strip())
        if not words:
            raise KnowledgeError(f"{path}:{n}: the word list {name!r} is empty")
        if m.group("op") == "+=":
            if name not in out and name not in base:
                raise KnowledgeError(f"{path}:{n}: {name} += ...: no such word list (define it with '=')")
            words = out.get(name, base.get(name, frozenset())) | words
        out[name] = words
    return out


def _overrides(user: dict, base: dict, key, label: str) -> list[str]:
    out = []
    for head, entries in user.items():
        theirs = {key(e): e for e in base.get(head, ())}
        for e in entries:
            if key(e) is not None and key(e) in theirs:
                out.append(f"{label} {key(e)!r}: the user's entry replaces the built-in one")
    return out


def read_user_lexicon(path: str | Path, *, base: Lexicon | None = None) -> UserLexicon:
    """Parse and validate a user lexicon file against the ontology and the built-in word lists."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read lexicon file: {exc}") from exc
    base = base or builtin_lexicon()
    onto = load_ontology()
    parts = _sections(path, text)
    cues = _cues(path, parts["cues"], base.cues)
    names = set(base.cues) | set(cues)
    verbs = parse_verbs(parts["verbs"], onto, str(path), cue_names=names)
    nouns = parse_nouns(parts["nouns"], onto, str(path), cue_names=names)
    light = parse_light(parts["light"], onto, str(path))
    overrides = (_overrides(verbs, base.verbs, lambda e: None if "pick" in e.flags else e.key, "verb")
                 + _overrides(nouns, base.nouns, lambda e: e.key, "noun")
                 + _overrides(light, base.light, lambda e: f"{e.lemma} {e.particle or ''}".strip(), "light verb")
                 + [f"word list {name!r}: " + ("extended" if base.cues[name] <= words else "replaced")
                    for name, words in cues.items() if name in base.cues])
    return UserLexicon(str(path), verbs, nouns, light, cues, tuple(overrides))


def _merge(user: dict, base: dict, order) -> dict:
    out = dict(base)
    for head, entries in user.items():
        out[head] = tuple(sorted(entries + base.get(head, ()), key=order))  # stable: the user's entries first
    return out


def layer(base: Lexicon, user: UserLexicon) -> Lexicon:
    """The built-in lexicon with the user's entries in front and the user's word lists added."""
    return Lexicon(_merge(user.verbs, base.verbs, verb_order),
                   _merge(user.nouns, base.nouns, lambda e: -len(e.words)),
                   _merge(user.light, base.light, lambda e: e.particle is None),
                   {**base.cues, **user.cues})


@lru_cache(maxsize=8)
def _layered(path: str, size: int, mtime_ns: int) -> Lexicon:
    del size, mtime_ns  # part of the cache key: an edited file is read again
    return layer(builtin_lexicon(), read_user_lexicon(path))


def layered_lexicon(path: str | Path) -> Lexicon:
    """The built-in lexicon with the user lexicon file at `path` layered over it (cached per file version)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise KnowledgeError(f"{p}: lexicon file not found ({exc.strerror})") from exc
    return _layered(str(p.resolve()), st.st_size, st.st_mtime_ns)
