#!/usr/bin/env bash
# The real Cloud Native Buildpacks stack for tests, benches and the example, built from source:
#   - pack at the version Strata pins for users (src/build/pack-install.ts DEFAULT_PACK_VERSION)
#     and the lifecycle pack ships as its default (pack's internal/builder DefaultLifecycleVersion),
#     both static (CGO_ENABLED=0), from the Go module proxy;
#   - the lifecycle packaged as `pack builder create` takes it ([lifecycle] uri = a local .tgz
#     holding lifecycle.toml + lifecycle/{lifecycle,launcher,<phase symlinks>});
#   - build and run images made from busybox (testenv base-image.sh) with what the Platform API
#     needs (CNB_USER_ID/CNB_GROUP_ID, stack id and target labels);
#   - two builders holding the fixture buildpack __tests__/fixtures/buildpacks/strata-node (detects
#     package.json): one runs as 1001:1000 like Paketo's jammy builders, one as 1000:1000.
#
# Usage: scripts/test-builder.sh HOST:PORT
#   Builds what is missing (cached under $STRATA_TEST_STACK, default /var/cache/strata-test-stack),
#   links pack into /usr/local/bin (so it is on PATH), publishes the images to the registry at
#   HOST:PORT and prints the 1001:1000 builder's reference on its last line. The other references
#   follow one pattern: HOST:PORT/strata-test/{builder,build,run}:uid-{1001,1000}.
# Needs: ../shared/testenv/docker-up.sh run first, Go >= 1.25, a running registry at HOST:PORT.
set -euo pipefail
registry=${1:?usage: test-builder.sh HOST:PORT | --tools-only}
here=$(cd "$(dirname "$0")/.." && pwd)
testenv=${STRATA_TESTENV:-$here/../shared/testenv}
stack=${STRATA_TEST_STACK:-/var/cache/strata-test-stack}
pack_version=$(sed -n "s/^export const DEFAULT_PACK_VERSION = '\(.*\)';/\1/p" "$here/src/build/pack-install.ts")
lifecycle_version=0.21.0 # pack 0.40's DefaultLifecycleVersion
[ -n "$pack_version" ] || { echo "test-builder: DEFAULT_PACK_VERSION not found in src/build/pack-install.ts" >&2; exit 1; }
mkdir -p "$stack"
log() { echo "test-builder: $*" >&2; }

# Builds a Go main package from its module in a scratch module, so the module's own go.mod
# replace directives can be repeated (go install ignores them and refuses such modules).
go_build() { # out module@version package ldflags [replace...]
  local out=$1 modver=$2 pkg=$3 ldflags=$4; shift 4
  local work; work=$(mktemp -d)
  { echo 'module strata.test/toolbuild'; echo 'go 1.25'; for r in "$@"; do echo "replace $r"; done; } >"$work/go.mod"
  (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod go get "$modver" >"$work/log" 2>&1 \
    && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w $ldflags" -o "$out" "$pkg" >>"$work/log" 2>&1) \
    || { cat "$work/log" >&2; rm -rf "$work"; return 1; }
  rm -rf "$work"
}

# 1. pack
pack_bin=$stack/pack-$pack_version/pack
if [ ! -x "$pack_bin" ]; then
  log "building pack $pack_version from source (first run only)"
  mkdir -p "$(dirname "$pack_bin")"
  go_build "$pack_bin" "github.com/buildpacks/pack@v$pack_version" github.com/buildpacks/pack \
    "-X github.com/buildpacks/pack/pkg/client.Version=$pack_version" \
    'github.com/BurntSushi/toml => github.com/BurntSushi/toml v1.3.2'
fi
ln -sf "$pack_bin" /usr/local/bin/pack

# 2. lifecycle, packaged for `pack builder create`
lifecycle_tgz=$stack/lifecycle-v$lifecycle_version+linux.x86-64.tgz
if [ ! -f "$lifecycle_tgz" ]; then
  log "building lifecycle $lifecycle_version from source (first run only)"
  pkgdir=$(mktemp -d); mkdir -p "$pkgdir/lifecycle"
  go_build "$pkgdir/lifecycle/lifecycle" "github.com/buildpacks/lifecycle@v$lifecycle_version" \
    github.com/buildpacks/lifecycle/cmd/lifecycle "-X github.com/buildpacks/lifecycle/cmd.Version=$lifecycle_version"
  go_build "$pkgdir/lifecycle/launcher" "github.com/buildpacks/lifecycle@v$lifecycle_version" \
    github.com/buildpacks/lifecycle/cmd/launcher "-X github.com/buildpacks/lifecycle/cmd.Version=$lifecycle_version"
  for phase in detector analyzer restorer builder exporter rebaser creator extender; do ln -s lifecycle "$pkgdir/lifecycle/$phase"; done
  # The descriptor the lifecycle's own packager writes (lifecycle.toml filled from api/apis.go).
  cat >"$pkgdir/lifecycle.toml" <<TOML
[apis]
[apis.buildpack]
  deprecated = []
  supported = ["0.7", "0.8", "0.9", "0.10", "0.11", "0.12"]
[apis.platform]
  deprecated = []
  supported = ["0.7", "0.8", "0.9", "0.10", "0.11", "0.12", "0.13", "0.14", "0.15"]

[api]
  platform = "0.7"
  buildpack = "0.7"

[lifecycle]
  version = "$lifecycle_version"
  sbom-formats = ["application/vnd.cyclonedx+json", "application/spdx+json", "application/vnd.syft+json"]
TOML
  tar -C "$pkgdir" --owner=0 --group=0 -czf "$lifecycle_tgz.tmp" lifecycle.toml lifecycle
  mv "$lifecycle_tgz.tmp" "$lifecycle_tgz"
  rm -rf "$pkgdir"
fi

if [ "$registry" = --tools-only ]; then exit 0; fi

# 3. build and run images, and the builders, in the registry
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
busybox=$registry/strata-test/busybox:stack
"$testenv/base-image.sh" "$busybox" >/dev/null
buildx() { docker buildx build --provenance=false --push "$@" >"$work/buildx.log" 2>&1 || { cat "$work/buildx.log" >&2; exit 1; }; }
# A label value the lifecycle (Platform API >= 0.12 targets) and older stack checks both accept.
stack_id=io.strata.test.busybox
for ids in 1001:1000 1000:1000; do
  uid=${ids%%:*}; gid=${ids##*:}
  for kind in build run; do
    cat >"$work/Dockerfile.$kind" <<DOCKERFILE
FROM $busybox
RUN mkdir -p /home/cnb /workspace && echo "cnb:x:$uid:$gid::/home/cnb:/bin/sh" >>/etc/passwd \\
 && echo "cnb:x:$gid:" >>/etc/group && echo "root:x:0:0::/root:/bin/sh" >>/etc/passwd \\
 && chown $uid:$gid /home/cnb && chmod 1777 /tmp
ENV CNB_USER_ID=$uid CNB_GROUP_ID=$gid HOME=/home/cnb
LABEL io.buildpacks.stack.id=$stack_id io.buildpacks.base.distro.name=busybox io.buildpacks.base.distro.version=1
USER $uid:$gid
DOCKERFILE
    buildx -f "$work/Dockerfile.$kind" -t "$registry/strata-test/$kind:uid-$uid" "$work"
  done
  cat >"$work/builder-$uid.toml" <<TOML
description = "Strata test builder: busybox stack, runs as $uid:$gid"

[[buildpacks]]
uri = "$here/__tests__/fixtures/buildpacks/strata-node"

[[order]]
[[order.group]]
id = "strata-test/node"
version = "0.1.0"

[lifecycle]
uri = "$lifecycle_tgz"

[stack]
id = "$stack_id"
build-image = "$registry/strata-test/build:uid-$uid"
run-image = "$registry/strata-test/run:uid-$uid"

[build]
image = "$registry/strata-test/build:uid-$uid"

[[run.images]]
image = "$registry/strata-test/run:uid-$uid"

[[targets]]
os = "linux"
arch = "amd64"
TOML
  "$pack_bin" builder create "$registry/strata-test/builder:uid-$uid" --config "$work/builder-$uid.toml" \
    --publish --pull-policy if-not-present --quiet >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
done
log "pack $pack_version, lifecycle $lifecycle_version; builders published to $registry"
echo "$registry/strata-test/builder:uid-1000"
echo "$registry/strata-test/builder:uid-1001"
