"""Benchmark of the HTTP API over a large store: `python -m redline.web.bench --events 100000`.

Builds a store of synthetic coded articles (redline.web.sample), replicates it up to the requested number of
events, serves it with uvicorn on a free local port and times typical /events, /timeline and /dyads requests
over real HTTP. Prints one JSON line per request kind: median, p95 and max wall milliseconds, and the median
CPU milliseconds of this process (server and client; less sensitive to other load on the machine).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REQUESTS = (
    ("events: first page", "/events", {}),
    ("events: actor", "/events", {"actor": "RUS"}),
    ("events: dyad + window", "/events", {"actor": "RUS", "recipient": "UKR", "since": "2014-03-01",
                                          "until": "2014-06-30"}),
    ("events: type, page 20", "/events", {"event": "ASSAULT", "offset": 1000}),
    ("events: all factualities", "/events", {"factuality": "all", "limit": 200}),
    ("event detail", "/events/{id}", {}),
    ("timeline: dyad by month", "/timeline", {"actor": "RUS", "recipient": "UKR", "by": "month"}),
    ("dyads", "/dyads", {}),
)


def build(path: Path, events: int, *, per_article: int = 20, base_articles: int = 50) -> int:
    """A store of about `events` events: `base_articles` coded articles copied as often as needed."""
    from .. import analysis
    from ..store import Store, analytics
    from .sample import build_store

    if not path.exists():
        build_store(path, base_articles, events_per_article=per_article)
    with Store(path) as store:
        base = store.count_events(factuality=None)
        return analytics.replicate_for_benchmark(analysis._con(store), max(1, round(events / base)))


@contextlib.contextmanager
def serving(path: Path) -> Iterator[str]:
    """The HTTP API and dashboard over the store at `path`, served by uvicorn in a thread on a free local port;
    yields the base URL once /stats answers (benchmarks and browser tests)."""
    import httpx
    import uvicorn

    from .app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                if httpx.get(base + "/stats", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        else:
            raise RuntimeError(f"the server over {path} did not start")
        yield base
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def run(path: Path, *, repeat: int = 30) -> list[dict]:
    import httpx

    out = []
    with serving(path) as base, httpx.Client(base_url=base, timeout=30) as client:
        some_id = client.get("/events", params={"limit": 1}).json()["data"][0]["id"]
        for name, url, params in REQUESTS:
            url = url.replace("{id}", some_id)
            client.get(url, params=params)  # warm-up
            times, cpu = [], []
            for _ in range(repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                resp = client.get(url, params=params)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                if resp.status_code != 200:
                    raise RuntimeError(f"{url}: HTTP {resp.status_code}: {resp.text[:200]}")
            times.sort()
            out.append({"request": name, "median_ms": round(statistics.median(times), 1),
                        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
                        "cpu_ms": round(statistics.median(cpu), 1)})
    return out


def _store(path: Path):
    from ..store import Store

    return Store(path, read_only=True) if path.exists() else contextlib.nullcontext()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000, help="Events in the store (default 100000).")
    ap.add_argument("--db", help="Use (or build) this store file instead of a temporary one.")
    ap.add_argument("--repeat", type=int, default=30, help="Timed requests per kind.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        with _store(path) as store:
            have = store.count_events(factuality=None) if store else 0
        if have < args.events * 0.9:
            n = build(path, args.events)
            print(json.dumps({"built_events": n, "seconds": round(time.perf_counter() - t0, 1)}))
        for row in run(path, repeat=args.repeat):
            print(json.dumps(row))


if __name__ == "__main__":
    main()
