#!/bin/sh
# A throwaway PostgreSQL for the tests: `start` initialises a cluster in a temporary folder and runs it
# on loopback on a free port; `url` prints its postgresql:// URL; `stop` stops it and deletes the folder.
# The folder is remembered in $PG_TEST_STATE (default /tmp/wirefeed-pg-test.<uid>.state) so that the
# three verbs can run from separate shells. initdb refuses to run as root, so as root the server runs as
# the `postgres` user. Installs Debian's `postgresql` when initdb is missing.
set -eu

STATE=${PG_TEST_STATE:-/tmp/wirefeed-pg-test.$(id -u).state}

find_bin() {
    # Resolved: a PATH entry may be a lone symlink to initdb, without pg_ctl and createdb beside it.
    if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
    done
}

as_server() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    if [ -f "$STATE" ]; then echo "already running: $(cat "$STATE")" >&2; exit 1; fi
    BIN=$(find_bin)
    if [ -z "$BIN" ]; then
        SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
        $SUDO apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
        BIN=$(find_bin)
    fi
    [ -n "$BIN" ] || { echo "no initdb after installing postgresql" >&2; exit 1; }
    DIR=$(mktemp -d /tmp/wirefeed-pg.XXXXXX)
    chmod 755 "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
    PORT=$(free_port)
    as_server "$BIN/initdb" -D "$DIR/data" -U wirefeed --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
    # Loopback only, the socket in the folder (not /var/run), fsync off: the data is thrown away.
    printf '%s %s %s\n' "$DIR" "$PORT" "$BIN" >"$STATE"
    as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$DIR/server.log" >&2; stop; exit 1; }
    as_server "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U wirefeed wirefeed || { stop; exit 1; }
    url
}

url() {
    [ -f "$STATE" ] || { echo "not running" >&2; exit 1; }
    read -r _ PORT _ <"$STATE"
    echo "postgresql://wirefeed@127.0.0.1:$PORT/wirefeed"
}

stop() {
    [ -f "$STATE" ] || return 0
    read -r DIR _ BIN <"$STATE"
    as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR" "$STATE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
