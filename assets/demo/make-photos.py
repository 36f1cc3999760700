#!/usr/bin/env python3
"""Generate the demo portraits and post images from company.json.

Every picture is drawn from shapes (no real photos of real people): illustrated
head-and-shoulders portraits, seeded per person so reruns give the same bytes
for the same Pillow version, and calm illustrated post images.

    pip install pillow numpy
    python3 assets/demo/make-photos.py            # writes photos/ and images/
    python3 assets/demo/make-photos.py --check    # validates company.json only
"""
import json
import math
import multiprocessing
import random
import sys
import uuid
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
S = 4            # supersampling factor for portraits
SIZE = 480       # portrait size in output pixels
W = SIZE * S

# ---------------------------------------------------------------- palette

SKIN = [  # base, shadow
    ((250, 224, 205), (232, 190, 168)),
    ((243, 208, 182), (222, 172, 146)),
    ((234, 192, 158), (208, 156, 122)),
    ((214, 164, 124), (186, 132, 96)),
    ((192, 138, 98), (160, 108, 74)),
    ((166, 112, 76), (136, 86, 56)),
    ((128, 84, 58), (102, 64, 44)),
    ((100, 64, 46), (78, 48, 34)),
]
HAIR = {
    "black": (38, 32, 32), "darkbrown": (74, 50, 38), "brown": (112, 76, 50),
    "lightbrown": (152, 112, 74), "blonde": (222, 186, 120), "red": (178, 84, 44),
    "auburn": (134, 62, 42), "grey": (168, 164, 160), "white": (218, 214, 208),
    "ash": (186, 172, 150),
}
HIJAB = [(92, 112, 150), (150, 96, 110), (96, 132, 118), (72, 92, 112), (120, 96, 140)]
IRIS = {"brown": (96, 60, 36), "dark": (58, 38, 28), "blue": (80, 120, 168),
        "green": (96, 128, 92), "hazel": (130, 104, 60)}
BACKGROUNDS = [(214, 232, 220), (226, 232, 244), (246, 232, 218), (232, 224, 240),
               (220, 238, 236), (244, 236, 210)]

# Looks per photo slug: presentation, skin index, hair style, hair colour, extras.
LOOKS = {
    "ruud-dijkstra": ("m", 1, "bald", "grey", "glasses stubble"),
    "sanne-de-vries": ("f", 0, "long", "blonde", ""),
    "joost-van-den-berg": ("m", 1, "short", "brown", "beard"),
    "zofia-kaminska": ("f", 1, "ponytail", "lightbrown", ""),
    "lukasz-wrobel": ("m", 0, "crew", "blonde", ""),
    "ioana-dumitrescu": ("f", 2, "bun", "darkbrown", "glasses"),
    "stefan-turcanu": ("m", 2, "short", "black", "beard"),
    "ayse-yildiz": ("f", 3, "hijab", "black", ""),
    "gokhan-ozturk": ("m", 3, "short", "black", "moustache stubble"),
    "stoyan-petrov": ("m", 1, "sidepart", "darkbrown", ""),
    "mariya-georgieva": ("f", 1, "curlylong", "darkbrown", ""),
    "olena-kovalenko": ("f", 0, "bun", "blonde", ""),
    "fatima-el-amrani": ("f", 4, "hijab", "black", ""),
    "youssef-benali": ("m", 4, "curlyshort", "black", "beard"),
    "joao-ferreira": ("m", 3, "sidepart", "black", "glasses"),
    "piotr-zielinski": ("m", 1, "short", "brown", "beard"),
    "elif-sahin": ("f", 3, "long", "black", ""),
    "mehmet-kaya": ("m", 3, "crew", "grey", "moustache"),
    "anouk-jansen": ("f", 0, "bob", "lightbrown", "glasses"),
    "nadia-haddou": ("f", 4, "curlylong", "black", ""),
    "samuel-tesfaye": ("m", 7, "crew", "black", "stubble"),
    "marieke-hendriks": ("f", 1, "bob", "ash", "glasses"),
    "bram-willems": ("m", 0, "short", "red", "beard"),
    "agnieszka-wisniewska": ("f", 0, "ponytail", "blonde", ""),
    "mihai-constantinescu": ("m", 2, "quiff", "darkbrown", ""),
    "emre-demir": ("m", 3, "short", "black", "glasses"),
    "zeynep-arslan": ("f", 3, "hijab", "black", ""),
    "georgi-ivanov": ("m", 1, "bald", "darkbrown", "beard"),
    "desislava-dimitrova": ("f", 1, "bun", "darkbrown", ""),
    "andriy-shevchenko": ("m", 0, "crew", "lightbrown", ""),
    "khadija-ouali": ("f", 4, "hijab", "black", "glasses"),
    "rachid-el-idrissi": ("m", 4, "short", "black", "beard"),
    "ana-sousa": ("f", 3, "curlylong", "darkbrown", ""),
    "wim-peeters": ("m", 1, "balding", "white", "moustache glasses"),
    "lotte-smits": ("f", 0, "long", "auburn", ""),
    "magdalena-dabrowska": ("f", 1, "longfringe", "brown", ""),
    "kwame-mensah": ("m", 7, "crew", "black", "beard"),
    "grace-asante": ("f", 6, "afropuff", "black", ""),
    "shanti-ramdin": ("f", 5, "long", "black", ""),
    "tim-verhoeven": ("m", 0, "quiff", "brown", ""),
}

# Work clothes per department (English name): kind, main colour.
CLOTHES = {
    "Harvest": ("polo", (86, 132, 96)),
    "Cultivation": ("fleece", (74, 104, 88)),
    "Packing": ("polo", (82, 116, 150)),
    "Logistics": ("hivis", (214, 226, 74)),
    "Technical service": ("overalls", (58, 72, 104)),
    "Quality & safety": ("polo", (120, 156, 186)),
    "HR": ("fleece", (92, 96, 128)),
    "Canteen": ("polo", (226, 226, 220)),
    "Site management": ("fleece", (70, 82, 96)),
}

# ---------------------------------------------------------------- drawing helpers


def blank():
    return Image.new("L", (W, W), 0)


def sc(points):
    return [(x * S, y * S) for x, y in points]


def ellipse(d, cx, cy, rx, ry, fill=255):
    d.ellipse([(cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S], fill=fill)


def poly_mask(points):
    m = blank()
    ImageDraw.Draw(m).polygon(sc(points), fill=255)
    return m


def ellipse_mask(cx, cy, rx, ry):
    m = blank()
    ellipse(ImageDraw.Draw(m), cx, cy, rx, ry)
    return m


def paint(img, m, color, alpha=1.0):
    if alpha < 1.0:
        m = m.point(lambda v: int(v * alpha))
    img.paste(tuple(color), (0, 0, W, W), m)


def blur(m, r):
    return m.filter(ImageFilter.GaussianBlur(r * S))


def clip(m, inside):
    return ImageChops.multiply(m, inside)


def minus(m, other):
    return ImageChops.subtract(m, other)


def union(*ms):
    out = ms[0]
    for m in ms[1:]:
        out = ImageChops.lighter(out, m)
    return out


def shift(m, dx, dy):
    return ImageChops.offset(m, int(dx * S), int(dy * S))


def mix(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def darker(c, f=0.8):
    return tuple(int(v * f) for v in c)


def lighter(c, t=0.3):
    return mix(c, (255, 255, 255), t)


def bezier(p0, p1, p2, p3, n=20):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                    + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                    + t ** 3 * p3[1]))
    return out


def stroke(img, points, width, color, alpha=1.0):
    m = blank()
    d = ImageDraw.Draw(m)
    d.line(sc(points), fill=255, width=int(width * S), joint="curve")
    r = width * S / 2
    for x, y in (points[0], points[-1]):
        d.ellipse([x * S - r, y * S - r, x * S + r, y * S + r], fill=255)
    paint(img, m, color, alpha)
    return m

# ---------------------------------------------------------------- the face


class Head:
    """Geometry of one head: an egg shape with a tapered jaw."""

    def __init__(self, rng, feminine):
        self.cx = 240 + rng.uniform(-3, 3)
        self.cy = 226 + rng.uniform(-3, 3)
        self.a = (82 if feminine else 88) + rng.uniform(-3, 4)
        self.top = 102 + rng.uniform(-3, 3)
        self.bottom = (112 if feminine else 118) + rng.uniform(-3, 4)
        self.jaw = (0.26 if feminine else 0.18) + rng.uniform(-0.03, 0.03)

    def point(self, t, grow=0.0):
        s, c = math.sin(t), math.cos(t)
        if c >= 0:
            x = (self.a + grow) * math.copysign(abs(s) ** (2 / 2.3), s)
            y = -(self.top + grow) * c ** (2 / 2.3)
        else:
            x = (self.a + grow) * math.copysign(abs(s) ** (2 / 2.05), s)
            x *= 1 - self.jaw * (-c) ** 1.6
            y = (self.bottom + grow) * (-c) ** (2 / 2.05)
        return (self.cx + x, self.cy + y)

    def outline(self, grow=0.0, t0=0.0, t1=2 * math.pi, n=160, growfn=None):
        pts = []
        for i in range(n + 1):
            t = t0 + (t1 - t0) * i / n
            pts.append(self.point(t, growfn(t) if growfn else grow))
        return pts

    def mask(self, grow=0.0):
        return poly_mask(self.outline(grow))


def draw_background(img, rng, kind):
    arr = np.zeros((W, W, 3), dtype=np.float32)
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32) / W
    if kind == "greenhouse":
        top = np.array([206, 226, 206], np.float32)
        bottom = np.array([120, 160, 118], np.float32)
        arr[:] = top + (bottom - top) * yy[..., None]
        base = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
        d = ImageDraw.Draw(base)
        # glass roof ribs and plant rows, then a heavy blur (depth of field)
        for i in range(-2, 9):
            x = (i * 70 + rng.uniform(-8, 8)) * S
            d.polygon([(x, 0), (x + 26 * S, 0), (x + 60 * S, W), (x + 20 * S, W)],
                      fill=(236, 244, 228))
        for i in range(7):
            x = (i * 80 + rng.uniform(-10, 10)) * S
            d.rectangle([x, 250 * S, x + 46 * S, W], fill=(78, 124, 76))
            for _ in range(6):
                ty = rng.uniform(280, 470) * S
                tr = rng.uniform(8, 13) * S
                tx = x + rng.uniform(8, 38) * S
                d.ellipse([tx - tr, ty - tr, tx + tr, ty + tr], fill=(206, 92, 70))
        for _ in range(14):
            bx, by, br = rng.uniform(0, W), rng.uniform(0, W * 0.6), rng.uniform(14, 34) * S
            d.ellipse([bx - br, by - br, bx + br, by + br], fill=(248, 250, 236))
        img.paste(base.filter(ImageFilter.GaussianBlur(20 * S)))
    else:
        col = np.array(BACKGROUNDS[rng.randrange(len(BACKGROUNDS))], np.float32)
        r = np.sqrt((xx - 0.38) ** 2 + (yy - 0.3) ** 2)
        light = np.clip(1.0 - r * 0.9, 0, 1)[..., None]
        arr[:] = col * (0.9 + 0.14 * light)
        img.paste(Image.fromarray(arr.clip(0, 255).astype(np.uint8)))


def torso_points(cx, width, neck_y=376):
    half = width / 2
    left = bezier((cx - 52, neck_y), (cx - 90, neck_y + 6), (cx - half, neck_y + 22),
                  (cx - half - 18, 500))
    right = bezier((cx + half + 18, 500), (cx + half, neck_y + 22), (cx + 90, neck_y + 6),
                   (cx + 52, neck_y))
    return left + [(cx - half - 40, 520), (cx + half + 40, 520)] + right


def draw_body(img, h, rng, clothes, skin, skin_dark, wide):
    cx = h.cx
    kind, color = clothes
    color = mix(color, (rng.randrange(256),) * 3, 0.06)
    body = poly_mask(torso_points(cx, 330 if wide else 300))
    # neck first so collars overlap it
    neck = poly_mask([(cx - 36, h.cy + 40), (cx + 36, h.cy + 40), (cx + 40, 400),
                      (cx - 40, 400)])
    paint(img, neck, skin)
    under_jaw = clip(blur(shift(h.mask(), 0, 16), 6), neck)
    paint(img, under_jaw, skin_dark, 0.9)
    shirt = color
    if kind in ("hivis", "overalls"):
        shirt = (70, 80, 92) if kind == "hivis" else (204, 206, 200)
    paint(img, body, shirt)
    if kind == "polo":
        v = poly_mask([(cx - 26, 376), (cx + 26, 376), (cx, 424)])
        paint(img, v, skin)
        paint(img, clip(blur(shift(v, 0, -12), 5), v), skin_dark, 0.7)
        placket = poly_mask([(cx - 8, 414), (cx + 8, 414), (cx + 8, 500), (cx - 8, 500)])
        paint(img, placket, darker(color, 0.92))
        for by in (436, 462):
            paint(img, ellipse_mask(cx, by, 3.6, 3.6), lighter(color, 0.5))
        collar = darker(color, 0.86)
        for side in (-1, 1):
            flap = poly_mask([(cx + side * 54, 368), (cx + side * 30, 366),
                              (cx + side * 2, 424), (cx + side * 44, 404)])
            paint(img, blur(shift(flap, side * 2, 5), 3), darker(color, 0.7), 0.5)
            paint(img, flap, collar)
        logo(img, cx + 74, 430, color)
    elif kind == "fleece":
        collar = poly_mask(bezier((cx - 56, 356), (cx - 58, 384), (cx - 40, 404), (cx, 408))
                           + bezier((cx, 408), (cx + 40, 404), (cx + 58, 384), (cx + 56, 356))
                           + [(cx + 42, 350), (cx - 42, 350)])
        paint(img, blur(shift(collar, 0, 6), 4), darker(color, 0.7), 0.6)
        paint(img, collar, darker(color, 0.93))
        inner = ellipse_mask(cx, 352, 42, 12)
        paint(img, inner, darker(color, 0.75))
        stroke(img, [(cx, 360), (cx, 500)], 3, darker(color, 0.72))
        paint(img, poly_mask([(cx - 4, 384), (cx + 4, 384), (cx + 5, 408), (cx - 5, 408)]),
              (200, 200, 196))
        logo(img, cx - 76, 432, color)
    elif kind == "hivis":
        crew = ellipse_mask(cx, 374, 44, 16)
        paint(img, clip(crew, body), darker(shirt, 0.8))
        vest = minus(body, poly_mask([(cx - 46, 360), (cx + 46, 360), (cx + 30, 520),
                                      (cx - 30, 520)]))
        vest = minus(vest, poly_mask([(cx - 240, 360), (cx - 150, 360), (cx - 166, 520),
                                      (cx - 240, 520)]))
        vest = minus(vest, poly_mask([(cx + 240, 360), (cx + 150, 360), (cx + 166, 520),
                                      (cx + 240, 520)]))
        paint(img, vest, color)
        band = clip(poly_mask([(0, 446), (480, 446), (480, 462), (0, 462)]), vest)
        paint(img, band, (196, 200, 204))
        paint(img, clip(poly_mask([(0, 450), (480, 450), (480, 453), (0, 453)]), vest),
              (236, 238, 240))
        for side in (-1, 1):
            strap = clip(poly_mask([(cx + side * 60, 372), (cx + side * 80, 374),
                                    (cx + side * 92, 446), (cx + side * 72, 446)]), vest)
            paint(img, strap, (196, 200, 204))
    elif kind == "overalls":
        crew = ellipse_mask(cx, 376, 42, 14)
        paint(img, clip(crew, body), darker(shirt, 0.85))
        bib = poly_mask([(cx - 78, 430), (cx + 78, 430), (cx + 84, 520), (cx - 84, 520)])
        paint(img, blur(shift(bib, 0, -4), 3), darker(shirt, 0.7), 0.5)
        paint(img, bib, color)
        pocket = poly_mask([(cx - 34, 446), (cx + 34, 446), (cx + 30, 480), (cx - 30, 480)])
        stroke(img, [(cx - 34, 446), (cx - 30, 480), (cx + 30, 480), (cx + 34, 446)], 2.4,
               lighter(color, 0.25))
        del pocket
        for side in (-1, 1):
            strap = poly_mask([(cx + side * 96, 386), (cx + side * 126, 394),
                               (cx + side * 74, 446), (cx + side * 50, 440)])
            paint(img, strap, color)
            paint(img, ellipse_mask(cx + side * 62, 440, 6, 6), (214, 196, 120))
    # soft shading: darker towards the arms, light from the upper left
    shade = clip(blur(poly_mask([(cx + 60, 380), (480, 380), (480, 520), (cx + 100, 520)]),
                      40), body)
    paint(img, shade, (20, 30, 40), 0.22)
    edge = minus(body, blur(shift(body, 0, 10), 14))
    paint(img, clip(edge, body), (255, 255, 255), 0.12)


def logo(img, x, y, base):
    """The Groenhorst leaf, embroidered on the chest."""
    c = (236, 240, 226) if sum(base) < 520 else (74, 128, 84)
    leaf = poly_mask(bezier((x - 9, y + 7), (x - 10, y - 4), (x + 2, y - 10), (x + 10, y - 9))
                     + bezier((x + 10, y - 9), (x + 10, y + 2), (x, y + 9), (x - 9, y + 7)))
    paint(img, leaf, c, 0.9)


def hair_cap(h, growfn, hairline, side_drop):
    """Hair on the skull: the grown head down to side_drop, minus the face under hairline."""
    outer = poly_mask(h.outline(growfn=growfn))
    outer = clip(outer, poly_mask([(0, 0), (480, 0), (480, h.cy + side_drop),
                                   (0, h.cy + side_drop)]))
    face = clip(h.mask(), poly_mask(hairline + [(480, 480), (0, 480)]))
    return minus(outer, face)


def hairline_curve(h, center_y, temple_y, part=0.0, sweep=0.0, side=1.0):
    """A hairline from the left temple over the forehead to the right temple."""
    cx, a = h.cx, h.a
    left = (cx - a - 4, h.cy + temple_y)
    right = (cx + a + 4, h.cy + temple_y)
    mid = (cx + part, h.cy + center_y)
    # sweep > 0 lowers the fringe on the side opposite the part
    ly = h.cy + center_y + sweep * (side < 0) + 10
    ry = h.cy + center_y + sweep * (side > 0) + 10
    return (bezier(left, (cx - a + 2, h.cy + temple_y - 40), (cx - a * 0.6, ly), mid)
            + bezier(mid, (cx + a * 0.6, ry), (cx + a - 2, h.cy + temple_y - 40), right))


def scallop(m, h, rng, r, count, grow, t0, t1):
    d = ImageDraw.Draw(m)
    for i in range(count):
        t = t0 + (t1 - t0) * i / max(1, count - 1)
        x, y = h.point(t, grow)
        rr = r * rng.uniform(0.85, 1.15)
        ellipse(d, x, y, rr, rr)
    return m


def draw_back_hair(img, h, rng, style, color):
    """Hair behind the head and neck (long hair, buns, ponytails)."""
    cx, cy = h.cx, h.cy
    m = None
    if style in ("long", "longfringe"):
        m = poly_mask(h.outline(grow=14, t0=-math.pi / 2, t1=math.pi / 2)
                      + [(cx + h.a + 24, cy + 150), (cx + h.a + 10, cy + 205),
                         (cx + 40, cy + 170), (cx - 40, cy + 170),
                         (cx - h.a - 10, cy + 205), (cx - h.a - 24, cy + 150)])
    elif style == "bob":
        m = poly_mask(h.outline(grow=18, t0=-math.pi * 0.62, t1=math.pi * 0.62))
        m = union(m, poly_mask([(cx - h.a - 18, cy), (cx + h.a + 18, cy),
                                (cx + h.a + 12, cy + 92), (cx - h.a - 12, cy + 92)]))
        m = union(m, ellipse_mask(cx - h.a + 2, cy + 88, 20, 10),
                  ellipse_mask(cx + h.a - 2, cy + 88, 20, 10))
    elif style == "curlylong":
        m = blank()
        d = ImageDraw.Draw(m)
        ellipse(d, cx, cy + 20, h.a + 30, h.top + 50)
        for i in range(26):
            t = 2 * math.pi * i / 26
            ellipse(d, cx + (h.a + 32) * math.sin(t), cy + 30 - (h.top + 38) * math.cos(t),
                    26, 26)
        m = clip(m, poly_mask([(0, 0), (480, 0), (480, cy + 170), (0, cy + 170)]))
    elif style == "bun":
        m = ellipse_mask(cx + rng.uniform(-8, 8), cy - h.top - 12, 40, 34)
    elif style == "ponytail":
        m = poly_mask(bezier((cx + h.a - 30, cy - 30), (cx + h.a + 30, cy - 10),
                             (cx + h.a + 36, cy + 90), (cx + h.a + 14, cy + 170))
                      + bezier((cx + h.a + 14, cy + 170), (cx + h.a + 4, cy + 110),
                               (cx + h.a - 4, cy + 40), (cx + h.a - 40, cy + 10)))
    elif style == "afropuff":
        m = blank()
        d = ImageDraw.Draw(m)
        ellipse(d, cx, cy - h.top - 8, 70, 48)
        for i in range(20):
            t = 2 * math.pi * i / 20
            ellipse(d, cx + 68 * math.cos(t), cy - h.top - 8 + 46 * math.sin(t), 18, 18)
    if m is None:
        return None
    paint(img, m, darker(color, 0.88))
    paint(img, clip(blur(shift(m, 12, 10), 14), m), darker(color, 0.6), 0.45)
    return m


def draw_front_hair(img, h, rng, style, color, skin_dark):
    cx, cy, a = h.cx, h.cy, h.a
    side = rng.choice((-1, 1))
    top = math.pi * 0.5
    m = None
    if style == "crew":
        m = hair_cap(h, lambda t: 5 + 3 * math.cos(t), hairline_curve(h, -70, -18), -12)
    elif style == "short":
        m = hair_cap(h, lambda t: 7 + 10 * max(0, math.cos(t)) ** 2,
                     hairline_curve(h, -66, -16, part=side * 30, sweep=14, side=side), -10)
    elif style == "sidepart":
        m = hair_cap(h, lambda t: 8 + 12 * max(0, math.cos(t)) ** 2,
                     hairline_curve(h, -62, -16, part=side * 40, sweep=22, side=side), -8)
    elif style == "quiff":
        m = hair_cap(h, lambda t: 6 + 22 * max(0, math.cos(t - side * 0.25)) ** 3,
                     hairline_curve(h, -70, -18, part=-side * 10), -12)
    elif style == "curlyshort":
        m = hair_cap(h, lambda t: 10 + 6 * max(0, math.cos(t)),
                     hairline_curve(h, -70, -18), -10)
        m = union(m, clip(scallop(blank(), h, rng, 14, 22, 8, -top * 1.05, top * 1.05),
                          poly_mask([(0, 0), (480, 0), (480, cy - 14), (0, cy - 14)])))
    elif style == "balding":
        m = hair_cap(h, lambda t: 5, hairline_curve(h, -20, -4), 8)
        m = minus(m, ellipse_mask(cx, cy - 60, a - 10, 70))
    elif style == "bald":
        shine = clip(blur(ellipse_mask(cx - 28, cy - 78, 34, 18), 10), h.mask())
        paint(img, shine, (255, 255, 255), 0.35)
        side_hair = hair_cap(h, lambda t: 4, hairline_curve(h, -10, 0), 10)
        side_hair = minus(side_hair, ellipse_mask(cx, cy - 50, a - 6, 80))
        paint(img, side_hair, color, 0.55)
        return
    elif style in ("long", "longfringe"):
        if style == "longfringe":
            line = hairline_curve(h, -44, 60, part=0)
            line = [(x, max(y, cy - 50) if abs(x - cx) < a * 0.75 else y) for x, y in line]
        else:
            line = hairline_curve(h, -68, 70, part=side * 26, sweep=26, side=side)
        m = hair_cap(h, lambda t: 8 + 8 * max(0, math.cos(t)), line, 64)
        m = union(m, poly_mask([(cx - a - 14, cy), (cx - a + 14, cy),
                                (cx - a + 20, cy + 150), (cx - a - 16, cy + 150)]))
        m = union(m, poly_mask([(cx + a + 14, cy), (cx + a - 14, cy),
                                (cx + a - 20, cy + 150), (cx + a + 16, cy + 150)]))
    elif style == "bob":
        line = hairline_curve(h, -40, 70, part=side * 20, sweep=10, side=side)
        m = hair_cap(h, lambda t: 14 + 6 * max(0, math.cos(t)), line, 88)
    elif style == "curlylong":
        m = hair_cap(h, lambda t: 12 + 8 * max(0, math.cos(t)),
                     hairline_curve(h, -64, 40, part=side * 10), 40)
        m = union(m, clip(scallop(blank(), h, rng, 16, 22, 12, -top * 1.2, top * 1.2),
                          poly_mask([(0, 0), (480, 0), (480, cy + 20), (0, cy + 20)])))
        m = minus(m, clip(h.mask(-2), poly_mask(hairline_curve(h, -64, 40, part=side * 10)
                                                + [(480, 480), (0, 480)])))
    elif style in ("bun", "ponytail", "afropuff"):
        m = hair_cap(h, lambda t: 4 + 3 * max(0, math.cos(t)),
                     hairline_curve(h, -72, -12, part=0), -8)
    if m is None:
        return
    # shadow of the hair on the forehead, then the hair with a soft sheen
    face = h.mask()
    paint(img, clip(blur(shift(m, 0, 8), 6), minus(face, m)), skin_dark, 0.55)
    paint(img, m, color)
    sheen = clip(blur(ellipse_mask(cx - 30, cy - h.top + 18, 44, 16), 12), m)
    paint(img, sheen, lighter(color, 0.45), 0.5)
    shade = clip(blur(ellipse_mask(cx + 80, cy - 20, 60, 120), 30), m)
    paint(img, shade, darker(color, 0.6), 0.35)
    if style in ("curlyshort", "curlylong", "afropuff"):
        d_rng = random.Random(rng.random())
        for _ in range(60):
            x, y = d_rng.uniform(cx - a - 30, cx + a + 30), d_rng.uniform(cy - h.top - 40, cy)
            curl = clip(ellipse_mask(x, y, 6, 6), m)
            paint(img, minus(curl, shift(curl, 2, 2)), lighter(color, 0.25), 0.5)


def hijab_masks(h):
    cx, cy, a = h.cx, h.cy, h.a
    top = h.outline(grow=24, t0=-math.pi * 0.62, t1=math.pi * 0.62)
    (lx, ly), (rx, ry) = top[0], top[-1]
    shape = poly_mask(top
                      + bezier((rx, ry), (rx + 14, cy + 110), (cx + 120, cy + 160),
                               (cx + 142, 500))
                      + bezier((cx - 142, 500), (cx - 120, cy + 160), (lx - 14, cy + 110),
                               (lx, ly)))
    opening = clip(ellipse_mask(cx, cy + 10, a - 9, h.top + 2), h.mask(-5))
    return shape, opening


def draw_hijab(img, h, rng, color, skin_dark):
    """A headscarf that frames the face and drapes over the shoulders."""
    cx, cy, a = h.cx, h.cy, h.a
    shape, opening = hijab_masks(h)
    cloth = minus(shape, opening)
    paint(img, clip(blur(cloth, 6), opening), skin_dark, 0.65)
    paint(img, cloth, color)
    paint(img, clip(blur(poly_mask([(cx + 40, 0), (480, 0), (480, 480), (cx + 70, 480)]),
                         30), cloth), darker(color, 0.7), 0.4)
    paint(img, clip(blur(ellipse_mask(cx - 46, cy - h.top + 4, 46, 18), 12), cloth),
          lighter(color, 0.4), 0.45)
    rim = minus(blur(shift(opening, 0, 2), 4), opening)
    paint(img, clip(rim, cloth), darker(color, 0.72), 0.7)
    for side in (-1, 1):
        stroke(img, bezier((cx + side * 30, cy + h.bottom + 20), (cx + side * 70,
                           cy + h.bottom + 50), (cx + side * 90, cy + 200),
                           (cx + side * 104, 470)), 3, darker(color, 0.8), 0.5)
    stroke(img, bezier((cx - 60, cy + h.bottom - 6), (cx - 30, cy + h.bottom + 16),
                       (cx + 30, cy + h.bottom + 16), (cx + 60, cy + h.bottom - 6)), 3,
           darker(color, 0.78), 0.6)


def draw_ears(img, h, skin, skin_dark):
    for side in (-1, 1):
        x = h.cx + side * (h.a - 4)
        y = h.cy + 14
        ear = ellipse_mask(x + side * 8, y, 15, 24)
        paint(img, ear, skin)
        inner = ellipse_mask(x + side * 9, y + 2, 7, 14)
        paint(img, blur(inner, 2), skin_dark, 0.7)


def draw_face(img, h, rng, look, skin, skin_dark):
    cx, cy = h.cx, h.cy
    face = h.mask()
    paint(img, face, skin)
    # soft light from the upper left
    paint(img, clip(blur(ellipse_mask(cx + 70, cy + 30, 50, 120), 28), face), skin_dark, 0.55)
    paint(img, clip(blur(ellipse_mask(cx - 30, cy - 40, 50, 40), 24), face),
          lighter(skin, 0.4), 0.35)
    paint(img, clip(blur(ellipse_mask(cx, cy + h.bottom + 6, 60, 16), 10), face),
          skin_dark, 0.5)
    # cheeks
    blush = mix(skin, (232, 120, 120), 0.45)
    for side in (-1, 1):
        paint(img, blur(ellipse_mask(cx + side * 50, cy + 52, 20, 12), 8), blush, 0.4)


def draw_features(img, h, rng, look, skin, skin_dark, hair_color):
    cx, cy = h.cx, h.cy
    feminine = look[0] == "f"
    light = look[1] <= 2
    iris = IRIS[rng.choice(["blue", "green", "hazel", "brown"]) if light and rng.random() < 0.6
                else rng.choice(["brown", "dark"])]
    ey = cy + 12 + rng.uniform(-2, 2)
    gap = 36 + rng.uniform(-2, 2)
    brow_col = darker(hair_color, 0.8) if sum(hair_color) < 450 else darker(hair_color, 0.6)
    if look[2] == "hijab":
        brow_col = (58, 40, 32) if look[1] < 5 else (34, 24, 20)
    lash = (40, 28, 26)
    for side in (-1, 1):
        ex = cx + side * gap
        # eye socket shade, white, iris, pupil, highlight, lid
        paint(img, blur(ellipse_mask(ex, ey - 4, 22, 12), 6), skin_dark, 0.35)
        white = ellipse_mask(ex, ey, 14.5, 9.5)
        paint(img, white, (252, 250, 246))
        look_dx = 1.2
        paint(img, clip(ellipse_mask(ex + look_dx, ey + 0.5, 8.2, 8.2), white), iris)
        paint(img, clip(ellipse_mask(ex + look_dx, ey + 0.5, 4.4, 4.4), white), (22, 18, 18))
        paint(img, ellipse_mask(ex + look_dx + 3, ey - 3, 2.4, 2.4), (255, 255, 255))
        paint(img, ellipse_mask(ex + look_dx - 2.5, ey + 3.5, 1.1, 1.1), (255, 255, 255), 0.8)
        lid = [(ex - 15.5, ey + 1.5), (ex - 10, ey - 8.5), (ex + 2, ey - 11), (ex + 15.5, ey - 1)]
        stroke(img, bezier(*lid, n=16), 3.4 if feminine else 2.6, lash)
        if feminine:
            stroke(img, [(ex + side * 14.5, ey - 2), (ex + side * 19, ey - 6)], 2.2, lash)
        stroke(img, bezier((ex - 11, ey + 8), (ex - 4, ey + 11.5), (ex + 4, ey + 11.5),
                           (ex + 11, ey + 8), n=10), 1.4, skin_dark, 0.8)
        # brows: thicker and straighter for men
        by = ey - (24 if feminine else 21)
        bw = 3.6 if feminine else 5.2
        p0 = (ex - side * 16, by + 4)
        p3 = (ex + side * 18, by + 3)
        pts = bezier(p0, (ex - side * 8, by - 5), (ex + side * 6, by - 6), p3, n=16)
        m = blank()
        d = ImageDraw.Draw(m)
        for i, (x, y) in enumerate(pts):
            r = bw * (1.15 - 0.55 * i / len(pts))
            ellipse(d, x, y, r, r)
        paint(img, m, brow_col)
    # nose: a soft shadow on one side and a little tip
    ny = cy + 46
    paint(img, blur(poly_mask([(cx + 2, cy + 10), (cx + 9, cy + 14), (cx + 12, ny),
                               (cx + 2, ny)]), 4), skin_dark, 0.45)
    stroke(img, bezier((cx - 9, ny + 1), (cx - 5, ny + 6), (cx + 5, ny + 6), (cx + 10, ny),
                       n=10), 2.6, darker(skin_dark, 0.92), 0.8)
    paint(img, blur(ellipse_mask(cx - 3, ny - 6, 5, 4), 2), lighter(skin, 0.5), 0.45)
    # mouth
    my = cy + 72 + rng.uniform(-2, 2)
    mw = (24 if feminine else 26) + rng.uniform(-2, 3)
    lip = mix(skin_dark, (176, 70, 78), 0.45 if feminine else 0.25)
    if rng.random() < 0.55:
        smile = poly_mask(bezier((cx - mw, my - 2), (cx - mw * 0.5, my - 5), (cx + mw * 0.5,
                                 my - 5), (cx + mw, my - 2))
                          + bezier((cx + mw, my - 2), (cx + mw * 0.6, my + 22),
                                   (cx - mw * 0.6, my + 22), (cx - mw, my - 2)))
        paint(img, smile, (120, 40, 48))
        teeth = clip(ellipse_mask(cx, my - 6, mw, 10), smile)
        paint(img, teeth, (252, 250, 246))
        tongue = clip(ellipse_mask(cx, my + 20, mw * 0.55, 10), smile)
        paint(img, tongue, (214, 110, 112))
        stroke(img, bezier((cx - mw - 2, my - 2), (cx - mw * 0.5, my - 6), (cx + mw * 0.5,
                           my - 6), (cx + mw + 2, my - 2), n=12), 2.2, darker(lip, 0.85))
    else:
        pts = bezier((cx - mw, my), (cx - mw * 0.5, my + 11), (cx + mw * 0.5, my + 11),
                     (cx + mw, my), n=16)
        stroke(img, pts, 3.6, darker(lip, 0.78))
        paint(img, blur(ellipse_mask(cx, my + 14, mw * 0.5, 4), 3), lip, 0.5)
        for side in (-1, 1):
            stroke(img, [(cx + side * (mw + 1), my - 1), (cx + side * (mw + 4), my - 3)], 2.2,
                   darker(lip, 0.8), 0.8)


def draw_facial_hair(img, h, rng, extras, color, skin):
    cx, cy = h.cx, h.cy
    face = h.mask()
    my = cy + 72
    if "beard" in extras:
        lower = poly_mask(h.outline(grow=3, t0=math.pi * 0.56, t1=math.pi * 1.44))
        lower = clip(lower, poly_mask([(0, cy + 10), (480, cy + 10), (480, 480), (0, 480)]))
        cheeks = poly_mask(bezier((cx - h.a - 4, cy + 10), (cx - 60, cy + 48), (cx - 40, my - 14),
                                  (cx, my - 12))
                           + bezier((cx, my - 12), (cx + 40, my - 14), (cx + 60, cy + 48),
                                    (cx + h.a + 4, cy + 10))
                           + [(cx + h.a + 10, 480), (cx - h.a - 10, 480)])
        beard = clip(lower, cheeks)
        mouth_hole = ellipse_mask(cx, my + 4, 22, 10)
        beard = minus(beard, mouth_hole)
        beard = union(beard, clip(ellipse_mask(cx, cy + h.bottom - 4, 44, 22), cheeks))
        paint(img, beard, color, 0.96)
        paint(img, clip(blur(ellipse_mask(cx + 50, cy + 90, 40, 60), 20), beard),
              darker(color, 0.65), 0.4)
        paint(img, clip(blur(ellipse_mask(cx - 30, cy + 110, 30, 14), 8), beard),
              lighter(color, 0.3), 0.35)
    elif "stubble" in extras:
        lower = clip(face, poly_mask([(0, cy + 40), (480, cy + 40), (480, 480), (0, 480)]))
        lower = minus(lower, ellipse_mask(cx, cy + 40, 42, 26))
        paint(img, blur(lower, 6), mix(skin, color, 0.8), 0.22)
    if "moustache" in extras or "beard" in extras:
        mo = poly_mask(bezier((cx - 28, my - 1), (cx - 20, my - 18), (cx - 4, my - 18),
                              (cx, my - 13))
                       + bezier((cx, my - 13), (cx + 4, my - 18), (cx + 20, my - 18),
                                (cx + 28, my - 1))
                       + bezier((cx + 28, my - 1), (cx + 14, my - 8), (cx - 14, my - 8),
                                (cx - 28, my - 1)))
        paint(img, mo, darker(color, 0.92))


def draw_glasses(img, h, rng):
    cx, cy = h.cx, h.cy
    ey = cy + 12
    frame = rng.choice([(40, 40, 46), (96, 62, 44), (60, 80, 120), (150, 120, 90)])
    shape = rng.choice(["round", "rect"])
    rims = blank()
    lens = blank()
    for side in (-1, 1):
        ex = cx + side * 37
        box = [(ex - 23) * S, (ey - 17) * S, (ex + 23) * S, (ey + 17) * S]
        dl, dr = ImageDraw.Draw(lens), ImageDraw.Draw(rims)
        if shape == "round":
            dl.ellipse(box, fill=255)
            dr.ellipse(box, outline=255, width=int(3.4 * S))
        else:
            dl.rounded_rectangle(box, radius=12 * S, fill=255)
            dr.rounded_rectangle(box, radius=12 * S, outline=255, width=int(3.6 * S))
    paint(img, lens, (230, 240, 250), 0.16)
    glare = clip(poly_mask([(cx - 56, ey - 20), (cx - 44, ey - 20), (cx - 60, ey + 20),
                            (cx - 72, ey + 20)]), lens)
    paint(img, glare, (255, 255, 255), 0.3)
    paint(img, rims, frame)
    stroke(img, bezier((cx - 14, ey - 4), (cx - 6, ey - 9), (cx + 6, ey - 9), (cx + 14, ey - 4),
                       n=8), 3, frame)
    for side in (-1, 1):
        stroke(img, [(cx + side * 60, ey - 4), (cx + side * (h.a - 2), ey - 8)], 3, frame)


def portrait(person):
    slug = Path(person["photo"]).stem
    seed = int(uuid.UUID(person["id"])) & 0xFFFFFFFF
    rng = random.Random(seed)
    look = LOOKS.get(slug) or (rng.choice("fm"), rng.randrange(8), "short", "brown", "")
    pres, skin_i, style, hair_name, extras = look
    skin, skin_dark = SKIN[skin_i]
    skin = mix(skin, (rng.randrange(256),) * 3, 0.03)
    hair = mix(HAIR[hair_name], (0, 0, 0), rng.uniform(0, 0.08))
    clothes = CLOTHES.get(person["department"]["en"], ("polo", (90, 120, 110)))
    img = Image.new("RGB", (W, W))
    draw_background(img, rng, "greenhouse" if rng.random() < 0.35 else "pastel")
    h = Head(rng, pres == "f")
    body_shadow = blur(poly_mask(torso_points(h.cx, 330)), 12)
    paint(img, shift(body_shadow, 6, -2), (40, 50, 50), 0.18)
    hijab = HIJAB[rng.randrange(len(HIJAB))] if style == "hijab" else None
    draw_back_hair(img, h, rng, style, hair)
    draw_body(img, h, rng, clothes, skin, skin_dark, pres == "m")
    if not hijab:
        draw_ears(img, h, skin, skin_dark)
    draw_face(img, h, rng, look, skin, skin_dark)
    draw_features(img, h, rng, look, skin, skin_dark, hair)
    draw_facial_hair(img, h, rng, extras, darker(hair, 0.95), skin)
    if hijab:
        draw_hijab(img, h, rng, hijab, skin_dark)
    else:
        draw_front_hair(img, h, rng, style, hair, skin_dark)
    if "glasses" in extras:
        draw_glasses(img, h, rng)
    # frame the head and shoulders a little tighter than the drawing
    box = tuple(v * S for v in (40, 50, 440, 450))
    return img.resize((SIZE, SIZE), Image.LANCZOS, box=box)


# ---------------------------------------------------------------- checks and main


def check(doc):
    """Validate the demo file: ids, references and files. Returns a list of problems."""
    problems = []
    ids = []
    for key in ("sites", "people", "posts", "events", "onboarding"):
        for row in doc[key]:
            ids.append(row["id"])
            ids.extend(step["id"] for step in row.get("steps", []))
    for i in ids:
        try:
            if str(uuid.UUID(i)) != i:
                problems.append(f"not a canonical uuid: {i}")
        except ValueError:
            problems.append(f"not a uuid: {i}")
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    sites = {s["id"] for s in doc["sites"]}
    people = {p["id"] for p in doc["people"]}
    for p in doc["people"]:
        if p["site"] not in sites:
            problems.append(f"{p['name']}: unknown site")
    for p in doc["posts"]:
        if p["site"] is not None and p["site"] not in sites:
            problems.append(f"post {p['id']}: unknown site")
        if p["author"] is not None and p["author"] not in people:
            problems.append(f"post {p['id']}: unknown author")
    for e in doc["events"]:
        if e["site"] is not None and e["site"] not in sites:
            problems.append(f"event {e['id']}: unknown site")
    for o in doc["onboarding"]:
        if o["site"] is not None and o["site"] not in sites:
            problems.append(f"onboarding {o['id']}: unknown site")
    return problems


def missing_files(doc):
    refs = [p["photo"] for p in doc["people"] if p["photo"]]
    refs += [p["image"] for p in doc["posts"] if p["image"]]
    return [r for r in refs if not (HERE / r).is_file()]


def contact_sheet(paths, out, cols=8, cell=160):
    rows = (len(paths) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * cell, rows * cell), (255, 255, 255))
    for i, p in enumerate(paths):
        im = Image.open(p).resize((cell - 8, cell - 8), Image.LANCZOS)
        sheet.paste(im, ((i % cols) * cell + 4, (i // cols) * cell + 4))
    sheet.save(out)


def write_portrait(person):
    out = HERE / person["photo"]
    portrait(person).save(out, "JPEG", quality=85, optimize=True)
    print(f"{person['photo']}  {out.stat().st_size // 1024} KB", flush=True)
    return out


def main(argv):
    doc = json.loads((HERE / "company.json").read_text(encoding="utf-8"))
    problems = check(doc)
    if "--check" not in argv:
        only = [a for a in argv if not a.startswith("--")]
        (HERE / "photos").mkdir(exist_ok=True)
        todo = [p for p in doc["people"] if p["photo"]
                and (not only or Path(p["photo"]).stem in only)]
        with multiprocessing.Pool() as pool:
            written = pool.map(write_portrait, todo)
        if "--no-images" not in argv and not only:
            make_images(doc)
        if "--sheet" in argv and written:
            contact_sheet(written, "/tmp/contact.png")
    problems += [f"missing file: {r}" for r in missing_files(doc)]
    for p in problems:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


# ---------------------------------------------------------------- post images

K = 2                      # supersampling factor for post images
IW, IH = 1280, 720


def canvas_gradient(stops):
    """A vertical gradient; stops are (y fraction, colour)."""
    ys = np.linspace(0, 1, IH * K, dtype=np.float32)
    cols = np.zeros((IH * K, 3), np.float32)
    for c in range(3):
        cols[:, c] = np.interp(ys, [t for t, _ in stops], [col[c] for _, col in stops])
    arr = np.repeat(cols[:, None, :], IW * K, axis=1)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def kp(points):
    return [(x * K, y * K) for x, y in points]


def kell(d, x, y, rx, ry, fill):
    d.ellipse([(x - rx) * K, (y - ry) * K, (x + rx) * K, (y + ry) * K], fill=fill)


def soft(img, drawfn, radius, alpha=1.0):
    """Draw shapes, blur them and blend them in: light, mist, bokeh.

    drawfn draws with RGBA fills; each colour is blurred as its own mask so the
    edges fade into the picture instead of into black.
    """
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    drawfn(ImageDraw.Draw(layer))
    arr = np.asarray(layer)
    colours = {tuple(int(v) for v in c)
               for c in np.unique(arr[arr[..., 3] > 0][:, :3], axis=0)}
    for colour in sorted(colours):
        sel = np.all(arr[..., :3] == colour, axis=-1)
        m = Image.fromarray((arr[..., 3] * sel * alpha).astype(np.uint8))
        img.paste(colour, (0, 0) + img.size, m.filter(ImageFilter.GaussianBlur(radius * K)))


def tomato(d, x, y, r, color, rng):
    kell(d, x + r * 0.12, y + r * 0.12, r, r * 0.92, darker(color, 0.72))
    kell(d, x, y, r * 0.96, r * 0.88, color)
    kell(d, x - r * 0.1, y - r * 0.08, r * 0.7, r * 0.62, lighter(color, 0.12))
    kell(d, x - r * 0.38, y - r * 0.36, r * 0.2, r * 0.14, lighter(color, 0.7))
    for i in range(5):
        t = rng.uniform(0, 0.4) + i * 2 * math.pi / 5
        d.line(kp([(x, y - r * 0.8), (x + math.cos(t) * r * 0.5, y - r * 0.8
                                       + math.sin(t) * r * 0.25)]),
               fill=(70, 120, 60), width=max(1, int(r * 0.16 * K)))


def img_greenhouse(rng):
    img = canvas_gradient([(0, (236, 244, 240)), (0.45, (214, 232, 222)), (1, (170, 160, 140))])
    d = ImageDraw.Draw(img)
    vx, vy = 640, 330
    for i in range(-14, 15):        # glass roof panes
        d.line(kp([(vx, vy), (vx + i * 130, -40)]), fill=(250, 252, 250), width=3 * K)
    for i in range(1, 12):          # trusses, closer together in the distance
        y = vy - 330 / (i ** 0.9)
        d.line(kp([(0, y), (IW, y)]), fill=(222, 230, 226), width=2 * K)
    d.polygon(kp([(vx - 6, vy), (vx + 6, vy), (vx + 190, IH), (vx - 190, IH)]),
              fill=(196, 190, 176))
    for side in (-1, 1):
        for off in (40, 140):
            d.line(kp([(vx + side * 2, vy), (vx + side * (190 + off), IH)]),
                   fill=(206, 210, 214), width=3 * K)
    rows = [(-1, 260), (-1, 620), (-1, 1000), (1, 260), (1, 620), (1, 1000)]
    for side, spread in rows:
        for step in range(260):
            z = 0.04 + (step / 260) ** 1.6 * 1.2
            xb = vx + side * spread * z
            yb = vy + (IH - vy) * z
            h = 560 * z
            r = max(2, 26 * z)
            for _ in range(2):
                g = rng.choice([(64, 118, 64), (80, 136, 70), (96, 150, 78), (56, 104, 60)])
                kell(d, xb + rng.uniform(-40, 40) * z, yb - rng.uniform(0.1, 1) * h, r, r, g)
            if rng.random() < 0.35:
                tr = max(1.5, 9 * z)
                ty = yb - h * rng.uniform(0.18, 0.42)
                col = rng.choice([(214, 62, 46), (226, 84, 52), (232, 120, 60)])
                for k in range(4):
                    kell(d, xb + (k - 1.5) * tr * 1.6, ty + (k % 2) * tr, tr, tr, col)
    soft(img, lambda dd: dd.ellipse(kp([(vx - 260, vy - 200), (vx + 260, vy + 120)]),
                                     fill=(255, 252, 236, 190)), 60)
    return img


def img_tomatoes(rng):
    img = canvas_gradient([(0, (150, 190, 130)), (1, (70, 112, 70))])
    soft(img, lambda d: [d.ellipse(kp([(x - r, y - r), (x + r, y + r)]), fill=c)
                         for x, y, r, c in [(rng.uniform(0, IW), rng.uniform(0, IH),
                                             rng.uniform(30, 90),
                                             rng.choice([(230, 240, 200, 150),
                                                         (120, 170, 100, 200),
                                                         (200, 90, 60, 120)]))
                                            for _ in range(40)]], 24)
    d = ImageDraw.Draw(img)
    d.line(kp(bezier((560, -20), (600, 200), (520, 420), (600, 760), 40)), fill=(84, 128, 66),
           width=18 * K)
    stem = bezier((585, 180), (700, 170), (820, 230), (900, 330), 30)
    d.line(kp(stem), fill=(90, 138, 70), width=10 * K)
    spots = [(640, 300, 78), (770, 300, 84), (700, 420, 88), (860, 420, 80), (560, 430, 74),
             (800, 540, 78), (640, 560, 72), (930, 540, 64)]
    for i, (x, y, r) in enumerate(spots):
        col = (204, 44, 36) if i < 6 else (230, 120, 50)
        d.line(kp([stem[min(len(stem) - 1, 8 + i * 3)], (x, y - r * 0.8)]), fill=(96, 144, 74),
               width=6 * K)
        tomato(d, x, y, r, col, rng)
    for x, y in [(430, 200), (980, 180), (1060, 300)]:
        d.polygon(kp([(x, y), (x + 90, y - 50), (x + 150, y + 10), (x + 70, y + 50)]),
                  fill=(88, 140, 76))
    return img


def img_sunrise(rng):
    img = canvas_gradient([(0, (120, 150, 196)), (0.35, (238, 180, 160)), (0.55, (252, 210, 150)),
                           (1, (150, 130, 140))])
    soft(img, lambda d: d.ellipse(kp([(540, 240), (740, 440)]), fill=(255, 236, 190, 255)), 40)
    d = ImageDraw.Draw(img)
    kell(d, 640, 340, 62, 62, (255, 244, 214))
    for layer in range(4):
        y0 = 384 + layer * 84
        tooth = 52 + layer * 30
        shade = mix((150, 140, 168), (90, 92, 120), layer / 3)
        glow = mix((255, 226, 180), (236, 170, 150), layer / 3)
        pts = [(-20, IH)]
        x = -20 - rng.uniform(0, tooth)
        while x < IW + tooth:
            pts += [(x, y0), (x + tooth / 2, y0 - tooth * 0.36)]
            x += tooth
        pts += [(IW + 20, y0), (IW + 20, IH)]
        d.polygon(kp(pts), fill=shade)
        for i in range(1, len(pts) - 3, 2):
            d.line(kp([pts[i], pts[i + 1]]), fill=glow, width=2 * K)
        for gx in range(0, IW, int(tooth)):
            d.line(kp([(gx, y0 + 6), (gx, y0 + 80)]), fill=mix(shade, glow, 0.25), width=K)
        soft(img, lambda dd: dd.rectangle(kp([(0, y0 - 10), (IW, y0 + 16)]),
                                          fill=(255, 230, 210, 120)), 10)
        d = ImageDraw.Draw(img)
    for bx, by in [(300, 160), (330, 175), (360, 150)]:
        d.line(kp([(bx - 12, by - 5), (bx, by), (bx + 12, by - 5)]), fill=(90, 80, 100),
               width=2 * K)
    return img


def img_canteen(rng):
    img = canvas_gradient([(0, (246, 238, 224)), (0.62, (236, 224, 204)), (0.63, (204, 176, 140)),
                           (1, (186, 156, 120))])
    d = ImageDraw.Draw(img)
    for wx in (90, 470, 850):       # windows onto the glasshouses
        d.rectangle(kp([(wx, 70), (wx + 340, 380)]), fill=(250, 250, 246))
        win = canvas_gradient([(0, (190, 214, 236)), (1, (226, 236, 240))]).crop(
            (0, 0, 320 * K, 290 * K))
        img.paste(win, ((wx + 10) * K, 80 * K))
        d = ImageDraw.Draw(img)
        for i in range(9):
            gx = wx + 10 + i * 40
            d.polygon(kp([(gx, 330), (gx + 20, 312), (gx + 40, 330)]), fill=(210, 224, 222))
        d.rectangle(kp([(wx + 10, 330), (wx + 330, 370)]), fill=(180, 204, 190))
        d.line(kp([(wx + 170, 80), (wx + 170, 370)]), fill=(250, 250, 246), width=6 * K)
    for lx in (260, 640, 1020):     # pendant lamps
        d.line(kp([(lx, 0), (lx, 90)]), fill=(80, 80, 80), width=2 * K)
        d.pieslice(kp([(lx - 60, 80), (lx + 60, 150)]), 180, 360, fill=(64, 110, 92))
        soft(img, lambda dd, lx=lx: dd.ellipse(kp([(lx - 120, 110), (lx + 120, 260)]),
                                               fill=(255, 244, 210, 120)), 30)
        d = ImageDraw.Draw(img)
    d.polygon(kp([(140, 470), (1140, 470), (1280, 720), (0, 720)]), fill=(196, 150, 104))
    d.polygon(kp([(140, 470), (1140, 470), (1146, 482), (134, 482)]), fill=(220, 178, 130))
    for i, (x, y, s_) in enumerate([(300, 540, 1.0), (640, 520, 0.95), (980, 540, 1.0),
                                    (460, 640, 1.2), (820, 640, 1.2)]):
        kell(d, x, y + 6 * s_, 120 * s_, 46 * s_, (170, 126, 88))
        d.rounded_rectangle(kp([(x - 110 * s_, y - 40 * s_), (x + 110 * s_, y + 40 * s_)]),
                            radius=int(16 * K * s_), fill=(232, 236, 230))
        kell(d, x - 40 * s_, y, 44 * s_, 24 * s_, (250, 250, 248))
        kell(d, x - 40 * s_, y - 3 * s_, 36 * s_, 17 * s_, (214, 84, 58))
        kell(d, x - 48 * s_, y - 8 * s_, 8 * s_, 4 * s_, (236, 130, 100))
        kell(d, x + 50 * s_, y - 8 * s_, 32 * s_, 16 * s_, (226, 186, 126))
        d.rounded_rectangle(kp([(x + 30 * s_, y + 10 * s_), (x + 66 * s_, y + 34 * s_)]),
                            radius=int(6 * K * s_), fill=(94, 132, 110))
    d.polygon(kp([(610, 470), (670, 470), (662, 420), (618, 420)]), fill=(226, 214, 196))
    for k in range(7):
        kell(d, 640 + rng.uniform(-34, 34), 396 + rng.uniform(-30, 10), 20, 14,
             rng.choice([(88, 140, 80), (100, 156, 88)]))
    return img


def img_forklift(rng):
    img = canvas_gradient([(0, (226, 230, 232)), (0.66, (208, 212, 214)), (0.67, (176, 178, 176)),
                           (1, (160, 162, 160))])
    d = ImageDraw.Draw(img)
    for i, dx in enumerate((80, 380, 680, 980)):     # dock doors
        d.rectangle(kp([(dx, 150), (dx + 220, 480)]), fill=(188, 196, 204))
        for y in range(160, 480, 22):
            d.line(kp([(dx + 6, y), (dx + 214, y)]), fill=(170, 178, 188), width=2 * K)
        d.rectangle(kp([(dx - 8, 140), (dx + 228, 150)]), fill=(232, 188, 60))
        d.text(((dx + 96) * K, 100 * K), str(i + 3), fill=(90, 100, 110),
               font_size=40 * K)

    def crate_stack(x, y, cols, rows, w=78, h=40):
        d.rectangle(kp([(x, y), (x + cols * w, y + 14)]), fill=(176, 140, 96))
        for r in range(rows):
            for c in range(cols):
                cx0, cy0 = x + c * w, y - (r + 1) * h
                d.rectangle(kp([(cx0 + 2, cy0), (cx0 + w - 2, cy0 + h - 2)]), fill=(70, 118, 84))
                for t in range(4):
                    kell(d, cx0 + 14 + t * 17, cy0 + 10, 8, 7, (214, 66, 48))
                d.rectangle(kp([(cx0 + 8, cy0 + 18), (cx0 + w - 8, cy0 + 26)]),
                            fill=(56, 98, 70))

    crate_stack(60, 560, 3, 3)
    crate_stack(1000, 560, 3, 4)
    # the forklift, side view, facing right
    fx, fy = 420, 600
    d.rectangle(kp([(fx + 330, 170), (fx + 346, fy - 10)]), fill=(70, 74, 80))   # mast
    d.rectangle(kp([(fx + 352, 170), (fx + 368, fy - 10)]), fill=(84, 88, 94))
    d.rectangle(kp([(fx + 368, fy - 24), (fx + 520, fy - 12)]), fill=(60, 62, 66))  # forks
    d.rectangle(kp([(fx + 368, 380), (fx + 380, fy - 12)]), fill=(60, 62, 66))
    crate_stack(fx + 384, fy - 36, 2, 3, w=68, h=38)
    d.rounded_rectangle(kp([(fx, fy - 170), (fx + 330, fy - 30)]), radius=28 * K,
                        fill=(236, 160, 40))
    d.rounded_rectangle(kp([(fx - 20, fy - 150), (fx + 70, fy - 40)]), radius=20 * K,
                        fill=(80, 84, 90))                                         # counterweight
    for x0, x1 in ((fx + 70, fx + 90), (fx + 270, fx + 290)):
        d.rectangle(kp([(x0, fy - 360), (x1, fy - 170)]), fill=(60, 64, 70))
    d.rectangle(kp([(fx + 60, fy - 370), (fx + 300, fy - 350)]), fill=(60, 64, 70))
    d.rectangle(kp([(fx + 140, fy - 210), (fx + 220, fy - 170)]), fill=(60, 64, 70))  # seat
    kell(d, fx + 200, fy - 250, 12, 4, (40, 40, 44))
    d.line(kp([(fx + 200, fy - 250), (fx + 230, fy - 190)]), fill=(40, 40, 44), width=5 * K)
    d.rectangle(kp([(fx + 140, fy - 120), (fx + 310, fy - 100)]), fill=(250, 200, 80))
    kell(d, fx + 300, fy - 370, 10, 8, (252, 150, 40))                            # beacon
    soft(img, lambda dd: dd.ellipse(kp([(fx + 270, fy - 410), (fx + 330, fy - 330)]),
                                     fill=(255, 180, 60, 200)), 14)
    d = ImageDraw.Draw(img)
    soft(img, lambda dd: dd.ellipse(kp([(fx - 40, fy - 10), (fx + 540, fy + 30)]),
                                     fill=(40, 40, 40, 120)), 12)
    d = ImageDraw.Draw(img)
    for wx, wr in ((fx + 70, 44), (fx + 270, 52)):
        kell(d, wx, fy, wr, wr, (44, 46, 50))
        kell(d, wx, fy, wr * 0.5, wr * 0.5, (176, 180, 186))
        kell(d, wx, fy, wr * 0.18, wr * 0.18, (90, 94, 100))
    return img


def img_packing(rng):
    img = canvas_gradient([(0, (232, 236, 240)), (0.5, (220, 226, 230)), (0.51, (196, 200, 204)),
                           (1, (178, 184, 190))])
    d = ImageDraw.Draw(img)
    vx, vy = 760, 300
    for i in range(1, 9):           # ceiling lights in perspective
        z = 1 / i
        y = vy - 280 * z
        w = 160 * z
        for lx in (-1, 1):
            x = vx + lx * 420 * z
            d.rectangle(kp([(x - w, y - 6 * z), (x + w, y + 6 * z)]), fill=(255, 255, 250))
    # conveyor from bottom left to the vanishing point
    def at(z, off):
        return (vx + (-700 + off) * z, vy + 460 * z)
    zs = [0.08 + i * 0.02 for i in range(60)]
    d.polygon(kp([at(zs[0], -140), at(zs[0], 140), at(1.3, 140), at(1.3, -140)]),
              fill=(80, 86, 96))
    d.polygon(kp([at(zs[0], -140), at(zs[0], 140), at(1.3, 140), at(1.3, -140)]),
              outline=(150, 156, 166), width=6 * K)
    d.polygon(kp([at(zs[0], 140), at(1.3, 140), (at(1.3, 140)[0], at(1.3, 140)[1] + 80),
                  (at(zs[0], 140)[0], at(zs[0], 140)[1] + 6)]), fill=(120, 128, 140))
    for z in [0.12 * 1.18 ** i for i in range(14)]:
        if z > 1.3:
            break
        a, b = at(z, -120), at(z, 120)
        w, hgt = (b[0] - a[0]), 90 * z
        d.polygon(kp([a, b, (b[0] + 20 * z, b[1] - hgt), (a[0] + 20 * z, a[1] - hgt)]),
                  fill=(76, 126, 92))
        d.polygon(kp([(a[0] + 20 * z, a[1] - hgt), (b[0] + 20 * z, b[1] - hgt),
                      (b[0] + 70 * z, b[1] - hgt - 40 * z), (a[0] + 70 * z, a[1] - hgt - 40 * z)]),
                  fill=(96, 150, 110))
        for t in range(6):
            tx = a[0] + 40 * z + t * w / 6.5
            kell(d, tx, a[1] - hgt - 16 * z, 14 * z, 9 * z, (216, 64, 46))
    for x, y, c in ((1000, 300, 5), (1150, 320, 6)):    # boxes stacked on the right
        for r in range(c):
            d.rectangle(kp([(x, y + r * 40), (x + 110, y + r * 40 + 36)]), fill=(206, 172, 122))
            d.rectangle(kp([(x + 40, y + r * 40 + 12), (x + 70, y + r * 40 + 22)]),
                        fill=(92, 140, 96))
    soft(img, lambda dd: dd.ellipse(kp([(vx - 300, vy - 200), (vx + 300, vy + 100)]),
                                     fill=(255, 255, 244, 130)), 50)
    return img


IMAGES = {"greenhouse": img_greenhouse, "tomatoes": img_tomatoes, "sunrise": img_sunrise,
          "canteen": img_canteen, "forklift": img_forklift, "packing-line": img_packing}


def make_images(doc):
    (HERE / "images").mkdir(exist_ok=True)
    for ref in sorted({p["image"] for p in doc["posts"] if p["image"]}):
        name = Path(ref).stem
        if name not in IMAGES:
            print(f"no drawing for {ref}", file=sys.stderr)
            continue
        rng = random.Random(name)
        img = IMAGES[name](rng).resize((IW, IH), Image.LANCZOS)
        img.save(HERE / ref, "JPEG", quality=85, optimize=True)
        print(f"{ref}  {(HERE / ref).stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
