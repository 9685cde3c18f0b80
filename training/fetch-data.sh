#!/usr/bin/env bash
# Assembles the training data for Toonsmith's default style from freely licensed images in Debian
# packages, and records the licence of every file it uses. See training/README.md.
#
#   training/fetch-data.sh [--include-sharealike] [--samples]
#
# Writes training/data/photos/ (scene photos), training/data/cartoons/ (clip art), training/data/LICENSES.md
# and training/data/manifest.tsv (one line per file: where it came from and its licence). Downloads and
# extracted packages are kept in training/work/ (or $TOONSMITH_DATA_WORK), so a second run only redoes
# what changed. Needs apt-get (after one `apt-get update`), dpkg-deb and ImageMagick (convert).
set -euo pipefail
shopt -s extglob

usage() {
    cat <<'EOF'
Usage: training/fetch-data.sh [--include-sharealike] [--samples]

  --include-sharealike  also use the pysiogame Art4Apps illustrations as cartoons (CC-BY-SA-3.0:
                        a style trained on them may have to carry ShareAlike terms). Off by default,
                        so that the data is public domain only.
  --samples             also rewrite sample-images/ (committed; only needed to change them).
EOF
}

include_sharealike=false
write_samples=false
while (($#)); do
    case "$1" in
        --include-sharealike) include_sharealike=true ;;
        --samples) write_samples=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "fetch-data.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
work=${TOONSMITH_DATA_WORK:-$here/work}
data=$here/data
samples_dir=$repo/sample-images

for tool in apt-get dpkg-deb md5sum convert identify; do
    command -v "$tool" >/dev/null || {
        echo "fetch-data.sh: needs '$tool'$([[ $tool == convert || $tool == identify ]] &&
            echo ' from ImageMagick (apt-get install imagemagick)')" >&2
        exit 1
    }
done

# The unseen test photos in sample-images/: file there | package | path inside the package.
# Listed here once, so that they are rewritten from the same source and never used for training.
SAMPLES=(
    "grace-hopper.jpg|python-matplotlib-data|usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg"
    "astronaut.jpg|python3-skimage|usr/lib/python3/dist-packages/skimage/data/astronaut.png"
    "cat.jpg|python3-skimage|usr/lib/python3/dist-packages/skimage/data/chelsea.png"
    "coffee.jpg|python3-skimage|usr/lib/python3/dist-packages/skimage/data/coffee.png"
    "rocket-launch.jpg|python3-skimage|usr/lib/python3/dist-packages/skimage/data/rocket.jpg"
    "city.jpg|endless-sky-data|usr/share/games/endless-sky/images/land/city11.jpg"
    "mountains.jpg|endless-sky-data|usr/share/games/endless-sky/images/land/mountain5.jpg"
    "countryside.jpg|endless-sky-data|usr/share/games/endless-sky/images/land/fields5.jpg"
)

# Clip art categories that look like things people photograph. Others (computer, shapes, signs,
# office, ...) are icons and symbols, not drawings of scenes and objects.
CLIPART_CATEGORIES=(animals buildings food people plants transportation)
# Drawings that pass the tests below but are no cartoons, found by looking at every one of them
# (openclipart-png 1:0.18+dfsg-19). Globs, relative to the clip art folder.
CLIPART_EXCLUDED=(
    # Road signs, sailing diagrams and knots: flat symbols, not drawings.
    "transportation/roadsigns/*" "transportation/boating/*"
    "transportation/@(Evel_Knievel|Motorway_on|airplane|bambi|bus_lane|bus_opposite|buses_and_bikes).png"
    "transportation/@(cattle|crosswind|cycle_lane|cycles|drawbridge|end_daul|grounded|horse|kaboom).png"
    "transportation/@(lorry_length|no_cycles|no_entry|old_folks|pass_either).png"
    "transportation/vehicles/@(crossroads|curve_ahead|cycle_lane|cycle_route).png"
    # Dozens of variants of one icon: they would outweigh the drawings.
    "people/stickmen/*" "people/smilies/*"
    # Rendered without their embedded bitmap: a red "Linked Image Not Found" placeholder.
    "animals/birds/penguin/tux_didier_fabert_01.png" "animals/birds/duck_yellow_ii_kurt_cagl_.png"
    "people/stylized_yoga_person_ger_0[1-5].png"
    # A photograph.
    "food/fruit/fruitcollection_leif_lod_07.png"
)
# A drawing's visible part must be at least this big, in pixels: the style is trained on 128-256 px
# crops, and enlarging small clip art would teach blur.
CLIPART_MIN_LONG_SIDE=256
CLIPART_MIN_SHORT_SIDE=128
# Mean chroma (0..1) of the visible pixels below which a drawing counts as black and white: line art
# and silhouettes would teach the generator to drain colour.
CLIPART_MIN_CHROMA=0.10

# GCompris activities whose photos are used (their public-domain and CC0 ones; see the photos section).
GCOMPRIS_ACTIVITIES=(erase explore_farm_animals explore_monuments explore_world_animals explore_world_music)
GCOMPRIS_MIN_SHORT_SIDE=400

mkdir -p "$work/debs" "$work/x" "$data"

# Downloads and unpacks a package once; later runs reuse it. Prints the unpacked root.
unpack() {
    local package=$1 deb root=$work/x/$1
    if [[ ! -f $root/.unpacked ]]; then
        deb=$(compgen -G "$work/debs/${package}_*.deb" | head -n 1 || true)
        if [[ -z $deb ]]; then
            echo "Downloading $package" >&2
            (cd "$work/debs" && apt-get download "$package" >&2) || {
                echo "fetch-data.sh: could not download $package; run 'apt-get update' once and retry" >&2
                exit 1
            }
            deb=$(compgen -G "$work/debs/${package}_*.deb" | head -n 1)
        fi
        echo "Unpacking $(basename "$deb")" >&2
        rm -rf "$root"
        mkdir -p "$root"
        dpkg-deb -x "$deb" "$root"
        dpkg-deb -f "$deb" Version >"$root/.unpacked"
    fi
    echo "$root"
}

version() { cat "$work/x/$1/.unpacked"; }

# Prints "pattern<TAB>licence<TAB>copyright<TAB>first comment line" for every pattern of every Files
# stanza of a machine-readable Debian copyright file, in file order (the last match wins).
copyright_rules() {
    awk '
        function flush() {
            if (files != "" && license != "") {
                n = split(files, patterns, /[ \t]+/)
                for (i = 1; i <= n; i++) if (patterns[i] != "") print patterns[i] "\t" license "\t" holder "\t" note
            }
            files = ""; license = ""; holder = ""; note = ""; field = ""
        }
        /^[ \t]*$/ { flush(); next }
        /^Files:/ { field = "files"; files = substr($0, 7); next }
        /^Copyright:/ { field = "copyright"; holder = substr($0, 12); sub(/^[ \t]+/, "", holder); next }
        /^License:/ { field = "license"; license = $2; next }
        /^[A-Za-z-]+:/ { field = ""; next }
        /^[ \t]/ {
            if (field == "files") files = files " " $0
            else if (field == "license" && note == "") { note = $0; sub(/^[ \t]+/, "", note) }
        }
        END { flush() }
    ' "$1"
}

# The licence of a path per copyright_rules output: "licence<TAB>copyright<TAB>comment" of the last
# matching rule, as the format says. A public-domain answer becomes "disputed<TAB>the other rule" when
# another rule for the same folder ($3) also matches with another licence: the file's globs overlap
# (desert1*, public domain Unsplash photos, also matches desert10-harro.jpg, CC-BY-SA-4.0), and only
# the stricter reading is safe.
licence_of() {
    local path=$1 rules_file=$2 folder=$3 pattern licence holder note last="" match
    local -a folder_matches=()
    while IFS=$'\t' read -r pattern licence holder note; do
        # shellcheck disable=SC2053 # the pattern is a glob on purpose
        [[ $path == $pattern ]] || continue
        last="$licence"$'\t'"$holder"$'\t'"$note"
        [[ $pattern == "$folder"/* ]] && folder_matches+=("$licence"$'\t'"$holder")
    done <"$rules_file"
    if [[ ${last%%$'\t'*} == public-domain ]]; then
        for match in "${folder_matches[@]}"; do
            if [[ ${match%%$'\t'*} != public-domain ]]; then
                echo "disputed"$'\t'"${match#*$'\t'} (${match%%$'\t'*})"
                return
            fi
        done
    fi
    echo "$last"
}

join_list() {
    local IFS=,
    local joined="$*"
    echo "${joined//,/, }"
}

is_sample() {
    local package=$1 path=$2 entry
    for entry in "${SAMPLES[@]}"; do
        [[ $entry == *"|$package|$path" ]] && return 0
    done
    return 1
}

is_excluded_clipart() {
    local pattern
    for pattern in "${CLIPART_EXCLUDED[@]}"; do
        # shellcheck disable=SC2053 # the pattern is a glob on purpose
        [[ $1 == $pattern ]] && return 0
    done
    return 1
}

manifest_new=$work/manifest.tsv.new
printf 'file\tpackage\tpath in package\tlicence\tcredit\n' >"$manifest_new"

# Makes folder $1 hold exactly the files named in $2 (one per line); files are produced by the caller.
remove_others() {
    local folder=$1 keep=$2 file
    for file in "$folder"/*; do
        [[ -e $file ]] || continue
        grep -qxF "$(basename "$file")" "$keep" || rm -f "$file"
    done
}

# --- Photos: public-domain Endless Sky landscapes and cities -------------------------------------
es=$(unpack endless-sky-data)
es_land=usr/share/games/endless-sky/images/land
es_copyright=$es/usr/share/doc/endless-sky-data/copyright
copyright_rules "$es_copyright" >"$work/endless-sky.rules"

mkdir -p "$data/photos"
photos_kept=$work/photos.list
: >"$photos_kept"
declare -A photo_sources=()
excluded_samples=()
disputed_photos=()
for source in "$es/$es_land"/*; do
    name=$(basename "$source")
    case "$name" in
        # Views of space, spacecraft and the Earth from orbit: not ground scenes like users' photos.
        space* | nasa* | station* | earthrise*) continue ;;
    esac
    if is_sample endless-sky-data "$es_land/$name"; then
        excluded_samples+=("$name")
        continue
    fi
    IFS=$'\t' read -r licence holder note <<<"$(licence_of "images/land/$name" "$work/endless-sky.rules" images/land)"
    if [[ $licence == disputed ]]; then
        disputed_photos+=("$name")
        continue
    fi
    [[ $licence == public-domain ]] || continue
    case "$note" in
        *unsplash*) origin=Unsplash ;;
        *morgue*) origin=morgueFile ;;
        *) origin=$holder ;;
    esac
    target=endless-sky-$name
    [[ $data/photos/$target -nt $source ]] || cp "$source" "$data/photos/$target"
    echo "$target" >>"$photos_kept"
    photo_sources[$origin]=$((${photo_sources[$origin]:-0} + 1))
    printf 'photos/%s\tendless-sky-data\t%s\tpublic domain (%s)\t%s\n' \
        "$target" "$es_land/$name" "$origin" "$holder" >>"$manifest_new"
done

# --- Photos: public-domain and CC0 GCompris photos of animals, monuments and musicians ------------
# Close-ups of fur, feathers, stone and people, which the Endless Sky landscapes lack: without them the
# style left such textures unflattened on users' photos. GCompris keeps them in Qt resource files.
gc=$(unpack gcompris-qt-data)
gc_rcc=usr/share/gcompris-qt/rcc
gc_work=$work/gcompris
gc_count=0
for activity in "${GCOMPRIS_ACTIVITIES[@]}"; do
    folder=$gc_work/$activity
    if [[ ! $folder/.extracted -nt $gc/$gc_rcc/$activity.rcc ]]; then
        rm -rf "$folder"
        "$here/extract-rcc.py" "$gc/$gc_rcc/$activity.rcc" "$folder" .webp README >/dev/null
        touch "$folder/.extracted"
    fi
    while IFS=$'\t' read -r name licence holder origin; do
        [[ -f $folder/$name ]] || continue
        # Public domain and CC0 only, so that the style stays free of attribution and ShareAlike terms.
        [[ ${licence,,} == "public domain" || ${licence,,} == cc0* ]] || continue
        (($(identify -format '%[fx:min(w,h)]' "$folder/$name") >= GCOMPRIS_MIN_SHORT_SIDE)) || continue
        target=gcompris-$activity--${name%.*}.jpg
        if [[ ! $data/photos/$target -nt $folder/$name ]]; then
            # About the Endless Sky photos' scale, so that crops see objects at a size users' photos show them.
            convert "$folder/$name" -auto-orient -strip -resize '720x720>' -quality 92 "$data/photos/$target"
        fi
        echo "$target" >>"$photos_kept"
        gc_count=$((gc_count + 1))
        printf 'photos/%s\tgcompris-qt-data\t%s (%s)\t%s\t%s, %s\n' \
            "$target" "$gc_rcc/$activity.rcc" "$name" "$licence" "$holder" "$origin" >>"$manifest_new"
    done < <("$here/extract-rcc.py" --licences "$folder"/README*)
done
remove_others "$data/photos" "$photos_kept"

# --- Cartoons: colourful public-domain clip art ---------------------------------------------------
ocp=$(unpack openclipart-png)
ocp_png=usr/share/openclipart/png

# One line per file: path, visible share, chroma x visibility, visible box (WxH+X+Y), width, height.
# Measuring takes a few minutes the first time, so results are kept and only new files are measured.
measures=$work/openclipart.measures
touch "$measures"
measure() {
    local file
    for file in "$@"; do
        # Record 1: mean alpha and the alpha's bounding box; record 2: mean of chroma x alpha.
        convert "$file" -alpha set -colorspace sRGB -type TrueColorAlpha \
            \( -clone 0 -alpha off -colorspace HCL -channel G -separate +channel \) \
            \( -clone 0 -alpha extract \) \
            \( -clone 1 -clone 2 -compose multiply -composite \) \
            -delete 0,1 -format '%[fx:mean] %@ %w %h\n' info: 2>/dev/null |
            awk -v f="$file" '
                NR == 1 { a = $1; box = $2; w = $3; h = $4 }
                NR == 2 { print f "\t" a "\t" $1 "\t" box "\t" w "\t" h }
                END { if (NR < 2) print f "\t0\t0\t0x0+0+0\t0\t0" }  # unreadable: recorded, never used'
    done
}
export -f measure
(
    cd "$ocp/$ocp_png"
    # Regular files only: the package links duplicates to one another.
    find "${CLIPART_CATEGORIES[@]}" -type f -name '*.png' | LC_ALL=C sort >"$work/openclipart.candidates"
    cut -f1 "$measures" | LC_ALL=C sort >"$work/openclipart.measured"
    LC_ALL=C comm -23 "$work/openclipart.candidates" "$work/openclipart.measured" >"$work/openclipart.todo"
    if [[ -s $work/openclipart.todo ]]; then
        echo "Measuring $(wc -l <"$work/openclipart.todo") clip art files (colour, visible size)" >&2
        tr '\n' '\0' <"$work/openclipart.todo" | xargs -0 -P 2 -n 20 bash -c 'measure "$@"' _ >>"$measures"
    fi
)

mkdir -p "$data/cartoons"
cartoons_kept=$work/cartoons.list
: >"$cartoons_kept"
declare -A seen_checksums=()
clipart_count=0
declare -A clipart_by_category=()
while IFS=$'\t' read -r path visible chroma_visible box _; do
    is_excluded_clipart "$path" && continue
    # Black-and-white or mostly invisible drawings, and drawings too small once their margins go.
    awk -v v="$visible" -v c="$chroma_visible" -v min="$CLIPART_MIN_CHROMA" \
        'BEGIN { exit !(v > 0.02 && c / v >= min) }' || continue
    [[ $box =~ ^([0-9]+)x([0-9]+) ]] || continue
    box_w=${BASH_REMATCH[1]} box_h=${BASH_REMATCH[2]}
    long=$((box_w > box_h ? box_w : box_h)) short=$((box_w < box_h ? box_w : box_h))
    ((long >= CLIPART_MIN_LONG_SIDE && short >= CLIPART_MIN_SHORT_SIDE)) || continue

    source=$ocp/$ocp_png/$path
    checksum=$(md5sum <"$source" | cut -c1-32)
    [[ -z ${seen_checksums[$checksum]:-} ]] || continue
    seen_checksums[$checksum]=1

    target=openclipart-${path//\//--}
    if [[ ! $data/cartoons/$target -nt $source ]]; then
        # Cut the transparent margins (random crops should land on the drawing), keeping a thin one
        # so that outlines do not touch the edge.
        convert "$source" -alpha set -trim +repage -bordercolor none -border 3% \
            -define png:exclude-chunks=date,time "$data/cartoons/$target"
    fi
    echo "$target" >>"$cartoons_kept"
    clipart_count=$((clipart_count + 1))
    category=${path%%/*}
    clipart_by_category[$category]=$((${clipart_by_category[$category]:-0} + 1))
    printf 'cartoons/%s\topenclipart-png\t%s\tpublic domain\topenclipart.org contributors\n' \
        "$target" "$ocp_png/$path" >>"$manifest_new"
done < <(LC_ALL=C sort "$measures")

art4apps_count=0
if $include_sharealike; then
    pysio=$(unpack pysiogame)
    art4apps=usr/share/games/pysiogame/res/images/art4apps
    while IFS= read -r path; do
        target=art4apps-${path//\//--}
        [[ $data/cartoons/$target -nt $pysio/$art4apps/$path ]] || cp "$pysio/$art4apps/$path" "$data/cartoons/$target"
        echo "$target" >>"$cartoons_kept"
        art4apps_count=$((art4apps_count + 1))
        printf 'cartoons/%s\tpysiogame\t%s\tCC-BY-SA-3.0\tArt4Apps (art4apps.org), via pysiogame\n' \
            "$target" "$art4apps/$path" >>"$manifest_new"
    done < <(cd "$pysio/$art4apps" && find . -type f -name '*.jpg' | sed 's|^\./||' | LC_ALL=C sort)
fi
remove_others "$data/cartoons" "$cartoons_kept"

# --- Licences ---------------------------------------------------------------------------------------
mkdir -p "$data/copyright"
cp "$es_copyright" "$data/copyright/endless-sky-data"
cp "$gc/usr/share/doc/gcompris-qt-data/copyright" "$data/copyright/gcompris-qt-data"
for activity in "${GCOMPRIS_ACTIVITIES[@]}"; do
    cp "$gc_work/$activity/README" "$data/copyright/gcompris-qt-data.$activity.README"
done
cp "$ocp/usr/share/doc/openclipart-png/copyright" "$data/copyright/openclipart-png"
rm -f "$data/copyright/pysiogame"
$include_sharealike && cp "$pysio/usr/share/doc/pysiogame/copyright" "$data/copyright/pysiogame"
mv "$manifest_new" "$data/manifest.tsv"

photo_count=$(wc -l <"$photos_kept")
photo_origins=$(for origin in "${!photo_sources[@]}"; do echo "$origin ${photo_sources[$origin]}"; done |
    LC_ALL=C sort | awk '{ printf "%s%s: %s", (NR > 1 ? ", " : ""), $1, $2 }')
clipart_categories=$(for c in "${!clipart_by_category[@]}"; do echo "$c ${clipart_by_category[$c]}"; done |
    LC_ALL=C sort | awk '{ printf "%s%s: %s", (NR > 1 ? ", " : ""), $1, $2 }')
{
    cat <<EOF
# Licences of the training data

Written by \`training/fetch-data.sh\`; do not edit. \`manifest.tsv\` lists every file with the path it
came from and its licence. The packages' copyright files are copied into \`copyright/\`.

| folder | Debian package | files | licence, as the package's copyright file states it |
|---|---|---|---|
| \`photos/\` | endless-sky-data $(version endless-sky-data) | $((photo_count - gc_count)) | public domain ($photo_origins) |
| \`photos/\` | gcompris-qt-data $(version gcompris-qt-data) | $gc_count | public domain or CC0-1.0, per file in the activities' READMEs (copied into \`copyright/\`; photographers and Wikimedia Commons sources in \`manifest.tsv\`) |
| \`cartoons/\` | openclipart-png $(version openclipart-png) | $clipart_count | public domain (Creative Commons Public Domain Dedication) |
EOF
    if $include_sharealike; then
        echo "| \`cartoons/\` | pysiogame $(version pysiogame) | $art4apps_count | CC-BY-SA-3.0: Art4Apps illustrations (Debian's copyright file says public domain; upstream Art4Apps is CC-BY-SA-3.0) |"
    fi
    cat <<EOF

Photos are the Endless Sky landscape and city photos whose stanza in \`copyright/endless-sky-data\`
says public domain; the CC-BY-SA ones and the views of space (\`space*\`, \`nasa*\`, \`station*\`,
\`earthrise*\`) are left out, and so are $(join_list "${excluded_samples[@]}"), which
are in \`sample-images/\` as unseen test photos. Left out as well: ${#disputed_photos[@]} photos that a
public-domain stanza claims only because its glob overlaps another photographer's CC-BY-SA files
($(join_list "${disputed_photos[@]}")). The GCompris photos (activities
$(join_list "${GCOMPRIS_ACTIVITIES[@]}")) are those whose README stanza says Public Domain or CC0,
at least ${GCOMPRIS_MIN_SHORT_SIDE} px on their short side, resized to at most 720 px.

Cartoons are colourful openclipart drawings ($clipart_categories) whose visible part is at least
${CLIPART_MIN_LONG_SIDE}x${CLIPART_MIN_SHORT_SIDE} px, without duplicates, cut to the drawing with a 3% transparent margin.
Road signs, sailing diagrams, icon variants, broken renders and a photograph were left out by eye
(\`CLIPART_EXCLUDED\` in the script).
EOF
    if ! $include_sharealike; then
        echo
        echo "No ShareAlike data is included: a style trained on this data is public domain material only."
    fi
} >"$data/LICENSES.md"

# --- Sample images (committed) -------------------------------------------------------------------------
if $write_samples; then
    mkdir -p "$samples_dir"
    for entry in "${SAMPLES[@]}"; do
        IFS='|' read -r file package path <<<"$entry"
        root=$(unpack "$package")
        if [[ $path == *.jpg ]] && (($(stat -c %s "$root/$path") <= 300 * 1024)) &&
            (($(identify -format '%[fx:max(w,h)]' "$root/$path") <= 1280)); then
            cp "$root/$path" "$samples_dir/$file" # small already: re-encoding would only lose detail
        else
            # At most 1280 px, no metadata, quality 90: small enough for git, good enough to judge by.
            convert "$root/$path" -auto-orient -strip -resize '1280x1280>' -quality 90 "$samples_dir/$file"
        fi
        echo "sample-images/$file: $(identify -format '%wx%h' "$samples_dir/$file"), $(($(stat -c %s "$samples_dir/$file") / 1024)) KB"
    done
fi

echo "Photos:   $photo_count in $data/photos ($photo_origins; GCompris, public domain or CC0: $gc_count)"
echo "Cartoons: $((clipart_count + art4apps_count)) in $data/cartoons (openclipart, public domain: $clipart_count;" \
    "Art4Apps, CC-BY-SA-3.0: $art4apps_count$($include_sharealike || echo ', pass --include-sharealike to add them'))"
echo "Licences: $data/LICENSES.md"
