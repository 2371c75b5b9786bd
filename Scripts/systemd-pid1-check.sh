#!/usr/bin/env bash
# Runs systemd/wirefeed.service for real under systemd 252 as PID 1 of fresh namespaces (for machines,
# like CI containers, where systemd is not the init): the unit's sandbox, READY=1, reload, the watchdog
# and restart, stop. Nothing outside the namespaces changes: /etc/passwd, /var/lib, /var/log and
# /var/spool are bind-mounted copies under .build/systemd-check/.
#   sudo Scripts/systemd-pid1-check.sh [BINARY]      (default .build/release/wirefeed)
# Needs root, unshare(1), nsenter(1) and /lib/systemd/systemd.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
bin=$(realpath "${1:-.build/release/wirefeed}")
[ -x "$bin" ] || { echo "no executable at $bin (swift build -c release)"; exit 2; }
# Not under /tmp: the unit's PrivateTmp= would hide it from the service.
work=$repo/.build/systemd-check
rm -rf "$work"
mkdir -p "$work"/{units/wirefeed.service.d,var-lib,var-log,spool,bin}
cp "$bin" "$work/bin/wirefeed"
touch "$work/console.log" "$work/daemon.log"
cp /etc/passwd "$work/passwd"; cp /etc/group "$work/group"
echo "wirefeed:x:990:990:WireFeed:/var/lib/wirefeed:/usr/sbin/nologin" >> "$work/passwd"
echo "wirefeed:x:990:" >> "$work/group"
install -d -m 2770 -o 990 -g 990 "$work/spool/wirefeed" "$work/spool/wirefeed/inbox"
cp systemd/pipeline.json "$work/pipeline.json"
sed -e "s#/usr/local/bin/wirefeed#$work/bin/wirefeed#g" -e "s#/etc/wirefeed/pipeline.json#$work/pipeline.json#g" \
    systemd/wirefeed.service > "$work/units/wirefeed.service"
# No journald here: output to a file; a short watchdog so the wedge below is seen quickly.
cat > "$work/units/wirefeed.service.d/check.conf" <<CONF
[Unit]
DefaultDependencies=no
[Service]
StandardOutput=append:$work/daemon.log
StandardError=append:$work/daemon.log
WatchdogSec=3s
ExecStart=
ExecStart=$work/bin/wirefeed run --config $work/pipeline.json --stall-limit 5
CONF
cat > "$work/pid1.sh" <<INNER
set -e
mount -t tmpfs tmpfs /run
mount --bind $work/units /etc/systemd/system
mount --bind $work/console.log /dev/console
mount --bind $work/passwd /etc/passwd
mount --bind $work/group /etc/group
mount --bind $work/var-lib /var/lib
mount --bind $work/var-log /var/log
# A small disk for the outputs, filled later to wedge the sink.
mkdir -p /var/log/wirefeed
mount -t tmpfs -o size=512k tmpfs /var/log/wirefeed
mount --bind $work/spool /var/spool
export container=wirefeed-check
exec /lib/systemd/systemd --system --unit=wirefeed.service --log-target=console
INNER
unshare --pid --fork --mount --mount-proc --uts --ipc --net --cgroup --propagation private bash "$work/pid1.sh" &
outer=$!
pid1=""
for _ in $(seq 50); do pid1=$(pgrep -P "$outer" || true); [ -n "$pid1" ] && break; sleep 0.1; done
trap 'kill -9 "$pid1" 2>/dev/null || true; wait "$outer" 2>/dev/null || true' EXIT
inside() { nsenter -t "$pid1" -m -p -u -i -n "$@"; }
show() { inside systemctl show wirefeed.service -p "$1" --value 2>/dev/null || true; }
wait_for() {  # PROPERTY VALUE SECONDS
    for _ in $(seq $(($3 * 10))); do [ "$(show "$1")" = "$2" ] && { echo "ok: $1 = $2"; return 0; }; sleep 0.1; done
    echo "FAIL: $1 is '$(show "$1")', expected '$2'"; tail -n 20 "$work/daemon.log" "$work/console.log"; exit 1
}
fails=0
check() { if [ "$2" = "$3" ]; then echo "ok: $1 = $2"; else echo "FAIL: $1 = '$2', expected '$3'"; fails=$((fails + 1)); fi; }

wait_for SubState running 60
echo "status: $(show StatusText)"
systemd-analyze security --offline=true "$work/units/wirefeed.service" 2>/dev/null | tail -1
check "runs as" "$(inside ps -o user= -p "$(show MainPID)" | tr -d ' ')" "wirefeed"

for n in $(seq 20); do printf 'Sandbox story %s\n\nPORTVALE - Body of story %s.\n' "$n" "$n" > "$work/spool/wirefeed/inbox/s$n.txt"; done
lines() { inside sh -c 'wc -l < /var/log/wirefeed/all.ndjson' 2>/dev/null || echo 0; }
for _ in $(seq 100); do [ "$(lines)" -ge 20 ] && break; sleep 0.1; done
check "lines written in the sandbox" "$(lines)" "20"
check "output mode (UMask=0027)" "$(inside stat -c %a /var/log/wirefeed/all.ndjson)" "640"

inside systemctl reload wirefeed.service
wait_for SubState running 30
check "after reload" "$(show ActiveState)/$(show NRestarts)" "active/0"
echo "status: $(show StatusText)"

# Wedge the sink: a full disk under the output. The daemon must stop pinging and systemd restart it.
pid_before=$(show MainPID)
inside dd if=/dev/zero of=/var/log/wirefeed/filler bs=4k 2>/dev/null || true
# Enough stories to need a new page of the tmpfs (a write into the last page's slack would succeed).
for n in $(seq 10); do printf 'Full disk story %s\n\nPORTVALE - %s\n' "$n" "$(head -c 600 /dev/zero | tr '\0' x)" > "$work/spool/wirefeed/inbox/full$n.txt"; done
# Between the kill and the restart (RestartSec=5s) the unit shows why it went down.
wait_for Result watchdog 60
wait_for NRestarts 1 30
check "new main pid" "$([ "$(show MainPID)" != "$pid_before" ] && echo yes)" "yes"
check "unwritable files stayed in the inbox" "$([ -n "$(ls "$work/spool/wirefeed/inbox")" ] && echo yes)" "yes"
# Space returns: the file goes through and the daemon stays up.
inside rm /var/log/wirefeed/filler
for _ in $(seq 600); do [ -z "$(ls "$work/spool/wirefeed/inbox")" ] && break; sleep 0.1; done
check "inbox drained once space returned" "$(ls "$work/spool/wirefeed/inbox")" ""
check "lines after recovery" "$(lines)" "30"
check "no line twice" "$(inside sh -c 'grep -o "\"id\":\"[^\"]*\"" /var/log/wirefeed/all.ndjson | sort | uniq -d | wc -l')" "0"
wait_for SubState running 30

inside systemctl stop wirefeed.service
wait_for ActiveState inactive 60
check "stop result" "$(show Result)" "success"
[ "$fails" = 0 ] && echo "all checks passed" || { echo "$fails check(s) failed"; tail -30 "$work/daemon.log"; exit 1; }
