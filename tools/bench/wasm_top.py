#!/usr/bin/env python3
"""Where the bytes of a wasm go: code size per crate (from the name section) and data size.

    python3 tools/bench/wasm_top.py target/wasm-size/out/planlens_bg.wasm [--top 25]

Reads the binary directly (no twiggy needed): function body sizes from the code section, names
from the `name` custom section (wasm-bindgen keeps it; wasm-opt drops it, so run this on the
bindgen output), demangled crudely to the crate path's first segment.
"""
import re, sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; n, i = leb(b, i + 1)
        yield sid, b[i:i + n]; i += n


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    b = open(path, "rb").read()
    n_imports = 0; bodies = []; names = {}; data = 0; custom = Counter()
    for sid, s in sections(b):
        if sid == 2:  # imports: count function imports (they shift function indices)
            cnt, i = leb(s, 0)
            for _ in range(cnt):
                for _ in range(2):
                    l, i = leb(s, i); i += l
                kind = s[i]; i += 1
                if kind == 0: _, i = leb(s, i); n_imports += 1
                elif kind == 1: i += 1; fl, i = leb(s, i); _, i = leb(s, i); i = leb(s, i)[1] if fl & 1 else i
                elif kind == 2: fl, i = leb(s, i); _, i = leb(s, i); i = leb(s, i)[1] if fl & 1 else i
                elif kind == 3: i += 2
        elif sid == 10:
            cnt, i = leb(s, 0)
            for _ in range(cnt):
                sz, i = leb(s, i); bodies.append(sz); i += sz
        elif sid == 11:
            data += len(s)
        elif sid == 0:
            l, i = leb(s, 0); nm = s[i:i + l].decode("utf-8", "replace")
            custom[nm] += len(s)
            if nm == "name":
                while i + l < len(s):
                    j = i + l
                    sub = s[j]; sl, j = leb(s, j + 1); end = j + sl
                    if sub == 1:
                        cnt, j = leb(s, j)
                        for _ in range(cnt):
                            idx, j = leb(s, j); ln, j = leb(s, j)
                            names[idx] = s[j:j + ln].decode("utf-8", "replace"); j += ln
                    i, l = end, 0
    per = Counter()
    for k, sz in enumerate(bodies):
        nm = names.get(k + n_imports, "?")
        m = re.search(r"(?:_ZN|<)?\d*([a-z_][a-z0-9_]*)(?:\.\.|::|\d)", nm)
        crate = m.group(1) if m else nm[:20]
        if nm.startswith("_ZN"):
            m = re.match(r"_ZN(?:\d+_?)*?(\d+)([A-Za-z_][\w$]*)", nm)
            if m: crate = m.group(2)[: int(m.group(1))]
        per[crate] += sz
    total = sum(bodies)
    print(f"{path}: {len(b)} B; code {total} B in {len(bodies)} functions; data {data} B; "
          + "; ".join(f"custom '{k}' {v} B" for k, v in custom.items()))
    for crate, sz in per.most_common(top):
        print(f"{sz:>9} {100 * sz / max(total, 1):5.1f}%  {crate}")


if __name__ == "__main__":
    main()
