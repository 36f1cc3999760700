#!/usr/bin/env python3
"""compare-ppm.py EXPECTED ACTUAL: counts pixels that differ between two binary
PPMs (P6). Prints one line; exits 1 when sizes differ or any pixel does."""
import sys


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maximum value
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise SystemExit(f"{path}: not an 8-bit P6 PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1:position + 1 + width * height * 3]


def main(expected_path, actual_path):
    ew, eh, expected = read_ppm(expected_path)
    aw, ah, actual = read_ppm(actual_path)
    if (ew, eh) != (aw, ah):
        print(f"size differs: expected {ew}x{eh}, screenshot {aw}x{ah}")
        return 1
    differing, worst = 0, 0
    for i in range(0, len(expected), 3):
        if expected[i:i + 3] != actual[i:i + 3]:
            differing += 1
            worst = max(worst, *(abs(expected[i + c] - actual[i + c]) for c in range(3)))
    print(f"{aw}x{ah}: {differing} of {aw * ah} pixels differ (max channel delta {worst})")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
