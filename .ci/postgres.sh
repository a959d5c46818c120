# Sourced by .ci/run (as root, after apt-get update): a throwaway PostgreSQL for the store contract suite
# and the Slack/Teams end-to-end tests. Installs Debian's server, initdb's a cluster as the postgres user
# into a temporary directory, starts it on a free loopback port and exports TEST_DATABASE_URL.
apt-get install -y -qq postgresql >/dev/null
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PG_DIR="$(mktemp -d /tmp/cpbot-ci-pg.XXXXXX)"
chown postgres:postgres "$PG_DIR"
PG_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --locale=C --encoding=UTF8 --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres cpbot_ci
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/cpbot_ci"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests at $TEST_DATABASE_URL"
