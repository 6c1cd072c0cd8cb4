#!/usr/bin/env bash
# Makes the README's report screenshots from real replays: builds a session log of about twenty
# workouts over the last seven weeks (the shipped recordings joined two or three at a time,
# dated by their files' times, one cut short), enters weights for the lifts, renders the
# progress page and the latest full session's page, and screenshots both with headless Chromium
# into docs/progress-report.png and docs/session-report.png. Fails on any browser console error.
#
#   scripts/report-screenshots.sh [WORK_DIR]    # default: a temporary folder, removed afterwards
#   REPLAY=0 scripts/report-screenshots.sh DIR  # only render and screenshot DIR/sessions.db again
#
# Needs chromium and ffmpeg (apt-get install -y chromium ffmpeg). Takes about ten minutes on
# two cores: the replays use models/pixels, which runs 8x real time and knows these synthetic clips.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium ffmpeg jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
app=src/LiveWorkout/bin/Release/net10.0/liveworkout
[ -x "$app" ] || scripts/setup.sh Release >/dev/null

if [ $# -gt 0 ]; then work="$1"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
work="$(realpath "$work")"
db="$work/sessions.db"
if [ "${REPLAY:-1}" != "0" ]; then
  rm -f "$db" "$db"-* "$work"/*.mp4

  # Seven weeks back to this one: weekdays (1 = Monday) and start times; the fourth week back is missed.
  this_monday=$(date -d "today - $(( $(date +%u) - 1 )) days" +%F)
  plan=(
    "7 1 07:10" "7 3 18:40" "7 5 18:20"
    "6 1 07:05" "6 2 18:30" "6 4 18:45" "6 6 10:00"
    "5 1 07:20" "5 3 18:35" "5 6 09:30"
    "3 2 18:30" "3 4 07:15" "3 6 10:15"
    "2 1 07:10" "2 3 18:30" "2 5 18:15" "2 7 10:30"
    "1 1 07:00" "1 3 18:40" "1 4 12:15" "1 6 09:45"
    "0 1 07:05" "0 3 18:30"
  )
  # The recordings joined per session, in turn.
  combos=(
    "demo curl-lunge-pushup" "squat-pushup-run press-run-plank" "pullup-situp curl-lunge-pushup squat-pushup-run"
    "press-run-plank demo" "curl-lunge-pushup pullup-situp" "squat-pushup-run demo press-run-plank"
    "curl-lunge-pushup squat-pushup-run"
  )

  n=0
  for entry in "${plan[@]}"; do
    read -r weeks_back weekday time <<<"$entry"
    day=$(date -d "$this_monday - $weeks_back weeks + $(( weekday - 1 )) days" +%F)
    start=$(date -d "$day $time" +%s)
    [ "$start" -lt "$(date +%s)" ] || continue
    clips=(${combos[$(( n % ${#combos[@]} ))]})
    clip="$work/session-$n.mp4"
    : > "$work/list.txt"
    for c in "${clips[@]}"; do echo "file '$PWD/recordings/$c.mp4'" >> "$work/list.txt"; done
    ffmpeg -v error -y -f concat -safe 0 -i "$work/list.txt" -c copy -movflags +faststart "$clip"
    seconds=$(( 75 * ${#clips[@]} ))
    if [ "$n" -eq 11 ]; then
      # One download that stopped part of the way: logged, and flagged as ended early.
      truncate -s $(( $(stat -c %s "$clip") * 2 / 3 )) "$clip"
    fi
    # replay dates a clip by its file's modification time less its length.
    touch -d "@$(( start + seconds ))" "$clip"
    echo "session $((n + 1)): $day $time, ${clips[*]}"
    nice -n 10 "$app" replay "$clip" --model models/pixels --db "$db" --quiet >/dev/null 2>"$work/replay.err" || { cat "$work/replay.err" >&2; exit 1; }
    n=$((n + 1))
  done
fi

# Weights for the lifts, rising over the weeks as a training log would, and how hard the squats
# felt: what the video cannot see, entered as a person would with sessions edit.
"$app" sessions export --format json --db "$db" \
  | jq -r '.sessions | to_entries[] | .key as $i | .value as $s | $s.sets[] | "\($s.id) \(.order) \(.exercise) \($i)"' \
  | while read -r id order exercise i; do
      rpe=()
      case "$exercise" in
        bicep_curl) weight=$(awk "BEGIN { print 8 + 0.5 * int($i / 3) }") ;;
        shoulder_press) weight=$(awk "BEGIN { print 15 + 1.25 * int($i / 3) }") ;;
        squat) weight=$(awk "BEGIN { print 40 + 2.5 * int($i / 3) }"); rpe=(--rpe "$(awk "BEGIN { print 7 + 0.5 * ($i % 4) }")") ;;
        lunge) weight=$(awk "BEGIN { print 12 + 1 * int($i / 4) }") ;;
        *) continue ;;
      esac
      "$app" sessions edit "$id" "$order" --weight "${weight}kg" "${rpe[@]}" --db "$db" >/dev/null
    done

# Of the last three weeks' sessions that ran to their end, the one with the most sets (the latest of equals).
since=$(date -d "today - 21 days" +%F)
session=$("$app" sessions export --format json --from "$since" --db "$db" \
  | jq -r '[.sessions[] | select(.complete and .sourceProblem == null)] | max_by([(.sets | length), .startedAt]) | .id')
"$app" sessions report --history --db "$db" --out "$work/progress.html"
"$app" sessions report "$session" --db "$db" --out "$work/session.html"

shot() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
    --screenshot="$2" --window-size=1280,1600 "file://$1" 2>"$work/chromium.err" >/dev/null
  if grep -E "CONSOLE|Uncaught|ERR_FILE_NOT_FOUND|Failed to load" "$work/chromium.err"; then
    echo "the browser reported errors on $1 (above)" >&2
    exit 1
  fi
  [ -s "$2" ] || { echo "no screenshot of $1" >&2; exit 1; }
  echo "$2: $(( $(stat -c %s "$2") / 1024 )) KB"
}
shot "$work/progress.html" docs/progress-report.png
shot "$work/session.html" docs/session-report.png
