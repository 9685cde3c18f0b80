#!/usr/bin/env bash
# Regenerates docs/default-style.jpg: unseen sample photos, each as the photo, post-processing alone, the
# bundled default style, and the default style with the same preset after it.
#
# Every picture is made by the command line as a user would make it:
#   ./toonsmith stylize PHOTO --style none --post PRESET -o OUT.png   (post-processing alone)
#   ./toonsmith stylize PHOTO -o OUT.png                              (the default style)
#   ./toonsmith stylize PHOTO --post PRESET -o OUT.png                (default style + preset)
# None of these photos was in the training data (training/fetch-data.sh leaves sample-images/ out; see
# sample-images/SOURCES.md for where they come from).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
photos=(grace-hopper cat coffee city astronaut)
preset="${PRESET:-Clean cel}"
tile_width=300
out="$root/docs/default-style.jpg"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TOONSMITH_HOME="$work/home" # only what ships: bundled styles and presets

"$root/toonsmith" --version >/dev/null # builds first when sources changed
rows=()
for photo in "${photos[@]}"; do
  src="$root/sample-images/$photo.jpg"
  row="$work/rows/$photo"
  mkdir -p "$row"
  cp "$src" "$row/0-Photo.jpg"
  "$root/toonsmith" stylize "$src" --style none --post "$preset" -o "$row/1-$preset alone.png" >/dev/null
  "$root/toonsmith" stylize "$src" -o "$row/2-Default style.png" >/dev/null
  "$root/toonsmith" stylize "$src" --post "$preset" -o "$row/3-Default + $preset.png" >/dev/null
  rows+=("$row")
done

java -cp "$root/app/target/lib/*" "$root/docs/PresetSheet.java" "$out" "$tile_width" "${rows[@]}"
echo "Wrote $out (${#photos[@]} photos)"
