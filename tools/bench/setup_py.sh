#!/usr/bin/env bash
# Idempotent: a venv under target/bench/venv with the Python tools planlens is compared with.
# Prints the venv's python on stdout. Pinned versions so figures stay comparable across runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=target/bench/venv
PKGS=("chinese2digits==6.0.2")
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >&2
for p in "${PKGS[@]}"; do
  name=${p%%==*}; want=${p##*==}
  have=$("$VENV/bin/pip" show "$name" 2>/dev/null | awk '/^Version:/{print $2}' || true)
  [ "$have" = "$want" ] || "$VENV/bin/pip" install --quiet --disable-pip-version-check "$p" >&2
done
echo "$(pwd)/$VENV/bin/python"
