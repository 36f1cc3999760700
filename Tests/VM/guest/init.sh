#!/bin/sh
# PID 1 of the test VM: devices, udev, the host's shared folder, then the
# runner the host put there; the guest powers off when it returns.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm /mnt/share
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
busybox ip link set lo up

for module in virtio_pci virtio_gpu bochs uinput evdev 9pnet_virtio 9p; do
    modprobe "$module" || echo "init: modprobe $module failed"
done
# libinput and libseat only see devices that udev has tagged.
/lib/systemd/systemd-udevd --daemon --resolve-names=never
udevadm trigger --action=add --type=subsystems
udevadm trigger --action=add --type=devices
udevadm settle --timeout=30
echo "init: devices ready at $(cut -d' ' -f1 /proc/uptime)s"

mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 share /mnt/share
status=99
[ -x /mnt/share/guest-run.sh ] && { /mnt/share/guest-run.sh; status=$?; }
echo "$status" > /mnt/share/out/status
sync
umount /mnt/share
echo "init: done, status $status"
echo o > /proc/sysrq-trigger
sleep 30
