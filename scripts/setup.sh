#!/usr/bin/env bash
# Install what a fresh Debian/Ubuntu machine lacks to run oci-mirror's demo and tests:
# docker-registry (the real registry the tests and the demo start), skopeo (the independent
# checker and benchmark peer), unzip (to unpack the helm binary), jq (the README's report queries are
# tested with it), the npm packages, and helm.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in docker-registry skopeo unzip jq; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

npm ci --no-audit --no-fund
node_modules/.bin/node --version
node scripts/fetch-helm.mjs
