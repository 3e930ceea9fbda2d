"""Engines: in-process, worker processes and dask give the same outputs, in input order; crashes fail a batch.

Most tests run a tiny pipeline of stages defined here (no spaCy), so process start-up is the only cost.
The stage functions live at module level so spawned workers can import them.
"""

from __future__ import annotations

import dataclasses
import os

import pytest

from redline.engines import batches, merge, run_documents
from redline.errors import KnowledgeError, UsageError
from redline.pipeline import Context, Pipeline, stage
from redline.records import Article, Document, Failure, Sentence


@stage("count", requires=("article",), provides=("sentences",))
def count_words(doc: Document, ctx: Context) -> Document:
    """Test stage: one Sentence whose index is the article's word count."""
    n = len(doc.article.text.split())
    return dataclasses.replace(doc, sentences=(Sentence(n, 0, 0, len(doc.article.text), doc.article.text),))


@stage("crash", requires=("sentences",), provides=())
def crash_on_marker(doc: Document, ctx: Context) -> Document:
    """Test stage: kills its process on an article containing CRASH, raises on RAISE."""
    if "CRASH" in doc.article.text:
        os._exit(3)
    if "RAISE" in doc.article.text:
        raise ValueError("bad article")
    return doc


@stage("slow", requires=("sentences",), provides=())
def sleep_on_marker(doc: Document, ctx: Context) -> Document:
    """Test stage: an article containing SLOW takes 60 seconds (a worker to kill while it works)."""
    if "SLOW" in doc.article.text:
        import time

        time.sleep(60)
    return doc


@stage("pause-once", requires=("sentences",), provides=())
def pause_once(doc: Document, ctx: Context) -> Document:
    """Test stage: on an article with PAUSE:<file>, the first worker to meet it writes its pid there and
    sleeps a minute (a worker to kill while it works); once the file exists the article passes at once."""
    import re
    import time

    m = re.search(r"PAUSE:(\S+)", doc.article.text)
    if m and not os.path.exists(m.group(1)):
        with open(m.group(1), "w") as fh:
            fh.write(str(os.getpid()))
        time.sleep(60)
    return doc


@stage("broken-knowledge", requires=("article",), provides=())
def fail_setup(doc: Document, ctx: Context) -> Document:
    """Test stage: a setup error (not a bad article), which must stop the run with its message."""
    raise KnowledgeError("actors file x.csv line 3: missing code")


def _tiny(batch_size: int = 2) -> Pipeline:
    return Pipeline(Context(settings={"batch_size": batch_size}), stages=[count_words.stage, crash_on_marker.stage])


def _items(n: int) -> list[Article | Failure]:
    items: list[Article | Failure] = []
    for i in range(n):
        items.append(Article(id=f"a{i}", text=" ".join(["word"] * (i + 1)), source=f"in{i}"))
        if i % 4 == 1:
            items.append(Failure(f"bad{i}", "read", "empty file"))
    return items


def _summary(outs) -> list:
    return [(o.input, o.stage) if isinstance(o, Failure) else (o.article.id, o.sentences[0].index) for o in outs]


def test_batches_and_merge_keep_failures_in_place():
    items = _items(5)
    got = list(batches(items, 2))
    assert [[getattr(x, "id", None) for x in b] for b in got] == [["a0", "a1"], [None, "a2", "a3"], ["a4"]]
    docs = [Document(article=a) for a in got[1] if isinstance(a, Article)]
    assert [type(x).__name__ for x in merge(got[1], docs)] == ["Failure", "Document", "Document"]


def test_run_documents_inline_order_and_failures():
    items = _items(7)
    outs = list(run_documents(items, pipeline=_tiny()))
    expected = [(i.input, "read") if isinstance(i, Failure) else (i.id, len(i.text.split())) for i in items]
    assert _summary(outs) == expected


@pytest.mark.slow
def test_run_documents_processes_match_inline():
    items = _items(9)
    inline = _summary(run_documents(items, pipeline=_tiny()))
    seen = []
    parallel = _summary(run_documents(items, pipeline=_tiny(), workers=2, progress=seen.append))
    assert parallel == inline
    assert len(seen) == len(items)


@pytest.mark.slow
def test_run_documents_worker_crash_fails_only_its_batch():
    items = [Article(id=f"a{i}", text=("CRASH here" if i == 3 else f"fine text {i}"), source=f"in{i}")
             for i in range(8)]
    outs = list(run_documents(items, pipeline=_tiny(batch_size=2), workers=2))
    assert len(outs) == 8
    failed = {o.input for o in outs if isinstance(o, Failure)}
    assert failed == {"in2", "in3"}  # the batch holding the crashing article, nothing else
    assert all("died twice" in o.reason for o in outs if isinstance(o, Failure))
    assert [o.article.id for o in outs if isinstance(o, Document)] == ["a0", "a1", "a4", "a5", "a6", "a7"]


def test_run_documents_stage_error_is_failure_of_one_article():
    items = [Article(id="a", text="ok"), Article(id="b", text="RAISE"), Article(id="c", text="ok too")]
    outs = list(run_documents(items, pipeline=_tiny()))
    assert [type(o).__name__ for o in outs] == ["Document", "Failure", "Document"]
    assert outs[1].stage == "crash" and "bad article" in outs[1].reason


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_run_documents_setup_error_reaches_the_caller(workers):
    pipe = Pipeline(Context(), stages=[fail_setup.stage])
    with pytest.raises(KnowledgeError, match="line 3"):
        list(run_documents([Article(id="a", text="x")], pipeline=pipe, workers=workers))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"engine": "spark"}, "unknown engine"), ({"workers": 0}, "positive"),
     ({"scheduler": "tcp://x:8786"}, "only applies")],
)
def test_run_documents_bad_options_are_usage_errors(kwargs, message):
    with pytest.raises(UsageError, match=message):
        list(run_documents([], **kwargs))


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine_on_tiny_pipeline():
    items = _items(6)
    inline = _summary(run_documents(items, pipeline=_tiny()))
    assert _summary(run_documents(items, pipeline=_tiny(), engine="dask", workers=1)) == inline


@pytest.mark.slow
def test_dask_engine_same_events_as_local_engine(pipeline):
    """The real pipeline on a LocalCluster gives the same event dicts as the in-process engine."""
    from redline.plover import event_dict
    from redline.stages.clean import clean_text

    texts = [
        "Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said.",
        "The United States imposed new sanctions on Iran on Tuesday. Iran condemned the decision.",
        "Protesters marched in Paris against the pension reform.",
    ]
    arts = [clean_text(t, source=f"t{i}") for i, t in enumerate(texts)]
    local = [[event_dict(e) for e in d.events] for d in run_documents(arts, pipeline=pipeline)]
    remote = [[event_dict(e) for e in d.events] for d in run_documents(arts, engine="dask", workers=1,
                                                                       pipeline=pipeline)]
    assert remote == local
    assert any(local)  # the texts do yield events, so the comparison is not between empty lists


def _worker_pids() -> list[int]:
    import psutil

    return [p.pid for p in psutil.Process().children() if "resource_tracker" not in " ".join(p.cmdline())]


@pytest.mark.slow
def test_run_documents_worker_killed_between_batches_costs_nothing():
    """A worker killed while the pool waits for the next batch: the pool breaks on submit; the run goes on."""
    import signal
    import time

    killed = []

    def items():
        for i in range(8):
            if i == 4:
                os.kill(_worker_pids()[0], signal.SIGKILL)
                killed.append(i)
                time.sleep(1.5)  # the pool notices the death and refuses the next submit
            yield Article(id=f"a{i}", text=f"fine text {i}", source=f"in{i}")

    outs = list(run_documents(items(), pipeline=_tiny(batch_size=2), workers=2))
    assert killed == [4]
    assert [o.article.id for o in outs if isinstance(o, Document)] == [f"a{i}" for i in range(8)]


@pytest.mark.slow
def test_run_documents_worker_killed_while_working_retries_its_batch(tmp_path):
    import signal
    import threading
    import time

    marker = tmp_path / "busy.pid"

    def kill_the_busy_worker():
        deadline = time.monotonic() + 120
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.2)
        os.kill(int(marker.read_text()), signal.SIGKILL)

    items = [Article(id=f"a{i}", text=f"fine text {i}" + (f" PAUSE:{marker}" if i == 3 else ""), source=f"in{i}")
             for i in range(8)]
    pipe = Pipeline(Context(settings={"batch_size": 2}), stages=[count_words.stage, pause_once.stage])
    threading.Thread(target=kill_the_busy_worker, daemon=True).start()
    started = time.monotonic()
    outs = list(run_documents(items, pipeline=pipe, workers=2))
    assert marker.exists()
    assert [o.article.id for o in outs if isinstance(o, Document)] == [f"a{i}" for i in range(8)]
    assert time.monotonic() - started < 60  # the retry did not wait for the killed worker's pause


_ORPHAN_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
from test_engines import count_words, sleep_on_marker
from redline.engines import run_documents
from redline.pipeline import Context, Pipeline
from redline.records import Article
if __name__ == "__main__":  # spawned workers import this file again
    pipe = Pipeline(Context(settings={{"batch_size": 1}}), stages=[count_words.stage, sleep_on_marker.stage])
    arts = [Article(id=f"a{{i}}", text=f"SLOW text {{i}}", source=f"in{{i}}") for i in range(4)]
    for out in run_documents(arts, pipeline=pipe, workers=2):
        print(out, flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_workers_end_when_their_parent_is_killed(tmp_path, sig):
    import signal
    import subprocess
    import sys
    import time

    import psutil

    script = tmp_path / "parent.py"
    script.write_text(_ORPHAN_SCRIPT.format(tests=str(os.path.dirname(__file__))), encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        children: list = []
        while time.monotonic() < deadline:
            children = psutil.Process(parent.pid).children()
            if len(children) >= 3:  # the resource tracker and two workers
                break
            time.sleep(0.5)
        assert len(children) >= 3, children
        time.sleep(3)  # the workers are up and busy (each sleeps on its article)
        assert all(c.is_running() for c in children)  # the same workers: none crashed and was replaced
        parent.send_signal(getattr(signal, sig))
        parent.wait(timeout=30)
        gone, alive = psutil.wait_procs(children, timeout=15)
        assert alive == [], [(p.pid, p.cmdline()) for p in alive]
    finally:
        if parent.poll() is None:
            parent.kill()


def test_slim_drops_the_token_vectors_with_the_tokens():
    from redline.engines.worker import slim

    sent = Sentence(0, 0, 0, 5, "Hello", vectors=b"\x00\x3c" * 96)
    light = slim(Document(article=Article(id="s", text="Hello"), sentences=(sent,)))
    assert light.sentences[0].vectors == b"" and light.sentences[0].text == "Hello"


@pytest.mark.slow
def test_workers_send_back_slim_documents_that_store_the_same_rows(pipeline, monkeypatch):
    """A worker's answer drops the parse (tokens, token vectors, entity spans, actor mentions) and nothing the
    store keeps."""
    from redline.engines.worker import slim
    from redline.stages.clean import clean_text
    from redline.store import rows
    from redline.store.rows import document_rows

    monkeypatch.setattr(rows, "now", lambda: "fixed stored-at time")

    text = ("Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said.\n\n"
            "\"We will answer,\" President Volodymyr Zelensky said in Kyiv. The United States imposed new "
            "sanctions on Iran on Tuesday.")
    full = next(iter(run_documents([clean_text(text, source="t")], pipeline=pipeline)))
    assert full.events and full.quotes and full.mentions  # the comparison below is not between empty records
    assert all(s.tokens for s in full.sentences)
    light = slim(full)
    assert all(not s.tokens and not s.entities and not s.vectors for s in light.sentences) and light.mentions == ()
    assert [(s.index, s.paragraph, s.start, s.end, s.text) for s in light.sentences] == \
        [(s.index, s.paragraph, s.start, s.end, s.text) for s in full.sentences]
    assert document_rows(light, run_id="r") == document_rows(full, run_id="r")
    remote = next(iter(run_documents([clean_text(text, source="t")], pipeline=pipeline, workers=2)))
    assert remote.sentences == light.sentences and remote.events == full.events
