#!/usr/bin/env bash
# Installs the system packages the test suite needs when they are missing (Debian 12):
# chromium for the end-to-end tests, PostgreSQL for the server tests, and fonts with full
# Vietnamese coverage for generated documents. Takes a fraction of a second when all is present.
set -euo pipefail

missing=()

have_pkg() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

[[ -x /usr/bin/chromium ]] || missing+=(chromium)

initdb_found=false
for f in /usr/lib/postgresql/*/bin/initdb; do
  if [[ -x "$f" ]]; then
    initdb_found=true
    break
  fi
done
if [[ "$initdb_found" == false ]]; then
  missing+=(postgresql postgresql-contrib)
elif ! compgen -G '/usr/share/postgresql/*/extension/unaccent.control' >/dev/null; then
  # The extensions Motcua uses (unaccent, pg_trgm) come with contrib.
  missing+=(postgresql-contrib)
fi

have_pkg fonts-liberation2 || missing+=(fonts-liberation2)
have_pkg fonts-dejavu-core || missing+=(fonts-dejavu-core)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "ensure-test-deps: all present"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "ensure-test-deps: missing system packages: ${missing[*]}" >&2
  echo "ensure-test-deps: install them as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "ensure-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

echo "ensure-test-deps: done"
