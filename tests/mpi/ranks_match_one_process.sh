#!/usr/bin/env bash
# MPI determinism: `mpirun -np K sisim run` must give the same HDF5 content as one process with
# the same seed (root attributes, which record the command line and thread count, excepted).
# Usage: ranks_match_one_process.sh SISIM_BINARY SCENARIO
set -euo pipefail
sisim=$1
scenario=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mpi_flags=(--oversubscribe)
[ "$(id -u)" -eq 0 ] && mpi_flags+=(--allow-run-as-root)

"$sisim" run "$scenario" -o "$dir/one.h5" --paths 700 --quiet --threads 2
for ranks in 2 3; do
  mpirun "${mpi_flags[@]}" -np "$ranks" "$sisim" run "$scenario" -o "$dir/ranks$ranks.h5" --paths 700 --quiet --threads 1
  if ! h5diff --exclude-attribute / "$dir/one.h5" "$dir/ranks$ranks.h5"; then
    echo "FAIL: $ranks ranks differ from one process" >&2
    exit 1
  fi
  echo "ok: $ranks ranks give the same content as one process"
done

# stress, sweep and price split each of their runs over the ranks the same way; rank 0 writes.
src=$(cd "$(dirname "$scenario")/.." && pwd)
"$sisim" stress "$scenario" --cases "$src/scenarios/stress/standard.yaml" -o "$dir/stress1.h5" --paths 150 --quiet
mpirun "${mpi_flags[@]}" -np 2 "$sisim" stress "$scenario" --cases "$src/scenarios/stress/standard.yaml" \
  -o "$dir/stress2.h5" --paths 150 --quiet --threads 1
h5diff --exclude-attribute / "$dir/stress1.h5" "$dir/stress2.h5" || { echo "FAIL: stress differs" >&2; exit 1; }
echo "ok: stress with 2 ranks gives the same content as one process"

"$sisim" sweep "$src/scenarios/sweeps/effect-by-price.yaml" -o "$dir/sweep1.h5" --paths 40 --quiet --points 0:6
mpirun "${mpi_flags[@]}" -np 2 "$sisim" sweep "$src/scenarios/sweeps/effect-by-price.yaml" -o "$dir/sweep2.h5" \
  --paths 40 --quiet --points 0:6 --threads 1
h5diff --exclude-attribute / "$dir/sweep1.h5" "$dir/sweep2.h5" || { echo "FAIL: sweep differs" >&2; exit 1; }
echo "ok: sweep with 2 ranks gives the same content as one process"

"$sisim" price "$scenario" -o "$dir/price1.h5" --paths 200 --quiet
mpirun "${mpi_flags[@]}" -np 2 "$sisim" price "$scenario" -o "$dir/price2.h5" --paths 200 --quiet --threads 1
h5diff --exclude-attribute / "$dir/price1.h5" "$dir/price2.h5" || { echo "FAIL: price differs" >&2; exit 1; }
echo "ok: price with 2 ranks gives the same content as one process"
