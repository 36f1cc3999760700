#!/usr/bin/env python3
"""ppm-to-png.py FILE.ppm...: writes FILE.png next to each screenshot
(not for bursts, NAME.N.ppm, which check-kiosk.py sorts out)."""
import os
import re
import sys

from PIL import Image

for path in sys.argv[1:]:
    if re.search(r"\.(expected|[0-9]+)\.ppm$", path) or not os.path.exists(path):
        continue
    if path.endswith(".ppm"):
        with Image.open(path) as picture:
            picture.save(path[:-4] + ".png")
