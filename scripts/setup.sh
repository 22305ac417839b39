#!/usr/bin/env bash
# Sets up everything: Debian packages, then a release build of sisim in build/.
# Usage: bash scripts/setup.sh            (BUILD_DIR and BUILD_TYPE may be set in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON   # CI treats warnings as errors
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DSISIM_WERROR="$werror" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
