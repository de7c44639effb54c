#!/usr/bin/env bash
# Pins the action inside the reusable workflow to a release commit, so that a caller who pins the
# workflow (`build-image.yml@<sha>` or `@v1.2.3`) also pins the action it runs: a `uses:` cannot be
# an expression, and `strata-dev/strata@v1` inside it would follow the moving major tag.
#
#   scripts/pin-release.sh SHA VERSION [WORKFLOW]
#
# Run by .github/workflows/release.yml; exits non-zero unless exactly one `uses:` line changed.
set -euo pipefail
sha=${1:?usage: pin-release.sh SHA VERSION [WORKFLOW]}
version=${2:?usage: pin-release.sh SHA VERSION [WORKFLOW]}
workflow=${3:-.github/workflows/build-image.yml}
[[ "$sha" =~ ^[0-9a-f]{40}$ ]] || { echo "pin-release: SHA must be a full 40-character commit id, got '$sha'" >&2; exit 2; }
[[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "pin-release: VERSION must look like v1.2.3, got '$version'" >&2; exit 2; }
pattern='^( *- *| +)uses: strata-dev/strata@v[0-9]+ *$'
count=$(grep -cE "$pattern" "$workflow" || true)
[ "$count" = 1 ] || { echo "pin-release: expected one 'uses: strata-dev/strata@vN' line in $workflow, found $count" >&2; exit 1; }
sed -E -i "s|^( *- *\| +)uses: strata-dev/strata@v[0-9]+ *$|\1uses: strata-dev/strata@${sha} # ${version}|" "$workflow"
grep -qE "uses: strata-dev/strata@${sha} # ${version}$" "$workflow"
echo "pin-release: $workflow now runs strata-dev/strata@$sha ($version)"
