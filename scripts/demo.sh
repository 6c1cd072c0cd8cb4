#!/usr/bin/env bash
# The main job: set up, then check this machine with the shipped configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh Release
app=src/LiveWorkout/bin/Release/net10.0/liveworkout
"$app" doctor
