"""`redline serve --watch` for ten minutes while files arrive every 30 seconds and a dashboard polls /events.

    python benchmarks/live_watch.py --corpus ../shared/corpora/ru-ua/articles.jsonl [--minutes 10] [--every 30]

One `redline serve --db STORE --watch INBOX --every 30s` process on loopback. Every --every seconds a file
lands in the inbox, in turns: a one-article .txt written at once, a .jsonl of several articles, a .txt
written in two halves with a pause longer than the watcher's settle time (a slow writer), and a .jsonl
written under a hidden .part name and renamed into place. Meanwhile a client asks GET /events?limit=50 about
five times a second. At the end (after the last file had a full cycle to be taken) the server is stopped and
the store is checked: every file's articles are stored once, with their final text, and the totals add up.
Prints one JSON object: files, articles expected (read from the final files) and stored, articles stored
that no final file holds (half-written versions left behind: must be 0), files whose stored articles differ
from what they hold, requests, errors, median / p95 / max latency of /events, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


def _articles(corpus: Path) -> list[dict]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--every", type=float, default=30)
    ap.add_argument("--keep", type=Path, help="Work in this directory and leave the store and inbox there.")
    ap.add_argument("--jitter", type=float, default=0.0,
                    help="Deliver each file up to this many seconds late (seeded): without it the watcher's cycles "
                         "can lock in phase with the arrivals and never poll during the slow writer's pause.")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    pool = _articles(args.corpus)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            tmp = str(args.keep)
        inbox, db = Path(tmp) / "inbox", Path(tmp) / "live.duckdb"
        inbox.mkdir()
        server = subprocess.Popen([sys.executable, "-m", "redline", "-v", "serve", "--db", str(db), "--port", "0",
                                   "--watch", str(inbox), "--every", f"{int(args.every)}s"],
                                  stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
        first = server.stderr.readline()
        url = "http://127.0.0.1:" + re.search(r":(\d+)/", first).group(1)
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
        latencies: list[float] = []
        errors: list[str] = []
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                t0 = time.perf_counter()
                try:
                    with urllib.request.urlopen(url + "/events?limit=50", timeout=60) as resp:
                        json.loads(resp.read())
                        if resp.status != 200:
                            errors.append(str(resp.status))
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    errors.append(f"{type(exc).__name__}: {exc}")
                latencies.append(time.perf_counter() - t0)
                time.sleep(0.2)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        files: list[str] = []  # names of the files delivered
        n, taken = 0, 0
        started = time.monotonic()
        load_start = os.getloadavg()
        while time.monotonic() - started < args.minutes * 60:
            kind = n % 4
            if kind == 0:
                art = pool[taken]
                taken += 1
                (inbox / f"f{n:03d}.txt").write_text(art["text"], encoding="utf-8")
                files.append(f"f{n:03d}.txt")
            elif kind == 1:
                arts = pool[taken: taken + 3]
                taken += 3
                (inbox / f"f{n:03d}.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts),
                                                         encoding="utf-8")
                files.append(f"f{n:03d}.jsonl")
            elif kind == 2:
                art = pool[taken]
                taken += 1
                path = inbox / f"f{n:03d}.txt"
                half = len(art["text"]) // 2
                path.write_text(art["text"][:half], encoding="utf-8")
                time.sleep(8)  # longer than the 5 s settle time: the half may be taken, then replaced
                with path.open("a", encoding="utf-8") as fh:
                    fh.write(art["text"][half:])
                files.append(path.name)
            else:
                arts = pool[taken: taken + 2]
                taken += 2
                part = inbox / f".f{n:03d}.jsonl.part"
                part.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
                part.rename(inbox / f"f{n:03d}.jsonl")
                files.append(f"f{n:03d}.jsonl")
            n += 1
            time.sleep(max(0.0, started + n * args.every + rng.uniform(0, args.jitter) - time.monotonic()))
        time.sleep(2 * args.every + 30)  # the last file gets its cycles
        stop.set()
        poller.join()
        server.terminate()
        server.wait(timeout=300)
        load_end = os.getloadavg()
        from redline.readers import read_path
        from redline.records import Article
        from redline.store import Store

        with Store(db, read_only=True) as store:
            linked: dict[str, set[str]] = {}
            for r in store.sql("SELECT path, article_id FROM article_files"):
                linked.setdefault(Path(r["path"]).name, set()).add(r["article_id"])
            stored = {r["id"] for r in store.sql("SELECT id FROM articles")}
            failures = store.failures()
        expected = {name: {a.id for a in read_path(inbox / name) if isinstance(a, Article)} for name in files}
        wrong = [name for name, ids in expected.items() if linked.get(name, set()) != ids]
        if args.keep:  # evidence for a file not stored exactly once: the server's cycles, what each file holds
            (args.keep / "server.log").write_text("".join(log), encoding="utf-8")
            (args.keep / "files.json").write_text(json.dumps(
                {name: {"expected": sorted(expected[name]), "stored": sorted(linked.get(name, set())),
                        "bytes": (inbox / name).stat().st_size} for name in wrong}, indent=1), encoding="utf-8")
        every_expected = set().union(*expected.values()) if expected else set()
        latencies.sort()
        print(json.dumps({
            "minutes": args.minutes, "every_s": args.every, "jitter_s": args.jitter, "files": len(files),
            "articles_expected": len(every_expected), "articles_stored": len(stored),
            "articles_stored_not_in_any_final_file": len(stored - every_expected),
            "files_not_stored_exactly_once": wrong, "failures": failures[:5],
            "replaced_cycles": sum(line.startswith("watch cycle") and "replaced" in line and "replaced 0" not in line
                                   for line in log),
            "events_requests": len(latencies), "errors": len(errors), "error_examples": errors[:5],
            "median_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1), "load_average_start": load_start, "load_average_end": load_end,
        }), flush=True)


if __name__ == "__main__":
    main()
