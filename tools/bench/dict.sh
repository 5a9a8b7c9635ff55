#!/usr/bin/env bash
# The jieba dictionary: sizes (raw, gzip -9) and segmentation agreement of trimmed variants.
#   tools/bench/dict.sh [--quick] [DICT...]
# Writes the variants of tools/bench/trim_dict.py to target/bench/dict/, adds the page's
# www/dict/jieba.dict.txt when present and any DICT given, then runs benches/dict.rs on them.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/bench/dict
quick=0; extra=()
for a in "$@"; do [ "$a" = --quick ] && quick=1 || extra+=("$a"); done
python3 tools/bench/trim_dict.py "$out"
dicts=()
[ -f www/dict/jieba.dict.txt ] && dicts+=(www/dict/jieba.dict.txt)
dicts+=("$out"/*.txt "${extra[@]}")
[ $quick = 1 ] && dicts=("${dicts[@]:0:2}")
echo "sizes (gzip -9):"
full=$(ls ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt | head -1)
for f in "$full" "${dicts[@]}"; do
  printf '  %-44s %9d B raw %9d B gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
cargo bench --quiet --bench dict -- "${dicts[@]}"
