"""The benchmark: whole-pipeline throughput against bare spaCy on the same texts, with peak memory.

`bench` reads up to `limit` articles, runs the full pipeline (in process, or on `workers` processes / dask)
and, in the same run on the same texts, bare spaCy ``nlp.pipe`` with the same model as spaCy ships it (no
entity ruler, spaCy's own components) in its own process (`BareSpacy`), as a user would run it.
With one local worker the two are interleaved chunk by chunk, so a machine whose load changes during the
run slows both alike; the pipeline's stages are timed and the time spent inside spaCy is split out.
Model loading and worker start-up are excluded from throughput and reported on their own.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import psutil

from ..engines.worker import PipelineSpec
from ..errors import UsageError
from ..pipeline import Context, Pipeline, Stage, default_stages
from ..readers import read_inputs
from ..records import Article, Failure
from ..settings import load_settings

CHUNK = 50  # articles per interleaved chunk (pipeline, then spaCy) in the one-worker run

Tick = Callable[[int], None]


class RssMonitor:
    """Samples the resident memory of this process and all its descendants (workers) in a thread."""

    def __init__(self, interval: float = 0.1, exclude: tuple[int, ...] = ()):
        self.interval = interval
        self.exclude = set(exclude)  # processes not counted (the bare spaCy baseline)
        self.peak_total = 0
        self.peak_process = 0
        self.processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="rss-monitor")

    def __enter__(self) -> RssMonitor:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def sample(self) -> None:
        me = psutil.Process()
        total = 0
        peak = 0
        procs = [me]
        try:
            procs += me.children(recursive=True)
        except psutil.Error:
            pass
        for p in procs:
            if p.pid in self.exclude:
                continue
            try:
                rss = p.memory_info().rss
            except psutil.Error:  # a worker that just exited
                continue
            total += rss
            peak = max(peak, rss)
        self.peak_total = max(self.peak_total, total)
        self.peak_process = max(self.peak_process, peak)
        self.processes = max(self.processes, len(procs))

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()


class _TimedNlp:
    """A spaCy pipeline wrapper that adds up the time spent inside ``pipe`` and ``__call__``."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.seconds = 0.0

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def __call__(self, text):
        t = time.perf_counter()
        try:
            return self._nlp(text)
        finally:
            self.seconds += time.perf_counter() - t

    def pipe(self, texts, **kwargs) -> Iterator:
        it = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield doc


def timed_stages(stages: Iterable[Stage], seconds: dict[str, float]) -> list[Stage]:
    def wrap(st: Stage):
        def run(doc, ctx):
            t = time.perf_counter()
            try:
                return st.fn(doc, ctx)
            finally:
                seconds[st.name] += time.perf_counter() - t

        return dataclasses.replace(st, fn=run)

    return [wrap(st) for st in stages]


def load_articles(corpus: Iterable[str], limit: int | None) -> tuple[list[Article], int]:
    """(up to `limit` articles from the corpus paths, failures met on the way)."""
    failures = 0
    arts: list[Article] = []
    for item in read_inputs(list(corpus)):
        if isinstance(item, Failure):
            failures += 1
            continue
        arts.append(item)
        if limit is not None and len(arts) >= limit:
            break
    return arts, failures


def words_of(articles: Iterable[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def _chunks(seq: list, n: int) -> Iterator[list]:
    it = iter(seq)
    while chunk := list(islice(it, n)):
        yield chunk


def bench(
    corpus: Iterable[str] | str,
    *,
    limit: int | None = None,
    workers: int = 1,
    engine: str = "local",
    settings: dict | None = None,
    baseline: bool = True,
    tick: Tick | None = None,
) -> dict:
    """Benchmark the pipeline on a corpus; return the measurements as a flat dict (see docs/operations.md).

    corpus: paths (files, directories, globs) any reader accepts. limit: most articles to use. workers /
    engine: how the pipeline runs. baseline: also time bare spaCy. tick(n): called as articles finish.
    """
    if isinstance(corpus, str):
        corpus = [corpus]
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    values = load_settings(overrides=settings or {})
    arts, read_failures = load_articles(corpus, limit)
    if not arts:
        raise UsageError(f"{', '.join(corpus)}: no readable articles to benchmark")
    words = words_of(arts)
    load_before = os.getloadavg()
    result: dict = {
        "articles": len(arts), "words": words, "read_failures": read_failures, "workers": workers,
        "engine": engine, "cpu_count": os.cpu_count(), "model": values["model"],
        "batch_size": values["batch_size"],
    }
    if engine == "local" and workers == 1:
        result.update(_bench_inline(arts, values, baseline, tick))
    elif engine == "dask":
        result.update(_bench_dask(arts, values, workers, tick))
        if baseline:
            result["spacy_seconds"], result["spacy_cpu_seconds"] = _bare_spacy(arts, values)
    else:
        result.update(_bench_parallel(arts, values, workers, tick))
        if baseline:
            result["spacy_seconds"], result["spacy_cpu_seconds"] = _bare_spacy(arts, values)
    result["load_average"] = [round(x, 2) for x in load_before]
    result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return _rates(result)


def _bench_inline(arts: list[Article], values: dict, baseline: bool, tick: Tick | None) -> dict:
    """One worker in this process: pipeline and bare spaCy interleaved chunk by chunk."""
    from ..stages.parse import load_model

    t0 = time.perf_counter()
    ctx = Context(settings=values)
    nlp = _TimedNlp(load_model(ctx))
    ctx = Context(settings=values, nlp=nlp)
    seconds: dict[str, float] = defaultdict(float)
    pipe = Pipeline(ctx, stages=timed_stages(default_stages(), seconds))
    list(pipe.run(arts[:1]))  # build the knowledge base, gazetteer and lexicon now, outside the timing
    load_s = time.perf_counter() - t0
    bare = BareSpacy(values) if baseline else None
    seconds.clear()
    nlp.seconds = 0.0
    run_s = spacy_s = run_cpu = spacy_cpu = 0.0
    events = failed = done = 0
    with RssMonitor(exclude=(bare.pid,) if bare else ()) as rss:
        for chunk in _chunks(arts, CHUNK):
            t, c = time.perf_counter(), time.process_time()
            for out in pipe.run(chunk, batch_size=values["batch_size"]):
                if isinstance(out, Failure):
                    failed += 1
                else:
                    events += len(out.events)
            run_s += time.perf_counter() - t
            run_cpu += time.process_time() - c
            if bare is not None:
                wall, cpu = bare.time([a.text for a in chunk])
                spacy_s += wall
                spacy_cpu += cpu
            done += len(chunk)
            if tick:
                tick(done)
    if bare is not None:
        bare.close()
    out = {"seconds": run_s, "cpu_seconds": run_cpu, "events": events, "failed": failed, "load_s": load_s,
           "peak_rss_mb": rss.peak_total / 2**20, "peak_rss_per_process_mb": rss.peak_process / 2**20,
           "processes": rss.processes, "stage_seconds": dict(seconds), "spacy_in_pipeline_s": nlp.seconds}
    if bare is not None:
        out["spacy_seconds"] = spacy_s
        out["spacy_cpu_seconds"] = spacy_cpu
    return out


def _count(outputs: Iterable, tally: dict[str, int]) -> None:
    for item in outputs:
        if isinstance(item, Failure):
            tally["failed"] += 1
        else:
            tally["events"] += len(item.events)


def _bench_dask(arts: list[Article], values: dict, workers: int, tick: Tick | None) -> dict:
    """Dask's steady state against the local pool: a LocalCluster and a ProcessPool of `workers` processes are
    both started and warmed (model loaded on every worker) outside the timing, then run the same chunks of
    articles in turn (which goes first alternates by chunk), so load that changes during the run hits both.

    `seconds` / `cpu_seconds` are dask's; `local_pool_*` the pool's on the same chunks; `startup_s` is the
    cluster's start and warm-up. CPU is the whole process tree's in each phase (the idle engine's few
    heartbeats included).
    """
    from ..engines.dask_engine import run_dask, start_cluster, warm_workers
    from ..engines.local import ProcessPool

    spec = PipelineSpec(values)
    batch_size = values["batch_size"]
    dask_t = {"events": 0, "failed": 0}
    local_t = {"events": 0, "failed": 0}
    dask_s = dask_cpu = local_s = local_cpu = 0.0
    per_chunk: list[list[float]] = []  # [dask wall, local wall] of each chunk: how steady the comparison is
    done = 0
    with RssMonitor() as rss:
        t0 = time.perf_counter()
        client, cluster = start_cluster(workers)
        try:
            warm_workers(client, spec, arts[:1])
            startup_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            with ProcessPool(spec, workers) as pool:
                pool.warm(sample=arts[:1])
                load_s = time.perf_counter() - t0
                for k, chunk in enumerate(_chunks(arts, CHUNK)):
                    runs = [("dask", lambda c=chunk: run_dask(c, spec, workers=workers, batch_size=batch_size,
                                                              client=client)),
                            ("local", lambda c=chunk: pool.run(c, batch_size=batch_size))]
                    walls = {}
                    for name, run in runs if k % 2 == 0 else runs[::-1]:
                        t, c = time.perf_counter(), _tree_cpu()
                        _count(run(), dask_t if name == "dask" else local_t)
                        walls[name], cpu = time.perf_counter() - t, _tree_cpu() - c
                        if name == "dask":
                            dask_s, dask_cpu = dask_s + walls[name], dask_cpu + cpu
                        else:
                            local_s, local_cpu = local_s + walls[name], local_cpu + cpu
                    per_chunk.append([round(walls["dask"], 2), round(walls["local"], 2)])
                    done += len(chunk)
                    if tick:
                        tick(done)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return {"seconds": dask_s, "cpu_seconds": dask_cpu, "events": dask_t["events"], "failed": dask_t["failed"],
            "startup_s": startup_s, "load_s": load_s, "local_pool_seconds": local_s,
            "local_pool_cpu_seconds": local_cpu, "local_pool_events": local_t["events"],
            "dask_vs_local": dask_s / max(local_s, 1e-9), "dask_cpu_vs_local": dask_cpu / max(local_cpu, 1e-9),
            "chunk_seconds_dask_local": per_chunk,
            "peak_rss_mb": rss.peak_total / 2**20, "peak_rss_per_process_mb": rss.peak_process / 2**20,
            "processes": rss.processes, "startup_included": False}


def _bench_parallel(arts: list[Article], values: dict, workers: int, tick: Tick | None) -> dict:
    """Local worker processes, started and warmed (model loaded) before timing."""
    from ..engines.local import ProcessPool

    events = failed = done = 0
    spec = PipelineSpec(values)
    with RssMonitor() as rss:
        t0 = time.perf_counter()
        with ProcessPool(spec, workers) as pool:
            pool.warm(sample=arts[:1])
            load_s = time.perf_counter() - t0
            t = time.perf_counter()
            cpu0 = _tree_cpu()
            for item in pool.run(arts, batch_size=values["batch_size"]):
                done += 1
                if isinstance(item, Failure):
                    failed += 1
                else:
                    events += len(item.events)
                if tick and done % 10 == 0:
                    tick(done)
            cpu = _tree_cpu() - cpu0
            run_s = time.perf_counter() - t
    return {"seconds": run_s, "cpu_seconds": cpu, "events": events, "failed": failed, "load_s": load_s,
            "peak_rss_mb": rss.peak_total / 2**20, "peak_rss_per_process_mb": rss.peak_process / 2**20,
            "processes": rss.processes, "startup_included": False}


def _tree_cpu() -> float:
    """CPU seconds (user + system) used so far by this process and its live descendants."""
    total = 0.0
    me = psutil.Process()
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


class BareSpacy:
    """Bare spaCy as a user runs it: its own process, the model as shipped (no entity ruler, spaCy's own
    components), ``nlp.pipe`` over the article texts with the pipeline's batch size.

    A separate process, because spaCy in the pipeline's process runs 6-10% slower (a larger, older heap), which
    made the ratio read high. `time(texts)` returns (wall seconds, CPU seconds) of one pass measured in the
    child; model loading is excluded.
    """

    def __init__(self, values: dict):
        import multiprocessing

        mp = multiprocessing.get_context("spawn")
        self._conn, child = mp.Pipe()
        self._proc = mp.Process(target=_bare_spacy_child, args=(child, values["model"], values["batch_size"]),
                                daemon=True, name="bench-bare-spacy")
        self._proc.start()
        child.close()
        self._reply()  # the model is loaded and warmed

    def _reply(self):
        if not self._conn.poll(600):
            raise RuntimeError("bare spaCy process did not answer within 600 s")
        kind, value = self._conn.recv()
        if kind == "error":
            raise RuntimeError(f"bare spaCy process failed: {value}")
        return value

    @property
    def pid(self) -> int:
        return self._proc.pid

    def time(self, texts: list[str]) -> tuple[float, float]:
        self._conn.send(texts)
        return self._reply()

    def close(self) -> None:
        try:
            self._conn.send(None)
        except OSError:
            pass
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.kill()

    def __enter__(self) -> BareSpacy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _bare_spacy_child(conn, model: str, batch_size: int) -> None:  # pragma: no cover - runs in the child
    try:
        from ..stages.parse import load_model

        nlp = load_model(None, name=model, ruler=False, fast=False)
        for _ in nlp.pipe(["Warm-up text for the model."], batch_size=batch_size):
            pass
        conn.send(("ok", None))
        while (texts := conn.recv()) is not None:
            t, c = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            conn.send(("ok", (time.perf_counter() - t, time.process_time() - c)))
    except Exception as exc:  # reported to the parent, which raises it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _bare_spacy(arts: list[Article], values: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of bare spaCy over the articles, in its own process."""
    with BareSpacy(values) as bare:
        return bare.time([a.text for a in arts])


def _rates(r: dict) -> dict:
    s = max(r["seconds"], 1e-9)
    r["articles_per_s"] = r["articles"] / s
    r["words_per_s"] = r["words"] / s
    r["events_per_s"] = r["events"] / s
    r["peak_rss_per_worker_mb"] = r["peak_rss_per_process_mb"]  # the largest process: one pipeline's memory
    if "spacy_seconds" in r:
        r["spacy_words_per_s"] = r["words"] / max(r["spacy_seconds"], 1e-9)
        r["ratio"] = r["words_per_s"] / r["spacy_words_per_s"]
    if r.get("spacy_cpu_seconds") and r.get("cpu_seconds"):
        # CPU time is what a loaded, shared machine distorts least: words per CPU-second, pipeline vs spaCy
        r["cpu_ratio"] = r["spacy_cpu_seconds"] / r["cpu_seconds"]
    if r.get("stage_seconds"):
        total = sum(r["stage_seconds"].values()) or 1e-9
        r["stage_share"] = {k: v / total for k, v in r["stage_seconds"].items()}
        r["outside_spacy_share"] = max(0.0, 1 - r["spacy_in_pipeline_s"] / s)
        if "parse" in r["stage_seconds"]:  # parse = spaCy (with the entity ruler) + copying into Token records
            r["parse_copy_s"] = max(0.0, r["stage_seconds"]["parse"] - r["spacy_in_pipeline_s"])
        if r.get("spacy_seconds"):  # the same texts through spaCy with the ruler vs bare: the ruler's cost
            r["spacy_with_ruler_vs_bare"] = r["spacy_in_pipeline_s"] / r["spacy_seconds"]
    return {k: round(v, 4) if isinstance(v, float) else _round(v) for k, v in r.items()}


def _round(v):
    if isinstance(v, dict):
        return {k: round(x, 4) if isinstance(x, float) else x for k, x in v.items()}
    return v


__all__ = ["bench", "RssMonitor", "load_articles", "words_of"]
