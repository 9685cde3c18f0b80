#!/usr/bin/env bash
# Regenerates the image fixtures in this folder. Needs ImageMagick 6 (`convert`) and exiftool
# (Debian: apt-get install imagemagick libimage-exiftool-perl). See README.md for what each file tests.
set -euo pipefail
cd "$(dirname "$0")"
IM=${IM:-/usr/bin/convert}

# The upright pattern, 24x16: red top-left, green top-right, blue bottom-left, white bottom-right.
# Every one of the 8 EXIF orientations maps these quadrants differently, so a test can tell them apart.
upright() {
  "$IM" -size 24x16 xc:white -fill red -draw 'rectangle 0,0 11,7' -fill lime -draw 'rectangle 12,0 23,7' \
        -fill blue -draw 'rectangle 0,8 11,15' -depth 8 "$@"
}

# Stored pixels = the inverse of what the orientation tag asks a viewer to do, so that honouring the tag
# gives back the upright pattern.
stored_op() {
  case $1 in
    1) echo "" ;; 2) echo "-flop" ;; 3) echo "-rotate 180" ;; 4) echo "-flip" ;;
    5) echo "-transpose" ;; 6) echo "-rotate 270" ;; 7) echo "-transverse" ;; 8) echo "-rotate 90" ;;
  esac
}

for o in 1 2 3 4 5 6 7 8; do
  # shellcheck disable=SC2046
  upright $(stored_op $o) -sampling-factor 1x1 -quality 95 -strip orientation-$o.jpg
  exiftool -q -overwrite_original -n -Orientation=$o orientation-$o.jpg
done
upright $(stored_op 6) -strip orientation-6.png
exiftool -q -overwrite_original -n -Orientation=6 orientation-6.png
upright $(stored_op 6) -define webp:lossless=true -strip orientation-6.webp
exiftool -q -overwrite_original -n -Orientation=6 orientation-6.webp
upright $(stored_op 6) -type TrueColor -strip orientation-6.tif
exiftool -q -overwrite_original -n -Orientation=6 orientation-6.tif

upright -colorspace CMYK -sampling-factor 1x1 -quality 95 -strip cmyk.jpg
upright -alpha off -colorspace CMYK -compress lzw -strip cmyk.tif
upright -strip PNG8:palette.png
# Left half fully transparent through the palette's tRNS chunk, right half opaque.
upright \( -size 12x16 xc:black -size 12x16 xc:white +append \) -alpha off -compose CopyOpacity -composite \
        -strip PNG8:palette-transparent.png
# Gray of the pattern; alpha 50% on the top half, opaque on the bottom half.
upright -colorspace Gray \( -size 24x8 xc:gray50 -size 24x8 xc:white -append \) -alpha off \
        -compose CopyOpacity -composite -strip PNG:gray-alpha.png
"$IM" gray-alpha.png -depth 16 -define png:bit-depth=16 -define png:color-type=4 -strip gray-alpha-16.png

# A camera-like JPEG: the EXIF block carries a thumbnail, which is a complete JPEG with its own
# end-of-image marker inside the file, before the main image's scan data.
"$IM" -size 96x64 gradient:red-blue -quality 90 -strip with-thumbnail.jpg
"$IM" -size 16x8 xc:gray -strip /tmp/toonsmith-thumb.$$.jpg
exiftool -q -overwrite_original "-ThumbnailImage<=/tmp/toonsmith-thumb.$$.jpg" -n -Orientation=1 with-thumbnail.jpg
rm -f /tmp/toonsmith-thumb.$$.jpg

# Independent check that the orientation fixtures are right: ImageMagick's own auto-orient must
# give back the upright pattern (24x16, red/green/blue/white quadrants) for every one of them.
for f in orientation-*; do
  "$IM" "$f" -auto-orient -format "$f: %w %h %[pixel:p{3,3}] %[pixel:p{20,3}] %[pixel:p{3,12}] %[pixel:p{20,12}]\n" info:
done
