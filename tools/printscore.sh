#!/usr/bin/env bash
# ./x printscore [--quiet]: the seeds (tests/fixtures) and the dev corpus (tests/devcorpus/docs)
# made into PDFs the two ways published PDFs are made, read by planlens and scored with the labels
# of their texts (tools/score.py places the labels in the analysis' `text`):
#   chromium     a web page printed by headless Chromium (tools/print_pdf.mjs: A4, running head,
#                "第 N 页 共 M 页" foot)
#   libreoffice  the same page opened in LibreOffice Writer, saved as .docx, the .docx exported
#                to PDF (only when `soffice` is installed: libreoffice-writer-nogui, fonts-noto-cjk)
# Each set's line for its texts comes first, then one per way. The PDFs stay in $PLANLENS_PRINT_DIR
# when that is set (else a temporary directory, removed).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${PLANLENS_PRINT_DIR:-$(mktemp -d)}"
[ -n "${PLANLENS_PRINT_DIR:-}" ] || trap 'rm -rf "$out"' EXIT
ways=(chromium)
command -v soffice >/dev/null && ways+=(libreoffice)

print_set() { # print_set NAME DOCS: $out/NAME/WAY/*.pdf
  local name=$1 docs=$2
  node tools/print_pdf.mjs "$docs" "$out/$name/chromium" >/dev/null
  if [[ " ${ways[*]} " == *" libreoffice "* ]]; then
    local lo="$out/$name/lo"
    node tools/print_pdf.mjs "$docs" "$lo/html" --html
    # a profile of its own, so a running LibreOffice of the user is not disturbed
    export HOME="$lo/home"
    soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
      --outdir "$lo/docx" "$lo"/html/*.html >/dev/null 2>&1
    soffice --headless --convert-to pdf --outdir "$out/$name/libreoffice" "$lo"/docx/*.docx >/dev/null 2>&1
  fi
}

score_set() { # score_set NAME DOCS LABELS
  local name=$1 docs=$2 labels=$3
  shift 3
  printf '%s, texts: ' "$name"
  python3 tools/score.py --docs "$docs" --labels "$labels" --cmd "target/release/planlens analyze {file}" --quiet
  for way in "${ways[@]}"; do
    local pred="$out/$name/$way.pred"
    mkdir -p "$pred"
    for f in "$out/$name/$way"/*.pdf; do
      target/release/planlens analyze "$f" > "$pred/$(basename "$f" .pdf).json" || true
    done
    printf '%s, PDFs (%s): ' "$name" "$way"
    python3 tools/score.py --docs "$docs" --labels "$labels" --pred "$pred" "$@"
  done
}

print_set seeds tests/fixtures
print_set devcorpus tests/devcorpus/docs
score_set seeds tests/fixtures tests/labels "$@"
score_set devcorpus tests/devcorpus/docs tests/devcorpus/labels "$@"
