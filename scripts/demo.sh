#!/usr/bin/env bash
# The main job: set up, check the machine, then replay the shipped demo recording through the
# whole pipeline with the shipped default model, log the session and print it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh Release
app=src/LiveWorkout/bin/Release/net10.0/liveworkout
"$app" doctor
echo
"$app" replay recordings/demo.mp4 "$@"
