#!/usr/bin/env bash
# Vendor the front-end libraries from the npm registry into static/vendor/ (nothing loads from a CDN).
# Source-map comments are stripped: the maps are not shipped, and Django's manifest storage
# (collectstatic under production settings) refuses a file that references a missing one.
# Run `make vendor` after changing a version below, then commit static/vendor/.
set -euo pipefail
BOOTSTRAP=5.3.9
HTMX=2.0.11
JSQR=1.4.0
CHARTJS=4.6.1
CYTOSCAPE=3.35.0
TERSER=5

cd "$(dirname "$0")/.."
dest=static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "bootstrap@$BOOTSTRAP" "htmx.org@$HTMX" "jsqr@$JSQR" "chart.js@$CHARTJS" \
  "cytoscape@$CYTOSCAPE" >/dev/null)
for pkg in bootstrap htmx jsqr chartjs cytoscape; do mkdir -p "$work/$pkg"; done
tar xzf "$work/bootstrap-$BOOTSTRAP.tgz" -C "$work/bootstrap"
tar xzf "$work/htmx.org-$HTMX.tgz" -C "$work/htmx"
tar xzf "$work/jsqr-$JSQR.tgz" -C "$work/jsqr"
tar xzf "$work/chart.js-$CHARTJS.tgz" -C "$work/chartjs"
tar xzf "$work/cytoscape-$CYTOSCAPE.tgz" -C "$work/cytoscape"

strip_maps() {  # drop `//# sourceMappingURL=...` and `/*# sourceMappingURL=... */` lines
  sed -E '/^[[:space:]]*(\/\/|\/\*)# sourceMappingURL=.*$/d' "$1" > "$2"
}

mkdir -p "$dest/bootstrap" "$dest/htmx" "$dest/jsqr" "$dest/chartjs" "$dest/cytoscape"
strip_maps "$work/bootstrap/package/dist/css/bootstrap.min.css" "$dest/bootstrap/bootstrap.min.css"
strip_maps "$work/bootstrap/package/dist/js/bootstrap.bundle.min.js" "$dest/bootstrap/bootstrap.bundle.min.js"
cp "$work/bootstrap/package/LICENSE" "$dest/bootstrap/LICENSE"
strip_maps "$work/htmx/package/dist/htmx.min.js" "$dest/htmx/htmx.min.js"
cp "$work/htmx/package/LICENSE" "$dest/htmx/LICENSE"
# jsQR ships unminified only; minify it with terser (also from npm).
{
  echo "/*! jsQR $JSQR | Apache-2.0 | https://github.com/cozmo/jsQR | npm pack jsqr@$JSQR, minified with terser $TERSER */"
  (cd "$work" && npx --yes "terser@$TERSER" jsqr/package/dist/jsQR.js --compress --mangle)
} > "$work/jsQR.min.js"
strip_maps "$work/jsQR.min.js" "$dest/jsqr/jsQR.min.js"
cp "$work/jsqr/package/LICENSE" "$dest/jsqr/LICENSE"
# The dashboard's charts (Chart.js UMD build: window.Chart) and network map (Cytoscape.js: window.cytoscape).
strip_maps "$work/chartjs/package/dist/chart.umd.min.js" "$dest/chartjs/chart.umd.min.js"
cp "$work/chartjs/package/LICENSE.md" "$dest/chartjs/LICENSE.md"
strip_maps "$work/cytoscape/package/dist/cytoscape.min.js" "$dest/cytoscape/cytoscape.min.js"
cp "$work/cytoscape/package/LICENSE" "$dest/cytoscape/LICENSE"
echo "vendored bootstrap $BOOTSTRAP, htmx $HTMX, jsQR $JSQR, Chart.js $CHARTJS, Cytoscape.js $CYTOSCAPE into $dest"
