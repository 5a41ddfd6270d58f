#!/usr/bin/env bash
# The production shape serves pages: under config.settings.prod, migrate a fresh PostgreSQL
# database, collectstatic (manifest storage: fails on any asset referencing a missing file),
# start gunicorn as the Procfile does, and fetch a page, a static asset and /healthz.
# Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL); used by .ci/run and `make smoke-prod`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${SMOKE_PORT:-8765}
DB=${SMOKE_DB:-clusterlink_smoke}
PG=${SMOKE_PG:-postgres://postgres@127.0.0.1:5432}
export DJANGO_SETTINGS_MODULE=config.settings.prod
export SECRET_KEY="smoke-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=localhost,127.0.0.1
export SITE_URL=http://127.0.0.1
export DATABASE_URL="$PG/$DB"
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1}
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend

PGOPTIONS="-c client_min_messages=warning" psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
log=$(mktemp)
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

.venv/bin/python manage.py check --deploy --fail-level WARNING
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/gunicorn config.wsgi --bind "127.0.0.1:$PORT" --workers 2 >"$log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

fetch() {  # fetch PATH EXPECTED_STATUS: behind the TLS-terminating proxy the Procfile expects
  local code
  code=$(curl -s -o /tmp/smoke-body -w '%{http_code}' -H 'X-Forwarded-Proto: https' -H 'Host: localhost' "http://127.0.0.1:$PORT$1")
  if [ "$code" != "$2" ]; then
    echo "smoke: GET $1 answered $code, expected $2"; head -c 2000 /tmp/smoke-body; echo; tail -n 40 "$log"; exit 1
  fi
  echo "smoke: GET $1 -> $code"
}
fetch / 200
fetch /accounts/login/ 200
fetch /healthz 200
page_css=$(curl -s -H 'X-Forwarded-Proto: https' -H 'Host: localhost' "http://127.0.0.1:$PORT/" | grep -o '/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]*\.css' | head -n1)
[ -n "$page_css" ] || { echo "smoke: the page links no hashed Bootstrap stylesheet"; exit 1; }
fetch "$page_css" 200
echo "smoke: production shape serves pages and static files"
