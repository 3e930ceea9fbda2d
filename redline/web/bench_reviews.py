"""What reviews cost the HTTP API: `redline bench --reviews 10000 --events 100000`.

Builds a synthetic store of about `events` events (redline.web.bench.build), copies it, writes `reviews` reviews
into the copy (60% confirmed, 20% rejected, 20% corrected to another type, spread evenly over the events), serves
both stores at once and times the same /events requests against each in back-to-back pairs (the order
alternating from pair to pair), so both see the same load. Per request kind: median wall and CPU milliseconds of
each store, and the median of the pairwise differences (steadier than the difference of medians on a loaded
machine).
Not a test: numbers depend on the machine; the load average is reported with them.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import threading
import time
from pathlib import Path

from .bench import REQUESTS as API_REQUESTS

# The API benchmark's /events requests and its timeline (the one aggregate here for comparison).
REQUESTS = tuple(r for r in API_REQUESTS if r[1] == "/events" or r[0].startswith("timeline"))
SHARES = (("confirmed", 6), ("rejected", 2), ("corrected", 2))  # out of 10


def add_reviews(path: Path, n: int) -> dict:
    """Write `n` reviews into the store at `path`, one transaction; return how many of each verdict and seconds."""
    from ..reviews import build_review
    from ..store import Store

    verdicts = [v for v, k in SHARES for _ in range(k)]
    t0 = time.perf_counter()
    with Store(path) as store:
        total = store.count_events(factuality=None)
        step = max(1, total // n)
        events = store.events(factuality=None, limit=None)[::step][:n]
        rows = []
        for i, ev in enumerate(events):
            verdict = verdicts[i % len(verdicts)]
            changes = {"event": "ACCUSE" if ev["event"] != ["ACCUSE"] else "REJECT", "mode": ""} \
                if verdict == "corrected" else None
            rows.append(build_review(ev, verdict=verdict, changes=changes, reviewer=f"bench{i % 7}",
                                     known_code=lambda c: True))
        store.write_reviews(rows)
        counts = store.count_reviews()["verdicts"]
    return {"reviews": counts, "seconds": round(time.perf_counter() - t0, 1)}


def _serve(path: Path):
    import uvicorn

    from .app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path, read_only=True, cache=False), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    return srv, thread, f"http://127.0.0.1:{port}"


def compare(plain: Path, reviewed: Path, *, repeat: int = 60) -> list[dict]:
    """Time every request kind against both stores, alternating; one row per kind."""
    import httpx

    servers = [_serve(plain), _serve(reviewed)]
    out = []
    try:
        clients = [httpx.Client(base_url=base, timeout=60) for _, _, base in servers]
        for c in clients:
            for _ in range(200):
                try:
                    c.get("/stats")
                    break
                except httpx.HTTPError:
                    time.sleep(0.05)
        for name, url, params in REQUESTS:
            wall: list[list[float]] = [[], []]
            cpu: list[list[float]] = [[], []]
            for c in clients:
                c.get(url, params=params)  # warm-up
            for i in range(repeat):
                for k in ((0, 1) if i % 2 == 0 else (1, 0)):
                    t0, c0 = time.perf_counter(), time.process_time()
                    resp = clients[k].get(url, params=params)
                    wall[k].append((time.perf_counter() - t0) * 1000)
                    cpu[k].append((time.process_time() - c0) * 1000)
                    if resp.status_code != 200:
                        raise RuntimeError(f"{url}: HTTP {resp.status_code}: {resp.text[:200]}")
            med = [statistics.median(w) for w in wall]
            cmed = [statistics.median(x) for x in cpu]
            out.append({"request": name, "plain_median_ms": round(med[0], 1), "reviewed_median_ms": round(med[1], 1),
                        "added_ms": round(statistics.median(b - a for a, b in zip(*wall, strict=True)), 1),
                        "plain_cpu_ms": round(cmed[0], 1), "reviewed_cpu_ms": round(cmed[1], 1),
                        "added_cpu_ms": round(statistics.median(b - a for a, b in zip(*cpu, strict=True)), 1)})
        for c in clients:
            c.close()
    finally:
        for srv, thread, _ in servers:
            srv.should_exit = True
            thread.join(timeout=10)
    return out


def bench_reviews(*, events: int = 100_000, reviews: int = 10_000, repeat: int = 60, workdir: str | Path) -> dict:
    """Build (or reuse) the two stores under `workdir` and compare them; returns every measurement."""
    from ..store import Store
    from .bench import build

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    plain, reviewed = workdir / f"plain-{events}.duckdb", workdir / f"reviewed-{events}-{reviews}.duckdb"
    built = {}
    if not plain.exists():
        t0 = time.perf_counter()
        built["events"] = build(plain, events)
        built["build_seconds"] = round(time.perf_counter() - t0, 1)
    if not reviewed.exists():
        shutil.copy(plain, reviewed)
        built.update(add_reviews(reviewed, reviews))
    with Store(plain, read_only=True) as s:
        n_events = s.count_events(factuality=None)
    with Store(reviewed, read_only=True) as s:
        n_reviews = s.count_reviews()["total"]
    load_start = os.getloadavg()
    rows = compare(plain, reviewed, repeat=repeat)
    return {"events": n_events, "reviews": n_reviews, "repeat": repeat, "built": built,
            "load_average_start": [round(x, 2) for x in load_start],
            "load_average_end": [round(x, 2) for x in os.getloadavg()], "requests": rows}
