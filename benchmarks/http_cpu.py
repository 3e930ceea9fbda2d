"""CPU and wall ms of each of redline.bench.year's HTTP requests answered in process, the app's routes run inline,
the memo reading nothing (every answer computed as a distinct one is); the store opened read-only.

usage: python benchmarks/http_cpu.py STORE REPEAT OUT.json   (PYTHONPATH picks the code: an earlier checkout's
tree to measure it; run one version after the other, or alternate them, and compare within a run; each request's
answer is kept as a SHA-1 to compare the versions' answers)
"""

import hashlib
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inprocess import getter, inline_routes  # noqa: E402

inline_routes()  # the route's CPU in this thread

import redline  # noqa: E402
from redline.bench.year import HTTP_REQUESTS  # noqa: E402
from redline.store.memo import Memo  # noqa: E402
from redline.web.app import create_app  # noqa: E402

Memo.get_many = lambda self, kind, keys, version: {}


def main() -> None:
    db, repeat, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    get = getter(create_app(db, read_only=True, cache=False))
    get("/stats", "")  # the first answer pays for imports and the first connection
    res = {"code": redline.__file__, "store": db, "load_start": os.getloadavg(), "requests": []}
    for name, url, params in HTTP_REQUESTS:
        query = urlencode(params)
        status, body = get(url, query)  # untimed
        if status != 200:
            raise RuntimeError(f"{url} {params}: HTTP {status}: {body[:300]!r}")
        cpu, wall, load = [], [], os.getloadavg()
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            get(url, query)
            cpu.append(1000 * (time.process_time() - c))
            wall.append(1000 * (time.perf_counter() - w))
        cpu.sort()
        wall.sort()
        p95 = min(repeat - 1, int(0.95 * repeat))
        row = {"request": name, "url": url, "params": params, "cpu_median_ms": round(statistics.median(cpu), 1),
               "cpu_p95_ms": round(cpu[p95], 1), "wall_median_ms": round(statistics.median(wall), 1),
               "wall_p95_ms": round(wall[p95], 1), "n": repeat, "load_average": [load, os.getloadavg()],
               "answer_sha1": hashlib.sha1(body).hexdigest()}
        res["requests"].append(row)
        print(f"{name:36s} cpu {row['cpu_median_ms']:7.1f} / {row['cpu_p95_ms']:7.1f}  wall {row['wall_median_ms']:7.1f}"
              f" / {row['wall_p95_ms']:7.1f}  load {load[0]:.1f}", flush=True)
    res["load_end"] = os.getloadavg()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
