#!/usr/bin/env bash
# Installs and starts what the test suite needs outside Python, when it is missing:
# - Debian's chromium (browser tests drive it through Playwright; no browser is downloaded);
# - PostgreSQL and Redis on 127.0.0.1 (the suite's second run, the scaled deployment).
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "system-deps: installing ${need_apt[*]}"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_ready; then
  echo "system-deps: starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "system-deps: PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
# The suite connects as postgres without a password over TCP (the machine's trust setting);
# fail early with a clear message when that is not so.
psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null || {
  echo "system-deps: cannot connect as postgres@127.0.0.1 (trust auth expected)" >&2; exit 1; }

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "system-deps: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null
