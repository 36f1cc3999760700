#!/bin/bash
# Boots the test VM once and serves the guest's screenshot requests.
#   boot-vm.sh SHARE_DIR          (bin/, command, guest-run.sh prepared by the caller)
# Env: GPU=virtio|bochs  VM_CACHE  VM_TIMEOUT=seconds (240)  VM_SMP (2)  VM_MEMORY (1024)
# The guest asks for a screenshot by creating SHARE/req/NAME; we write
# SHARE/out/NAME.ppm through QMP and delete the request. The guest's
# exit status (SHARE/out/status) is ours; 98 when it never reported one.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
share=$1
cache=${VM_CACHE:-/var/tmp/prikbord-vm}
gpu=${GPU:-virtio}
timeout=${VM_TIMEOUT:-240}
mkdir -p "$share/req" "$share/out"

case $gpu in
    virtio) display_device=(-vga none -device virtio-gpu-pci,xres=1024,yres=768) ;;
    bochs) display_device=(-vga std) ;;
    *) echo "boot-vm: GPU must be virtio or bochs" >&2; exit 2 ;;
esac

monitor=$(mktemp -u /tmp/prikbord-qmp.XXXXXX)
# KVM here cannot boot a stock kernel, so plain emulation (TCG) on every core.
qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp "${VM_SMP:-2}" \
    -m "${VM_MEMORY:-1024}" -nodefaults -no-reboot -display none \
    -serial file:"$share/out/serial.log" -qmp unix:"$monitor",server=on,wait=off \
    -kernel "$cache/image/vmlinuz" -initrd "$cache/image/initrd.zst" \
    -append "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init vt.global_cursor_default=0" \
    "${display_device[@]}" \
    -virtfs local,path="$share",mount_tag=share,security_model=none,id=share &
qemu=$!

started=$SECONDS
python3 "$here/qmp.py" "$monitor" serve "$share" &
screenshots=$!
while kill -0 "$qemu" 2>/dev/null; do
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
        echo "host: no power-off after ${timeout}s, stopping qemu"
        kill "$qemu"
        break
    fi
    sleep 0.5
done
wait "$qemu"
kill "$screenshots" 2>/dev/null
wait "$screenshots" 2>/dev/null
rm -f "$monitor"
status=$(cat "$share/out/status" 2>/dev/null || echo 98)
echo "host: guest status $status after $((SECONDS - started))s on $gpu"
exit "$status"
