#!/bin/sh
# Runs once, when the volume is initialised (docker-entrypoint-initdb.d). Through PgBouncer the
# API's statement_timeout startup parameter is dropped, so the role carries the same limit.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
ALTER ROLE "$POSTGRES_USER" SET statement_timeout = ${DB_STATEMENT_TIMEOUT_MS:-5000};
SQL
