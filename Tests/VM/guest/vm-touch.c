// vm-touch: a multitouch touchscreen made through /dev/uinput, driven by a
// script, so the kiosk in the VM reads real evdev touches through libinput.
//
//   vm-touch [--size WxH] SCRIPT|-
//
// Coordinates are screen pixels of a WxH panel (default 1024x768), mapped onto
// the device's 0..4095 axes. Script lines (# comments):
//   sleep MS | down SLOT X Y | move SLOT X Y | up SLOT | tap X Y
//   drag X0 Y0 X1 Y1 MS      (finger down, 60 Hz motion, up)
//   unplug | plug            (the device vanishes, fingers still down; a new one)
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

enum { AXIS_MAX = 4095, SLOTS = 10 };
static int device = -1, width = 1024, height = 768, next_tracking_id = 1;

static void emit(int type, int code, int value) {
    struct input_event event = { .type = type, .code = code, .value = value };
    if (write(device, &event, sizeof event) != sizeof event) perror("vm-touch: write");
}

static void sync_frame(void) { emit(EV_SYN, SYN_REPORT, 0); }

static void sleep_ms(int ms) {
    struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&t, NULL);
}

static int axis(int pixel, int size) { return (int)((long)pixel * (AXIS_MAX + 1) / size); }

static void position(int slot, int x, int y) {
    emit(EV_ABS, ABS_MT_SLOT, slot);
    emit(EV_ABS, ABS_MT_POSITION_X, axis(x, width));
    emit(EV_ABS, ABS_MT_POSITION_Y, axis(y, height));
    if (slot == 0) {
        emit(EV_ABS, ABS_X, axis(x, width));
        emit(EV_ABS, ABS_Y, axis(y, height));
    }
}

static void down(int slot, int x, int y) {
    emit(EV_ABS, ABS_MT_SLOT, slot);
    emit(EV_ABS, ABS_MT_TRACKING_ID, next_tracking_id++);
    position(slot, x, y);
    emit(EV_KEY, BTN_TOUCH, 1);
    sync_frame();
}

static void move(int slot, int x, int y) { position(slot, x, y); sync_frame(); }

static void up(int slot) {
    emit(EV_ABS, ABS_MT_SLOT, slot);
    emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
    emit(EV_KEY, BTN_TOUCH, 0);
    sync_frame();
}

static void create_device(void) {
    device = open("/dev/uinput", O_WRONLY | O_CLOEXEC);
    if (device < 0) { perror("vm-touch: /dev/uinput"); exit(1); }
    ioctl(device, UI_SET_EVBIT, EV_KEY);
    ioctl(device, UI_SET_KEYBIT, BTN_TOUCH);
    ioctl(device, UI_SET_EVBIT, EV_ABS);
    ioctl(device, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
    struct { int code, maximum, resolution; } axes[] = {
        { ABS_X, AXIS_MAX, 16 }, { ABS_Y, AXIS_MAX, 16 }, { ABS_MT_SLOT, SLOTS - 1, 0 },
        { ABS_MT_POSITION_X, AXIS_MAX, 16 }, { ABS_MT_POSITION_Y, AXIS_MAX, 16 },
        { ABS_MT_TRACKING_ID, 65535, 0 },
    };
    for (size_t i = 0; i < sizeof axes / sizeof axes[0]; i++) {
        struct uinput_abs_setup setup = { .code = axes[i].code, .absinfo = {
            .maximum = axes[i].maximum, .resolution = axes[i].resolution } };
        ioctl(device, UI_SET_ABSBIT, axes[i].code);
        if (ioctl(device, UI_ABS_SETUP, &setup) < 0) perror("vm-touch: UI_ABS_SETUP");
    }
    struct uinput_setup setup = { .id = { BUS_USB, 0x1d6b, 0x0101, 1 } };
    snprintf(setup.name, sizeof setup.name, "Prikbord VM touchscreen");
    if (ioctl(device, UI_DEV_SETUP, &setup) < 0 || ioctl(device, UI_DEV_CREATE) < 0) {
        perror("vm-touch: UI_DEV_CREATE");
        exit(1);
    }
    printf("vm-touch: device created (%dx%d)\n", width, height);
    fflush(stdout);
}

// Destroys the device as a yanked cable would: no touch is lifted first, so
// whatever was down ends with the device.
static void unplug(void) {
    if (device < 0) return;
    ioctl(device, UI_DEV_DESTROY);
    close(device);
    device = -1;
    printf("vm-touch: device destroyed\n");
    fflush(stdout);
}

static int run_line(const char *line) {
    int s, x, y, x1, y1, ms;
    if (sscanf(line, "sleep %d", &ms) == 1) sleep_ms(ms);
    else if (sscanf(line, "down %d %d %d", &s, &x, &y) == 3) down(s, x, y);
    else if (sscanf(line, "move %d %d %d", &s, &x, &y) == 3) move(s, x, y);
    else if (sscanf(line, "up %d", &s) == 1) up(s);
    else if (sscanf(line, "tap %d %d", &x, &y) == 2) { down(0, x, y); sleep_ms(60); up(0); }
    else if (sscanf(line, "drag %d %d %d %d %d", &x, &y, &x1, &y1, &ms) == 5) {
        int steps = ms / 16 > 1 ? ms / 16 : 1;
        down(0, x, y);
        for (int i = 1; i <= steps; i++) {
            sleep_ms(16);
            move(0, x + (x1 - x) * i / steps, y + (y1 - y) * i / steps);
        }
        up(0);
    } else if (!strncmp(line, "unplug", 6)) unplug();
    else if (!strncmp(line, "plug", 4)) { if (device < 0) create_device(); }
    else return -1;
    return 0;
}

int main(int argc, char **argv) {
    int argument = 1;
    if (argc > 2 && !strcmp(argv[1], "--size")) {
        if (sscanf(argv[2], "%dx%d", &width, &height) != 2) return 2;
        argument = 3;
    }
    if (argument >= argc) { fprintf(stderr, "usage: vm-touch [--size WxH] SCRIPT|-\n"); return 2; }
    FILE *script = strcmp(argv[argument], "-") ? fopen(argv[argument], "r") : stdin;
    if (!script) { perror(argv[argument]); return 1; }
    create_device();
    char line[256];
    int failures = 0;
    while (fgets(line, sizeof line, script)) {
        char *text = line + strspn(line, " \t");
        if (*text == '#' || *text == '\n' || *text == 0) continue;
        if (run_line(text) < 0) { fprintf(stderr, "vm-touch: bad line: %s", text); failures++; }
    }
    sleep_ms(200);  // let readers drain the last events before the device goes
    unplug();
    return failures ? 1 : 0;
}
