#!/bin/sh
# Trunk's post-build hook (Trunk.toml), run in the staging directory of every build:
# - 404.html (the app itself, for hosts such as GitHub Pages that serve it for an unknown
#   path) and _redirects (the rewrite rule of Netlify-style hosts), both following
#   --public-url (README "Put it online");
# - sw.js gets the list of the build's files and a version made from their contents, so a
#   new build is a new service worker (README "Offline and updates").
set -eu
cd "$TRUNK_STAGING_DIR"
cp index.html 404.html
printf '%s*  %sindex.html  200\n' "$TRUNK_PUBLIC_URL" "$TRUNK_PUBLIC_URL" > _redirects

files=$(find . -type f ! -name sw.js ! -name 404.html ! -name _redirects | sed 's|^\./||' | LC_ALL=C sort)
version=$(cat $files | cksum | cut -d ' ' -f 1)
list=$(for f in $files; do printf '"%s",' "$f"; done)
sed -e "s|^const FILES = .*|const FILES = [${list%,}];|" \
    -e "s|^const VERSION = .*|const VERSION = '${version}';|" sw.js > sw.js.new
mv sw.js.new sw.js
