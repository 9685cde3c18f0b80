#!/usr/bin/env bash
# Regenerates docs/presets.jpg: sample photos before and after each built-in post-processing preset.
#
# Each look is made by the command line exactly as a user would make it
#   ./toonsmith stylize PHOTO --style none --post PRESET -o OUT.png
# and docs/PresetSheet.java (plain OpenCV, run as a single-file Java program) lays the results out in a
# labelled grid. The presets are those `./toonsmith presets` lists as built-in, so a new built-in preset
# appears without editing this script. Needs only what ./toonsmith needs (JDK 17+, Maven); deterministic, so
# running it again without changes to the presets gives the same pictures.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
photos=(astronaut coffee city)
tile_width=360
out="$root/docs/presets.jpg"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# An empty user folder: only built-in presets, whatever this machine has installed.
export TOONSMITH_HOME="$work/home"

"$root/toonsmith" --version >/dev/null # builds first when sources changed
mapfile -t presets < <("$root/toonsmith" presets | awk -F'  +' '$2 == "built-in" { print $1 }')
if (( ${#presets[@]} == 0 )); then
  echo "make-preset-previews: './toonsmith presets' listed no built-in presets" >&2
  exit 1
fi

rows=()
for photo in "${photos[@]}"; do
  row="$work/rows/$photo"
  mkdir -p "$row"
  cp "$root/sample-images/$photo.jpg" "$row/0-Original.jpg"
  i=1
  for preset in "${presets[@]}"; do
    "$root/toonsmith" stylize "$root/sample-images/$photo.jpg" --style none --post "$preset" \
        -o "$row/$i-$preset.png" >/dev/null
    i=$((i + 1))
  done
  rows+=("$row")
done

java -cp "$root/app/target/lib/*" "$root/docs/PresetSheet.java" "$out" "$tile_width" "${rows[@]}"
echo "Wrote $out (${#presets[@]} presets on ${#photos[@]} photos)"
