#!/usr/bin/env bash
# The README runs as written: every command line of its indented command blocks that calls
# build/sisim or an analysis script is run, in order, in one empty folder (build/, scenarios/ and
# analysis/ linked into it), and must succeed. An output written twice would fail here (no
# --force in the README). Python lines are skipped with a message when h5py or matplotlib is
# missing. Usage: readme_commands.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$build" "$work/build"
ln -s "$src/scenarios" "$work/scenarios"
ln -s "$src/analysis" "$work/analysis"
python_ok=1
python3 -c 'import h5py, matplotlib' 2>/dev/null || python_ok=0
ran=0
skipped=0
while IFS= read -r line; do
  cmd=${line#    }
  cmd=${cmd#bash scripts/setup.sh && }  # the setup step is CI's own first stage
  case "$cmd" in
    build/sisim*) ;;
    python3\ analysis/*)
      if [ "$python_ok" = 0 ]; then
        echo "skipped (no h5py/matplotlib): $cmd"
        skipped=$((skipped + 1))
        continue
      fi
      ;;
    *) continue ;;
  esac
  echo "+ $cmd"
  if ! (cd "$work" && bash -c "$cmd" > "$work/.last-output" 2>&1); then
    echo "FAILED: $cmd"
    cat "$work/.last-output"
    exit 1
  fi
  ran=$((ran + 1))
done < <(grep -E '^    (bash scripts/setup.sh && )?(build/sisim|python3 analysis/)' "$src/README.md")
echo "README commands: $ran ran, $skipped skipped"
[ "$ran" -ge 10 ] || { echo "too few README commands found ($ran)"; exit 1; }
