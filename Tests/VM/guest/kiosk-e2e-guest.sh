#!/bin/sh
# kiosk-e2e-guest ROTATION... [sleep] [card]: the real kiosk on the VM's DRM
# card, touched through a real uinput touchscreen, with a screenshot of the
# scanout after each step; `sleep` then blanks and wakes the panel, `card`
# starts a kiosk before the card is there and unplugs and replugs its screen
# (both after 0, which leaves the store they use). Runs in the guest (see
# guest-run.sh); the host compares.
#
# Targets are logical points of the kiosk's picture (targets.env, written by
# the host); vm-touch is given PANEL points, converted here from the rotation
# the panel is mounted at, so the kiosk's own mapping is what gets tested.
# Env: E2E_NOW (fixed clock), PANEL (WxH of the GPU's mode, 1024x768),
#      BLANK_AFTER (seconds without a touch before the panel goes dark, 12).
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

# frames: how many frames the kiosk has put on screen (its debug log).
frames() { grep -c '^prikbord debug: frame shown' "$log"; }

# shot NAME [BEFORE [SECONDS]]: once a frame after the BEFORE'th is on screen
# (or SECONDS, 10, passed without one) and none followed for 1.2 seconds,
# what the GPU scans out.
shot() {
    before=${2:-$mark}
    for _ in $(seq $((${3:-10} * 5))); do
        [ "$(frames)" -gt "$before" ] && break
        sleep 0.2
    done
    # Quiet for 1.2 s: a full rotated frame takes about a second under TCG.
    shown=$(frames) quiet=0
    for _ in $(seq 60); do
        sleep 0.4
        now_shown=$(frames)
        if [ "$now_shown" = "$shown" ]; then
            quiet=$((quiet + 1))
            [ "$quiet" -ge 3 ] && break
        else
            quiet=0 shown=$now_shown
        fi
    done
    e2e-screenshot "$1"
    say "screenshot $1 (frames $before -> $shown)"
}

mark_frames() { mark=$(frames); }

# count PATTERN: how many lines of the kiosk's log hold it.
count() { grep -c "$1" "$log"; }

# wait_count PATTERN N SECONDS: until the kiosk's log holds N such lines.
wait_count() {
    for _ in $(seq $(($3 * 10))); do
        [ "$(count "$1")" -ge "$2" ] && return 0
        sleep 0.1
    done
    return 1
}

touchscreen_added='input device added input.device="Prikbord VM touchscreen"'
touchscreen_removed='input device removed input.device="Prikbord VM touchscreen"'

# The seat switched away and back: seatd's seat0 is VT-bound, so a switch to
# another VT makes the kernel signal seatd, which disables the kiosk's seat
# (input suspended, DRM master dropped) and enables it when the VT is back.
# The picture must come back as it was and touch must still work.
seat_switch() {
    home=$(cat /sys/class/tty/tty0/active)
    home=${home#tty}
    away=$((home + 1))
    added=$(count "$touchscreen_added")
    timeout 30 busybox chvt "$away"
    wait_for "$log" "seat disabled; display paused" 20
    check "$tag-seat-disabled" $? "(chvt $away from $home; seatd: $(tail -1 "$out/seatd.log" |
        sed 's/.*\] //'))"
    sleep 1  # the console repaints its VT
    e2e-screenshot "$tag-7-away"
    mark_frames
    timeout 30 busybox chvt "$home"
    wait_for "$log" "seat enabled; display resumed" 20
    check "$tag-seat-enabled" $? "(chvt $home)"
    order=$(grep -oE 'seat (disabled|enabled); (display|input) [a-z]+' "$log" | paste -sd, -)
    expected="seat disabled; display paused,seat disabled; input suspended"
    expected="$expected,seat enabled; display resumed,seat enabled; input resumed"
    [ "$order" = "$expected" ]
    check "$tag-seat-order" $? "($order)"
    shot "$tag-7-back"
    wait_count "$touchscreen_added" $((added + 1)) 10
    check "$tag-seat-touchscreen" $? "(the touchscreen came back with the seat)"
    mark_frames
    tap $AGENDA_X $AGENDA_Y
    shot "$tag-7-tapped"
}

# The touchscreen vanishes with a finger on the People tab, well within the
# long press: the touch must end cancelled (no tap, no pressed tab left), and
# a new touchscreen must be picked up and tap without restarting the kiosk.
unplug_touch() {
    added=$(count "$touchscreen_added")
    removed=$(count "$touchscreen_removed")
    mark_frames
    finger "down 0 $(panel_point $PEOPLE_X $PEOPLE_Y)"
    finger "sleep 100"
    finger "unplug"
    wait_count "$touchscreen_removed" $((removed + 1)) 10
    check "$tag-unplug-removed" $? "($(grep "$touchscreen_removed" "$log" | tail -1 |
        grep -o 'input.cancelled=[0-9]*'))"
    ended=$(grep -o 'debug: touch input.event=[a-z]*' "$log" | tail -2 | cut -d= -f2 |
        paste -sd' ' -)
    [ "$ended" = "down cancel" ]
    check "$tag-unplug-cancelled" $? "(last touches: $ended)"
    shot "$tag-8-unplugged" "" 3
    finger "plug"
    wait_count "$touchscreen_added" $((added + 1)) 10
    check "$tag-replug-added" $? "(input device added again, kiosk not restarted)"
    mark_frames
    tap $PEOPLE_X $PEOPLE_Y
    shot "$tag-8-replugged"
}

# stop_kiosk TAG: SIGTERM to the kiosk; it must exit 0, and what it
# complained of goes to the log.
stop_kiosk() {
    kill -TERM "$kiosk"
    wait "$kiosk"
    status=$?
    check "$1-exit" "$status" "status $status"
    grep -E '^prikbord (error|warning)' "$log" | head -5 | sed "s/^/kiosk-e2e: $1 log: /"
}

# dpms: the DPMS state of the kiosk's connector as the kernel tells it, from
# sysfs and from the connector's property through the DRM API (modetest).
dpms() {
    property=$(modetest -M virtio_gpu -c 2>/dev/null |
        awk '/DPMS:/ { found = 1 } found && /value:/ { print $2; exit }')
    case $property in 0) property=On ;; 3) property=Off ;; esac
    echo "sysfs=$(cat /sys/class/drm/card*-"$connector"/dpms 2>/dev/null) property=$property"
}

# The panel goes dark after BLANK_AFTER seconds without a touch (DPMS off on
# the connector), and the first touch only lights it: a tap on Agenda wakes
# the news as it was, the next tap opens the agenda; a seat switch while
# dark leaves it dark. A kiosk of its own, on
# the store the r0 kiosk synced, so no earlier step's pause can blank it.
display_sleep() {
    rotation=0 tag=r0 blank_after=${BLANK_AFTER:-12}
    . "$share/targets-0.env"
    log=$out/kiosk-r0-sleep.log
    say "kiosk r0-sleep: starting (--blank-after ${blank_after}s)"
    PRIKBORD_DEBUG=1 prikbord --display drm --now "$now" --assets "$share/assets" \
        --data /tmp/kiosk-r0 --server http://127.0.0.1:8080 --sync-interval 600 \
        --blank-after "${blank_after}s" 2> "$log" &
    kiosk=$!
    wait_for "$log" "kiosk running" 60
    check r0-sleep-running $? ""
    running=$(cut -d' ' -f1 /proc/uptime)
    connector=$(grep -o 'drm.connector=[^ ]*' "$log" | head -1 | cut -d= -f2)
    wait_for "$log" "server reached" 30
    check r0-sleep-synced $? "(server reached; the store is the one the r0 kiosk synced)"
    lit=$(dpms)
    shot r0-9-lit 0
    [ "$(count "display blanked")" = 0 ]
    check r0-sleep-lit $? "(dpms $lit; screenshot taken before the panel went dark)"

    wait_for "$log" "display blanked" $((blank_after + 30))
    blanked=$?
    idle=$(awk -v s="$running" '{ printf "%.1f", $1 - s }' /proc/uptime)
    reason=$(grep -o 'display blanked.*' "$log" | head -1)
    check r0-sleep-blanked "$blanked" "($reason, ${idle}s after the kiosk ran)"
    # Idle from a moment before "kiosk running" (the first frame), and on
    # time: not at the next clock minute or sync.
    awk -v i="$idle" -v b="$blank_after" 'BEGIN { exit !(i >= b - 2 && i <= b + 3) }'
    check r0-sleep-on-time $? "(${idle}s for --blank-after ${blank_after}s)"
    dark=$(dpms)
    [ "$dark" = "sysfs=Off property=Off" ]
    check r0-sleep-dpms-off $? "($dark)"
    sleep 0.5
    e2e-screenshot r0-9-dark

    # Another VT takes the seat while the panel is dark and gives it back.
    # The console lights the panel for itself; back on the kiosk's VT it must
    # be dark again rather than keep the console's picture.
    home=$(cat /sys/class/tty/tty0/active)
    home=${home#tty}
    timeout 30 busybox chvt $((home + 1))
    wait_for "$log" "seat disabled; display paused" 20
    sleep 1
    away=$(dpms)
    e2e-screenshot r0-9-dark-away
    timeout 30 busybox chvt "$home"
    wait_for "$log" "seat enabled; display resumed" 20
    check r0-sleep-seat-back $? "(chvt $((home + 1)) and back while dark; away: $away)"
    sleep 0.5
    back=$(dpms)
    [ "$back" = "sysfs=Off property=Off" ]
    check r0-sleep-dark-back $? "($back)"
    e2e-screenshot r0-9-dark-back

    mark_frames
    tap $AGENDA_X $AGENDA_Y
    wait_for "$log" "display woken" 10
    check r0-sleep-woken $? "($(grep -o 'display woken.*' "$log" | head -1))"
    woken=$(dpms)
    [ "$woken" = "sysfs=On property=On" ]
    check r0-sleep-dpms-on $? "($woken)"
    shot r0-9-woken
    mark_frames
    tap $AGENDA_X $AGENDA_Y
    shot r0-9-agenda

    # Each once, and the agenda shown only after the second tap.
    events=$(grep -oE 'display (blanked|woken)|touch input.event=down|screen shown [^ ]+' "$log" |
        sed 's/touch input.event=down/down/' | paste -sd, -)
    [ "$events" = "display blanked,down,display woken,down,screen shown kiosk.screen=agenda" ]
    check r0-sleep-log $? "($events)"
    stop_kiosk r0-sleep
}

# The card's life: no card when the kiosk starts (virtio_gpu unbound from the
# GPU, so /dev/dri is empty), which it waits for rather than exits; the
# card bound again, which it opens and shows the news on. Then the screen
# is unplugged and plugged in again through the kernel's override of the
# connector's status: while unplugged a tap on Agenda reaches the kiosk but
# no frame goes to the panel; plugged in, the agenda comes by modeset and a
# tap on People still works. A kiosk of its own on the r0 kiosk's store.
card_life() {
    rotation=0 tag=r0
    . "$share/targets-0.env"
    log=$out/kiosk-r0-card.log
    waiting="waiting for a DRM card with a connected screen"
    driver=/sys/bus/virtio/drivers/virtio_gpu
    gpu=$(basename "$(ls -d "$driver"/virtio* | head -1)")
    echo "$gpu" > "$driver/unbind"
    cards=$(ls /dev/dri/card* 2>/dev/null)
    [ -z "$cards" ]
    check r0-card-gone $? "(virtio_gpu unbound from $gpu; cards: ${cards:-none})"
    e2e-screenshot r0-10-no-card

    # Stopped while it waits, a kiosk exits as cleanly as a running one.
    stop_log=$out/kiosk-r0-card-stop.log
    prikbord --display drm --now "$now" --assets "$share/assets" --data /tmp/kiosk-r0-stop \
        --server http://127.0.0.1:8080 2> "$stop_log" &
    stopping=$!
    wait_for "$stop_log" "$waiting" 30
    kill -TERM "$stopping"
    wait "$stopping"
    status=$?
    grep -q "kiosk stopping" "$stop_log"
    stopped=$?
    [ "$status" = 0 ] && [ "$stopped" = 0 ]
    check r0-card-stop-while-waiting $? \
        "(status $status, $(grep -o 'kiosk stopping.*' "$stop_log"))"

    say "kiosk r0-card: starting without a card"
    PRIKBORD_DEBUG=1 prikbord --display drm --now "$now" --assets "$share/assets" \
        --data /tmp/kiosk-r0 --server http://127.0.0.1:8080 --sync-interval 600 2> "$log" &
    kiosk=$!
    start=$(cut -d' ' -f1 /proc/uptime)
    wait_for "$log" "$waiting" 30
    check r0-card-waiting $? "($(grep -o "$waiting.*" "$log" | head -1))"
    # The next line comes 10 s later: the kiosk is still there and trying.
    wait_count "$waiting" 2 20
    second=$?
    kill -0 "$kiosk" 2>/dev/null
    alive=$?
    waited=$(awk -v s="$start" '{ printf "%.1f", $1 - s }' /proc/uptime)
    [ "$second" = 0 ] && [ "$alive" = 0 ]
    check r0-card-still-waiting $? "($(count "$waiting") lines in ${waited}s, alive $alive)"

    # A VT switch while it waits: the kiosk holds no devices and lets the
    # seat go at once, or seatd never hands it the card afterwards.
    home=$(cat /sys/class/tty/tty0/active)
    home=${home#tty}
    timeout 10 busybox chvt $((home + 1))
    away=$?
    timeout 10 busybox chvt "$home"
    back=$?
    [ "$away" = 0 ] && [ "$back" = 0 ] && [ "$(cat /sys/class/tty/tty0/active)" = "tty$home" ]
    check r0-card-vt-switch $? "(chvt away: status $away, back: status $back)"

    echo "$gpu" > "$driver/bind"
    bound=$(cut -d' ' -f1 /proc/uptime)
    wait_for "$log" "kiosk running" 60
    opened=$?
    after=$(awk -v s="$bound" '{ printf "%.1f", $1 - s }' /proc/uptime)
    chosen=$(grep -o 'drm output chosen drm.card=[^ ]* [^ ]*' "$log")
    check r0-card-running "$opened" "(${chosen#drm output chosen }, ${after}s after the bind)"
    card=$(grep -o 'drm.card=[^ ]*' "$log" | head -1 | cut -d= -f2)
    card=${card##*/}
    connector=$(grep -o 'drm.connector=[^ ]*' "$log" | head -1 | cut -d= -f2)
    connector_status=/sys/class/drm/$card-$connector/status
    wait_for "$log" "server reached" 30
    check r0-card-synced $? "(server reached)"
    wait_for "$log" "$touchscreen_added" 10
    check r0-card-touchscreen $? "(input started after the card was opened)"
    shot r0-10-card 0

    # On this kernel no uevent follows the override on virtio-gpu, so udev
    # is asked for the "change" on the card that a real hotplug brings.
    echo off > "$connector_status"
    udevadm trigger --action=change --subsystem-match=drm --sysname-match="$card"
    wait_for "$log" "connector unplugged" 10
    check r0-card-unplugged $? "($card-$connector $(cat "$connector_status"))"
    mark_frames
    tap $AGENDA_X $AGENDA_Y
    wait_for "$log" "screen shown kiosk.screen=agenda" 10
    check r0-card-tap-unplugged $? "(the tap reached the kiosk)"
    shot r0-10-unplugged "" 2
    [ "$(frames)" = "$mark" ]
    check r0-card-no-frames $? "(frames $mark -> $(frames) while unplugged)"

    echo detect > "$connector_status"
    udevadm trigger --action=change --subsystem-match=drm --sysname-match="$card"
    wait_for "$log" "connector plugged in" 10
    check r0-card-plugged-in $? "($card-$connector $(cat "$connector_status"))"
    shot r0-10-replugged
    mark_frames
    tap $PEOPLE_X $PEOPLE_Y
    shot r0-10-tapped

    # Two waiting lines (one per 10 s, not one per try), and a modeset for
    # the first frame and for the one after the screen came back.
    pattern="$waiting|kiosk running|connector (unplugged|plugged in)|frame shown by modeset"
    events=$(grep -oE "$pattern|screen shown [^ ]+" "$log" | sed "s/$waiting/waiting/" |
        paste -sd, -)
    expected="waiting,waiting,frame shown by modeset,kiosk running,connector unplugged"
    expected="$expected,screen shown kiosk.screen=agenda,connector plugged in"
    expected="$expected,frame shown by modeset,screen shown kiosk.screen=directory"
    [ "$events" = "$expected" ]
    check r0-card-log $? "($events)"
    stop_kiosk r0-card
}

run_kiosk() {
    rotation=$1
    tag=r$rotation
    . "$share/targets-$rotation.env"
    log=$out/kiosk-$tag.log
    say "kiosk $tag: starting (rotation $rotation)"
    PRIKBORD_DEBUG=1 prikbord --display drm --rotation "$rotation" --now "$now" \
        --assets "$share/assets" --data "/tmp/kiosk-$tag" --server http://127.0.0.1:8080 \
        --sync-interval 600 2> "$log" &
    kiosk=$!
    wait_for "$log" "kiosk running" 60
    check "$tag-running" $? "$(grep -o 'display=.*' "$log" | head -1)"
    wait_for "$log" "sync applied changes" 60
    check "$tag-first-sync" $? "$(grep -o 'sync.applied=[0-9]*' "$log" | head -1)"
    grep -q "seat opened" "$log"
    check "$tag-seat" $? "$(grep -o 'input.opener=[a-z]*' "$log" | head -1)"
    shot "$tag-1-news" "$(awk '/sync applied changes/ { exit } /frame shown/ { n++ }
                              END { print n + 0 }' "$log")"

    # A finger held on the People tab shows it pressed. The host screenshots
    # back to back while it is down, since under TCG one round trip to the
    # host outlasts the 500 ms after which a still finger is a long press
    # (which on a tab counts as a slow tap and opens the screen).
    echo > "$share/req/$tag-2-pressed.burst"
    sleep 0.3
    mark_frames
    finger "down 0 $(panel_point $PEOPLE_X $PEOPLE_Y)"
    for _ in $(seq 40); do [ "$(frames)" -gt $((mark + 1)) ] && break; sleep 0.05; done
    sleep 0.2
    rm -f "$share/req/$tag-2-pressed.burst"
    say "burst $tag-2-pressed: frames $mark -> $(frames) while the finger was down"
    mark_frames
    finger "up 0"
    shot "$tag-3-after-hold" "" 2
    wait_for "$log" 'input device added input.device="Prikbord VM touchscreen" input.touch=yes' 10
    check "$tag-touchscreen" $? "(libinput picked up the uinput device through the seat)"

    mark_frames
    tap $PEOPLE_X $PEOPLE_Y
    shot "$tag-3-directory"
    say "touch as the kiosk saw it: $(grep "debug: touch" "$log" | tr -d "\n" |
        sed "s/prikbord debug: touch//g")"

    # Up by DRAG_PX, slowly, then rest before lifting so it does not fling.
    mark_frames
    finger "down 0 $(panel_point $DRAG_X $DRAG_Y)"
    for step in 1 2 3 4 5 6 7 8 9 10 11 12; do
        finger "move 0 $(panel_point $DRAG_X $((DRAG_Y - DRAG_PX * step / 12)))"
        sleep 0.05
    done
    shot "$tag-4-scrolled"
    finger "up 0"

    # Back to the top (a tap on the active tab), then the search field.
    mark_frames
    tap $PEOPLE_X $PEOPLE_Y
    shot "$tag-5-top"
    mark_frames
    tap $SEARCH_X $SEARCH_Y
    shot "$tag-5-keyboard"

    for key in $KEYS; do
        mark_frames
        eval "tap \$KEY_${key}_X \$KEY_${key}_Y"
        shot "$tag-6-key-$key"
    done
    cp "$out/$tag-6-key-$(echo $KEYS | awk '{ print $NF }').ppm" "$out/$tag-6-typed.ppm" 2>/dev/null
    if [ "$rotation" = 0 ]; then
        seat_switch
        unplug_touch
    fi

    # The kiosk's memory on the real DRM path, peak and now: a reading for
    # the log, not a check.
    say "$tag memory: $(awk '/^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem):/ {
        printf "%s %.1f MB  ", $1, $2 / 1024 }' "/proc/$kiosk/status")"
    # The panel buffers are the card's memory mapped into the kiosk; their
    # resident size in the mapping says whether VmHWM counts them.
    say "$tag panel buffers: $(awk '/^[0-9a-f]+-[0-9a-f]+ / { card = ($6 ~ /dri/) }
        card && /^(Size|Rss):/ { printf "%s %d kB  ", $1, $2 }' "/proc/$kiosk/smaps")"
    stop_kiosk "$tag"
}

for step in "$@"; do
    case $step in
        sleep) display_sleep ;;
        card) card_life ;;
        *) run_kiosk "$step" ;;
    esac
done

exec 3>&-
wait "$touch_pid"
check touch-script $? "(vm-touch exit)"
kill -TERM "$server"
wait "$server"
say "done"
exit $fail
