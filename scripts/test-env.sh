#!/usr/bin/env bash
# Brings up what the tests need on this machine: the real Docker engine, buildx, the CNCF
# registry and skopeo (../shared/testenv/docker-up.sh, idempotent), and htpasswd for the
# authenticated-registry tests, Debian's Chromium (with a font) for the render test, which
# shows each report as GitHub would (no browser download), and the distribution registry v3 and
# buildkitd built from source (scripts/test-registries.sh, cached). Fast when everything is
# already there.
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

# The runner's user, as on GitHub-hosted runners: uid 1001, in the docker group, with
# passwordless sudo. Tests that check file ownership run their steps as this user (as root,
# ownership checks prove nothing: root keeps owners anyway).
if ! command -v sudo >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo >/dev/null; }
fi
getent group docker >/dev/null || groupadd --system docker
getent group runner >/dev/null || groupadd --gid 1001 runner
id runner >/dev/null 2>&1 || useradd --uid 1001 --gid runner --groups docker --create-home --shell /bin/bash runner
[ -f /etc/sudoers.d/runner ] || { echo 'runner ALL=(ALL) NOPASSWD:ALL' >/etc/sudoers.d/runner; chmod 0440 /etc/sudoers.d/runner; }
sock=/var/run/docker.sock
[ -S "$sock" ] && [ "$(stat -c %G "$sock")" != docker ] && chgrp docker "$sock" && chmod 0660 "$sock"

# The real pack and lifecycle, built from source once per machine (scripts/test-builder.sh
# publishes builders to each test registry; building here keeps that step to seconds).
"$here/scripts/test-builder.sh" --tools-only

# actionlint for the workflow lint test (__tests__/unit/actionlint.test.ts): built from the Go
# module proxy once, pinned; skipped when already there.
ACTIONLINT_VERSION=v1.7.12
gobin=$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin
have=$("$gobin/actionlint" -version 2>/dev/null | head -1 || true)
if [ "$have" != "$ACTIONLINT_VERSION" ] && command -v go >/dev/null 2>&1; then
  go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >/dev/null 2>&1 \
    || echo "test-env: could not build actionlint $ACTIONLINT_VERSION (the workflow lint test will say so)" >&2
fi

# Debian's Chromium and a font for the render test (__tests__/render): no browser downloads;
# OpenSSH's agent and tools for the ssh tests (build secrets, the reusable workflow's agent step).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ssh-keygen >/dev/null 2>&1 && command -v ssh-agent >/dev/null 2>&1 || need+=(openssh-client)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

# The distribution registry v3 and buildkitd (remote BuildKit) for the e2e tests that run on more
# than one registry and builder: built from the Go module proxy once, cached.
"$here/scripts/test-registries.sh"
