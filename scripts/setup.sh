#!/usr/bin/env bash
# Installs the system libraries LiveWorkout needs (once), then builds the solution.
# Usage: scripts/setup.sh [Debug|Release]   (default Release)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-Release}"

# OpenCV's Linux runtime links against GTK 3 (its HighGUI window) and its friends; ffmpeg reads
# the videos OpenCV's own FFmpeg cannot decode (AV1).
packages=(libgtk-3-0 ffmpeg)
if [ "$(uname -s)" = "Linux" ] && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "Installing system packages: ${missing[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "LiveWorkout needs system packages that are missing. Run:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build LiveWorkout.sln -c "$configuration" -v quiet -nologo -clp:NoSummary
