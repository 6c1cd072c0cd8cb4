#!/usr/bin/env bash
# Can a small CNN learn the synthetic world from about 2,000 images in a few minutes, and is the
# world still hard? compare-models.sh's synthetic data with every image of a different person,
# scene and camera (seed 51: 1,584 train, 396 validation; unseen seed 52: 660 test), `ours`
# trained for 30 epochs; chance is 1/11 = 0.091. A measuring tool, not a test.
#
#   scripts/learnability.sh [OUT]      # default runs/learnability; PER_GROUP=5 for 5 moments per person
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
PER_GROUP="${PER_GROUP:-1}" EPOCHS=30 ARCHS=ours scripts/compare-models.sh synthetic "${1:-runs/learnability}"
echo "wall time $(( $(date +%s) - start )) s on $(nproc) cores (rendering included)"
