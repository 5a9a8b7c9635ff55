#!/usr/bin/env bash
# ./x bench [native] [browser] [dict] [--quick]   (no part named: native and browser)
#
# Prints the benchmark tables of BENCHMARKS.md. They measure and print only: no exit status
# depends on a timing (a failure here means a tool or the page broke, not that it was slow).
#   native   per-stage pipeline (cargo bench --bench pipeline), then the CLI against chinese2digits
#            on 1.33 M chars (venv under target/bench, installed on first use)
#   browser  tools/bench/browser.mjs: transfer, cold start, warm throughput, long tasks in headless
#            Chromium, plus jieba-wasm and Recognizers-Text (npm, under target/bench/npm);
#            rebuilds dist/ with trunk when it is missing or older than the sources
#   dict     tools/bench/dict.sh: cost and segmentation agreement of trimmed jieba dictionaries
#   --quick  a smoke run of each (seconds, numbers meaningless)
set -euo pipefail
cd "$(dirname "$0")/../.."
parts=(); quick=()
for a in "$@"; do
  case "$a" in
    native|browser|dict) parts+=("$a") ;;
    --quick) quick=(--quick) ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=(native browser)

rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
git diff --quiet HEAD 2>/dev/null || rev="$rev+dirty"
echo "# planlens benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $rev"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $(rustc --version)"

for part in "${parts[@]}"; do
  case "$part" in
    native)
      echo; echo "## native: pipeline stages (cargo bench --bench pipeline)"
      if [ ${#quick[@]} -gt 0 ]; then export PLANLENS_BENCH_QUICK=1; fi
      cargo bench --quiet --bench pipeline
      cargo build --release --quiet
      echo; echo "## native: planlens CLI vs chinese2digits (tools/bench/native_compare.py)"
      py=$(tools/bench/setup_py.sh)
      if [ ${#quick[@]} -gt 0 ]; then "$py" tools/bench/native_compare.py --reps 2 --runs 1
      else "$py" tools/bench/native_compare.py; fi ;;
    browser)
      echo; echo "## browser: headless Chromium (tools/bench/browser.mjs)"
      build=()
      if [ ! -f dist/index.html ] || [ -n "$(find src www index.html Trunk.toml Cargo.toml -newer dist/index.html -print -quit 2>/dev/null)" ]; then
        build=(--build)
      fi
      node tools/bench/browser.mjs "${build[@]}" "${quick[@]}" ;;
    dict)
      echo; echo "## jieba dictionary trims (tools/bench/dict.sh)"
      tools/bench/dict.sh "${quick[@]}" ;;
  esac
done
