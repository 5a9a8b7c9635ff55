#!/usr/bin/env python3
"""Trimmed variants of jieba's dict.txt, for measuring what a smaller dictionary costs.

    python3 tools/bench/trim_dict.py OUT_DIR [--src dict.txt]

Writes OUT_DIR/<name>.txt for each variant below. The rules are general (frequency, part of
speech), never words picked from the seed plans, so the seeds stay a fair test set. Two ideas:

* Tags that plans do not need as words: person names (nr, nrt, nrfg: a third of the file), and
  interjections, onomatopoeia, modal particles (e, o, y). Their characters still segment, as
  single characters, which keywords drop anyway.
* `keep-total`: jieba scores a route by sum(log(freq) - log(total)), so every dropped word also
  lowers `total` and shifts the per-word penalty for the whole text: segmentation changes even
  where no dropped word occurs. One sentinel line (a private-use character that no text contains,
  with the dropped frequency mass) keeps `total` exactly as in the full dictionary.
"""
import argparse, glob, os, sys

SENTINEL = "\ue000"
NAMES = {"nr", "nrt", "nrfg"}
NOISE = {"e", "o", "y"}


def source():
    hits = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/jieba-rs-0.11*/src/data/dict.txt")))
    if not hits:
        sys.exit("jieba-rs dict.txt not found: run `cargo fetch` first")
    return hits[-1]


def level1(ch):
    """True for a character of GB2312 level 1 (3755 common hanzi, rows 16-55) or any non-hanzi:
    the common set official documents are written in (GB/T 9704 texts rarely leave it)."""
    if not ("\u3400" <= ch <= "\u9fff"):
        return True
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= b[0] <= 0xD7


def variants():
    """name → (min_freq for other words, keep names ≥, drop noise tags, keep_total, common chars only)."""
    v = {}
    for f in (1, 3, 5, 10):
        v[f"common-f{f}"] = (f, f, False, False, True)
    for f in (5, 20, 50, 100, 200):
        v[f"f{f}"] = (f, f, False, False, False)
    v["f50-nonames-total"] = (50, 1000, True, True, False)
    v["f50-nonames"] = (50, 1000, True, False, False)
    return v


def content(tag):
    """The keyword candidates' tags (src/keywords/mod.rs): nouns, vn, an, idioms, set phrases, abbreviations."""
    return tag.startswith("n") or tag in ("vn", "an", "l", "i", "j", "eng")


def from_page_dict(out, page="www/dict/jieba.dict.txt"):
    """Variants of the page's dictionary that keep every content word it has and drop only rare
    non-content words (verbs, numerals, adverbs, ...: they only move boundaries between keywords)."""
    if not os.path.exists(page):
        return 0
    rows = [l.split() for l in open(page, encoding="utf-8")]
    n = 0
    for other in (20, 100):
        keep = [r for r in rows if len(r) >= 2 and (len(r[0]) == 1 or content(r[2] if len(r) > 2 else "")
                                                     or (r[1].isdigit() and int(r[1]) >= other))]
        with open(os.path.join(out, f"page-other{other}.txt"), "w", encoding="utf-8", newline="\n") as o:
            o.writelines(" ".join(r[:3]) + "\n" for r in keep)
        n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--src", default=None)
    a = ap.parse_args()
    src = a.src or source()
    rows = []
    for line in open(src, encoding="utf-8"):
        p = line.split()
        if len(p) >= 2 and p[1].isdigit():
            rows.append((p[0], int(p[1]), p[2] if len(p) > 2 else ""))
    os.makedirs(a.out, exist_ok=True)
    for name, (minf, names_min, drop_noise, keep_total, common) in variants().items():
        kept, dropped = [], 0
        for w, f, t in rows:
            if len(w) == 1:
                keep = True  # single characters: the segmenter's fallback path, cheap
            elif common and not all(level1(c) for c in w):
                keep = False
            elif t in NAMES:
                keep = f >= names_min
            elif drop_noise and t in NOISE:
                keep = False
            else:
                keep = f >= minf
            if keep:
                kept.append(f"{w} {f} {t}\n")
            else:
                dropped += f
        if keep_total and dropped:
            kept.append(f"{SENTINEL} {dropped} x\n")
        with open(os.path.join(a.out, name + ".txt"), "w", encoding="utf-8", newline="\n") as o:
            o.writelines(kept)
    extra = from_page_dict(a.out)
    print(f"{len(variants()) + extra} variants of {src} ({len(rows)} words) in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
