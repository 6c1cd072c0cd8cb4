#!/usr/bin/env bash
# Trains the four architectures (lenet, alexnet, kimcnn, ours) on one dataset with the same
# epochs and seed, and prints a Markdown table of test accuracy, parameters, MACs per image and
# training examples/sec. Long-running (AlexNet is slow on a CPU): measuring tool, not a test.
#
#   scripts/compare-models.sh synthetic [OUT]    # a synthetic dataset it renders itself (below)
#   scripts/compare-models.sh DATA_DIR [OUT]     # any dataset 'liveworkout train --data' accepts
#
# Environment: EPOCHS (default 10), ARCHS (default "ours kimcnn lenet alexnet"), EXTRA (extra train options),
# PER_GROUP (synthetic: images per person and scene, default 5).
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
  # All 11 classes, about 2,000 images: train/validation from seed 51 (split by person and
  # scene), test from seed 52, so no test person, scene or camera was ever seen in training.
  data="$out/data"
  per_group="${PER_GROUP:-5}"
  [ -f "$out/seed-51/manifest.csv" ] || "$app" synth images --out "$out/seed-51" --per-class 180 --seed 51 --per-group "$per_group" --splits 0.8,0.2,0 --format jpg | tail -1
  [ -f "$out/seed-52/manifest.csv" ] || "$app" synth images --out "$out/seed-52" --per-class 60 --seed 52 --per-group "$per_group" --splits none --format jpg | tail -1
  mkdir -p "$data"
  ln -sfn "$(realpath "$out/seed-51/train")" "$data/train"
  ln -sfn "$(realpath "$out/seed-51/validation")" "$data/validation"
  ln -sfn "$(realpath "$out/seed-52")" "$data/test"
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
