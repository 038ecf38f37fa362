#!/bin/bash
# Writes the credentials PgBouncer checks clients against and logs in to PostgreSQL with, from the
# environment, then runs PgBouncer in the foreground.
set -euo pipefail
: "${DB_HOST:?}" "${DB_USER:?}" "${DB_PASSWORD:?}"
runtime=/tmp/pgbouncer
mkdir -p "$runtime"
umask 077
printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" >"$runtime/userlist.txt"
printf '[databases]\n* = host=%s port=%s\n' "$DB_HOST" "${DB_PORT:-5432}" >"$runtime/databases.ini"
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
