#!/usr/bin/env bash
# Brings up what the tests need on this machine: the real Docker engine, buildx, the CNCF
# registry and skopeo (../shared/testenv/docker-up.sh, idempotent), and htpasswd for the
# authenticated-registry tests. Fast when everything is already there.
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
# actionlint for the workflow lint test (__tests__/unit/actionlint.test.ts): built from the Go
# module proxy once, pinned; skipped when already there.
ACTIONLINT_VERSION=v1.7.12
gobin=$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin
have=$("$gobin/actionlint" -version 2>/dev/null | head -1 || true)
if [ "$have" != "$ACTIONLINT_VERSION" ] && command -v go >/dev/null 2>&1; then
  go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >/dev/null 2>&1 \
    || echo "test-env: could not build actionlint $ACTIONLINT_VERSION (the workflow lint test will say so)" >&2
fi
