#!/usr/bin/env bash
# Installs the Debian 12 packages sisim needs to build and test. Idempotent: quick when all are present.
set -euo pipefail
packages=(cmake ninja-build g++ git libeigen3-dev libtbb-dev libhdf5-dev libyaml-cpp-dev hdf5-tools
          libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev libfmt-dev
          # the Python module (python/README.md) and its tests
          python3-dev pybind11-dev python3-numpy python3-pandas python3-xarray python3-h5py python3-pytest
          # headless browser for the report layout test (no horizontal overflow at 400 px)
          chromium)
[ "${SISIM_MPI:-}" = "1" ] && packages+=(openmpi-bin libopenmpi-dev)
[ "${SISIM_FUZZ:-}" = "1" ] && packages+=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
