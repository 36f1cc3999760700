#!/bin/bash
# The real kiosk end to end: in one VM boot (virtio-gpu, 1024x768) the server
# runs with the demo, the kiosk drives the DRM card through seatd and a uinput
# touchscreen taps, holds, drags and types on it, landscape (rotation 0) and
# then portrait (rotation 90 on the same panel). The host then checks every
# screenshot of the scanout: against the headless pipeline's picture of the
# same state where no timing is involved, and against the previous step
# where it is (pressed state, scrolling). Then a kiosk that blanks its panel
# after a few idle seconds is woken by a tap that must not tap. Last, a kiosk
# starts before its card is there, and its screen is unplugged and plugged in.
#
#   Tests/VM/kiosk-e2e.sh
#
# Env: VM_CACHE (/var/tmp/prikbord-vm), E2E_RESULTS ($VM_CACHE/results),
#      E2E_NOW (the fixed clock of server and kiosks), VM_TIMEOUT (480 s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export VM_CACHE=${VM_CACHE:-/var/tmp/prikbord-vm}
export E2E_RESULTS=${E2E_RESULTS:-$VM_CACHE/results}
# The guest's steps take about three minutes under TCG on a 2-core machine;
# a slower one gets room before the boot counts as hung.
export VM_TIMEOUT=${VM_TIMEOUT:-480}
now=${E2E_NOW:-2026-03-10T09:30:00Z}
results=$E2E_RESULTS/kiosk
started=$(date +%s.%N)
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

# Logical targets, read off the headless pictures at each size: the People
# tab, the search field, a point to drag the list from, the keys of "jan" on
# the Latin keyboard, and (landscape only, for the seat and unplug checks)
# the Agenda tab.
targets=$(mktemp -d /tmp/prikbord-targets.XXXXXX)
trap 'rm -rf "$targets"' EXIT
cat > "$targets/targets-0.env" <<'EOF'
PEOPLE_X=82 PEOPLE_Y=290 SEARCH_X=590 SEARCH_Y=283 DRAG_X=600 DRAG_Y=650 DRAG_PX=300
KEYS="j a n" KEY_j_X=748 KEY_j_Y=529 KEY_a_X=284 KEY_a_Y=529 KEY_n_X=748 KEY_n_Y=622
AGENDA_X=82 AGENDA_Y=410
EOF
cat > "$targets/targets-90.env" <<'EOF'
PEOPLE_X=288 PEOPLE_Y=960 SEARCH_X=400 SEARCH_Y=298 DRAG_X=400 DRAG_Y=800 DRAG_PX=300
KEYS="j a n" KEY_j_X=521 KEY_j_Y=660 KEY_a_X=108 KEY_a_Y=660 KEY_n_X=521 KEY_n_Y=753
EOF

vm_status=0
"$here/run-e2e.sh" --gpu virtio \
    --product prikbord --product prikbord-sync --product prikbord-server \
    --share "$root/assets" --share "$targets/targets-0.env" --share "$targets/targets-90.env" \
    -- "E2E_NOW=$now kiosk-e2e-guest 0 90 sleep card" || vm_status=$?

echo "== headless references and checks"
step=$(date +%s.%N)
rm -rf "$results" && mkdir -p "$results"
cp "$E2E_RESULTS"/virtio/* "$results/" 2>/dev/null || true
bin=$VM_CACHE/bin
references=$results/headless
mkdir -p "$references"
"$bin/prikbord-server" --data "$references/server" --demo --bind 127.0.0.1 --port 0 \
    --demo-now "$now" --assets "$root/assets" > "$references/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$targets"' EXIT
for _ in $(seq 100); do
    port=$(grep -o 'http.port=[0-9]*' "$references/server.log" | cut -d= -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "${port:-}" ] || { echo "FAIL: host server did not start"; exit 1; }

# reference SIZE NAME [SCRIPT]: the headless kiosk's screens (and replay.png
# after SCRIPT) in $references/NAME.
reference() {
    local script=()
    [ -n "${3:-}" ] && { printf '%b' "$3" > "$references/$2.script"
                         script=(--input-script "$references/$2.script"); }
    "$bin/prikbord" --display headless --size "$1" --server "http://127.0.0.1:$port" \
        --data "$references/$2.data" --screenshots "$references/$2" --now "$now" \
        --assets "$root/assets" "${script[@]}" 2> "$references/$2.log"
}
for rotation in 0 90; do
    # shellcheck disable=SC1090
    . "$targets/targets-$rotation.env"
    size=$([ "$rotation" = 0 ] && echo 1024x768 || echo 768x1024)
    reference "$size" "r$rotation-screens"
    reference "$size" "r$rotation-keyboard" \
        "0 tap $PEOPLE_X $PEOPLE_Y\n800 tap $SEARCH_X $SEARCH_Y\n"
    typed="0 tap $PEOPLE_X $PEOPLE_Y\n800 tap $SEARCH_X $SEARCH_Y
1600 tap $KEY_j_X $KEY_j_Y\n2400 tap $KEY_a_X $KEY_a_Y\n3200 tap $KEY_n_X $KEY_n_Y\n"
    reference "$size" "r$rotation-typed" "$typed"
    [ "$rotation" = 0 ] || continue
    # After the seat came back: Agenda tapped; after the touchscreen was
    # yanked mid-touch (which must add nothing) and replaced: People tapped.
    reference "$size" r0-seat-tap "${typed}4000 tap $AGENDA_X $AGENDA_Y\n"
    reference "$size" r0-replugged \
        "${typed}4000 tap $AGENDA_X $AGENDA_Y\n4800 tap $PEOPLE_X $PEOPLE_Y\n"
done
kill "$server"

check_status=0
python3 "$here/check-kiosk.py" "$results" || check_status=$?
echo "time: checks $(elapsed "$step")s"
echo "time: kiosk e2e total $(elapsed "$started")s"
echo "results in $results (screenshots *.png, kiosk logs kiosk-r*.log, serial.log)"
if [ "$vm_status" = 0 ] && [ "$check_status" = 0 ]; then
    echo "kiosk e2e: PASS"
else
    echo "kiosk e2e: FAIL (guest status $vm_status, host checks $check_status)"
    exit 1
fi
