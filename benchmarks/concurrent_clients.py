"""200 concurrent clients over the 13 read endpoints of `redline serve`, before and after, in one run.

    python benchmarks/concurrent_clients.py --db STORE [--before CHECKOUT] [--clients 200] [--seconds 60] [--rounds 2]
                                            [--mix dashboard|varied|both]

Each server is a real `redline serve` process on loopback. With --before (a checkout of an earlier redline,
e.g. `git worktree add /tmp/before main`), that version serves a copy of the same store too, and the rounds
alternate (before, after, before, after, ...) so load from elsewhere on the machine hits both alike. Each
client is a closed loop: it sends a request, waits for the answer, sends the next, for --seconds. Requests
pick one of the 13 read endpoints at random, in two mixes: `dashboard`, the requests the dashboard itself
makes (its views with their parameters, the events and articles of the first page, the top dyads'
timelines: many clients ask the same answers), and `varied`, parameters drawn from the store (ids, actors,
dyads, dates, offsets: most answers are not repeats). When the earlier version predates migration 2, its
copy loses the tables that migration added (input files), which that version does not know; its data is the same. Prints one JSON line per round and a summary:
requests, errors (non-2xx or transport), median / p95 / max latency (also per endpoint), requests per
second, the server's CPU seconds (and per request: what load on the machine distorts least), the load
average before and after, and how many distinct URLs were asked.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENDPOINTS = ("/events", "/events/{id}", "/articles/{id}", "/actors", "/quotes", "/dyads", "/timeline", "/alerts",
             "/network", "/locations", "/digest", "/stats", "/")


def _sample(db: Path) -> dict:
    """Ids, codes, dyads and dates to draw requests from (read once, before any server starts)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: [r[0] if len(r) == 1 else r for r in con.execute(sql).fetchall()]  # noqa: E731
    out = {
        "events": q("SELECT id FROM events USING SAMPLE 400 ROWS"),
        "articles": q("SELECT id FROM articles USING SAMPLE 200 ROWS"),
        "actors": q("SELECT code FROM actors WHERE code IS NOT NULL GROUP BY code ORDER BY count(*) DESC LIMIT 25"),
        "dyads": q("SELECT actor_codes[1], recipient_codes[1] FROM events WHERE len(actor_codes) > 0 AND "
                   "len(recipient_codes) > 0 GROUP BY ALL ORDER BY count(*) DESC LIMIT 25"),
        "dates": [str(d) for d in q("SELECT DISTINCT date FROM events WHERE date IS NOT NULL ORDER BY 1")],
        "first_page": q("SELECT id FROM events WHERE factuality = 'asserted' ORDER BY date DESC NULLS LAST, id "
                        "LIMIT 50"),
    }
    out["first_articles"] = q("SELECT DISTINCT rep_article FROM events WHERE factuality = 'asserted' "
                              "ORDER BY rep_article LIMIT 30")
    con.close()
    return out


def dashboard_url(rng: random.Random, s: dict) -> str:
    """One request as the dashboard asks it (redline/web/static/app.js): its views with their own parameters,
    the events and articles of the first page of events, the most active dyads' timelines."""
    ep = rng.choice(ENDPOINTS)
    a, r = rng.choice(s["dyads"][:5]) if s["dyads"] else ("RUS", "UKR")
    return {
        "/events": rng.choice(["/events?limit=50", "/events?limit=50&offset=50",
                               f"/events?actor={a}&recipient={r}&factuality=asserted&limit=50"]),
        "/events/{id}": f"/events/{rng.choice(s['first_page'])}",
        "/articles/{id}": f"/articles/{rng.choice(s['first_articles'])}",
        "/actors": "/actors?limit=200", "/quotes": "/quotes?limit=50", "/dyads": "/dyads?limit=8",
        "/timeline": f"/timeline?actor={a}&recipient={r}&by=month", "/alerts": "/alerts?by=month&baseline=6",
        "/network": "/network?limit=40", "/locations": "/locations?limit=300",
        "/digest": f"/digest?date={s['dates'][-1] if s['dates'] else '2014-03-01'}&days=7&format=json",
        "/stats": "/stats", "/": "/",
    }[ep]


def request_url(rng: random.Random, s: dict) -> str:
    """One read request: an endpoint and its parameters drawn from the store's own values (mostly unique)."""
    ep = rng.choice(ENDPOINTS)
    date = rng.choice(s["dates"]) if s["dates"] else "2014-03-01"
    if ep == "/events":
        params = rng.choice([{}, {"actor": rng.choice(s["actors"])}, {"offset": rng.randint(0, 300)},
                             {"factuality": "all", "limit": 100}, {"since": date},
                             {"actor": rng.choice(s["actors"]), "recipient": rng.choice(s["actors"])}])
    elif ep == "/events/{id}":
        return f"/events/{rng.choice(s['events'])}"
    elif ep == "/articles/{id}":
        return f"/articles/{rng.choice(s['articles'])}"
    elif ep == "/timeline":
        a, r = rng.choice(s["dyads"]) if s["dyads"] else ("RUS", "UKR")
        params = {"actor": a, "recipient": r, "by": rng.choice(["month", "week", "year"])}
    elif ep == "/alerts":
        params = rng.choice([{}, {"by": "week"}, {"since": date}])
    elif ep == "/digest":
        params = {"date": date, "days": rng.choice([1, 7, 30]), "format": rng.choice(["md", "json"])}
    elif ep in ("/quotes", "/dyads", "/network", "/locations"):
        params = rng.choice([{}, {"since": date}, {"limit": rng.choice([10, 50])}])
    else:
        params = {}
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return ep + ("?" + query if query else "")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`redline serve` from a given source tree (None: this checkout) in a subprocess on a free port."""

    def __init__(self, db: Path, source: Path | None, extra: list[str]):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if source is not None:
            env["PYTHONPATH"] = str(source)
        # cwd: `python -m` puts the working directory first on sys.path, ahead of PYTHONPATH
        self.proc = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", str(db), "--port",
                                      "0" if source is None else str(_free_port()), *extra],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                                     cwd=str(source) if source is not None else None)
        line = self.proc.stderr.readline()
        port = re.search(r":(\d+)/", line)
        if not port:
            raise RuntimeError(f"server did not start: {line}{self.proc.stderr.read()}")
        self.url = f"http://127.0.0.1:{port.group(1)}"

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far (all its threads, DuckDB's included)."""
        import psutil

        t = psutil.Process(self.proc.pid).cpu_times()
        return t.user + t.system

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def _get(reader, writer, path: str) -> int:
    """One GET on a kept-alive connection; the status. A small client: httpx would cost more CPU than the
    server's cached answers, on the same two cores."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
    if length:
        await reader.readexactly(int(length.group(1)))
    else:  # chunked
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _load(url: str, sample: dict, *, clients: int, seconds: float, seed: int, mix: str) -> dict:
    host, port = url.rsplit("/", 1)[-1].split(":")
    latencies: list[float] = []
    per_endpoint: dict[str, list[float]] = {}
    errors: list[str] = []
    urls: set[str] = set()
    deadline = time.monotonic() + seconds

    async def one_client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        conn = None
        while time.monotonic() < deadline:
            path = (dashboard_url if mix == "dashboard" else request_url)(rng, sample)
            urls.add(path)
            t0 = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.open_connection(host, int(port), limit=1 << 22)
                status = await _get(*conn, path)
                if status >= 300:
                    errors.append(f"{status} {path}")
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
                errors.append(f"{type(exc).__name__} {path}")
                conn = None
            latencies.append(time.perf_counter() - t0)
            per_endpoint.setdefault(_endpoint(path), []).append(latencies[-1])
        if conn is not None:
            conn[1].close()

    await asyncio.gather(*(one_client(n) for n in range(clients)))
    return {"requests": len(latencies), "errors": len(errors), "error_examples": errors[:5], **_spread(latencies),
            "requests_per_s": round(len(latencies) / seconds, 1), "distinct_urls": len(urls),
            "endpoints": {ep: {"requests": len(v), **_spread(v)} for ep, v in sorted(per_endpoint.items())}}


def _endpoint(path: str) -> str:
    """The endpoint a request path asks (ids folded: /events/{id})."""
    base = path.split("?", 1)[0]
    for prefix in ("/events/", "/articles/"):
        if base.startswith(prefix):
            return prefix + "{id}"
    return base


def _spread(latencies: list[float]) -> dict:
    """Median, p95 and max of latencies (seconds) in milliseconds."""
    ordered = sorted(latencies)
    return {"median_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def _downgrade(db: Path) -> None:
    """Make the copy readable by redline before migration 2, which only added the input-file tables."""
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("DROP TABLE IF EXISTS article_files")
    con.execute("DROP TABLE IF EXISTS files")
    con.execute("DELETE FROM schema_migrations WHERE version = 2")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, type=Path, help="The store to serve (copied; never written).")
    ap.add_argument("--before", type=Path, help="Source tree of the earlier redline to compare with.")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--rounds", type=int, default=2, help="Rounds per server (alternating).")
    ap.add_argument("--serve-args", default="", help="Extra arguments for `redline serve` of this checkout.")
    ap.add_argument("--mix", choices=("dashboard", "varied", "both"), default="both",
                    help="dashboard: the requests the dashboard makes; varied: parameters drawn at random.")
    args = ap.parse_args()
    sample = _sample(args.db)
    results: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        copies = {}
        for name in ("before", "after") if args.before else ("after",):
            copies[name] = Path(tmp) / f"{name}.duckdb"
            shutil.copy(args.db, copies[name])
        if args.before and "article_files" not in (args.before / "redline/store/schema.py").read_text():
            _downgrade(copies["before"])  # a checkout from before migration 2
        mixes = ("dashboard", "varied") if args.mix == "both" else (args.mix,)
        for r, mix in ((r, m) for r in range(args.rounds) for m in mixes):
            for name, db in copies.items():
                server = Server(db, args.before if name == "before" else None,
                                args.serve_args.split() if name == "after" else [])
                try:
                    time.sleep(2)
                    load_start = os.getloadavg()[0]
                    cpu_start = server.cpu_seconds()
                    row = asyncio.run(_load(server.url, sample, clients=args.clients, seconds=args.seconds,
                                            seed=r, mix=mix))
                    cpu = server.cpu_seconds() - cpu_start
                    row.update(server=name, mix=mix, round=r + 1, load_average_start=round(load_start, 2),
                               load_average_end=round(os.getloadavg()[0], 2), server_cpu_s=round(cpu, 1),
                               server_cpu_ms_per_request=round(cpu * 1000 / max(1, row["requests"]), 2))
                finally:
                    server.stop()
                results.setdefault(f"{name} {mix}", []).append(row)
                print(json.dumps(row), flush=True)
    summary = {name: {"requests": sum(x["requests"] for x in rows), "errors": sum(x["errors"] for x in rows),
                      "p95_ms_per_round": [x["p95_ms"] for x in rows], "median_ms_per_round": [x["median_ms"] for x in rows]}
               for name, rows in results.items() if rows}
    print(json.dumps({"summary": summary, "clients": args.clients, "seconds": args.seconds}), flush=True)


if __name__ == "__main__":
    main()
