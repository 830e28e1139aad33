#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: initdb in a temp dir, listen on
# 127.0.0.1 only, trust auth, stopped and removed at the end whatever happens.
# Usage: scripts/with_postgres.sh COMMAND [ARGS...]   (DATABASE_URL is set for the command)
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then echo "with_postgres: PostgreSQL is not installed (make setup)" >&2; exit 1; fi
PORT=${PGPORT_TEST:-54329}
DATA=$(mktemp -d /tmp/socialokonomi-pg.XXXXXX)
as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres: "$DATA"
stop() {
  as_postgres "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap stop EXIT
as_postgres "$PGBIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA -c fsync=off" start >/dev/null
echo "with_postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/socialokonomi"
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres socialokonomi
"$@"
