#!/bin/bash
# Initialises the cluster on first start (an empty volume), then runs the server as PID 1 under the
# postgres user, so that `kill` of the container is a kill of the postmaster and a restart is crash
# recovery from the WAL.
set -euo pipefail
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
mkdir -p "$PGDATA"
chown postgres:postgres /var/lib/postgresql "$(dirname "$PGDATA")" "$PGDATA"
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  chown postgres "$pwfile"
  "${as_postgres[@]}" initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.auto.conf"
  if [ "$db" != "postgres" ]; then
    echo "CREATE DATABASE \"$db\" OWNER \"$user\"" |
      "${as_postgres[@]}" postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "postgres-entrypoint: initialised $PGDATA (user $user, database $db)"
fi
if [ "${1:-}" = "postgres" ]; then
  exec "${as_postgres[@]}" "$@" -D "$PGDATA"
fi
exec "$@"
