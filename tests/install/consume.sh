#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then a tiny project (consumer/) that finds the package
# with find_package(sisim), links sisim::sisim and runs a scenario through the front door.
# Usage: consume.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
test -f "$work/prefix/lib/cmake/sisim/sisimConfig.cmake"
test -x "$work/prefix/bin/sisim"
test -f "$work/prefix/include/sim/api/front_door.hpp"
launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$source/tests/install/consumer" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" "${launcher[@]}" > "$work/configure.log" || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/consumer" > "$work/build.log" || { cat "$work/build.log"; exit 1; }
"$work/consumer/consumer" "$source/scenarios/herning-viborg.yaml"
