#!/usr/bin/env bash
# Can a small CNN learn the synthetic world from about 2,000 images in a few minutes, and is the
# world still hard? Renders 1,980 training/validation images (seed 51, each of a different
# person, scene and camera) and 660 test images from an unseen seed (52), trains `ours` for
# 30 epochs and prints the test accuracy (chance: 1/11 = 0.091). A measuring tool, not a test.
#
#   scripts/learnability.sh [OUT]      # default runs/learnability; PER_GROUP=5 for 5 moments per person
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-runs/learnability}"
per_group="${PER_GROUP:-1}"
app=src/LiveWorkout/bin/Release/net10.0/liveworkout
[ -x "$app" ] || scripts/setup.sh Release >/dev/null

mkdir -p "$out/data"
[ -f "$out/seed-51/manifest.csv" ] || "$app" synth images --out "$out/seed-51" --per-class 180 --seed 51 --per-group "$per_group" --splits 0.8,0.2,0 --format jpg | tail -1
[ -f "$out/seed-52/manifest.csv" ] || "$app" synth images --out "$out/seed-52" --per-class 60 --seed 52 --per-group "$per_group" --splits none --format jpg | tail -1
ln -sfn "$(realpath "$out/seed-51/train")" "$out/data/train"
ln -sfn "$(realpath "$out/seed-51/validation")" "$out/data/validation"
ln -sfn "$(realpath "$out/seed-52")" "$out/data/test"
start=$(date +%s)
"$app" train --data "$out/data" --arch ours --out "$out/run" --epochs 30 --patience 0 --seed 1 | tr '\r' '\n' | grep -E '^(test accuracy|loss)' 
echo "wall time $(( $(date +%s) - start )) s on $(nproc) cores"
