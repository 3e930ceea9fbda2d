"""Stage contracts and the runner: one short loop with one error policy.

A stage is a plain function ``(Document, Context) -> Document`` registered with what it requires and
provides. The order is checked when the pipeline is built, so a missing field is a build error, not a
silent empty output. Batch stages (parse) take and return lists.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import RedlineError
from .records import Article, Document, Failure

log = logging.getLogger(__name__)

StageFn = Callable[[Document, "Context"], Document]
BatchFn = Callable[[list[Document], "Context"], list[Document]]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: Callable[..., Any]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    batch: bool = False


def stage(name: str, *, requires: Sequence[str] = (), provides: Sequence[str] = (), batch: bool = False):
    """Decorator attaching a stage contract to a function (the function itself stays a plain callable)."""

    def wrap(fn):
        fn.stage = Stage(name, fn, tuple(requires), tuple(provides), batch)
        return fn

    return wrap


class Context:
    """Resources the stages need (model, knowledge base, lexicon, gazetteer), loaded lazily once per process.

    settings: a mapping of options (see settings.py); actors_file: a user actor file layered over the built-in
    knowledge base; lexicon_file: a user lexicon file layered over the built-in lexicon (the setting `lexicon`).
    """

    def __init__(self, *, settings: dict | None = None, actors_file: str | None = None,
                 lexicon_file: str | None = None, nlp: Any = None):
        from .settings import load_settings

        overrides = dict(settings or {})
        if lexicon_file:
            overrides["lexicon"] = str(lexicon_file)
        self.settings = load_settings(overrides=overrides)
        self.actors_file = actors_file
        self._nlp = nlp
        self._cache: dict[str, Any] = {}

    def resource(self, name: str, build: Callable[[], Any]) -> Any:
        """Return the named resource, building it on first use."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @property
    def lexicon_file(self) -> str | None:
        return self.settings.get("lexicon") or None

    @property
    def nlp(self):
        if self._nlp is None:
            from .stages.parse import load_model

            self._nlp = load_model(self)
        return self._nlp


def default_stages() -> list[Stage]:
    """The standard pipeline, in order."""
    from .stages import actors, clean, coding, dates, parse, places, quotes, reference_date, tone

    fns = [
        parse.parse_sentences,
        reference_date.date_document,
        actors.resolve_actors,
        quotes.find_quotes,
        coding.code_events,
        quotes.link_quotes,
        dates.date_events,
        places.place_events,
        tone.score_tone,
    ]
    del clean  # clean runs on raw text before a Document exists (see clean.clean_text)
    return [fn.stage for fn in fns]


def check_contracts(stages: Sequence[Stage]) -> None:
    """Fail when a stage requires a field no earlier stage provides."""
    have = {"article"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise RedlineError(f"pipeline: stage {st.name!r} requires {missing} which no earlier stage provides")
        have.update(st.provides)


class Pipeline:
    """Runs the stages over articles. Failures become Failure records; the run goes on."""

    def __init__(self, ctx: Context | None = None, stages: Sequence[Stage] | None = None):
        self.ctx = ctx or Context()
        self.stages = list(stages) if stages is not None else default_stages()
        check_contracts(self.stages)

    def run(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Document | Failure]:
        """Yield one Document (or Failure) per article, in input order."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def run_one(self, article: Article) -> Document:
        out = next(iter(self._run_batch([article])))
        if isinstance(out, Failure):
            raise RedlineError(f"{out.input}: {out.stage}: {out.reason}")
        return out

    def _run_batch(self, articles: list[Article]) -> list[Document | Failure]:
        items: list[Document | Failure] = [Document(article=a) for a in articles]
        for st in self.stages:
            live = [(i, d) for i, d in enumerate(items) if isinstance(d, Document)]
            if not live:
                break
            if st.batch:
                try:
                    outs = st.fn([d for _, d in live], self.ctx)
                except RedlineError:
                    raise
                except Exception:  # one bad document must not sink the batch: retry one by one
                    log.debug("batch stage %s failed; retrying per document", st.name, exc_info=True)
                    outs = []
                    for _, d in live:
                        try:
                            outs.extend(st.fn([d], self.ctx))
                        except RedlineError:
                            raise
                        except Exception as exc:
                            outs.append(_failure(d, st, exc))
                for (i, _), out in zip(live, outs, strict=True):
                    items[i] = _mark(out, st)
            else:
                for i, d in live:
                    try:
                        items[i] = _mark(st.fn(d, self.ctx), st)
                    except RedlineError:
                        raise
                    except Exception as exc:
                        log.debug("stage %s failed on %s", st.name, d.article.id, exc_info=True)
                        items[i] = _failure(d, st, exc)
        return items


def _mark(doc: Document | Failure, st: Stage) -> Document | Failure:
    if isinstance(doc, Failure):
        return doc
    return dataclasses.replace(doc, stages=doc.stages + (st.name,))


def _failure(doc: Document, st: Stage, exc: Exception) -> Failure:
    name = doc.article.source or doc.article.id
    return Failure(input=name, stage=st.name, reason=f"{type(exc).__name__}: {exc}")
