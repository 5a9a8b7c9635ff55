#!/usr/bin/env bash
# Size of the planlens wasm under one set of release-profile settings, the way trunk ships it
# (cargo build → wasm-bindgen --target web → wasm-opt), in gzip -9 bytes. For choosing the
# [profile.release] settings: run it once per variant, compare. Profile settings are passed as
# Cargo's own environment overrides, so Cargo.toml is not edited:
#
#   tools/bench/wasm_size.sh                                   # as Cargo.toml says
#   CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL=s tools/bench/wasm_size.sh
#   WASM_SIZE_CARGO_ARGS='--config profile.wasm-release.package.planlens.opt-level=3' tools/bench/wasm_size.sh
#   WASM_OPT_FLAGS=-O3 tools/bench/wasm_size.sh                # default: -Oz (the page: index.html data-wasm-opt-params)
#
# The first-load wasm (Cargo feature web); WASM_SIZE_FEATURES=extras for the lazily loaded one.
# Uses its own target dir (target/wasm-size) so it never invalidates the native release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
T=${WASM_SIZE_TARGET_DIR:-target/wasm-size}
OUT=$T/out
FLAGS=${WASM_OPT_FLAGS:--Oz}
# the page's profile (Cargo.toml [profile.wasm-release]); WASM_SIZE_PROFILE=release for the native one
PROFILE=${WASM_SIZE_PROFILE:-wasm-release}
cargo build --quiet --profile "$PROFILE" --lib --target wasm32-unknown-unknown --no-default-features --features "${WASM_SIZE_FEATURES:-web}" --target-dir "$T" ${WASM_SIZE_CARGO_ARGS:-}
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" --out-name planlens "$T/wasm32-unknown-unknown/$PROFILE/planlens.wasm"
raw=$(stat -c %s "$OUT/planlens_bg.wasm")
wasm-opt $FLAGS --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$OUT/planlens_bg.wasm" -o "$OUT/opt.wasm"
opt=$(stat -c %s "$OUT/opt.wasm")
gz=$(gzip -9c "$OUT/opt.wasm" | wc -c)
rawgz=$(gzip -9c "$OUT/planlens_bg.wasm" | wc -c)
# does it still load? (binaryen 108 mangles reference-types tables: see BENCHMARKS.md)
loads() {
  (cd "$OUT" && cp planlens.js probe.js && sed -i "s/planlens_bg\.wasm/$1/" probe.js && node -e "
    import('./probe.js').then(async (m) => { await m.default({ module_or_path: require('fs').readFileSync('$1') });
      (m.analyzeJson || m.checkPlan)('到2025年，新建幼儿园120所。'); console.log('loads'); }).catch((e) => console.log('BROKEN'))")
}
glue=$(gzip -9c "$OUT/planlens.js" | wc -c)
{ env | grep '^CARGO_PROFILE' || true; } | sort | tr '\n' ' '
printf '%s\nbindgen: %d B, gzip -9 %d B (%s); after wasm-opt %s: %d B, gzip -9 %d B (%s); glue gzip %d B\n' \
  "${RUSTFLAGS:-}" "$raw" "$rawgz" "$(loads planlens_bg.wasm)" "$FLAGS" "$opt" "$gz" "$(loads opt.wasm)" "$glue"
