#!/usr/bin/env bash
# Install and start what the tests need from Debian: chromium (browser tests)
# and a PostgreSQL server on loopback (store tests). Idempotent.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=/tmp/onrecord-pg
PGPORT=55432
if ! "$PGBIN/pg_isready" -h 127.0.0.1 -p $PGPORT -q 2>/dev/null; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' -l $PGDATA/log start -w" >/dev/null
fi
echo "export ONRECORD_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/postgres" > .ci/pg.env
