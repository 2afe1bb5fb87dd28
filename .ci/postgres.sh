# Sourced by .ci/run: a throwaway PostgreSQL cluster for the tests, on a free local port,
# started as the `postgres` user and stopped when the run ends. Exports
# ASSISTANT_TEST_POSTGRES_URL (the tests make a database of their own on it per test).

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_HOME=$(mktemp -d /tmp/assistant-postgres.XXXXXX)
chown postgres "$PG_HOME"
PG_PORT=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_HOME/data" -U postgres -A trust >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -l "$PG_HOME/server.log" -w \
    -o "-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1" start >/dev/null

stop_postgres() {
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_HOME"
}
trap stop_postgres EXIT

export ASSISTANT_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
