"""kill -9 of one worker during `redline ingest --workers 2`: the run finishes, and after a rerun the store
holds the same events as a clean run.

    python benchmarks/kill_workers.py --corpus ../shared/corpora/ru-ua/articles.jsonl --trials 10

One clean run first (its sorted event ids are the reference), then per trial: a fresh store, `redline ingest
CORPUS --workers 2`, one of its worker processes killed with SIGKILL at a random moment while articles are
being coded, the run waited for (it must end by itself), the same command run again, and the sorted event
ids compared with the clean run's. Prints one JSON line per trial and a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "redline", "-v", "ingest", str(corpus), "--db", str(db),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _event_ids(db: Path) -> list[str]:
    from redline.store import Store

    with Store(db, read_only=True) as store:
        return sorted(r["id"] for r in store.sql("SELECT id FROM events"))


def _workers(pid: int) -> list[int]:
    import psutil

    return [p.pid for p in psutil.Process(pid).children()
            if "spawn_main" in " ".join(p.cmdline()) and "resource_tracker" not in " ".join(p.cmdline())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--out", type=Path, help="Also write the JSON lines here.")
    ap.add_argument("--first-trial", type=int, default=1,
                    help="Number of the first trial; the earlier trials' random draws are skipped, so trials "
                         "7-10 of a seed run in a later session kill at the moments the whole run would have.")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for _ in range(1, args.first_trial):  # the draws of each earlier trial: kill moment, then one of 2 workers
        rng.randint(5, 250)
        rng.choice((0, 1))
    lines: list[dict] = []

    def report(row: dict) -> None:
        lines.append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            args.out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        clean_db = Path(tmp) / "clean.duckdb"
        t0 = time.monotonic()
        clean = _ingest(args.corpus, clean_db)
        out, err = clean.communicate()
        clean_seconds = time.monotonic() - t0
        reference = _event_ids(clean_db)
        report({"run": "clean", "exit": clean.returncode, "seconds": round(clean_seconds, 1),
                "summary": out.strip().splitlines()[-1], "events": len(reference), "load_average": os.getloadavg()})
        for trial in range(args.first_trial, args.first_trial + args.trials):
            db = Path(tmp) / f"trial{trial}.duckdb"
            proc = _ingest(args.corpus, db)
            stored = 0
            target = rng.randint(5, 250)  # kill after this many articles were written: early, middle or late
            killed, kill_at = None, None
            started = time.monotonic()
            for line in proc.stderr:
                stored += len(re.findall(r"stored article", line))
                if killed is None and stored >= target:
                    workers = _workers(proc.pid)
                    if workers:
                        killed = rng.choice(workers)
                        os.kill(killed, signal.SIGKILL)
                        kill_at = round(time.monotonic() - started, 1)
            proc.wait()
            first = proc.stdout.read().strip().splitlines()
            rerun = _ingest(args.corpus, db)
            rerun_out, _ = rerun.communicate()
            ids = _event_ids(db)
            report({"run": f"trial {trial}", "killed_worker": killed, "killed_after_articles": target,
                    "killed_at_s": kill_at, "finished": proc.returncode in (0, 1), "exit": proc.returncode,
                    "summary": first[-1] if first else "", "rerun": rerun_out.strip().splitlines()[-1],
                    "same_events_as_clean": ids == reference, "events": len(ids),
                    "load_average": os.getloadavg()})
    trials = [x for x in lines if x["run"] != "clean"]
    print(json.dumps({"trials": len(trials), "finished": sum(x["finished"] for x in trials),
                      "killed": sum(x["killed_worker"] is not None for x in trials),
                      "same_events_as_clean": sum(x["same_events_as_clean"] for x in trials)}), flush=True)


if __name__ == "__main__":
    main()
