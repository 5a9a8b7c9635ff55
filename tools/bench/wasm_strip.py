#!/usr/bin/env python3
"""Copy a wasm without its custom sections (name, producers, target_features): what a browser
never reads. `python3 tools/bench/wasm_strip.py IN OUT` — for measuring what the name section
costs in transfer when wasm-opt (which drops it) is not run."""
import sys

from wasm_top import leb


def main():
    b = open(sys.argv[1], "rb").read()
    out = bytearray(b[:8]); i = 8
    while i < len(b):
        sid = b[i]; n, j = leb(b, i + 1)
        if sid != 0:
            out += b[i:j + n]
        i = j + n
    open(sys.argv[2], "wb").write(out)


if __name__ == "__main__":
    main()
