"""The year-of-news benchmark: `python -m redline.bench.year --base STORE --inbox CORPUS`.

For each size (100k, 1M and 10M events by default) it copies a store of real coded articles (`--base`, e.g.
the AllSides corpus ingested once) into a year of news (redline.store.replicate: shifted ids and dates, the
copies stored day by day), then measures on it:

- build: replication seconds, the dedup index built from every signature (once), the store file's size, its
  free blocks, and the size per million events;
- watch cycles: real articles the store does not hold (`--inbox`, e.g. the ru-ua corpus) delivered
  `--cycle-articles` at a time into a watched directory, each cycle run as `redline watch` runs it (one
  Store and dedup index kept open between cycles, one pipeline kept loaded); a cycle's overhead is its wall
  time minus the time the pipeline spent coding its new articles. The first cycle after opening the store
  (indexes not yet loaded) is reported apart from the steady ones, and a cycle with nothing new is timed too;
- queries: the HTTP API (uvicorn on a free local port, real requests) and the CLI (a new `redline` process per
  query, as a user runs it): median, p95 and max wall milliseconds over `--repeat` runs.

Every phase records the load average at its start and end. Results: one JSON object on stdout and in `--out`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

SIZES = (100_000, 1_000_000, 10_000_000)
YEAR = 2030
HTTP_REQUESTS = (
    ("events: first page", "/events", {}),
    ("events: actor", "/events", {"actor": "RUS"}),
    ("events: dyad + month", "/events", {"actor": "RUS", "recipient": "UKR", "since": f"{YEAR}-03-01",
                                         "until": f"{YEAR}-03-31"}),
    ("events: type, page 5", "/events", {"event": "ASSAULT", "offset": 400}),
    ("dyads", "/dyads", {}),
    ("dyads: one month", "/dyads", {"since": f"{YEAR}-06-01", "until": f"{YEAR}-06-30"}),
    ("timeline: dyad by month", "/timeline", {"actor": "RUS", "recipient": "UKR", "by": "month"}),
    ("timeline: actor by week, both ways", "/timeline", {"actor": "USA", "by": "week", "both": "true"}),
    ("alerts", "/alerts", {}),
)
CLI_COMMANDS = (
    ("events", ["events", "--limit", "20"]),
    ("events: actor", ["events", "--actor", "RUS", "--limit", "20"]),
    ("dyads", ["dyads"]),
    ("timeline", ["timeline", "--actor", "RUS", "--recipient", "UKR", "--by", "month"]),
    ("alerts", ["alerts"]),
)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _stats(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {"median_ms": round(statistics.median(ms), 1), "p95_ms": round(ms[math.ceil(0.95 * len(ms)) - 1], 1),
            "max_ms": round(ms[-1], 1), "n": len(ms)}


def build(base: Path, path: Path, events: int, *, memory: str = "4GB") -> dict:
    """Copy `base` to `path` and replicate it to about `events` events in a year; return what it cost."""
    from ..settings import load_settings
    from ..stages.dedup import NUM_PERM
    from ..store import Store
    from ..store.replicate import replicate

    t0, load = time.perf_counter(), _load()
    for suffix in ("", ".wal", ".dedup", ".dedup-wal", ".dedup-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(base, path)
    with Store(path) as store:
        store.con.execute(f"SET memory_limit = '{memory}'")
        have = store.count_events(factuality=None)
        copies = max(1, round(events / have))  # copies of the base into the year (the base itself is removed)
        t1 = time.perf_counter()
        total = replicate(store.con, copies, year=YEAR)
        replicate_s = time.perf_counter() - t1
        store.checkpoint()
        t2 = time.perf_counter()
        store.dedup_backend(threshold=load_settings()["near_duplicate_threshold"], num_perm=NUM_PERM)
        index_s = time.perf_counter() - t2
        articles = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"events": total, "articles": articles, "copies": copies, "replicate_s": round(replicate_s, 1),
            "dedup_index_build_s": round(index_s, 1), "build_s": round(time.perf_counter() - t0, 1),
            "load_average": [load, _load()], **store_size(path, total)}


def store_size(path: Path, events: int) -> dict:
    """The store file's size, its free blocks, and the size per million events (dedup index apart)."""
    import duckdb

    size = path.stat().st_size
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("PRAGMA database_size").fetchone()
    finally:
        con.close()
    total, used, free = row[3], row[4], row[5]
    sidecar = sum(Path(str(path) + s).stat().st_size for s in (".dedup", ".dedup-wal")
                  if Path(str(path) + s).exists())
    return {"file_bytes": size, "blocks": total, "used_blocks": used, "free_blocks": free,
            "gb_per_million_events": round(size / 1e9 / (events / 1e6), 3),
            "dedup_index_bytes": sidecar}


def watch_cycles(path: Path, inbox_corpus: Path, *, cycles: int, per_cycle: int, skip: int = 0) -> dict:
    """Deliver real articles `per_cycle` at a time and run watch cycles as `redline watch` does."""
    from ..engines.worker import PipelineSpec, pipeline_for
    from ..pipeline import Pipeline
    from ..settings import load_settings
    from ..store import Store
    from ..watch import WatchState, watch_once
    from . import timed_stages

    with Store(path, read_only=True) as store:  # only articles the store does not hold yet
        lines = [line for line in inbox_corpus.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not store.has_article(str(json.loads(line).get("id")))]
    needed = cycles * per_cycle
    if len(lines) < skip + needed:
        raise SystemExit(f"{inbox_corpus}: {len(lines)} records, {skip + needed} needed")
    base = pipeline_for(PipelineSpec(load_settings()))
    seconds: dict[str, float] = defaultdict(float)
    pipe = Pipeline(base.ctx, stages=timed_stages(base.stages, seconds))
    list(pipe.run([]))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        state = WatchState()
        t_open = time.perf_counter()
        store = Store(path)
        open_s = time.perf_counter() - t_open
        try:
            for c in range(cycles + 1):
                batch = [] if c == cycles else lines[skip + c * per_cycle: skip + (c + 1) * per_cycle]
                if batch:
                    (inbox / f"cycle-{c:03d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
                    old = time.time() - 60  # delivered a minute ago: complete, nothing left to settle
                    os.utime(inbox / f"cycle-{c:03d}.jsonl", (old, old))
                seconds.clear()
                load = _load()
                t = time.perf_counter()
                cycle = watch_once(inbox, state, db=str(path), settle=0.0, store=store, pipeline=pipe)
                wall = time.perf_counter() - t
                coding = sum(seconds.values())
                r = cycle.report
                out.append({"cycle": c + 1, "new_articles": len(batch), "coded": r.coded if r else 0,
                            "duplicate": r.duplicate if r else 0, "failed": r.failed if r else 0,
                            "events": r.events if r else 0, "wall_s": round(wall, 3), "coding_s": round(coding, 3),
                            "overhead_s": round(wall - coding, 3), "load_average": [load, _load()]})
        finally:
            store.close()
    steady = [c["overhead_s"] for c in out[1:-1]] or [out[0]["overhead_s"]]
    return {"store_open_s": round(open_s, 3), "cycles": out,
            "first_cycle_overhead_s": out[0]["overhead_s"],
            "steady_cycle_overhead_s": round(statistics.median(steady), 3),
            "steady_cycle_overhead_max_s": max(steady),
            "empty_cycle_overhead_s": out[-1]["overhead_s"]}


def http_latencies(path: Path, *, repeat: int) -> list[dict]:
    """Time the API's requests over real HTTP (answer caches off: every answer is computed)."""
    import inspect

    import httpx
    import uvicorn

    from ..web.app import create_app

    kwargs = {"cache": False} if "cache" in inspect.signature(create_app).parameters else {}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path, **kwargs), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    out = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for _ in range(600):
                try:
                    client.get("/stats")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            for name, url, params in HTTP_REQUESTS:
                client.get(url, params=params)  # first use of each query (loads what it reads)
                load, times = _load(), []
                for _ in range(repeat):
                    t = time.perf_counter()
                    resp = client.get(url, params=params)
                    times.append((time.perf_counter() - t) * 1000)
                    if resp.status_code != 200:
                        raise RuntimeError(f"{url} {params}: HTTP {resp.status_code}: {resp.text[:300]}")
                out.append({"request": name, "url": url, "params": params, **_stats(times),
                            "load_average": [load, _load()]})
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    return out


def cli_latencies(path: Path, *, repeat: int) -> list[dict]:
    """Time `redline ...` commands, each a new process, as a user runs them."""
    exe = [sys.executable, "-m", "redline"]
    out = []
    for name, args in CLI_COMMANDS:
        load, times = _load(), []
        for _ in range(repeat):
            t = time.perf_counter()
            proc = subprocess.run([*exe, *args, "--db", str(path), "--format", "json"], capture_output=True,
                                  text=True, check=False)
            times.append((time.perf_counter() - t) * 1000)
            if proc.returncode != 0:
                raise RuntimeError(f"redline {' '.join(args)}: exit {proc.returncode}: {proc.stderr[-300:]}")
        out.append({"command": "redline " + " ".join(args), "name": name, **_stats(times),
                    "load_average": [load, _load()]})
    return out


@dataclasses.dataclass
class Options:
    base: Path
    inbox: Path
    sizes: tuple[int, ...]
    workdir: Path
    cycles: int
    per_cycle: int
    repeat: int
    cli_repeat: int
    keep: bool


def run(opts: Options) -> dict:
    result = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cpu_count": os.cpu_count(),
              "base": str(opts.base), "inbox": str(opts.inbox), "sizes": []}
    opts.workdir.mkdir(parents=True, exist_ok=True)
    for i, size in enumerate(opts.sizes):
        path = opts.workdir / f"year-{size}.duckdb"
        row: dict = {"target_events": size}
        print(f"[year] {size:,} events: building", file=sys.stderr, flush=True)
        row["build"] = build(opts.base, path, size)
        print(f"[year] {size:,} events: watch cycles", file=sys.stderr, flush=True)
        row["watch"] = watch_cycles(path, opts.inbox, cycles=opts.cycles, per_cycle=opts.per_cycle)
        row["size_after_watch"] = store_size(path, row["build"]["events"])
        print(f"[year] {size:,} events: HTTP", file=sys.stderr, flush=True)
        row["http"] = http_latencies(path, repeat=opts.repeat)
        print(f"[year] {size:,} events: CLI", file=sys.stderr, flush=True)
        row["cli"] = cli_latencies(path, repeat=opts.cli_repeat)
        result["sizes"].append(row)
        if not opts.keep and i < len(opts.sizes) - 1:
            for suffix in ("", ".wal", ".dedup", ".dedup-wal", ".dedup-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(path) + suffix).unlink()
    result["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, type=Path, help="A store of real coded articles to copy.")
    ap.add_argument("--inbox", required=True, type=Path,
                    help="JSONL of real articles the base does not hold, delivered to the watched directory.")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="Event counts, comma-separated.")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "redline-year")
    ap.add_argument("--cycles", type=int, default=4, help="Watch cycles with new articles.")
    ap.add_argument("--cycle-articles", type=int, default=25, help="New articles per watch cycle.")
    ap.add_argument("--repeat", type=int, default=40, help="Timed HTTP requests per kind.")
    ap.add_argument("--cli-repeat", type=int, default=10, help="Timed CLI runs per command.")
    ap.add_argument("--keep", action="store_true", help="Keep every size's store (default: only the last).")
    ap.add_argument("--out", type=Path, help="Also write the JSON here.")
    args = ap.parse_args(argv)
    opts = Options(args.base, args.inbox, tuple(int(s) for s in args.sizes.split(",")), args.workdir, args.cycles,
                   args.cycle_articles, args.repeat, args.cli_repeat, args.keep)
    result = run(opts)
    text = json.dumps(result, indent=2, default=str)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
