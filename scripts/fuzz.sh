#!/usr/bin/env bash
# Builds the libFuzzer targets (clang) and runs each for a bounded time: the config loader, then the
# result-file readers (summarize, report, merge) on HDF5 bytes.
#   bash scripts/fuzz.sh [SECONDS]       default 60, per target
# Environment (optional): BUILD_DIR=build-fuzz, JOBS=$(nproc).
# Seed corpus: the malformed-config corpus, the good configs and the shipped scenarios (copied into
# a scratch corpus folder, so the fuzzer's new inputs never land in the source tree). A crash leaves
# a crash-* file in $BUILD_DIR/artifacts and makes this script fail: turn it into a regression file
# in tests/data/config/fuzz_regressions/ and fix config/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build_dir=${BUILD_DIR:-build-fuzz}
jobs=${JOBS:-$(nproc)}

SISIM_FUZZ=1 bash scripts/install-deps.sh

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_COMPILER=clang -DSISIM_BUILD_FUZZERS=ON -DSISIM_BUILD_TESTS=OFF -DSISIM_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs" --target config_fuzzer hdf5_fuzzer sisim

corpus="$build_dir/corpus/config"
artifacts="$build_dir/artifacts"
mkdir -p "$corpus" "$artifacts"
cp tests/data/config/bad/*.yaml tests/data/config/good/*.yaml "$corpus"/
find scenarios -name '*.yaml' -exec cp {} "$corpus"/ \;
[ -d tests/data/config/fuzz_regressions ] && cp tests/data/config/fuzz_regressions/* "$corpus"/ 2>/dev/null || true

# CI fuzzes a fixed number of inputs from a fixed seed (FUZZ_SEED; FUZZ_RUNS_CONFIG, FUZZ_RUNS_HDF5),
# so a red CI is a bug anyone can replay; without FUZZ_SEED each target runs SECONDS from a random seed.
config_limit=(-max_total_time="$seconds")
hdf5_limit=(-max_total_time="$seconds")
if [ -n "${FUZZ_SEED:-}" ]; then
  config_limit=(-seed="$FUZZ_SEED" -runs="${FUZZ_RUNS_CONFIG:-60000}")
  hdf5_limit=(-seed="$FUZZ_SEED" -runs="${FUZZ_RUNS_HDF5:-20000}")
fi

# Deep nesting must give an error, not a stack overflow: the default 8 MB stack is what users have.
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  "$build_dir/fuzz/config_fuzzer" "$corpus" "${config_limit[@]}" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" 2>&1 | tail -n 40

# The HDF5 readers, seeded with small real files of every kind (run, stress, sweep slice, price).
h5corpus="$build_dir/corpus/hdf5"
mkdir -p "$h5corpus"
sisim="$build_dir/sisim"
export SOURCE_DATE_EPOCH=0  # a corpus of the same bytes on every machine: a CI failure replays
"$sisim" run scenarios/herning-viborg.yaml -o "$h5corpus/run.h5" --paths 8 --quiet --force >/dev/null
"$sisim" stress scenarios/herning-viborg.yaml --cases scenarios/stress/standard.yaml -o "$h5corpus/stress.h5" \
  --paths 8 --quiet --force >/dev/null
"$sisim" sweep scenarios/sweeps/effect-by-price.yaml -o "$h5corpus/sweep.h5" --points 0:2 --paths 8 --quiet \
  --force >/dev/null
"$sisim" price scenarios/herning-viborg.yaml -o "$h5corpus/price.h5" --paths 8 --quiet --force \
  --set pricing.scan_points=3 --set pricing.tolerance=0.5 >/dev/null
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  "$build_dir/fuzz/hdf5_fuzzer" "$h5corpus" "${hdf5_limit[@]}" -timeout=20 -rss_limit_mb=2048 \
  -max_len=2097152 -print_final_stats=1 -artifact_prefix="$artifacts/hdf5-" 2>&1 | tail -n 40
