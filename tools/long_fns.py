#!/usr/bin/env python3
"""Lists the functions of src/ longer than a limit (default 120 lines), longest first.

A function runs from its `fn` line to the first line after it that is its closing brace at the
same indentation (the shape rustfmt writes), so closures and nested blocks count with it.
Usage: python3 tools/long_fns.py [LIMIT] [ROOT]; exits 1 when any function is over the limit.
"""
import pathlib
import re
import sys

FN = re.compile(r"^(\s*)(?:pub(?:\([a-z]+\))? )?(?:const )?(?:unsafe )?fn (\w+)")


def functions(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m or line.rstrip().endswith(";"):
            continue
        indent = m.group(1)
        for j in range(i, len(lines)):
            if lines[j] == indent + "}" or (j == i and line.rstrip().endswith("}")):
                yield m.group(2), i + 1, j - i + 1
                break


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "src")
    long = [
        (n, f"{p}:{line}", name)
        for p in sorted(root.rglob("*.rs"))
        for name, line, n in functions(p)
        if n > limit
    ]
    for n, where, name in sorted(long, reverse=True):
        print(f"{n:5} {where} {name}")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main())
