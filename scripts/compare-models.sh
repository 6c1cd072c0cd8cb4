#!/usr/bin/env bash
# Trains the four architectures (lenet, alexnet, kimcnn, ours) on one dataset with the same
# epochs and seed, and prints a Markdown table of test accuracy, parameters, MACs per image and
# training examples/sec. Long-running (AlexNet is slow on a CPU): measuring tool, not a test.
#
#   scripts/compare-models.sh synthetic [OUT]    # a grouped synthetic dataset it renders itself
#   scripts/compare-models.sh DATA_DIR [OUT]     # any dataset 'liveworkout train --data' accepts
#
# Environment: EPOCHS (default 10), ARCHS (default "ours kimcnn lenet alexnet"), EXTRA (extra train options).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:?usage: scripts/compare-models.sh synthetic|DATA_DIR [OUT]}"
out="${2:-runs/compare}"
epochs="${EPOCHS:-10}"
archs="${ARCHS:-ours kimcnn lenet alexnet}"
app=src/LiveWorkout/bin/Release/net10.0/liveworkout
[ -x "$app" ] || scripts/setup.sh Release >/dev/null

mkdir -p "$out"
if [ "$data" = "synthetic" ]; then
  data="$out/data"
  [ -f "$data/manifest.csv" ] || "$app" synth images --out "$data" --per-class 250 --seed 7 --size 160x120 --format jpg
fi

field() { grep -o "\"$2\": *[0-9.eE+-]*" "$1" | head -1 | sed 's/.*: *//'; }
rows=()
for arch in $archs; do
  run="$out/$arch"
  [ -f "$run/metrics.json" ] || "$app" train --data "$data" --arch "$arch" --out "$run" --epochs "$epochs" --patience 0 --seed 1 ${EXTRA:-} | tr '\r' '\n' | grep -v '^\s*$' | tail -3
  "$app" bench models --arch "$arch" --seconds 1 --json > "$run/complexity.json"
  rows+=("| $arch | $(field "$run/metrics.json" test_accuracy) | $(field "$run/metrics.json" test_macro_f1) | $(field "$run/complexity.json" parameters) | $(field "$run/complexity.json" macsPerImage) | $(field "$run/metrics.json" examples_per_sec) | $(field "$run/metrics.json" epochs_run) |")
done
echo
echo "| model | test accuracy | test macro-F1 | parameters | MACs/image | train examples/s | epochs |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
