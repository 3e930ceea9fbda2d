"""The PLOVER and CAMEO tables redline codes against: types, modes, scores, quad codes and the crosswalk.

The tables live in knowledge/data/ontology/ (plover.toml, cameo.txt, contexts.toml) and are written for redline
from the facts in the PLOVER manual and the CAMEO codebook. Loading validates every line; a malformed line is a
KnowledgeError naming file, line and problem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import KnowledgeError

QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# CAMEO QuadClass by two-digit root (the CAMEO codebook's grouping).
_CAMEO_QUAD = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
               **dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
# Old PLOVER labels still found in gold files, mapped to the current ones.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type. modes maps mode name -> PLOVER score."""

    name: str
    quad: int
    score: float
    recipient: bool
    definition: str
    modes: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with its Goldstein weight and the PLOVER type/mode it maps to (plover None: no event)."""

    code: str
    goldstein: float
    plover: str | None
    mode: str | None
    context: str | None
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return _CAMEO_QUAD[int(self.root)]


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, EventType]
    cameo: dict[str, CameoCode]
    contexts: dict[str, tuple[str, ...]]  # context name -> keyword lemmas

    def event_type(self, name: str) -> EventType:
        """The PLOVER type called `name` (legacy labels accepted); KnowledgeError when unknown."""
        key = LEGACY_TYPES.get(name.upper(), name.upper())
        if key not in self.types:
            raise KnowledgeError(f"unknown PLOVER event type {name!r} (known: {', '.join(self.types)})")
        return self.types[key]

    def score(self, event: str, mode: str | None = None) -> float:
        """PLOVER score of a type, or of type+mode when the mode has its own score."""
        et = self.event_type(event)
        if mode and mode in et.modes:
            return et.modes[mode]
        return et.score

    def quad(self, event: str) -> int:
        return self.event_type(event).quad

    def code(self, cameo: str) -> CameoCode:
        """The CAMEO code entry; KnowledgeError when the code is not in the table."""
        try:
            return self.cameo[cameo]
        except KeyError:
            raise KnowledgeError(f"unknown CAMEO code {cameo!r}") from None

    def goldstein(self, cameo: str) -> float:
        return self.code(cameo).goldstein

    def plover_of(self, cameo: str) -> tuple[str | None, str | None]:
        """CAMEO -> (PLOVER type, mode) by the crosswalk; falls back to the nearest listed parent code."""
        for n in (len(cameo), 3, 2):
            entry = self.cameo.get(cameo[:n])
            if entry is not None:
                return entry.plover, entry.mode
        raise KnowledgeError(f"unknown CAMEO code {cameo!r}")

    def cameo_for(self, event: str) -> list[str]:
        """Every CAMEO code that maps to a PLOVER type (the reverse crosswalk)."""
        key = self.event_type(event).name
        return [c.code for c in self.cameo.values() if c.plover == key]


def _read(name: str) -> str:
    return resources.files("redline.knowledge").joinpath("data/ontology", name).read_text(encoding="utf-8")


def _parse_types(text: str, fname: str = "plover.toml") -> dict[str, EventType]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{fname}: {exc}") from exc
    out = {}
    for name, row in data.items():
        try:
            quad = int(row["quad"])
            if quad not in QUAD_LABELS:
                raise ValueError(f"quad {quad} not in 1-4")
            modes = {str(k): float(v) for k, v in row.get("modes", {}).items()}
            out[name] = EventType(name, quad, float(row["score"]), bool(row["recipient"]), str(row["definition"]),
                                  modes)
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(f"{fname}: type {name}: {exc!r}") from exc
    return out


def _parse_cameo(text: str, types: dict[str, EventType], fname: str = "cameo.txt") -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5:
            raise KnowledgeError(f"{fname}:{n}: expected 5 fields separated by '|', got {len(parts)}")
        code, gold, plover, context, desc = parts
        if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
            raise KnowledgeError(f"{fname}:{n}: bad CAMEO code {code!r}")
        if code in out:
            raise KnowledgeError(f"{fname}:{n}: duplicate CAMEO code {code}")
        try:
            g = float(gold)
        except ValueError:
            raise KnowledgeError(f"{fname}:{n}: Goldstein value {gold!r} is not a number") from None
        if not -10.0 <= g <= 10.0:
            raise KnowledgeError(f"{fname}:{n}: Goldstein value {g} outside [-10, 10]")
        ptype, mode = None, None
        if plover != "-":
            ptype, _, mode = plover.partition("/")
            if ptype not in types:
                raise KnowledgeError(f"{fname}:{n}: unknown PLOVER type {ptype!r}")
            if mode and mode not in types[ptype].modes:
                raise KnowledgeError(f"{fname}:{n}: {ptype} has no mode {mode!r}")
        out[code] = CameoCode(code, g, ptype, mode or None, None if context == "-" else context, desc)
    return out


def _parse_contexts(text: str, fname: str = "contexts.toml") -> dict[str, tuple[str, ...]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{fname}: {exc}") from exc
    out = {}
    for name, row in data.items():
        words = row.get("keywords") if isinstance(row, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise KnowledgeError(f"{fname}: context {name}: 'keywords' must be a list of strings")
        out[name] = tuple(w.lower() for w in words)
    return out


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The built-in ontology (parsed once per process)."""
    types = _parse_types(_read("plover.toml"))
    return Ontology(types, _parse_cameo(_read("cameo.txt"), types), _parse_contexts(_read("contexts.toml")))
