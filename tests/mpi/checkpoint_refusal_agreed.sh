#!/usr/bin/env bash
# MPI: when one rank refuses its checkpoint (damaged, or written with another rank count), every
# rank must refuse together (exit 65) instead of the refusing rank leaving while the others wait in
# the next collective forever. A hang here is killed by `timeout` and fails the test.
# Usage: checkpoint_refusal_agreed.sh SISIM_BINARY SCENARIO
set -euo pipefail
sisim=$1
scenario=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mpi_flags=(--oversubscribe)
[ "$(id -u)" -eq 0 ] && mpi_flags+=(--allow-run-as-root)
run() {
  timeout 120 mpirun "${mpi_flags[@]}" -np "$1" "$sisim" run "$scenario" -o "$dir/r.h5" --paths 400 --quiet \
    --threads 1 --checkpoint "$dir/c.ckpt" --set simulation.block_size=8
}

# Two ranks stopped half-way leave c.ckpt.rank0 and c.ckpt.rank1; damage rank 1's only.
timeout 120 mpirun "${mpi_flags[@]}" -np 2 "$sisim" run "$scenario" -o "$dir/first.h5" --paths 200000 --quiet \
  --threads 1 --checkpoint "$dir/c.ckpt" --set simulation.block_size=8 &
launcher=$!
sleep 3
kill -TERM "$launcher" 2>/dev/null || true
wait "$launcher" || true
if [ ! -f "$dir/c.ckpt.rank1" ]; then
  printf 'garbage' >"$dir/c.ckpt.rank1"
  printf 'garbage' >"$dir/c.ckpt.rank0"
fi
printf 'damage' | dd of="$dir/c.ckpt.rank1" bs=1 seek=20 conv=notrunc 2>/dev/null
set +e
run 2
code=$?
set -e
[ "$code" -eq 124 ] && { echo "FAIL: the job hung when one rank refused its checkpoint" >&2; exit 1; }
[ "$code" -eq 0 ] && { echo "FAIL: a damaged checkpoint was accepted" >&2; exit 1; }
echo "ok: 2 ranks refused a damaged rank-1 checkpoint together (exit $code)"

# Resuming with 3 ranks from 2 ranks' files: refused on every rank, not a deadlock.
set +e
run 3
code=$?
set -e
[ "$code" -eq 124 ] && { echo "FAIL: the job hung on a different rank count" >&2; exit 1; }
[ "$code" -eq 0 ] && { echo "FAIL: a checkpoint of 2 ranks was resumed by 3" >&2; exit 1; }
echo "ok: 3 ranks refused the checkpoint files of 2 ranks together (exit $code)"
[ ! -e "$dir/r.h5" ] || { echo "FAIL: a result was written" >&2; exit 1; }
