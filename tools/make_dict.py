#!/usr/bin/env python3
"""Write the page's trimmed jieba dictionary, www/dict/jieba.dict.txt.

The full jieba dict.txt (5 MB, 349k words) is a third of a minute of mobile download and 300 ms of
trie building; most of its words are rare names no plan uses. We keep words whose corpus frequency
is at least --min-freq, plus every word of the policy stop-list's tags we need, and keep the
`word freq tag` format (the tags drive keyword filtering). The source is the dictionary shipped in
the jieba-rs crate that Cargo already downloaded, so this runs offline:

    python3 tools/make_dict.py                    # defaults: see the arguments
    cargo run --release --example dict_quality -- www/dict/jieba.dict.txt   # measure the trim

The quality figures for the chosen threshold are in the README ("The page").
"""
import argparse, glob, os, sys

def find_source():
    pats = [os.path.expanduser("~/.cargo/registry/src/*/jieba-rs-0.11*/src/data/dict.txt")]
    for p in pats:
        hits = sorted(glob.glob(p))
        if hits:
            return hits[-1]
    sys.exit("jieba-rs dict.txt not found: run `cargo fetch` first")

def content(tag):
    """The keyword candidates' tags (src/keywords/mod.rs content_tag)."""
    return tag.startswith("n") or tag in ("vn", "an", "l", "i", "j", "eng")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-freq", type=int, default=1)
    # person names (nr*) are a third of the file and never a plan's subject; idioms, numerals
    # and descriptive words are kept only when common
    ap.add_argument("--drop-tags", default="nr,nrt,nrfg")
    ap.add_argument("--rare-tags", default="i,m,z,zg,nrf")
    ap.add_argument("--rare-min", type=int, default=10)
    # words that can never be keywords (verbs, adverbs, numerals …: not the content tags of
    # src/keywords/mod.rs) only matter for segmentation boundaries; common ones are enough
    ap.add_argument("--other-min", type=int, default=100)
    ap.add_argument("--src", default=None)
    ap.add_argument("--out", default="www/dict/jieba.dict.txt")
    a = ap.parse_args()
    src = a.src or find_source()
    kept = total = 0
    drop = set(a.drop_tags.split(",")); rare = set(a.rare_tags.split(","))
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(src, encoding="utf-8") as f, open(a.out, "w", encoding="utf-8", newline="\n") as o:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            total += 1
            try:
                freq = int(parts[1])
            except ValueError:
                continue
            tag = parts[2] if len(parts) > 2 else ""
            # single characters always stay: they are the fallback path of the segmenter's DAG
            if len(parts[0]) == 1:
                keep = True
            elif tag in drop:
                keep = freq >= 1000
            elif tag in rare:
                keep = freq >= max(a.rare_min, 0 if content(tag) else a.other_min)
            elif not content(tag):
                keep = freq >= a.other_min
            else:
                keep = freq >= a.min_freq
            if keep:
                o.write(" ".join(parts[:3]) + "\n")
                kept += 1
    print(f"{a.out}: kept {kept} of {total} words (min freq {a.min_freq}), "
          f"{os.path.getsize(a.out)} bytes", file=sys.stderr)

if __name__ == "__main__":
    main()
