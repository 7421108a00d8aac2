#!/usr/bin/env bash
# Run every benchmark and keep its JSON under bench/results/ (the README's performance section
# quotes these files). The core benchmark runs REPEAT times per backend: these machines are
# noisy, so the README quotes medians. PostgreSQL and Redis must be running for the postgres
# column (scripts/system-deps.sh starts them).
#
#   bash scripts/bench_all.sh            # everything, about 45 minutes on 2 cores
#   REPEAT=1 SEARCH_MESSAGES=100000 bash scripts/bench_all.sh   # a quicker pass
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=bench/results
REPEAT=${REPEAT:-3}
SEARCH_MESSAGES=${SEARCH_MESSAGES:-1000000}
PG=${PARLEY_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}
mkdir -p "$OUT"

for backend in sqlite postgres; do
  for i in $(seq 1 "$REPEAT"); do
    echo "core ($backend) run $i/$REPEAT" >&2
    $PY bench/core.py --backend "$backend" > "$OUT/core-$backend-$i.json"
  done
done

echo "search (sqlite)" >&2
$PY bench/search.py --messages "$SEARCH_MESSAGES" > "$OUT/search-sqlite.json"
echo "search (postgres)" >&2
db="parley_bench_search_$$"
psql "$PG/postgres" -qc "CREATE DATABASE $db" >/dev/null
trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
$PY bench/search.py --messages "$SEARCH_MESSAGES" --database-url "$PG/$db" > "$OUT/search-postgres.json"

echo "moderation" >&2
OMP_NUM_THREADS=1 $PY bench/moderation.py --runs 5 > "$OUT/moderation.json"
echo "bots" >&2
$PY bench/bots.py > "$OUT/bots.json"
echo "legal" >&2
$PY bench/legal.py > "$OUT/legal.json"
echo "web" >&2
$PY bench/web.py > "$OUT/web.json"
$PY scripts/bench_summary.py "$OUT" > "$OUT/summary.json"
cat "$OUT/summary.json"
