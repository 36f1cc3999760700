#!/bin/bash
# Builds (or reuses) the VM's boot files in $VM_CACHE/image: Debian's kernel and an
# initramfs that is a whole minimal Debian root (no disk, no root fs driver).
#   build-image.sh [PACKAGE...]   extra Debian packages for the guest
# The image is rebuilt only when the package list, the modules or this folder's
# guest/init.sh change; the debootstrap root is reused for the same package list.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${VM_CACHE:-/var/tmp/prikbord-vm}
mkdir -p "$cache/downloads" "$cache/image" "$cache/logs"
cd "$cache"

# Guest modules: GPUs, the 9p share, uinput/evdev for the touchscreen.
modules="virtio_pci virtio_gpu bochs uinput evdev 9pnet_virtio 9p"
base="udev kmod seatd libseat1 libinput10 libinput-bin libdrm-tests fonts-dejavu-core
      fonts-noto-core"
packages=$(printf '%s\n' $base "$@" | sort -u | paste -sd, -)

key=$( { echo "$packages"; echo "$modules"; cat "$here/guest/init.sh" "$0"; } | sha256sum |
       cut -c1-16)
if [ "$(cat image/key 2>/dev/null)" = "$key" ] && [ -s image/initrd.zst ]; then
    echo "image: cached ($key)"
    exit 0
fi

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null ||
         true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list)
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")

# The kernel: the package linux-image-amd64 points at, unpacked, not installed.
kernel_package=$(apt-cache depends linux-image-amd64 |
                 awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
release=${kernel_package#linux-image-}
if [ ! -d "kernel/lib/modules/$release" ]; then
    (cd downloads && apt-get download -q "$kernel_package" >/dev/null 2>&1)
    rm -rf kernel && dpkg-deb -x downloads/"${kernel_package}"_*.deb kernel
    depmod -b kernel "$release"
fi

if [ "$(cat root/.packages 2>/dev/null)" != "$packages" ]; then
    rm -rf root
    debootstrap --variant=minbase --include="$packages" "$suite" root "$mirror" \
        > logs/debootstrap.log 2>&1 || { tail -20 logs/debootstrap.log; exit 1; }
    echo "$packages" > root/.packages
fi

rm -rf stage && cp -a root stage
rm -rf stage/usr/share/{doc,man,info,locale} stage/var/cache/apt/* stage/var/lib/apt/lists/*
cp /bin/busybox stage/bin/busybox
install -m 755 "$here/guest/init.sh" stage/init
echo prikbord-vm > stage/etc/hostname

# Each module with what it needs, as modprobe resolves it against the kernel tree.
destination=stage/lib/modules/$release
mkdir -p "$destination"
for module in $modules; do
    modprobe -d kernel -S "$release" --show-depends "$module" | awk '$1 == "insmod" { print $2 }'
done | sort -u | while read -r file; do
    relative=${file#kernel/lib/modules/$release/}
    install -D -m 644 "$file" "$destination/$relative"
done
cp kernel/lib/modules/"$release"/modules.{order,builtin,builtin.modinfo} "$destination/"
depmod -b stage "$release"

(cd stage && find . -print0 | cpio --null -o -H newc --quiet) |
    zstd -q -1 -T0 -f -o image/initrd.zst
cp kernel/boot/vmlinuz-"$release" image/vmlinuz
echo "$key" > image/key
echo "image: built $key, kernel $release, initrd $(du -h image/initrd.zst | cut -f1)"
