#!/usr/bin/env python3
"""Copy a wasm without its custom sections (name, producers, target_features): what a browser
never reads. `python3 tools/bench/wasm_strip.py IN OUT` — for measuring what the name section
costs in transfer when wasm-opt (which drops it) is not run."""
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


b = open(sys.argv[1], "rb").read()
out = bytearray(b[:8]); i = 8
while i < len(b):
    sid = b[i]; n, j = leb(b, i + 1)
    if sid != 0:
        out += b[i:j + n]
    i = j + n
open(sys.argv[2], "wb").write(out)
