#!/usr/bin/env bash
# Sets up everything: Debian packages, then a build of sisim (release, in build/, by default).
# Environment (all optional):
#   BUILD_DIR=build        where to build
#   BUILD_TYPE=Release     CMake build type
#   CMAKE_ARGS="..."       extra CMake arguments, e.g. "-DSISIM_WITH_MPI=ON"
#   SISIM_MPI=1            also install Open MPI and build with -DSISIM_WITH_MPI=ON
#   SISIM_SANITIZE=1       build with AddressSanitizer and UndefinedBehaviorSanitizer
#   BUILD_TARGET=sisim     build one target instead of everything
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON   # CI treats warnings as errors
args=(-DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DSISIM_WERROR="$werror")
# The Python module is built for Debian's python3, the interpreter the packages above serve (a
# python3 earlier on PATH, e.g. from pyenv, would lack numpy and pandas).
[ -x /usr/bin/python3 ] && args+=(-DPython3_EXECUTABLE=/usr/bin/python3)
[ "${SISIM_MPI:-}" = "1" ] && args+=(-DSISIM_WITH_MPI=ON)
if [ "${SISIM_SANITIZE:-}" = "1" ]; then
  args+=(-DSISIM_BUILD_BENCHMARKS=OFF
         # GCC 12 reports maybe-uninitialized false positives inside libstdc++'s <regex> when
         # instrumented (std::function in _State); the Release build keeps the warning.
         "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -Wno-maybe-uninitialized")
fi
# shellcheck disable=SC2206  # CMAKE_ARGS is a plain list of -D arguments without spaces
args+=(${CMAKE_ARGS:-})
cmake -S . -B "$build_dir" -G Ninja "${args[@]}" >/dev/null
if [ -n "${BUILD_TARGET:-}" ]; then
  cmake --build "$build_dir" -j"$(nproc)" --target "$BUILD_TARGET"
else
  cmake --build "$build_dir" -j"$(nproc)"
fi
