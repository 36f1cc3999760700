#!/bin/sh
# touch-smoke: the uinput touchscreen appears, udev tags it as a touchscreen
# (what libinput looks for) and a scripted tap arrives as evdev events.
printf 'sleep 1500\ntap 512 384\ndrag 100 600 100 200 200\n' > /tmp/touch.script
vm-touch /tmp/touch.script & touch_pid=$!
for _ in $(seq 50); do
    node=$(grep -l 'Prikbord VM touchscreen' /sys/class/input/event*/device/name 2>/dev/null)
    [ -n "$node" ] && break
    sleep 0.1
done
[ -n "$node" ] || { echo "touch-smoke: FAIL no device"; exit 1; }
event=/dev/input/$(basename "$(dirname "$(dirname "$node")")")
udevadm settle
tags=$(udevadm info --query=property "$event" | grep -c 'ID_INPUT_TOUCHSCREEN=1')
bytes=$(timeout 3 cat "$event" | wc -c)
wait "$touch_pid"; status=$?
# One struct input_event is 24 bytes on x86-64.
echo "touch-smoke: $event touchscreen-tag=$tags events=$((bytes / 24)) vm-touch=$status"
[ "$tags" = 1 ] && [ "$bytes" -gt 0 ] && [ "$status" = 0 ] && echo "touch-smoke: PASS"
