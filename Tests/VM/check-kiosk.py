#!/usr/bin/env python3
"""check-kiosk.py RESULTS: checks the kiosk e2e screenshots in RESULTS.

The VM's scanout (rN-*.ppm, panel orientation) is turned back to the
kiosk's logical picture (rN-*.logical.png) and compared:
- with the headless pipeline's picture of the same state (RESULTS/headless)
  where the state does not depend on timing: news, directory, keyboard, typed;
- with the previous step where it does: the pressed tab must differ from the
  news only inside the navigation, around the People tab; the scrolled list
  only inside the content, moved up by the distance dragged;
- while the panel is dark (DPMS off), with qemu's placeholder for a scanout
  that has no picture; once woken, with the screen before it went dark;
- while the screen is unplugged, with the screen before: no frame shown.
Prints one line per check; exits 1 when any fails.
"""
import os
import sys

import numpy
from PIL import Image

# Pixels that may differ from the headless picture: none. A changed font or
# a dropped damage rectangle shows as thousands.
TOLERATED_PIXELS = 0
DRAG_PX = 300

# Logical layout at each rotation (ShellLayout at 1024x768 and 768x1024):
# navigation rail or bar, content, and the People tab's centre.
LAYOUT = {
    0: {"size": (1024, 768), "nav": (0, 0, 164, 768), "content": (164, 92, 1024, 768),
        "people": (82, 290)},
    90: {"size": (768, 1024), "nav": (0, 899, 768, 1024), "content": (0, 107, 768, 899),
         "people": (288, 960)},
}

failures = 0


def report(ok, rotation, name, detail):
    global failures
    failures += 0 if ok else 1
    print(f"{'PASS' if ok else 'FAIL'}: r{rotation} {name}: {detail}")


def load_logical(results, rotation, name):
    """The scanout as the kiosk drew it: a quarter turn undone."""
    path = os.path.join(results, f"r{rotation}-{name}.ppm")
    if not os.path.exists(path):
        return None
    panel = numpy.asarray(Image.open(path).convert("RGB"))
    # Rotation 90 puts the logical top-left at the panel's top-right, so
    # turning the panel picture a quarter counter-clockwise gives it back.
    logical = numpy.rot90(panel, k=rotation // 90)
    if rotation:
        Image.fromarray(numpy.ascontiguousarray(logical)).save(
            os.path.join(results, f"r{rotation}-{name}.logical.png"))
    return logical


def load_png(path):
    return numpy.asarray(Image.open(path).convert("RGB")) if os.path.exists(path) else None


def difference(a, b):
    """Mask of pixels that differ, and the largest channel delta."""
    delta = numpy.abs(a.astype(int) - b.astype(int))
    return delta.max(axis=2) > 0, int(delta.max())


def bounding_box(mask):
    ys, xs = numpy.nonzero(mask)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def inside(box, area):
    return (box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2]
            and box[3] <= area[3])


def matches_reference(rotation, name, shot, reference, what):
    if shot is None or reference is None:
        report(False, rotation, name, "screenshot or reference missing")
        return
    if shot.shape != reference.shape:
        report(False, rotation, name, f"size {shot.shape[1]}x{shot.shape[0]}, "
               f"headless {reference.shape[1]}x{reference.shape[0]}")
        return
    mask, worst = difference(shot, reference)
    count = int(mask.sum())
    box = bounding_box(mask)
    report(count <= TOLERATED_PIXELS, rotation, name,
           f"{what}: {count} of {mask.size} pixels differ (max channel delta {worst}"
           f"{', within ' + str(box) if box else ''})")


def pick_pressed(results, rotation, news):
    """The first screenshot of the burst taken while the finger was down
    that differs from the news; it becomes rN-2-pressed.ppm."""
    burst, index = [], 1
    while os.path.exists(os.path.join(results, f"r{rotation}-2-pressed.{index}.ppm")):
        burst.append(load_logical(results, rotation, f"2-pressed.{index}"))
        index += 1
    changed = [i for i, shot in enumerate(burst)
               if news is not None and difference(shot, news)[0].any()]
    print(f"info: r{rotation} pressed: {len(burst)} screenshots while the finger was down, "
          f"{len(changed)} show a change (numbers {[i + 1 for i in changed]})")
    for number in range(1, index):  # 2.3 MB each; the chosen one is kept below
        os.unlink(os.path.join(results, f"r{rotation}-2-pressed.{number}.ppm"))
        if rotation:
            os.unlink(os.path.join(results, f"r{rotation}-2-pressed.{number}.logical.png"))
    if not changed:
        return None
    panel = Image.fromarray(numpy.ascontiguousarray(
        numpy.rot90(burst[changed[0]], k=-(rotation // 90))))
    for extension in ("ppm", "png"):
        panel.save(os.path.join(results, f"r{rotation}-2-pressed.{extension}"))
    return load_logical(results, rotation, "2-pressed")


def pressed_only_on_tab(rotation, pressed, news):
    layout = LAYOUT[rotation]
    if pressed is None or news is None:
        report(False, rotation, "pressed", "no screenshot shows a change from the news")
        return
    mask, _ = difference(pressed, news)
    box = bounding_box(mask)
    x, y = layout["people"]
    ok = (box is not None and inside(box, layout["nav"])
          and box[0] <= x < box[2] and box[1] <= y < box[3])
    report(ok, rotation, "pressed",
           f"{int(mask.sum())} pixels changed from the news, within {box} "
           f"(must hold the People tab at {x},{y}, inside the navigation {layout['nav']})")


def scrolled_by_drag(rotation, scrolled, directory):
    layout = LAYOUT[rotation]
    if scrolled is None or directory is None:
        report(False, rotation, "scrolled", "screenshot missing")
        return
    mask, _ = difference(scrolled, directory)
    box = bounding_box(mask)
    left, top, right, bottom = layout["content"]
    # The shift that lines the content up best with the directory's.
    best, shift = None, 0
    for candidate in range(0, bottom - top - 50):
        a = scrolled[top:bottom - candidate, left:right]
        b = directory[top + candidate:bottom, left:right]
        wrong = int((numpy.abs(a.astype(int) - b.astype(int)).max(axis=2) > 0).sum())
        if best is None or wrong < best:
            best, shift = wrong, candidate
        if wrong == 0:
            break
    ok = box is not None and inside(box, layout["content"]) and abs(shift - DRAG_PX) <= 2
    report(ok, rotation, "scrolled",
           f"content moved up {shift} px for a {DRAG_PX} px drag ({best} pixels off), "
           f"changes within {box}, content {layout['content']}")


def main(results):
    headless = os.path.join(results, "headless")
    for rotation in (0, 90):
        shots = {name: load_logical(results, rotation, name) for name in
                 ("1-news", "3-after-hold", "3-directory", "4-scrolled", "5-top",
                  "5-keyboard", "6-typed")}
        shots["2-pressed"] = pick_pressed(results, rotation, shots["1-news"])
        screens = os.path.join(headless, f"r{rotation}-screens")
        news = load_png(os.path.join(screens, "news.png"))
        matches_reference(rotation, "news", shots["1-news"], news, "news = headless")
        pressed_only_on_tab(rotation, shots["2-pressed"], shots["1-news"])
        # Held past 500 ms the press is a long press, which on a tab is a
        # slow tap: the directory opens.
        matches_reference(rotation, "after-hold", shots["3-after-hold"],
                          load_png(os.path.join(screens, "directory.png")),
                          "held past the long press: the tab still opens, directory = headless")
        matches_reference(rotation, "directory", shots["3-directory"],
                          load_png(os.path.join(screens, "directory.png")),
                          "directory after the tap = headless")
        scrolled_by_drag(rotation, shots["4-scrolled"], shots["3-directory"])
        matches_reference(rotation, "top", shots["5-top"],
                          load_png(os.path.join(screens, "directory.png")),
                          "the active tab tapped again: directory from the top = headless")
        matches_reference(rotation, "keyboard", shots["5-keyboard"],
                          load_png(os.path.join(headless, f"r{rotation}-keyboard", "replay.png")),
                          "keyboard = headless replay")
        matches_reference(rotation, "typed", shots["6-typed"],
                          load_png(os.path.join(headless, f"r{rotation}-typed", "replay.png")),
                          "'jan' typed and filtered = headless replay")
    landscape_hardware_checks(results, headless)
    display_sleep_checks(results, headless)
    card_life_checks(results, headless)
    return 1 if failures else 0


def landscape_hardware_checks(results, headless):
    """The seat switched away and back, then the touchscreen yanked mid-touch
    and replaced, at rotation 0 after the typed step."""
    typed, away, back, tapped, unplugged, replugged = (
        load_logical(results, 0, name) for name in
        ("6-typed", "7-away", "7-back", "7-tapped", "8-unplugged", "8-replugged"))
    if away is not None and typed is not None:
        print(f"info: r0 away: {int(difference(away, typed)[0].sum())} pixels differ from the "
              "kiosk's picture while the other VT had the screen")
    matches_reference(0, "seat-back", back, typed,
                      "back from the other VT = the typed screen before the switch")
    matches_reference(0, "seat-tap", tapped,
                      load_png(os.path.join(headless, "r0-seat-tap", "replay.png")),
                      "Agenda tapped after the switch = headless replay")
    matches_reference(0, "unplugged", unplugged, tapped,
                      "touchscreen gone with a finger on People = the screen before: "
                      "no tap, no pressed tab")
    matches_reference(0, "replugged", replugged,
                      load_png(os.path.join(headless, "r0-replugged", "replay.png")),
                      "People tapped on the new touchscreen = headless replay")


def display_sleep_checks(results, headless):
    """The panel blanked after its idle time (DPMS off), a tap on Agenda
    woke it, and a second tap opened the agenda, at rotation 0."""
    lit, dark, away, dark_back, woken, agenda = (
        load_logical(results, 0, name) for name in
        ("9-lit", "9-dark", "9-dark-away", "9-dark-back", "9-woken", "9-agenda"))
    screens = os.path.join(headless, "r0-screens")
    matches_reference(0, "lit", lit, load_png(os.path.join(screens, "news.png")),
                      "before the panel went dark: news = headless")
    dark_is_placeholder("dark", dark, "DPMS off")
    if away is not None:
        print(f"info: r0 dark-away: {int((away.max(axis=2) > 0).sum())} pixels not black "
              "while the other VT had the seat")
    dark_is_placeholder("dark-back", dark_back, "back from the other VT, still DPMS off")
    matches_reference(0, "woken", woken, lit,
                      "after the waking tap on Agenda = the screen before it went dark: "
                      "the touch only woke it")
    matches_reference(0, "tapped-after-wake", agenda,
                      load_png(os.path.join(screens, "agenda.png")),
                      "Agenda tapped again = headless agenda")


def card_life_checks(results, headless):
    """A kiosk started while the card's driver was unbound, opened the card
    once it was bound again; its screen was then unplugged, Agenda tapped,
    the screen plugged in again and People tapped, at rotation 0."""
    no_card, card, unplugged, replugged, tapped = (
        load_logical(results, 0, name) for name in
        ("10-no-card", "10-card", "10-unplugged", "10-replugged", "10-tapped"))
    screens = os.path.join(headless, "r0-screens")
    dark_is_placeholder("no-card", no_card, "virtio_gpu unbound, no card")
    matches_reference(0, "card-opened", card, load_png(os.path.join(screens, "news.png")),
                      "the card bound again while the kiosk waited: news = headless")
    matches_reference(0, "card-unplugged", unplugged, card,
                      "Agenda tapped while the screen was unplugged = the screen before: "
                      "no frame went to it")
    matches_reference(0, "card-replugged", replugged,
                      load_png(os.path.join(screens, "agenda.png")),
                      "plugged in again: the agenda drawn meanwhile = headless agenda")
    matches_reference(0, "card-tapped", tapped, load_png(os.path.join(screens, "directory.png")),
                      "People tapped after the replug = headless directory")


# What qemu shows when the guest turns the scanout off (virtio-gpu with no
# resource on it, as the kernel leaves it for DPMS off): its own placeholder
# at the size the scanout had, black with one line in the middle, in the
# VGA palette's light grey and 8x16 font (qemu's ui/console.c).
PLACEHOLDER_TEXT = "Display output is not active."
PLACEHOLDER_GREY = (170, 170, 170)


def dark_is_placeholder(name, dark, what):
    if dark is None:
        report(False, 0, name, "screenshot missing")
        return
    height, width = dark.shape[:2]
    # The text's character cell, as qemu centres it.
    left = (width // 8 - len(PLACEHOLDER_TEXT)) // 2 * 8
    top = (height // 16 - 1) // 2 * 16
    cell = (left, top, left + 8 * len(PLACEHOLDER_TEXT), top + 16)
    lit = dark.max(axis=2) > 0
    box = bounding_box(lit)
    grey = bool((dark[lit] == PLACEHOLDER_GREY).all())
    ok = (width, height) == LAYOUT[0]["size"] and box is not None and inside(box, cell) and grey
    report(ok, 0, name,
           f"{what}: {width}x{height}, {int(lit.sum())} of {lit.size} pixels not black, "
           f"{'all' if grey else 'not all'} grey {PLACEHOLDER_GREY}, within {box}: qemu's "
           f"'{PLACEHOLDER_TEXT}' in {cell}, nothing of the kiosk's picture")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
