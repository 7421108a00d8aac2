#!/usr/bin/env bash
# Run every benchmark and keep its JSON under bench/results/ (the README's performance section
# quotes these files). The core benchmark runs REPEAT times per backend: these machines are
# noisy, so the README quotes medians. PostgreSQL and Redis must be running for the postgres
# column (scripts/system-deps.sh starts them).
#
#   bash scripts/bench_all.sh            # everything, about 45 minutes on 2 cores
#   REPEAT=1 SEARCH_MESSAGES=100000 bash scripts/bench_all.sh   # a quicker pass
#   bash scripts/bench_all.sh core-postgres search-postgres   # only some parts
set -euo pipefail
cd "$(dirname "$0")/.."
PARTS=${*:-core-sqlite core-postgres search-sqlite search-postgres moderation bots legal web}
want() { [[ " $PARTS " == *" $1 "* ]]; }
PY=.venv/bin/python
OUT=bench/results
REPEAT=${REPEAT:-3}
SEARCH_MESSAGES=${SEARCH_MESSAGES:-1000000}
PG=${PARLEY_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}
mkdir -p "$OUT"

for backend in sqlite postgres; do
  want "core-$backend" || continue
  for i in $(seq 1 "$REPEAT"); do
    echo "core ($backend) run $i/$REPEAT" >&2
    $PY bench/core.py --backend "$backend" > "$OUT/core-$backend-$i.json"
  done
done

if want search-sqlite; then
  echo "search (sqlite)" >&2
  $PY bench/search.py --messages "$SEARCH_MESSAGES" > "$OUT/search-sqlite.json"
fi
if want search-postgres; then
  echo "search (postgres)" >&2
  db="parley_bench_search_$$"
  psql "$PG/postgres" -qc "CREATE DATABASE $db" >/dev/null
  trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
  $PY bench/search.py --messages "$SEARCH_MESSAGES" --database-url "$PG/$db" \
    > "$OUT/search-postgres.json"
fi
if want moderation; then
  echo "moderation" >&2
  OMP_NUM_THREADS=1 $PY bench/moderation.py --runs 5 > "$OUT/moderation.json"
fi
for part in bots legal web; do
  if want "$part"; then
    echo "$part" >&2
    $PY "bench/$part.py" > "$OUT/$part.json"
  fi
done
$PY scripts/bench_summary.py "$OUT" > "$OUT/summary.json"
cat "$OUT/summary.json"
