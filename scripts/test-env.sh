#!/usr/bin/env bash
# Brings up what the tests need on this machine: the real Docker engine, buildx, the CNCF
# registry and skopeo (../shared/testenv/docker-up.sh, idempotent), htpasswd for the
# authenticated-registry tests, and the distribution registry v3 and buildkitd built from source
# (scripts/test-registries.sh, cached). Fast when everything is already there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
testenv=${STRATA_TESTENV:-$here/../shared/testenv}
if [ ! -x "$testenv/docker-up.sh" ]; then
  echo "test-env: $testenv/docker-up.sh not found; set STRATA_TESTENV to the testenv folder" >&2
  exit 1
fi
"$testenv/docker-up.sh" >/dev/null
if ! command -v htpasswd >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends apache2-utils >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends apache2-utils >/dev/null; }
fi
"$here/scripts/test-registries.sh"
