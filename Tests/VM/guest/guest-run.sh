#!/bin/sh
# Runs in the guest as root: a seat (seatd), then the command the host wrote
# to /mnt/share/command, with the share's bin/ first on PATH. Its exit status
# is the test's.
share=/mnt/share
export E2E_SHARE=$share PATH=$share/bin:$PATH
export XDG_RUNTIME_DIR=/run/user/0 LIBSEAT_BACKEND=seatd
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

seatd -g root > "$share/out/seatd.log" 2>&1 &
seatd_pid=$!
for _ in $(seq 50); do [ -S /run/seatd.sock ] && break; sleep 0.1; done
echo "guest: seatd $([ -S /run/seatd.sock ] && echo ready || echo 'NOT ready')"
echo "guest: cards $(ls /dev/dri 2>/dev/null | tr '\n' ' ')fb $(ls /dev/fb* 2>/dev/null)"

echo "guest: running: $(cat $share/command)"
start=$(cut -d' ' -f1 /proc/uptime)
sh -c "$(cat $share/command)"
status=$?
echo "guest: command status $status after $(awk -v s="$start" \
    '{ printf "%.1f", $1 - s }' /proc/uptime)s"
kill "$seatd_pid" 2>/dev/null
exit $status
