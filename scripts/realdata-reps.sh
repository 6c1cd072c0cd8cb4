#!/usr/bin/env bash
# Rep-count evaluation on real footage: realdata-reps.sh CLIPS_DIR OUT_DIR [replay options...]
# Links each clip of eval/realdata-dev-reps.csv into OUT_DIR with a <clip>.labels.csv (one set spanning
# the whole clip) and runs `liveworkout replay OUT_DIR --evaluate` (OUT_DIR/evaluation.json); REPS_CSV=file overrides the list.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clips="$(cd "$1" && pwd)"; out="$2"; shift 2
mkdir -p "$out"
tail -n +2 "${REPS_CSV:-$root/eval/realdata-dev-reps.csv}" | while IFS=, read -r class clip dur reps times _rest; do
  ln -sf "$clips/$class/$clip" "$out/$clip"
  printf 'start_s,end_s,exercise,reps,rep_times_s\n0,%s,%s,%s,%s\n' "$dur" "$class" "$reps" "$times" > "$out/${clip%.*}.labels.csv"
done
"$root/src/LiveWorkout/bin/Release/net10.0/liveworkout" replay "$out" --evaluate --json "$out/evaluation.json" "$@"
