#!/usr/bin/env python3
"""ppm-to-png.py FILE.ppm...: writes FILE.png next to each screenshot."""
import os
import sys

from PIL import Image

for path in sys.argv[1:]:
    if os.path.exists(path) and path.endswith(".ppm") and not path.endswith(".expected.ppm"):
        with Image.open(path) as picture:
            picture.save(path[:-4] + ".png")
