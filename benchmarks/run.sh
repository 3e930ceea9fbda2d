#!/bin/sh
# The benchmark runs behind benchmarks/README.md. Run from the repository root; results go to $OUT.
# CORPUS defaults to the AllSides international corpus next to the checkout (../shared is not shipped).
set -eu
CORPUS=${CORPUS:-../shared/corpora/allsides-intl/articles.jsonl}
LIMIT=${LIMIT:-500}
OUT=${OUT:-benchmarks/results}
mkdir -p "$OUT"
uptime > "$OUT/load.txt"
redline bench "$CORPUS" --limit "$LIMIT" --workers 1 --json > "$OUT/workers1.json"
redline bench "$CORPUS" --limit "$LIMIT" --workers 2 --json > "$OUT/workers2.json"
# the whole corpus, end to end into a fresh store (timed by the shell)
rm -f "$OUT/all.duckdb"
/usr/bin/time -v redline ingest "$CORPUS" --db "$OUT/all.duckdb" --workers 2 2> "$OUT/ingest-time.txt"
uptime >> "$OUT/load.txt"
