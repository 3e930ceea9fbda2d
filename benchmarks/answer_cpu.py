"""CPU per distinct answer of the HTTP API, by endpoint, in process; before and after; and whether they answer alike.

    python benchmarks/answer_cpu.py --db STORE [--before CHECKOUT] [--requests 4000] [--seed 11] [--mix varied]

Draws the requests of concurrent_clients.py's `varied` (or `dashboard`) mix (seeded) once, keeps each distinct URL once (the
server's answer cache answers a repeat), and has each version's app answer them one after the other in its own
process, on its own copy of the store (migrated to its schema): the app built by create_app (answer cache off),
its routes run inline (no worker thread) so that the
CPU time of each answer is the process's, DuckDB's threads included. What load on the machine distorts least:
run both versions in one go and compare within a row. Prints one JSON line per version (CPU ms per answer by
endpoint) and a summary: the ratio after / before per endpoint and how many answers differ (status or body; a
difference is listed with its URL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _answer_all(db: str, urls: list[str], out: str) -> None:
    """In the child: answer every URL with this checkout's app; write CPU and answers to `out` (JSON lines)."""
    sys.path.insert(0, str(HERE))
    from inprocess import getter, inline_routes

    inline_routes()  # the route's CPU in this thread, no hop to measure around
    from redline.store import Store
    from redline.web.app import create_app

    Store(db).close()  # this version's copy of the store, brought to its schema (its migrations) first
    answer = getter(create_app(db, read_only=True, cache=False))

    def get(url: str) -> tuple[int, bytes]:
        path, _, query = url.partition("?")
        return answer(path, query)

    get("/stats")  # the first answer pays for imports and the first connection
    with open(out, "w", encoding="utf-8") as f:
        for url in urls:
            t = time.process_time()
            status, body = get(url)
            cpu = time.process_time() - t
            f.write(json.dumps({"url": url, "cpu_ms": cpu * 1000, "status": status,
                                "body": body.decode("utf-8", "replace")}) + "\n")


def _run(version: str, source: Path | None, db: str, urls_file: str, out: str) -> list[dict]:
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", db, urls_file, out], env=env,
                   check=True, cwd=str(source) if source is not None else None)
    return [json.loads(line) for line in open(out, encoding="utf-8")]


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        urls = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
        return _answer_all(sys.argv[2], urls, sys.argv[4])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="The store (copied for each version, never written).")
    ap.add_argument("--before", type=Path, help="Source tree of the earlier redline to compare with.")
    ap.add_argument("--requests", type=int, default=4000, help="Requests drawn (each distinct URL kept once).")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--mix", choices=("varied", "dashboard"), default="varied",
                    help="Which of concurrent_clients.py's mixes the requests are drawn from.")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    import concurrent_clients

    sample = concurrent_clients._sample(Path(args.db))
    rng = random.Random(args.seed)
    draw = concurrent_clients.request_url if args.mix == "varied" else concurrent_clients.dashboard_url
    urls = list(dict.fromkeys(draw(rng, sample) for _ in range(args.requests)))
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        urls_file = str(Path(tmp) / "urls.json")
        Path(urls_file).write_text(json.dumps(urls), encoding="utf-8")
        versions = (("before", args.before), ("after", None)) if args.before else (("after", None),)
        load = {}
        for name, source in versions:
            load[name] = [round(os.getloadavg()[0], 2)]
            copy = Path(tmp) / f"{name}.duckdb"  # each version's own copy: a migration of one is not the other's
            shutil.copy(args.db, copy)
            rows = _run(name, source, str(copy), urls_file, str(Path(tmp) / f"{name}.jsonl"))
            load[name].append(round(os.getloadavg()[0], 2))
            results[name] = {r["url"]: r for r in rows}
            per: dict[str, list[float]] = {}
            for r in rows:
                per.setdefault(concurrent_clients._endpoint(r["url"]), []).append(r["cpu_ms"])
            print(json.dumps({"version": name, "answers": len(rows), "load_average": load[name],
                              "cpu_ms_per_answer": round(statistics.mean(r["cpu_ms"] for r in rows), 2),
                              "endpoints": {ep: {"answers": len(v), "cpu_ms": round(statistics.mean(v), 2)}
                                            for ep, v in sorted(per.items())}}), flush=True)
    if "before" not in results:
        return
    before, after = results["before"], results["after"]
    differ = [u for u in urls if (before[u]["status"], before[u]["body"]) != (after[u]["status"], after[u]["body"])]
    ratio = {}
    for ep in sorted({concurrent_clients._endpoint(u) for u in urls}):
        b = [before[u]["cpu_ms"] for u in urls if concurrent_clients._endpoint(u) == ep]
        a = [after[u]["cpu_ms"] for u in urls if concurrent_clients._endpoint(u) == ep]
        ratio[ep] = round(statistics.mean(a) / statistics.mean(b), 2)
    print(json.dumps({"summary": {"distinct_urls": len(urls), "answers_differ": len(differ),
                                  "differ_examples": differ[:10], "after_over_before": ratio,
                                  "all": round(sum(r["cpu_ms"] for r in after.values())
                                               / sum(r["cpu_ms"] for r in before.values()), 2)}}), flush=True)


if __name__ == "__main__":
    main()
