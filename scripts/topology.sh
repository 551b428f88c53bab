#!/usr/bin/env bash
# Starts, beside a running loopback PostgreSQL primary, a hot standby made with `pg_basebackup -R` and Debian's
# PgBouncer in transaction pooling mode in front of the primary — the topology of docs/operations.md §10 in
# miniature, for CI (.ci/run) and for development. Prints the variables the topology tests read.
#
#   scripts/topology.sh up PG_BIN PRIMARY_PORT DIR STANDBY_PORT PGBOUNCER_PORT   (prints `export …` lines)
#   scripts/topology.sh down PG_BIN DIR
#
# As root, the server tools and PgBouncer run as the `postgres` user (both refuse to run as root); DIR must be
# writable by that user.
set -euo pipefail
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cmd=$1 pg_bin=$2
case "$cmd" in
up)
  primary_port=$3 dir=$4 standby_port=$5 bouncer_port=$6
  mkdir -p "$dir/pgbouncer" && chmod 777 "$dir" "$dir/pgbouncer"
  as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby" -R -X stream -c fast
  # A hot standby needs these at least as high as its primary's (which may have been set on its command line).
  limits=$("$pg_bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -AtX -c "SELECT string_agg(name || ' = ' || setting, E'\n') FROM pg_settings WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')")
  # The standby's own address, kept in its configuration so a plain `pg_ctl start` (tests stop and start it) reuses it.
  as_pg sh -c "cat >> '$dir/standby/postgresql.auto.conf'" <<CONF
$limits
port = $standby_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
CONF
  as_pg "$pg_bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w start >/dev/null
  printf '"postgres" ""\n' >"$dir/pgbouncer/userlist.txt"
  sed -e "s|{{port}}|$bouncer_port|g" -e "s|{{server_port}}|$primary_port|g" -e "s|{{dir}}|$dir/pgbouncer|g" \
    "$(dirname "$0")/pgbouncer.ini.in" >"$dir/pgbouncer/pgbouncer.ini"
  chmod 644 "$dir/pgbouncer/pgbouncer.ini" "$dir/pgbouncer/userlist.txt"
  as_pg /usr/sbin/pgbouncer -d "$dir/pgbouncer/pgbouncer.ini"
  echo "export TEST_DATABASE_READ_URL=postgres://postgres@127.0.0.1:$standby_port/postgres"
  echo "export TEST_STANDBY_PGDATA=$dir/standby"
  echo "export TEST_PGBOUNCER_URL=postgres://postgres@127.0.0.1:$bouncer_port/postgres"
  ;;
down)
  dir=$3
  if [ -f "$dir/pgbouncer/pgbouncer.pid" ]; then kill -INT "$(cat "$dir/pgbouncer/pgbouncer.pid")" 2>/dev/null || true; fi
  if [ -d "$dir/standby" ]; then as_pg "$pg_bin/pg_ctl" -D "$dir/standby" -m fast -w stop >/dev/null 2>&1 || true; fi
  ;;
*)
  echo "usage: $0 up PG_BIN PRIMARY_PORT DIR STANDBY_PORT PGBOUNCER_PORT | down PG_BIN DIR" >&2
  exit 2
  ;;
esac
