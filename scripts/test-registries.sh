#!/usr/bin/env bash
# The second registry and the remote builder the e2e tests also run against, built from source:
#   - the distribution registry v3 (github.com/distribution/distribution/v3, cmd/registry); the
#     v2.8 one comes from Debian (docker-registry, installed by testenv docker-up.sh);
#   - buildkitd (github.com/moby/buildkit, cmd/buildkitd), attached by the remote-builder test with
#     `docker buildx create --driver remote`. It runs builds with the OCI worker, i.e. runc, which
#     docker-up.sh installs.
# zot is not built: its module path (zotregistry.dev/zot) is not served by the Go module proxy here.
#
# Usage: scripts/test-registries.sh
#   Builds what is missing (static, CGO_ENABLED=0) under $STRATA_TEST_REGISTRIES, default
#   /var/cache/strata-test-registries, and prints nothing when everything is there. The tests find
#   the binaries at $STRATA_TEST_REGISTRIES/{registry-v3,buildkitd-v0.34.2}/… (see
#   __tests__/support/registry.ts and __tests__/support/buildkitd.ts).
# Needs: Go >= 1.26 (buildkit's go.mod asks for it) and the Go module proxy.
set -euo pipefail
dir=${STRATA_TEST_REGISTRIES:-/var/cache/strata-test-registries}
distribution_version=3.0.0
buildkit_version=0.34.2
mkdir -p "$dir"
log() { echo "test-registries: $*" >&2; }

# Builds a Go main package from its module in a scratch module (like scripts/test-builder.sh), so
# the version is the one asked for and the build does not depend on the caller's directory.
go_build() { # out module@version package ldflags
  local out=$1 modver=$2 pkg=$3 ldflags=$4
  local work; work=$(mktemp -d)
  printf 'module strata.test/toolbuild\ngo 1.26\n' >"$work/go.mod"
  (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod go get "$modver" >"$work/log" 2>&1 \
    && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp" "$pkg" >>"$work/log" 2>&1) \
    || { cat "$work/log" >&2; rm -rf "$work"; return 1; }
  mv "$out.tmp" "$out" # a build cut short never leaves a binary the "skip when present" check trusts
  rm -rf "$work"
}

registry_bin=$dir/registry-v$distribution_version/registry
if [ ! -x "$registry_bin" ]; then
  log "building the distribution registry v$distribution_version from source (first run only)"
  mkdir -p "$(dirname "$registry_bin")"
  go_build "$registry_bin" "github.com/distribution/distribution/v3@v$distribution_version" \
    github.com/distribution/distribution/v3/cmd/registry \
    "-X github.com/distribution/distribution/v3/version.version=v$distribution_version"
fi
ln -sfn "registry-v$distribution_version" "$dir/registry-v3"

buildkitd_bin=$dir/buildkitd-v$buildkit_version/buildkitd
if [ ! -x "$buildkitd_bin" ]; then
  log "building buildkitd v$buildkit_version from source (first run only)"
  mkdir -p "$(dirname "$buildkitd_bin")"
  go_build "$buildkitd_bin" "github.com/moby/buildkit@v$buildkit_version" \
    github.com/moby/buildkit/cmd/buildkitd \
    "-X github.com/moby/buildkit/version.Version=v$buildkit_version"
fi
ln -sfn "buildkitd-v$buildkit_version" "$dir/buildkitd"
