#!/usr/bin/env bash
# Runs the whole test suite (sets up system packages first, as the demo does).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh Release
dotnet test LiveWorkout.sln -c Release --no-build -nologo "$@"
