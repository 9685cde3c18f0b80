#!/usr/bin/env bash
# Builds Toonsmith's installers with the JDK's jpackage: a self-contained app image (a jlinked Java runtime, the
# app, and this platform's natives only) and the platform's package: .deb on Linux, .msi on Windows (needs WiX 3),
# .dmg on macOS. Installers are built on the system they are for.
#
#   packaging/build.sh                 # Linux: packaging/target/Toonsmith (app image) and the .deb
#   packaging/build.sh --cuda          # the GPU edition (Linux, Windows): libtorch's CUDA natives instead of CPU
#   packaging/build.sh --skip-maven    # reuse app/target from an earlier `mvn package`
#   packaging/build.sh --image-only    # the app image without the platform package
#
# Needs JDK 17+ (jlink, jpackage) with JAVA_HOME or java on the PATH, Maven, and on Linux dpkg-deb, fakeroot and zip.
# Called from a script rather than a Maven plugin: jpackage plugins want Maven 3.9, and this keeps one command on
# every platform.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"  # the file-type properties name the icon relative to the root
pkg="$root/packaging"
out="$pkg/target"
edition=cpu
maven=yes
package=yes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cuda) edition=cuda ;;
    --skip-maven) maven=no ;;
    --image-only) package=no ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "packaging/build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "packaging/build.sh: $*" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64; type=deb ;;
  Darwin-arm64) platform=osx-aarch64; type=dmg ;;
  MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) platform=win-x86_64; type=msi ;;
  *) fail "no package is configured for $(uname -s) $(uname -m); see packaging/natives.properties" ;;
esac
[[ "$edition" == cuda && "$platform" == osx-* ]] && fail "there is no CUDA edition for macOS"

jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jlink jpackage jar; do
  command -v "${jdk_bin}$tool" >/dev/null || fail "${jdk_bin}$tool not found: install a full JDK 17 or later and set JAVA_HOME"
done
if [[ "$platform" == linux-* ]]; then
  for tool in dpkg-deb fakeroot zip; do
    command -v "$tool" >/dev/null || fail "$tool not found: install it (Debian/Ubuntu: apt install $tool)"
  done
fi

native() { # native KEY: the platform's value in natives.properties
  local line
  line="$(grep -E "^$platform\.$1=" "$pkg/natives.properties" | head -n 1)" || fail "natives.properties has no $platform.$1"
  echo "${line#*=}"
}

version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
[[ -n "$version" ]] || fail "cannot read the version from pom.xml"

if [[ "$maven" == yes ]]; then
  echo "Building the app (Maven, tests skipped; run 'mvn -B verify' for them)..."
  profile=""
  [[ "$edition" == cuda ]] && profile="-Pcuda"
  (cd "$root" && mvn -B -q -DskipTests -Dai.djl.offline=true $profile \
      -Dpytorch.native.classifier="$(native pytorch)" package)
fi
app_jar="$(ls "$root"/app/target/toonsmith-app-*.jar 2>/dev/null | grep -v -- -sources | head -n 1)"
[[ -n "$app_jar" && -d "$root/app/target/lib" ]] || fail "no app jar in app/target: run without --skip-maven"

rm -rf "$out"
mkdir -p "$out/input" "$out/image"

echo "Staging the app with the $platform natives only..."
cp "$app_jar" "$out/input/"
for jar in "$root"/app/target/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    pytorch-native-*) [[ "$name" == *"$(native pytorch)"* ]] || fail "$name is not for $platform: rebuild without --skip-maven" ;;
  esac
  cp "$jar" "$out/input/"
done

# trim JAR FAMILY KEEP: drops the jar's entries under FAMILY that are not under KEEP (other platforms' natives).
trim() {
  local jar="$out/input/$1" family="$2" keep="$3" entries drop
  [[ -f "$jar" ]] || fail "$1 is not among the app's libraries; update packaging/build.sh"
  entries="$(unzip -Z1 "$jar")"
  grep -q "^$keep" <<<"$entries" || fail "$1 has no entries under $keep; update packaging/natives.properties"
  drop="$(grep "^$family" <<<"$entries" | grep -v "^$keep" | grep -v '/$' || true)"
  if [[ -n "$drop" ]]; then
    echo "$drop" | zip -q -d "$jar" -@ >/dev/null
  fi
}
trim "$(cd "$out/input" && ls opencv-[0-9]*.jar)" nu/pattern/opencv/ "$(native opencv)"
trim "$(cd "$out/input" && ls onnxruntime-[0-9]*.jar)" ai/onnxruntime/native/ "$(native onnxruntime)"
cp -r "$root/sample-images" "$out/input/sample-images"
rm -f "$out/input/sample-images/SOURCES.md"
cp "$root/sample-images/SOURCES.md" "$out/input/sample-images-SOURCES.md"
# The user guide, for Help ▸ User guide (beside sample-images/, where the studio looks for it).
cp "$root/README.md" "$out/input/README.md"

echo "Linking a Java runtime..."
"${jdk_bin}jlink" --add-modules "$(tr -d ' \n' < "$pkg/jlink-modules.txt")" --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$out/runtime"

common=(--name Toonsmith --app-version "$version" --vendor "Toonsmith contributors"
  --description "Turns photos into cartoons with GANs: a studio, batch export and training.")
icon="$pkg/icons/toonsmith.png"
[[ "$platform" == win-* ]] && icon="$pkg/icons/toonsmith.ico"
[[ "$platform" == osx-* ]] && icon="$pkg/icons/toonsmith.icns"

echo "Making the app image..."
"${jdk_bin}jpackage" --type app-image "${common[@]}" --dest "$out/image" \
  --input "$out/input" --main-jar "$(basename "$app_jar")" --main-class dev.toonsmith.app.Main \
  --runtime-image "$out/runtime" --icon "$icon" \
  --java-options "-Dai.djl.offline=true" \
  --java-options "-Dtoonsmith.installed=true" \
  --java-options '-Dtoonsmith.samples=$APPDIR/sample-images'

image="$out/image/Toonsmith"
if [[ "$platform" == linux-* ]]; then
  cp "$pkg/linux/toonsmith" "$pkg/runtime-env.sh" "$image/bin/"
  chmod 755 "$image/bin/toonsmith"
fi
if [[ "$package" == no ]]; then
  :
elif [[ "$platform" == linux-* ]]; then
  echo "Making the .deb..."
  "${jdk_bin}jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$image" \
    --linux-package-name toonsmith --linux-deb-maintainer "toonsmith@users.noreply.github.com" \
    --linux-menu-group "Graphics" --linux-app-category graphics --linux-shortcut \
    --icon "$icon" --file-associations "$pkg/toon-files.properties" \
    --resource-dir "$pkg/linux" --license-file "$root/LICENSE"
else
  "${jdk_bin}jpackage" --type "$type" "${common[@]}" --dest "$out" --app-image "$image"* \
    --file-associations "$pkg/toon-files.properties" --license-file "$root/LICENSE"
fi

echo
echo "Built ($edition edition, $platform):"
du -sh "$out/image/Toonsmith"* | sed 's/^/  app image: /'
for f in "$out"/*."$type"; do
  [[ -e "$f" ]] && echo "  $type: $f ($(du -h "$f" | cut -f1))"
done
exit 0
