"""Interleaved HTTP benchmark: two read-only servers on the same store, one running an earlier checkout's code
(BEFORE: a directory holding its `redline/` package, put first on PYTHONPATH) and one this checkout's, answer
caches off; every request of redline.bench.year's list alternates between them, so both see the same load.

usage: python benchmarks/http_interleaved.py STORE REPEAT OUT.json BEFORE [BEFORE_STORE] [--cold]
(e.g. BEFORE from `git archive main redline | tar -x -C /tmp/before`; BEFORE_STORE: a copy of STORE without
this checkout's migrations, for the earlier code, which refuses a store of a newer schema). --cold: both servers
with the per-version memo (redline/store/memo.py) reading nothing, so that every answer is computed as a distinct
one is (or the first after a commit); without it a repeated request is served from what the memo kept.
"""
import json, os, subprocess, sys, time, socket, statistics
import httpx
from redline.bench.year import HTTP_REQUESTS
cold = "--cold" in sys.argv
args = [a for a in sys.argv[1:] if a != "--cold"]
store, repeat, out, before = args[0], int(args[1]), args[2], args[3]
stores = {"before": args[4] if len(args) > 4 else store, "after": store}
def port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]
code = ("import sys, uvicorn; from redline.web.app import create_app; "
        + ("from redline.store.memo import Memo; Memo.get_many = lambda self, kind, keys, version: {}; " if cold else "")
        + "app = create_app(sys.argv[1], read_only=True, cache=False); "
        # as `redline serve` starts: a version whose serve.py freezes start-up's heap does it here too
        + "import redline.web.serve as S; getattr(S, 'settle_heap', lambda: None)(); "
        + "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
servers, urls = {}, {}
for who, pp in (("before", os.path.abspath(before)), ("after", "")):
    p = port(); env = dict(os.environ); env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pp: env["PYTHONPATH"] = pp
    servers[who] = subprocess.Popen([sys.executable, "-c", code, stores[who], str(p)], env=env, cwd="/")
    urls[who] = f"http://127.0.0.1:{p}"
res = {"store": store, "stores": stores, "cold": cold, "load_start": os.getloadavg(), "requests": []}
try:
    clients = {w: httpx.Client(base_url=u, timeout=300) for w, u in urls.items()}
    for w, c in clients.items():
        for _ in range(600):
            try:
                c.get("/stats"); break
            except httpx.HTTPError:
                time.sleep(0.2)
    for name, url, params in HTTP_REQUESTS:
        first = {w: c.get(url, params=params) for w, c in clients.items()}  # untimed; the answers must be equal
        times = {"before": [], "after": []}
        load = os.getloadavg()
        for i in range(repeat):
            order = ("before", "after") if i % 2 == 0 else ("after", "before")
            for w in order:
                t = time.perf_counter(); r = clients[w].get(url, params=params); times[w].append(1000 * (time.perf_counter() - t))
                assert r.status_code == 200, (w, url, r.text[:200])
        row = {"request": name, "url": url, "params": params, "load_average": [load, os.getloadavg()],
               "same_answer": first["before"].content == first["after"].content}
        for w, ts in times.items():
            ts = sorted(ts)
            row[w] = {"median_ms": round(statistics.median(ts), 1), "p95_ms": round(ts[min(len(ts) - 1, int(0.95 * len(ts)))], 1), "n": len(ts)}
        res["requests"].append(row)
        print("%-36s before %7.1f / %7.1f   after %7.1f / %7.1f   load %.2f  same answer: %s" % (name, row["before"]["median_ms"], row["before"]["p95_ms"], row["after"]["median_ms"], row["after"]["p95_ms"], load[0], row["same_answer"]), flush=True)
finally:
    for s in servers.values():
        s.terminate()
    for s in servers.values():
        s.wait(timeout=30)
res["load_end"] = os.getloadavg()
json.dump(res, open(out, "w"), indent=1, default=str)
