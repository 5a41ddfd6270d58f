#!/usr/bin/env bash
# Load benchmark: the demo world scaled to 5,000 organisations and 50,000 listings on PostgreSQL, served
# by gunicorn (2 workers, config.settings.prod) with Redis as cache, measured with wrk at 20 concurrent
# signed-in users: proposals, review queue, events list, directory search and cluster dashboard beside
# a static page as the ceiling. Prints a markdown table; exits 1 when a page misses the target
# (>= 40% of the ceiling's req/s and p95 < 300 ms).
#
#   scripts/bench/load.sh            # build the database if it is missing, then measure
#   scripts/bench/load.sh --rebuild  # drop and rebuild the scaled database first
#
# Environment: BENCH_DB (clusterlink_load), BENCH_PG (postgres://postgres@127.0.0.1:5432), REDIS_URL
# (redis://127.0.0.1:6379/1), BENCH_PORT (8790), BENCH_USERS (20), BENCH_DURATION (20 s per page),
# BENCH_ORGS (5000), BENCH_LISTINGS (50000), CONN_MAX_AGE (60, as .env.example), DASHBOARD_CACHE_SECONDS
# (300) and PAGE_CACHE_SECONDS (60; both 0: every view computed and rendered anew). Arguments after --rebuild
# go to load.py (--only dashboard, --warmup 3, --json out.json). Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-clusterlink_load}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
PORT=${BENCH_PORT:-8790}
rebuild=""
if [ "${1:-}" = "--rebuild" ]; then rebuild=1; shift; fi
command -v wrk >/dev/null || { echo "load: wrk is missing (apt-get install wrk)"; exit 2; }

export DJANGO_SETTINGS_MODULE=config.settings.prod
export SECRET_KEY="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=localhost,127.0.0.1
export SITE_URL=http://localhost
export DATABASE_URL="$PG/$DB"
export CONN_MAX_AGE=${CONN_MAX_AGE:-60}
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export MATCH_WARM_ON_START=false
REDIS=${REDIS_URL:-redis://127.0.0.1:6379/1}

exists=$(psql "$PG/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
scaled=""
if [ "$exists" = "1" ]; then
  scaled=$(psql "$PG/$DB" -tAc "SELECT count(*) >= ${BENCH_LISTINGS:-50000} FROM matching_listing" 2>/dev/null || true)
fi
if [ -n "$rebuild" ] || [ "$scaled" != "t" ]; then
  echo "load: building $DB (migrate, load_demo, scale_demo)"
  PGOPTIONS="-c client_min_messages=warning" psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
  start=$SECONDS
  # Without REDIS_URL the demo's tasks run in-process (no worker needed while building).
  REDIS_URL= .venv/bin/python manage.py migrate --noinput -v 0
  REDIS_URL= .venv/bin/python manage.py load_demo --force >/dev/null
  REDIS_URL= .venv/bin/python manage.py scale_demo --force --organizations "${BENCH_ORGS:-5000}" --listings "${BENCH_LISTINGS:-50000}"
  psql "$PG/$DB" -qc "VACUUM ANALYZE" >/dev/null
  echo "load: database built in $((SECONDS - start)) s"
fi
export REDIS_URL="$REDIS"
.venv/bin/python manage.py collectstatic --noinput -v 0

log=$(mktemp)
# Production settings; DASHBOARD_CACHE_SECONDS and PAGE_CACHE_SECONDS as in the settings (300, 60) unless given
# (0: computed and rendered on every view).
DJANGO_SETTINGS_MODULE=config.settings.prod DASHBOARD_CACHE_SECONDS=${DASHBOARD_CACHE_SECONDS:-300} \
  PAGE_CACHE_SECONDS=${PAGE_CACHE_SECONDS:-60} \
  .venv/bin/gunicorn config.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null -H 'X-Forwarded-Proto: https' -H 'Host: localhost' "http://127.0.0.1:$PORT/privacy/" && break
  sleep 0.2
done
echo "load: DASHBOARD_CACHE_SECONDS=${DASHBOARD_CACHE_SECONDS:-300} PAGE_CACHE_SECONDS=${PAGE_CACHE_SECONDS:-60}; machine: $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
status=0
.venv/bin/python scripts/bench/load.py --base "http://127.0.0.1:$PORT" --users "${BENCH_USERS:-20}" \
  --duration "${BENCH_DURATION:-20}" "$@" 2>&1 | grep -v '^load: .*: {' || status=$?
echo "load: after: $(uptime | sed 's/.*load average/load average/')"
if grep -q "Traceback\|Error" "$log"; then echo "load: gunicorn logged errors:"; tail -n 30 "$log"; fi
exit $status
