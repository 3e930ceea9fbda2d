"""Frozen records that flow through redline: article -> document -> events. No I/O here.

Every stage takes a `Document` and returns a new one (``dataclasses.replace``); nothing is mutated.
Offsets (`start`, `end`, `idx`) are character offsets into `Article.text`, the cleaned body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Factuality(StrEnum):
    """Whether the text says the event happened (PLOVER auxiliary modes, extended)."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    POSSIBLE = "possible"
    FUTURE = "future"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"  # the text does not say when (background, habitual or undated future acts): date is None


class DateSource(StrEnum):
    EXPLICIT = "explicit"
    RELATIVE = "relative"
    REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class Removal:
    """A line the clean stage took out of the body, and why (e.g. "see-also cross-link")."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after reading and cleaning.

    id: content hash of the cleaned body (sha256 hex, first 16 chars) unless the input gave one.
    text: the cleaned body; every offset in redline points into it.
    published: the dateline or metadata date as given (None when absent).
    removed: boilerplate lines taken out of the body, each with its reason.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None  # where it was read from: file path, feed, WARC record
    url: str | None = None
    publisher: str | None = None
    wires: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    language: str | None = None
    notes: tuple[str, ...] = ()  # recorded decisions of the clean stage (e.g. "dateline: Sun, 01 Aug 2021")


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, decoupled from spaCy so only the parse stage imports it.

    i: index within its sentence; head: index of the head within the same sentence (root: itself).
    idx: character offset in Article.text.
    """

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    idx: int
    ent_iob: str = "O"
    ent_type: str = ""
    morph: str = ""
    ws: str = " "

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    """A token span [start, end) of one sentence, with a label (NER label or ruler entry id)."""

    start: int
    end: int
    label: str
    text: str
    entry: str | None = None  # knowledge-base entry id when a gazetteer pattern produced it


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()
    entities: tuple[Span, ...] = ()
    # The parser's contextual vector of each token (spaCy's tok2vec output, `doc.tensor`): float16, row-major,
    # len(tokens) rows of equal width; empty when the model gives none or the parse was slimmed away. Read
    # with `stages.coding.vectors`; the learnt veto scores with it.
    vectors: bytes = b""


@dataclass(frozen=True, slots=True)
class Entity:
    """A PLOVER entity object: who an actor or recipient is, with provenance.

    code: ISO-3166 alpha-3 country code or an IGO/NGO code; None when unresolved (then `reason` says why).
    sector: primary PLOVER sector code (GOV, MIL, ...); extra sectors in `sectors`.
    identifier_text / identifier_id: the named person or body (e.g. "Vladimir Putin", Wikidata "Q7747").
    """

    entity_text: str
    code: str | None
    sector: str | None = None
    identifier_text: str | None = None
    identifier_id: str | None = None
    office: str | None = None
    reason: str = ""
    sectors: tuple[str, ...] = ()
    entry: str | None = None  # knowledge-base entry id that produced it


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an actor in one sentence, resolved (or not) to an Entity.

    start/end: token span in the sentence; head: token index of its syntactic head.
    kind: "name", "title", "agent", "pronoun", "surname", "metonym", "nationality", "group".
    antecedent: for coreference, the (sentence, head) of the mention it points back to.
    """

    sentence: int
    start: int
    end: int
    head: int
    text: str
    entity: Entity
    kind: str = "name"
    antecedent: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place from the offline gazetteer. country_code is ISO-3166 alpha-3."""

    name: str
    country_code: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_type: str | None = None  # city, admin1, country, region, contested
    precision: str | None = None  # city, admin1, country, region
    geonameid: int | None = None
    text: str = ""  # the surface text in the article
    sentence: int | None = None
    start: int | None = None  # character offsets in Article.text
    end: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TextInfo:
    """Where an event's evidence sits: sentence number, sentence offsets and trigger offsets in the body."""

    sentence: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event in PLOVER form plus redline's provenance fields."""

    id: str
    article_id: str
    event: str  # PLOVER event type, e.g. "ASSAULT"
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    cameo: str
    goldstein: float
    quad_code: int
    event_scale: float
    factuality: Factuality
    text: str
    text_info: TextInfo
    event_text: str
    rule: str
    confidence: float
    mode: str | None = None
    context: tuple[str, ...] = ()
    factuality_reason: str = ""
    claim_source: tuple[Entity, ...] = ()  # "X said Y attacked Z": X
    trigger: tuple[int, int] = (0, 0)  # token span of the trigger within the sentence
    actor_heads: tuple[int, ...] = ()  # token indexes of the actor mentions' heads
    recipient_heads: tuple[int, ...] = ()
    date: dt.date | None = None
    enddate: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_source: DateSource | None = None
    date_reason: str = ""
    event_loc: Place | None = None
    loc_reason: str = ""
    publication: str | None = None
    quote_id: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect statement with its speaker (None when it cannot be resolved, with a reason)."""

    id: str
    article_id: str
    text: str
    direct: bool
    speaker: Entity | None
    speaker_text: str | None
    verb: str | None
    medium: str | None
    sentence: int
    start: int
    end: int
    date: dt.date | None = None
    reason: str = ""
    event_ids: tuple[str, ...] = ()
    tone: float | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in a sentence, normalised against the reference date."""

    text: str
    sentence: int
    start: int  # token span within the sentence
    end: int
    date: dt.date | None
    enddate: dt.date | None
    precision: DatePrecision | None
    kind: str  # absolute, relative, weekday, range, vague, future, duration, anaphoric, same_period; unanchored (no date)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """The working record of one article through the stages. Each stage fills its own fields."""

    article: Article
    reference_date: dt.date | None = None
    reference_reason: str = ""
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()  # every place mentioned, kept on the article
    quotes: tuple[Quote, ...] = ()
    tone: float | None = None
    sentence_tones: tuple[float, ...] = ()
    skipped: tuple[str, ...] = ()  # recorded reasons for sentences a stage skipped
    stages: tuple[str, ...] = field(default=())  # names of stages that ran, in order


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed: which one, at which step, and why."""

    input: str
    stage: str
    reason: str
