#!/bin/sh
# kiosk-e2e-guest ROTATION...: the real kiosk on the VM's DRM card, touched
# through a real uinput touchscreen, with a screenshot of the scanout after
# each step. Runs in the guest (see guest-run.sh); the host compares.
#
# Targets are logical points of the kiosk's picture (targets.env, written by
# the host); vm-touch is given PANEL points, converted here from the rotation
# the panel is mounted at, so the kiosk's own mapping is what gets tested.
# Env: E2E_NOW (fixed clock), PANEL (WxH of the GPU's mode, 1024x768).
set -u
share=$E2E_SHARE
out=$share/out
now=${E2E_NOW:-2026-03-10T09:30:00Z}
panel=${PANEL:-1024x768}
panel_width=${panel%x*}
started=$(cut -d' ' -f1 /proc/uptime)
fail=0

say() { echo "kiosk-e2e: $(awk -v s="$started" '{ printf "%6.1f", $1 - s }' /proc/uptime)s $*"; }
check() { # NAME CONDITION-STATUS DETAIL
    if [ "$2" = 0 ]; then say "PASS $1 $3"; else say "FAIL $1 $3"; fail=1; fi
}

# wait_for FILE PATTERN SECONDS: until the log holds the line.
wait_for() {
    for _ in $(seq $(($3 * 10))); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

say "starting the server (demo at $now)"
prikbord-server --data /tmp/server --demo --bind 127.0.0.1 --port 8080 --demo-now "$now" \
    --assets "$share/assets" > "$out/server.log" 2>&1 &
server=$!
wait_for "$out/server.log" "prikbord-server listening" 60
check server-listening $? "(log out/server.log)"

# One touchscreen for the whole boot, fed line by line through a FIFO so a
# finger can stay down while the host takes a screenshot.
mkfifo /tmp/touch
vm-touch --size "$panel" /tmp/touch > "$out/vm-touch.log" 2>&1 &
touch_pid=$!
exec 3> /tmp/touch
wait_for "$out/vm-touch.log" "device created" 10
check touch-device $? ""

finger() { echo "$*" >&3; }

# panel_point X Y: the panel point under logical (X, Y) at $rotation, the
# inverse of what InputGeometry undoes (quarter turn: logical top-left at
# the panel's top-right).
panel_point() {
    case $rotation in
        0) echo "$1 $2" ;;
        90) echo "$((panel_width - $2)) $1" ;;
    esac
}

tap() { finger "tap $(panel_point "$1" "$2")"; }

# shot NAME: what the GPU scans out now, after the kiosk had a moment to
# draw and flip (TCG is slow; no log line is written per frame).
shot() {
    sleep "${2:-0.6}"
    e2e-screenshot "$1"
    say "screenshot $1"
}

run_kiosk() {
    rotation=$1
    tag=r$rotation
    . "$share/targets-$rotation.env"
    log=$out/kiosk-$tag.log
    say "kiosk $tag: starting (rotation $rotation)"
    prikbord --display drm --rotation "$rotation" --now "$now" --assets "$share/assets" \
        --data "/tmp/kiosk-$tag" --server http://127.0.0.1:8080 --sync-interval 600 \
        2> "$log" &
    kiosk=$!
    wait_for "$log" "kiosk running" 60
    check "$tag-running" $? "$(grep -o 'display=.*' "$log" | head -1)"
    wait_for "$log" "sync applied changes" 60
    check "$tag-first-sync" $? "$(grep -o 'sync.applied=[0-9]*' "$log" | head -1)"
    grep -q "seat opened" "$log"
    check "$tag-seat" $? "$(grep -o 'input.opener=[a-z]*' "$log" | head -1)"
    shot "$tag-1-news" 2

    # A finger held on the People tab: the pressed pill, then the directory
    # on lift. Kept under the long press (500 ms), which would swallow the tap.
    # No process is started while the finger is down: under TCG each costs
    # tens of milliseconds.
    finger "down 0 $(panel_point $PEOPLE_X $PEOPLE_Y)"
    read -r hold_started _ < /proc/uptime
    sleep 0.15
    : > "$share/req/$tag-2-pressed"
    while [ -e "$share/req/$tag-2-pressed" ]; do sleep 0.02; done
    read -r hold_ended _ < /proc/uptime
    finger "up 0"
    say "screenshot $tag-2-pressed, finger held $(awk -v a="$hold_started" -v b="$hold_ended" \
        'BEGIN { printf "%.0f", (b - a) * 1000 }') ms"
    # libinput reports the devices it found at start only with the first
    # event after them (the kiosk dispatches when its fd turns readable).
    wait_for "$log" 'input device added input.device="Prikbord VM touchscreen" input.touch=yes' 10
    check "$tag-touchscreen" $? "(libinput picked up the uinput device through the seat)"
    shot "$tag-3-directory" 1

    # Up by DRAG_PX, slowly, then rest before lifting so it does not fling.
    finger "down 0 $(panel_point $DRAG_X $DRAG_Y)"
    for step in 1 2 3 4 5 6 7 8 9 10 11 12; do
        finger "move 0 $(panel_point $DRAG_X $((DRAG_Y - DRAG_PX * step / 12)))"
        sleep 0.05
    done
    shot "$tag-4-scrolled" 0.8
    finger "up 0"

    # Back to the top (a tap on the active tab), then the search field.
    tap $PEOPLE_X $PEOPLE_Y
    sleep 1
    tap $SEARCH_X $SEARCH_Y
    shot "$tag-5-keyboard" 1.2

    for key in $KEYS; do
        eval "tap \$KEY_${key}_X \$KEY_${key}_Y"
        sleep 0.5
    done
    shot "$tag-6-typed" 1.2

    kill -TERM "$kiosk"
    wait "$kiosk"
    status=$?
    check "$tag-exit" "$status" "status $status"
    grep -E '^prikbord (error|warning)' "$log" | head -5 | sed "s/^/kiosk-e2e: $tag log: /"
}

for rotation in "$@"; do run_kiosk "$rotation"; done

exec 3>&-
wait "$touch_pid"
check touch-script $? "(vm-touch exit)"
kill -TERM "$server"
wait "$server"
say "done"
exit $fail
