#!/bin/bash
# End-to-end test on a real DRM device in a throwaway VM (qemu, TCG).
#
#   Tests/VM/run-e2e.sh [--gpu virtio|bochs]... [--product NAME]... [--share PATH]...
#                       [--] [COMMAND]
#
# Builds the products as static-stdlib release binaries, builds or reuses a small
# Debian image with the kernel, seatd, udev and the binaries' shared libraries,
# boots it once per GPU and runs COMMAND in the guest (sh -c, as root, with the
# binaries, `e2e-screenshot NAME`, `vm-touch` and `kiosk-e2e-guest` on PATH; each
# --share PATH is copied to the top of the share, $E2E_SHARE). A guest program asks for
# screenshots by creating $E2E_SHARE/req/NAME; when it also writes
# $E2E_SHARE/out/NAME.expected.ppm, the screenshot must match it pixel for pixel.
# Exit status: 0 when every boot's command exited 0 and every screenshot matched.
#
# Env: VM_CACHE (/var/tmp/prikbord-vm), E2E_RESULTS ($VM_CACHE/results),
#      VM_TIMEOUT (240 s per boot), EXTRA_PACKAGES (more Debian packages for the guest)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export VM_CACHE=${VM_CACHE:-/var/tmp/prikbord-vm}
results=${E2E_RESULTS:-$VM_CACHE/results}
gpus=() products=() shared=()
while [ $# -gt 0 ]; do
    case $1 in
        --gpu) gpus+=("$2"); shift 2 ;;
        --product) products+=("$2"); shift 2 ;;
        --share) shared+=("$2"); shift 2 ;;
        --) shift; break ;;
        *) break ;;
    esac
done
[ ${#gpus[@]} -gt 0 ] || gpus=(virtio bochs)
[ ${#products[@]} -gt 0 ] || products=(drm-probe)
command=${*:-"drm-probe --name probe && drm-probe --rotation 90 --flips 3 --name probe-90 \
&& drm-probe --fbdev --flips 1 --name fbdev && touch-smoke"}

step_started=0
step() { step_started=$(date +%s.%N); echo "== $1"; }
took() { echo "time: $1 $(awk -v a="$(date +%s.%N)" -v b="$step_started" \
    'BEGIN { printf "%.1f", a - b }')s"; }
all_started=$(date +%s.%N)

step "host packages"
# The VM's tools, and the C libraries the binaries are built against.
wanted="qemu-system-x86 debootstrap cpio zstd kmod busybox-static python3 python3-pil
    python3-numpy gcc libc6-dev
    libdrm-dev libsystemd-dev libpixman-1-dev libfreetype-dev libharfbuzz-dev
    libfontconfig-dev libpng-dev libturbojpeg0-dev libinput-dev libudev-dev libseat-dev
    libsqlite3-dev libsodium-dev libmicrohttpd-dev libcurl4-openssl-dev libicu-dev"
missing=$(for p in $wanted; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        $missing > /dev/null
fi
took "host packages (installed: ${missing:-nothing})"

step "build ${products[*]}"
bin=$VM_CACHE/bin
rm -rf "$bin" && mkdir -p "$bin"
for product in "${products[@]}"; do
    (cd "$root" && swift build -c release --static-swift-stdlib --product "$product" \
        2>&1 | grep -E "error|warning: |Compiling|Build" | tail -3)
    cp "$root/.build/release/$product" "$bin/"
done
gcc -O2 -Wall -static -o "$bin/vm-touch" "$here/guest/vm-touch.c"
cp "$here/guest/e2e-screenshot" "$bin/"
install -m 755 "$here/guest/touch-smoke.sh" "$bin/touch-smoke"
install -m 755 "$here/guest/kiosk-e2e-guest.sh" "$bin/kiosk-e2e-guest"
took "build"

step "image"
# Debian packages that hold the shared libraries the binaries load.
libraries=$(for b in "$bin"/*; do
                (ldd "$b" 2>/dev/null || true) | awk '$3 ~ /^\// { print $3 }'
            done | sort -u)
library_packages=$(for lib in $libraries; do
    real=$(readlink -f "$lib")
    for candidate in "$lib" "$real" "/usr$lib" "${lib#/usr}" "/usr$real" "${real#/usr}"; do
        dpkg -S "$candidate" 2>/dev/null && break
    done || echo "warning: no Debian package holds $lib" >&2
done | cut -d: -f1 | sort -u)
"$here/build-image.sh" $library_packages ${EXTRA_PACKAGES:-}
took "image"

status=0
for gpu in "${gpus[@]}"; do
    step "boot on $gpu"
    share=$VM_CACHE/share-$gpu
    rm -rf "$share" && mkdir -p "$share/out" "$share/req"
    cp -a "$bin" "$share/bin"
    for path in ${shared[@]+"${shared[@]}"}; do cp -a "$path" "$share/"; done
    install -m 755 "$here/guest/guest-run.sh" "$share/guest-run.sh"
    printf '%s\n' "$command" > "$share/command"
    GPU=$gpu "$here/boot-vm.sh" "$share" || { echo "FAIL: guest status $? on $gpu"; status=1; }
    grep -aE '^(init|guest|drm-probe|vm-touch|touch-smoke|kiosk-e2e):' "$share/out/serial.log" ||
        true
    # Screenshots are taken as PPM only, to keep a held finger short; PNG here.
    python3 "$here/ppm-to-png.py" "$share"/out/*.ppm
    took "boot on $gpu"

    for expected in "$share"/out/*.expected.ppm; do
        [ -e "$expected" ] || continue
        name=$(basename "$expected" .expected.ppm)
        if [ ! -e "$share/out/$name.ppm" ]; then
            echo "FAIL: $gpu $name: no screenshot"; status=1; continue
        fi
        if verdict=$(python3 "$here/compare-ppm.py" "$expected" "$share/out/$name.ppm"); then
            echo "PASS: $gpu $name screenshot matches the frame: $verdict"
        else
            echo "FAIL: $gpu $name screenshot: $verdict"; status=1
        fi
    done
    [ -e "$share/out/failed-screenshots" ] && { echo "FAIL: screenshots failed"; status=1; }
    rm -rf "${results:?}/$gpu" && mkdir -p "$results/$gpu"
    cp "$share"/out/* "$results/$gpu/" 2>/dev/null || true
done

step_started=$all_started
took "total"
echo "results in $results; $([ $status = 0 ] && echo PASS || echo FAIL)"
exit $status
