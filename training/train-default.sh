#!/usr/bin/env bash
# Trains Toonsmith's bundled default style from scratch, reproducibly, on public-domain images only:
#   1. fetches the data from Debian packages (training/fetch-data.sh),
#   2. trains the lite generator with the product's own 'train' command (resumable: re-run to continue),
#   3. exports the chosen checkpoint as a style (STEP=latest by default).
# Usage: training/train-default.sh [RUN_DIR]     (default RUN_DIR: training/runs/default)
# Environment: STEPS (default 1400), STEP (checkpoint to export, default latest), DEVICE (default auto),
#   EXPORT_ONLY=1 (skip training: export the run's newest checkpoint as it is, e.g. after stopping a run with
#   Ctrl+C or SIGTERM, which checkpoint). The bundled style is this script's run exported at STEP=500 (later
#   checkpoints drifted colours; see the README's 'Training data and the default style').
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="${1:-$root/training/runs/default}"
steps="${STEPS:-1400}"

"$root/training/fetch-data.sh"

# The discriminator sees clip art of scenes and objects only (buildings, food, plants, transport): with the
# animals and people in, it rewarded eye-like blobs on landscape photos.
cartoons="$root/training/work/cartoons-scenes"
if [[ ! -d "$cartoons" ]]; then
  mkdir -p "$cartoons"
  for f in "$root"/training/data/cartoons/openclipart-{buildings,food,plants,transportation}--*; do
    ln -sf "$f" "$cartoons/$(basename "$f")"
  done
fi

args=(train --run "$run" --steps "$steps")
if [[ -f "$run/config.json" ]]; then
  args+=(--resume)
else
  args+=(--photos "$root/training/data/photos" --cartoons "$cartoons"
         --mode cartoongan --arch lite --refine 1 --flatten 3 --palette 32 --size 256 --batch 4 --init-steps 100
         --d-width 32 --d-scales 2 --gan-loss lsgan --spectral-norm
         --lambda-adv 0.3 --lambda-content 10 --content-scale 4 --surface toon --lambda-surface 5 --lambda-ink 8 --line-threshold 150 --lambda-tv 0.2
         --lr 5e-4 --lr-schedule linear
         --sample-every 250 --checkpoint-every 250 --keep-checkpoints 12 --seed 42
         --device "${DEVICE:-auto}")
fi
if [[ "${EXPORT_ONLY:-0}" != 1 ]]; then
  "$root/toonsmith" "${args[@]}"
fi

"$root/toonsmith" export-style "$run" --checkpoint "${STEP:-latest}" \
  -o "$root/engine/src/main/resources/dev/toonsmith/engine/styles/default.toon" \
  --id default --name "Toonsmith Default" --author "Toonsmith contributors" --license CC0-1.0 --working-edge 1024 \
  --attribution "Trained on public-domain photos (Unsplash, morgueFile, NASA, USGS via Debian's endless-sky-data; Wikimedia Commons public-domain and CC0 photos via Debian's gcompris-qt-data) and public-domain clip art (openclipart via Debian's openclipart-png); see training/data/LICENSES.md." \
  --description "Flat colours and clean lines, trained from scratch on public-domain images."
