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
